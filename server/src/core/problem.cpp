#include "core/problem.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/json_text.hpp"

namespace service::core {

ApiError::ApiError(http::status status, std::string code, std::string title, std::string detail,
                   std::vector<FieldError> errors)
    : status_(status),
      code_(std::move(code)),
      title_(std::move(title)),
      detail_(std::move(detail)),
      errors_(std::move(errors)) {}

ApiError& ApiError::with_header(http::field name, std::string value) {
    headers_.emplace_back(name, std::move(value));
    return *this;
}

ApiError ApiError::bad_request(std::string detail) {
    return {http::status::bad_request, "bad_request", "Bad request", std::move(detail)};
}
ApiError ApiError::unauthorized(std::string code, std::string detail) {
    return {http::status::unauthorized, std::move(code), "Unauthorized", std::move(detail)};
}
ApiError ApiError::forbidden(std::string detail) {
    return {http::status::forbidden, "forbidden", "Forbidden", std::move(detail)};
}
ApiError ApiError::not_found(std::string detail) {
    return {http::status::not_found, "not_found", "Not found", std::move(detail)};
}
ApiError ApiError::conflict(std::string code, std::string detail, std::vector<FieldError> errors) {
    return {http::status::conflict, std::move(code), "Conflict", std::move(detail), std::move(errors)};
}
ApiError ApiError::validation(std::vector<FieldError> errors) {
    return {http::status::unprocessable_entity, "validation_failed", "Validation failed",
            "One or more fields are invalid.", std::move(errors)};
}
ApiError ApiError::unavailable(std::string detail) {
    return {http::status::service_unavailable, "service_unavailable", "Service unavailable", std::move(detail)};
}

Response problem_response(const ApiError& error, std::string_view request_id) {
    boost::json::object body;
    body["type"] = "urn:service:problem:" + error.code();
    body["title"] = error.title();
    body["status"] = static_cast<int>(error.status());
    if (!error.detail().empty()) body["detail"] = error.detail();
    body["code"] = error.code();
    if (!request_id.empty()) body["instance"] = request_id;
    if (!error.errors().empty()) {
        boost::json::array list;
        for (const auto& e : error.errors())
            list.push_back(boost::json::object{{"field", e.field}, {"message", e.message}});
        body["errors"] = std::move(list);
    }
    Response res{error.status(), 11};
    res.set(http::field::content_type, "application/problem+json");
    for (const auto& [name, value] : error.headers()) res.set(name, value);
    res.body() = json_text(body);
    res.prepare_payload();
    return res;
}

Response internal_error_response(std::string_view request_id) {
    boost::json::object body;
    body["type"] = "about:blank";
    body["title"] = "Internal server error";
    body["status"] = 500;
    body["code"] = "internal_error";
    if (!request_id.empty()) body["instance"] = request_id;
    Response res{http::status::internal_server_error, 11};
    res.set(http::field::content_type, "application/problem+json");
    res.body() = json_text(body);
    res.prepare_payload();
    return res;
}

}  // namespace service::core
