#include "infra/images/blurhash.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace service::infra::images {
namespace {

// BlurHash (the published algorithm by Wolt): a DCT of the image in linear light, the DC term
// as 24-bit sRGB and each AC term quantised to 19 levels per channel, in base 83.
constexpr std::string_view kBase83 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

void append_base83(std::string& out, long value, int digits) {
    for (int i = digits - 1; i >= 0; --i) {
        long divisor = 1;
        for (int k = 0; k < i; ++k) divisor *= 83;
        out.push_back(kBase83[static_cast<std::size_t>((value / divisor) % 83)]);
    }
}

double srgb_to_linear(unsigned char value) {
    const double v = value / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

long linear_to_srgb(double value) {
    const double v = std::clamp(value, 0.0, 1.0);
    const double s = v <= 0.0031308 ? v * 12.92 : 1.055 * std::pow(v, 1 / 2.4) - 0.055;
    return std::lround(s * 255);
}

double signed_pow(double value, double exponent) { return std::copysign(std::pow(std::abs(value), exponent), value); }

}  // namespace

std::string blurhash(std::span<const unsigned char> pixels, int width, int height, int x_components, int y_components) {
    if (x_components < 1 || x_components > 9 || y_components < 1 || y_components > 9 || width < 1 || height < 1 ||
        pixels.size() < std::size_t(width) * std::size_t(height) * 3) {
        throw std::invalid_argument("blurhash: bad size or component count");
    }
    std::vector<double> linear(std::size_t(width) * std::size_t(height) * 3);
    for (std::size_t i = 0; i < linear.size(); ++i) linear[i] = srgb_to_linear(pixels[i]);

    struct Factor {
        double r, g, b;
    };
    std::vector<Factor> factors;
    for (int j = 0; j < y_components; ++j) {
        for (int i = 0; i < x_components; ++i) {
            Factor f{0, 0, 0};
            for (int y = 0; y < height; ++y) {
                const double by = std::cos(std::numbers::pi * j * y / height);
                for (int x = 0; x < width; ++x) {
                    const double basis = by * std::cos(std::numbers::pi * i * x / width);
                    const double* p = &linear[(std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3];
                    f.r += basis * p[0];
                    f.g += basis * p[1];
                    f.b += basis * p[2];
                }
            }
            const double scale = (i == 0 && j == 0 ? 1.0 : 2.0) / (double(width) * double(height));
            factors.push_back({f.r * scale, f.g * scale, f.b * scale});
        }
    }

    std::string hash;
    append_base83(hash, (x_components - 1) + (y_components - 1) * 9, 1);
    double maximum = 1;
    if (factors.size() > 1) {
        double actual = 0;
        for (std::size_t k = 1; k < factors.size(); ++k) {
            actual = std::max({actual, std::abs(factors[k].r), std::abs(factors[k].g), std::abs(factors[k].b)});
        }
        const long quantised = std::clamp(static_cast<long>(std::floor(actual * 166 - 0.5)), 0L, 82L);
        maximum = static_cast<double>(quantised + 1) / 166.0;
        append_base83(hash, quantised, 1);
    } else {
        append_base83(hash, 0, 1);
    }
    const Factor& dc = factors[0];
    append_base83(hash, (linear_to_srgb(dc.r) << 16) + (linear_to_srgb(dc.g) << 8) + linear_to_srgb(dc.b), 4);
    const auto quantise = [maximum](double v) {
        return std::clamp(static_cast<long>(std::floor(signed_pow(v / maximum, 0.5) * 9 + 9.5)), 0L, 18L);
    };
    for (std::size_t k = 1; k < factors.size(); ++k) {
        append_base83(hash, quantise(factors[k].r) * 19 * 19 + quantise(factors[k].g) * 19 + quantise(factors[k].b), 2);
    }
    return hash;
}

}  // namespace service::infra::images
