// The measuring half of bench/media-bench (see bench/README.md): makes the test photo, runs
// images::process() or ImageMagick's convert on it, and prints one BENCH line of figures.
//
//   media_bench generate OUT.jpg [--width 4000 --height 3000 --orientation 6]
//   media_bench vips    --file F --out DIR [--iterations 20 --jobs 1 --threads 1 --warmup 2]
//   media_bench magick  --file F --out DIR [--iterations 10 --jobs 1 --warmup 1 --jpeg-size WxH]
//
// Each mode is its own process, so VmHWM (the peak RSS) belongs to that run alone.
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <vips/vips.h>

#include "infra/images/image_pipeline.hpp"

namespace images = service::infra::images;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

extern char** environ;

namespace {

struct Options {
    std::map<std::string, std::string> values;

    std::string get(const std::string& key, const std::string& fallback = "") const {
        const auto it = values.find(key);
        return it == values.end() ? fallback : it->second;
    }
    int number(const std::string& key, int fallback) const {
        const std::string text = get(key);
        return text.empty() ? fallback : std::stoi(text);
    }
};

Options parse(int argc, char** argv, int first) {
    Options options;
    for (int i = first; i < argc; i += 2) {
        const std::string key = argv[i];
        if (key.rfind("--", 0) != 0 || i + 1 >= argc) throw std::invalid_argument("expected --name value at " + key);
        options.values[key.substr(2)] = argv[i + 1];
    }
    return options;
}

/// A kB figure ("VmHWM:", "VmRSS:") from /proc/self/status.
long proc_status_kib(const std::string& field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(field, 0) == 0) return std::stol(line.substr(field.size()));
    }
    return -1;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least p% of the samples at or below it.
    const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(p / 100.0 * double(values.size()))));
    return values[std::min(rank, values.size()) - 1];
}

double cpu_seconds(const rusage& usage) {
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double self_cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return cpu_seconds(usage);
}

/// CPU seconds the whole machine has been busy (every process, all cores) since boot, from
/// /proc/stat: the difference over a run, less the run's own CPU, is what else was running.
double machine_busy_seconds() {
    std::ifstream in("/proc/stat");
    std::string cpu;
    double user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    in >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal;
    return (user + nice + system + irq + softirq + steal) / double(sysconf(_SC_CLK_TCK));
}

/// `cpu_s` is the CPU time (user + system, every thread or child) the measured images took:
/// unlike wall time it hardly moves when something else shares the cores.
/// `machine_s` is machine_busy_seconds() over the same time.
void print_bench(const std::string& tool, int jobs, const std::vector<double>& latencies_ms, double wall_s,
                 double cpu_s, double machine_s, long peak_kib, long baseline_kib, long child_peak_kib) {
    const double images = double(latencies_ms.size());
    std::printf(
        "BENCH tool=%s jobs=%d images=%zu wall_s=%.3f ips=%.3f cpu_ms_per_image=%.1f other_cpu_pct=%.0f "
        "p50_ms=%.1f p95_ms=%.1f max_ms=%.1f vmhwm_kib=%ld baseline_kib=%ld child_maxrss_kib=%ld\n",
        tool.c_str(), jobs, latencies_ms.size(), wall_s, images / wall_s, cpu_s * 1000 / images,
        std::max(0.0, machine_s - cpu_s) / wall_s * 100, percentile(latencies_ms, 50), percentile(latencies_ms, 95),
        latencies_ms.empty() ? 0.0 : *std::max_element(latencies_ms.begin(), latencies_ms.end()), peak_kib,
        baseline_kib, child_peak_kib);
}

[[noreturn]] void vips_fail(const std::string& what) { throw std::runtime_error(what + ": " + vips_error_buffer()); }

