#include "infra/jobs/metrics.hpp"

#include <cstdio>

#include "core/metrics.hpp"

namespace service::infra::jobs {

void JobMetrics::Histogram::observe(double seconds) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) ++buckets[i];
    }
    ++count;
    sum += seconds;
}

void JobMetrics::started(std::string_view kind, double waited) {
    std::lock_guard lock(mutex_);
    latency_[std::string(kind)].observe(waited);
}

void JobMetrics::finished(std::string_view kind, double seconds, bool failed) {
    std::lock_guard lock(mutex_);
    run_time_[std::string(kind)].observe(seconds);
    auto& counter = failed ? failures_[std::string(kind)] : completed_[std::string(kind)];
    ++counter;
}

void JobMetrics::set_depth(const std::vector<DepthRow>& rows) {
    std::lock_guard lock(mutex_);
    for (auto& [key, count] : depth_) count = 0;
    for (const auto& row : rows) depth_[{row.kind, row.state}] = row.count;
}

namespace {

// name{labels} value
void sample(std::string& out, std::string_view name, std::string_view labels, std::string_view value) {
    out.append(name).append("{").append(labels).append("} ").append(value).append("\n");
}

}  // namespace

void JobMetrics::render_histogram(std::string& out, std::string_view name, std::string_view help,
                                  const std::map<std::string, Histogram>& by_kind) {
    out.append("# HELP ").append(name).append(" ").append(help).append("\n");
    out.append("# TYPE ").append(name).append(" histogram\n");
    const std::string bucket = std::string(name) + "_bucket";
    const std::string sum = std::string(name) + "_sum";
    const std::string count = std::string(name) + "_count";
    char number[64];
    for (const auto& [kind, h] : by_kind) {
        const std::string labels = "kind=\"" + core::prometheus_label(kind) + "\"";
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            std::snprintf(number, sizeof number, "%g", kBuckets[i]);
            std::string le = labels;
            le.append(",le=\"").append(number).append("\"");
            sample(out, bucket, le, std::to_string(h.buckets[i]));
        }
        sample(out, bucket, labels + ",le=\"+Inf\"", std::to_string(h.count));
        std::snprintf(number, sizeof number, "%.6f", h.sum);
        sample(out, sum, labels, number);
        sample(out, count, labels, std::to_string(h.count));
    }
}

void JobMetrics::render(std::string& out) const {
    std::lock_guard lock(mutex_);
    out += "# HELP jobs_depth Jobs by kind and state (completed ones not counted), as of the last count.\n";
    out += "# TYPE jobs_depth gauge\n";
    for (const auto& [key, count] : depth_) {
        out += "jobs_depth{kind=\"" + core::prometheus_label(key.first) + "\",state=\"" +
               core::prometheus_label(key.second) + "\"} " + std::to_string(count) + "\n";
    }
    render_histogram(out, "jobs_enqueue_to_start_seconds",
                     "Time from when a job could first run to the start of its first attempt, on this node.", latency_);
    render_histogram(out, "jobs_run_seconds", "Time an attempt's handler ran, on this node.", run_time_);
    out += "# HELP jobs_failures_total Attempts whose handler threw, on this node.\n";
    out += "# TYPE jobs_failures_total counter\n";
    for (const auto& [kind, n] : failures_) {
        out += "jobs_failures_total{kind=\"" + core::prometheus_label(kind) + "\"} " + std::to_string(n) + "\n";
    }
    out += "# HELP jobs_completed_total Attempts that completed their job, on this node.\n";
    out += "# TYPE jobs_completed_total counter\n";
    for (const auto& [kind, n] : completed_) {
        out += "jobs_completed_total{kind=\"" + core::prometheus_label(kind) + "\"} " + std::to_string(n) + "\n";
    }
}

}  // namespace service::infra::jobs
