#pragma once
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

#include <boost/asio/async_result.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include "core/asio.hpp"

namespace service::infra {

/// Runs CPU-heavy or blocking work (bcrypt, file I/O) on a separate thread pool so the I/O
/// threads keep serving; the awaiting coroutine resumes on its own executor with the result.
class BlockingPool {
  public:
    explicit BlockingPool(std::size_t threads) : pool_(threads) {}
    ~BlockingPool() { pool_.join(); }

    /// Not a coroutine itself: GCC 12 mis-copies lambda captures passed as coroutine
    /// parameters, so the job goes straight to async_initiate.
    template <typename F>
    net::awaitable<std::invoke_result_t<F>> run(F fn) {
        using R = std::invoke_result_t<F>;
        auto initiate = [this](auto handler, F work) {
            auto executor = net::get_associated_executor(handler);
            net::post(pool_, [handler = std::move(handler), work = std::move(work), executor]() mutable {
                std::exception_ptr error;
                std::optional<R> result;
                try {
                    result.emplace(work());
                } catch (...) {
                    error = std::current_exception();
                }
                net::dispatch(executor, [handler = std::move(handler), error, result = std::move(result)]() mutable {
                    std::move(handler)(error, result ? std::move(*result) : R{});
                });
            });
        };
        return net::async_initiate<decltype(net::use_awaitable), void(std::exception_ptr, R)>(
            std::move(initiate), net::use_awaitable, std::move(fn));
    }

    void stop() { pool_.stop(); }

  private:
    net::thread_pool pool_;
};

}  // namespace service::infra
