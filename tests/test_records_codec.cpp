// The loaded-file codec (records_codec.h): every record kind and field survives a round trip,
// interned order ids land in the decoder's pool, and a bad buffer is an error, never a crash.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <string>

#include "core/feedback/analyse.h"
#include "core/ingest/reader.h"
#include "core/records_codec.h"
#include "core/result_json.h"
#include "core/session.h"

using namespace sh;

namespace {

// Streams `text` into `session` as one file, as the page's own loop does.
void stream_file(Session& session, const std::string& name, const std::string& text) {
    session.begin_file(name, text.size());
    session.feed(reinterpret_cast<const uint8_t*>(text.data()), text.size());
    session.finish_file();
}

// One of every record kind with no field left at its default.
LoadedFile every_kind(OrderIdPool& ids) {
    LoadedFile f;
    InputInfo& in = f.info;
    in.name = "mixed.txt";
    in.kind = "amazon.all_orders";
    in.encoding = "utf-16le";
    in.marketplace = "Amazon.de";
    in.bytes = 5000000000ull;  // > 4 GB: the 64-bit fields stay 64-bit
    in.rows = 123456789012ull;
    in.skipped = 7;
    in.problems = {{12, "purchase-date", "not a date: '2026-13-01'"}, {0, "", "whole file"}};
    in.notes = {"dates are D/M/YY or M/D/YY: choose the order", "second note"};

    Records& r = f.records;
    r.marketplaces = {"", "Amazon.de", "Amazon.fr"};
    r.categories = {"", "Toys", "Grocery"};
    r.date_order_from_header = DateOrder::dmy;
    r.date_order_from_values = DateOrder::mdy;

    Order o;
    o.key = ids.key("113-1234567-7654321");
    o.day = Day{20400};
    o.last_updated = Day{20402};
    o.channel = Channel::afn;
    o.cancelled = true;
    o.buyer_requested_cancel = Tri::yes;
    o.marketplace = 2;
    o.units = 40000;
    r.orders.push_back(o);
    o.key = ids.key("ORDER-interned-1");
    o.channel = Channel::mfn;
    o.buyer_requested_cancel = Tri::no;
    o.marketplace = 1;
    r.orders.push_back(o);

    FeedbackEntry fb;
    fb.day.n = 20390;
    fb.short_date = ShortDate{2026, 11, 3};
    fb.needs_date_order = true;
    fb.rating = 2;
    fb.removed = true;
    fb.order = ids.key("ORDER-interned-2");
    fb.comment = "Arrived late, box crushed — 箱が潰れていた";
    fb.response = "Sorry!";
    fb.line = 17;
    r.feedback.push_back(fb);

    Claim c;
    c.order = ids.key("ORDER-interned-1");
    c.order_day.n = 20380;
    c.claim_day.n = 20385;
    c.type = ClaimType::chargeback;
    c.status = ClaimStatus::withdrawn;
    c.amazon_funded = true;
    c.fraud = true;
    c.line = 3;
    r.claims.push_back(c);

    Shipment s;
    s.order = ids.key("114-0000000-0000001");
    s.order_day.n = 1;
    s.expected_ship.n = 2;
    s.ship_confirm.n = 3;
    s.promised_delivery.n = 4;
    s.delivered.n = 5;
    s.has_tracking = true;
    s.tracking_valid = true;
    s.units = 6;
    s.category = 2;
    s.line = 7;
    r.shipments.push_back(s);

    ReturnRequest rr;
    rr.order = ids.key("ORDER-interned-3");
    rr.order_day.n = 10;
    rr.request_day.n = 11;
    rr.status = "Approved";
    rr.in_policy = Tri::no;
    rr.a_to_z_claim = true;
    rr.reason = "Defective";
    rr.quantity = 2;
    rr.line = 9;
    r.returns.push_back(rr);

    FbaReturn fr;
    fr.day.n = 12;
    fr.order = ids.key("115-0000000-0000002");
    fr.sku = "SKU-1";
    fr.reason = "DAMAGED_BY_CARRIER";
    fr.customer_comments = "cracked";
    fr.quantity = 3;
    r.fba_returns.push_back(fr);

    Message m;
    m.id = "msg-1";
    m.received = Timestamp{1700000000, -420, true};
    m.has_response = true;
    m.responded = Timestamp{1700003600, 60, true};
    m.no_response_needed = true;
    m.line = 4;
    r.messages.push_back(m);

    CancellationFlag cf;
    cf.order = ids.key("ORDER-interned-2");
    cf.order_day.n = 13;
    cf.impacts_account_health = false;
    r.cancellations.push_back(cf);

    TrackingRow t;
    t.order = ids.key("116-0000000-0000003");
    t.has_tracking = true;
    t.valid = false;
    t.promised_delivery.n = 14;
    t.category = 1;
    r.tracking.push_back(t);

    ReportedMetric rm;
    rm.id = "odr";
    rm.scope = "mfn";
    rm.marketplace_id = "ATVPDKIKX0DER";
    rm.has_numerator = rm.has_denominator = rm.has_rate = rm.has_target = true;
    rm.numerator = 3;
    rm.denominator = 400;
    rm.rate = 0.0075;
    rm.target = 0.01;
    rm.condition = "lt";
    rm.status = "good";
    rm.from.n = 20300;
    rm.to.n = 20360;
    rm.components = {{"a_to_z_claims", 1}, {"chargebacks", 2.5}};
    r.reported.push_back(rm);

    r.account_statuses.push_back({"A1PA6795UKMFR9", "AT_RISK"});
    return f;
}

// The decoder's pool already holds other ids, so interned keys must be remapped, not copied.
OrderIdPool busy_pool() {
    OrderIdPool ids;
    ids.key("someone-else-1");
    ids.key("someone-else-2");
    ids.key("ORDER-interned-3");
    return ids;
}

}  // namespace

