#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/http_types.hpp"

namespace service::core {

/// Who may call a route. Checked by the auth middleware after routing.
enum class Access { kPublic, kUser, kMaster, kAdmin };

using Handler = std::function<net::awaitable<Response>(Request&)>;

struct Route {
    http::verb method;
    std::string pattern;  // "/api/v1/users/{id}"
    Access access = Access::kPublic;
    std::string rate_bucket;  // "" = the general per-IP limit; "auth" = the stricter login/register limit
    Handler handler;
    bool stream_body = false;           // the handler reads Request::body_stream
    std::vector<std::string> segments;  // pattern split on '/'
};

struct RouteMatch {
    enum class Kind { kFound, kMethodNotAllowed, kNotFound } kind = Kind::kNotFound;
    const Route* route = nullptr;
    std::vector<std::pair<std::string, std::string>> params;
    std::vector<http::verb> allowed;  // for 405
};

struct RouteOptions {
    Access access = Access::kPublic;
    std::string rate_bucket;
    bool stream_body = false;  // uploads: the body is not read before the handler runs
};

/// Method + path routing with `{name}` segments. Routes are registered at start-up by the
/// modules and only read afterwards, so matching needs no locking.
class Router {
  public:
    void add(http::verb method, std::string pattern, Handler handler, RouteOptions options = {});
    RouteMatch match(http::verb method, std::string_view path) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
};

}  // namespace service::core
