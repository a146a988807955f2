#pragma once
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include "core/http_types.hpp"

namespace service::core {

using Endpoint = std::function<net::awaitable<Response>(Request&)>;
class Middleware;

/// The rest of the chain, handed to each middleware (Drogon's `next`, as a coroutine).
class Next {
  public:
    Next(std::span<const std::unique_ptr<Middleware>> rest, const Endpoint& endpoint)
        : rest_(rest), endpoint_(endpoint) {}
    net::awaitable<Response> operator()(Request& req) const;

  private:
    std::span<const std::unique_ptr<Middleware>> rest_;
    const Endpoint& endpoint_;
};

/// One layer around the handler: pre-processing, `co_await next(req)`, post-processing.
/// The request lives in the connection's coroutine frame for the whole call.
class Middleware {
  public:
    virtual ~Middleware() = default;
    virtual net::awaitable<Response> handle(Request& req, Next next) = 0;
};

/// An ordered middleware chain ending in an endpoint; built once at start-up, then read-only.
class Pipeline {
  public:
    explicit Pipeline(Endpoint endpoint) : endpoint_(std::move(endpoint)) {}
    void use(std::unique_ptr<Middleware> middleware) { chain_.push_back(std::move(middleware)); }
    net::awaitable<Response> run(Request& req) const { return Next(chain_, endpoint_)(req); }

  private:
    std::vector<std::unique_ptr<Middleware>> chain_;
    Endpoint endpoint_;
};

inline net::awaitable<Response> Next::operator()(Request& req) const {
    if (rest_.empty()) return endpoint_(req);
    return rest_.front()->handle(req, Next(rest_.subspan(1), endpoint_));
}

}  // namespace service::core
