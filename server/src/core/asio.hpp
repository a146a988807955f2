#pragma once
// Common Asio/Beast spellings for Boost 1.81. Beast and Asio are compiled once, in
// beast_asio.cpp (BOOST_*_SEPARATE_COMPILATION), so including this header stays cheap.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace service {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;

/// `co_await op(..., kUseTuple)` returns the error code as a value instead of throwing.
inline constexpr auto kUseTuple = net::as_tuple(net::use_awaitable);

}  // namespace service