TEST_CASE("records codec: every record kind and field survives a round trip") {
    OrderIdPool worker_ids;
    const LoadedFile in = every_kind(worker_ids);
    const std::vector<uint8_t> bytes = encode_loaded_file(in, worker_ids);
    CHECK(bytes.size() == encoded_size(in, worker_ids));

    OrderIdPool ids = busy_pool();
    LoadedFile out;
    std::string error;
    REQUIRE(decode_loaded_file(bytes.data(), bytes.size(), ids, out, error));
    CHECK(error.empty());
    // Ids compare by their text in each side's pool (interned keys differ between the pools).
    auto same_id = [&](OrderKey a, OrderKey b) { return worker_ids.text(a) == ids.text(b) && !ids.text(b).empty(); };

    const InputInfo& i = out.info;
    CHECK(i.name == "mixed.txt");
    CHECK(i.kind == "amazon.all_orders");
    CHECK(i.encoding == "utf-16le");
    CHECK(i.marketplace == "Amazon.de");
    CHECK(i.bytes == 5000000000ull);
    CHECK(i.rows == 123456789012ull);
    CHECK(i.skipped == 7);
    REQUIRE(i.problems.size() == 2);
    CHECK(i.problems[0].line == 12);
    CHECK(i.problems[0].column == "purchase-date");
    CHECK(i.problems[0].message == "not a date: '2026-13-01'");
    CHECK(i.problems[1].line == 0);
    CHECK(i.problems[1].column.empty());
    CHECK(i.error.empty());
    CHECK(i.notes == in.info.notes);

    const Records& r = out.records;
    CHECK(r.marketplaces == in.records.marketplaces);
    CHECK(r.categories == in.records.categories);
    CHECK(r.date_order_from_header == DateOrder::dmy);
    CHECK(r.date_order_from_values == DateOrder::mdy);

    REQUIRE(r.orders.size() == 2);
    for (size_t k = 0; k < 2; ++k) {
        const Order &a = in.records.orders[k], &b = r.orders[k];
        CHECK(same_id(a.key, b.key));
        CHECK(a.day == b.day);
        CHECK(a.last_updated == b.last_updated);
        CHECK(a.channel == b.channel);
        CHECK(a.cancelled == b.cancelled);
        CHECK(a.buyer_requested_cancel == b.buyer_requested_cancel);
        CHECK(a.marketplace == b.marketplace);
        CHECK(a.units == b.units);
    }
    // A packed Amazon id is the same key on both sides; an interned one is the decoder's own.
    CHECK(r.orders[0].key == in.records.orders[0].key);
    CHECK(r.orders[1].key == ids.key("ORDER-interned-1"));
    CHECK(r.orders[1].key != in.records.orders[1].key);
    CHECK(r.returns[0].order == ids.key("ORDER-interned-3"));  // already in the decoder's pool

    REQUIRE(r.feedback.size() == 1);
    const FeedbackEntry& fb = r.feedback[0];
    CHECK(fb.day.n == 20390);
    CHECK(fb.short_date.year == 2026);
    CHECK(fb.short_date.a == 11);
    CHECK(fb.short_date.b == 3);
    CHECK(fb.needs_date_order);
    CHECK(fb.rating == 2);
    CHECK(fb.removed);
    CHECK(same_id(in.records.feedback[0].order, fb.order));
    CHECK(fb.comment == in.records.feedback[0].comment);
    CHECK(fb.response == "Sorry!");
    CHECK(fb.line == 17);

    REQUIRE(r.claims.size() == 1);
    const Claim& c = r.claims[0];
    CHECK(same_id(in.records.claims[0].order, c.order));
    CHECK(c.order_day.n == 20380);
    CHECK(c.claim_day.n == 20385);
    CHECK(c.type == ClaimType::chargeback);
    CHECK(c.status == ClaimStatus::withdrawn);
    CHECK(c.amazon_funded);
    CHECK(c.fraud);
    CHECK(c.line == 3);

    REQUIRE(r.shipments.size() == 1);
    const Shipment& s = r.shipments[0];
    CHECK(same_id(in.records.shipments[0].order, s.order));
    CHECK(s.order_day.n == 1);
    CHECK(s.expected_ship.n == 2);
    CHECK(s.ship_confirm.n == 3);
    CHECK(s.promised_delivery.n == 4);
    CHECK(s.delivered.n == 5);
    CHECK(s.has_tracking);
    CHECK(s.tracking_valid);
    CHECK(s.units == 6);
    CHECK(s.category == 2);
    CHECK(s.line == 7);

    REQUIRE(r.returns.size() == 1);
    const ReturnRequest& rr = r.returns[0];
    CHECK(rr.order_day.n == 10);
    CHECK(rr.request_day.n == 11);
    CHECK(rr.status == "Approved");
    CHECK(rr.in_policy == Tri::no);
    CHECK(rr.a_to_z_claim);
    CHECK(rr.reason == "Defective");
    CHECK(rr.quantity == 2);
    CHECK(rr.line == 9);

    REQUIRE(r.fba_returns.size() == 1);
    const FbaReturn& fr = r.fba_returns[0];
    CHECK(fr.day.n == 12);
    CHECK(same_id(in.records.fba_returns[0].order, fr.order));
    CHECK(fr.sku == "SKU-1");
    CHECK(fr.reason == "DAMAGED_BY_CARRIER");
    CHECK(fr.customer_comments == "cracked");
    CHECK(fr.quantity == 3);

    REQUIRE(r.messages.size() == 1);
    const Message& m = r.messages[0];
    CHECK(m.id == "msg-1");
    CHECK(m.received.utc_seconds == 1700000000);
    CHECK(m.received.offset_minutes == -420);
    CHECK(m.received.has_time);
    CHECK(m.has_response);
    CHECK(m.responded.utc_seconds == 1700003600);
    CHECK(m.responded.offset_minutes == 60);
    CHECK(m.responded.has_time);
    CHECK(m.no_response_needed);
    CHECK(m.line == 4);

    REQUIRE(r.cancellations.size() == 1);
    CHECK(same_id(in.records.cancellations[0].order, r.cancellations[0].order));
    CHECK(r.cancellations[0].order_day.n == 13);
    CHECK_FALSE(r.cancellations[0].impacts_account_health);

    REQUIRE(r.tracking.size() == 1);
    const TrackingRow& t = r.tracking[0];
    CHECK(same_id(in.records.tracking[0].order, t.order));
    CHECK(t.has_tracking);
    CHECK_FALSE(t.valid);
    CHECK(t.promised_delivery.n == 14);
    CHECK(t.category == 1);

    REQUIRE(r.reported.size() == 1);
    const ReportedMetric& rm = r.reported[0];
    CHECK(rm.id == "odr");
    CHECK(rm.scope == "mfn");
    CHECK(rm.marketplace_id == "ATVPDKIKX0DER");
    CHECK((rm.has_numerator && rm.has_denominator && rm.has_rate && rm.has_target));
    CHECK(rm.numerator == 3);
    CHECK(rm.denominator == 400);
    CHECK(rm.rate == 0.0075);
    CHECK(rm.target == 0.01);
    CHECK(rm.condition == "lt");
    CHECK(rm.status == "good");
    CHECK(rm.from.n == 20300);
    CHECK(rm.to.n == 20360);
    CHECK(rm.components == in.records.reported[0].components);

    REQUIRE(r.account_statuses.size() == 1);
    CHECK(r.account_statuses[0].marketplace_id == "A1PA6795UKMFR9");
    CHECK(r.account_statuses[0].status == "AT_RISK");
}

