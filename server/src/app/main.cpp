// service-server: the HTTP/WebSocket server and its maintenance commands.
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "app/conformance.hpp"
#include "core/log.hpp"

namespace {

std::optional<std::string> getenv_value(std::string_view name) {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace service;
    std::vector<std::string> args(argv + 1, argv + argc);
    const std::string command = args.empty() ? "serve" : args[0];
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << core::config_help();
        return 0;
    }
    if (command == "conformance") {
        const auto port = getenv_value("PORT");
        return app::run_conformance(port ? std::stoi(*port) : 3000);
    }
    if (command != "serve" && command != "migrate" && command != "create-admin" && command != "seed-demo" &&
        command != "jobs") {
        std::cerr << "unknown command '" << command << "'\n\n" << core::config_help();
        return 2;
    }

    core::Config config;
    try {
        config = core::load_config(getenv_value);
    } catch (const core::ConfigError& e) {
        std::cerr << "configuration error: " << e.what() << "\n(run with --help for the list of settings)\n";
        return 2;
    }
    core::log::set_level(config.log_level);

    if (command == "migrate") return app::run_migrations(config);
    if (command == "seed-demo") return app::seed_demo(config);
    if (command == "jobs") return app::jobs_command(config, std::vector<std::string>(args.begin() + 1, args.end()));
    if (command == "create-admin") {
        std::string email, password, name;
        for (std::size_t i = 1; i + 1 < args.size(); i += 2) {
            if (args[i] == "--email")
                email = args[i + 1];
            else if (args[i] == "--password")
                password = args[i + 1];
            else if (args[i] == "--name")
                name = args[i + 1];
            else {
                std::cerr << "unknown option " << args[i] << "\n";
                return 2;
            }
        }
        if (email.empty() || password.empty()) {
            std::cerr << "usage: service-server create-admin --email E --password P [--name N]\n";
            return 2;
        }
        return app::create_admin(config, email, password, name);
    }

    try {
        app::App app(std::move(config));
        app.start();
        return app.wait();
    } catch (const std::exception& e) {
        core::log::error("fatal", {{"error", e.what()}});
        return 1;
    }
}
