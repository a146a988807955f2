#pragma once
#include <optional>
#include <string>
#include <unordered_map>

#include "core/http_types.hpp"

namespace service::core {

/// The built web client, read into memory at start-up (it is small and immutable between
/// deploys). Hashed assets under /assets/ get a year-long immutable cache; everything else
/// is revalidated through its ETag. Unknown paths fall back to index.html (client-side routes).
class StaticFiles {
  public:
    /// Loads every file below `root`; an empty or missing root serves nothing.
    explicit StaticFiles(const std::string& root);

    std::optional<Response> serve(const Request& req) const;
    std::size_t size() const { return files_.size(); }

  private:
    struct File {
        std::string content;
        std::string content_type;
        std::string etag;
        bool immutable = false;
    };
    Response respond(const Request& req, const File& file) const;
    std::unordered_map<std::string, File> files_;
};

std::string_view content_type_for(std::string_view path);

}  // namespace service::core