TEST_CASE("records codec: a file with an error and no records round-trips") {
    OrderIdPool worker_ids;
    LoadedFile in;
    in.info.name = "big.txt";
    in.info.bytes = 1u << 30;
    in.info.error = std::string(Session::kMemoryError) + " (stopped after 1024 MB)";
    const auto bytes = encode_loaded_file(in, worker_ids);
    OrderIdPool ids;
    LoadedFile out;
    std::string error;
    REQUIRE(decode_loaded_file(bytes.data(), bytes.size(), ids, out, error));
    CHECK(out.info.error == in.info.error);
    CHECK(out.info.bytes == in.info.bytes);
    CHECK(out.records.orders.empty());
}

TEST_CASE("records codec: a truncated or corrupt buffer is an error, never a crash") {
    OrderIdPool worker_ids;
    const auto bytes = encode_loaded_file(every_kind(worker_ids), worker_ids);

    SUBCASE("every truncation") {
        for (size_t n = 0; n < bytes.size(); ++n) {
            OrderIdPool ids;
            LoadedFile out;
            std::string error;
            CHECK_FALSE(decode_loaded_file(bytes.data(), n, ids, out, error));
            CHECK(error.rfind("corrupt loaded-file buffer: ", 0) == 0);
            CHECK(out.records.orders.empty());
        }
    }
    SUBCASE("a null buffer, bytes after the end, another magic, another version") {
        OrderIdPool ids;
        LoadedFile out;
        std::string error;
        CHECK_FALSE(decode_loaded_file(nullptr, 0, ids, out, error));
        auto longer = bytes;
        longer.push_back(0);
        CHECK_FALSE(decode_loaded_file(longer.data(), longer.size(), ids, out, error));
        CHECK(error.find("after the end") != std::string::npos);
        auto magic = bytes;
        magic[0] = 'X';
        CHECK_FALSE(decode_loaded_file(magic.data(), magic.size(), ids, out, error));
        auto version = bytes;
        version[4] = 99;
        CHECK_FALSE(decode_loaded_file(version.data(), version.size(), ids, out, error));
        CHECK(error.find("version") != std::string::npos);
    }
    SUBCASE("a huge count asks for no huge allocation") {
        // The first field after the header is the id table's count.
        auto huge = bytes;
        const uint32_t n = 0xFFFFFFF0u;
        std::memcpy(huge.data() + 8, &n, 4);
        OrderIdPool ids;
        LoadedFile out;
        std::string error;
        CHECK_FALSE(decode_loaded_file(huge.data(), huge.size(), ids, out, error));
        CHECK(error.find("count") != std::string::npos);
    }
    SUBCASE("random byte changes: decoded or refused, indexes always in range") {
        std::mt19937 rng(9);
        for (int round = 0; round < 3000; ++round) {
            auto changed = bytes;
            const int flips = 1 + static_cast<int>(rng() % 4);
            for (int k = 0; k < flips; ++k) changed[rng() % changed.size()] = static_cast<uint8_t>(rng());
            OrderIdPool ids;
            LoadedFile out;
            std::string error;
            if (decode_loaded_file(changed.data(), changed.size(), ids, out, error)) {
                for (const Order& o : out.records.orders) CHECK(o.marketplace < out.records.marketplaces.size());
                for (const Shipment& s : out.records.shipments) CHECK(s.category < out.records.categories.size());
            } else {
                CHECK_FALSE(error.empty());
            }
        }
    }
}

