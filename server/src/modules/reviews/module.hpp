#pragma once
#include "core/module.hpp"
#include "modules/reviews/routes.hpp"
#include "modules/reviews/service.hpp"

namespace service::reviews {

/// Reviews of completed visits and masters' replies.
using Module = core::StandardModule<Repository, Service, Routes>;

}  // namespace service::reviews
