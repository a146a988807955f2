#pragma once
#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace service::core {

/// Prometheus counters and histograms for HTTP traffic, plus collectors that other parts
/// (DB pool, Redis) register to append their own gauges when /metrics is scraped.
class Metrics {
  public:
    using Collector = std::function<void(std::string& out)>;

    void observe_request(std::string_view method, std::string_view route, unsigned status, double seconds);
    void add_collector(Collector collector);
    /// Text exposition format 0.0.4.
    std::string render() const;

    static constexpr std::array<double, 12> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,   0.25,   0.5,   1.0,  2.5,   5.0};

  private:
    struct Histogram {
        std::array<unsigned long long, kBuckets.size()> buckets{};
        unsigned long long count = 0;
        double sum = 0;
    };
    mutable std::mutex mutex_;
    std::map<std::tuple<std::string, std::string, unsigned>, unsigned long long> requests_;
    std::map<std::pair<std::string, std::string>, Histogram> latency_;
    std::vector<Collector> collectors_;
};

/// Escapes a label value for the exposition format.
std::string prometheus_label(std::string_view value);

}  // namespace service::core
