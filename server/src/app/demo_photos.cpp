#include "app/demo_photos.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "app/demo_canvas.hpp"

// The pictures: per category a motif (what is drawn, demo_canvas.hpp for how), palettes a
// photographer might style that kind of work with, and captions.

namespace service::demo {
namespace {

using namespace draw;

struct Palette {
    Rgb from, to;                // the backdrop
    std::array<Rgb, 5> accents;  // the objects
};
Rgb shadow_of(const Palette& p) { return mix(p.to, kBlack, 0.55); }

// Polish swatches: glossy nail tips in a fan, a row or a diagonal cascade, glitter on some.
void nails(Canvas& canvas, Rng& rng, const Palette& p, int photo) {
    const Shape tip = [](const Local& l, double soft) { return capsule(l, 72, 190, soft); };
    std::vector<std::pair<double, double>> centres;
    for (std::size_t i = 0; i < 5; ++i) {
        const double t = double(i) - 2;
        double degrees = rng.in(-4, 4), cx = kW / 2 + t * 185, cy = kH / 2 + rng.in(-60, 60);  // a row
        if (photo % 3 == 0) {  // a fan from a point below the frame's centre
            degrees = t * 15;
            cx = kW / 2 + 560 * std::sin(rad(degrees));
            cy = kH * 0.86 - 560 * std::cos(rad(degrees));
        } else if (photo % 3 == 2) {  // tilted, stepping down to the right
            degrees = 28;
            cx = kW / 2 + t * 150;
            cy = kH / 2 + t * 120;
        }
        const Glossy g{.cx = cx, .cy = cy, .degrees = degrees, .rx = 72, .ry = 262};
        glossy(canvas, g, tip, p.accents[(i + std::size_t(photo)) % 5], shadow_of(p));
        centres.emplace_back(cx, cy);
    }
    if (photo % 2 == 1) glitter(canvas, rng, centres, 150, 40);
}

// Silk waves in browns and golds.
void hair(Canvas& canvas, Rng& rng, const Palette& p, int) {
    canvas.cover(satin(canvas.frame(), rng, p.accents[0], p.accents[1], rng.in(260, 380)));
    bokeh(canvas, rng, p.accents[2], 8, 30, 90, 0.25);
}

// A feathered brow (hair strokes, a thick band at the head and thin at the tail), or
// the lashes of a lid; a fine golden line above, the kind a brow artist maps the shape with.
void brows(Canvas& canvas, Rng& rng, const Palette& p, int photo) {
    bokeh(canvas, rng, kWhite, 6, 20, 60, 0.3);
    const bool lashes = photo % 2 == 1;
    const double side = photo % 4 < 2 ? 1 : -1;  // the left eye's brow, or the right one's
    const double cx = kW / 2, cy = kH * (lashes ? 0.52 : 0.48), r = lashes ? 430 : 640;
    // t = 0 is the inner end, 1 the outer; `off` moves away from the arc's centre (up).
    const auto on_arc = [&](double t, double off) {
        const double theta = rad(-44 + 86 * t);
        return std::pair{cx + side * (r + off) * std::sin(theta), cy + r - (r + off) * std::cos(theta)};
    };
    Layer hairs(canvas.frame()), gold(canvas.frame());
    for (int k = 0; k < 40; ++k) {
        const double t0 = k / 40.0, t1 = (k + 1) / 40.0;
        const auto [x0, y0] = on_arc(t0, 0);
        const auto [x1, y1] = on_arc(t1, 0);
        const auto [g0, h0] = on_arc(t0 * 0.9 + 0.05, lashes ? 230 : 140);
        const auto [g1, h1] = on_arc(t1 * 0.9 + 0.05, lashes ? 230 : 140);
        gold.stroke(g0, h0, g1, h1, 1.6, 1);
        if (lashes) {
            hairs.stroke(x0, y0, x1, y1, 2 + 4 * std::sin(M_PI * t0), 1);  // the lid line
            const double dip = 150 * std::sin(M_PI * t0), next_dip = 150 * std::sin(M_PI * t1);
            const auto [a0, b0] = on_arc(0, 0);
            const auto [a1, b1] = on_arc(1, 0);
            hairs.stroke(a0 + (a1 - a0) * t0, b0 + (b1 - b0) * t0 + dip, a0 + (a1 - a0) * t1,
                         b0 + (b1 - b0) * t1 + next_dip, 1, 0.35);  // the lower lid, faint
        }
    }
    const int count = lashes ? 64 : 380;
    for (int i = 0; i < count; ++i) {
        const double t = lashes ? (i + rng.in(0, 0.6)) / count : rng.next();
        const double width = lashes ? 0 : 96 * std::pow(1 - t, 0.8) + 12;
        const auto [x, y] = on_arc(t, rng.in(-0.5, 0.5) * width);
        const double tangent = rad(-44 + 86 * t);
        if (!lashes) {  // brow hairs lie along the arc, rising at the head
            const double angle = tangent - rad(55 - 45 * t), length = rng.in(30, 56);
            const double ex = x + side * length * std::cos(angle), ey = y + length * std::sin(angle);
            hairs.stroke(x, y, ex, ey, 1.6, rng.in(0.45, 1));
            continue;
        }
        // Lashes stand out of the lid, lean towards the outer corner, curl and thin out.
        double angle = tangent - rad(90) + rad(40 * (t - 0.35)), px = x, py = y;
        const double length = 50 + 130 * std::pow(std::sin(M_PI * (0.1 + 0.8 * t)), 1.5) * (0.7 + 0.3 * t);
        for (int s = 0; s < 3; ++s, angle += rad(12)) {
            const double nx = px + side * length / 3 * std::cos(angle), ny = py + length / 3 * std::sin(angle);
            hairs.stroke(px, py, nx, ny, 2.6 - s, 1);
            px = nx;
            py = ny;
        }
    }
    hairs.apply(canvas, 0.7, p.accents[0], 0.95);
    gold.apply(canvas, 0.7, p.accents[3], 0.85);
}

// An eyeshadow palette: pans in metal rims, with shimmer.
void makeup(Canvas& canvas, Rng& rng, const Palette& p, int photo) {
    bokeh(canvas, rng, kWhite, 8, 20, 80, 0.2);
    struct Layout {
        int cols, rows;
        double r;
    };
    constexpr std::array<Layout, 3> kLayouts{{{2, 3, 150}, {2, 2, 175}, {3, 2, 122}}};
    const auto [cols, rows, r] = kLayouts[std::size_t(photo) % kLayouts.size()];
    const double gap = 2 * r + 60;
    std::vector<std::pair<double, double>> centres;
    Layer rims(canvas.frame());
    for (int pan = 0; pan < cols * rows; ++pan) {
        const int row = pan / cols, col = pan % cols;
        const double x = kW / 2 + (col - (cols - 1) / 2.0) * gap, y = kH / 2 + (row - (rows - 1) / 2.0) * gap;
        rims.disc(x, y, r + 14, 1);
        centres.emplace_back(x, y);
    }
    rims.apply(canvas, 1, p.accents[4], 1);
    for (std::size_t pan = 0; pan < centres.size(); ++pan) {
        const auto [x, y] = centres[pan];
        glossy(canvas, {.cx = x, .cy = y, .rx = r, .ry = r, .gloss = 0.3, .shadow = 0.35}, oval(r, r),
               p.accents[(pan + std::size_t(photo)) % 4], shadow_of(p));
    }
    glitter(canvas, rng, centres, r * 0.85, 14);
}

// Smooth stones, as for a hot-stone massage, stacked or laid in a row, candles far behind.
void massage(Canvas& canvas, Rng& rng, const Palette& p, int photo) {
    bokeh(canvas, rng, hex(0xFFE2B8), 7, 25, 70, 0.4);
    const bool row = photo % 4 >= 2;
    const int count = 3 + photo % 2;
    double rx = rng.in(270, 310) * (row ? 1.86 / count : 1), y = kH * (row ? 0.62 : 0.76);
    double x = row ? kW / 2 - (count - 1) * rx * 0.725 : kW / 2;
    for (int i = 0; i < count; ++i) {
        const double ry = rx * (row ? 0.6 : 0.38), degrees = rng.in(-5, 5) + (row ? 20 - 12 * i : 0);
        const Glossy g{
            .cx = x + rng.in(-25, 25), .cy = y, .degrees = degrees, .rx = rx, .ry = ry, .gloss = 0.3, .shadow = 0.45};
        glossy(canvas, g, oval(rx, ry), p.accents[std::size_t(i + photo) % 5], shadow_of(p));
        const double next = rx * rng.in(0.72, 0.82);
        if (row) {
            x += rx * 1.45;
            y += rng.in(-40, 40);
        } else {
            y -= (ry + next * 0.38) * 0.85;
            rx = next;
        }
    }
}

// Bubbles and drops over a cool gradient.
void cosmetology(Canvas& canvas, Rng& rng, const Palette& p, int) {
    bokeh(canvas, rng, kWhite, 8, 20, 80, 0.25);
    for (int i = 0; i < 13; ++i) {
        const double x = rng.in(60, kW - 60), y = rng.in(60, kH - 60), r = rng.in(24, 150);
        bubble(canvas, x, y, r, p.accents[rng.pick(5)]);
    }
}

// Stones in still water, rings spreading from them, candles far behind.
void spa(Canvas& canvas, Rng& rng, const Palette& p, int photo) {
    const double x = kW * rng.in(0.32, 0.68), y = kH * rng.in(0.45, 0.68);
    const Area a = whole(canvas.frame());
    const Local l = local(coarse(a, 2), x, y, 0);
    const Image d = memory(radius({lin(l.u, 1, 0), lin(l.v, 1.7, 0)}));  // water seen at an angle
    const Image fade = exponential(lin(d, -1 / 260.0, 0));
    const Image wave = memory(fine(mul(sine(lin(d, 360 / rng.in(70, 95), 0)), fade), a, 2));
    canvas.light(a, clamp01(wave), p.accents[0], 0.4);
    canvas.paint(a, clamp01(lin(wave, -1, 0)), p.accents[1], 0.25);
    bokeh(canvas, rng, hex(0xFFE9C4), 4 + 3 * (photo % 4), 20, 60, 0.35);
    double rx = rng.in(150, 190), sy = y + 10;
    for (int i = 0; i < 1 + (photo + 1) % 3; ++i, rx *= rng.in(0.62, 0.75)) {
        const double sx = x + rng.in(-30, 30), degrees = rng.in(-8, 8);
        glossy(canvas, {.cx = sx, .cy = sy, .degrees = degrees, .rx = rx, .ry = rx * 0.4}, oval(rx, rx * 0.4),
               p.accents[std::size_t(2 + i % 2)], shadow_of(p));
        sy -= rx * 0.62;
    }
}

// A barber's pole: a glass cylinder with spiral stripes and brass caps, on a dark backdrop.
void barbering(Canvas& canvas, Rng& rng, const Palette& p, int photo) {
    bokeh(canvas, rng, p.accents[2], 9, 20, 70, 0.3);
    const double x = kW * (photo % 2 == 0 ? 0.5 : rng.in(0.38, 0.62)), y = kH / 2, r = 110, half = 330;
    const double degrees = rng.in(-3, 3);
    const Area a = area(canvas.frame(), x, y, r + 60, half + r + 60);
    canvas.paint(a, capsule(local(a, x + 18, y + 24, degrees), r, half, 50), kBlack, 0.5);
    const Local l = local(a, x, y, degrees);
    const Image body = memory(capsule(l, r, half, 1.5));
    const double period = 120 + 30 * (photo % 3), twist = photo % 2 == 0 ? 0.9 : -0.9;
    const Image stripes = clamp01(lin(sine(lin(add(l.v, lin(l.u, twist, 0)), 360 / period, 0)), 5, 0.5));
    const Image colour = lin3(stripes, minus(p.accents[0], p.accents[1]), p.accents[1]);
    canvas.paint(a, body, mul(colour, lin(sq(lin(l.u, 1 / r, 0.25)), -0.45, 1.02)));
    canvas.light(a, mul(body, glow(scaled(shifted(l, -0.45 * r, 0), 0.1 * r, 0.8 * half), 0.8)), kWhite, 0.6);
    for (const double end : {-1.0, 1.0}) {
        glossy(canvas, {.cx = x, .cy = y + end * (half + r * 0.8), .rx = r + 18, .ry = 34}, oval(r + 18, 34),
               p.accents[2], kBlack);
    }
}

// Smooth silk in honey tones, with drops of sugaring paste.
void epilation(Canvas& canvas, Rng& rng, const Palette& p, int photo) {
    canvas.cover(satin(canvas.frame(), rng, p.accents[0], p.accents[1], rng.in(420, 560)));
    for (int i = 0; i < 2 + photo % 3; ++i) {
        const double r = rng.in(50, 110), x = rng.in(150, kW - 150), y = rng.in(200, kH - 200);
        glossy(canvas, {.cx = x, .cy = y, .rx = r, .ry = r * 1.1, .gloss = 0.8}, oval(r, r * 1.1), p.accents[2],
               shadow_of(p));
        // Light through the paste gathers at the bottom, opposite the highlight.
        const Area a = area(canvas.frame(), x, y, r, r * 1.1);
        const Local l = local(a, x, y, 0);
        canvas.light(a, mul(ellipse(l, r, r * 1.1, 1.5), glow(shifted(l, 0.2 * r, 0.45 * r), 0.35 * r)), hex(0xFFE2A8),
                     0.7);
    }
}

void plain(Canvas& canvas, Rng& rng, const Palette& p, int) { bokeh(canvas, rng, p.accents[0], 26, 20, 120, 0.45); }

struct Theme {
    std::string_view slug;
    void (*draw)(Canvas&, Rng&, const Palette&, int photo);
    std::span<const Palette> palettes;
    std::array<std::string_view, 4> captions;
};

// Colours as a photographer would style each kind of work: a master keeps one palette.
constexpr Palette kNailsPalettes[]{
    {hex(0xF6E4DE), hex(0xE9CFCB), {hex(0xE8B4A8), hex(0xD99A92), hex(0xC27C7E), hex(0xA45A66), hex(0x7E3A4E)}},
    {hex(0xEEE8F2), hex(0xD9D2E6), {hex(0xF2D0D9), hex(0xE3A9C0), hex(0xB98BC4), hex(0x8E6BB5), hex(0x5E4A8C)}},
    {hex(0xF4EEE4), hex(0xE7DCCB), {hex(0xF1D9C4), hex(0xE2B99C), hex(0xC98E6A), hex(0x9E5B3F), hex(0x6B3526)}},
    {hex(0xE9F0EC), hex(0xCFDDD6), {hex(0xF4E1D2), hex(0xCFE3D8), hex(0x9CC5B5), hex(0xE7A79B), hex(0xB5475A)}},
};
constexpr Palette kHairPalettes[]{
    {hex(0xE8D5C0), hex(0xC9A27E), {hex(0x4A2C1A), hex(0xE2B878), hex(0xFFD9A0), {}, {}}},
    {hex(0xEDE3D6), hex(0xD6C3AA), {hex(0x7A5A3E), hex(0xF3E1C2), hex(0xFFF1D8), {}, {}}},
    {hex(0xE9CDB8), hex(0xB86F4B), {hex(0x5A2414), hex(0xD98A52), hex(0xFFC48A), {}, {}}},
    {hex(0xD8CBC4), hex(0x8E7F7A), {hex(0x2B211E), hex(0xA88466), hex(0xE8C9A0), {}, {}}},
};
constexpr Palette kBrowsLashesPalettes[]{
    {hex(0xF5EDE4), hex(0xE6D6C6), {hex(0x4B3426), hex(0x8A6A52), {}, hex(0xC9A15B), {}}},
    {hex(0xF3E9E6), hex(0xE2CFCB), {hex(0x2E2320), hex(0x6A5044), {}, hex(0xB88A6A), {}}},
    {hex(0xEFEAE3), hex(0xD9CFC2), {hex(0x3D3029), hex(0x8B7260), {}, hex(0xBFA27A), {}}},
};
constexpr Palette kMakeupPalettes[]{
    {hex(0x3A2A30), hex(0x1F171B), {hex(0xE7B9A4), hex(0xC07B6A), hex(0x8F4E5A), hex(0xD9B48A), hex(0xC9A46A)}},
    {hex(0xF0E2DC), hex(0xD9C0B8), {hex(0xF3D3C4), hex(0xD8A08E), hex(0xB0706A), hex(0x7E5A52), hex(0xB8B0A8)}},
    {hex(0x2C2A35), hex(0x16151C), {hex(0xCBB3D6), hex(0x9C7BB0), hex(0x6A4E7E), hex(0xE0C9B0), hex(0xD4B26A)}},
};
constexpr Palette kMassagePalettes[]{
    {hex(0xF1E4D3), hex(0xD9C2A5), {hex(0x3B3A3C), hex(0x55514E), hex(0x6B6661), hex(0x2E2D30), hex(0x7A746C)}},
    {hex(0xE9E2D6), hex(0xC9BBA6), {hex(0x4A4540), hex(0x625B52), hex(0x3A3633), hex(0x7E766B), hex(0x57504A)}},
    {hex(0xF0E6DE), hex(0xD8C7BA), {hex(0x5B5550), hex(0x3D3936), hex(0x746C65), hex(0x4A4541), hex(0x8A8178)}},
};
constexpr Palette kCosmetologyPalettes[]{
    {hex(0xBFE3E8), hex(0x8DBBD6), {hex(0xBFE9F2), hex(0xD8F3EC), hex(0xC9D6F5), hex(0xF0F7FF), hex(0xA8DCE8)}},
    {hex(0xCDEBDF), hex(0x95C7BB), {hex(0xD6F5E8), hex(0xC8EEF0), hex(0xE8F0FF), hex(0xB8E0D2), hex(0xFFFFFF)}},
    {hex(0xD6D6F0), hex(0xA3ABD9), {hex(0xE0D8FA), hex(0xC8E4F8), hex(0xF4E8FF), hex(0xD0F0F4), hex(0xFFFFFF)}},
};
constexpr Palette kSpaPalettes[]{
    {hex(0xBFDAD6), hex(0x7FA9A6), {hex(0xE8FFF8), hex(0x3F6E6C), hex(0x4A4744), hex(0x6B655E), {}}},
    {hex(0xD6E2D8), hex(0x93AE9C), {hex(0xF4FFF0), hex(0x4C6B58), hex(0x3E3B38), hex(0x77716A), {}}},
    {hex(0xC9D8E0), hex(0x7E98A8), {hex(0xF0FAFF), hex(0x405868), hex(0x494542), hex(0x6E6862), {}}},
};
constexpr Palette kBarberingPalettes[]{
    {hex(0x2E3136), hex(0x15171A), {hex(0x9E2B2B), hex(0xEFE6D8), hex(0xC9A25E), {}, {}}},
    {hex(0x2A2F3A), hex(0x12141A), {hex(0x7E2430), hex(0xE8E2D6), hex(0xB8945A), {}, {}}},
    {hex(0x35302C), hex(0x181513), {hex(0x8C3A2C), hex(0xF2EBDD), hex(0xD0AA6A), {}, {}}},
};
constexpr Palette kEpilationPalettes[]{
    {hex(0xF4E3CC), hex(0xE2C29A), {hex(0xE2B987), hex(0xFBEBD2), hex(0xD98E2B), {}, {}}},
    {hex(0xF6E6DE), hex(0xE6C6B6), {hex(0xE7BBA6), hex(0xFFF1E8), hex(0xC97A3A), {}, {}}},
    {hex(0xF2E8D8), hex(0xDCC8A8), {hex(0xD6B58E), hex(0xFFF6E6), hex(0xE0A040), {}, {}}},
};
constexpr Palette kOtherPalettes[]{
    {hex(0xE9E4F0), hex(0xC9C0DA), {kWhite, {}, {}, {}, {}}},
    {hex(0xF0E6DA), hex(0xD6C2AA), {hex(0xFFF2DC), {}, {}, {}, {}}},
};

constexpr std::array<Theme, 10> kThemes{{
    {"nails",
     nails,
     kNailsPalettes,
     {"Глянцевое покрытие гель-лаком", "Нюдовый маникюр с блёстками", "Омбре в пастельных тонах",
      "Мерцающий топ и мягкий квадрат"}},
    {"hair",
     hair,
     kHairPalettes,
     {"Окрашивание в технике балаяж", "Мягкие локоны на каждый день", "Тёплый карамельный блонд",
      "Уход и зеркальный блеск"}},
    {"brows-lashes",
     brows,
     kBrowsLashesPalettes,
     {"Архитектура и окрашивание бровей", "Наращивание ресниц 2D", "Естественная форма бровей",
      "Ламинирование ресниц"}},
    {"makeup",
     makeup,
     kMakeupPalettes,
     {"Дневной нюдовый макияж", "Вечерний макияж с сиянием", "Свадебный образ", "Смоки в тёплых тонах"}},
    {"massage",
     massage,
     kMassagePalettes,
     {"Стоун-терапия горячими камнями", "Расслабляющий массаж спины", "Антистресс-ритуал", "Массаж лица и шеи"}},
    {"cosmetology",
     cosmetology,
     kCosmetologyPalettes,
     {"Увлажняющий уход для лица", "Мягкий пилинг", "Чистка лица", "Сияние кожи после процедуры"}},
    {"spa",
     spa,
     kSpaPalettes,
     {"СПА-ритуал для двоих", "Обёртывание с водорослями", "Хаммам и расслабление", "Ароматерапия"}},
    {"barbering",
     barbering,
     kBarberingPalettes,
     {"Классическая мужская стрижка", "Оформление бороды", "Королевское бритьё", "Фейд с мягким переходом"}},
    {"epilation",
     epilation,
     kEpilationPalettes,
     {"Шугаринг с мягкой пастой", "Гладкая кожа надолго", "Восковая депиляция", "Лазерная эпиляция: курс"}},
    {"", plain, kOtherPalettes, {"Работа мастера", "Из портфолио", "Результат процедуры", "До встречи в студии"}},
}};

const Theme& theme_for(std::string_view category) {
    const auto found = std::find_if(kThemes.begin(), kThemes.end(), [&](const Theme& t) { return t.slug == category; });
    return found != kThemes.end() ? *found : kThemes.back();  // the last is for any other category
}

// `salt` keeps the pictures of one kind (portfolio, posts) apart from those of another.
std::string picture(const Frame& frame, std::string_view category, int master, int photo, std::uint64_t salt) {
    const Theme& theme = theme_for(category);
    // FNV-1a of the slug: std::hash may differ between standard libraries, the pictures must not.
    std::uint64_t seed = 0xcbf29ce484222325ull;
    for (const char c : category) seed = (seed ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
    Rng rng(seed ^ (std::uint64_t(master) << 24) ^ (std::uint64_t(photo) << 4) ^ (salt << 40));
    // A master keeps one palette, so their photos look like one portfolio.
    const Palette& p = theme.palettes[std::size_t(master) % theme.palettes.size()];
    const double light_x = kW * rng.in(0.2, 0.8), degrees = rng.in(20, 70);
    Canvas canvas(frame, backdrop(frame, p.from, p.to, degrees, light_x, kH * 0.15, 0.45));
    theme.draw(canvas, rng, p, photo);
    return canvas.jpeg(static_cast<int>(rng.next() * 1e9));
}

}  // namespace

std::string portfolio_photo(std::string_view category, int master, int photo) {
    return picture(Frame{}, category, master, photo, 0);
}

std::string post_photo(std::string_view category, int master, int post, int photo) {
    // Layouts 4 and up: the portfolio uses 0..3, so a post does not repeat a portfolio picture.
    return picture(Frame{kPostPhotoWidth, kPostPhotoHeight}, category, master, 4 + post * 3 + photo, 0x9057);
}

std::string portfolio_caption(std::string_view category, int master, int photo) {
    // Odd and even photos differ in kind (lashes or brows, glitter or none): so do the captions.
    const auto& captions = theme_for(category).captions;
    return std::string(captions[std::size_t(photo + 2 * master) % captions.size()]);
}

}  // namespace service::demo
