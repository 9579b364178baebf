// The CLI's renderings and exit status (output.md "CLI").
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/format.h"
// The test binary links only the core; the CLI's formatter is compiled in here.
#include "cli/format.h"
#include "test_metrics_fixture.h"

using namespace sh;
using namespace sh::test;

namespace {

// 3 defective orders of 300 (failing), plus a warning-level cancel rate.
const Result& sample(Fixture& f) {
    Records& orders = f.file("amazon.all_orders", "orders.txt");
    for (int i = 1; i <= 300; ++i) orders.orders.push_back(f.order(i, D(2026, 10, 1)));
    Records& claims = f.file("template.claims", "claims.csv");
    for (int i = 1; i <= 3; ++i) {
        Claim c;
        c.order = f.id(i);
        c.claim_day = D(2026, 11, 19);
        claims.claims.push_back(c);
    }
    return f.run(D(2026, 11, 20));
}

}  // namespace

TEST_CASE("cli: exit status follows the worst metric") {
    Result r;
    CHECK(cli::exit_status(r) == 0);
    Metric m;
    m.status = "no_data";
    r.metrics.push_back(m);
    CHECK(cli::exit_status(r) == 0);
    r.metrics.back().status = "good";
    CHECK(cli::exit_status(r) == 0);
    m.status = "warning";
    r.metrics.push_back(m);
    CHECK(cli::exit_status(r) == 1);
    m.status = "failing";
    r.metrics.push_back(m);
    CHECK(cli::exit_status(r) == 2);
}

TEST_CASE("cli: json is exactly the result object") {
    Fixture f;
    const Result& r = sample(f);
    const std::string text = cli::format_result(r, "json");
    const nlohmann::json j = nlohmann::json::parse(text);
    CHECK(j["tool"] == "seller-health");
    CHECK(j["as_of"] == "2026-11-20");
    CHECK(j["policy"] == "amazon");
    const nlohmann::json& odr = j["metrics"][0];
    CHECK(odr["id"] == "odr");
    CHECK(odr["scope"] == "mfn");
    CHECK(odr["source"] == "computed");
    CHECK(odr["numerator"] == 3);
    CHECK(odr["denominator"] == 300);
    CHECK(odr["status"] == "failing");
    CHECK(odr["window"]["from"] == "2026-09-08");
    CHECK(odr["window"]["to"] == "2026-11-06");
    CHECK(odr["headroom"].is_null());
    CHECK(odr["needed_to_recover"] == 1);
    CHECK(odr["components"]["a_to_z_claims"] == 3);
    CHECK(odr["items"][0]["drops_out_on"] == "2026-12-14");
    CHECK(odr["item_count"] == 3);
    CHECK(j["actions"][0]["priority"] == 1);
    CHECK(j["actions"][0]["metric"] == "odr");
    CHECK(cli::exit_status(r) == 2);
}

TEST_CASE("cli: text is an aligned table with status words and windows") {
    Fixture f;
    const std::string text = cli::format_result(sample(f), "text");
    CHECK(text.find("as of 2026-11-20") != std::string::npos);
    CHECK(text.find("FAILING") != std::string::npos);
    CHECK(text.find("2026-09-08 .. 2026-11-06") != std::string::npos);
    CHECK(text.find("3 / 300") != std::string::npos);
    // every table row puts the Status column at the same offset
    const size_t header = text.find("Metric");
    REQUIRE(header != std::string::npos);
    const size_t line_start = text.rfind('\n', header) + 1;
    const size_t status_col = text.find("Status", header) - line_start;
    const size_t row = text.find("\nodr ", header) + 1;
    CHECK(text.compare(row + status_col, 7, "FAILING") == 0);
    CHECK(text.find("Respond to the A-to-z claim on order 113-0000000-0000001 before 2026-11-22") != std::string::npos);
}

TEST_CASE("cli: markdown is a table a seller can paste into a ticket") {
    Fixture f;
    const std::string md = cli::format_result(sample(f), "markdown");
    CHECK(md.rfind("## Seller account health as of 2026-11-20", 0) == 0);
    CHECK(md.find("| Metric | Scope |") != std::string::npos);
    CHECK(md.find("| odr | mfn | computed | 1.00 % | < 1.00 % | **FAILING** | 3 / 300 | 2026-09-08 .. 2026-11-06 |") !=
          std::string::npos);
    CHECK(md.find("### Next steps") != std::string::npos);
}

TEST_CASE("cli: show sample text" * doctest::skip()) {
    Fixture f;
    const Result& r = sample(f);
    std::fputs(cli::format_result(r, "text").c_str(), stdout);
    std::fputs(cli::format_result(r, "markdown").c_str(), stdout);
}
