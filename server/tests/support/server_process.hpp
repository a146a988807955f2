#pragma once
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <thread>

/// The real server binary as a child process, for the tests that kill, stop or restart it.
namespace service::testing {

/// Polls `condition` every 20 ms until it holds or `timeout` passes; its last answer.
template <typename F>
bool eventually(F condition, std::chrono::milliseconds timeout = std::chrono::seconds(15)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return condition();
}

/// A loopback port nothing listens on right now.
std::uint16_t free_port();

/// SERVICE_SERVER_BINARY on `port`, on the test stack (DATABASE_URL, REDIS_URL), with this
/// process's environment plus `extra` (which wins); 0 when it could not be started.
pid_t spawn_server(std::uint16_t port, const std::map<std::string, std::string>& extra = {});

/// Whether the server on `port` answers /ready with 200 within `timeout`.
bool answers_ready(std::uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(30));

/// Waits for the child to exit: its exit code, 128 + the signal that ended it, or -1 when it
/// had not exited within `timeout` (it is then killed).
int wait_exit(pid_t pid, std::chrono::milliseconds timeout);

}  // namespace service::testing
