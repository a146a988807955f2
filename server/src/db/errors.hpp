#pragma once
#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>

/// Database failures as types, one per SQLSTATE class that callers branch on (the userver
/// pattern: IntegrityConstraintViolation → UniqueViolation …). Code catches the type it
/// expects (`catch (const db::UniqueViolation&)`) instead of comparing SQLSTATE strings;
/// core/error_mapping.cpp turns every type into the one problem a client sees.
namespace service::db {

/// A failed statement. `sqlstate` is the five-character SQLSTATE ("23505"), empty when the
/// failure was not reported by the server; `constraint` names the violated constraint when
/// PostgreSQL reports one.
class Error : public std::runtime_error {
  public:
    Error(const std::string& message, std::string sqlstate, std::string constraint = {})
        : std::runtime_error(message), sqlstate_(std::move(sqlstate)), constraint_(std::move(constraint)) {}
    const std::string& sqlstate() const { return sqlstate_; }
    const std::string& constraint() const { return constraint_; }

  private:
    std::string sqlstate_;
    std::string constraint_;
};

/// Class 23: the change would break a constraint of the schema.
class ConstraintViolation : public Error {
    using Error::Error;
};
/// 23505: a unique index already holds the value.
class UniqueViolation : public ConstraintViolation {
    using ConstraintViolation::ConstraintViolation;
};
/// 23503: a referenced row does not exist (or a referencing row still does).
class ForeignKeyViolation : public ConstraintViolation {
    using ConstraintViolation::ConstraintViolation;
};
/// 23P01: an exclusion constraint (overlapping time ranges) rejected the row.
class ExclusionViolation : public ConstraintViolation {
    using ConstraintViolation::ConstraintViolation;
};

/// Class 22: a value is malformed or out of range for its type.
class InvalidValue : public Error {
    using Error::Error;
};

/// 40001 serialization failure or 40P01 deadlock: the whole transaction may succeed if run
/// again; in_transaction() does that.
class TransactionConflict : public Error {
    using Error::Error;
};

/// 57014: the statement ran past statement_timeout or was cancelled.
class QueryCancelled : public Error {
    using Error::Error;
};

/// The database cannot serve the request right now (down, unreachable, pool exhausted,
/// migrations not yet applied). Maps to 503.
class Unavailable : public Error {
  public:
    explicit Unavailable(const std::string& message, std::string sqlstate = {}) : Error(message, std::move(sqlstate)) {}
};

/// Class 08, 57P01–57P03: the server closed or refused the session (restart, admin shutdown,
/// "the database system is starting up"). The connection is dropped from the pool.
class ConnectionLost : public Unavailable {
    using Unavailable::Unavailable;
};

/// A column value that the code cannot read as the type it asked for: NULL where a value is
/// required, or text that does not parse. A bug in a query or its reader, never the client's.
class DecodeError : public Error {
  public:
    explicit DecodeError(const std::string& message) : Error(message, {}) {}
};

/// True for SQLSTATEs after which the connection must not be reused.
inline bool is_connection_loss(std::string_view sqlstate) {
    return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03";
}

/// The exception for a failure PostgreSQL reported with `sqlstate` (see the classes above).
std::exception_ptr make_error(const std::string& message, std::string_view sqlstate, std::string constraint = {});

}  // namespace service::db
