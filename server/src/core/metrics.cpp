#include "core/metrics.hpp"

#include <cstdio>

namespace service::core {

std::string prometheus_label(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\' || c == '"') {
            out.push_back('\\');
            out.push_back(c);
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out.push_back(c);
        }
    }
    return out;
}

void Metrics::observe_request(std::string_view method, std::string_view route, unsigned status, double seconds) {
    std::lock_guard lock(mutex_);
    ++requests_[{std::string(method), std::string(route), status}];
    auto& h = latency_[{std::string(method), std::string(route)}];
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) ++h.buckets[i];
    }
    ++h.count;
    h.sum += seconds;
}

void Metrics::add_collector(Collector collector) {
    std::lock_guard lock(mutex_);
    collectors_.push_back(std::move(collector));
}

std::string Metrics::render() const {
    std::string out;
    char number[64];
    std::vector<Collector> collectors;
    {
        std::lock_guard lock(mutex_);
        out += "# HELP http_requests_total HTTP requests by method, route and status.\n";
        out += "# TYPE http_requests_total counter\n";
        for (const auto& [key, count] : requests_) {
            const auto& [method, route, status] = key;
            out += "http_requests_total{method=\"" + prometheus_label(method) + "\",route=\"" +
                   prometheus_label(route) + "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) +
                   "\n";
        }
        out += "# HELP http_request_duration_seconds Time from request received to response ready.\n";
        out += "# TYPE http_request_duration_seconds histogram\n";
        for (const auto& [key, h] : latency_) {
            const std::string labels =
                "method=\"" + prometheus_label(key.first) + "\",route=\"" + prometheus_label(key.second) + "\"";
            for (std::size_t i = 0; i < kBuckets.size(); ++i) {
                std::snprintf(number, sizeof number, "%g", kBuckets[i]);
                out += "http_request_duration_seconds_bucket{" + labels + ",le=\"" + number + "\"} " +
                       std::to_string(h.buckets[i]) + "\n";
            }
            out += "http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(h.count) + "\n";
            std::snprintf(number, sizeof number, "%.6f", h.sum);
            out += "http_request_duration_seconds_sum{" + labels + "} " + number + "\n";
            out += "http_request_duration_seconds_count{" + labels + "} " + std::to_string(h.count) + "\n";
        }
        collectors = collectors_;
    }
    for (const auto& collect : collectors) collect(out);
    return out;
}

}  // namespace service::core
