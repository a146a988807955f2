#include "modules/media/service.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "core/crypto.hpp"
#include "core/log.hpp"
#include "core/problem.hpp"
#include "core/validation.hpp"
#include "infra/images/image_pipeline.hpp"

// Work for a thread pool is always a named lambda moved into run(): GCC 12 mis-copies a
// lambda temporary inside a co_await expression (ENGINEERING-NOTES, BlockingPool::run).

namespace service::media {
namespace fs = std::filesystem;
namespace {

const std::vector<std::string_view> kPurposes{"avatar", "portfolio", "post", "chat"};

core::ApiError too_large_error() {
    return core::ApiError(
        http::status::payload_too_large, "payload_too_large", "Payload too large",
        "A photo may be at most " + std::to_string(kMaxUploadBytes / (std::int64_t{1024} * 1024)) + " MiB.");
}

// The declared type decides only whether we accept the upload; processing sniffs the bytes.
void check_content_type(const std::string& type) {
    if (type == "image/jpeg" || type == "image/png" || type == "image/webp") return;
    if (type == "image/heic" || type == "image/heif") {
        if (infra::images::heif_supported()) return;
        throw core::ApiError(http::status::unsupported_media_type, "unsupported_media_type", "Unsupported media type",
                             "HEIC/HEIF photos cannot be read on this server; send JPEG, PNG or WebP "
                             "(iPhone: Settings → Camera → Formats → Most Compatible).");
    }
    throw core::ApiError(http::status::unsupported_media_type, "unsupported_media_type", "Unsupported media type",
                         "Photos must be JPEG, PNG or WebP.");
}

// A work file that goes away unless kept.
struct TempFile {
    fs::path path;
    std::ofstream out;
    explicit TempFile(fs::path p) : path(std::move(p)), out(path, std::ios::binary | std::ios::trunc) {}
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    ~TempFile() {
        out.close();
        std::error_code ignored;
        fs::remove(path, ignored);
    }
};

}  // namespace

Service::Service(db::Pool& pool, const Repository& repository, infra::storage::Storage& storage, Processor& processor,
                 infra::BlockingPool& io, const core::Clock& clock, std::string signing_secret)
    : pool_(pool),
      repository_(repository),
      storage_(storage),
      processor_(processor),
      io_(io),
      clock_(clock),
      signer_(std::move(signing_secret)) {}

std::string Service::public_url(std::string_view media_id, std::string_view variant) const {
    const auto key = variant_key(media_id, variant, "webp");
    if (auto url = storage_.public_url(key)) return *url;
    return "/" + key;
}

std::string Service::upload_resource(const Media& media) const {
    return "PUT /api/v1/media/" + media.id + "/upload " + std::to_string(media.max_bytes);
}

net::awaitable<UploadTicket> Service::create_upload(std::string user_id, const boost::json::object& body,
                                                    std::string origin) {
    core::Validator v(body);
    const auto purpose = v.one_of("purpose", kPurposes, true);
    const auto content_type = v.string("content_type", 1, 100, true);
    const auto size = v.number("size_bytes", 1, 1e15, true);
    if (size && *size != static_cast<double>(static_cast<std::int64_t>(*size)))
        v.add_error("size_bytes", "must be a whole number of bytes");
    v.check();
    check_content_type(*content_type);
    const auto max_bytes = static_cast<std::int64_t>(*size);
    if (max_bytes > kMaxUploadBytes) throw too_large_error();

    const auto now = clock_.now();
    const auto expires = now + kUploadLifetime;
    // Counted and inserted under the owner's lock: parallel requests cannot pass the limit together.
    auto tx = co_await db::Transaction::begin(pool_);
    co_await repository_.lock_owner_uploads(tx, user_id);
    const auto pending = co_await repository_.count_pending(tx, user_id, core::to_timestamptz(now));
    if (pending >= kMaxPendingUploads) {
        throw core::ApiError(
            http::status::too_many_requests, "too_many_pending_uploads", "Too many pending uploads",
            "Finish or wait out your " + std::to_string(pending) + " unfinished uploads before starting another.")
            .with_header(http::field::retry_after, "60");
    }
    UploadTicket ticket;
    ticket.media = co_await repository_.insert(tx, std::move(user_id), *parse_purpose(*purpose), *content_type,
                                               max_bytes, core::to_timestamptz(expires));
    co_await tx.commit();
    ticket.expires_at = ticket.media.upload_expires_at;
    ticket.headers.emplace_back("Content-Type", *content_type);
    const auto lifetime = std::chrono::duration_cast<std::chrono::seconds>(kUploadLifetime);
    auto job = [this, key = original_key(ticket.media.id), type = *content_type, lifetime] {
        return storage_.presign_put(key, type, lifetime);
    };
    auto presigned = co_await io_.run(std::move(job));
    if (presigned) {
        ticket.url = std::move(presigned->url);
        ticket.headers = std::move(presigned->headers);
    } else {
        ticket.url = origin + "/api/v1/media/" + ticket.media.id + "/upload?" +
                     signer_.sign(upload_resource(ticket.media), expires);
    }
    co_return ticket;
}

net::awaitable<void> Service::receive_upload(std::string id, std::string expires, std::string signature,
                                             core::BodyStream& body) {
    if (!core::is_uuid(id)) throw core::ApiError::forbidden("This upload link is not valid.");
    const auto media = co_await repository_.get(pool_, id);
    if (!media) throw core::ApiError::forbidden("This upload link is not valid.");
    switch (signer_.verify(upload_resource(*media), expires, signature, clock_.now())) {
        case core::UrlSigner::Verdict::kInvalid:
            throw core::ApiError::forbidden("This upload link is not valid.");
        case core::UrlSigner::Verdict::kExpired:
            throw core::ApiError(http::status::forbidden, "upload_expired", "Upload link expired",
                                 "This upload link has expired; start a new upload.");
        case core::UrlSigner::Verdict::kValid:
            break;
    }
    if (media->status != "pending") {
        throw core::ApiError::conflict("upload_closed", "This photo has already been completed; start a new upload.");
    }
    // Bytes go to a scratch file as they arrive (page cache; the sync is on a worker), never
    // beyond the declared size: the 413 goes out while the rest is still on the wire.
    TempFile temp(fs::temp_directory_path() / ("service-upload-" + core::random_token(12)));
    if (!temp.out) throw std::runtime_error("cannot create an upload scratch file");
    std::int64_t received = 0;
    std::vector<char> buffer(std::size_t{64} * 1024);
    for (;;) {
        const auto n = co_await body.read_some(buffer.data(), buffer.size());
        if (n == 0) break;
        received += static_cast<std::int64_t>(n);
        if (received > media->max_bytes) {
            throw core::ApiError(http::status::payload_too_large, "payload_too_large", "Payload too large",
                                 "The upload is larger than the " + std::to_string(media->max_bytes) +
                                     " bytes declared when it was started.");
        }
        temp.out.write(buffer.data(), static_cast<std::streamsize>(n));
        if (!temp.out) throw std::runtime_error("cannot write an upload scratch file");
    }
    if (received == 0) throw core::ApiError::bad_request("The upload is empty.");
    temp.out.close();
    auto job = [this, key = original_key(id), path = temp.path, type = media->declared_type] {
        storage_.put_file(key, path, type);
        return true;
    };
    co_await io_.run(std::move(job));
    co_await repository_.mark_uploaded(pool_, id, received);
}

net::awaitable<std::pair<Media, bool>> Service::complete(std::string user_id, std::string id) {
    if (!core::is_uuid(id)) throw core::ApiError::not_found("No such media.");
    auto tx = co_await db::Transaction::begin(pool_);
    auto media = co_await repository_.lock(tx, id);
    if (!media || media->owner_id != user_id) throw core::ApiError::not_found("No such media.");
    if (media->status == "ready" || media->status == "failed") co_return std::pair{std::move(*media), false};
    if (media->status == "processing") co_return std::pair{std::move(*media), true};
    std::optional<std::int64_t> bytes;
    if (!media->uploaded) {
        // Direct uploads (S3): the store has the object or the client has not sent it.
        auto job = [this, key = original_key(id)] { return storage_.head(key); };
        const auto info = co_await io_.run(std::move(job));
        if (!info) {
            throw core::ApiError::conflict("upload_missing", "The photo's bytes have not been uploaded yet.");
        }
        if (static_cast<std::int64_t>(info->size) > media->max_bytes) throw too_large_error();
        bytes = static_cast<std::int64_t>(info->size);
    }
    const auto lease = core::to_timestamptz(clock_.now() + Processor::kLease);
    auto started = co_await repository_.start_processing(tx, id, lease, bytes);
    co_await tx.commit();
    processor_.enqueue(id);
    co_return std::pair{std::move(started), true};
}

net::awaitable<Media> Service::import_photo(std::string owner_id, Purpose purpose, std::string bytes) {
    const auto* head = reinterpret_cast<const unsigned char*>(bytes.data());
    const auto type = infra::images::sniff({head, std::min<std::size_t>(bytes.size(), 32)});
    if (!type) throw std::invalid_argument("import_photo: not a JPEG, PNG, WebP or HEIF image");
    const auto size = static_cast<std::int64_t>(bytes.size());
    if (size > kMaxUploadBytes) throw std::invalid_argument("import_photo: larger than an upload may be");
    const std::string content_type(infra::images::mime_type(*type));
    const auto expires = core::to_timestamptz(clock_.now() + kUploadLifetime);
    const auto media = co_await repository_.insert(pool_, std::move(owner_id), purpose, content_type, size, expires);
    // The original goes to the store the way an upload's does: from a scratch file.
    auto job = [this, key = original_key(media.id), bytes = std::move(bytes), content_type] {
        TempFile temp(fs::temp_directory_path() / ("service-import-" + core::random_token(12)));
        temp.out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        temp.out.close();
        if (!temp.out) throw std::runtime_error("cannot write an import scratch file");
        storage_.put_file(key, temp.path, content_type);
        return true;
    };
    co_await io_.run(std::move(job));
    co_await repository_.mark_uploaded(pool_, media.id, size);
    // Nobody else knows the id yet, so no lock: straight to processing, as complete() does.
    const auto lease = core::to_timestamptz(clock_.now() + Processor::kLease);
    co_await repository_.start_processing(pool_, media.id, lease, std::nullopt);
    co_await processor_.process_now(media.id);
    auto done = co_await repository_.get(pool_, media.id);
    if (!done || !done->ready()) {
        const std::string state = done ? done->failure_reason.value_or(done->status) : "deleted";
        throw std::runtime_error("import_photo: processing did not succeed (" + state + ")");
    }
    co_return std::move(*done);
}

net::awaitable<bool> Service::may_view(const std::optional<std::string>& viewer, const Media& media) {
    if (viewer && *viewer == media.owner_id) co_return true;
    if (!media.ready()) co_return false;
    if (media.is_public()) co_return true;
    if (!viewer || chat_access_ == nullptr) co_return false;
    co_return co_await chat_access_->can_view_chat_photo(*viewer, media.id);
}

net::awaitable<Media> Service::get(std::optional<std::string> viewer, std::string id) {
    if (!core::is_uuid(id)) throw core::ApiError::not_found("No such media.");
    auto media = co_await repository_.get(pool_, id);
    if (!media) throw core::ApiError::not_found("No such media.");
    const bool allowed = co_await may_view(viewer, *media);
    if (!allowed) throw core::ApiError::not_found("No such media.");
    co_return std::move(*media);
}

net::awaitable<std::vector<Media>> Service::get_many(std::vector<std::string> ids) {
    std::vector<Media> out;
    out.reserve(ids.size());
    std::vector<std::string> missing;
    for (auto& id : ids) {
        if (auto hit = ready_.get(id)) {
            out.push_back(std::move(*hit));
        } else {
            missing.push_back(std::move(id));
        }
    }
    if (missing.empty()) co_return out;
    auto found = co_await repository_.get_many(pool_, std::move(missing));
    for (auto& m : found) {
        if (m.ready()) ready_.put(m.id, m);
        out.push_back(std::move(m));
    }
    co_return out;
}

net::awaitable<void> Service::remove(std::string user_id, std::string id) {
    if (!core::is_uuid(id)) throw core::ApiError::not_found("No such media.");
    bool in_use = false;
    {
        auto tx = co_await db::Transaction::begin(pool_);
        const auto media = co_await repository_.lock(tx, id);
        if (!media || media->owner_id != user_id) throw core::ApiError::not_found("No such media.");
        try {
            co_await repository_.remove(tx, id);
            co_await tx.commit();
        } catch (const db::ForeignKeyViolation&) {
            in_use = true;  // a post holds it (ON DELETE RESTRICT)
        }
    }
    if (in_use) {
        throw core::ApiError::conflict("media_in_use", "This photo is part of a post; edit or delete the post first.");
    }
    ready_.erase(id);
    // The row is gone (avatars fell back to initials, portfolio items went): now the files.
    auto job = [this, id] {
        remove_files(storage_, id);
        return true;
    };
    co_await io_.run(std::move(job));
}

net::awaitable<ServedFile> Service::serve(std::string id, std::string file, std::optional<std::string> expires,
                                          std::optional<std::string> signature) {
    // file = "<variant>.<format>"
    const auto dot = file.find('.');
    const auto name = file.substr(0, dot);
    const auto format = dot == std::string::npos ? std::string() : file.substr(dot + 1);
    const bool known_name =
        std::find(std::begin(kVariantNames), std::end(kVariantNames), name) != std::end(kVariantNames);
    const bool known_format =
        std::find(std::begin(kVariantFormats), std::end(kVariantFormats), format) != std::end(kVariantFormats);
    if (!core::is_uuid(id) || !known_name || !known_format) throw core::ApiError::not_found("No such file.");
    const auto media = co_await repository_.get(pool_, id);
    if (!media || !media->ready()) throw core::ApiError::not_found("No such file.");
    if (!media->is_public()) {
        const auto verdict =
            signer_.verify("GET /media/" + id + "/" + file, expires.value_or(""), signature.value_or(""), clock_.now());
        if (verdict != core::UrlSigner::Verdict::kValid) {
            throw core::ApiError::forbidden(verdict == core::UrlSigner::Verdict::kExpired
                                                ? "This photo link has expired; reload the conversation."
                                                : "This photo link is not valid.");
        }
    }
    const auto key = variant_key(id, name, format);
    auto job = [this, key] { return storage_.get_bytes(key); };
    auto bytes = co_await io_.run(std::move(job));
    if (!bytes) throw core::ApiError::not_found("No such file.");
    ServedFile served;
    served.etag = "\"" + core::sha256_hex(*bytes).substr(0, 32) + "\"";
    served.bytes = std::move(*bytes);
    served.content_type = format == "jpg" ? "image/jpeg" : "image/webp";
    served.is_public = media->is_public();
    co_return served;
}

net::awaitable<Media> Service::attach(db::Executor& db, std::string owner_id, std::string media_id, Purpose purpose,
                                      std::string field) {
    const auto invalid = [&](std::string message) { return core::ApiError::validation({{field, std::move(message)}}); };
    if (!core::is_uuid(media_id)) throw invalid("must be the id of one of your photos");
    auto media = co_await repository_.lock(db, media_id);
    if (!media || media->owner_id != owner_id) throw invalid("must be the id of one of your photos");
    if (media->purpose != purpose)
        throw invalid("this photo was uploaded as " + std::string(to_string(media->purpose)) + ", not " +
                      std::string(to_string(purpose)));
    if (!media->ready()) throw invalid("this photo is not ready (" + media->status + ")");
    co_await repository_.mark_attached(db, media_id);
    co_return std::move(*media);
}

std::string Service::variant_url(const Media& media, std::string_view name, std::string_view format) const {
    const auto key = variant_key(media.id, name, format);
    std::string path = "/media/" + media.id + "/" + std::string(name) + "." + std::string(format);
    if (media.is_public()) {
        if (auto url = storage_.public_url(key)) return *url;
        return path;
    }
    const auto lifetime = std::chrono::duration_cast<std::chrono::seconds>(kPrivateLinkLifetime);
    if (auto url = storage_.presign_get(key, lifetime)) return *url;
    return path + "?" + signer_.sign("GET " + path, clock_.now() + kPrivateLinkLifetime);
}

boost::json::value Service::variants_json(const Media& media) const {
    if (!media.ready()) return nullptr;
    boost::json::object out;
    for (const auto& [name, size] : media.variants) {
        out[name] = {{"url", variant_url(media, name, "webp")},
                     {"jpeg_url", variant_url(media, name, "jpg")},
                     {"width", size.width},
                     {"height", size.height}};
    }
    return out;
}

boost::json::object Service::to_json(const Media& m) const {
    boost::json::object out{{"id", m.id},         {"owner_id", m.owner_id},    {"purpose", to_string(m.purpose)},
                            {"status", m.status}, {"failure_reason", nullptr}, {"width", nullptr},
                            {"height", nullptr},  {"placeholder", nullptr},    {"created_at", m.created_at}};
    if (m.failure_reason) out["failure_reason"] = *m.failure_reason;
    if (m.width) out["width"] = *m.width;
    if (m.height) out["height"] = *m.height;
    if (m.placeholder) out["placeholder"] = *m.placeholder;
    out["variants"] = variants_json(m);
    return out;
}

}  // namespace service::media
