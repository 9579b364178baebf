// Seller Central's cancellation-rate and valid-tracking downloads.
#include "core/ingest/fields.h"
#include "core/ingest/text.h"

namespace sh::ingest {

namespace {

class CancellationsReader : public KindReader {
public:
    CancellationsReader(const ColumnMap& m, Context& cx)
        : cx_(cx), date_(m, "order-date"), order_(m, "order-id"), impacts_(m, "impacts-account-health") {}

    void on_row(const Row& row) override {
        CancellationFlag c;
        if (!read_order(cx_, row, order_, c.order)) return;
        if (!read_day(cx_, row, date_, c.order_day)) return;
        std::optional<bool> impacts;
        if (!read_yes_no(cx_, row, impacts_, impacts)) return;
        c.impacts_account_health = impacts.value_or(true);
        cx_.used_row();
        cx_.file.records.cancellations.push_back(c);
    }

private:
    Context& cx_;
    Column date_, order_, impacts_;
};

class TrackingReader : public KindReader {
public:
    TrackingReader(const ColumnMap& m, Context& cx)
        : cx_(cx), order_(m, "order-id"), tracking_(m, "tracking-id"), promised_(m, "promised-delivery-date"),
          invalid_(m, "no-valid-tracking"), category_(m, "product-category") {}

    void on_row(const Row& row) override {
        TrackingRow t;
        if (!read_order(cx_, row, order_, t.order)) return;
        if (!read_day(cx_, row, promised_, t.promised_delivery)) return;
        t.has_tracking = !tracking_.in(row).empty();
        // The criterion column is marked with an X (or yes); blank means the tracking was valid.
        t.valid = !parse_yes_no(invalid_.in(row)).value_or(false);
        t.category = intern(cx_.file.records.categories, category_.in(row));
        cx_.used_row();
        cx_.file.records.tracking.push_back(t);
    }

private:
    Context& cx_;
    Column order_, tracking_, promised_, invalid_, category_;
};

}  // namespace

std::unique_ptr<KindReader> make_cancellations_reader(const ColumnMap& columns, Context& cx) {
    return std::make_unique<CancellationsReader>(columns, cx);
}
std::unique_ptr<KindReader> make_tracking_reader(const ColumnMap& columns, Context& cx) {
    return std::make_unique<TrackingReader>(columns, cx);
}

}  // namespace sh::ingest
