#pragma once
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/value.hpp>

#include "core/http_types.hpp"

/// Cursor pagination (`?limit=` ≤ 100, default 20, `?cursor=`), keyset-based so pages stay
/// stable while rows are inserted: a cursor is the (sort key, id) of the last row, opaque to
/// clients (base64url).
namespace service::core {

struct PageCursor {
    std::string key;  // the sort key as text (a number or a timestamp)
    std::string id;
};

/// One page of a list: how many rows and after which one.
struct PageRequest {
    int limit = 20;
    std::optional<PageCursor> after;
};

/// `?limit=` and `?cursor=` together (422 for either being malformed).
PageRequest page_request(const Request& req);
/// The `next_cursor` member of a list response: the encoded cursor, or null on the last page.
boost::json::value cursor_json(const std::optional<PageCursor>& next);

/// `?limit=`: 1..100, default 20; anything else is a 422 naming the field.
int page_limit(const Request& req);
/// `?cursor=`: nullopt when absent; a 422 when it is not one of ours.
std::optional<PageCursor> page_cursor(const Request& req);
std::string encode_cursor(const PageCursor& cursor);

/// An optional query parameter parsed as a number in [min, max] (422 otherwise).
std::optional<double> query_number(const Request& req, std::string_view name, double min, double max);

}  // namespace service::core
