#include "infra/jobs/cli.hpp"

#include <charconv>
#include <ostream>

#include <boost/asio/use_future.hpp>

#include "db/pool.hpp"
#include "infra/jobs/queue.hpp"

namespace service::infra::jobs {
namespace {

struct Output {
    int code = 0;
    std::string out;
    std::string err;
};

std::optional<std::int64_t> parse_id(const std::string& text) {
    std::int64_t id = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || ptr != text.data() + text.size() || id <= 0) return std::nullopt;
    return id;
}

// One line of a cell: newlines and tabs become spaces, long text ends in "…".
std::string cell(std::string_view text, std::size_t width) {
    std::string out;
    for (const char c : text) out.push_back(c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
    if (out.size() > width) {
        out.resize(width - 3);
        // Do not cut a UTF-8 sequence in half.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
        out += "...";
    }
    return out;
}

void column(std::string& line, std::string_view text, std::size_t width) {
    line += text;
    line.append(text.size() < width ? width - text.size() + 1 : 1, ' ');
}

std::string table(const std::vector<JobInfo>& jobs) {
    std::string out;
    std::string header;
    column(header, "ID", 8);
    column(header, "KIND", 24);
    column(header, "STATE", 9);
    column(header, "ATTEMPT", 7);
    column(header, "RUN_AT", 20);
    column(header, "UNIQUE_KEY", 30);
    column(header, "LOCKED_BY", 14);
    header += "LAST_ERROR\n";
    out += header;
    for (const auto& j : jobs) {
        std::string line;
        column(line, std::to_string(j.id), 8);
        column(line, cell(j.kind, 24), 24);
        column(line, j.state, 9);
        column(line, std::to_string(j.attempt) + "/" + std::to_string(j.max_attempts), 7);
        column(line, j.run_at, 20);
        column(line, cell(j.unique_key.value_or("-"), 30), 30);
        column(line, cell(j.locked_by.value_or("-"), 14), 14);
        line += cell(j.last_error.value_or("-"), 100);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

net::awaitable<Output> run(std::string conninfo, std::vector<std::string> args) {
    Output result;
    // Named first: a co_await among the arguments of a braced temporary breaks under GCC 12.
    const auto executor = co_await net::this_coro::executor;
    db::PoolOptions options;
    options.conninfo = conninfo;
    options.max_size = 1;
    db::Pool pool(executor, options);
    pool.set_ready(true);
    const std::string command = args.at(0);
    if (command == "list") {
        ListFilter filter;
        for (std::size_t i = 1; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                result = {2, "", "missing a value for " + args[i] + "\n" + cli_usage()};
                co_return result;
            }
            if (args[i] == "--state") {
                if (!is_state(args[i + 1])) {
                    result = {2, "",
                              "unknown state '" + args[i + 1] +
                                  "' (scheduled, available, running, completed, retryable, discarded, cancelled)\n"};
                    co_return result;
                }
                filter.state = args[i + 1];
            } else if (args[i] == "--kind") {
                filter.kind = args[i + 1];
            } else if (args[i] == "--limit") {
                const auto n = parse_id(args[i + 1]);
                if (!n || *n > 10000) {
                    result = {2, "", "--limit must be between 1 and 10000\n"};
                    co_return result;
                }
                filter.limit = static_cast<int>(*n);
            } else {
                result = {2, "", "unknown option " + args[i] + "\n" + cli_usage()};
                co_return result;
            }
        }
        const auto jobs = co_await list(pool, filter);
        result.out = table(jobs);
        co_return result;
    }
    if ((command == "retry" || command == "cancel") && args.size() == 2) {
        const auto id = parse_id(args[1]);
        if (!id) {
            result = {2, "", "not a job id: " + args[1] + "\n"};
            co_return result;
        }
        if (command == "cancel") {
            const bool done = co_await cancel(pool, *id);
            result = done ? Output{0, "job " + args[1] + " cancelled\n", ""}
                          : Output{1, "", "no unfinished job " + args[1] + "\n"};
            co_return result;
        }
        bool done = false;
        bool key_taken = false;
        try {
            done = co_await retry(pool, *id);
        } catch (const db::UniqueViolation&) {
            key_taken = true;
        }
        if (key_taken) {
            result = {1, "", "job " + args[1] + "'s unique key is held by another unfinished job\n"};
        } else if (done) {
            result = {0, "job " + args[1] + " is available again\n", ""};
        } else {
            result = {1, "",
                      "no job " + args[1] + " that can be retried (scheduled, retryable, discarded or cancelled)\n"};
        }
        co_return result;
    }
    result = {2, "", cli_usage()};
    co_return result;
}

}  // namespace

std::string cli_usage() {
    return "usage: service-server jobs list [--state S] [--kind K] [--limit N]\n"
           "       service-server jobs retry <id>\n"
           "       service-server jobs cancel <id>\n";
}

int run_cli(const std::string& conninfo, const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {
        err << cli_usage();
        return 2;
    }
    net::io_context ioc;
    auto done = net::co_spawn(ioc, run(conninfo, args), net::use_future);
    ioc.run();
    try {
        const auto result = done.get();
        out << result.out;
        err << result.err;
        return result.code;
    } catch (const std::exception& e) {
        err << "jobs " << args[0] << " failed: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace service::infra::jobs
