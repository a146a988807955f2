#pragma once
#include "core/module.hpp"
#include "modules/schedule/routes.hpp"
#include "modules/schedule/service.hpp"

namespace service::schedule {

/// Masters' working hours and exceptions.
using Module = core::StandardModule<Repository, Service, Routes>;

}  // namespace service::schedule
