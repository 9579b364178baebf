// The template download buttons (src/app/templates.h, reports.md "Our templates"): a file made
// from each downloaded header plus a row is read back by the core as that template, and the
// feedback template has the six English columns of amazon.feedback plus `removed`.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "app/templates.h"
#include "test_ingest_support.h"

using namespace sh;

namespace {

std::vector<std::string> split(const std::string& text, const std::string& separator) {
    std::vector<std::string> out;
    size_t from = 0;
    for (size_t at; (at = text.find(separator, from)) != std::string::npos; from = at + separator.size())
        if (at > from) out.push_back(text.substr(from, at - from));
    if (from < text.size()) out.push_back(text.substr(from));
    return out;
}

// The English feedback header of reports.md ("- EN: `Date  Rating  ...`"), first names of
// alternatives ("Your Response|Response" -> "Your Response").
std::vector<std::string> spec_feedback_columns() {
    std::ifstream in(std::string(SH_SHARED_DIR) + "/spec/reports.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string spec = text.str();
    const size_t at = spec.find("- EN: `");
    REQUIRE(at != std::string::npos);
    const size_t open = at + 7, close = spec.find('`', open);
    std::vector<std::string> out;
    for (std::string column : split(spec.substr(open, close - open), "  ")) {
        while (!column.empty() && column.front() == ' ') column.erase(column.begin());
        out.push_back(column.substr(0, column.find('|')));
    }
    return out;
}

}  // namespace

TEST_CASE("templates: shipments, claims, messages and feedback are offered") {
    std::vector<std::string> files;
    for (const app::CsvTemplate& t : app::kCsvTemplates) files.push_back(t.file_name);
    CHECK(files == std::vector<std::string>{"shipments-template.csv", "claims-template.csv", "messages-template.csv",
                                            "feedback-template.csv"});
}

TEST_CASE("templates: the feedback template is amazon.feedback's six English columns plus removed") {
    std::vector<std::string> expected = spec_feedback_columns();
    REQUIRE(expected.size() == 6);
    expected.push_back("removed");
    const std::string header = app::kCsvTemplates[3].header;
    CHECK(split(header.substr(0, header.size() - 1), ",") == expected);
}

TEST_CASE("templates: each downloaded header plus a row is read back as its template") {
    // A plausible row for each template (reports.md's columns, in the header's order).
    const std::map<std::string, std::string> rows = {
        {"shipments-template.csv",
         "113-0000000-0000001,2026-11-01,2026-11-03,2026-11-02,UPS,1Z0000000000000001,yes,2026-11-06,2026-11-05,1,Toys\n"},
        {"claims-template.csv", "113-0000000-0000001,2026-11-01,2026-11-10,a-to-z,open,no,\n"},
        {"messages-template.csv", "m1,2026-11-01T10:00:00+00:00,2026-11-01T12:00:00+00:00,no\n"},
        {"feedback-template.csv", "2026-11-02,5,\"Great, fast\",,113-0000000-0000001,,no\n"},
    };
    for (const app::CsvTemplate& t : app::kCsvTemplates) {
        const std::string file = t.file_name;
        CAPTURE(file);
        const std::string kind = "template." + file.substr(0, file.find("-template.csv"));
        const LoadedFile f = test::read_text(std::string(t.header) + rows.at(file), file);
        REQUIRE(f.info.ok());
        CHECK(f.info.kind == kind);
        CHECK(f.info.rows == 1);
        CHECK(f.info.skipped == 0);
        CHECK(f.info.problems.empty());
    }
}
