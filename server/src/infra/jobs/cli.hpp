#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace service::infra::jobs {

/// `service-server jobs list [--state S] [--kind K] [--limit N]`, `jobs retry <id>`,
/// `jobs cancel <id>` against the database at `conninfo`; `args` starts after "jobs".
/// Returns the exit code: 0 done, 1 failed or nothing to act on, 2 usage.
int run_cli(const std::string& conninfo, const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

/// The usage lines of the jobs commands.
std::string cli_usage();

}  // namespace service::infra::jobs
