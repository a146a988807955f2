#include "infra/storage/local_storage.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"
#include "core/static_files.hpp"

namespace service::infra::storage {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path, int error = errno) {
    throw StorageError(what + " " + path.string() + ": " + std::strerror(error));
}

class Fd {
  public:
    explicit Fd(int fd) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

  private:
    int fd_;
};

void fsync_directory(const fs::path& dir) {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0 || ::fsync(fd.get()) != 0) fail("cannot sync directory", dir);
}

// Copies `source` to a temporary file next to `destination`, syncs it and renames it into place.
void copy_atomically(const fs::path& source, const fs::path& destination) {
    const auto temp =
        destination.parent_path() / ("." + destination.filename().string() + ".tmp-" + core::random_token(9));
    Fd in(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.get() < 0) fail("cannot open", source);
    Fd out(::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
    if (out.get() < 0) fail("cannot create", temp);
    try {
        std::array<char, std::size_t{64} * 1024> buffer{};
        for (;;) {
            const auto n = ::read(in.get(), buffer.data(), buffer.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) fail("cannot read", source);
            if (n == 0) break;
            for (ssize_t done = 0; done < n;) {
                const auto w = ::write(out.get(), buffer.data() + done, static_cast<std::size_t>(n - done));
                if (w < 0 && errno == EINTR) continue;
                if (w < 0) fail("cannot write", temp);
                done += w;
            }
        }
        if (::fsync(out.get()) != 0) fail("cannot sync", temp);
        if (::close(out.release()) != 0) fail("cannot close", temp);
        std::error_code ec;
        fs::rename(temp, destination, ec);
        if (ec) fail("cannot rename into", destination, ec.value());
    } catch (...) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        throw;
    }
    fsync_directory(destination.parent_path());
}

}  // namespace

LocalStorage::LocalStorage(fs::path root) : root_(std::move(root)), scratch_(root_ / ".scratch") {
    std::error_code ec;
    fs::create_directories(scratch_, ec);
    if (ec) fail("cannot create the media root", scratch_, ec.value());
    root_ = fs::canonical(root_, ec);
    if (ec) fail("cannot resolve the media root", root_, ec.value());
    scratch_ = root_ / ".scratch";
}

fs::path LocalStorage::path_of(const std::string& key) const {
    if (!valid_key(key)) throw StorageError("invalid storage key: " + key);
    return root_ / key;
}

void LocalStorage::put_file(const std::string& key, const fs::path& source, std::string_view /*content_type*/) {
    const auto path = path_of(key);
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) fail("cannot create", path.parent_path(), ec.value());
    copy_atomically(source, path);
}

bool LocalStorage::get_file(const std::string& key, const fs::path& destination) {
    const auto path = path_of(key);
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return false;
    fs::copy_file(path, destination, fs::copy_options::overwrite_existing, ec);
    if (ec == std::errc::no_such_file_or_directory) return false;  // removed meanwhile
    if (ec) fail("cannot copy", path, ec.value());
    return true;
}

std::optional<std::string> LocalStorage::get_bytes(const std::string& key) {
    std::ifstream in(path_of(key), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream data;
    data << in.rdbuf();
    return std::move(data).str();
}

std::optional<ObjectInfo> LocalStorage::head(const std::string& key) {
    const auto path = path_of(key);
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return std::nullopt;
    const auto modified = fs::last_write_time(path, ec).time_since_epoch().count();
    ObjectInfo info;
    info.size = size;
    info.content_type = std::string(core::content_type_for(key));
    info.etag =
        "\"" + core::sha256_hex(key + ":" + std::to_string(size) + ":" + std::to_string(modified)).substr(0, 32) + "\"";
    return info;
}

void LocalStorage::remove(const std::string& key) {
    std::error_code ec;
    fs::remove(path_of(key), ec);
    if (ec && ec != std::errc::no_such_file_or_directory) fail("cannot remove", path_of(key), ec.value());
}

}  // namespace service::infra::storage
