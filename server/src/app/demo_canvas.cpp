#include "app/demo_canvas.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace service::demo::draw {
namespace {

[[noreturn]] void fail() {
    const std::unique_ptr<char, decltype(&g_free)> text(vips_error_buffer_copy(), &g_free);
    throw std::runtime_error(std::string("demo photo: ") + (text ? text.get() : "libvips failed"));
}
void check(int status) {
    if (status != 0) fail();
}

// The call fills `out`, which is read only once it has returned (never `&out` and `out` in one
// argument list: the order they are evaluated in is unspecified).
template <typename Call>
Image make(Call call) {
    VipsImage* out = nullptr;
    check(call(&out));
    return Image(out);
}
// A libvips operation on one image or two, with its required arguments.
template <typename Fn, typename... Args>
Image call(Fn fn, const Image& in, Args... args) {
    return make([&](VipsImage** out) { return fn(in.get(), out, args..., nullptr); });
}
template <typename Fn>
Image call2(Fn fn, const Image& a, const Image& b) {
    return make([&](VipsImage** out) { return fn(a.get(), b.get(), out, nullptr); });
}

Image upscale(const Image& small, int factor) {
    return make(
        [&](VipsImage** out) { return vips_resize(small.get(), out, factor, "kernel", VIPS_KERNEL_LINEAR, nullptr); });
}
// `in` × k rounded and clipped to 8 bits.
Image bytes(const Image& in, double k) {
    return make([&](VipsImage** out) { return vips_linear1(in.get(), out, k, 0.5, "uchar", TRUE, nullptr); });
}
// The design coordinates of a w × h grid of pixels `step` design pixels apart, from (x0, y0).
std::pair<Image, Image> grid(int w, int h, double step, double x0, double y0) {
    const Image xyz = make([&](VipsImage** out) { return vips_xyz(out, w, h, nullptr); });
    return {lin(call(vips_extract_band, xyz, 0), step, x0), lin(call(vips_extract_band, xyz, 1), step, y0)};
}

}  // namespace

Image lin(const Image& in, double a, double b) { return call(vips_linear1, in, a, b); }
Image lin3(const Image& in, Rgb a, Rgb b) { return call(vips_linear, in, a.data(), b.data(), 3); }
Image add(const Image& a, const Image& b) { return call2(vips_add, a, b); }
Image sub(const Image& a, const Image& b) { return call2(vips_subtract, a, b); }
Image mul(const Image& a, const Image& b) { return call2(vips_multiply, a, b); }
Image sq(const Image& in) { return mul(in, in); }
Image power(const Image& in, double p) { return call(vips_pow_const1, in, p); }
Image sine(const Image& degrees) { return call(vips_math, degrees, VIPS_OPERATION_MATH_SIN); }
Image exponential(const Image& in) { return call(vips_math, in, VIPS_OPERATION_MATH_EXP); }
// In 256 steps: libvips 8.14 has no clamp, but a cast to 8 bits clips.
Image clamp01(const Image& in) { return lin(bytes(in, 255), 1 / 255.0, 0); }
Image crop(const Image& in, int x, int y, int w, int h) { return call(vips_crop, in, x, y, w, h); }
Image memory(const Image& in) {
    Image out(vips_image_copy_memory(in.get()));
    if (!out) fail();
    return out;
}

Area area(const Frame& frame, double cx, double cy, double half_w, double half_h) {
    Area a;
    a.step = frame.step();
    a.x = std::clamp(static_cast<int>((cx - half_w) / a.step), 0, frame.width - 1);
    a.y = std::clamp(static_cast<int>((cy - half_h) / a.step), 0, frame.height - 1);
    a.w = std::clamp(static_cast<int>((cx + half_w) / a.step) + 1, a.x + 1, frame.width) - a.x;
    a.h = std::clamp(static_cast<int>((cy + half_h) / a.step) + 1, a.y + 1, frame.height) - a.y;
    std::tie(a.px, a.py) = grid(a.w, a.h, a.step, a.x * a.step, a.y * a.step);
    return a;
}
Area whole(const Frame& frame) { return area(frame, kW / 2, kH / 2, kW / 2, kH / 2); }
Area coarse(const Area& a, int step) {
    auto [x, y] = grid(a.w / step + 2, a.h / step + 2, step * a.step, a.x * a.step, a.y * a.step);
    return {a.x, a.y, a.w, a.h, std::move(x), std::move(y), a.step};
}
Image fine(const Image& mask, const Area& a, int step) { return crop(upscale(mask, step), 0, 0, a.w, a.h); }

