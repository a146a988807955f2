#include "infra/images/image_pipeline.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <utility>

#include <vips/vips.h>

#include "infra/images/blurhash.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace service::infra::images {
namespace {

struct ImageUnref {
    void operator()(VipsImage* image) const { g_object_unref(image); }
};
/// Every VipsImage we create is owned by exactly one of these.
using Image = std::unique_ptr<VipsImage, ImageUnref>;

struct GFree {
    void operator()(void* p) const { g_free(p); }
};

/// Takes (and clears) libvips' error text. The buffer is global, not per thread: under
/// concurrent failures a message can carry another job's words, so it only goes to `detail`.
std::string take_vips_error() {
    std::unique_ptr<char, GFree> text(vips_error_buffer_copy());
    std::string message = text ? text.get() : "";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    std::replace(message.begin(), message.end(), '\n', ';');
    return message.empty() ? "libvips gave no reason" : message;
}

bool brand_is(const unsigned char* p, std::string_view brand) { return std::memcmp(p, brand.data(), 4) == 0; }

// HEVC-coded HEIF brands, and the generic HEIF image/sequence brands that AVIF shares.
constexpr std::array<std::string_view, 6> kHevcBrands{"heic", "heix", "heim", "heis", "hevc", "hevx"};
constexpr std::array<std::string_view, 3> kGenericBrands{"mif1", "msf1", "heif"};
constexpr std::array<std::string_view, 2> kAvifBrands{"avif", "avis"};

template <std::size_t N>
bool brand_in(const unsigned char* p, const std::array<std::string_view, N>& brands) {
    return std::any_of(brands.begin(), brands.end(), [p](std::string_view b) { return brand_is(p, b); });
}

std::optional<ImageType> sniff_heif(std::span<const unsigned char> head) {
    // ISO-BMFF: a big-endian box size, "ftyp", the major brand, a minor version, then the
    // compatible brands up to the end of the box.
    if (head.size() < 16 || std::memcmp(head.data() + 4, "ftyp", 4) != 0) return std::nullopt;
    const std::size_t box = (std::size_t{head[0]} << 24) | (std::size_t{head[1]} << 16) | (std::size_t{head[2]} << 8) |
                            std::size_t{head[3]};
    if (box < 16) return std::nullopt;
    const std::size_t end = std::min(box, head.size());
    const unsigned char* major = head.data() + 8;
    bool hevc = brand_in(major, kHevcBrands);
    bool avif = brand_in(major, kAvifBrands);
    for (std::size_t at = 16; at + 4 <= end; at += 4) {
        hevc = hevc || brand_in(head.data() + at, kHevcBrands);
        avif = avif || brand_in(head.data() + at, kAvifBrands);
    }
    if (hevc) return ImageType::kHeif;
    if (brand_in(major, kGenericBrands) && !avif) return ImageType::kHeif;
    return std::nullopt;  // AVIF, MP4, QuickTime, ...
}

/// The libvips loader (its "vips-loader" name) that must have opened a file of this type.
std::string_view loader_for(ImageType type) {
    switch (type) {
        case ImageType::kJpeg:
            return "jpegload";
        case ImageType::kPng:
            return "pngload";
        case ImageType::kWebp:
            return "webpload";
        case ImageType::kHeif:
            return "heifload";
    }
    return "";
}

std::optional<std::vector<unsigned char>> read_head(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::vector<unsigned char> head(32);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

bool probe_failed() {
    take_vips_error();
    return false;
}

bool probe_heif() {
    if (vips_type_find("VipsOperation", "heifload_buffer") == 0) return false;
    // A registered loader does not prove there is an HEVC decoder behind libheif: round-trip a
    // tiny image. Without an HEVC encoder this says "unsupported" even if decoding would work,
    // which is the safe side (Debian's libheif1 depends on both libde265 and libx265).
    VipsImage* raw = nullptr;
    if (vips_black(&raw, 16, 16, "bands", 3, nullptr) != 0) return probe_failed();
    Image black(raw);
    void* buffer = nullptr;
    std::size_t length = 0;
    if (vips_heifsave_buffer(black.get(), &buffer, &length, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC,
                             nullptr) != 0) {
        return probe_failed();
    }
    std::unique_ptr<void, GFree> encoded(buffer);
    Image decoded(vips_image_new_from_buffer(encoded.get(), length, "", nullptr));
    double mean = 0;
    if (!decoded || vips_avg(decoded.get(), &mean, nullptr) != 0) return probe_failed();
    return true;
}

constexpr int kThumbSide = 160;
constexpr int kMediumSide = 640;
constexpr int kLargeSide = 1280;
constexpr int kPlaceholderSide = 32;
constexpr int kQuality = 80;

/// 8-bit sRGB (keeping an alpha band): what the savers and the placeholder expect, whatever
/// the source was (grey, 16-bit PNG, CMYK already converted by vips_thumbnail).
Image to_srgb8(Image image) {
    if (vips_image_guess_interpretation(image.get()) != VIPS_INTERPRETATION_sRGB) {
        VipsImage* out = nullptr;
        if (vips_colourspace(image.get(), &out, VIPS_INTERPRETATION_sRGB, nullptr) != 0) return nullptr;
        image.reset(out);
    }
    if (vips_image_get_format(image.get()) != VIPS_FORMAT_UCHAR) {
        VipsImage* out = nullptr;
        if (vips_cast_uchar(image.get(), &out, nullptr) != 0) return nullptr;
        image.reset(out);
    }
    return image;
}

/// Removes every metadata item (EXIF, XMP, IPTC, ICC profile, orientation, loader extras) from
/// a decoded image; the pixel header (size, bands, format, interpretation) stays.
///  - Privacy: nothing of the original's metadata can reach an output, even if a saver ignored
///    strip=TRUE.
///  - Colour: the pixels are sRGB by now; a profile left on would be converted again.
///  - Memory safety: libvips 8.14's heifload attaches EXIF as a blob that points into memory
///    freed when the loader closes, and the savers read it (ASan: heap-use-after-free in
///    vips__exif_update from webpsave). Dropping it before the loader goes is the fix.
void drop_metadata(VipsImage* image) {
    gchar** fields = vips_image_get_fields(image);
    for (gchar** field = fields; field != nullptr && *field != nullptr; ++field) {
        vips_image_remove(image, *field);  // a no-op for the pixel header's own fields
    }
    g_strfreev(fields);
}

/// The WebP file without its EXIF, XMP and ICC chunks (and their VP8X flags). libvips 8.14's
/// webpsave writes an EXIF chunk even with strip=TRUE (one it makes up: orientation,
/// resolution, size), so the container is cleaned here rather than trusted.
std::vector<unsigned char> strip_webp_metadata(std::span<const unsigned char> webp) {
    const auto le32 = [](const unsigned char* p) {
        return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 | std::uint32_t{p[3]} << 24;
    };
    if (webp.size() < 12 || std::memcmp(webp.data(), "RIFF", 4) != 0 || std::memcmp(webp.data() + 8, "WEBP", 4) != 0) {
        throw std::logic_error("image pipeline: libvips wrote something that is not WebP");
    }
    std::vector<unsigned char> out(webp.begin(), webp.begin() + 12);
    std::size_t vp8x = 0;  // offset of the VP8X payload in `out`, 0 if none
    for (std::size_t at = 12; at < webp.size();) {
        if (at + 8 > webp.size()) throw std::logic_error("image pipeline: truncated WebP chunk");
        const std::size_t size = le32(webp.data() + at + 4);
        const std::size_t whole = 8 + size + (size & 1);  // chunks are padded to even sizes
        if (at + whole > webp.size()) throw std::logic_error("image pipeline: truncated WebP chunk");
        const unsigned char* fourcc = webp.data() + at;
        const bool metadata = std::memcmp(fourcc, "EXIF", 4) == 0 || std::memcmp(fourcc, "XMP ", 4) == 0 ||
                              std::memcmp(fourcc, "ICCP", 4) == 0;
        if (!metadata) {
            if (std::memcmp(fourcc, "VP8X", 4) == 0) vp8x = out.size() + 8;
            out.insert(out.end(), webp.begin() + std::ptrdiff_t(at), webp.begin() + std::ptrdiff_t(at + whole));
        }
        at += whole;
    }
    if (vp8x != 0) out[vp8x] &= static_cast<unsigned char>(~0x2Cu);  // ICC (0x20), EXIF (0x08), XMP (0x04)
    const std::uint32_t riff = static_cast<std::uint32_t>(out.size() - 8);
    for (int i = 0; i < 4; ++i) out[4 + std::size_t(i)] = static_cast<unsigned char>(riff >> (8 * i));
    return out;
}

void write_file(const std::filesystem::path& file, const std::vector<unsigned char>& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) throw std::runtime_error("image pipeline: cannot write " + file.string());
}

/// One call of process(): its arguments, borrowed for the call.
class Job {
  public:
    Job(const std::filesystem::path& original, const std::filesystem::path& out_dir, const Limits& limits)
        : original_(original), out_dir_(out_dir), limits_(limits) {}

