#pragma once
#include "core/module.hpp"
#include "modules/masters/routes.hpp"
#include "modules/masters/service.hpp"

namespace service::masters {

/// Master profiles and the nearby search. Public: `service`.
using Module = core::StandardModule<Repository, Service, Routes>;

}  // namespace service::masters
