#pragma once
#include "core/module.hpp"
#include "modules/search/routes.hpp"
#include "modules/search/service.hpp"

namespace service::search {

/// Search and suggestions over masters, services and posts (docs/search.md). Nothing public:
/// the documents are kept by triggers in the transaction of every write to their sources.
using Module = core::StandardModule<Repository, Service, Routes>;

}  // namespace service::search
