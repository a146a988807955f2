#include "support/test_images.hpp"

#include <memory>
#include <stdexcept>
#include <string_view>

#include <vips/vips.h>

#include "infra/images/image_pipeline.hpp"

namespace service::testing::images {
namespace {

struct Unref {
    void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// `image` by reference: the argument list also holds the call that fills it, and C++ does not
// say which is evaluated first.
Image take(int status, VipsImage*& image) {
    if (status != 0) throw std::runtime_error(std::string("libvips: ") + vips_error_buffer());
    return Image(image);
}

std::string to_buffer(int status, void* data, std::size_t size) {
    if (status != 0) throw std::runtime_error(std::string("libvips: ") + vips_error_buffer());
    std::string out(static_cast<const char*>(data), size);
    g_free(data);
    return out;
}

// width×height of `fill`, with a `marker` square of `side` at (mx, my), in memory.
Image canvas(int width, int height, const Rgb& fill, const Rgb& marker, int mx, int my, int side) {
    infra::images::init();
    VipsImage* out = nullptr;
    auto black = take(vips_black(&out, width, height, "bands", 3, nullptr), out);
    const double scale[] = {1, 1, 1};
    const double offset[] = {double(fill.r), double(fill.g), double(fill.b)};
    auto filled = take(vips_linear(black.get(), &out, scale, offset, 3, "uchar", TRUE, nullptr), out);
    auto srgb = take(vips_copy(filled.get(), &out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), out);
    Image memory(vips_image_copy_memory(srgb.get()));
    if (!memory) throw std::runtime_error(vips_error_buffer());
    double ink[] = {double(marker.r), double(marker.g), double(marker.b)};
    if (side > 0 && vips_draw_rect(memory.get(), ink, 3, mx, my, side, side, "fill", TRUE, nullptr) != 0)
        throw std::runtime_error(vips_error_buffer());
    return memory;
}

void put16(std::string& out, unsigned v, bool big_endian) {
    const auto lo = static_cast<char>(v & 0xFF);
    const auto hi = static_cast<char>((v >> 8) & 0xFF);
    out += big_endian ? std::string{hi, lo} : std::string{lo, hi};
}
void put32(std::string& out, std::uint32_t v, bool big_endian) {
    for (int i = 0; i < 4; ++i) {
        const int shift = big_endian ? 24 - 8 * i : 8 * i;
        out += static_cast<char>((v >> shift) & 0xFF);
    }
}

// APP1 "Exif": little-endian TIFF with IFD0 {Orientation, GPS IFD pointer} and a GPS IFD with
// latitude/longitude (48°51'29.58"N 2°17'33.48"E).
std::string exif_segment(int orientation) {
    std::string tiff = "II";
    put16(tiff, 42, false);
    put32(tiff, 8, false);
    put16(tiff, 2, false);  // IFD0: 8 + 2 + 2*12 + 4 = 38
    put16(tiff, 0x0112, false), put16(tiff, 3, false), put32(tiff, 1, false), put16(tiff, unsigned(orientation), false),
        put16(tiff, 0, false);
    put16(tiff, 0x8825, false), put16(tiff, 4, false), put32(tiff, 1, false), put32(tiff, 38, false);
    put32(tiff, 0, false);
    put16(tiff, 4, false);  // GPS IFD at 38: 38 + 2 + 4*12 + 4 = 92; rationals at 92 and 116
    put16(tiff, 0x0001, false), put16(tiff, 2, false), put32(tiff, 2, false), tiff += std::string("N\0\0\0", 4);
    put16(tiff, 0x0002, false), put16(tiff, 5, false), put32(tiff, 3, false), put32(tiff, 92, false);
    put16(tiff, 0x0003, false), put16(tiff, 2, false), put32(tiff, 2, false), tiff += std::string("E\0\0\0", 4);
    put16(tiff, 0x0004, false), put16(tiff, 5, false), put32(tiff, 3, false), put32(tiff, 116, false);
    put32(tiff, 0, false);
    for (std::uint32_t v : {48u, 1u, 51u, 1u, 2958u, 100u, 2u, 1u, 17u, 1u, 3348u, 100u}) put32(tiff, v, false);
    std::string segment = "\xFF\xE1";
    put16(segment, unsigned(2 + 6 + tiff.size()), true);
    segment += std::string("Exif\0\0", 6);
    return segment + tiff;
}

std::string xmp_segment() {
    const std::string ns = "http://ns.adobe.com/xap/1.0/";
    const std::string xml =
        "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
        "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:GPSLatitude='48,51.493N'/>"
        "</rdf:RDF></x:xmpmeta>";
    std::string segment = "\xFF\xE1";
    put16(segment, unsigned(2 + ns.size() + 1 + xml.size()), true);
    return segment + ns + '\0' + xml;
}

std::uint32_t crc32(std::string_view data) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (const char ch : data) {
        crc ^= static_cast<unsigned char>(ch);
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void png_chunk(std::string& out, std::string_view type, std::string_view data) {
    put32(out, static_cast<std::uint32_t>(data.size()), true);
    const std::string body = std::string(type) + std::string(data);
    out += body;
    put32(out, crc32(body), true);
}

}  // namespace

std::string camera_jpeg(int orientation) {
    if (orientation != 1 && orientation != 6) throw std::invalid_argument("camera_jpeg: orientation 1 or 6");
    const Rgb blue{20, 40, 230};
    const Rgb red{230, 20, 20};
    // Orientation 6 means "turn 90° clockwise to show": the sensor stored the scene as a
    // portrait with the scene's top-left corner at its bottom-left.
    const auto image =
        orientation == 1 ? canvas(400, 200, blue, red, 0, 0, 80) : canvas(200, 400, blue, red, 0, 320, 80);
    void* data = nullptr;
    std::size_t size = 0;
    const int saved = vips_jpegsave_buffer(image.get(), &data, &size, "Q", 92, "strip", TRUE, nullptr);
    auto jpeg = to_buffer(saved, data, size);
    jpeg.insert(2, xmp_segment());
    jpeg.insert(2, exif_segment(orientation));
    return jpeg;
}

std::string png(int width, int height) {
    infra::images::init();
    VipsImage* out = nullptr;
    auto xyz = take(vips_xyz(&out, width, height, nullptr), out);
    auto scaled = take(vips_linear1(xyz.get(), &out, 255.0 / std::max(width, height), 10, nullptr), out);
    VipsImage* parts[] = {scaled.get(), scaled.get()};
    auto three = take(vips_bandjoin(parts, &out, 2, nullptr), out);  // 2 bands + 2 bands
    auto rgb = take(vips_extract_band(three.get(), &out, 0, "n", 3, nullptr), out);
    auto u8 = take(vips_cast_uchar(rgb.get(), &out, nullptr), out);
    auto srgb = take(vips_copy(u8.get(), &out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), out);
    void* data = nullptr;
    std::size_t size = 0;
    const int saved = vips_pngsave_buffer(srgb.get(), &data, &size, nullptr);
    return to_buffer(saved, data, size);
}

std::string png_header_only(std::uint32_t width, std::uint32_t height) {
    std::string png("\x89PNG\r\n\x1A\n", 8);
    std::string ihdr;
    put32(ihdr, width, true);
    put32(ihdr, height, true);
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter, no interlace
    png_chunk(png, "IHDR", ihdr);
    png_chunk(png, "IDAT", std::string("\x78\x01\x01\x00\x00\xFF\xFF\x00\x00\x00\x01", 11));
    png_chunk(png, "IEND", "");
    return png;
}

Rgb Decoded::at(int x, int y) const {
    const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) * 3;
    return {rgb.at(i), rgb.at(i + 1), rgb.at(i + 2)};
}

Decoded decode(const std::string& bytes) {
    infra::images::init();
    Image image(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
    if (!image) throw std::runtime_error(vips_error_buffer());
    VipsImage* out = nullptr;
    auto srgb = take(vips_colourspace(image.get(), &out, VIPS_INTERPRETATION_sRGB, nullptr), out);
    auto rgb = take(vips_extract_band(srgb.get(), &out, 0, "n", 3, nullptr), out);
    auto u8 = take(vips_cast_uchar(rgb.get(), &out, nullptr), out);
    std::size_t size = 0;
    void* pixels = vips_image_write_to_memory(u8.get(), &size);
    if (pixels == nullptr) throw std::runtime_error(vips_error_buffer());
    Decoded d;
    d.width = vips_image_get_width(u8.get());
    d.height = vips_image_get_height(u8.get());
    d.rgb.assign(static_cast<unsigned char*>(pixels), static_cast<unsigned char*>(pixels) + size);
    g_free(pixels);
    return d;
}

}  // namespace service::testing::images