TEST_CASE("session: a file read by another session gives the same result as one streamed here") {
    // The page's worker path: a session of its own reads the file, the codec carries it over.
    const std::string orders =
        "amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\n"
        "113-0000000-0000001\t2026-11-01T10:00:00-07:00\t2026-11-02T10:00:00-07:00\tCancelled\tMerchant\tAmazon.com\n"
        "ORDER-A\t2026-11-01T10:00:00-07:00\t2026-11-02T10:00:00-07:00\tShipped\tMerchant\tAmazon.com\n"
        "ORDER-B\t2026-11-02T10:00:00-07:00\t2026-11-03T10:00:00-07:00\tShipped\tMerchant\tAmazon.com\n";
    const std::string claims =
        "order-id,order-date,claim-date,type,status,amazon-funded,reason\n"
        "ORDER-B,2026-11-02,2026-11-05,a-to-z,open,no,not received\n";
    Options options;
    options.as_of = *parse_day("2026-11-20");

    Session here;
    here.set_options(options);
    stream_file(here, "orders.txt", orders);
    stream_file(here, "claims.csv", claims);

    Session page;
    page.set_options(options);
    stream_file(page, "claims-first.csv", claims);  // a file streamed here first: its pool is not empty
    page.remove_file(0);
    for (const auto& [name, text] : {std::pair{"orders.txt", orders}, std::pair{"claims.csv", claims}}) {
        Session worker;  // a fresh session (and id pool) per file, as in the worker
        stream_file(worker, name, text);
        const auto buffer = encode_loaded_file(worker.files().back(), worker.ids());
        const InputInfo& info = page.add_loaded_file(buffer.data(), buffer.size(), name, text.size());
        CHECK(info.ok());
        CHECK(info.name == name);
    }
    CHECK(to_json(page.result()).dump() == to_json(here.result()).dump());
    CHECK(page.result().metrics.size() > 0);
}

