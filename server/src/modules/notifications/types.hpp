#pragma once
#include <span>
#include <string_view>

namespace service::notifications {

/// One kind of notification: its defaults and how it groups.
struct TypeInfo {
    std::string_view name;
    /// Shown in the list at all; false for push-only types (message_new).
    bool in_app = true;
    /// The target's member that groups notifications of this type ("master_id": one group per
    /// master); empty when the type does not group.
    std::string_view group_by;
};

/// Every type the server sends, in the order the preferences list them.
std::span<const TypeInfo> types();
/// nullptr for a name that is not a type.
const TypeInfo* find_type(std::string_view name);

}  // namespace service::notifications
