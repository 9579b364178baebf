// Our CSV templates: shipments, claims and messages (feedback has its own reader).
#include "core/ingest/fields.h"
#include "core/ingest/text.h"

namespace sh::ingest {

namespace {

class ShipmentsReader : public KindReader {
public:
    ShipmentsReader(const ColumnMap& m, Context& cx)
        : cx_(cx), order_(m, "order-id"), order_date_(m, "order-date"), expected_(m, "expected-ship-date"),
          confirmed_(m, "ship-confirm-date"), tracking_(m, "tracking-id"), valid_(m, "tracking-valid"),
          promised_(m, "promised-delivery-date"), delivered_(m, "delivered-date"), units_(m, "units"),
          category_(m, "category") {}

    void on_row(const Row& row) override {
        Shipment s;
        std::optional<bool> valid;
        if (!read_order(cx_, row, order_, s.order) || !read_day(cx_, row, order_date_, s.order_day) ||
            !read_day(cx_, row, expected_, s.expected_ship, true) || !read_day(cx_, row, confirmed_, s.ship_confirm) ||
            !read_day(cx_, row, promised_, s.promised_delivery) || !read_day(cx_, row, delivered_, s.delivered) ||
            !read_yes_no(cx_, row, valid_, valid) || !read_count(cx_, row, units_, s.units))
            return;
        s.has_tracking = !tracking_.in(row).empty();
        s.tracking_valid = s.has_tracking && valid.value_or(true);  // defaults to yes when an id is present
        s.category = intern(cx_.file.records.categories, category_.in(row));
        s.line = row.line;
        cx_.used_row();
        cx_.file.records.shipments.push_back(s);
    }

private:
    Context& cx_;
    Column order_, order_date_, expected_, confirmed_, tracking_, valid_, promised_, delivered_, units_, category_;
};

std::optional<ClaimType> parse_claim_type(std::string_view s) {
    const std::string k = header_key(s);
    if (k == "atoz" || k == "atozclaim" || k == "atozguarantee" || k == "a2z" || k == "az") return ClaimType::a_to_z;
    if (k == "chargeback" || k == "chargebackclaim") return ClaimType::chargeback;
    return std::nullopt;
}

std::optional<ClaimStatus> parse_claim_status(std::string_view s) {
    const std::string k = header_key(s);
    if (k.empty() || k == "open" || k == "pending" || k == "underinvestigation") return ClaimStatus::open;
    if (k == "granted" || k == "decidedagainstseller" || k == "lost") return ClaimStatus::granted;
    if (k == "denied" || k == "decidedinfavorofseller" || k == "won") return ClaimStatus::denied;
    if (k == "withdrawn") return ClaimStatus::withdrawn;
    if (k == "closed") return ClaimStatus::closed;
    return std::nullopt;
}

class ClaimsReader : public KindReader {
public:
    ClaimsReader(const ColumnMap& m, Context& cx)
        : cx_(cx), order_(m, "order-id"), order_date_(m, "order-date"), claim_date_(m, "claim-date"),
          type_(m, "type"), status_(m, "status"), funded_(m, "amazon-funded"), reason_(m, "reason") {}

    void on_row(const Row& row) override {
        Claim c;
        std::optional<bool> funded;
        if (!read_order(cx_, row, order_, c.order) || !read_day(cx_, row, order_date_, c.order_day) ||
            !read_day(cx_, row, claim_date_, c.claim_day) || !read_yes_no(cx_, row, funded_, funded))
            return;
        const auto type = parse_claim_type(type_.in(row));
        if (!type) return cx_.skip(row.line, type_.name, "not a-to-z or chargeback: " + quote_value(type_.in(row)));
        const auto status = parse_claim_status(status_.in(row));
        if (!status)
            return cx_.skip(row.line, status_.name,
                            "not open, granted, denied, withdrawn or closed: " + quote_value(status_.in(row)));
        c.type = *type;
        c.status = *status;
        c.amazon_funded = funded.value_or(false);
        c.fraud = iequals(reason_.in(row), "fraud");
        c.line = row.line;
        cx_.used_row();
        cx_.file.records.claims.push_back(c);
    }

private:
    Context& cx_;
    Column order_, order_date_, claim_date_, type_, status_, funded_, reason_;
};

class MessagesReader : public KindReader {
public:
    MessagesReader(const ColumnMap& m, Context& cx)
        : cx_(cx), id_(m, "message-id"), received_(m, "received"), responded_(m, "responded"),
          not_needed_(m, "no-response-needed") {}

    void on_row(const Row& row) override {
        Message msg;
        bool has_received = false;
        std::optional<bool> not_needed;
        if (!read_moment(cx_, row, received_, msg.received, has_received, true) ||
            !read_moment(cx_, row, responded_, msg.responded, msg.has_response) ||
            !read_yes_no(cx_, row, not_needed_, not_needed))
            return;
        msg.no_response_needed = not_needed.value_or(false);
        msg.id = clean_utf8(id_.in(row));
        msg.line = row.line;
        cx_.used_row();
        cx_.file.records.messages.push_back(std::move(msg));
    }

private:
    Context& cx_;
    Column id_, received_, responded_, not_needed_;
};

}  // namespace

std::unique_ptr<KindReader> make_shipments_reader(const ColumnMap& columns, Context& cx) {
    return std::make_unique<ShipmentsReader>(columns, cx);
}
std::unique_ptr<KindReader> make_claims_reader(const ColumnMap& columns, Context& cx) {
    return std::make_unique<ClaimsReader>(columns, cx);
}
std::unique_ptr<KindReader> make_messages_reader(const ColumnMap& columns, Context& cx) {
    return std::make_unique<MessagesReader>(columns, cx);
}

}  // namespace sh::ingest
