// All Orders flat file: item rows folded into one Order per amazon-order-id.
#include <cstring>
#include <optional>

#include "core/ingest/context.h"
#include "core/ingest/dates.h"
#include "core/ingest/text.h"
#include "core/messages.h"
#include "core/order_slots.h"

namespace sh::ingest {

namespace {

Channel parse_channel(std::string_view s) {
    s = trim(s);
    if (iequals(s, "Amazon") || iequals(s, "AFN")) return Channel::afn;
    if (iequals(s, "Merchant") || iequals(s, "MFN") || iequals(s, "Seller")) return Channel::mfn;
    return Channel::unknown;
}

bool is_cancelled(std::string_view s) {
    s = trim(s);
    return iequals(s, "Cancelled") || iequals(s, "Canceled");
}

// The last few distinct texts of a column and what they meant: item rows repeat a few values
// (Merchant, Shipped, false), so most rows compare their field instead of parsing it (issue 9:
// in wasm the case-insensitive compares were a sixth of a row's reading). Several, not one: a
// file's channels and statuses alternate from row to row (Merchant, Amazon, Merchant, ...), and
// with one remembered text half the rows copied and parsed theirs again.
template <class T> class RecentValues {
public:
    template <class Parse> T get(std::string_view text, Parse parse) {
        if (last_ < used_ && same_text(text, texts_[last_])) return values_[last_];
        for (size_t i = 0; i < used_; ++i)
            if (i != last_ && same_text(text, texts_[i])) return values_[last_ = i];
        const size_t slot = used_ < kSlots ? used_++ : next_++ % kSlots;  // the oldest text goes
        texts_[slot].assign(text.data(), text.size());
        values_[slot] = parse(text);
        return values_[last_ = slot];
    }

private:
    static constexpr size_t kSlots = 4;
    std::string texts_[kSlots];
    T values_[kSlots]{};
    size_t used_ = 0, last_ = 0, next_ = 0;
};

class OrdersReader : public KindReader {
public:
    OrdersReader(const ColumnMap& m, Context& cx) : cx_(cx) {
        id_ = m.index("amazon-order-id");
        purchase_ = m.index("purchase-date");
        updated_ = m.index("last-updated-date");
        status_ = m.index("order-status");
        channel_ = m.index("fulfillment-channel");
        sales_ = m.index("sales-channel");
        quantity_ = m.index("quantity");
        buyer_cancel_ = m.index("is-buyer-requested-cancellation");
        id_name_ = m.header_name("amazon-order-id");
        purchase_name_ = m.header_name("purchase-date");
        quantity_name_ = m.header_name("quantity");
        updated_name_ = m.header_name("last-updated-date");
        channel_name_ = m.header_name("fulfillment-channel");
    }

    // Eight of an All Orders file's 39 columns: the splitter cuts only these (issue 9), and
    // on_row reads them with Row::wanted_field.
    uint64_t columns_read() const override {
        uint64_t mask = 0;
        for (const int c : {id_, purchase_, updated_, status_, channel_, sales_, quantity_, buyer_cancel_}) {
            if (c >= 64) return ~uint64_t(0);
            if (c >= 0) mask |= uint64_t(1) << c;
        }
        return mask;
    }