TEST_CASE("session: add_loaded_file reports a bad buffer or a full heap on that file") {
    Session session;
    SUBCASE("corrupt") {
        const uint8_t junk[] = {1, 2, 3};
        const InputInfo& info = session.add_loaded_file(junk, sizeof junk, "x.txt", 3);
        CHECK(info.name == "x.txt");
        CHECK(info.error.rfind("corrupt loaded-file buffer", 0) == 0);
    }
    SUBCASE("no room") {
        session.set_memory_probe([](size_t) { return false; });
        OrderIdPool ids;
        LoadedFile f;
        f.info.name = "y.txt";
        const auto buffer = encode_loaded_file(f, ids);
        const InputInfo& info = session.add_loaded_file(buffer.data(), buffer.size(), "y.txt", 300u << 20);
        CHECK(info.error.rfind(Session::kMemoryError, 0) == 0);
        CHECK(info.error.find("300 MB") != std::string::npos);
    }
    SUBCASE("the worker ran out of memory") {
        const InputInfo& info = session.add_file_out_of_memory("z.txt", 12u << 20);
        CHECK(info.error.rfind(Session::kMemoryError, 0) == 0);
        CHECK(session.files().size() == 1);
    }
    CHECK(session.files().size() == 1);
}

TEST_CASE("session: note_progress is what the progress bar shows while a worker reads") {
    Session session;
    session.note_progress(4096);
    CHECK(session.bytes_in_progress() == 4096);
    OrderIdPool ids;
    LoadedFile f;
    f.info.name = "a.txt";
    const auto buffer = encode_loaded_file(f, ids);
    session.add_loaded_file(buffer.data(), buffer.size(), "a.txt", 0);
    CHECK(session.bytes_in_progress() == 0);
}