    Result run();

  private:
    Result fail(Failure failure, std::string detail) const {
        Result result;
        result.failure = failure;
        result.detail = std::move(detail);
        return result;
    }
    Result corrupt(std::string_view step) const {
        return fail(Failure::kCorrupt, std::string(step) + ": " + take_vips_error());
    }
    // Output steps fail only on our side (disk, memory): that is not the upload's fault.
    [[noreturn]] void output_error(std::string_view step) const {
        throw std::runtime_error("image pipeline: " + std::string(step) + ": " + take_vips_error());
    }

    Image derive(VipsImage* from, int side, bool crop);
    Image flatten_on_white(VipsImage* image);
    Variant save(VipsImage* image, std::string_view name, std::string_view format);
    std::string placeholder(VipsImage* large);

    const std::filesystem::path& original_;
    const std::filesystem::path& out_dir_;
    const Limits& limits_;
};

Result Job::run() {
    const auto head = read_head(original_);
    if (!head) throw std::runtime_error("image pipeline: cannot read " + original_.string());
    const std::optional<ImageType> type = sniff(*head);
    if (!type) return fail(Failure::kUnsupportedType, "not a JPEG, PNG, WebP or HEIF file");
    if (*type == ImageType::kHeif && !heif_supported()) {
        return fail(Failure::kUnsupportedType, "HEIF is not supported by this libvips");
    }
    const std::string filename = original_.string();

    // The header alone: libvips reads pixels only when something asks for them, so a bomb is
    // refused here having cost one header parse.
    Image header(vips_image_new_from_file(filename.c_str(), "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                          VIPS_FAIL_ON_ERROR, nullptr));
    if (!header) return corrupt("reading the header");
    const char* loader = nullptr;
    if (vips_image_get_string(header.get(), VIPS_META_LOADER, &loader) != 0 || loader == nullptr ||
        loader_for(*type) != loader) {
        take_vips_error();
        return fail(Failure::kUnsupportedType, "libvips does not read this file as " + std::string(mime_type(*type)));
    }
    const int stored_width = vips_image_get_width(header.get());
    const int stored_height = vips_image_get_height(header.get());
    const std::uint64_t pixels = std::uint64_t(stored_width) * std::uint64_t(stored_height);
    if (pixels > limits_.max_pixels || stored_width > limits_.max_side || stored_height > limits_.max_side) {
        return fail(Failure::kTooLarge, std::to_string(stored_width) + "x" + std::to_string(stored_height) +
                                            " is over the limit of " + std::to_string(limits_.max_pixels) +
                                            " pixels or " + std::to_string(limits_.max_side) + " pixels a side");
    }
    const bool swap = vips_image_get_orientation_swap(header.get()) != 0;
    // Only an embedded profile or CMYK (converted with libvips' built-in CMYK profile when it
    // has none) needs a colour transform; untagged RGB is taken as sRGB already.
    const bool has_profile = vips_image_get_typeof(header.get(), VIPS_META_ICC_NAME) != 0 ||
                             vips_image_get_interpretation(header.get()) == VIPS_INTERPRETATION_CMYK;

    // Shrink-on-load: libjpeg can decode at 1/2, 1/4 or 1/8 scale (DCT scaling) for a fraction
    // of the full decode. vips_thumbnail only does it while at least 2x is left for its own
    // reduce, so a 12-MP photo would be decoded whole for the 1280 variant; we take the
    // largest scale that still leaves >= 1280 pixels (4000x3000 -> 2000x1500). On a 12-MP photo
    // that is 15% less CPU, and the 1280 result differs from the full decode's by 1.0/255 on
    // average (7 at most): under half of what the quality-80 JPEG encoding itself changes.
    int shrink = 1;
    if (*type == ImageType::kJpeg) {
        const int long_side = std::max(stored_width, stored_height);
        while (shrink < 8 && long_side / (shrink * 2) >= kLargeSide) shrink *= 2;
    }
    if (shrink > 1) {
        header.reset(vips_image_new_from_file(filename.c_str(), "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                              VIPS_FAIL_ON_ERROR, "shrink", shrink, nullptr));
        if (!header) return corrupt("reading the header");
    }

    // Decode once, streaming, to the large size with the EXIF orientation applied; the smaller
    // variants are made from that in memory.
    VipsImage* raw = nullptr;
    const int status =
        has_profile ? vips_thumbnail_image(header.get(), &raw, kLargeSide, "height", kLargeSide, "size", VIPS_SIZE_DOWN,
                                           "export_profile", "srgb", "intent", VIPS_INTENT_RELATIVE, nullptr)
                    : vips_thumbnail_image(header.get(), &raw, kLargeSide, "height", kLargeSide, "size", VIPS_SIZE_DOWN,
                                           nullptr);
    header.reset();
    if (status != 0) return corrupt("decoding");
    Image lazy = to_srgb8(Image(raw));
    if (!lazy) return corrupt("converting to sRGB");
    // Pixels are decoded here, so corrupt data fails here.
    Image large(vips_image_copy_memory(lazy.get()));
    if (!large) return corrupt("decoding");
    drop_metadata(large.get());
    lazy.reset();

    Processed processed;
    processed.type = *type;
    processed.width = swap ? stored_height : stored_width;
    processed.height = swap ? stored_width : stored_height;

    Image medium = derive(large.get(), kMediumSide, false);
    Image thumb = derive(large.get(), kThumbSide, true);
    for (const auto& [name, image] : {std::pair<std::string_view, VipsImage*>{"thumb", thumb.get()},
                                      {"medium", medium.get()},
                                      {"large", large.get()}}) {
        processed.variants.push_back(save(image, name, "webp"));
        processed.variants.push_back(save(image, name, "jpeg"));
    }
    processed.placeholder = placeholder(large.get());

    Result result;
    result.ok = std::move(processed);
    return result;
}

Image Job::derive(VipsImage* from, int side, bool crop) {
    VipsImage* out = nullptr;
    // The thumb is always the full square (a grid wants equal tiles), so small originals are
    // scaled up for it; medium and large never are.
    const int status = crop ? vips_thumbnail_image(from, &out, side, "height", side, "crop", VIPS_INTERESTING_CENTRE,
                                                   "size", VIPS_SIZE_BOTH, "no_rotate", TRUE, nullptr)
                            : vips_thumbnail_image(from, &out, side, "height", side, "size", VIPS_SIZE_DOWN,
                                                   "no_rotate", TRUE, nullptr);
    if (status != 0) output_error("resizing");
    Image lazy(out);
    // In memory (at most 640x640x4 bytes): both savers read it, and a lazy image would be
    // resized once per save.
    Image resized(vips_image_copy_memory(lazy.get()));
    if (!resized) output_error("resizing");
    return resized;
}

Image Job::flatten_on_white(VipsImage* image) {
    VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    VipsImage* out = nullptr;
    const int status = vips_flatten(image, &out, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (status != 0) output_error("flattening");
    return Image(out);
}

Variant Job::save(VipsImage* image, std::string_view name, std::string_view format) {
    Variant variant;
    variant.name = name;
    variant.format = format;
    variant.file = out_dir_ / (std::string(name) + (format == "webp" ? ".webp" : ".jpg"));
    const std::string path = variant.file.string();
    int status = 0;
    if (format == "webp") {
        void* buffer = nullptr;
        std::size_t length = 0;
        status = vips_webpsave_buffer(image, &buffer, &length, "Q", kQuality, "strip", TRUE, nullptr);
        if (status != 0) output_error("encoding " + path);
        std::unique_ptr<void, GFree> encoded(buffer);
        write_file(variant.file, strip_webp_metadata({static_cast<const unsigned char*>(encoded.get()), length}));
    } else {
        // JPEG has no alpha: transparent areas become white, as on a white page.
        Image flat;
        if (vips_image_hasalpha(image)) {
            flat = flatten_on_white(image);
            image = flat.get();
        }
        status = vips_jpegsave(image, path.c_str(), "Q", kQuality, "strip", TRUE, "optimize_coding", TRUE, "interlace",
                               TRUE, nullptr);
    }
    if (status != 0) output_error("writing " + path);
    variant.width = vips_image_get_width(image);
    variant.height = vips_image_get_height(image);
    variant.bytes = std::filesystem::file_size(variant.file);
    return variant;
}

std::string Job::placeholder(VipsImage* large) {
    VipsImage* out = nullptr;
    if (vips_thumbnail_image(large, &out, kPlaceholderSide, "height", kPlaceholderSide, "size", VIPS_SIZE_DOWN,
                             "no_rotate", TRUE, nullptr) != 0) {
        output_error("placeholder");
    }
    Image small(out);
    if (vips_image_hasalpha(small.get())) small = flatten_on_white(small.get());
    if (vips_image_get_bands(small.get()) != 3) {
        // sRGB without alpha is three bands; anything else is a bug upstream of here.
        throw std::logic_error("image pipeline: placeholder source has " +
                               std::to_string(vips_image_get_bands(small.get())) + " bands");
    }
    std::size_t size = 0;
    std::unique_ptr<void, GFree> memory(vips_image_write_to_memory(small.get(), &size));
    if (!memory) output_error("placeholder");
    const int width = vips_image_get_width(small.get());
    const int height = vips_image_get_height(small.get());
    return blurhash({static_cast<const unsigned char*>(memory.get()), size}, width, height);
}

}  // namespace

std::optional<ImageType> sniff(std::span<const unsigned char> head) {
    const auto starts = [head](std::initializer_list<unsigned char> magic, std::size_t at = 0) {
        return head.size() >= at + magic.size() &&
               std::equal(magic.begin(), magic.end(), head.begin() + std::ptrdiff_t(at));
    };
    if (starts({0xFF, 0xD8, 0xFF})) return ImageType::kJpeg;
    if (starts({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) return ImageType::kPng;
    if (starts({'R', 'I', 'F', 'F'}) && starts({'W', 'E', 'B', 'P'}, 8)) return ImageType::kWebp;
    return sniff_heif(head);
}

std::string_view mime_type(ImageType type) {
    switch (type) {
        case ImageType::kJpeg:
            return "image/jpeg";
        case ImageType::kPng:
            return "image/png";
        case ImageType::kWebp:
            return "image/webp";
        case ImageType::kHeif:
            return "image/heic";
    }
    return "application/octet-stream";
}

void init(int threads_per_job) {
    static std::once_flag once;
    std::call_once(once, [threads_per_job] {
        if (VIPS_INIT("service") != 0) throw std::runtime_error("libvips failed to start: " + take_vips_error());
        vips_concurrency_set(std::max(1, threads_per_job));
        vips_cache_set_max(0);
        vips_cache_set_max_mem(0);
        vips_cache_set_max_files(0);
        // Uploads are untrusted: only the four decoders we accept may ever see their bytes.
        vips_operation_block_set("VipsForeignLoad", TRUE);
        for (const char* allowed :
             {"VipsForeignLoadJpeg", "VipsForeignLoadPng", "VipsForeignLoadWebp", "VipsForeignLoadHeif"}) {
            vips_operation_block_set(allowed, FALSE);
        }
    });
}

bool heif_supported() {
    static std::once_flag once;
    static bool supported = false;
    std::call_once(once, [] { supported = probe_heif(); });
    return supported;
}

Result process(const std::filesystem::path& original, const std::filesystem::path& out_dir, const Limits& limits) {
    init();
    struct TrimAfter {
        // A job frees some 40 MB of decoder and encoder buffers, which glibc keeps in its
        // arenas (fragmented, so the heap top cannot shrink): hand the free pages back to the
        // kernel, or the server's RSS stays at the peak of its largest upload. Measured cost:
        // none within the noise of a 0.4 s job.
        ~TrimAfter() {
#ifdef __GLIBC__
            malloc_trim(0);
#endif
        }
    } trim;
    return Job(original, out_dir, limits).run();
}

}  // namespace service::infra::images
