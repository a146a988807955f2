#include "modules/media/routes.hpp"

#include <charconv>

#include "core/problem.hpp"
#include "core/validation.hpp"

namespace service::media {
namespace {

std::optional<std::uint64_t> parse_u64(std::string_view text) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

}  // namespace

std::string request_origin(const core::Request& req) {
    const bool proxied = req.client_ip != req.peer;
    const bool https = proxied && req.header("X-Forwarded-Proto") == "https";
    std::string host(req.header("Host"));
    if (host.empty()) host = "127.0.0.1";
    return (https ? "https://" : "http://") + host;
}

void apply_range(const core::Request& req, core::Response& res, std::string body) {
    const auto size = body.size();
    res.set(http::field::accept_ranges, "bytes");
    const auto range = req.header("Range");
    if (!range.starts_with("bytes=") || range.find(',') != std::string_view::npos) {
        res.body() = std::move(body);
        res.content_length(size);
        return;
    }
    const auto spec = range.substr(6);
    const auto dash = spec.find('-');
    std::optional<std::uint64_t> first;
    std::optional<std::uint64_t> last;
    bool valid = dash != std::string_view::npos;
    if (valid && dash > 0) valid = (first = parse_u64(spec.substr(0, dash))).has_value();
    if (valid && dash + 1 < spec.size()) valid = (last = parse_u64(spec.substr(dash + 1))).has_value();
    if (valid && !first && !last) valid = false;
    if (!valid) {  // not a range we understand: the whole body, as RFC 9110 allows
        res.body() = std::move(body);
        res.content_length(size);
        return;
    }
    std::uint64_t from = 0;
    std::uint64_t to = size == 0 ? 0 : size - 1;
    if (!first) {  // "-N": the last N bytes
        from = *last >= size ? 0 : size - *last;
    } else {
        from = *first;
        if (last) to = std::min<std::uint64_t>(*last, to);
    }
    if (size == 0 || from >= size || from > to || (!first && *last == 0)) {
        res.result(http::status::range_not_satisfiable);
        res.set(http::field::content_range, "bytes */" + std::to_string(size));
        res.body().clear();
        res.content_length(0);
        return;
    }
    res.result(http::status::partial_content);
    res.set(http::field::content_range,
            "bytes " + std::to_string(from) + "-" + std::to_string(to) + "/" + std::to_string(size));
    res.body() = body.substr(from, to - from + 1);
    res.content_length(res.body().size());
}

void Routes::register_routes(core::Router& router) {
    const core::RouteOptions user{.access = core::Access::kUser};
    router.add(
        http::verb::post, "/api/v1/media/uploads", [this](core::Request& r) { return create_upload(r); }, user);
    // Authorised by the signed URL, not a bearer token: the browser PUTs it as given.
    router.add(http::verb::put, "/api/v1/media/{id}/upload", [this](core::Request& r) { return receive_upload(r); },
               {.stream_body = true});
    router.add(
        http::verb::post, "/api/v1/media/{id}/complete", [this](core::Request& r) { return complete(r); }, user);
    router.add(http::verb::get, "/api/v1/media/{id}", [this](core::Request& r) { return get_one(r); });
    router.add(
        http::verb::delete_, "/api/v1/media/{id}", [this](core::Request& r) { return remove(r); }, user);
    router.add(http::verb::get, "/media/{id}/{file}", [this](core::Request& r) { return serve(r); });
    router.add(http::verb::head, "/media/{id}/{file}", [this](core::Request& r) { return serve(r); });
}

net::awaitable<core::Response> Routes::create_upload(core::Request& req) {
    const auto body = core::parse_json_object(req);
    auto ticket = co_await service_.create_upload(req.user().user_id, body, request_origin(req));
    boost::json::object headers;
    for (const auto& [name, value] : ticket.headers) headers[name] = value;
    boost::json::object out{
        {"media", service_.to_json(ticket.media)},
        {"upload",
         {{"method", "PUT"}, {"url", ticket.url}, {"headers", std::move(headers)}, {"expires_at", ticket.expires_at}}}};
    co_return core::json_response(http::status::created, out);
}

net::awaitable<core::Response> Routes::receive_upload(core::Request& req) {
    if (req.body_stream == nullptr) throw std::logic_error("upload route without a body stream");
    co_await service_.receive_upload(std::string(req.param("id")), req.query_param("expires").value_or(""),
                                     req.query_param("sig").value_or(""), *req.body_stream);
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::complete(core::Request& req) {
    auto [media, processing] = co_await service_.complete(req.user().user_id, std::string(req.param("id")));
    co_return core::json_response(processing ? http::status::accepted : http::status::ok, service_.to_json(media));
}

net::awaitable<core::Response> Routes::get_one(core::Request& req) {
    std::optional<std::string> viewer;
    if (req.principal) viewer = req.principal->user_id;
    const auto media = co_await service_.get(std::move(viewer), std::string(req.param("id")));
    co_return core::json_response(http::status::ok, service_.to_json(media));
}

net::awaitable<core::Response> Routes::remove(core::Request& req) {
    co_await service_.remove(req.user().user_id, std::string(req.param("id")));
    co_return core::empty_response(http::status::no_content);
}

net::awaitable<core::Response> Routes::serve(core::Request& req) {
    auto file = co_await service_.serve(std::string(req.param("id")), std::string(req.param("file")),
                                        req.query_param("expires"), req.query_param("sig"));
    core::Response res{http::status::ok, 11};
    res.set(http::field::content_type, file.content_type);
    res.set(http::field::etag, file.etag);
    res.set("X-Content-Type-Options", "nosniff");
    // Public variants never change under their URL; private ones are only good while signed.
    res.set(http::field::cache_control,
            file.is_public ? "public, max-age=31536000, immutable" : "private, max-age=900");
    if (req.header("If-None-Match") == file.etag) {
        res.result(http::status::not_modified);
        res.content_length(0);
        co_return res;
    }
    apply_range(req, res, std::move(file.bytes));
    co_return res;
}

}  // namespace service::media
