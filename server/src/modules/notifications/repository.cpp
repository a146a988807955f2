#include "modules/notifications/repository.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "db/batches.hpp"
#include "notifications_sql.hpp"

namespace service::notifications {
namespace {

boost::json::object parse_object(std::string_view text) {
    auto v = boost::json::parse(text);
    return v.is_object() ? std::move(v.as_object()) : boost::json::object{};
}

Device device_from_row(const db::Row& row) {
    return Device{row.get<std::string>(0), row.get<std::string>(1), row.get<std::string>(2),
                  row.get<std::optional<std::string>>(3)};
}

}  // namespace

net::awaitable<std::optional<Recipient>> Repository::recipient(db::Executor& db, std::string user,
                                                               std::optional<std::string> actor,
                                                               std::string now) const {
    const auto rows = co_await db.query(sql::kRecipient, db::Params(user, actor, now));
    if (rows.empty()) co_return std::nullopt;
    const auto row = rows[0];
    Recipient r;
    r.locale = row.get<std::string>(0);
    r.types = parse_object(row.get<std::string>(1));
    r.grouping = row.get<bool>(2);
    r.blocked = row.get<bool>(3);
    r.quiet_end = row.get<std::optional<std::string>>(4);
    r.actor_name = row.get<std::optional<std::string>>(5);
    co_return r;
}

net::awaitable<void> Repository::lock_group(db::Executor& db, std::string user, std::string group_key) const {
    co_await db.query(sql::kLockGroup, db::Params(user, group_key));
}

net::awaitable<std::optional<std::pair<std::string, std::string>>> Repository::insert(db::Executor& db,
                                                                                      NewNotification n) const {
    db::Params params(n.user, n.type, n.actor, boost::json::serialize(n.target), n.group_key, n.dedupe_key, n.in_app,
                      n.created_at);
    const auto rows = co_await db.query(sql::kInsertNotification, std::move(params));
    if (rows.empty()) co_return std::nullopt;
    co_return std::pair{rows[0].get<std::string>(0), rows[0].get<std::string>(1)};
}

net::awaitable<db::Page<Item>> Repository::list(db::Executor& db, ListQuery query) const {
    db::Params params;
    params.add(query.user);
    params.add(query.types);
    params.add(query.only);
    db::add_page(params, query.page);
    const auto statement = query.grouped ? sql::kListGrouped : sql::kListSingle;
    const auto rows = co_await db.query(statement, std::move(params));
    co_return db::read_page(rows, query.page, 8, 0, [](const db::Row& row) {
        Item item;
        item.id = row.get<std::string>(0);
        item.type = row.get<std::string>(1);
        item.count = row.get<int>(2);
        item.created_at = row.get<std::string>(3);
        item.latest_at = row.get<std::string>(4);
        item.read = row.get<bool>(5);
        item.target = parse_object(row.get<std::string>(6));
        auto actors = boost::json::parse(row.get<std::string>(7));
        if (actors.is_array()) item.actors = std::move(actors.as_array());
        return item;
    });
}

net::awaitable<int> Repository::unread_count(db::Executor& db, std::string user, bool grouped) const {
    const auto rows = co_await db.query(sql::kUnreadCount, db::Params(user, grouped));
    co_return rows[0].get<int>(0);
}

net::awaitable<long long> Repository::mark_read(db::Executor& db, std::string user,
                                                std::optional<std::vector<std::string>> ids, std::string now) const {
    const auto rows = co_await db.query(sql::kMarkRead, db::Params(user, ids, now));
    co_return rows.affected();
}

net::awaitable<std::optional<Preferences>> Repository::preferences(db::Executor& db, std::string user) const {
    const auto rows = co_await db.query(sql::kGetPreferences, db::Params(user));
    if (rows.empty()) co_return std::nullopt;
    const auto row = rows[0];
    Preferences p;
    p.types = parse_object(row.get<std::string>(0));
    p.quiet_from = row.get<std::optional<std::string>>(1);
    p.quiet_to = row.get<std::optional<std::string>>(2);
    p.timezone = row.get<std::string>(3);
    p.grouping = row.get<bool>(4);
    p.locale = row.get<std::string>(5);
    co_return p;
}

net::awaitable<void> Repository::put_preferences(db::Executor& db, std::string user, Preferences p) const {
    co_await db.query(sql::kPutPreferences, db::Params(user, boost::json::serialize(p.types), p.quiet_from, p.quiet_to,
                                                       p.timezone, p.grouping));
}

net::awaitable<bool> Repository::timezone_exists(db::Executor& db, std::string name) const {
    const auto rows = co_await db.query(sql::kTimezoneExists, db::Params(name));
    co_return rows[0].get<bool>(0);
}

net::awaitable<std::pair<Device, bool>> Repository::upsert_device(db::Executor& db, std::string token, std::string user,
                                                                  std::string platform) const {
    const auto rows = co_await db.query(sql::kUpsertDevice, db::Params(token, user, platform));
    co_return std::pair{device_from_row(rows[0]), rows[0].get<bool>(4)};
}

net::awaitable<bool> Repository::delete_device(db::Executor& db, std::string token, std::string user) const {
    const auto rows = co_await db.query(sql::kDeleteDevice, db::Params(token, user));
    co_return rows.affected() > 0;
}

net::awaitable<std::vector<Device>> Repository::devices(db::Executor& db, std::string user) const {
    const auto rows = co_await db.query(sql::kListDevices, db::Params(user));
    std::vector<Device> out;
    out.reserve(static_cast<std::size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(device_from_row(rows[i]));
    co_return out;
}

net::awaitable<bool> Repository::device_owned(db::Executor& db, std::string token, std::string user) const {
    const auto rows = co_await db.query(sql::kDeviceOwned, db::Params(token, user));
    co_return rows[0].get<bool>(0);
}

net::awaitable<void> Repository::device_sent(db::Executor& db, std::string token, std::string user) const {
    co_await db.query(sql::kDeviceSent, db::Params(token, user));
}

net::awaitable<long long> Repository::purge(db::Executor& db, std::string before) const {
    co_return co_await db::delete_in_batches(db, sql::kPurgeNotifications, std::move(before));
}

}  // namespace service::notifications
