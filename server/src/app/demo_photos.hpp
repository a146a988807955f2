#pragma once
#include <string>
#include <string_view>

/// Portfolio photos for the demo masters, drawn in code with libvips (nothing is downloaded,
/// nothing is licensed): soft abstract pictures whose motif follows the master's category.
namespace service::demo {

/// Portrait 4:5, the shape portfolio photos have on Instagram, at 80% of its 1080 × 1350: drawing
/// and processing cost grow with the pixels, and seed-demo makes 175 of these. Their large
/// variant is then 864 × 1080 (variants are never scaled up).
inline constexpr int kPhotoWidth = 864;
inline constexpr int kPhotoHeight = 1080;

/// JPEG bytes (quality 85) of photo `photo` of demo master `master` in `category`, a parent
/// category's slug ("nails", "hair", "brows-lashes", "makeup", "massage", "cosmetology", "spa",
/// "barbering", "epilation"; any other gets soft bokeh). The same arguments give the same
/// picture; masters and photos differ in palette and layout. infra::images::init() must have run.
/// Blocking and CPU-bound: call it on a worker pool. Throws std::runtime_error if libvips fails.
std::string portfolio_photo(std::string_view category, int master, int photo);

/// A short Russian caption for that photo (it matches the kind of picture, e.g. lashes or brows).
std::string portfolio_caption(std::string_view category, int master, int photo);

/// Post photos are smaller, 4:5 at 640 × 800 (the medium variant's 640 on the long side and a
/// large one of 640 × 800), so that seed-demo can draw a few for every master in little time.
inline constexpr int kPostPhotoWidth = 640;
inline constexpr int kPostPhotoHeight = 800;

/// JPEG bytes of photo `photo` (0..2) of post `post` (0..2) of demo master `master`: the
/// master's palette and motif, in layouts other than their portfolio's. Same contract as
/// portfolio_photo.
std::string post_photo(std::string_view category, int master, int post, int photo);

}  // namespace service::demo
