// Seller-fulfilled returns report and the FBA customer returns report.
#include "core/ingest/fields.h"
#include "core/ingest/text.h"

namespace sh::ingest {

namespace {

class ReturnsReader : public KindReader {
public:
    ReturnsReader(const ColumnMap& m, Context& cx)
        : cx_(cx), order_(m, "order-id"), order_date_(m, "order-date"), request_date_(m, "return-request-date"),
          status_(m, "return-request-status"), a_to_z_(m, "a-to-z-claim"), reason_(m, "return-reason"),
          quantity_(m, "return-quantity"), in_policy_(m, "in-policy") {}

    void on_row(const Row& row) override {
        ReturnRequest r;
        if (!read_order(cx_, row, order_, r.order)) return;
        if (!read_day(cx_, row, request_date_, r.request_day, true)) return;
        if (!read_day(cx_, row, order_date_, r.order_day)) return;
        if (!read_count(cx_, row, quantity_, r.quantity)) return;
        // Y/N flags: anything that is not a yes is taken as no (Amazon writes Y, N or blank).
        r.a_to_z_claim = parse_yes_no(a_to_z_.in(row)).value_or(false);
        const std::string_view policy = in_policy_.in(row);
        r.in_policy = to_tri(parse_yes_no(policy));
        r.status = clean_utf8(status_.in(row));
        r.reason = clean_utf8(reason_.in(row));
        r.line = row.line;
        cx_.used_row();
        cx_.file.records.returns.push_back(std::move(r));
    }

private:
    Context& cx_;
    Column order_, order_date_, request_date_, status_, a_to_z_, reason_, quantity_, in_policy_;
};

class FbaReturnsReader : public KindReader {
public:
    FbaReturnsReader(const ColumnMap& m, Context& cx)
        : cx_(cx), date_(m, "return-date"), order_(m, "order-id"), sku_(m, "sku"), quantity_(m, "quantity"),
          reason_(m, "reason"), comments_(m, "customer-comments") {}

    void on_row(const Row& row) override {
        FbaReturn r;
        if (!read_day(cx_, row, date_, r.day, true)) return;
        if (!read_order(cx_, row, order_, r.order)) return;
        if (!read_count(cx_, row, quantity_, r.quantity)) return;
        r.sku = clean_utf8(sku_.in(row));
        r.reason = clean_utf8(reason_.in(row));
        r.customer_comments = clean_utf8(comments_.in(row));
        cx_.used_row();
        cx_.file.records.fba_returns.push_back(std::move(r));
    }

private:
    Context& cx_;
    Column date_, order_, sku_, quantity_, reason_, comments_;
};

}  // namespace

std::unique_ptr<KindReader> make_returns_reader(const ColumnMap& columns, Context& cx) {
    return std::make_unique<ReturnsReader>(columns, cx);
}
std::unique_ptr<KindReader> make_fba_returns_reader(const ColumnMap& columns, Context& cx) {
    return std::make_unique<FbaReturnsReader>(columns, cx);
}

}  // namespace sh::ingest
