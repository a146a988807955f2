#pragma once
#include <span>
#include <string>

namespace service::infra::images {

/// The BlurHash of an 8-bit RGB image (`pixels` is width*height*3 bytes, rows top to bottom),
/// with `x_components`×`y_components` (1..9 each) components: the placeholder
/// clients draw, blurred, while the real image loads. Throws std::invalid_argument on bad sizes.
std::string blurhash(std::span<const unsigned char> pixels, int width, int height, int x_components = 4,
                     int y_components = 3);

}  // namespace service::infra::images