TEST_CASE("session: a held result is evaluated once, when released") {
    const std::string orders =
        "amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\n"
        "113-0000000-0000001\t2026-11-01T10:00:00-07:00\t2026-11-02T10:00:00-07:00\tShipped\tMerchant\tAmazon.com\n";
    Session session;
    CHECK(session.result().inputs.empty());
    session.hold_result(true);
    stream_file(session, "orders.txt", orders);
    CHECK(session.result().inputs.empty());  // the last result, not re-evaluated mid-batch
    session.hold_result(false);
    REQUIRE(session.result().inputs.size() == 1);
    CHECK(session.result().inputs[0].name == "orders.txt");
}

TEST_CASE("session: feedback comments read by the worker travel with its buffer and give the same result") {
    const std::string text =
        "date\trating\tcomments\tresponse\torder id\trater email\n"
        "11/15/26\t1\tArrived two weeks late and the box was crushed\t\t113-0000000-0000001\ta@example.com\n"
        "11/16/26\t2\tItem broke after one day\t\t113-0000000-0000002\tb@example.com\n"
        "11/17/26\t3\t等了三个星期才到，太慢了\t\t113-0000000-0000003\tc@example.com\n";
    Options options;
    options.as_of = *parse_day("2026-11-20");

    Session here;
    here.set_options(options);
    stream_file(here, "feedback.txt", text);

    Session worker;
    stream_file(worker, "feedback.txt", text);
    worker.read_feedback_comments_of_last_file();
    const LoadedFile& read = worker.files().back();
    REQUIRE(read.records.feedback.size() == 3);
    REQUIRE(read.comment_findings.size() == 3);
    CHECK(read.comment_findings[0].causes.size() >= 2);  // shipping speed and packaging
    const auto buffer = encode_loaded_file(read, worker.ids());

    OrderIdPool ids;
    LoadedFile decoded;
    std::string error;
    REQUIRE(decode_loaded_file(buffer.data(), buffer.size(), ids, decoded, error));
    CHECK(encode_loaded_file(decoded, ids) == buffer);  // every finding survives

    Session page;
    page.set_options(options);
    const InputInfo& info = page.add_loaded_file(buffer.data(), buffer.size(), "feedback.txt", text.size());
    CHECK(info.ok());
    CHECK(page.files().back().comment_findings.empty());  // handed to the memo
    CHECK(to_json(page.result()).dump() == to_json(here.result()).dump());

    SUBCASE("a trigger outside its comment is a corrupt buffer") {
        LoadedFile bad = read;
        bad.comment_findings[1].triggers.push_back({feedback::Cause::product_quality, 3, 400});
        const auto bytes = encode_loaded_file(bad, worker.ids());
        LoadedFile out;
        CHECK_FALSE(decode_loaded_file(bytes.data(), bytes.size(), ids, out, error));
        CHECK(error.find("outside its comment") != std::string::npos);
    }
}

