#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "core/http_types.hpp"
#include "core/problem.hpp"

namespace service::core {

/// The request body as a JSON object. Malformed JSON or a non-object → 400 problem.
boost::json::object parse_json_object(const Request& req);

/// Number of Unicode code points in valid UTF-8 text (Boost.JSON already rejected invalid UTF-8).
std::size_t utf8_length(std::string_view text);
bool is_uuid(std::string_view text);

/// Reads typed fields out of a JSON object and collects every problem, so a client learns about
/// all bad fields at once: call check() at the end, which throws a 422 listing them.
class Validator {
  public:
    explicit Validator(const boost::json::object& body, std::string prefix = {});

    bool has(std::string_view field) const;
    bool is_null(std::string_view field) const;

    /// A string of [min_chars, max_chars] code points; trimmed of surrounding spaces when `trim`.
    std::optional<std::string> string(std::string_view field, std::size_t min_chars, std::size_t max_chars,
                                      bool required, bool trim = true);
    std::optional<double> number(std::string_view field, double min, double max, bool required);
    std::optional<bool> boolean(std::string_view field, bool required);
    /// One of `allowed`.
    std::optional<std::string> one_of(std::string_view field, const std::vector<std::string_view>& allowed,
                                      bool required);
    /// An array of distinct UUID strings, at most `max_items`.
    std::optional<std::vector<std::string>> uuid_array(std::string_view field, std::size_t max_items, bool required);
    /// A nested object; nullptr (with an error recorded) when present but not an object.
    const boost::json::object* object(std::string_view field, bool required);

    void add_error(std::string_view field, std::string message);
    /// Adopts the errors of a validator for a nested object (its prefix already names the path).
    void merge(Validator& nested);
    bool ok() const { return errors_.empty(); }
    /// Throws ApiError 422 when any field was invalid.
    void check() const;
    std::vector<FieldError> take_errors() { return std::move(errors_); }

  private:
    const boost::json::value* find(std::string_view field, bool required);
    std::string name(std::string_view field) const;

    const boost::json::object& body_;
    std::string prefix_;
    std::vector<FieldError> errors_;
};

}  // namespace service::core
