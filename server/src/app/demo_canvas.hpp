#pragma once
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <vips/vips.h>

#include "app/demo_photos.hpp"

/// The drawing kit the demo photos are made with (demo_photos.cpp), on libvips. A shape is a mask
/// computed by arithmetic on coordinate images (vips_xyz) turned into the shape's own frame, a
/// clamped distance making its soft edge; it is evaluated over its bounding box only and
/// composited into a canvas kept in memory (a lazy chain of a hundred composites would recompute
/// all of them for every pixel). Everything is laid out on a kW × kH design and drawn at the
/// photo's size (a Frame: portfolio photos and the smaller post photos share the design). Colours
/// and masks are 0..1. Failures of libvips throw std::runtime_error.
namespace service::demo::draw {

inline constexpr double kW = 1080, kH = 1350;

/// The pixels a photo is drawn at, 4:5 like the design.
struct Frame {
    int width = kPhotoWidth, height = kPhotoHeight;
    double step() const { return kW / width; }  // design pixels to a pixel
};

using Rgb = std::array<double, 3>;
inline constexpr Rgb kWhite{1, 1, 1}, kBlack{0, 0, 0};
constexpr Rgb hex(std::uint32_t c) { return {((c >> 16) & 255) / 255.0, ((c >> 8) & 255) / 255.0, (c & 255) / 255.0}; }
inline Rgb mix(Rgb a, Rgb b, double t) {
    return {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t};
}
inline Rgb minus(Rgb a, Rgb b) { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
inline Rgb times(Rgb c, double k) { return {c[0] * k, c[1] * k, c[2] * k}; }
inline double rad(double degrees) { return degrees * M_PI / 180; }

struct Unref {
    void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// Pixel arithmetic, lazy until memory() or a composite.
Image lin(const Image& in, double a, double b);
Image lin3(const Image& in, Rgb a, Rgb b);  // per band; one band in gives three out
Image add(const Image& a, const Image& b);
Image sub(const Image& a, const Image& b);
Image mul(const Image& a, const Image& b);
Image sq(const Image& in);
Image power(const Image& in, double p);
Image sine(const Image& degrees);
Image exponential(const Image& in);
Image clamp01(const Image& in);
Image crop(const Image& in, int x, int y, int w, int h);
Image memory(const Image& in);

/// A deterministic stream of numbers (splitmix64): the same photo on every run and machine.
class Rng {
  public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    double next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return static_cast<double>((z ^ (z >> 31)) >> 11) * 0x1.0p-53;
    }
    double in(double lo, double hi) { return lo + (hi - lo) * next(); }
    std::size_t pick(std::size_t n) { return std::min(n - 1, static_cast<std::size_t>(next() * double(n))); }

  private:
    std::uint64_t state_;
};

/// A part of the picture (pixels) with the design coordinates of its pixels.
struct Area {
    int x = 0, y = 0, w = 0, h = 0;
    Image px, py;
    double step = 1;  // design pixels to one of the frame's pixels
};
/// The part within half_w and half_h (design) of (cx, cy), clipped to the picture.
Area area(const Frame& frame, double cx, double cy, double half_w, double half_h);
Area whole(const Frame& frame);
/// The same part sampled every `step` pixels, for masks too smooth to need every pixel (soft
/// shadows, silk); fine() brings such a mask back to the area's full size.
Area coarse(const Area& a, int step);
Image fine(const Image& mask, const Area& a, int step);

/// Coordinates centred on (cx, cy) and turned by `degrees`: u across a shape, v along it.
struct Local {
    Image u, v;
};
Local local(const Area& a, double cx, double cy, double degrees);
Local shifted(const Local& l, double du, double dv);
Local scaled(const Local& l, double su, double sv);
Image radius(const Local& l);

/// Masks: 1 inside, 0 outside, with a `soft`-wide ramp at the edge (1.5 is anti-aliased).
Image ellipse(const Local& l, double rx, double ry, double soft);
/// A stadium along v: a straight part 2 × half long between half circles of radius r.
Image capsule(const Local& l, double r, double half, double soft);
/// A Gaussian spot, and a thin ring of radius r with a Gaussian profile `width` wide.
Image glow(const Local& l, double sigma);
Image ring(const Image& distance, double r, double width);

/// The picture being drawn: 8-bit RGB in memory (as the JPEG will be, and a quarter of the
/// memory of floats), each shape composited into it.
class Canvas {
  public:
    /// `background` has the frame's size (backdrop()).
    Canvas(const Frame& frame, const Image& background);
    const Frame& frame() const { return frame_; }
    void cover(const Image& picture);
    /// Covers with `colour` (an Rgb or a three-band image over the area) through the mask.
    void paint(const Area& a, const Image& mask, Rgb colour, double opacity = 1);
    void paint(const Area& a, const Image& mask, const Image& colour);
    /// Adds light (a screen blend), as an Rgb through a mask or a three-band image of light:
    /// highlights brighten towards white and never past it.
    void light(const Area& a, const Image& mask, Rgb colour, double opacity = 1);
    void light(const Area& a, const Image& rgb);
    /// JPEG, quality 85, with a little grain as a photo has.
    std::string jpeg(int seed) const;

  private:
    void put(const Area& a, const Image& over);
    Frame frame_;
    Image image_;
};

/// Many small marks at once (hairs, sparkles, bokeh), drawn here into 8-bit pixels at 1/shrink of
/// the size, then softened by one blur and composited over the part of the canvas they cover: a
/// libvips call per mark would cost more than all the marks.
class Layer {
  public:
    explicit Layer(const Frame& frame, int shrink = 1);
    /// A filled disc; ink 0..1.
    void disc(double x, double y, double r, double ink);
    /// A line `width` wide.
    void stroke(double x0, double y0, double x1, double y1, double width, double ink);
    /// Covers (or lights, with `light`) the canvas in `colour` through the marks, their edges
    /// about `sigma` soft.
    void apply(Canvas& canvas, double sigma, Rgb colour, double opacity, bool light = false) const;

  private:
    Frame frame_;
    int shrink_;
    double scale_;  // design pixels to one of the layer's
    int w_, h_;
    std::vector<unsigned char> pixels_;
    double left_ = kW, top_ = kH, right_ = 0, bottom_ = 0;  // what the marks cover
};

/// A diagonal gradient with a soft light from (light_x, light_y) and a gentle vignette.
Image backdrop(const Frame& frame, Rgb from, Rgb to, double degrees, double light_x, double light_y, double light);

/// A mask of a shape in its own coordinates with a `soft` edge; oval() is an ellipse.
using Shape = std::function<Image(const Local&, double soft)>;
Shape oval(double rx, double ry);

/// A polished object (a nail, a stone, an eyeshadow pan, a drop of paste): a soft shadow, a body
/// round across and lit from the left, and the long reflection of a window.
struct Glossy {
    double cx = 0, cy = 0, degrees = 0;
    double rx = 1, ry = 1;  // half the extent across (u) and along (v)
    double gloss = 0.55, shadow = 0.3;
};
void glossy(Canvas& canvas, const Glossy& g, const Shape& shape, Rgb colour, Rgb shadow);
/// Out-of-focus lights: `count` soft discs of radius rmin..rmax anywhere in the picture.
void bokeh(Canvas& canvas, Rng& rng, Rgb colour, int count, double rmin, double rmax, double strength);
/// Sparkles, `each` within radius r of every centre.
void glitter(Canvas& canvas, Rng& rng, const std::vector<std::pair<double, double>>& centres, double r, int each);
/// A soap bubble: a faint body, a bright rim and the reflection of a window.
void bubble(Canvas& canvas, double x, double y, double r, Rgb tint);
/// Silk: bands across the whole picture that follow waves growing along the flow, so that no
/// two are alike; `period` is the width of a band.
Image satin(const Frame& frame, Rng& rng, Rgb dark, Rgb bright, double period);

}  // namespace service::demo::draw
