#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

/// The image pipeline of the media feature, on libvips: an uploaded original in, the resized,
/// metadata-free variants and a BlurHash placeholder out. Blocking and CPU-heavy: run it on the
/// BlockingPool, never on an I/O thread. Several process() calls may run at once.
namespace service::infra::images {

enum class ImageType { kJpeg, kPng, kWebp, kHeif };

/// The type from the magic numbers at the start of the file (pass at least its first 32
/// bytes), never from a name or a declared content type. nullopt: not an image we accept
/// (AVIF and other ISO-BMFF files included).
std::optional<ImageType> sniff(std::span<const unsigned char> head);

/// "image/jpeg", "image/png", "image/webp", "image/heic".
std::string_view mime_type(ImageType type);

/// Whether this libvips can decode HEIC (its libheif has an HEVC decoder). Probed once, at the
/// first call; init() must have run.
bool heif_supported();

/// Starts libvips once per process (later calls do nothing): no operation cache (we never
/// reuse an image, and a cached open file would hide a replaced one), `threads_per_job` worker
/// threads per pipeline (throughput comes from running several jobs on the pool), and every
/// loader but JPEG, PNG, WebP and HEIF blocked. Call it from main() and from the tests before
/// anything else here.
void init(int threads_per_job = 1);

struct Limits {
    std::uint64_t max_pixels = 50'000'000;
    int max_side = 10'000;
};

struct Variant {
    std::string name;    // "thumb" (160×160 centre crop), "medium" (640), "large" (1280 on the long side)
    std::string format;  // "webp" or "jpeg"
    std::filesystem::path file;
    int width = 0;
    int height = 0;
    std::uint64_t bytes = 0;
};

struct Processed {
    ImageType type = ImageType::kJpeg;
    int width = 0;  // the original's size once its EXIF orientation is applied
    int height = 0;
    std::string placeholder;  // BlurHash with 4×3 components (28 characters): see blurhash.hpp
    std::vector<Variant> variants;
};

enum class Failure {
    kUnsupportedType,  // not JPEG/PNG/WebP/HEIF by its bytes, or HEIF without heif_supported()
    kTooLarge,         // over Limits by the header alone: nothing was decoded
    kCorrupt,          // the header or the pixels failed to decode
};

/// Exactly one of `ok` and `failure` is set. `detail` says what failed, for the log only (it may
/// hold libvips' own words, and libvips' error buffer is shared by all threads): never show it
/// to a client.
struct Result {
    std::optional<Processed> ok;
    std::optional<Failure> failure;
    std::string detail;
};

/// Reads `original` and writes `<out_dir>/<name>.<webp|jpg>` for each variant, in sRGB, with
/// the orientation applied and no metadata at all (no EXIF, GPS, XMP, IPTC or ICC profile):
/// thumb is a 160×160 centre crop (scaled up when the original is smaller), medium and large fit
/// 640 and 1280 pixels on the long side and are never scaled up. `out_dir` must exist; files
/// already there with those names are replaced. I/O errors on `out_dir` are thrown as
/// std::runtime_error.
Result process(const std::filesystem::path& original, const std::filesystem::path& out_dir, const Limits& limits = {});

}  // namespace service::infra::images