// Held in memory: every shape reads them several times.
Local local(const Area& a, double cx, double cy, double degrees) {
    if (degrees == 0) return {memory(lin(a.px, 1, -cx)), memory(lin(a.py, 1, -cy))};
    const double c = std::cos(rad(degrees)), s = std::sin(rad(degrees));
    return {memory(add(lin(a.px, c, -c * cx), lin(a.py, s, -s * cy))),
            memory(add(lin(a.px, -s, s * cx), lin(a.py, c, -c * cy)))};
}
Local shifted(const Local& l, double du, double dv) { return {lin(l.u, 1, -du), lin(l.v, 1, -dv)}; }
Local scaled(const Local& l, double su, double sv) { return {lin(l.u, 1 / su, 0), lin(l.v, 1 / sv, 0)}; }
Image radius(const Local& l) { return power(add(sq(l.u), sq(l.v)), 0.5); }

Image ellipse(const Local& l, double rx, double ry, double soft) {
    const double k = std::min(rx, ry) / soft;
    return clamp01(lin(radius(scaled(l, rx, ry)), -k, k + 0.5));
}
Image capsule(const Local& l, double r, double half, double soft) {
    const Image along = lin(clamp01(lin(l.v, 0.5 / half, 0.5)), 2 * half, -half);
    return clamp01(lin(radius({lin(l.u, 1, 0), sub(l.v, along)}), -1 / soft, r / soft + 0.5));
}
Image glow(const Local& l, double sigma) { return exponential(lin(add(sq(l.u), sq(l.v)), -0.5 / (sigma * sigma), 0)); }
Image ring(const Image& distance, double r, double width) {
    return exponential(lin(sq(lin(distance, 1 / width, -r / width)), -1, 0));
}

Canvas::Canvas(const Frame& frame, const Image& background) : frame_(frame), image_(memory(bytes(background, 255))) {}
void Canvas::cover(const Image& picture) { image_ = memory(bytes(picture, 255)); }

void Canvas::paint(const Area& a, const Image& mask, Rgb colour, double opacity) {
    const Image under = crop(image_, a.x, a.y, a.w, a.h);
    put(a, add(under, mul(lin(mask, opacity, 0), lin3(under, {-1, -1, -1}, times(colour, 255)))));
}
void Canvas::paint(const Area& a, const Image& mask, const Image& colour) {
    const Image under = crop(image_, a.x, a.y, a.w, a.h);
    put(a, add(under, mul(mask, sub(lin(colour, 255, 0), under))));
}
void Canvas::light(const Area& a, const Image& mask, Rgb colour, double opacity) {
    light(a, lin3(mask, times(colour, opacity), kBlack));
}
void Canvas::light(const Area& a, const Image& rgb) {
    const Image under = crop(image_, a.x, a.y, a.w, a.h);
    put(a, add(under, mul(rgb, lin3(under, {-1, -1, -1}, {255, 255, 255}))));
}
void Canvas::put(const Area& a, const Image& over) {
    const Image done = memory(bytes(over, 1));  // computed before the pixels it reads are replaced
    check(vips_draw_image(image_.get(), done.get(), a.x, a.y, nullptr));
}

std::string Canvas::jpeg(int seed) const {
    // The grain also hides the banding of smooth 8-bit gradients. A tile of it repeated costs a
    // twentieth of noise for every pixel, and nobody sees the repeat; it is computed once, not
    // once per repeat.
    const Image noise = memory(make([&](VipsImage** out) {
        return vips_gaussnoise(out, 256, 256, "mean", 0.0, "sigma", 1.6, "seed", seed, nullptr);
    }));
    const Image tiles = call(vips_replicate, noise, frame_.width / 256 + 1, frame_.height / 256 + 1);
    const Image pixels = bytes(add(image_, crop(tiles, 0, 0, frame_.width, frame_.height)), 1);
    const Image srgb = make([&](VipsImage** out) {
        return vips_copy(pixels.get(), out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr);
    });
    void* buffer = nullptr;
    std::size_t length = 0;
    check(vips_jpegsave_buffer(srgb.get(), &buffer, &length, "Q", 85, "optimize_coding", TRUE, "strip", TRUE, nullptr));
    const std::unique_ptr<void, decltype(&g_free)> owned(buffer, &g_free);
    return std::string(static_cast<const char*>(buffer), length);
}

