#pragma once
#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#include <libpq-fe.h>

#include "db/errors.hpp"

namespace service::db {

/// A statement's SQL and the name it is prepared under on every connection.
struct Statement {
    std::string_view name;
    std::string_view sql;
};

/// Statement parameters in libpq's text format; nullopt is SQL NULL. Values only ever travel
/// as parameters, never inside the SQL text.
class Params {
  public:
    Params() = default;
    template <typename... Ts>
    explicit Params(Ts&&... values) {
        values_.reserve(sizeof...(Ts));
        (add(std::forward<Ts>(values)), ...);
    }

    void add(std::nullptr_t) { values_.emplace_back(std::nullopt); }
    void add(std::string value) { values_.emplace_back(std::move(value)); }
    void add(std::string_view value) { values_.emplace_back(std::string(value)); }
    void add(const char* value) { values_.emplace_back(std::string(value)); }
    void add(bool value) { values_.emplace_back(value ? "t" : "f"); }
    void add(int value) { values_.emplace_back(std::to_string(value)); }
    void add(long value) { values_.emplace_back(std::to_string(value)); }
    void add(long long value) { values_.emplace_back(std::to_string(value)); }
    void add(double value);
    /// A text[]/uuid[] array literal.
    void add(const std::vector<std::string>& values);
    template <typename T>
    void add(const std::optional<T>& value) {
        if (value)
            add(*value);
        else
            add(nullptr);
    }

    int size() const { return static_cast<int>(values_.size()); }
    std::vector<const char*> pointers() const;

  private:
    std::vector<std::optional<std::string>> values_;
};

class Result;

/// One row of a Result; columns by index in the order the SQL file lists them.
class Row {
  public:
    Row(const PGresult* res, int row) : res_(res), row_(row) {}

    bool is_null(int col) const { return PQgetisnull(res_, row_, col) != 0; }
    std::string_view text(int col) const {
        return {PQgetvalue(res_, row_, col), static_cast<std::size_t>(PQgetlength(res_, row_, col))};
    }

    template <typename T>
    T get(int col) const;

  private:
    /// "column <name> <what>" as a DecodeError.
    DecodeError decode_error(int col, std::string_view what) const;

    const PGresult* res_;
    int row_;
};

/// Owns a PGresult.
class Result {
  public:
    Result() = default;
    explicit Result(PGresult* res) : res_(res, &PQclear) {}

    int size() const { return res_ ? PQntuples(res_.get()) : 0; }
    bool empty() const { return size() == 0; }
    Row operator[](int row) const { return Row(res_.get(), row); }
    /// Rows changed by INSERT/UPDATE/DELETE.
    long long affected() const;

  private:
    std::unique_ptr<PGresult, decltype(&PQclear)> res_{nullptr, &PQclear};
};

/// Parses a PostgreSQL text array of simple elements ({a,b}) such as uuid[].
std::vector<std::string> parse_text_array(std::string_view text);

namespace detail {
template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <typename T>
bool parse_number(std::string_view text, T& out) {
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}
}  // namespace detail

/// Reads column `col` as T: std::string, bool, int, std::int64_t, double, a text array
/// (std::vector<std::string>), or std::optional of any of them for a column that may be NULL.
/// NULL in a non-optional column, or text that is not a T, throws DecodeError: a reader never
/// turns a broken row into 0, "" or false.
template <typename T>
T Row::get(int col) const {
    if constexpr (detail::IsOptional<T>::value) {
        if (is_null(col)) return std::nullopt;
        return get<typename T::value_type>(col);
    } else {
        if (is_null(col)) throw decode_error(col, "is NULL");
        const auto t = text(col);
        if constexpr (std::is_same_v<T, std::string>) {
            return std::string(t);
        } else if constexpr (std::is_same_v<T, bool>) {
            if (t == "t") return true;
            if (t == "f") return false;
            throw decode_error(col, "is not a boolean");
        } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, std::int64_t> || std::is_same_v<T, double>) {
            T value{};
            if (!detail::parse_number(t, value)) throw decode_error(col, "is not a number of the expected type");
            return value;
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            return parse_text_array(t);
        } else {
            static_assert(!sizeof(T), "Row::get: unsupported column type");
        }
    }
}

}  // namespace service::db
