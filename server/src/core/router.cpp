#include "core/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace service::core {
namespace {

std::vector<std::string_view> split_path(std::string_view path) {
    std::vector<std::string_view> out;
    if (!path.empty() && path.front() == '/') path.remove_prefix(1);
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        out.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool is_param(std::string_view segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(http::verb method, std::string pattern, Handler handler, RouteOptions options) {
    Route route{method,
                std::move(pattern),
                options.access,
                std::move(options.rate_bucket),
                std::move(handler),
                options.stream_body,
                {}};
    for (auto s : split_path(route.pattern)) route.segments.emplace_back(s);
    for (const auto& existing : routes_) {
        if (existing.method == route.method && existing.pattern == route.pattern) {
            throw std::logic_error("duplicate route " + route.pattern);
        }
    }
    routes_.push_back(std::move(route));
}

RouteMatch Router::match(http::verb method, std::string_view path) const {
    const auto segments = split_path(path);
    RouteMatch result;
    int best_score = -1;
    for (const auto& route : routes_) {
        if (route.segments.size() != segments.size()) continue;
        std::vector<std::pair<std::string, std::string>> params;
        int score = 0;  // literal segments matched: "/users/me" beats "/users/{id}"
        bool ok = true;
        for (std::size_t i = 0; i < segments.size() && ok; ++i) {
            const auto& expected = route.segments[i];
            if (is_param(expected)) {
                auto decoded = percent_decode(segments[i], false);
                if (segments[i].empty() || !decoded) {
                    ok = false;
                } else {
                    params.emplace_back(expected.substr(1, expected.size() - 2), std::move(*decoded));
                }
            } else {
                ok = expected == segments[i];
                ++score;
            }
        }
        if (!ok) continue;
        if (route.method == method || (method == http::verb::head && route.method == http::verb::get)) {
            if (score > best_score) {
                best_score = score;
                result.kind = RouteMatch::Kind::kFound;
                result.route = &route;
                result.params = std::move(params);
            }
        } else if (std::find(result.allowed.begin(), result.allowed.end(), route.method) == result.allowed.end()) {
            result.allowed.push_back(route.method);
        }
    }
    if (result.kind == RouteMatch::Kind::kFound) {
        result.allowed.clear();
    } else if (!result.allowed.empty()) {
        result.kind = RouteMatch::Kind::kMethodNotAllowed;
        std::sort(result.allowed.begin(), result.allowed.end());
    }
    return result;
}

}  // namespace service::core