struct Unref {
    void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

Image step(int status, VipsImage*& out, const char* what) {
    if (status != 0) vips_fail(what);
    return Image(out);
}

/// A photo stand-in: a sky-to-ground gradient, soft large-scale structure and sensor-like
/// noise (flat images would flatter every encoder), stored with an EXIF orientation.
int generate(const fs::path& file, const Options& options) {
    images::init();
    const int width = options.number("width", 4000), height = options.number("height", 3000);
    VipsImage* out = nullptr;
    Image xyz = step(vips_xyz(&out, width, height, nullptr), out, "xyz");
    VipsImage* x_raw = nullptr;
    VipsImage* y_raw = nullptr;
    if (vips_extract_band(xyz.get(), &x_raw, 0, nullptr) != 0 ||
        vips_extract_band(xyz.get(), &y_raw, 1, nullptr) != 0) {
        vips_fail("extract_band");
    }
    Image x(x_raw), y(y_raw);
    // Slow waves in x and y give the encoders edges and texture to work on.
    Image wx = step(vips_linear1(x.get(), &out, 360.0 * 7 / width, 0, nullptr), out, "linear");
    Image sx = step(vips_math(wx.get(), &out, VIPS_OPERATION_MATH_SIN, nullptr), out, "sin");
    Image wy = step(vips_linear1(y.get(), &out, 360.0 * 5 / height, 30, nullptr), out, "linear");
    Image sy = step(vips_math(wy.get(), &out, VIPS_OPERATION_MATH_SIN, nullptr), out, "sin");
    Image wave = step(vips_multiply(sx.get(), sy.get(), &out, nullptr), out, "multiply");
    Image fy = step(vips_linear1(y.get(), &out, 1.0 / height, 0, nullptr), out, "linear");
    const auto channel = [&](double base, double slope, double wave_gain, double sigma) {
        VipsImage* o = nullptr;
        Image ramp = step(vips_linear1(fy.get(), &o, slope, base, nullptr), o, "linear");
        Image w = step(vips_linear1(wave.get(), &o, wave_gain, 0, nullptr), o, "linear");
        Image sum = step(vips_add(ramp.get(), w.get(), &o, nullptr), o, "add");
        Image noise = step(vips_gaussnoise(&o, width, height, "sigma", sigma, "mean", 0.0, nullptr), o, "noise");
        return step(vips_add(sum.get(), noise.get(), &o, nullptr), o, "add");
    };
    Image r = channel(110, 90, 45, 9), g = channel(150, 20, 40, 9), b = channel(220, -140, 35, 10);
    VipsImage* parts[] = {r.get(), g.get(), b.get()};
    Image rgb = step(vips_bandjoin(parts, &out, 3, nullptr), out, "bandjoin");
    Image u8 = step(vips_cast_uchar(rgb.get(), &out, nullptr), out, "cast");
    Image tagged = step(vips_copy(u8.get(), &out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr), out, "copy");
    vips_image_set_int(tagged.get(), VIPS_META_ORIENTATION, options.number("orientation", 6));
    if (vips_jpegsave(tagged.get(), file.c_str(), "Q", 92, nullptr) != 0) vips_fail("jpegsave");
    std::printf("generated %s: %dx%d, %ju bytes\n", file.c_str(), width, height, std::uintmax_t(fs::file_size(file)));
    return 0;
}

int run_vips(const Options& options) {
    const fs::path file = options.get("file");
    const fs::path out = options.get("out");
    const int iterations = options.number("iterations", 20), jobs = options.number("jobs", 1);
    images::init(options.number("threads", 1));
    const long baseline = proc_status_kib("VmRSS:");

    const auto once = [&](const fs::path& dir) {
        const auto start = Clock::now();
        const images::Result result = images::process(file, dir);
        if (!result.ok) throw std::runtime_error("process failed: " + result.detail);
        return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    };
    std::vector<fs::path> dirs;
    for (int j = 0; j < jobs; ++j) {
        dirs.push_back(out / ("job" + std::to_string(j)));
        fs::create_directories(dirs.back());
    }
    for (int i = 0; i < options.number("warmup", 2); ++i) once(dirs[0]);

    std::atomic<int> next{0};
    std::vector<std::vector<double>> per_job(static_cast<std::size_t>(jobs));
    const double cpu_start = self_cpu_seconds();
    const double machine_start = machine_busy_seconds();
    const auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int j = 0; j < jobs; ++j) {
        threads.emplace_back([&, j] {
            while (next.fetch_add(1) < iterations) per_job[std::size_t(j)].push_back(once(dirs[std::size_t(j)]));
        });
    }
    for (auto& t : threads) t.join();
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<double> all;
    for (const auto& v : per_job) all.insert(all.end(), v.begin(), v.end());
    print_bench("vips", jobs, all, wall, self_cpu_seconds() - cpu_start, machine_busy_seconds() - machine_start,
                proc_status_kib("VmHWM:"), baseline, 0);
    return 0;
}