    void on_row(const Row& row) override {
        const std::string_view id = trim(row.wanted_field(size_t(id_)));
        if (id.empty()) return cx_.skip(row.line, id_name_, "no order id");
        const std::string_view purchase = row.wanted_field(size_t(purchase_));
        const std::optional<Day> bought = purchase_dates_.day(purchase);
        if (!bought) return cx_.skip(row.line, purchase_name_, "not a date: " + quote_value(purchase));
        if (!plausible(*bought)) return cx_.skip(row.line, purchase_name_, implausible_date(purchase));
        // A required column (reports.md): without a channel the order belongs to no scope.
        const std::string_view channel_text = row.wanted_field(size_t(channel_));
        const Channel channel = channels_.get(channel_text, parse_channel);
        if (channel == Channel::unknown) {
            const std::string_view written = trim(channel_text);
            return cx_.skip(row.line, channel_name_,
                            written.empty() ? "no fulfillment channel (Amazon/AFN or Merchant/MFN expected)"
                                            : "not a fulfillment channel: " + quote_value(written) +
                                                  " (Amazon/AFN or Merchant/MFN expected)");
        }
        uint32_t units = 0;
        if (quantity_ >= 0) {
            const std::string_view q = trim(row.wanted_field(size_t(quantity_)));
            if (!q.empty()) {
                const auto n = parse_count(q);
                if (!n) return cx_.skip(row.line, quantity_name_, "not a quantity: " + quote_value(q));
                units = *n;
            }
        }
        if (!estimated_ && cx_.file.records.orders.size() >= 16384) estimate(row.text_end);
        Order o;
        o.key = cx_.order_key(id);
        o.day = *bought;
        o.last_updated = o.day;
        if (updated_ >= 0) {
            const std::string_view updated = row.wanted_field(size_t(updated_));
            if (const auto d = same_text(updated, purchase) ? bought : updated_dates_.day(updated)) {
                if (plausible(*d)) o.last_updated = *d;
                else cx_.warn(row.line, updated_name_, implausible_date(updated) + "; the purchase date is used");
            }
        }
        o.channel = channel;
        o.cancelled = statuses_.get(row.wanted_field(size_t(status_)), is_cancelled);
        if (buyer_cancel_ >= 0) {
            o.buyer_requested_cancel =
                buyer_cancels_.get(row.wanted_field(size_t(buyer_cancel_)), [](std::string_view t) { return to_tri(parse_yes_no(t)); });
            o.said_buyer_yes = o.buyer_requested_cancel == Tri::yes;
            o.said_buyer_no = o.buyer_requested_cancel == Tri::no;
        }
        if (sales_ >= 0) o.marketplace = marketplace(trim(row.wanted_field(size_t(sales_))));
        o.units = units;
        cx_.used_row();
        batch_[batched_] = o;
        if (++batched_ == kBatch) fold_batch();
    }

    void finish() override {
        fold_batch();
        cx_.file.order_slots = std::move(index_);  // the engine's order index takes it over
        auto& orders = cx_.file.records.orders;
        // Small files give their slack back; large ones already have ≤ 25 % (and a copy now
        // would double the peak) unless a size hint reserved more than the file held.
        const bool over_reserved = orders.capacity() - orders.size() > orders.size() / 4 + 1024;
        if (!cx_.keep_reservation && (orders.size() < 65536 || over_reserved) &&
            cx_.can_allocate(orders.size() * sizeof(Order)))
            orders.shrink_to_fit();
        cx_.file.info.marketplace = main_marketplace(cx_.file.records);
        uint64_t mixed = 0;
        for (const Order& o : orders) mixed += o.status_mixed;
        if (mixed) cx_.note(order_status_note(mixed));
    }

private:
    // With the file's size known, reserve the whole file's orders once (from the bytes per
    // order so far, plus 5 %) instead of growing: no copy of a large vector, no slack. The hint
    // is not trusted: at most kMaxReservedOrders, and only when the memory probe says the
    // vector and the index fit with kReserveMargin to spare (else growth as without a hint).
    void estimate(uint64_t text_end) {
        estimated_ = true;
        auto& orders = cx_.file.records.orders;
        if (!cx_.size_hint || !cx_.text_is_file_bytes || text_end == 0 || cx_.size_hint <= text_end) return;
        const double per_byte = double(orders.size()) / double(text_end);
        const double estimate = per_byte * double(cx_.size_hint) * 1.05 + 1024;
        const uint64_t expected = estimate < double(kMaxReservedOrders) ? uint64_t(estimate) : kMaxReservedOrders;
        if (expected <= orders.capacity()) return;
        const uint64_t bytes = (expected - orders.size()) * sizeof(Order) + OrderSlots::slots_for(expected) * 4;
        if (!cx_.can_allocate(bytes + kReserveMargin)) return;
        orders.reserve(static_cast<size_t>(expected));
        // A first part's key table grows with its own orders: the join grows it for the later
        // parts' once their records are gone (file_parts.cpp; the join's peak memory).
        if (!cx_.keep_reservation) index_.reserve(static_cast<size_t>(expected), orders.data());
    }
    static constexpr uint64_t kMaxReservedOrders = uint64_t(1) << 24;  // 16.8 M orders: 400 MB + 128 MB index
    static constexpr uint64_t kReserveMargin = uint64_t(64) << 20;     // as the Session's guard asks

