#pragma once
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "core/http_types.hpp"

namespace service::core {

struct FieldError {
    std::string field;
    std::string message;
};

/// A request failure that the client should see, rendered as RFC 9457 problem+json.
/// `code` is the stable machine-readable name (`email_taken`), `title` a short human summary,
/// `detail` the specific explanation. Internal details never go here; log them instead.
class ApiError : public std::exception {
  public:
    ApiError(http::status status, std::string code, std::string title, std::string detail = {},
             std::vector<FieldError> errors = {});

    const char* what() const noexcept override { return title_.c_str(); }
    http::status status() const { return status_; }
    const std::string& code() const { return code_; }
    const std::string& title() const { return title_; }
    const std::string& detail() const { return detail_; }
    const std::vector<FieldError>& errors() const { return errors_; }
    const std::vector<std::pair<http::field, std::string>>& headers() const { return headers_; }
    ApiError& with_header(http::field name, std::string value);

    static ApiError bad_request(std::string detail);
    static ApiError unauthorized(std::string code, std::string detail);
    static ApiError forbidden(std::string detail);
    static ApiError not_found(std::string detail = "The requested resource does not exist.");
    static ApiError conflict(std::string code, std::string detail, std::vector<FieldError> errors = {});
    static ApiError validation(std::vector<FieldError> errors);
    static ApiError unavailable(std::string detail);

  private:
    http::status status_;
    std::string code_;
    std::string title_;
    std::string detail_;
    std::vector<FieldError> errors_;
    std::vector<std::pair<http::field, std::string>> headers_;
};

/// problem+json response for `error`; `instance` is the request id.
Response problem_response(const ApiError& error, std::string_view request_id);

/// The 500 shown to clients: no detail, only the request id to quote to support.
Response internal_error_response(std::string_view request_id);

}  // namespace service::core
