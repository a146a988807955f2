#pragma once
#include <chrono>
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/http_types.hpp"
#include "core/signed_url.hpp"
#include "core/ttl_cache.hpp"
#include "db/pool.hpp"
#include "infra/blocking.hpp"
#include "infra/storage/storage.hpp"
#include "modules/media/processor.hpp"
#include "modules/media/repository.hpp"

namespace service::media {

inline constexpr std::int64_t kMaxUploadBytes = std::int64_t{15} * 1024 * 1024;
inline constexpr int kMaxPendingUploads = 20;
inline constexpr std::chrono::minutes kUploadLifetime{60};
inline constexpr std::chrono::minutes kPrivateLinkLifetime{15};

/// Whether `user_id` may see a chat photo: its chat's participants may. Implemented by the
/// chats module and handed to the media service by the composition root (media cannot depend
/// on chats, which attaches media to messages).
class ChatPhotoAccess {
  public:
    virtual ~ChatPhotoAccess() = default;
    virtual net::awaitable<bool> can_view_chat_photo(std::string user_id, std::string media_id) = 0;
};

/// What POST /media/uploads answers: the new media and where to send its bytes.
struct UploadTicket {
    Media media;
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string expires_at;
};

/// A served file: a variant's bytes with what the HTTP layer needs for caching.
struct ServedFile {
    std::string bytes;
    std::string content_type;
    std::string etag;
    bool is_public = true;
};

/// Photos from upload to ready: the upload ticket and its signed URL, receiving the bytes (local
/// backend), completing, processing (the Processor, off the I/O threads), reading, serving and
/// deleting. Who may see a photo: the owner always; anyone a ready public one (avatar,
/// portfolio, post); a chat photo its chat's participants. Everyone else gets 404.
class Service {
  public:
    /// Storage calls run on `io` (the shared blocking pool), image work on the Processor's own.
    Service(db::Pool& pool, const Repository& repository, infra::storage::Storage& storage, Processor& processor,
            infra::BlockingPool& io, const core::Clock& clock, std::string signing_secret);

    void set_chat_photo_access(ChatPhotoAccess* access) { chat_access_ = access; }

    /// `origin` ("http://host:port") makes the upload URL absolute (local backend).
    net::awaitable<UploadTicket> create_upload(std::string user_id, const boost::json::object& body,
                                               std::string origin);
    /// The local backend's PUT: checks the signed URL, streams the body to storage and stops at
    /// the declared size (413 then, before reading further).
    net::awaitable<void> receive_upload(std::string id, std::string expires, std::string signature,
                                        core::BodyStream& body);
    /// 202 (true) when processing started now or is running, 200 (false) when already settled.
    net::awaitable<std::pair<Media, bool>> complete(std::string user_id, std::string id);
    net::awaitable<Media> get(std::optional<std::string> viewer, std::string id);
    /// For trusted producers on the server (the demo data), not for clients: stores `bytes` as a
    /// new photo of `owner_id` and processes it now, as if its owner had uploaded and completed
    /// it. Returns it ready; throws std::invalid_argument when the bytes are not a JPEG, PNG,
    /// WebP or HEIF image of at most kMaxUploadBytes, std::runtime_error when processing failed.
    net::awaitable<Media> import_photo(std::string owner_id, Purpose purpose, std::string bytes);
    net::awaitable<void> remove(std::string user_id, std::string id);
    /// Several photos by id, for modules that show lists of them (portfolio, posts, the feed);
    /// no visibility check: the caller shows only photos it attached. In no particular order.
    /// Ready photos come from a per-node cache (60 s, 50,000 photos): a ready photo's row never
    /// changes, only its deletion (this node forgets it at once, others within the minute; a
    /// photo in a post cannot be deleted at all).
    net::awaitable<std::vector<Media>> get_many(std::vector<std::string> ids);
    /// GET /media/<id>/<file>: a variant, public or with a valid signature.
    net::awaitable<ServedFile> serve(std::string id, std::string file, std::optional<std::string> expires,
                                     std::optional<std::string> signature);

    /// For modules that attach photos (users' avatars, portfolio, posts, messages): the media
    /// if `owner_id` owns it, it is ready and it has `purpose`; otherwise a 422 on `field`.
    /// Marks it used, so the 24-hour clean-up leaves it alone.
    net::awaitable<Media> attach(db::Executor& db, std::string owner_id, std::string media_id, Purpose purpose,
                                 std::string field);

    /// The photo is no longer used where it was attached (a replaced avatar): the clean-up may
    /// delete it once it is a day old.
    net::awaitable<void> release(db::Executor& db, std::string media_id) {
        return repository_.release(db, std::move(media_id));
    }

    /// The media as the API shows it, with variant URLs (public: stable; chat: signed for 15
    /// min). URLs our own server serves are paths ("/media/<id>/thumb.webp"), the same on every
    /// host name and proxy; the store's own URLs (S3) are absolute.
    boost::json::object to_json(const Media& media) const;
    /// {thumb|medium|large: {url, jpeg_url, width, height}} or null when not ready.
    boost::json::value variants_json(const Media& media) const;
    /// The stable WebP URL of a ready public photo's variant, from its id alone (avatars in
    /// lists: users, chat participants, reviews).
    std::string public_url(std::string_view media_id, std::string_view variant = "thumb") const;

  private:
    std::string upload_resource(const Media& media) const;
    std::string variant_url(const Media& media, std::string_view name, std::string_view format) const;
    net::awaitable<bool> may_view(const std::optional<std::string>& viewer, const Media& media);

    db::Pool& pool_;
    const Repository& repository_;
    infra::storage::Storage& storage_;
    Processor& processor_;
    infra::BlockingPool& io_;
    const core::Clock& clock_;
    core::UrlSigner signer_;
    core::TtlCache<Media> ready_{50000, std::chrono::seconds(60)};
    ChatPhotoAccess* chat_access_ = nullptr;
};

}  // namespace service::media