Layer::Layer(const Frame& frame, int shrink)
    : frame_(frame),
      shrink_(shrink),
      scale_(shrink * frame.step()),
      w_(frame.width / shrink + 1),
      h_(frame.height / shrink + 1),
      pixels_(std::size_t(w_) * std::size_t(h_)) {}

void Layer::disc(double x, double y, double r, double ink) {
    left_ = std::min(left_, x - r);
    top_ = std::min(top_, y - r);
    right_ = std::max(right_, x + r);
    bottom_ = std::max(bottom_, y + r);
    const double cx = x / scale_, cy = y / scale_, rr = std::max(r / scale_, 0.71);  // marks at least a pixel
    const auto value = static_cast<unsigned char>(std::lround(std::clamp(ink, 0.0, 1.0) * 255));
    for (int py = std::max(0, int(cy - rr)); py <= std::min(h_ - 1, int(cy + rr)); ++py) {
        for (int px = std::max(0, int(cx - rr)); px <= std::min(w_ - 1, int(cx + rr)); ++px) {
            auto& pixel = pixels_[std::size_t(py) * std::size_t(w_) + std::size_t(px)];
            if (std::hypot(px + 0.5 - cx, py + 0.5 - cy) <= rr) pixel = std::max(pixel, value);
        }
    }
}

void Layer::stroke(double x0, double y0, double x1, double y1, double width, double ink) {
    const int steps = std::max(1, static_cast<int>(2 * std::hypot(x1 - x0, y1 - y0) / scale_));  // every half pixel
    for (int i = 0; i <= steps; ++i) {
        const double t = double(i) / steps;
        disc(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, width / 2, ink);
    }
}

void Layer::apply(Canvas& canvas, double sigma, Rgb colour, double opacity, bool light) const {
    if (right_ < left_) return;
    const double margin = 3 * sigma + 2 * scale_;
    const Area a = area(frame_, (left_ + right_) / 2, (top_ + bottom_) / 2, (right_ - left_) / 2 + margin,
                        (bottom_ - top_) / 2 + margin);
    const Image marks(vips_image_new_from_memory(pixels_.data(), pixels_.size(), w_, h_, 1, VIPS_FORMAT_UCHAR));
    if (!marks) fail();
    const int x = a.x / shrink_, y = a.y / shrink_;
    const Image part = crop(marks, x, y, std::min(a.w / shrink_ + 2, w_ - x), std::min(a.h / shrink_ + 2, h_ - y));
    Image soft = call(vips_gaussblur, part, sigma / scale_);
    if (shrink_ > 1) soft = upscale(soft, shrink_);
    // Exactly the area: libvips pads the smaller operand of a sum with black.
    const Image mask = lin(crop(soft, a.x - x * shrink_, a.y - y * shrink_, a.w, a.h), 1 / 255.0, 0);
    if (light) {
        canvas.light(a, mask, colour, opacity);
    } else {
        canvas.paint(a, mask, colour, opacity);
    }
}

// Smooth, so computed at an eighth of the size.
Image backdrop(const Frame& frame, Rgb from, Rgb to, double degrees, double light_x, double light_y, double light) {
    constexpr int kShrink = 8;
    Area a{0, 0, frame.width, frame.height, nullptr, nullptr, frame.step()};
    std::tie(a.px, a.py) = grid(frame.width / kShrink + 1, frame.height / kShrink + 1, kShrink * a.step, 0, 0);
    const Image along = clamp01(lin(local(a, kW / 2, kH / 2, degrees).u, 1 / std::hypot(kW, kH), 0.5));
    const Image base = lin3(along, minus(to, from), from);
    const Image lit = mul(lin3(glow(local(a, light_x, light_y, 0), kW * 0.5), {light, light, light}, kBlack),
                          lin3(base, {-1, -1, -1}, kWhite));
    const Image vignette = lin(sq(radius(scaled(local(a, kW / 2, kH / 2, 0), kW, kH))), -0.4, 1);
    return crop(upscale(memory(mul(add(base, lit), vignette)), kShrink), 0, 0, frame.width, frame.height);
}

Shape oval(double rx, double ry) {
    return [rx, ry](const Local& l, double soft) { return ellipse(l, rx, ry, soft); };
}

