#include "support/server_process.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <vector>

#include "support/http_client.hpp"
#include "support/test_env.hpp"

extern char** environ;

namespace service::testing {

std::uint16_t free_port() {
    net::io_context ioc;
    tcp::acceptor acceptor(ioc, {net::ip::make_address("127.0.0.1"), 0});
    return acceptor.local_endpoint().port();
}

pid_t spawn_server(std::uint16_t port, const std::map<std::string, std::string>& extra) {
    std::map<std::string, std::string> settings{{"DATABASE_URL", test_env().database_url},
                                                {"REDIS_URL", test_env().redis_url},
                                                {"PORT", std::to_string(port)},
                                                {"LOG_LEVEL", "warn"}};
    for (const auto& [name, value] : extra) settings[name] = value;
    std::vector<std::string> env_strings;
    for (char** e = environ; *e != nullptr; ++e) {
        const std::string entry(*e);
        if (!settings.contains(entry.substr(0, entry.find('=')))) env_strings.push_back(entry);
    }
    for (const auto& [name, value] : settings) env_strings.push_back(name + "=" + value);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::string binary = SERVICE_SERVER_BINARY;
    char* argv[] = {binary.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, binary.c_str(), nullptr, nullptr, argv, envp.data()) != 0) return 0;
    return pid;
}

bool answers_ready(std::uint16_t port, std::chrono::milliseconds timeout) {
    return eventually(
        [&] {
            try {
                return get(port, "/ready").status == 200;
            } catch (...) {
                return false;
            }
        },
        timeout);
}

int wait_exit(pid_t pid, std::chrono::milliseconds timeout) {
    int status = 0;
    if (!eventually([&] { return waitpid(pid, &status, WNOHANG) == pid; }, timeout)) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        return -1;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace service::testing
