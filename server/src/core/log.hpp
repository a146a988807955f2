#pragma once
#include <boost/json/object.hpp>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

/// JSON-lines logging to stdout: one object per line with `ts`, `level`, `msg` and fields.
///
/// write() formats the line on the calling thread and hands it to a bounded queue; one
/// background thread writes and flushes. I/O threads never wait for stdout: when the queue is
/// full the line is dropped and counted (the writer then logs how many were lost). Lines keep
/// the order in which write() calls finished; the queue is drained at exit and by flush().
namespace service::core::log {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

void set_level(Level level);
Level level();
/// Parses "debug", "info", "warn", "error"; returns false for anything else.
bool parse_level(std::string_view text, Level& out);

void write(Level level, std::string_view msg, boost::json::object fields = {});

/// Blocks until every line written before the call is on the output and flushed.
void flush();
/// Lines dropped so far because the queue was full.
unsigned long long dropped();
/// Where lines go (stdout by default); flushes what is queued for the old output first. For tests.
void set_output(std::FILE* out);

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