void glossy(Canvas& canvas, const Glossy& g, const Shape& shape, Rgb colour, Rgb shadow) {
    const double c = std::abs(std::cos(rad(g.degrees))), s = std::abs(std::sin(rad(g.degrees)));
    const Area a = area(canvas.frame(), g.cx + 6, g.cy + 12, c * g.rx + s * g.ry + 50, s * g.rx + c * g.ry + 50);
    if (g.shadow > 0) {
        const Image mask = shape(local(coarse(a, 4), g.cx + 12, g.cy + 24, g.degrees), 40);
        canvas.paint(a, fine(mask, a, 4), shadow, g.shadow);
    }
    const Local l = local(a, g.cx, g.cy, g.degrees);
    const Image shade = add(lin(sq(lin(l.u, 1 / g.rx, 0.3)), -0.22, 1.04), lin(l.v, -0.06 / g.ry, 0));
    const Image base = memory(lin3(shade, colour, kBlack));
    // The reflection is screened onto the colour first, so the body is one composite.
    const Local streak = scaled(shifted(l, -0.42 * g.rx, -0.25 * g.ry), 0.09 * g.rx, 0.38 * g.ry);
    const Image reflection = lin3(glow(streak, 0.7), {g.gloss, g.gloss, g.gloss}, kBlack);
    canvas.paint(a, shape(l, 1.5), add(base, mul(reflection, lin3(base, {-1, -1, -1}, kWhite))));
}

// Drawn at a quarter of the size.
void bokeh(Canvas& canvas, Rng& rng, Rgb colour, int count, double rmin, double rmax, double strength) {
    Layer discs(canvas.frame(), 4);
    for (int i = 0; i < count; ++i) {
        const double x = rng.in(0, kW), y = rng.in(0, kH), r = rng.in(rmin, rmax), ink = strength * rng.in(0.3, 1);
        discs.disc(x, y, r, ink);
    }
    discs.apply(canvas, 7, colour, 1, true);
}

void glitter(Canvas& canvas, Rng& rng, const std::vector<std::pair<double, double>>& centres, double r, int each) {
    Layer layer(canvas.frame());
    for (const auto& [x, y] : centres) {
        for (int i = 0; i < each; ++i) {
            const double at = rng.in(0, 2 * M_PI), from = r * std::sqrt(rng.next()), size = rng.in(1, 2.5);
            layer.disc(x + from * std::cos(at), y + from * std::sin(at), size, 1);
        }
    }
    layer.apply(canvas, 0.8, hex(0xFFF4DE), 1, true);
}

void bubble(Canvas& canvas, double x, double y, double r, Rgb tint) {
    const Area a = area(canvas.frame(), x, y, r + 3, r + 3);
    const Local l = local(a, x, y, 0);
    const Image d = memory(radius(l));
    const Image inside = memory(clamp01(lin(d, -1 / 1.5, r / 1.5 + 0.5)));
    const auto tinted = [&](const Image& mask, double k) {
        return lin3(mask, {tint[0] * k, tint[1] * k, tint[2] * k}, kBlack);
    };
    const Image white = add(lin(mul(inside, ring(d, 0.93 * r, 0.07 * r + 1)), 0.55, 0),
                            lin(glow(shifted(l, -0.42 * r, -0.42 * r), 0.13 * r), 0.85, 0));
    const Image tints =
        add(tinted(inside, 0.12), tinted(mul(inside, glow(shifted(l, 0.5 * r, 0.5 * r), 0.1 * r)), 0.5));
    canvas.light(a, add(tints, lin3(white, kWhite, kBlack)));  // one composite for all four
}

// Smooth enough to be computed at half the size.
Image satin(const Frame& frame, Rng& rng, Rgb dark, Rgb bright, double period) {
    const Area a = whole(frame);
    const Local l = local(coarse(a, 2), kW / 2, kH / 2, rng.in(-35, 35));
    const double k1 = rng.in(0.12, 0.22), p1 = rng.in(0, 360), a1 = rng.in(70, 130);
    const double k2 = rng.in(0.3, 0.5), p2 = rng.in(0, 360), a2 = rng.in(15, 35);
    const Image wave = add(mul(sine(lin(l.u, k1, p1)), lin(l.v, 0.25, a1)), lin(sine(lin(l.u, k2, p2)), a2, 0));
    const Image w = memory(sub(l.v, wave));
    const Image broad =
        add(lin(sine(lin(w, 360 / period, 0)), 0.32, 0.5), lin(sine(lin(w, 840 / period, 40)), 0.12, 0));
    const Image tone = clamp01(add(broad, lin(sine(lin(w, 2520 / period, 0)), 0.04, 0)));
    return lin3(fine(memory(power(tone, 1.4)), a, 2), minus(bright, dark), dark);
}

}  // namespace service::demo::draw