TEST_CASE("session: a file the CLI read on another thread, comments read there, gives the same result") {
    // src/cli/read_file.cpp: each file into its own reader and pool, its feedback comments read
    // there; add_read_file interns the ids again and hands the findings to the memo.
    const std::string text =
        "date\trating\tcomments\tresponse\torder id\trater email\n"
        "11/15/26\t1\tArrived two weeks late and the box was crushed\t\t113-0000000-0000001\ta@example.com\n"
        "11/16/26\t2\tItem broke after one day\t\tORDER-7\tb@example.com\n";
    auto bytes_of = [](const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); };
    Options options;
    options.as_of = *parse_day("2026-11-20");

    Session here;
    here.set_options(options);
    stream_file(here, "feedback.txt", text);
    const std::string expected = to_json(here.result()).dump();

    OrderIdPool ids;
    FileReader reader("feedback.txt", ids);
    reader.feed(bytes_of(text), text.size());
    LoadedFile file = reader.finish();
    read_feedback_comments(file);
    REQUIRE(file.comment_findings.size() == 2);

    Session cli;
    cli.set_options(options);
    cli.add_read_file(std::move(file), ids);
    CHECK(cli.files().back().comment_findings.empty());  // handed to the memo
    CHECK(to_json(cli.result()).dump() == expected);

    SUBCASE("take_result moves the result out; the next result() evaluates again") {
        const Result taken = cli.take_result();
        CHECK(to_json(taken).dump() == expected);
        CHECK(to_json(cli.result()).dump() == expected);
    }
}

// Orders are read in one loop over raw bytes (issue 9); an order it doubts is read by the field
// list, so each bad field of an order still gets the field list's own message.
TEST_CASE("records codec: a bad field in an order is named as the field list names it") {
    OrderIdPool worker_ids;
    LoadedFile f;
    f.info.name = "orders.txt";
    f.info.kind = "amazon.all_orders";
    f.records.marketplaces = {""};
    f.records.categories = {""};
    for (int i = 0; i < 5; ++i) {
        Order o;
        o.key = worker_ids.key(i == 3 ? "local-" + std::to_string(i) : "113-0000000-000000" + std::to_string(i));
        o.day = Day{20000 + i};
        o.last_updated = Day{20001 + i};
        o.channel = Channel::mfn;
        o.cancelled = i % 2 == 1;
        o.units = 1 + i;
        f.records.orders.push_back(o);
    }
    const auto bytes = encode_loaded_file(f, worker_ids);
    {
        OrderIdPool ids;
        LoadedFile out;
        std::string error;
        REQUIRE(decode_loaded_file(bytes.data(), bytes.size(), ids, out, error));
        REQUIRE(out.records.orders.size() == 5);
        for (int i = 0; i < 5; ++i) {
            const Order& o = out.records.orders[size_t(i)];
            CHECK(o.day.n == 20000 + i);
            CHECK(o.last_updated.n == 20001 + i);
            CHECK(o.channel == Channel::mfn);
            CHECK(o.cancelled == (i % 2 == 1));
            CHECK(o.units == uint32_t(1 + i));
            CHECK(ids.text(o.key) == worker_ids.text(f.records.orders[size_t(i)].key));
        }
    }
    // Where the third order's bytes start: its key, packed, as the buffer holds it.
    const OrderKey third = f.records.orders[2].key;
    const auto at = std::search(bytes.begin(), bytes.end(), reinterpret_cast<const uint8_t*>(&third),
                                reinterpret_cast<const uint8_t*>(&third) + sizeof third);
    REQUIRE(at != bytes.end());
    const size_t order = static_cast<size_t>(at - bytes.begin());
    const auto refused = [&](size_t offset, uint8_t value) {
        auto changed = bytes;
        changed[order + offset] = value;
        OrderIdPool ids;
        LoadedFile out;
        std::string error;
        CHECK_FALSE(decode_loaded_file(changed.data(), changed.size(), ids, out, error));
        CHECK(out.records.orders.empty());
        return error;
    };
    CHECK(refused(16, 3) == "corrupt loaded-file buffer: an enumeration is out of range");   // channel
    CHECK(refused(18, 2) == "corrupt loaded-file buffer: a yes/no field is neither");        // status_mixed
    CHECK(refused(21, 9) == "corrupt loaded-file buffer: an enumeration is out of range");   // buyer cancel
    CHECK(refused(7, 0x80) == "corrupt loaded-file buffer: an order id refers past the id table");  // interned bit
}

