#pragma once
#include <array>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

/// The queue's Prometheus series on this node. Workers record into it from any thread; /metrics
/// renders it (Runner::register_metrics). Depth comes from a count query the runner repeats
/// every few seconds, not from each scrape.
namespace service::infra::jobs {

struct DepthRow {
    std::string kind;
    std::string state;
    long long count = 0;
};

class JobMetrics {
  public:
    static constexpr std::array<double, 16> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,  0.25,
                                                     0.5,   1.0,    2.5,   5.0,  10.0,  30.0, 60.0, 300.0};

    /// A first attempt started `waited` seconds after the job could first run.
    void started(std::string_view kind, double waited);
    /// An attempt ended after `seconds`; `failed` when its handler threw.
    void finished(std::string_view kind, double seconds, bool failed);
    /// The latest depth counts; a kind and state seen before but missing now is reported as 0.
    void set_depth(const std::vector<DepthRow>& rows);
    /// Appends the series in the text exposition format 0.0.4.
    void render(std::string& out) const;

  private:
    struct Histogram {
        std::array<unsigned long long, kBuckets.size()> buckets{};
        unsigned long long count = 0;
        double sum = 0;
        void observe(double seconds);
    };
    static void render_histogram(std::string& out, std::string_view name, std::string_view help,
                                 const std::map<std::string, Histogram>& by_kind);

    mutable std::mutex mutex_;
    std::map<std::string, Histogram> latency_;
    std::map<std::string, Histogram> run_time_;
    std::map<std::string, unsigned long long> failures_;
    std::map<std::string, unsigned long long> completed_;
    std::map<std::pair<std::string, std::string>, long long> depth_;
};

}  // namespace service::infra::jobs
