#include "modules/notifications/types.hpp"

#include <array>

namespace service::notifications {
namespace {

constexpr std::array kTypes{
    TypeInfo{"booking_created", true, ""},
    TypeInfo{"booking_confirmed", true, ""},
    TypeInfo{"booking_cancelled", true, ""},
    TypeInfo{"booking_rescheduled", true, ""},
    TypeInfo{"booking_reminder", true, ""},
    TypeInfo{"review_request", true, ""},
    TypeInfo{"review_received", true, "master_id"},
    TypeInfo{"review_replied", true, ""},
    TypeInfo{"message_new", false, ""},
    TypeInfo{"new_follower", true, "user_id"},
    TypeInfo{"friend_request", true, ""},
    TypeInfo{"friend_accepted", true, ""},
    TypeInfo{"post_liked", true, "post_id"},
    TypeInfo{"post_reposted", true, "post_id"},
    TypeInfo{"post_commented", true, ""},
    TypeInfo{"comment_replied", true, ""},
};

}  // namespace

std::span<const TypeInfo> types() { return kTypes; }

const TypeInfo* find_type(std::string_view name) {
    for (const auto& t : kTypes) {
        if (t.name == name) return &t;
    }
    return nullptr;
}

}  // namespace service::notifications
