#include "core/error_mapping.hpp"

#include "core/log.hpp"
#include "db/errors.hpp"

namespace service::core {
namespace {

boost::json::object with(boost::json::object fields, const std::exception& e) {
    fields["error"] = e.what();
    if (const auto* db_error = dynamic_cast<const db::Error*>(&e); db_error && !db_error->sqlstate().empty()) {
        fields["sqlstate"] = db_error->sqlstate();
    }
    return fields;
}

ApiError retry_later(std::string detail) {
    auto problem = ApiError::unavailable(std::move(detail));
    problem.with_header(http::field::retry_after, "1");
    return problem;
}

}  // namespace

std::optional<ApiError> to_problem(const std::exception_ptr& error, const boost::json::object& context) {
    try {
        std::rethrow_exception(error);
    } catch (const ApiError& e) {
        return e;
    } catch (const db::UniqueViolation&) {
        return ApiError::conflict("conflict", "The resource conflicts with an existing one.");
    } catch (const db::ForeignKeyViolation&) {
        return ApiError::validation({{"", "refers to something that does not exist"}});
    } catch (const db::InvalidValue&) {
        return ApiError::bad_request("A value in the request is out of range or malformed.");
    } catch (const db::ConnectionLost& e) {
        log::warn("database busy", with(context, e));
        return retry_later("The database is busy; please retry.");
    } catch (const db::Unavailable& e) {
        log::warn("database unavailable", with(context, e));
        return retry_later("The database is temporarily unavailable; please retry.");
    } catch (const db::TransactionConflict& e) {
        log::warn("database busy", with(context, e));
        return retry_later("The database is busy; please retry.");
    } catch (const db::QueryCancelled& e) {
        log::warn("database busy", with(context, e));
        return retry_later("The database is busy; please retry.");
    } catch (const db::Error& e) {
        log::error("database error", with(context, e));
    } catch (const std::exception& e) {
        log::error("unhandled exception", with(context, e));
    } catch (...) {
        log::error("unhandled exception", context);
    }
    return std::nullopt;
}

}  // namespace service::core
