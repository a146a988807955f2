#pragma once
#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <libpq-fe.h>

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

template <>
inline std::string Row::get<std::string>(int col) const {
    return std::string(text(col));
}
template <>
inline bool Row::get<bool>(int col) const {
    return text(col) == "t";
}
template <>
inline std::int64_t Row::get<std::int64_t>(int col) const {
    std::int64_t v = 0;
    const auto t = text(col);
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
}
template <>
inline int Row::get<int>(int col) const {
    int v = 0;
    const auto t = text(col);
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
}
template <>
inline double Row::get<double>(int col) const {
    return std::stod(std::string(text(col)));
}
template <>
inline std::optional<std::string> Row::get<std::optional<std::string>>(int col) const {
    if (is_null(col)) return std::nullopt;
    return std::string(text(col));
}
template <>
inline std::optional<double> Row::get<std::optional<double>>(int col) const {
    if (is_null(col)) return std::nullopt;
    return get<double>(col);
}
template <>
inline std::vector<std::string> Row::get<std::vector<std::string>>(int col) const {
    if (is_null(col)) return {};
    return parse_text_array(text(col));
}

}  // namespace service::db
