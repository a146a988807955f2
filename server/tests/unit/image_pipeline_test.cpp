// The image pipeline against the real libvips: every input is made here, in a temporary
// directory, so the suite needs no fixture files.
#include "infra/images/image_pipeline.hpp"
#include "infra/images/blurhash.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <vips/vips.h>

namespace images = service::infra::images;
namespace fs = std::filesystem;
using Bytes = std::vector<unsigned char>;
using namespace std::literals;

namespace {

struct ImageUnref {
    void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, ImageUnref>;

struct Rgb {
    int r, g, b;
};

/// A directory of our own under the system temp dir, removed with everything in it.
class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "image-pipeline-test.XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

  private:
    fs::path path_;
};

Image check(VipsImage* image) {
    if (image == nullptr) throw std::runtime_error(vips_error_buffer());
    return Image(image);
}
// `image` by reference: it is read after the call that fills it has run.
Image check(int status, VipsImage*& image) {
    if (status != 0) throw std::runtime_error(vips_error_buffer());
    return Image(image);
}

/// A width×height sRGB image of one colour with, optionally, a square marker in its top-left
/// corner; in memory, so it can be drawn on.
Image solid(int width, int height, Rgb fill, std::optional<Rgb> marker = std::nullopt, int marker_side = 0) {
    VipsImage* out = nullptr;
    Image black = check(vips_black(&out, width, height, "bands", 3, nullptr), out);
    const double a[] = {1, 1, 1};
    const double b[] = {double(fill.r), double(fill.g), double(fill.b)};
    Image filled = check(vips_linear(black.get(), &out, a, b, 3, "uchar", TRUE, nullptr), out);
    Image copy = check(vips_copy(filled.get(), &out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), out);
    Image memory = check(vips_image_copy_memory(copy.get()));
    if (marker) {
        double ink[] = {double(marker->r), double(marker->g), double(marker->b)};
        if (vips_draw_rect(memory.get(), ink, 3, 0, 0, marker_side, marker_side, "fill", TRUE, nullptr) != 0) {
            throw std::runtime_error(vips_error_buffer());
        }
    }
    return memory;
}

/// A photo-like image: smooth gradients plus noise, so encoders have real work.
Image gradient(int width, int height) {
    VipsImage* out = nullptr;
    Image xyz = check(vips_xyz(&out, width, height, nullptr), out);
    VipsImage* bands[2] = {nullptr, nullptr};
    if (vips_extract_band(xyz.get(), &bands[0], 0, nullptr) != 0 ||
        vips_extract_band(xyz.get(), &bands[1], 1, nullptr) != 0) {
        throw std::runtime_error(vips_error_buffer());
    }
    Image x(bands[0]), y(bands[1]);
    Image rx = check(vips_linear1(x.get(), &out, 255.0 / width, 0, nullptr), out);
    Image gy = check(vips_linear1(y.get(), &out, 255.0 / height, 0, nullptr), out);
    Image noise = check(vips_gaussnoise(&out, width, height, "sigma", 12.0, "mean", 90.0, nullptr), out);
    VipsImage* parts[] = {rx.get(), gy.get(), noise.get()};
    Image joined = check(vips_bandjoin(parts, &out, 3, nullptr), out);
    Image u8 = check(vips_cast_uchar(joined.get(), &out, nullptr), out);
    return check(vips_copy(u8.get(), &out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), out);
}

void save(VipsImage* image, const fs::path& file, const char* saver = nullptr) {
    const std::string name = file.string();
    int status = 0;
    if (saver == nullptr) {
        status = vips_image_write_to_file(image, name.c_str(), nullptr);
    } else if (std::string_view(saver) == "jpeg") {
        status = vips_jpegsave(image, name.c_str(), "Q", 95, nullptr);
    } else if (std::string_view(saver) == "jpeg-stripped") {
        status = vips_jpegsave(image, name.c_str(), "Q", 95, "strip", TRUE, nullptr);
    } else if (std::string_view(saver) == "png") {
        status = vips_pngsave(image, name.c_str(), nullptr);
    } else if (std::string_view(saver) == "webp") {
        status = vips_webpsave(image, name.c_str(), "Q", 95, nullptr);
    } else if (std::string_view(saver) == "heic") {
        status = vips_heifsave(image, name.c_str(), "compression", VIPS_FOREIGN_HEIF_COMPRESSION_HEVC, nullptr);
    }
    if (status != 0) throw std::runtime_error(vips_error_buffer());
}

Bytes read_bytes(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
void write_bytes(const fs::path& file, const Bytes& bytes) {
    std::ofstream out(file, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}
Bytes bytes_of(std::string_view text) { return Bytes(text.begin(), text.end()); }

bool contains(const Bytes& haystack, std::string_view needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

Image load(const fs::path& file) {
    const std::string name = file.string();
    return check(vips_image_new_from_file(name.c_str(), nullptr));
}

Rgb pixel(VipsImage* image, int x, int y) {
    double* values = nullptr;
    int n = 0;
    if (vips_getpoint(image, &values, &n, x, y, nullptr) != 0) throw std::runtime_error(vips_error_buffer());
    Rgb rgb{int(values[0]), int(values[n >= 3 ? 1 : 0]), int(values[n >= 3 ? 2 : 0])};
    g_free(values);
    return rgb;
}

bool near(Rgb a, Rgb b, int tolerance) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance && std::abs(a.b - b.b) <= tolerance;
}

::testing::AssertionResult is_near(Rgb actual, Rgb expected, int tolerance) {
    if (near(actual, expected, tolerance)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "(" << actual.r << "," << actual.g << "," << actual.b << ") is not within "
                                         << tolerance << " of (" << expected.r << "," << expected.g << "," << expected.b
                                         << ")";
}

const images::Variant& variant(const images::Processed& processed, std::string_view name, std::string_view format) {
    for (const auto& v : processed.variants) {
        if (v.name == name && v.format == format) return v;
    }
    throw std::runtime_error("no variant " + std::string(name) + "/" + std::string(format));
}

void put16be(Bytes& out, unsigned v) {
    out.push_back(static_cast<unsigned char>(v >> 8));
    out.push_back(static_cast<unsigned char>(v));
}
void put32be(Bytes& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<unsigned char>(v >> shift));
}
void put16le(Bytes& out, unsigned v) {
    out.push_back(static_cast<unsigned char>(v));
    out.push_back(static_cast<unsigned char>(v >> 8));
}
void put32le(Bytes& out, std::uint32_t v) {
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<unsigned char>(v >> shift));
}

std::uint32_t crc32(const unsigned char* data, std::size_t size) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void png_chunk(Bytes& out, const char* type, const Bytes& data) {
    put32be(out, static_cast<std::uint32_t>(data.size()));
    Bytes body(type, type + 4);
    body.insert(body.end(), data.begin(), data.end());
    out.insert(out.end(), body.begin(), body.end());
    put32be(out, crc32(body.data(), body.size()));
}

/// A PNG whose header claims width×height RGB pixels, with one tiny IDAT: a bomb's header
/// without the bomb (a few dozen bytes).
Bytes png_header_only(std::uint32_t width, std::uint32_t height) {
    Bytes png{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    Bytes ihdr;
    put32be(ihdr, width);
    put32be(ihdr, height);
    ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});  // 8 bits, RGB, deflate, no filter, no interlace
    png_chunk(png, "IHDR", ihdr);
    // zlib: header, one empty final stored block, the Adler-32 of nothing.
    png_chunk(png, "IDAT", {0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01});
    png_chunk(png, "IEND", {});
    return png;
}

/// An APP1 EXIF segment (little-endian TIFF) with an Orientation and a GPS position, written
/// by hand so the test needs no EXIF tool.
Bytes exif_segment(int orientation) {
    Bytes tiff{'I', 'I', 42, 0};
    put32le(tiff, 8);  // IFD0 right after the header
    // IFD0 at 8: 2 entries -> ends at 8 + 2 + 24 + 4 = 38. GPS IFD at 38: 4 entries -> ends at
    // 38 + 2 + 48 + 4 = 92. Latitude rationals at 92, longitude at 116.
    put16le(tiff, 2);
    put16le(tiff, 0x0112), put16le(tiff, 3), put32le(tiff, 1), put16le(tiff, unsigned(orientation)), put16le(tiff, 0);
    put16le(tiff, 0x8825), put16le(tiff, 4), put32le(tiff, 1), put32le(tiff, 38);
    put32le(tiff, 0);
    put16le(tiff, 4);
    put16le(tiff, 0x0001), put16le(tiff, 2), put32le(tiff, 2), tiff.insert(tiff.end(), {'N', 0, 0, 0});
    put16le(tiff, 0x0002), put16le(tiff, 5), put32le(tiff, 3), put32le(tiff, 92);
    put16le(tiff, 0x0003), put16le(tiff, 2), put32le(tiff, 2), tiff.insert(tiff.end(), {'E', 0, 0, 0});
    put16le(tiff, 0x0004), put16le(tiff, 5), put32le(tiff, 3), put32le(tiff, 116);
    put32le(tiff, 0);
    for (std::uint32_t v : {48u, 1u, 51u, 1u, 2958u, 100u, 2u, 1u, 17u, 1u, 3348u, 100u}) put32le(tiff, v);
    Bytes segment{0xFF, 0xE1};
    put16be(segment, unsigned(2 + 6 + tiff.size()));
    segment.insert(segment.end(), {'E', 'x', 'i', 'f', 0, 0});
    segment.insert(segment.end(), tiff.begin(), tiff.end());
    return segment;
}

Bytes xmp_segment() {
    const std::string_view ns = "http://ns.adobe.com/xap/1.0/";
    const std::string_view xml =
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
        "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='48,51.493N' "
        "exif:GPSLongitude='2,17.80E'/></rdf:RDF></x:xmpmeta>";
    Bytes segment{0xFF, 0xE1};
    put16be(segment, unsigned(2 + ns.size() + 1 + xml.size()));
    segment.insert(segment.end(), ns.begin(), ns.end());
    segment.push_back(0);
    segment.insert(segment.end(), xml.begin(), xml.end());
    return segment;
}

/// The JPEG markers before the scan data (APPn, DQT, SOF...).
std::vector<int> jpeg_markers(const Bytes& jpeg) {
    std::vector<int> markers;
    std::size_t at = 2;
    while (at + 4 <= jpeg.size() && jpeg[at] == 0xFF) {
        const int marker = jpeg[at + 1];
        markers.push_back(marker);
        if (marker == 0xDA) break;  // start of scan: entropy-coded data follows
        at += 2 + ((std::size_t{jpeg[at + 2]} << 8) | jpeg[at + 3]);
    }
    return markers;
}

/// The chunk names of a WebP (RIFF) file.
std::vector<std::string> webp_chunks(const Bytes& webp) {
    std::vector<std::string> chunks;
    std::size_t at = 12;
    while (at + 8 <= webp.size()) {
        chunks.emplace_back(webp.begin() + std::ptrdiff_t(at), webp.begin() + std::ptrdiff_t(at + 4));
        const std::size_t size = webp[at + 4] | (webp[at + 5] << 8) | (webp[at + 6] << 16) | (webp[at + 7] << 24);
        at += 8 + size + (size & 1);
    }
    return chunks;
}

std::size_t max_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<std::size_t>(usage.ru_maxrss);
}

