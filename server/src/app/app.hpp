#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/config.hpp"
#include "core/router.hpp"

namespace service::app {

/// The composition root: builds every shared mechanism and module, wires the middleware chain
/// and owns the threads. main() and the integration tests both use it.
class App {
  public:
    explicit App(core::Config config);
    /// With `clock` as every rule's "now" (tests); it must outlive the App.
    App(core::Config config, const core::Clock& clock);
    ~App();

    /// Starts the I/O threads, Redis, the migrator and the listener; returns the bound port.
    std::uint16_t start();
    /// Blocks until SIGINT/SIGTERM (or stop()) has drained everything. Returns the exit code.
    int wait();
    /// Begins the graceful shutdown from any thread.
    void stop();

    const core::Router& router() const;

  private:
    App(core::Config config, const core::Clock* clock);

    struct Parts;
    std::unique_ptr<Parts> parts_;
};

/// `service-server migrate`: apply migrations and exit. Returns the exit code.
int run_migrations(const core::Config& config);
/// `service-server seed-demo`: loads the demo data (idempotent); returns the exit code.
int seed_demo(const core::Config& config);
/// `service-server jobs list|retry|cancel ...` (`args` after "jobs"): returns the exit code.
int jobs_command(const core::Config& config, const std::vector<std::string>& args);
/// `service-server create-admin`: returns the exit code.
int create_admin(const core::Config& config, const std::string& email, const std::string& password,
                 const std::string& name);

}  // namespace service::app