    // Rows are folded kBatch at a time, in file order. The index slots the batch will look at
    // are read first, as independent loads the CPU overlaps (wasm has no prefetch): on a large
    // file each is a cache miss, which one by one cost more than the rest of the row (issue 9).
    void fold_batch() {
        for (size_t i = 0; i < batched_; ++i) hashes_[i] = hash_order_key(batch_[i].key);
        index_.touch(hashes_, batched_);
        for (size_t i = 0; i < batched_; ++i) fold(batch_[i], hashes_[i]);
        batched_ = 0;
    }

    // Item rows of one order are usually adjacent: the last order is checked before the index.
    void fold(const Order& o, size_t hash) {
        auto& orders = cx_.file.records.orders;
        uint32_t at;
        if (!orders.empty() && orders[last_].key == o.key) {
            at = last_;
        } else {
            const auto next = static_cast<uint32_t>(orders.size());
            at = index_.find_or_add(o.key, hash, orders.data(), next);
            if (at == next) {
                // Grow by a quarter once large (not double): ≤ 30 bytes per order in the vector.
                if (orders.size() == orders.capacity() && orders.size() >= 65536)
                    orders.reserve(orders.size() + orders.size() / 4);
                orders.push_back(o);
                last_ = at;
                return;
            }
        }
        last_ = at;
        fold_order(orders[at], o);
    }

    uint8_t marketplace(std::string_view name) {
        if (name.empty()) return 0;
        auto& list = cx_.file.records.marketplaces;
        if (last_marketplace_ && same_text(list[last_marketplace_], name)) return last_marketplace_;
        for (size_t i = 1; i < list.size(); ++i)
            if (list[i] == name) return last_marketplace_ = static_cast<uint8_t>(i);
        if (list.size() >= 256) return 0;
        list.push_back(clean_utf8(name));
        return last_marketplace_ = static_cast<uint8_t>(list.size() - 1);
    }

    Context& cx_;
    int id_, purchase_, updated_, status_, channel_, sales_, quantity_, buyer_cancel_;
    std::string id_name_, purchase_name_, quantity_name_, updated_name_, channel_name_;
    OrderSlots index_;
    static constexpr size_t kBatch = 32;
    Order batch_[kBatch];
    size_t hashes_[kBatch];
    size_t batched_ = 0;
    DateCache purchase_dates_, updated_dates_;
    RecentValues<Channel> channels_;
    RecentValues<bool> statuses_;
    RecentValues<Tri> buyer_cancels_;
    uint32_t last_ = 0;
    uint8_t last_marketplace_ = 0;
    bool estimated_ = false;
};

}  // namespace

// Rows of one order fold into it in file order: the later update wins (a tie goes to the
// later row), units add up, the first stated channel and marketplace stay. `later` may be a
// row or a later part's folded order (join_part: status_mixed is exact either way).
void fold_order(Order& into, const Order& later) {
    into.units += later.units;
    if (into.channel == Channel::unknown) into.channel = later.channel;
    if (into.marketplace == 0) into.marketplace = later.marketplace;
    if (later.cancelled != into.cancelled || later.status_mixed) into.status_mixed = true;
    into.said_buyer_yes = into.said_buyer_yes || later.said_buyer_yes;
    into.said_buyer_no = into.said_buyer_no || later.said_buyer_no;
    if (later.cancelled != into.cancelled ||
        (later.buyer_requested_cancel != Tri::unknown && later.buyer_requested_cancel != into.buyer_requested_cancel)) {
        if (later.last_updated >= into.last_updated) {
            into.cancelled = later.cancelled;
            if (later.buyer_requested_cancel != Tri::unknown) into.buyer_requested_cancel = later.buyer_requested_cancel;
        }
    }
    if (later.last_updated > into.last_updated) into.last_updated = later.last_updated;
}

const std::string& main_marketplace(const Records& records) {
    std::vector<uint64_t> count(records.marketplaces.size(), 0);
    for (const Order& o : records.orders) ++count[o.marketplace];
    size_t best = 0;
    for (size_t i = 1; i < count.size(); ++i)
        if (count[i] > (best ? count[best] : 0)) best = i;
    return records.marketplaces[best];  // [0] is ""
}

std::string order_status_note(uint64_t orders) {
    return english("order_status_conflicts", {{"count", std::to_string(orders)}});
}

std::unique_ptr<KindReader> make_orders_reader(const ColumnMap& columns, Context& cx) {
    return std::make_unique<OrdersReader>(columns, cx);
}

}  // namespace sh::ingest
