// The seller-health command-line tool: reads report files, prints the result (output.md).
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/format.h"
#include "cli/read_file.h"
#include "core/engine/policy.h"
#include "core/session.h"

namespace {

constexpr int kExitUsage = 3;

const char* kUsage =
    "usage: seller-health [--as-of YYYY-MM-DD] [--policy amazon|amazon.us|amazon.de|...]\n"
    "                     [--date-order dmy|mdy] [--format text|json|markdown]\n"
    "                     [--account-health-rating 0..1000]\n"
    "                     [--feedback-totals 30d=N,90d=N,365d=N,lifetime=N] FILE...\n"
    "Reads Amazon Seller Central reports (and Seller Health templates) and prints every\n"
    "account-health metric against its target.\n"
    "Exit status: 0 all good or no data, 1 a warning, 2 a metric failing, 3 usage error,\n"
    "no readable input, or the result could not be written.\n"
    "An argument after -- is a FILE even if it starts with '-'.\n"
    "--account-health-rating and --feedback-totals take figures read off Seller Central that\n"
    "no report carries: the rating, and the count of every feedback rating per window (the\n"
    "Feedback Manager export holds only 1-3 star feedback, so the positive share needs them).\n";

struct Args {
    sh::Options options;
    std::string format = "text";
    std::vector<std::string> files;
};

bool parse_args(int argc, char** argv, Args& args, std::string& error) {
    bool options_done = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&](const char* flag) -> const char* {
            const size_t n = std::strlen(flag);
            if (arg.size() > n && arg.compare(0, n, flag) == 0 && arg[n] == '=') return argv[i] + n + 1;
            if (arg == flag) {
                if (i + 1 < argc) return argv[++i];
                error = std::string(flag) + " needs a value";
            }
            return nullptr;
        };
        if (!options_done && (arg == "-h" || arg == "--help")) {
            std::fputs(kUsage, stdout);
            std::exit(0);
        } else if (arg == "--" && !options_done) {
            options_done = true;  // every argument after it is a FILE, even "--x.txt"
        } else if (options_done) {
            args.files.push_back(arg);
        } else if (const char* v = value("--as-of")) {
            const auto day = sh::parse_as_of(v);
            if (!day) return error = std::string("--as-of takes a day YYYY-MM-DD from 2000 to 2099, not '") + v + "'", false;
            args.options.as_of = *day;
        } else if (const char* p = value("--policy")) {
            args.options.policy = p;
            error = sh::unknown_policy_error(p);
            if (!error.empty()) return false;
        } else if (const char* o = value("--date-order")) {
            const std::string order = o;
            if (order == "dmy") args.options.date_order = sh::DateOrder::dmy;
            else if (order == "mdy") args.options.date_order = sh::DateOrder::mdy;
            else return error = "--date-order takes dmy or mdy, not '" + order + "'", false;
        } else if (const char* r = value("--account-health-rating")) {
            // "" would clear the figure (the page's field): on the command line it is a slip.
            if (!*r) return error = "--account-health-rating takes a whole number from 0 to 1000, not ''", false;
            if (!sh::parse_account_health_rating(r, args.options.account_health_rating, error)) return false;
        } else if (const char* t = value("--feedback-totals")) {
            if (!*t) return error = "--feedback-totals takes WINDOW=COUNT pairs (e.g. 30d=120,lifetime=5230), not ''", false;
            if (!sh::parse_feedback_totals(t, args.options.feedback_totals, error)) return false;
        } else if (const char* f = value("--format")) {
            args.format = f;
            if (args.format != "text" && args.format != "json" && args.format != "markdown")
                return error = "--format takes text, json or markdown, not '" + args.format + "'", false;
        } else if (!error.empty()) {
            return false;
        } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
            return error = "unknown option '" + arg + "'", false;
        } else {
            args.files.push_back(arg);
        }
    }
    if (args.files.empty()) return error = "no report files given", false;
    return true;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
    // Blocks of 1 MB and more (the read buffer, records, the result tree) are mapped and
    // unmapped on their own: glibc's default raises this threshold after the first such free,
    // and later large blocks then stay resident in the heap after they are freed (issue 9:
    // peak memory).
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
    Args args;
    std::string error;
    if (!parse_args(argc, argv, args, error)) {
        std::fprintf(stderr, "seller-health: %s\n%s", error.c_str(), kUsage);
        return kExitUsage;
    }
    auto session = std::make_unique<sh::Session>();
    session->set_options(args.options);
    bool any_readable = false;
    const std::vector<int> open_errors = sh::cli::read_files_into(*session, args.files);
    size_t added = 0;  // the session holds the files that opened, in the order given
    for (size_t i = 0; i < args.files.size(); ++i) {
        const std::string& path = args.files[i];
        if (open_errors[i]) {
            std::fprintf(stderr, "%s: cannot open: %s\n", path.c_str(), std::strerror(open_errors[i]));
            continue;
        }
        const sh::InputInfo& info = session->files()[added++].info;
        if (!info.ok()) std::fprintf(stderr, "%s: %s\n", path.c_str(), info.error.c_str());
        for (const sh::Problem& p : info.problems)
            std::fprintf(stderr, "%s:%u: %s%s%s\n", path.c_str(), p.line, p.column.c_str(),
                         p.column.empty() ? "" : ": ", p.message.c_str());
        if (info.skipped > info.problems.size())
            std::fprintf(stderr, "%s: %llu more rows skipped\n", path.c_str(),
                         static_cast<unsigned long long>(info.skipped - info.problems.size()));
        any_readable = any_readable || info.ok();
    }
    // The result outlives the session: the files' records (24 bytes per order and more) are
    // freed before the output is built, the peak of a run (issue 9).
    const sh::Result result = session->take_result();
    session.reset();
    if (args.format == "json") {
        sh::cli::write_result_json(result, stdout);
    } else {
        std::cout << sh::cli::format_result(result, args.format);
        std::cout.flush();
    }
    // A result that did not reach its reader (a full disk, a closed pipe) is no "all good".
    if (std::fflush(stdout) != 0 || std::ferror(stdout) || !std::cout) {
        std::fprintf(stderr, "seller-health: cannot write the result: %s\n", std::strerror(errno ? errno : EIO));
        return kExitUsage;
    }
    if (!any_readable) return kExitUsage;
    return sh::cli::exit_status(result);
}