constexpr std::string_view kBase83 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

long decode83(std::string_view text) {
    long value = 0;
    for (char c : text) value = value * 83 + long(kBase83.find(c));
    return value;
}

/// The average colour a BlurHash decodes to (its DC term).
Rgb blurhash_average(const std::string& hash) {
    const long dc = decode83(hash.substr(2, 4));
    return {int(dc >> 16), int((dc >> 8) & 255), int(dc & 255)};
}

/// The quantised red level (0..18, 9 = zero) of the AC component `index` (0-based, in the
/// hash's order: x fastest, then y).
int blurhash_ac_red(const std::string& hash, int index) {
    return int(decode83(hash.substr(6 + 2 * std::size_t(index), 2)) / (19 * 19));
}

class ImagePipeline : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { images::init(); }

    images::Processed process_ok(const fs::path& file, const images::Limits& limits = {}) {
        const images::Result result = images::process(file, dir_.path() / "out", limits);
        EXPECT_FALSE(result.failure) << result.detail;
        if (!result.ok) throw std::runtime_error("process failed: " + result.detail);
        return *result.ok;
    }
    images::Failure process_failure(const fs::path& file, const images::Limits& limits = {}) {
        const images::Result result = images::process(file, dir_.path() / "out", limits);
        EXPECT_FALSE(result.ok);
        EXPECT_FALSE(result.detail.empty());
        if (!result.failure) throw std::runtime_error("process succeeded");
        return *result.failure;
    }

    void SetUp() override { fs::create_directory(dir_.path() / "out"); }

    TempDir dir_;
};

