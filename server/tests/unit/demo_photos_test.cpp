// The demo masters' portfolio and post photos: JPEGs of the intended size that libvips reads
// back, the same for the same arguments, and visibly different between categories and between
// photos; and the posts' texts.
#include "app/demo_photos.hpp"

#include <array>
#include <cmath>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <vips/vips.h>

#include "app/demo_texts.hpp"
#include "infra/images/image_pipeline.hpp"

namespace demo = service::demo;
namespace images = service::infra::images;

namespace {

struct ImageUnref {
    void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, ImageUnref>;

struct Decoded {
    int width = 0;
    int height = 0;
    int bands = 0;
    std::array<double, 3> mean{};  // per band, 0..255
};

Decoded decode(const std::string& jpeg) {
    Image image(vips_image_new_from_buffer(jpeg.data(), jpeg.size(), "", nullptr));
    if (!image) throw std::runtime_error("libvips cannot read the photo");
    Decoded d{vips_image_get_width(image.get()), vips_image_get_height(image.get()), vips_image_get_bands(image.get())};
    for (int band = 0; band < std::min(3, d.bands); ++band) {
        VipsImage* raw = nullptr;
        if (vips_extract_band(image.get(), &raw, band, nullptr) != 0) throw std::runtime_error("extract_band");
        const Image one(raw);
        if (vips_avg(one.get(), &d.mean[std::size_t(band)], nullptr) != 0) throw std::runtime_error("avg");
    }
    return d;
}

double distance(const Decoded& a, const Decoded& b) {
    return std::hypot(a.mean[0] - b.mean[0], a.mean[1] - b.mean[1], a.mean[2] - b.mean[2]);
}

const std::vector<std::string> kCategories{"nails",       "hair", "brows-lashes", "makeup",    "massage",
                                           "cosmetology", "spa",  "barbering",    "epilation", "tattoo-piercing"};

class DemoPhotos : public ::testing::Test {
  protected:
    static void SetUpTestSuite() { images::init(); }
};

}  // namespace

TEST_F(DemoPhotos, AreJpegsOfTheIntendedSizeForEveryCategory) {
    for (const auto& category : kCategories) {
        const auto jpeg = demo::portfolio_photo(category, 7, 1);
        const std::span<const unsigned char> head(reinterpret_cast<const unsigned char*>(jpeg.data()),
                                                  std::min<std::size_t>(jpeg.size(), 32));
        EXPECT_EQ(images::sniff(head), images::ImageType::kJpeg) << category;
        const auto d = decode(jpeg);
        EXPECT_EQ(d.width, demo::kPhotoWidth) << category;
        EXPECT_EQ(d.height, demo::kPhotoHeight) << category;
        EXPECT_EQ(d.bands, 3) << category;
        EXPECT_EQ(d.width * 5, d.height * 4) << category;  // portrait 4:5
        EXPECT_FALSE(demo::portfolio_caption(category, 7, 1).empty()) << category;
    }
}

TEST_F(DemoPhotos, TheSameArgumentsGiveTheSamePicture) {
    EXPECT_EQ(demo::portfolio_photo("makeup", 3, 2), demo::portfolio_photo("makeup", 3, 2));
}

TEST_F(DemoPhotos, DifferBetweenCategories) {
    std::vector<Decoded> decoded;
    for (const auto& category : kCategories) decoded.push_back(decode(demo::portfolio_photo(category, 4, 0)));
    for (std::size_t i = 0; i < decoded.size(); ++i) {
        for (std::size_t j = i + 1; j < decoded.size(); ++j) {
            EXPECT_GT(distance(decoded[i], decoded[j]), 2.0) << kCategories[i] << " vs " << kCategories[j];
        }
    }
}

TEST_F(DemoPhotos, DifferBetweenPhotosAndMasters) {
    // One master's photos share a palette, so the layouts must tell them apart.
    std::vector<std::string> photos;
    for (int photo = 0; photo < 4; ++photo) photos.push_back(demo::portfolio_photo("nails", 5, photo));
    photos.push_back(demo::portfolio_photo("nails", 6, 0));
    for (std::size_t i = 0; i < photos.size(); ++i) {
        for (std::size_t j = i + 1; j < photos.size(); ++j) {
            EXPECT_NE(photos[i], photos[j]) << i << " vs " << j;
            EXPECT_GT(distance(decode(photos[i]), decode(photos[j])), 0.3) << i << " vs " << j;
        }
    }
}

TEST_F(DemoPhotos, PostPhotosAreSmallerJpegsForEveryCategory) {
    for (const auto& category : kCategories) {
        const auto jpeg = demo::post_photo(category, 7, 2, 1);
        const auto d = decode(jpeg);
        EXPECT_EQ(d.width, demo::kPostPhotoWidth) << category;
        EXPECT_EQ(d.height, demo::kPostPhotoHeight) << category;
        EXPECT_EQ(d.bands, 3) << category;
        EXPECT_EQ(d.width * 5, d.height * 4) << category;  // portrait 4:5, like the portfolio's
    }
    EXPECT_EQ(demo::post_photo("spa", 3, 1, 0), demo::post_photo("spa", 3, 1, 0));
}

TEST_F(DemoPhotos, PostPhotosDifferFromEachOther) {
    // Every photo of one master's three posts (up to three each) is a picture of its own.
    std::vector<std::string> photos;
    for (int post = 0; post < 3; ++post) {
        for (int photo = 0; photo < 3; ++photo) photos.push_back(demo::post_photo("makeup", 5, post, photo));
    }
    for (std::size_t i = 0; i < photos.size(); ++i) {
        for (std::size_t j = i + 1; j < photos.size(); ++j) EXPECT_NE(photos[i], photos[j]) << i << " vs " << j;
    }
}

TEST(DemoTexts, EveryMastersThreePostsHaveDistinctTextsWithAHashtag) {
    for (const auto& category : kCategories) {
        for (int master = 1; master <= 50; ++master) {
            std::vector<std::string> texts;
            for (int post = 0; post < 3; ++post) {
                texts.push_back(demo::post_text(category, master, post));
                EXPECT_NE(texts.back().find('#'), std::string::npos) << category << " " << master;
                EXPECT_LE(texts.back().size(), 2200u);
            }
            EXPECT_NE(texts[0], texts[1]) << category << " " << master;
            EXPECT_NE(texts[1], texts[2]) << category << " " << master;
            EXPECT_NE(texts[0], texts[2]) << category << " " << master;
        }
    }
}
