#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

namespace service::notifications {

/// A notification as words, in the recipient's language: a short title and a body that reads
/// on its own (the list's `text`, a push's body).
struct Text {
    std::string title;
    std::string body;
};

/// `actors` are the names of who caused it, newest first; `count` how many notifications the
/// item stands for (a group); `target` the notice's target summary. Unknown locales read as
/// Russian, the default.
Text render(std::string_view type, std::string_view locale, const std::vector<std::string>& actors, int count,
            const boost::json::object& target);

/// "2026-12-05T14:00" (a wall-clock time) as "5 декабря, 14:00" / "Dec 5, 14:00"; other text as is.
std::string local_time(std::string_view local, std::string_view locale);

}  // namespace service::notifications