// ---------------------------------------------------------------------------------------
// Type detection

TEST(ImagePipelineSniff, RecognisesEachTypeByItsMagicNumber) {
    EXPECT_EQ(images::sniff(Bytes{0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'}), images::ImageType::kJpeg);
    EXPECT_EQ(images::sniff(Bytes{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13}), images::ImageType::kPng);
    EXPECT_EQ(images::sniff(bytes_of("RIFF\x24\0\0\0WEBPVP8 "sv)), images::ImageType::kWebp);
    // iPhone: major brand heic, compatible mif1 and heic.
    EXPECT_EQ(images::sniff(bytes_of("\0\0\0\x18"
                                     "ftypheic\0\0\0\0mif1heic"sv)),
              images::ImageType::kHeif);
    EXPECT_EQ(images::sniff(bytes_of("\0\0\0\x18"
                                     "ftypmif1\0\0\0\0mif1heix"sv)),
              images::ImageType::kHeif);
    EXPECT_EQ(images::sniff(bytes_of("\0\0\0\x14"
                                     "ftypmsf1\0\0\0\0msf1"sv)),
              images::ImageType::kHeif);
}

TEST(ImagePipelineSniff, RefusesEverythingElse) {
    EXPECT_EQ(images::sniff(Bytes{}), std::nullopt);
    EXPECT_EQ(images::sniff(Bytes{0xFF, 0xD8}), std::nullopt);  // truncated JPEG magic
    EXPECT_EQ(images::sniff(Bytes{0x89, 'P', 'N', 'G', 0x0D, 0x0A}), std::nullopt);
    EXPECT_EQ(images::sniff(bytes_of("RIFF\x24\0\0\0WAVEfmt "sv)), std::nullopt);
    EXPECT_EQ(images::sniff(bytes_of("RIFF\x24\0\0\0WEB"sv)), std::nullopt);
    EXPECT_EQ(images::sniff(bytes_of("GIF89a\x01\0\x01\0"sv)), std::nullopt);
    EXPECT_EQ(images::sniff(bytes_of("<svg xmlns='http://www.w3.org/2000/svg'/>")), std::nullopt);
    EXPECT_EQ(images::sniff(bytes_of("hello, this is a text file, not a photo\n")), std::nullopt);
    // AVIF and MP4 share the ISO-BMFF box but are not HEIC.
    EXPECT_EQ(images::sniff(bytes_of("\0\0\0\x1c"
                                     "ftypavif\0\0\0\0avifmif1miaf"sv)),
              std::nullopt);
    EXPECT_EQ(images::sniff(bytes_of("\0\0\0\x1c"
                                     "ftypmif1\0\0\0\0mif1avifmiaf"sv)),
              std::nullopt);
    EXPECT_EQ(images::sniff(bytes_of("\0\0\0\x18"
                                     "ftypisom\0\0\0\0isomiso2"sv)),
              std::nullopt);
    EXPECT_EQ(images::sniff(bytes_of("\0\0\0\x18"
                                     "ftyphe"sv)),
              std::nullopt);
}

TEST(ImagePipelineSniff, MimeTypes) {
    EXPECT_EQ(images::mime_type(images::ImageType::kJpeg), "image/jpeg");
    EXPECT_EQ(images::mime_type(images::ImageType::kPng), "image/png");
    EXPECT_EQ(images::mime_type(images::ImageType::kWebp), "image/webp");
    EXPECT_EQ(images::mime_type(images::ImageType::kHeif), "image/heic");
}

TEST_F(ImagePipeline, TypeComesFromTheBytesNotTheName) {
    save(solid(300, 200, {10, 120, 200}).get(), dir_ / "real.png");
    fs::rename(dir_ / "real.png", dir_ / "photo.jpg");
    const auto processed = process_ok(dir_ / "photo.jpg");
    EXPECT_EQ(processed.type, images::ImageType::kPng);
    EXPECT_EQ(processed.width, 300);
    EXPECT_EQ(processed.height, 200);

    save(solid(300, 200, {10, 120, 200}).get(), dir_ / "real.webp");
    fs::rename(dir_ / "real.webp", dir_ / "photo.png");
    EXPECT_EQ(process_ok(dir_ / "photo.png").type, images::ImageType::kWebp);
}

TEST_F(ImagePipeline, TextIsUnsupported) {
    write_bytes(dir_ / "notes.jpg", bytes_of("just some text\nnot an image at all\n"));
    EXPECT_EQ(process_failure(dir_ / "notes.jpg"), images::Failure::kUnsupportedType);
    write_bytes(dir_ / "empty.png", {});
    EXPECT_EQ(process_failure(dir_ / "empty.png"), images::Failure::kUnsupportedType);
}

TEST_F(ImagePipeline, OtherImageFormatsAreUnsupported) {
    // libvips could read these, but they are not in the list: GIF (via its own loader) and a
    // libvips-native file.
    save(solid(40, 30, {1, 2, 3}).get(), dir_ / "image.v");
    EXPECT_EQ(process_failure(dir_ / "image.v"), images::Failure::kUnsupportedType);
    write_bytes(dir_ / "anim.gif", bytes_of("GIF89a\x01\0\x01\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\x04\0\0\0\0\0,\0\0\0\0"
                                            "\x01\0\x01\0\0\x02\x02\x44\x01\0;"sv));
    EXPECT_EQ(process_failure(dir_ / "anim.gif"), images::Failure::kUnsupportedType);
}

TEST_F(ImagePipeline, MissingFileThrows) {
    EXPECT_THROW(images::process(dir_ / "nope.jpg", dir_.path() / "out"), std::runtime_error);
}

// ---------------------------------------------------------------------------------------
// Bombs and corrupt files

TEST_F(ImagePipeline, HeaderClaimingHugeSizeIsRefusedBeforeDecoding) {
    const Bytes bomb = png_header_only(30000, 30000);
    ASSERT_LT(bomb.size(), 100u);
    write_bytes(dir_ / "bomb.png", bomb);
    const std::size_t rss_before = max_rss_kib();
    const images::Result result = images::process(dir_ / "bomb.png", dir_.path() / "out");
    ASSERT_EQ(result.failure, images::Failure::kTooLarge) << result.detail;
    EXPECT_NE(result.detail.find("30000x30000"), std::string::npos) << result.detail;
    // Decoding 30000×30000 RGB would take 2.7 GB; the peak must not have moved much.
    EXPECT_LT(max_rss_kib() - rss_before, 64u * 1024) << "peak RSS grew by " << (max_rss_kib() - rss_before) << " KiB";
    EXPECT_TRUE(fs::is_empty(dir_ / "out"));
}

TEST_F(ImagePipeline, OneLongSideIsTooLarge) {
    write_bytes(dir_ / "strip.png", png_header_only(12000, 10));
    EXPECT_EQ(process_failure(dir_ / "strip.png"), images::Failure::kTooLarge);
    // The same file is fine under looser limits, and its real pixels are then decoded.
    save(solid(1200, 10, {50, 60, 70}).get(), dir_ / "small-strip.png");
    EXPECT_EQ(process_failure(dir_ / "small-strip.png", {.max_pixels = 1'000'000, .max_side = 1000}),
              images::Failure::kTooLarge);
    EXPECT_EQ(process_failure(dir_ / "small-strip.png", {.max_pixels = 10'000, .max_side = 5000}),
              images::Failure::kTooLarge);
    process_ok(dir_ / "small-strip.png", {.max_pixels = 12'000, .max_side = 1200});
}

TEST_F(ImagePipeline, GarbageAfterAValidMagicIsCorrupt) {
    std::mt19937 random(42);
    const auto garbage = [&random](Bytes prefix) {
        for (int i = 0; i < 4000; ++i) prefix.push_back(static_cast<unsigned char>(random()));
        return prefix;
    };
    write_bytes(dir_ / "a.jpg", garbage({0xFF, 0xD8, 0xFF}));
    write_bytes(dir_ / "b.png", garbage({0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}));
    write_bytes(dir_ / "c.webp", garbage(bytes_of("RIFF\x00\x10\0\0WEBPVP8 "sv)));
    for (const char* name : {"a.jpg", "b.png", "c.webp"}) {
        EXPECT_EQ(process_failure(dir_ / name), images::Failure::kCorrupt) << name;
    }
}

TEST_F(ImagePipeline, TruncatedFilesAreCorrupt) {
    const Image photo = gradient(800, 600);
    save(photo.get(), dir_ / "full.jpg", "jpeg");
    save(photo.get(), dir_ / "full.png", "png");
    for (const char* name : {"full.jpg", "full.png"}) {
        Bytes bytes = read_bytes(dir_ / name);
        bytes.resize(bytes.size() / 2);
        write_bytes(dir_ / (std::string("half-") + name), bytes);
        const images::Result result = images::process(dir_ / (std::string("half-") + name), dir_.path() / "out");
        EXPECT_EQ(result.failure, images::Failure::kCorrupt) << name << ": " << result.detail;
    }
}

TEST_F(ImagePipeline, CorruptPixelDataIsCorrupt) {
    save(gradient(400, 300).get(), dir_ / "ok.png", "png");
    Bytes bytes = read_bytes(dir_ / "ok.png");
    for (std::size_t i = bytes.size() / 3; i < bytes.size() / 3 + 64; ++i) bytes[i] ^= 0x5A;
    write_bytes(dir_ / "bad.png", bytes);
    EXPECT_EQ(process_failure(dir_ / "bad.png"), images::Failure::kCorrupt);
}

// ---------------------------------------------------------------------------------------
// Orientation, metadata, colour

// Where the stored top-left corner is displayed for each EXIF orientation (TIFF 6.0 / EXIF 2.3):
// 1 none, 2 mirrored, 3 180°, 4 flipped, 5 transposed, 6 90° clockwise, 7 transversed, 8 90°
// anticlockwise.
enum Corner { kTopLeft, kTopRight, kBottomRight, kBottomLeft };
constexpr std::array<Corner, 9> kMarkerCorner{kTopLeft, kTopLeft,  kTopRight,    kBottomRight, kBottomLeft,
                                              kTopLeft, kTopRight, kBottomRight, kBottomLeft};

void expect_marker_at(VipsImage* image, Corner corner, const std::string& what) {
    const int w = vips_image_get_width(image), h = vips_image_get_height(image);
    const std::array<std::pair<int, int>, 4> probes{{{5, 5}, {w - 6, 5}, {w - 6, h - 6}, {5, h - 6}}};
    for (int c = 0; c < 4; ++c) {
        const Rgb at = pixel(image, probes[std::size_t(c)].first, probes[std::size_t(c)].second);
        if (c == corner) {
            EXPECT_TRUE(is_near(at, {230, 20, 20}, 40)) << what << ": corner " << c << " should hold the marker";
        } else {
            EXPECT_TRUE(is_near(at, {120, 120, 120}, 40)) << what << ": corner " << c << " should be grey";
        }
    }
}

TEST_F(ImagePipeline, AppliesEveryExifOrientation) {
    const Image stored = solid(120, 80, {120, 120, 120}, Rgb{230, 20, 20}, 24);
    for (int orientation = 1; orientation <= 8; ++orientation) {
        SCOPED_TRACE("orientation " + std::to_string(orientation));
        VipsImage* out = nullptr;
        Image tagged = check(vips_copy(stored.get(), &out, nullptr), out);
        vips_image_set_int(tagged.get(), VIPS_META_ORIENTATION, orientation);
        const fs::path file = dir_ / ("o" + std::to_string(orientation) + ".jpg");
        save(tagged.get(), file, "jpeg");
        ASSERT_EQ(vips_image_get_orientation(load(file).get()), orientation) << "the test image lacks its tag";

        const auto processed = process_ok(file);
        const bool swapped = orientation >= 5;
        EXPECT_EQ(processed.width, swapped ? 80 : 120);
        EXPECT_EQ(processed.height, swapped ? 120 : 80);
        for (const char* format : {"webp", "jpeg"}) {
            const auto& large = variant(processed, "large", format);
            EXPECT_EQ(large.width, processed.width);
            EXPECT_EQ(large.height, processed.height);
            const Image output = load(large.file);
            EXPECT_EQ(vips_image_get_width(output.get()), processed.width);
            EXPECT_EQ(vips_image_get_orientation(output.get()), 1);
            expect_marker_at(output.get(), kMarkerCorner[std::size_t(orientation)], format);
        }
    }
}

TEST_F(ImagePipeline, LargeJpegShrunkOnLoadIsStillOriented) {
    // 2800 px long: decoded at 1/2 scale (1400 >= 1280), then rotated.
    const Image stored = solid(2800, 1800, {120, 120, 120}, Rgb{230, 20, 20}, 400);
    VipsImage* out = nullptr;
    Image tagged = check(vips_copy(stored.get(), &out, nullptr), out);
    vips_image_set_int(tagged.get(), VIPS_META_ORIENTATION, 6);
    save(tagged.get(), dir_ / "big6.jpg", "jpeg");

    const auto processed = process_ok(dir_ / "big6.jpg");
    EXPECT_EQ(processed.width, 1800);
    EXPECT_EQ(processed.height, 2800);
    const auto& large = variant(processed, "large", "jpeg");
    EXPECT_EQ(large.height, 1280);
    EXPECT_NEAR(large.width, 823, 1);
    expect_marker_at(load(large.file).get(), kTopRight, "large");
    expect_marker_at(load(variant(processed, "medium", "webp").file).get(), kTopRight, "medium");
}

TEST_F(ImagePipeline, NoMetadataReachesAnyOutput) {
    save(solid(400, 300, {120, 120, 120}, Rgb{230, 20, 20}, 60).get(), dir_ / "plain.jpg", "jpeg-stripped");
    Bytes jpeg = read_bytes(dir_ / "plain.jpg");
    const Bytes exif = exif_segment(6), xmp = xmp_segment();
    jpeg.insert(jpeg.begin() + 2, xmp.begin(), xmp.end());
    jpeg.insert(jpeg.begin() + 2, exif.begin(), exif.end());
    write_bytes(dir_ / "gps.jpg", jpeg);
    {
        // The input really carries what must not leak.
        const Image in = load(dir_ / "gps.jpg");
        ASSERT_NE(vips_image_get_typeof(in.get(), "exif-ifd3-GPSLatitude"), 0u);
        ASSERT_NE(vips_image_get_typeof(in.get(), VIPS_META_XMP_NAME), 0u);
        ASSERT_EQ(vips_image_get_orientation(in.get()), 6);
    }

    const auto processed = process_ok(dir_ / "gps.jpg");
    EXPECT_EQ(processed.width, 300);  // orientation 6 from the hand-made EXIF
    EXPECT_EQ(processed.height, 400);
    ASSERT_EQ(processed.variants.size(), 6u);
    for (const auto& v : processed.variants) {
        SCOPED_TRACE(v.file.string());
        const Bytes out = read_bytes(v.file);
        EXPECT_FALSE(contains(out, std::string_view("Exif\0\0", 6)));
        EXPECT_FALSE(contains(out, "http://ns.adobe.com/xap"));
        EXPECT_FALSE(contains(out, "ICC_PROFILE"));
        if (v.format == "jpeg") {
            // APP0 (JFIF) may stay; APP1 (EXIF, XMP), APP2 (ICC), APP13 (IPTC) and comments not.
            for (int marker : jpeg_markers(out)) {
                EXPECT_FALSE((marker >= 0xE1 && marker <= 0xEF) || marker == 0xFE) << "marker FF" << std::hex << marker;
            }
        } else {
            for (const auto& chunk : webp_chunks(out)) {
                EXPECT_TRUE(chunk != "EXIF" && chunk != "XMP " && chunk != "ICCP") << chunk;
            }
        }
        const Image image = load(v.file);
        EXPECT_EQ(vips_image_get_typeof(image.get(), VIPS_META_EXIF_NAME), 0u);
        EXPECT_EQ(vips_image_get_typeof(image.get(), VIPS_META_XMP_NAME), 0u);
        EXPECT_EQ(vips_image_get_typeof(image.get(), VIPS_META_ICC_NAME), 0u);
        EXPECT_EQ(vips_image_get_typeof(image.get(), VIPS_META_IPTC_NAME), 0u);
    }
}

TEST_F(ImagePipeline, EmbeddedProfileIsConvertedToSrgbThenDropped) {
    // sRGB (220, 30, 30) expressed in Display P3, with the P3 profile embedded.
    const Rgb srgb{220, 30, 30};
    const Image original = solid(200, 150, srgb);
    VipsImage* out = nullptr;
    Image p3 = check(vips_icc_transform(original.get(), &out, "p3", "input_profile", "srgb", nullptr), out);
    ASSERT_NE(vips_image_get_typeof(p3.get(), VIPS_META_ICC_NAME), 0u);
    save(p3.get(), dir_ / "p3.png", "png");
    const Rgb stored = pixel(load(dir_ / "p3.png").get(), 10, 10);
    // Otherwise the test could not tell a conversion from none.
    ASSERT_FALSE(near(stored, srgb, 10)) << stored.r << "," << stored.g << "," << stored.b;

    const auto processed = process_ok(dir_ / "p3.png");
    for (const auto& v : processed.variants) {
        SCOPED_TRACE(v.file.string());
        const Image image = load(v.file);
        EXPECT_EQ(vips_image_get_typeof(image.get(), VIPS_META_ICC_NAME), 0u);
        EXPECT_EQ(vips_image_get_bands(image.get()), 3);
        EXPECT_TRUE(is_near(pixel(image.get(), vips_image_get_width(image.get()) / 2, 5), srgb, 6));
    }
    EXPECT_TRUE(is_near(blurhash_average(processed.placeholder), srgb, 6));
}

TEST_F(ImagePipeline, CmykJpegComesOutAsSrgb) {
    // A colour inside the CMYK gamut: saturated ones come back clipped.
    const Image original = solid(200, 150, {180, 140, 110});
    VipsImage* out = nullptr;
    Image cmyk = check(vips_icc_transform(original.get(), &out, "cmyk", "input_profile", "srgb", nullptr), out);
    ASSERT_EQ(vips_image_get_bands(cmyk.get()), 4);
    save(cmyk.get(), dir_ / "cmyk.jpg", "jpeg");

    const auto processed = process_ok(dir_ / "cmyk.jpg");
    const Image image = load(variant(processed, "medium", "jpeg").file);
    EXPECT_EQ(vips_image_get_bands(image.get()), 3);
    EXPECT_TRUE(is_near(pixel(image.get(), 20, 20), {180, 140, 110}, 12));
}

TEST_F(ImagePipeline, GreyscaleAndAlphaBecomeSrgb) {
    VipsImage* out = nullptr;
    const Image colour = solid(300, 200, {0, 200, 0});
    Image grey = check(vips_colourspace(colour.get(), &out, VIPS_INTERPRETATION_B_W, nullptr), out);
    save(grey.get(), dir_ / "grey.png", "png");
    const auto g = process_ok(dir_ / "grey.png");
    EXPECT_EQ(vips_image_get_bands(load(variant(g, "large", "jpeg").file).get()), 3);

    Image alpha = check(vips_bandjoin_const1(colour.get(), &out, 0, nullptr), out);  // fully transparent
    save(alpha.get(), dir_ / "clear.png", "png");
    const auto a = process_ok(dir_ / "clear.png");
    // JPEG has no alpha: transparent pixels turn white, not black.
    EXPECT_TRUE(is_near(pixel(load(variant(a, "large", "jpeg").file).get(), 10, 10), {255, 255, 255}, 3));
    EXPECT_EQ(vips_image_get_bands(load(variant(a, "large", "webp").file).get()), 4);
}

// ---------------------------------------------------------------------------------------
// Variants and placeholder

TEST_F(ImagePipeline, VariantSizesAndFormats) {
    save(gradient(3000, 2000).get(), dir_ / "big.jpg", "jpeg");
    const auto processed = process_ok(dir_ / "big.jpg");
    EXPECT_EQ(processed.type, images::ImageType::kJpeg);
    EXPECT_EQ(processed.width, 3000);
    EXPECT_EQ(processed.height, 2000);
    ASSERT_EQ(processed.variants.size(), 6u);

    const std::map<std::string, std::pair<int, int>> expected{
        {"thumb", {160, 160}}, {"medium", {640, 427}}, {"large", {1280, 853}}};
    for (const auto& v : processed.variants) {
        SCOPED_TRACE(v.name + "/" + v.format);
        const auto [w, h] = expected.at(v.name);
        EXPECT_EQ(v.width, w);
        EXPECT_NEAR(v.height, h, 1);
        EXPECT_EQ(v.file.parent_path(), dir_.path() / "out");
        ASSERT_TRUE(fs::exists(v.file));
        EXPECT_EQ(v.bytes, fs::file_size(v.file));
        EXPECT_GT(v.bytes, 0u);
        const Bytes head = read_bytes(v.file);
        EXPECT_EQ(images::sniff(head), v.format == "webp" ? images::ImageType::kWebp : images::ImageType::kJpeg);
        const Image image = load(v.file);
        EXPECT_EQ(vips_image_get_width(image.get()), v.width);
        EXPECT_EQ(vips_image_get_height(image.get()), v.height);
    }
    EXPECT_EQ(variant(processed, "large", "jpeg").file.filename(), "large.jpg");
    EXPECT_EQ(variant(processed, "thumb", "webp").file.filename(), "thumb.webp");
}

TEST_F(ImagePipeline, SmallImagesAreNotUpscaled) {
    save(gradient(500, 300).get(), dir_ / "small.png", "png");
    const auto processed = process_ok(dir_ / "small.png");
    for (const auto& v : processed.variants) {
        SCOPED_TRACE(v.name + "/" + v.format);
        if (v.name == "thumb") {
            EXPECT_EQ(v.width, 160);
            EXPECT_EQ(v.height, 160);
        } else {
            EXPECT_EQ(v.width, 500);
            EXPECT_EQ(v.height, 300);
        }
    }
    // A portrait between the two sizes: medium is scaled down, large is kept.
    save(gradient(700, 1000).get(), dir_ / "portrait.webp", "webp");
    const auto portrait = process_ok(dir_ / "portrait.webp");
    EXPECT_EQ(variant(portrait, "medium", "webp").height, 640);
    EXPECT_EQ(variant(portrait, "large", "webp").height, 1000);
    EXPECT_EQ(variant(portrait, "large", "webp").width, 700);
    // Even a tiny image gets a full thumb tile.
    save(solid(20, 10, {9, 9, 9}).get(), dir_ / "tiny.png", "png");
    EXPECT_EQ(variant(process_ok(dir_ / "tiny.png"), "thumb", "jpeg").width, 160);
}

TEST_F(ImagePipeline, HeicWhenSupported) {
    if (!images::heif_supported()) GTEST_SKIP() << "this libvips cannot decode HEIC";
    save(gradient(640, 480).get(), dir_ / "photo.heic", "heic");
    ASSERT_EQ(images::sniff(read_bytes(dir_ / "photo.heic")), images::ImageType::kHeif);
    const auto processed = process_ok(dir_ / "photo.heic");
    EXPECT_EQ(processed.type, images::ImageType::kHeif);
    EXPECT_EQ(processed.width, 640);
    EXPECT_EQ(processed.height, 480);
    EXPECT_EQ(variant(processed, "medium", "jpeg").width, 640);
}

TEST_F(ImagePipeline, PlaceholderIsABlurHashOfTheImage) {
    save(solid(300, 200, {200, 100, 50}).get(), dir_ / "orange.png", "png");
    const std::string hash = process_ok(dir_ / "orange.png").placeholder;
    // 1 (size) + 1 (maximum AC) + 4 (DC) + 2 per AC component: 4×3 → 28.
    ASSERT_EQ(hash.size(), 28u) << hash;
    EXPECT_EQ(hash[0], 'L');  // (4 - 1) + (3 - 1) × 9 = 21
    EXPECT_TRUE(std::all_of(hash.begin(), hash.end(), [](char c) { return kBase83.find(c) != kBase83.npos; }));
    EXPECT_TRUE(is_near(blurhash_average(hash), {200, 100, 50}, 2));
}

TEST(ImagePipelineBlurHash, OneComponentIsTheColourInBase83) {
    // Pure red: size 0, maximum 0, DC 0xFF0000 = 29·83³ + 18·83² + 70·83 + 45 → "TI:j".
    const Bytes red = [] {
        Bytes b;
        for (int i = 0; i < 8 * 8; ++i) b.insert(b.end(), {255, 0, 0});
        return b;
    }();
    EXPECT_EQ(images::blurhash(red, 8, 8, 1, 1), "00TI:j");
}

TEST(ImagePipelineBlurHash, ComponentsFollowTheImage) {
    // Left half white, right half black: the first horizontal component is strongly positive
    // and the first vertical one near zero (level 9; the sampled cosines do not sum to exactly
    // zero, so it may be a level or two off); top/bottom is the other way round.
    const auto halves = [](bool vertical) {
        Bytes b;
        for (int y = 0; y < 32; ++y) {
            for (int x = 0; x < 32; ++x) {
                const unsigned char v = (vertical ? y : x) < 16 ? 255 : 0;
                b.insert(b.end(), {v, v, v});
            }
        }
        return b;
    };
    const std::string left_right = images::blurhash(halves(false), 32, 32);
    EXPECT_GT(blurhash_ac_red(left_right, 0), 14) << left_right;      // (1, 0)
    EXPECT_NEAR(blurhash_ac_red(left_right, 3), 9, 2) << left_right;  // (0, 1)
    const std::string top_bottom = images::blurhash(halves(true), 32, 32);
    EXPECT_NEAR(blurhash_ac_red(top_bottom, 0), 9, 2) << top_bottom;
    EXPECT_GT(blurhash_ac_red(top_bottom, 3), 14) << top_bottom;
    EXPECT_THROW(images::blurhash(halves(false), 32, 32, 10, 3), std::invalid_argument);
    EXPECT_THROW(images::blurhash(halves(false), 64, 32), std::invalid_argument);
}

// ---------------------------------------------------------------------------------------
// Concurrency

TEST_F(ImagePipeline, SeveralJobsAtOnce) {
    constexpr int kJobs = 4;
    for (int i = 0; i < kJobs; ++i) {
        save(gradient(900 + 100 * i, 700).get(), dir_ / ("c" + std::to_string(i) + ".jpg"), "jpeg");
        fs::create_directory(dir_ / ("out" + std::to_string(i)));
    }
    write_bytes(dir_ / "c-bad.jpg", {0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3});
    std::vector<images::Result> results(kJobs + 1);
    std::vector<std::thread> threads;
    for (int i = 0; i < kJobs; ++i) {
        threads.emplace_back([&, i] {
            results[std::size_t(i)] =
                images::process(dir_ / ("c" + std::to_string(i) + ".jpg"), dir_ / ("out" + std::to_string(i)));
        });
    }
    threads.emplace_back([&] { results[kJobs] = images::process(dir_ / "c-bad.jpg", dir_ / "out"); });
    for (auto& t : threads) t.join();
    for (int i = 0; i < kJobs; ++i) {
        ASSERT_TRUE(results[std::size_t(i)].ok) << results[std::size_t(i)].detail;
        EXPECT_EQ(results[std::size_t(i)].ok->width, 900 + 100 * i);
        EXPECT_EQ(variant(*results[std::size_t(i)].ok, "medium", "webp").width, 640);
    }
    EXPECT_EQ(results[kJobs].failure, images::Failure::kCorrupt);
}

}  // namespace
