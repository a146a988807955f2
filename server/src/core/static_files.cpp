#include "core/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/log.hpp"

namespace service::core {

std::string_view content_type_for(std::string_view path) {
    const auto dot = path.rfind('.');
    const auto ext = dot == std::string_view::npos ? std::string_view{} : path.substr(dot + 1);
    if (ext == "html") return "text/html; charset=utf-8";
    if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
    if (ext == "css") return "text/css; charset=utf-8";
    if (ext == "json" || ext == "map") return "application/json";
    if (ext == "svg") return "image/svg+xml";
    if (ext == "png") return "image/png";
    if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
    if (ext == "webp") return "image/webp";
    if (ext == "gif") return "image/gif";
    if (ext == "ico") return "image/x-icon";
    if (ext == "woff2") return "font/woff2";
    if (ext == "woff") return "font/woff";
    if (ext == "txt") return "text/plain; charset=utf-8";
    if (ext == "webmanifest") return "application/manifest+json";
    if (ext == "wasm") return "application/wasm";
    return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::string& root) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (root.empty() || !fs::is_directory(root, ec)) {
        if (!root.empty()) log::warn("web root not found; serving the API only", {{"web_root", root}});
        return;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream data;
        data << in.rdbuf();
        std::string url = "/" + fs::relative(entry.path(), root).generic_string();
        File file;
        file.content = data.str();
        file.content_type = content_type_for(url);
        file.etag = "\"" + sha256_hex(file.content).substr(0, 32) + "\"";
        file.immutable = url.starts_with("/assets/");
        files_.emplace(std::move(url), std::move(file));
    }
    log::info("web client loaded", {{"web_root", root}, {"files", files_.size()}});
}

Response StaticFiles::respond(const Request& req, const File& file) const {
    const bool head = req.message.method() == http::verb::head;
    if (req.header("If-None-Match") == file.etag) {
        Response res{http::status::not_modified, 11};
        res.set(http::field::etag, file.etag);
        res.prepare_payload();
        return res;
    }
    Response res{http::status::ok, 11};
    res.set(http::field::content_type, file.content_type);
    res.set(http::field::etag, file.etag);
    res.set(http::field::cache_control, file.immutable ? "public, max-age=31536000, immutable" : "no-cache");
    if (!head) res.body() = file.content;
    res.content_length(file.content.size());
    return res;
}

std::optional<Response> StaticFiles::serve(const Request& req) const {
    if (files_.empty()) return std::nullopt;
    const auto method = req.message.method();
    if (method != http::verb::get && method != http::verb::head) return std::nullopt;
    auto path = percent_decode(req.path, false);
    if (!path || path->find("..") != std::string::npos) return std::nullopt;
    if (path->ends_with("/")) *path += "index.html";
    if (const auto it = files_.find(*path); it != files_.end()) return respond(req, it->second);
    // A directory without its slash ("/docs"): send the browser to "/docs/" so relative links work.
    if (files_.contains(*path + "/index.html")) {
        Response res{http::status::moved_permanently, 11};
        std::string location = *path + "/";
        if (!req.query.empty()) location += "?" + std::string(req.query);
        res.set(http::field::location, location);
        res.prepare_payload();
        return res;
    }
    // A missing file with an extension is a real 404; anything else is a client-side route.
    const auto last = path->substr(path->rfind('/') + 1);
    if (last.find('.') != std::string::npos || path->starts_with("/assets/")) return std::nullopt;
    if (const auto it = files_.find("/index.html"); it != files_.end()) return respond(req, it->second);
    return std::nullopt;
}

}  // namespace service::core
