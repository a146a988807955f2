#pragma once
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

/// A local S3-compatible server for the tests of the S3 backend: @20minutes/s3rver, installed
/// by scripts/setup under tools/s3rver/ (see s3_storage_it_test.cpp for what it verifies).
namespace service::testing {

std::optional<std::string> find_in_path(const std::string& program);

struct HttpReply {
    long status = 0;
    std::string body;
};

/// A plain client, as a browser would use a presigned URL: no credentials, no signing.
HttpReply plain_http(const std::string& method, const std::string& url,
                     const std::vector<std::pair<std::string, std::string>>& headers = {},
                     const std::string& body = {});

/// One s3rver child process with its own data directory; stopped (SIGTERM) and removed on
/// destruction.
class S3rver {
  public:
    S3rver(const std::string& node, const std::string& script, std::vector<std::string> buckets) {
        char dir_template[] = "/tmp/s3rver-it.XXXXXX";
        if (::mkdtemp(dir_template) == nullptr) throw std::runtime_error("mkdtemp failed");
        dir_ = dir_template;
        int out[2];
        int in[2];
        if (::pipe(out) != 0 || ::pipe(in) != 0) throw std::runtime_error("pipe failed");
        pid_ = ::fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            ::dup2(in[0], STDIN_FILENO);
            ::dup2(out[1], STDOUT_FILENO);
            ::close(in[0]);
            ::close(in[1]);
            ::close(out[0]);
            ::close(out[1]);
            std::vector<char*> argv{const_cast<char*>("node"), const_cast<char*>(script.c_str()),
                                    const_cast<char*>(dir_.c_str())};
            for (auto& b : buckets) argv.push_back(b.data());
            argv.push_back(nullptr);
            ::execv(node.c_str(), argv.data());
            ::_exit(127);
        }
        ::close(in[0]);
        ::close(out[1]);
        stdin_ = in[1];  // s3rver stops when this closes, even if we die without the destructor
        stdout_ = out[0];
        try {
            port_ = read_port();
        } catch (...) {
            stop();
            throw;
        }
    }
    S3rver(const S3rver&) = delete;
    S3rver& operator=(const S3rver&) = delete;

    ~S3rver() { stop(); }

    std::uint16_t port() const { return port_; }
    const std::filesystem::path& dir() const { return dir_; }

  private:
    void stop() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            int status = 0;
            ::waitpid(pid_, &status, 0);
            pid_ = -1;
        }
        if (stdin_ >= 0) ::close(stdin_);
        if (stdout_ >= 0) ::close(stdout_);
        stdin_ = stdout_ = -1;
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }

    std::uint16_t read_port() {
        const std::string marker = "s3rver listening on ";
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        std::string seen;
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd p{stdout_, POLLIN, 0};
            if (::poll(&p, 1, 200) <= 0) continue;
            char buffer[256];
            const auto n = ::read(stdout_, buffer, sizeof buffer);
            if (n <= 0) break;
            seen.append(buffer, static_cast<std::size_t>(n));
            const auto at = seen.find(marker);
            const auto end = at == std::string::npos ? at : seen.find('\n', at);
            if (end != std::string::npos) return static_cast<std::uint16_t>(std::stoi(seen.substr(at + marker.size())));
        }
        throw std::runtime_error("s3rver did not start; its output: " + seen);
    }

    std::filesystem::path dir_;
    pid_t pid_ = -1;
    int stdin_ = -1;
    int stdout_ = -1;
    std::uint16_t port_ = 0;
};

}  // namespace service::testing
