#include "modules/notifications/notice.hpp"

#include "infra/jobs/queue.hpp"
#include "modules/notifications/types.hpp"

namespace service::notifications {

boost::json::object to_payload(const Notice& notice) {
    boost::json::object o{{"type", notice.type},
                          {"recipient", notice.recipient},
                          {"target", notice.target},
                          {"dedupe_key", notice.dedupe_key}};
    if (notice.actor) o["actor"] = *notice.actor;
    if (notice.collapse_key) o["collapse_key"] = *notice.collapse_key;
    return o;
}

Notice notice_from_payload(const boost::json::value& payload) {
    const auto* o = payload.if_object();
    const auto text = [&](std::string_view name) -> std::optional<std::string> {
        const auto* v = o != nullptr ? o->if_contains(name) : nullptr;
        if (v == nullptr || !v->is_string()) return std::nullopt;
        return std::string(v->as_string());
    };
    Notice n;
    auto type = text("type");
    auto recipient = text("recipient");
    auto key = text("dedupe_key");
    const auto* target = o != nullptr ? o->if_contains("target") : nullptr;
    if (!type || find_type(*type) == nullptr || !recipient || !key || target == nullptr || !target->is_object()) {
        throw infra::jobs::Discard("not a notice: needs a known type, recipient, dedupe_key and a target object");
    }
    n.type = std::move(*type);
    n.recipient = std::move(*recipient);
    n.dedupe_key = std::move(*key);
    n.target = target->as_object();
    n.actor = text("actor");
    n.collapse_key = text("collapse_key");
    return n;
}

net::awaitable<void> enqueue(db::Executor& tx, Notice notice, Schedule schedule) {
    infra::jobs::EnqueueOptions options;
    options.run_at = schedule.at;
    options.unique_key = std::move(schedule.key);
    options.max_attempts = 10;
    boost::json::value payload = to_payload(notice);
    co_await infra::jobs::enqueue(tx, std::string(kCreateJob), std::move(payload), std::move(options));
}

net::awaitable<void> cancel(db::Executor& tx, std::string key) {
    co_await infra::jobs::cancel_by_key(tx, std::move(key));
}

}  // namespace service::notifications
