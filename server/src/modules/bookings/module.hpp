#pragma once
#include "core/module.hpp"
#include "modules/bookings/routes.hpp"
#include "modules/bookings/service.hpp"

namespace service::bookings {

/// Free slots and bookings. Public: `service` (reviews asks it about bookings).
using Module = core::StandardModule<Repository, Service, Routes>;

}  // namespace service::bookings
