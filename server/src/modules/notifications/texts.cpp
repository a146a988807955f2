#include "modules/notifications/texts.hpp"

#include <array>
#include <cstdio>

namespace service::notifications {
namespace {

std::string field(const boost::json::object& o, std::string_view name) {
    const auto* v = o.if_contains(name);
    if (v == nullptr) return {};
    if (v->is_string()) return std::string(v->as_string());
    if (v->is_int64()) return std::to_string(v->as_int64());
    return {};
}

/// "Анна", "Анна и Олег", "Анна и ещё 4" — the group's lead actor and how many more.
std::string who(const std::vector<std::string>& actors, int count, bool ru) {
    std::string first = actors.empty() ? (ru ? "Кто-то" : "Someone") : actors.front();
    const int others = count - 1;
    if (others <= 0) return first;
    if (others == 1 && actors.size() >= 2) return first + (ru ? " и " : " and ") + actors[1];
    return first + (ru ? " и ещё " : " and ") + std::to_string(others) + (ru ? "" : " others");
}

}  // namespace

std::string local_time(std::string_view local, std::string_view locale) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    std::string copy(local);
    if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5 || mo < 1 || mo > 12) {
        return copy;
    }
    static constexpr std::array<std::string_view, 12> kRu{"января",   "февраля", "марта",  "апреля",
                                                          "мая",      "июня",    "июля",   "августа",
                                                          "сентября", "октября", "ноября", "декабря"};
    static constexpr std::array<std::string_view, 12> kEn{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", h, mi);
    if (locale == "en") return std::string(kEn[mo - 1]) + " " + std::to_string(d) + ", " + clock;
    return std::to_string(d) + " " + std::string(kRu[mo - 1]) + ", " + clock;
}

Text render(std::string_view type, std::string_view locale, const std::vector<std::string>& actors, int count,
            const boost::json::object& target) {
    const bool ru = locale != "en";
    const std::string actor = who(actors, count, ru);
    const std::string service = field(target, "service_name");
    const std::string when = local_time(field(target, "local_start"), locale);
    const auto quoted = [&](const std::string& s) { return ru ? "«" + s + "»" : "“" + s + "”"; };
    if (type == "booking_created") {
        return {ru ? "Новая запись" : "New booking", actor + ", " + quoted(service) + ", " + when};
    }
    if (type == "booking_confirmed") {
        return {
            ru ? "Запись подтверждена" : "Booking confirmed",
            (ru ? "Мастер " : "") + actor + (ru ? " ждёт вас: " : " expects you: ") + quoted(service) + ", " + when};
    }
    if (type == "booking_cancelled") {
        return {ru ? "Запись отменена" : "Booking cancelled",
                actor + (ru ? " отменяет запись " : " cancelled ") + quoted(service) + ", " + when};
    }
    if (type == "booking_rescheduled") {
        return {ru ? "Запись перенесена" : "Booking moved",
                actor + (ru ? " переносит " : " moved ") + quoted(service) + (ru ? " на " : " to ") + when};
    }
    if (type == "booking_reminder") {
        return {ru ? "Напоминание о записи" : "Booking reminder",
                quoted(service) + (ru ? " у " : " with ") + actor + ", " + when};
    }
    if (type == "review_request") {
        return {ru ? "Как прошёл визит?" : "How was your visit?",
                (ru ? "Оцените визит к мастеру " : "Rate your visit to ") + actor + ": " + quoted(service)};
    }
    if (type == "review_received") {
        if (count > 1) {
            return {ru ? "Новые отзывы" : "New reviews", actor + (ru ? " оставили отзывы" : " reviewed you")};
        }
        return {ru ? "Новый отзыв" : "New review",
                actor + (ru ? " оставляет отзыв: " : " reviewed you: ") + field(target, "rating") + "★"};
    }
    if (type == "review_replied") {
        return {ru ? "Ответ на отзыв" : "Reply to your review",
                actor + (ru ? " отвечает на ваш отзыв" : " replied to your review")};
    }
    if (type == "new_follower") {
        if (count > 1) {
            return {ru ? "Новые подписчики" : "New followers", actor + (ru ? " подписались на вас" : " followed you")};
        }
        return {ru ? "Новый подписчик" : "New follower", actor + (ru ? " подписывается на вас" : " followed you")};
    }
    if (type == "friend_request") {
        return {ru ? "Заявка в друзья" : "Friend request",
                actor + (ru ? " хочет добавить вас в друзья" : " wants to be your friend")};
    }
    if (type == "friend_accepted") {
        return {ru ? "Заявка принята" : "Friend request accepted",
                actor + (ru ? " принимает вашу заявку в друзья" : " accepted your friend request")};
    }
    if (type == "post_liked") {
        if (count > 1)
            return {ru ? "Новые лайки" : "New likes", actor + (ru ? " оценили вашу публикацию" : " liked your post")};
        return {ru ? "Новый лайк" : "New like", actor + (ru ? " оценивает вашу публикацию" : " liked your post")};
    }
    if (type == "post_reposted") {
        if (count > 1)
            return {ru ? "Репосты" : "Reposts", actor + (ru ? " поделились вашей публикацией" : " reposted your post")};
        return {ru ? "Репост" : "Repost", actor + (ru ? " делится вашей публикацией" : " reposted your post")};
    }
    if (type == "post_commented") {
        return {ru ? "Новый комментарий" : "New comment",
                actor + (ru ? " комментирует: " : " commented: ") + field(target, "text")};
    }
    if (type == "comment_replied") {
        return {ru ? "Ответ на комментарий" : "Reply to your comment",
                actor + (ru ? " отвечает: " : " replied: ") + field(target, "text")};
    }
    if (type == "message_new") {
        // A group's push is titled with the group; a direct chat's with the sender.
        const auto group = field(target, "title");
        const auto n = field(target, "count");
        std::string body;
        if (n.empty() || n == "1") {
            const auto preview = field(target, "preview");
            body = preview.empty() ? (ru ? "Фото" : "Photo") : preview;
        } else {
            body = (ru ? "Новых сообщений: " : "New messages: ") + n;
        }
        if (group.empty()) return {actor, body};
        return {group, actor + ": " + body};
    }
    return {ru ? "Уведомление" : "Notification", actor};
}

}  // namespace service::notifications
