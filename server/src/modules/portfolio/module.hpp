#pragma once
#include "core/module.hpp"
#include "modules/portfolio/routes.hpp"
#include "modules/portfolio/service.hpp"

namespace service::portfolio {

/// Masters' portfolios: photos of their work, shown on the master page.
using Module = core::StandardModule<Repository, Service, Routes>;

}  // namespace service::portfolio
