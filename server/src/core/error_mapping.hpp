#pragma once
#include <boost/json/object.hpp>
#include <exception>
#include <optional>

#include "core/problem.hpp"

namespace service::core {

/// The one table from failures to what a client sees, shared by the REST error middleware and
/// the Socket.IO acknowledgements:
///   ApiError                                  → as thrown
///   db::UniqueViolation (23505)               → 409 conflict
///   db::ForeignKeyViolation (23503)           → 422 "refers to something that does not exist"
///   db::InvalidValue (class 22)               → 400
///   db::Unavailable (down, pool exhausted)    → 503, Retry-After: 1
///   db::TransactionConflict, QueryCancelled,
///   db::ConnectionLost (08, 57P01–57P03)      → 503 "busy", Retry-After: 1
/// Anything else (another db::Error, a DecodeError, any exception) is logged at error level
/// with `context` and yields nullopt: the caller answers 500 without detail.
std::optional<ApiError> to_problem(const std::exception_ptr& error, const boost::json::object& context);

}  // namespace service::core