/// ImageMagick doing the same work in one convert per image: orient, strip, 1280 and 640 on
/// the long side (never enlarged), a 160×160 centre crop, each as JPEG and WebP at quality 80.
std::vector<std::string> convert_args(const fs::path& file, const fs::path& dir, const std::string& jpeg_size) {
    std::vector<std::string> args{"convert"};
    if (!jpeg_size.empty()) args.insert(args.end(), {"-define", "jpeg:size=" + jpeg_size});
    const auto o = [&dir](const char* name) { return (dir / name).string(); };
    args.insert(args.end(), {file.string(),  "-auto-orient",  "-strip",        "-quality",       "80",
                             "-interlace",   "Plane",         "-resize",       "1280x1280>",     "-write",
                             o("large.jpg"), "-write",        o("large.webp"), "-resize",        "640x640>",
                             "-write",       o("medium.jpg"), "-write",        o("medium.webp"), "-thumbnail",
                             "160x160^",     "-gravity",      "center",        "-extent",        "160x160",
                             "-write",       o("thumb.jpg"),  o("thumb.webp")});
    return args;
}

int run_magick(const Options& options) {
    const fs::path file = options.get("file");
    const fs::path out = options.get("out");
    const int iterations = options.number("iterations", 10), jobs = options.number("jobs", 1);
    const std::string jpeg_size = options.get("jpeg-size");
    std::vector<fs::path> dirs;
    for (int j = 0; j < jobs; ++j) {
        dirs.push_back(out / ("job" + std::to_string(j)));
        fs::create_directories(dirs.back());
    }

    struct Child {
        Clock::time_point start;
        std::size_t slot;
    };
    std::map<pid_t, Child> running;
    std::vector<bool> busy(std::size_t(jobs), false);
    const auto spawn = [&](std::size_t slot) {
        std::vector<std::string> args = convert_args(file, dirs[slot], jpeg_size);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        pid_t pid = 0;
        if (posix_spawnp(&pid, "convert", nullptr, nullptr, argv.data(), environ) != 0) {
            throw std::runtime_error("cannot start convert (Debian: apt-get install imagemagick)");
        }
        running[pid] = {Clock::now(), slot};
        busy[slot] = true;
    };
    long child_peak = 0;
    double child_cpu = 0;
    // Waits for one child; its rusage has that child's own peak RSS (what /usr/bin/time -v shows).
    const auto reap = [&] {
        int status = 0;
        rusage usage{};
        const pid_t pid = wait4(-1, &status, 0, &usage);
        if (pid < 0) throw std::runtime_error("wait4 failed");
        const Child child = running.at(pid);
        running.erase(pid);
        busy[child.slot] = false;
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error("convert failed");
        child_peak = std::max(child_peak, long(usage.ru_maxrss));
        child_cpu += cpu_seconds(usage);
        return std::chrono::duration<double, std::milli>(Clock::now() - child.start).count();
    };

    for (int i = 0; i < options.number("warmup", 1); ++i) {
        spawn(0);
        reap();
    }
    child_cpu = 0;
    std::vector<double> latencies;
    int started = 0;
    const double machine_start = machine_busy_seconds();
    const auto start = Clock::now();
    while (started < iterations || !running.empty()) {
        while (started < iterations && running.size() < std::size_t(jobs)) {
            spawn(std::size_t(std::find(busy.begin(), busy.end(), false) - busy.begin()));
            ++started;
        }
        latencies.push_back(reap());
    }
    const double wall = std::chrono::duration<double>(Clock::now() - start).count();
    print_bench(jpeg_size.empty() ? "magick" : "magick-jpeg-size", jobs, latencies, wall, child_cpu,
                machine_busy_seconds() - machine_start, 0, 0, child_peak);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::string mode = argc > 1 ? argv[1] : "";
        if (mode == "generate" && argc > 2) return generate(argv[2], parse(argc, argv, 3));
        if (mode == "vips") return run_vips(parse(argc, argv, 2));
        if (mode == "magick") return run_magick(parse(argc, argv, 2));
        std::fprintf(stderr,
                     "usage: media_bench generate OUT.jpg | vips --file F --out DIR | magick --file F --out DIR\n");
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "media_bench: %s\n", e.what());
        return 1;
    }
}
