#include "modules/services/repository.hpp"

#include "services_sql.hpp"

namespace service::services {
namespace {

Service from_row(const db::Row& r) {
    Service s;
    s.id = r.get<std::string>(0);
    s.name = r.get<std::string>(1);
    s.description = r.get<std::string>(2);
    s.category_id = r.get<std::string>(3);
    s.price_minor = r.get<std::int64_t>(4);
    s.currency = r.get<std::string>(5);
    s.duration_min = r.get<int>(6);
    s.active = r.get<bool>(7);
    return s;
}

}  // namespace

boost::json::object to_json(const Service& s) {
    return {{"id", s.id},
            {"name", s.name},
            {"description", s.description},
            {"category_id", s.category_id},
            {"price_minor", s.price_minor},
            {"currency", s.currency},
            {"duration_min", s.duration_min},
            {"active", s.active}};
}

net::awaitable<std::vector<Service>> Repository::list(db::Executor& db, std::string master_id, bool active_only) const {
    const auto rows = co_await db.query(sql::kListServices, db::Params(master_id, active_only));
    std::vector<Service> out;
    for (int i = 0; i < rows.size(); ++i) out.push_back(from_row(rows[i]));
    co_return out;
}

net::awaitable<std::optional<Service>> Repository::get(db::Executor& db, std::string id) const {
    const auto rows = co_await db.query(sql::kGetService, db::Params(id));
    if (rows.empty()) co_return std::nullopt;
    auto s = from_row(rows[0]);
    s.master_id = rows[0].get<std::string>(8);
    co_return s;
}

net::awaitable<Service> Repository::insert(db::Executor& db, std::string master_id, Service s) const {
    const auto rows = co_await db.query(sql::kInsertService,
                                        db::Params(master_id, s.name, s.description, s.category_id,
                                                   static_cast<long long>(s.price_minor), s.currency, s.duration_min));
    co_return from_row(rows[0]);
}

net::awaitable<std::optional<Service>> Repository::update(db::Executor& db, std::string id, std::string master_id,
                                                          ServiceChanges c) const {
    db::Params p(id, master_id);
    p.add(c.name.has_value());
    p.add(c.name);
    p.add(c.description.has_value());
    p.add(c.description);
    p.add(c.category_id.has_value());
    p.add(c.category_id);
    p.add(c.price_minor.has_value());
    p.add(c.price_minor ? std::optional<long long>(*c.price_minor) : std::nullopt);
    p.add(c.duration_min.has_value());
    p.add(c.duration_min);
    p.add(c.active.has_value());
    p.add(c.active);
    const auto rows = co_await db.query(sql::kUpdateService, std::move(p));
    if (rows.empty()) co_return std::nullopt;
    co_return from_row(rows[0]);
}

net::awaitable<bool> Repository::deactivate(db::Executor& db, std::string id, std::string master_id) const {
    const auto result = co_await db.query(sql::kDeactivateService, db::Params(id, master_id));
    co_return result.affected() > 0;
}

}  // namespace service::services
