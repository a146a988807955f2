#include "modules/notifications/service.hpp"

#include <regex>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"
#include "infra/jobs/queue.hpp"
#include "modules/notifications/texts.hpp"
#include "modules/notifications/types.hpp"

namespace service::notifications {
namespace {

std::string text_field(const boost::json::object& o, std::string_view name) {
    const auto* v = o.if_contains(name);
    if (v == nullptr) return {};
    if (v->is_string()) return std::string(v->as_string());
    if (v->is_int64()) return std::to_string(v->as_int64());
    return {};
}

/// A channel's switch in the preference overrides; on unless switched off.
bool channel(const boost::json::object& types, std::string_view type, std::string_view name) {
    const auto* entry = types.if_contains(type);
    if (entry == nullptr || !entry->is_object()) return true;
    const auto* value = entry->as_object().if_contains(name);
    return value == nullptr || !value->is_bool() || value->as_bool();
}

bool valid_clock(const std::string& s) {
    static const std::regex kClock("^([01][0-9]|2[0-3]):[0-5][0-9]$");
    return std::regex_match(s, kClock);
}

}  // namespace

boost::json::object Service::to_json(const Item& item, std::string_view locale) const {
    boost::json::array actors;
    std::vector<std::string> names;
    for (const auto& a : item.actors) {
        const auto& o = a.as_object();
        const auto avatar = text_field(o, "avatar_media_id");
        names.push_back(text_field(o, "name"));
        actors.push_back(
            boost::json::object{{"id", o.at("id")},
                                {"name", o.at("name")},
                                {"avatar_url", avatar.empty() ? boost::json::value(nullptr)
                                                              : boost::json::value(media_.public_url(avatar))}});
    }
    const auto text = render(item.type, locale, names, item.count, item.target);
    return boost::json::object{{"id", item.id},
                               {"type", item.type},
                               {"count", item.count},
                               {"actors", std::move(actors)},
                               {"target", item.target},
                               {"created_at", item.created_at},
                               {"latest_at", item.latest_at},
                               {"read", item.read},
                               {"text", text.body}};
}

net::awaitable<void> Service::create(Notice notice) {
    const TypeInfo* info = find_type(notice.type);
    if (info == nullptr) throw infra::jobs::Discard("unknown notification type " + notice.type);
    const auto now = core::to_timestamptz(clock_.now());
    auto tx = co_await db::Transaction::begin(pool_);
    const auto recipient = co_await repository_.recipient(tx, notice.recipient, notice.actor, now);
    const bool self = notice.actor && *notice.actor == notice.recipient;
    if (!recipient || recipient->blocked || self) {
        co_await tx.commit();  // a banned or deleted user, a block, or one's own action: nothing to tell
        co_return;
    }
    const bool in_app = info->in_app && channel(recipient->types, notice.type, "in_app");
    const bool push = channel(recipient->types, notice.type, "push");
    if (!in_app && !push) {
        co_await tx.commit();
        co_return;
    }
    std::optional<std::string> group_key;
    if (!info->group_by.empty()) {
        const auto by = text_field(notice.target, info->group_by);
        if (!by.empty()) group_key = notice.type + ":" + by;
    }
    if (group_key) co_await repository_.lock_group(tx, notice.recipient, *group_key);
    NewNotification n;
    n.user = notice.recipient;
    n.type = notice.type;
    n.actor = notice.actor;
    n.target = notice.target;
    n.group_key = group_key;
    n.dedupe_key = notice.dedupe_key;
    n.in_app = in_app;
    n.created_at = now;
    const auto inserted = co_await repository_.insert(tx, std::move(n));
    if (!inserted) {
        co_await tx.commit();  // this event was notified already (the job ran before)
        co_return;
    }
    const std::string id = inserted->first;
    const std::string group_id = inserted->second;
    std::optional<Item> item;
    if (in_app) {
        ListQuery q;
        q.user = notice.recipient;
        q.grouped = recipient->grouping;
        q.only = recipient->grouping ? group_id : id;
        q.page.limit = 1;
        auto page = co_await repository_.list(tx, std::move(q));
        if (!page.items.empty()) item = std::move(page.items.front());
    }
    if (push) {
        std::vector<std::string> names;
        int count = 1;
        if (item) {
            for (const auto& a : item->actors) names.push_back(text_field(a.as_object(), "name"));
            count = item->count;
        } else if (recipient->actor_name) {
            names.push_back(*recipient->actor_name);
        }
        const auto text = render(notice.type, recipient->locale, names, count, notice.target);
        const auto devices = co_await repository_.devices(tx, notice.recipient);
        for (const auto& d : devices) {
            boost::json::object data{{"type", notice.type},
                                     {"notification_id", id},
                                     {"target_type", text_field(notice.target, "type")},
                                     {"target_id", text_field(notice.target, "id")}};
            boost::json::object payload{{"user", notice.recipient},
                                        {"token", d.token},
                                        {"platform", d.platform},
                                        {"title", text.title},
                                        {"body", text.body},
                                        {"data", std::move(data)},
                                        {"collapse_key", notice.collapse_key.value_or(group_id)}};
            infra::jobs::EnqueueOptions options;
            // Quiet hours hold the push back until they end.
            if (recipient->quiet_end) options.run_at = core::parse_utc(*recipient->quiet_end);
            options.unique_key = "push:" + id + ":" + core::sha256_hex(d.token).substr(0, 16);
            options.max_attempts = 8;
            boost::json::value value = std::move(payload);
            co_await infra::jobs::enqueue(tx, std::string(kPushJob), std::move(value), std::move(options));
        }
    }
    co_await tx.commit();
    if (item) {
        publisher_.to_user(notice.recipient, "notification:new", to_json(*item, recipient->locale));
        co_await announce_unread(notice.recipient, recipient->grouping);
    }
}

net::awaitable<void> Service::send_push(infra::jobs::Job job) {
    const auto* o = job.payload.if_object();
    if (o == nullptr) throw infra::jobs::Discard("push: payload is not an object");
    infra::push::Message message;
    const std::string user = text_field(*o, "user");
    message.token = text_field(*o, "token");
    message.platform = text_field(*o, "platform");
    message.title = text_field(*o, "title");
    message.body = text_field(*o, "body");
    if (const auto* data = o->if_contains("data"); data != nullptr && data->is_object()) {
        for (const auto& [k, v] : data->as_object()) {
            message.data.emplace_back(std::string(k), v.is_string() ? std::string(v.as_string()) : std::string());
        }
    }
    if (auto key = text_field(*o, "collapse_key"); !key.empty()) message.collapse_key = std::move(key);
    if (user.empty() || message.token.empty()) throw infra::jobs::Discard("push: needs user and token");
    // The device may have moved to another user or been removed since.
    const bool owned = co_await repository_.device_owned(pool_, message.token, user);
    if (!owned) co_return;
    auto* provider = &push_;
    // Named: GCC 12 mis-copies a lambda temporary's captures in a co_await expression.
    auto work = [provider, message = std::move(message)]() { return provider->send(message); };
    const auto result = co_await blocking_.run(std::move(work));
    switch (result.outcome) {
        case infra::push::Outcome::kSent:
            co_await repository_.device_sent(pool_, text_field(*o, "token"), user);
            co_return;
        case infra::push::Outcome::kTokenInvalid:
            // The provider will never deliver to this token again: forget the device.
            co_await repository_.delete_device(pool_, text_field(*o, "token"), user);
            core::log::info("push token rejected; device removed", {{"user", user}, {"detail", result.detail}});
            co_return;
        case infra::push::Outcome::kRetry:
            throw infra::jobs::RetryAfter("push: " + result.detail,
                                          std::chrono::duration_cast<std::chrono::milliseconds>(
                                              result.retry_after.value_or(std::chrono::seconds(0))));
        case infra::push::Outcome::kFailed:
            throw infra::jobs::Discard("push: " + result.detail);
    }
}

net::awaitable<long long> Service::purge(std::chrono::hours retention) {
    const auto before = core::to_timestamptz(clock_.now() - retention);
    co_return co_await repository_.purge(pool_, before);
}

net::awaitable<db::Page<boost::json::object>> Service::list(ListRequest request) {
    const auto prefs = co_await repository_.preferences(pool_, request.user);
    const bool grouped = request.grouped.value_or(prefs ? prefs->grouping : true);
    ListQuery q;
    q.user = request.user;
    q.grouped = grouped;
    q.types = std::move(request.types);
    q.page = request.page;
    const auto page = co_await repository_.list(pool_, std::move(q));
    db::Page<boost::json::object> out;
    out.next = page.next;
    out.items.reserve(page.items.size());
    const std::string locale = prefs ? prefs->locale : "ru";
    for (const auto& item : page.items) out.items.push_back(to_json(item, locale));
    co_return out;
}

net::awaitable<int> Service::unread_count(std::string user, std::optional<bool> grouped) {
    if (!grouped) {
        const auto prefs = co_await repository_.preferences(pool_, user);
        grouped = prefs ? prefs->grouping : true;
    }
    co_return co_await repository_.unread_count(pool_, user, *grouped);
}

net::awaitable<void> Service::announce_unread(std::string user, bool grouped) {
    // After a commit: a failure here must not fail what was done (delivery is best effort).
    std::exception_ptr failed;
    try {
        const int count = co_await repository_.unread_count(pool_, user, grouped);
        publisher_.to_user(user, "notification:unread", boost::json::object{{"count", count}});
    } catch (...) {
        failed = std::current_exception();
    }
    if (failed) core::log::warn("notification:unread not published", {{"error", core::log::describe(failed)}});
}

net::awaitable<void> Service::mark_read(std::string user, std::optional<std::vector<std::string>> ids) {
    co_await repository_.mark_read(pool_, user, ids, core::to_timestamptz(clock_.now()));
    const auto prefs = co_await repository_.preferences(pool_, user);
    const bool grouped = prefs ? prefs->grouping : true;
    co_await announce_unread(user, grouped);
}

net::awaitable<boost::json::object> Service::preferences(std::string user) {
    const auto p = co_await repository_.preferences(pool_, user);
    if (!p) throw core::ApiError::not_found("No such user.");
    boost::json::object types_json;
    for (const auto& t : types()) {
        types_json[t.name] = boost::json::object{{"in_app", t.in_app && channel(p->types, t.name, "in_app")},
                                                 {"push", channel(p->types, t.name, "push")}};
    }
    boost::json::value quiet = nullptr;
    if (p->quiet_from && p->quiet_to) quiet = boost::json::object{{"from", *p->quiet_from}, {"to", *p->quiet_to}};
    co_return boost::json::object{{"types", std::move(types_json)},
                                  {"quiet_hours", std::move(quiet)},
                                  {"timezone", p->timezone.value_or("Europe/Moscow")},
                                  {"grouping", p->grouping}};
}

net::awaitable<boost::json::object> Service::put_preferences(std::string user, boost::json::object body) {
    core::Validator v(body);
    Preferences p;
    if (const auto* t = v.has("types") ? v.object("types", false) : nullptr) {
        for (const auto& [key, value] : *t) {
            const std::string name(key);
            if (find_type(name) == nullptr) {
                v.add_error("types." + name, "is not a notification type");
                continue;
            }
            if (!value.is_object()) {
                v.add_error("types." + name, "must be an object {in_app, push}");
                continue;
            }
            core::Validator tv(value.as_object(), "types." + name);
            const auto in_app = tv.boolean("in_app", false);
            const auto push = tv.boolean("push", false);
            v.merge(tv);
            boost::json::object entry;
            if (in_app) entry["in_app"] = *in_app;
            if (push) entry["push"] = *push;
            p.types[name] = std::move(entry);
        }
    }
    if (v.has("quiet_hours") && !v.is_null("quiet_hours")) {
        if (const auto* q = v.object("quiet_hours", false)) {
            core::Validator qv(*q, "quiet_hours");
            const auto from = qv.string("from", 5, 5, true);
            const auto to = qv.string("to", 5, 5, true);
            if (from && !valid_clock(*from)) qv.add_error("from", "must be a time HH:MM");
            if (to && !valid_clock(*to)) qv.add_error("to", "must be a time HH:MM");
            if (qv.ok() && from && to) {
                if (*from == *to) {
                    qv.add_error("to", "must differ from `from`");
                } else {
                    p.quiet_from = from;
                    p.quiet_to = to;
                }
            }
            v.merge(qv);
        }
    }
    if (v.has("timezone") && !v.is_null("timezone")) p.timezone = v.string("timezone", 1, 64, true);
    if (v.has("grouping")) p.grouping = v.boolean("grouping", true).value_or(true);
    v.check();
    if (p.timezone) {
        const bool known = co_await repository_.timezone_exists(pool_, *p.timezone);
        if (!known) throw core::ApiError::validation({{"timezone", "is not an IANA time zone name"}});
    }
    co_await repository_.put_preferences(pool_, user, std::move(p));
    co_return co_await preferences(user);
}

net::awaitable<DeviceRegistration> Service::register_device(std::string user, std::string token, std::string platform) {
    const auto registered = co_await repository_.upsert_device(pool_, token, user, platform);
    const Device& device = registered.first;
    const bool existed = registered.second;
    boost::json::object o{{"token", device.token},
                          {"platform", device.platform},
                          {"created_at", device.created_at},
                          {"last_used_at", device.last_used_at ? boost::json::value(*device.last_used_at) : nullptr}};
    co_return DeviceRegistration{std::move(o), !existed};
}

net::awaitable<void> Service::remove_device(std::string user, std::string token) {
    const bool removed = co_await repository_.delete_device(pool_, token, user);
    if (!removed) throw core::ApiError::not_found("No such device.");
}

net::awaitable<boost::json::array> Service::devices(std::string user) {
    const auto found = co_await repository_.devices(pool_, user);
    boost::json::array items;
    for (const auto& d : found) {
        items.push_back(
            boost::json::object{{"token", d.token},
                                {"platform", d.platform},
                                {"created_at", d.created_at},
                                {"last_used_at", d.last_used_at ? boost::json::value(*d.last_used_at) : nullptr}});
    }
    co_return items;
}

}  // namespace service::notifications
