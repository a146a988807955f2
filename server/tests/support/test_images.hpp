#pragma once
#include <cstdint>
#include <string>
#include <vector>

/// Photos made in code for the media tests (no fixtures on disk, no downloads).
namespace service::testing::images {

/// A JPEG stored the way a phone camera stores a picture taken with EXIF orientation
/// `orientation` (1..8): shown upright it is a 400×200 landscape, blue with a red 80×80 square
/// in its top-left corner. It carries an EXIF block with the orientation and a GPS position,
/// and an XMP block with the position again.
std::string camera_jpeg(int orientation);
/// A `width`×`height` PNG gradient.
std::string png(int width, int height);
/// A valid PNG signature and IHDR claiming `width`×`height`, with a tiny IDAT: a few hundred
/// bytes that would decompress to gigabytes.
std::string png_header_only(std::uint32_t width, std::uint32_t height);

struct Rgb {
    int r = 0;
    int g = 0;
    int b = 0;
};
struct Decoded {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgb;  // width*height*3, rows top to bottom
    Rgb at(int x, int y) const;
};
/// Decodes JPEG/PNG/WebP bytes with libvips (no orientation applied: what a browser that
/// ignored EXIF would show).
Decoded decode(const std::string& bytes);

}  // namespace service::testing::images
