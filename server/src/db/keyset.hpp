#pragma once
#include <optional>
#include <utility>
#include <vector>

#include "core/pagination.hpp"
#include "db/result.hpp"

/// Keyset pagination, written once: every list statement ends its parameters with
/// (cursor key, cursor id, limit + 1) and fetches one row more than it shows, so the extra
/// row says whether a next page exists without a COUNT.
namespace service::db {

template <typename T>
struct Page {
    std::vector<T> items;
    std::optional<core::PageCursor> next;
};

/// Appends the page's three parameters: the cursor's key and id (NULL on the first page) and
/// limit + 1.
inline void add_page(Params& params, const core::PageRequest& page) {
    params.add(page.after ? std::optional<std::string>(page.after->key) : std::nullopt);
    params.add(page.after ? std::optional<std::string>(page.after->id) : std::nullopt);
    params.add(page.limit + 1);
}

/// Reads up to page.limit rows with `read(row)`; when the statement returned the extra row,
/// the next cursor is the last shown row's columns `key_col` (sort key) and `id_col`.
template <typename Read>
auto read_page(const Result& rows, const core::PageRequest& page, int key_col, int id_col, Read read)
    -> Page<decltype(read(std::declval<Row>()))> {
    Page<decltype(read(std::declval<Row>()))> out;
    const int shown = std::min(rows.size(), page.limit);
    out.items.reserve(static_cast<std::size_t>(shown));
    for (int i = 0; i < shown; ++i) out.items.push_back(read(rows[i]));
    if (rows.size() > page.limit) {
        const auto last = rows[shown - 1];
        out.next = core::PageCursor{last.get<std::string>(key_col), last.get<std::string>(id_col)};
    }
    return out;
}

}  // namespace service::db
