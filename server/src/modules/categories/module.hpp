#pragma once
#include "core/module.hpp"
#include "modules/categories/routes.hpp"
#include "modules/categories/service.hpp"

namespace service::categories {

/// The category catalogue. Public: `service`.
using Module = core::StandardModule<Repository, Service, Routes>;

}  // namespace service::categories