// The order index is kept between evaluations (issue 9) and must be built again whenever the
// files change (it points into them): after every kind of change the session gives exactly a
// fresh session's result for the same files and options.
TEST_CASE("session: the kept order index gives a fresh session's result after every change") {
    const std::string head = "amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\n";
    // Two overlapping exports: order 2 is Shipped in the first and Cancelled (later) in the
    // second; a third export on another marketplace (its own marketplace list).
    const std::string first = head +
        "113-0000000-0000001\t2026-11-01T10:00:00-07:00\t2026-11-02T10:00:00-07:00\tShipped\tMerchant\tAmazon.com\n"
        "113-0000000-0000002\t2026-11-03T10:00:00-07:00\t2026-11-03T12:00:00-07:00\tShipped\tMerchant\tAmazon.com\n";
    const std::string second = head +
        "113-0000000-0000002\t2026-11-03T10:00:00-07:00\t2026-11-05T12:00:00-07:00\tCancelled\tMerchant\tAmazon.com\n"
        "113-0000000-0000003\t2026-11-06T10:00:00-07:00\t2026-11-06T12:00:00-07:00\tShipped\tMerchant\tAmazon.com\n";
    const std::string third = head +
        "028-0000000-0000004\t2026-11-07T10:00:00+01:00\t2026-11-07T12:00:00+01:00\tCancelled\tMerchant\tAmazon.de\n";
    const std::string claims = "order-id,order-date,claim-date,type,status,amazon-funded,reason\n"
                               "113-0000000-0000001,2026-11-01,2026-11-09,a-to-z,open,no,item not received\n";
    using Files = std::vector<std::pair<std::string, const std::string*>>;
    const auto fresh = [&](const Files& files, const Options& options) {
        Session s;
        for (const auto& [name, text] : files) stream_file(s, name, *text);
        s.set_options(options);
        return json_text(s.result());
    };
    Session s;
    Options options;
    Files files = {{"first.txt", &first}, {"second.txt", &second}, {"claims.csv", &claims}};
    for (const auto& [name, text] : files) stream_file(s, name, *text);
    CHECK(json_text(s.result()) == fresh(files, options));
    options.as_of = day_from_civil(2026, 11, 8);  // the index kept, the options changed
    s.set_options(options);
    CHECK(json_text(s.result()) == fresh(files, options));
    s.remove_file(0);
    files.erase(files.begin());
    CHECK(json_text(s.result()) == fresh(files, options));
    stream_file(s, "third.txt", third);  // a file added after an evaluation (the vector may move)
    files.push_back({"third.txt", &third});
    s.prepare_order_index();     // as the page does before the batch's evaluation
    CHECK(json_text(s.result()) == fresh(files, options));
    options.policy = "amazon.de";
    s.set_options(options);
    CHECK(json_text(s.result()) == fresh(files, options));
    stream_file(s, "first.txt", first);
    files.push_back({"first.txt", &first});
    CHECK(json_text(s.result()) == fresh(files, options));
    s.clear();
    stream_file(s, "second.txt", second);
    CHECK(json_text(s.result()) == fresh({{"second.txt", &second}}, options));
    // The figures themselves, worked by hand for second.txt alone at as_of 2026-11-08 (amazon.de's
    // policy on an Amazon.com file still counts its orders): the cancel window 11-02..11-08 holds
    // orders 2 and 3, order 2 cancelled with nothing saying the buyer asked: 1/2.
    const Result& r = s.result();
    const auto cancel = std::find_if(r.metrics.begin(), r.metrics.end(), [](const Metric& m) {
        return m.id == "cancel_rate" && m.scope == "mfn" && m.source == "computed";
    });
    REQUIRE(cancel != r.metrics.end());
    CHECK(cancel->numerator == 1);
    CHECK(cancel->denominator == 2);
}
