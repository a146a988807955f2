#pragma once
#include "core/module.hpp"
#include "modules/favorites/routes.hpp"
#include "modules/favorites/service.hpp"

namespace service::favorites {

/// A user's favourite masters.
using Module = core::StandardModule<Repository, Service, Routes>;

}  // namespace service::favorites
