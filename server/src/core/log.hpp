#pragma once
#include <boost/json/object.hpp>
#include <exception>
#include <string>
#include <string_view>

/// JSON-lines logging to stdout: one object per line with `ts`, `level`, `msg` and fields.
namespace service::core::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

void set_level(Level level);
Level level();
/// Parses "debug", "info", "warn", "error"; returns false for anything else.
bool parse_level(std::string_view text, Level& out);

void write(Level level, std::string_view msg, boost::json::object fields = {});

/// The message of an exception caught as exception_ptr (co_spawn completion handlers).
std::string describe(std::exception_ptr error);

inline void debug(std::string_view msg, boost::json::object fields = {}) {
    if (level() <= Level::kDebug) write(Level::kDebug, msg, std::move(fields));
}
inline void info(std::string_view msg, boost::json::object fields = {}) { write(Level::kInfo, msg, std::move(fields)); }
inline void warn(std::string_view msg, boost::json::object fields = {}) { write(Level::kWarn, msg, std::move(fields)); }
inline void error(std::string_view msg, boost::json::object fields = {}) {
    write(Level::kError, msg, std::move(fields));
}

}  // namespace service::core::log
