#pragma once
#include <stdexcept>
#include <string>

namespace service::db {

/// A failed statement. `sqlstate` is the five-character SQLSTATE ("23505"), empty when the
/// failure was not reported by the server.
class Error : public std::runtime_error {
  public:
    Error(const std::string& message, std::string sqlstate)
        : std::runtime_error(message), sqlstate_(std::move(sqlstate)) {}
    const std::string& sqlstate() const { return sqlstate_; }

  private:
    std::string sqlstate_;
};

/// The database cannot serve the request right now (down, unreachable, pool exhausted,
/// migrations not yet applied). Maps to 503.
class Unavailable : public Error {
  public:
    explicit Unavailable(const std::string& message) : Error(message, {}) {}
};

}  // namespace service::db
