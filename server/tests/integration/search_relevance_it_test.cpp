// Search relevance over the demo catalogue: every labelled query of
// server/tests/relevance/search_queries.tsv is searched through the API, and success@5 (the
// share of queries whose expected results are all in the top 5) and recall@10 (the mean share
// of expected results in the top 10) must both reach 0.9. Each miss is printed with what came
// back, so a change that makes search worse says where.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "demo_data.hpp"
#include "support/test_env.hpp"

using namespace service;
using namespace service::testing;

namespace {

constexpr double kMinSuccessAt5 = 0.9;
constexpr double kMinRecallAt10 = 0.9;

struct LabelledQuery {
    std::string type;
    std::string q;
    std::vector<std::vector<std::string>> expected;  // each: the names any of which satisfies it
};

std::vector<std::string> split(const std::string& s, const std::string& separator) {
    std::vector<std::string> out;
    std::size_t at = 0;
    for (;;) {
        const auto next = s.find(separator, at);
        out.push_back(s.substr(at, next == std::string::npos ? std::string::npos : next - at));
        if (next == std::string::npos) return out;
        at = next + separator.size();
    }
}

std::vector<LabelledQuery> labelled_queries() {
    std::ifstream in(std::string(SERVICE_SOURCE_DIR) + "/server/tests/relevance/search_queries.tsv");
    std::vector<LabelledQuery> out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto fields = split(line, "\t");
        if (fields.size() != 3) throw std::runtime_error("search_queries.tsv: not three fields: " + line);
        LabelledQuery query{fields[0], fields[1], {}};
        if (fields[2] != "-") {
            for (const auto& one : split(fields[2], " | ")) query.expected.push_back(split(one, " / "));
        }
        out.push_back(std::move(query));
    }
    return out;
}

}  // namespace

TEST(SearchRelevanceIT, LabelledQueriesOverTheDemoCatalogueFindWhatTheyShould) {
    const auto queries = labelled_queries();
    ASSERT_GE(queries.size(), 60u);

    // The demo catalogue alone (masters, services, hours, reviews), without its photos.
    const auto url = fresh_database();
    RunningApp server(test_config({{"DATABASE_URL", url}}));
    ASSERT_TRUE(server.wait_ready());
    exec_sql_at(url, "SET demo.password_hash = 'not-a-login'; " + std::string(demo::kDemoData));

    int succeeded = 0;
    double recall = 0;
    for (const auto& query : queries) {
        const auto res = get(server.port(), "/api/v1/search?limit=10&type=" + query.type + "&q=" + url_encode(query.q));
        ASSERT_EQ(res.status, 200) << query.q << ": " << res.body;
        const auto doc = res.json();
        std::vector<std::string> names;
        for (const auto& item : doc.at("items").as_array()) {
            const auto& o = item.as_object();
            names.emplace_back(o.at(o.contains("name") ? "name" : "display_name").as_string());
        }
        auto within = [&](const std::vector<std::string>& any_of, std::size_t top) {
            for (std::size_t i = 0; i < std::min(top, names.size()); ++i)
                if (std::find(any_of.begin(), any_of.end(), names[i]) != any_of.end()) return true;
            return false;
        };
        bool success = true;
        double found = 0;
        if (query.expected.empty()) {
            success = names.empty();
            found = success ? 1 : 0;
        } else {
            for (const auto& one : query.expected) {
                success = success && within(one, 5);
                found += within(one, 10) ? 1 : 0;
            }
            found /= static_cast<double>(query.expected.size());
        }
        succeeded += success ? 1 : 0;
        recall += found;
        if (!success || found < 1) {
            std::string got;
            for (std::size_t i = 0; i < std::min<std::size_t>(5, names.size()); ++i) got += (i ? " | " : "") + names[i];
            std::printf("relevance miss: [%s] %s -> %s\n", query.type.c_str(), query.q.c_str(), got.c_str());
        }
    }
    const double n = static_cast<double>(queries.size());
    const double success_at_5 = succeeded / n;
    const double recall_at_10 = recall / n;
    std::printf("search relevance: %zu queries, success@5 %.3f, recall@10 %.3f\n", queries.size(), success_at_5,
                recall_at_10);
    EXPECT_GE(success_at_5, kMinSuccessAt5);
    EXPECT_GE(recall_at_10, kMinRecallAt10);
}
