#include "support/http_client.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>

namespace service::testing {

std::string HttpResult::header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
        if (beast::iequals(k, name)) return v;
    }
    return {};
}

boost::json::value HttpResult::json() const { return boost::json::parse(body); }

HttpResult http_request(std::uint16_t port, http::verb method, const std::string& target, const std::string& body,
                        const Headers& headers) {
    net::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect({net::ip::make_address("127.0.0.1"), port});
    http::request<http::string_body> req{method, target, 11};
    req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    for (const auto& [k, v] : headers) req.set(k, v);
    if (!body.empty()) {
        if (req[http::field::content_type].empty()) req.set(http::field::content_type, "application/json");
        req.body() = body;
    }
    req.prepare_payload();
    http::write(socket, req);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    if (method == http::verb::head) parser.skip(true);
    http::read(socket, buffer, parser);
    const auto& res = parser.get();
    HttpResult out;
    out.status = res.result_int();
    out.body = res.body();
    for (const auto& field : res)
        out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    boost::system::error_code ec;
    socket.shutdown(tcp::socket::shutdown_both, ec);
    return out;
}

HttpResult post_json(std::uint16_t port, const std::string& target, const boost::json::value& body,
                     const Headers& headers) {
    return http_request(port, http::verb::post, target, boost::json::serialize(body), headers);
}

Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string url_encode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 15]);
        }
    }
    return out;
}

}  // namespace service::testing
