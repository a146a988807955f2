#include "db/errors.hpp"

namespace service::db {

std::exception_ptr make_error(const std::string& message, std::string_view sqlstate, std::string constraint) {
    std::string state(sqlstate);
    if (state == "23505") return std::make_exception_ptr(UniqueViolation(message, state, std::move(constraint)));
    if (state == "23503") return std::make_exception_ptr(ForeignKeyViolation(message, state, std::move(constraint)));
    if (state == "23P01") return std::make_exception_ptr(ExclusionViolation(message, state, std::move(constraint)));
    if (state.starts_with("23")) {
        return std::make_exception_ptr(ConstraintViolation(message, state, std::move(constraint)));
    }
    if (state.starts_with("22")) return std::make_exception_ptr(InvalidValue(message, state));
    if (state == "40001" || state == "40P01") return std::make_exception_ptr(TransactionConflict(message, state));
    if (state == "57014") return std::make_exception_ptr(QueryCancelled(message, state));
    if (is_connection_loss(state)) return std::make_exception_ptr(ConnectionLost(message, state));
    return std::make_exception_ptr(Error(message, state, std::move(constraint)));
}

}  // namespace service::db
