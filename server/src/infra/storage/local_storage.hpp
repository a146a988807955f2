#pragma once
#include <filesystem>

#include "infra/storage/storage.hpp"

namespace service::infra::storage {

/// STORAGE_BACKEND=local: objects are files below `root` (var/media for `make run`, a temp
/// directory in tests). Writes go to a temporary file in the destination's directory, are
/// fsynced and renamed over the key, then the directory is fsynced: a crash leaves the old
/// object or the new one. Keys are checked with valid_key(), so no path leaves the root.
/// Uploads and reads go through our own server, so nothing is presigned.
class LocalStorage final : public Storage {
  public:
    /// Creates `root` when it does not exist; throws StorageError when it cannot.
    explicit LocalStorage(std::filesystem::path root);

    void put_file(const std::string& key, const std::filesystem::path& source, std::string_view content_type) override;
    bool get_file(const std::string& key, const std::filesystem::path& destination) override;
    std::optional<ObjectInfo> head(const std::string& key) override;
    void remove(const std::string& key) override;
    std::optional<std::string> get_bytes(const std::string& key) override;
    std::optional<PresignedRequest> presign_put(const std::string&, std::string_view, std::chrono::seconds) override {
        return std::nullopt;
    }
    std::optional<std::string> presign_get(const std::string&, std::chrono::seconds) override { return std::nullopt; }
    std::optional<std::string> public_url(const std::string&) override { return std::nullopt; }

    /// A directory for work files on the same filesystem as the objects.
    const std::filesystem::path& scratch() const { return scratch_; }

  private:
    std::filesystem::path path_of(const std::string& key) const;
    std::filesystem::path root_;
    std::filesystem::path scratch_;
};

}  // namespace service::infra::storage
