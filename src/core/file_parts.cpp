// Reading one large file in parts (see file_parts.h).
#include "core/file_parts.h"

#include <algorithm>
#include <string>
#include <vector>

#include "core/ingest/context.h"
#include "core/ingest/encoding.h"
#include "core/ingest/header.h"
#include "core/ingest/magic.h"
#include "core/ingest/splitter.h"

namespace sh {

namespace {

using namespace ingest;

constexpr size_t kSniffBytes = 64 * 1024;  // as FileReader decides the encoding

// The first row the splitter emits (the header), kept past the call.
struct FirstRow : RowSink {
    std::vector<std::string> fields;
    uint32_t line = 0;
    void on_row(const Row& row) override {
        if (line) return;
        fields.assign(row.fields.begin(), row.fields.end());
        line = row.line;
    }
};

// Folding a later part's order into the first part's gives what folding its rows one by one
// would, except for the buyer-requested flag: a row states it and wins only when it is the
// latest update so far, which the folded order no longer tells. The join is exact when the
// later rows state no flag, or only the one the order already has.
bool buyer_flag_joins_exactly(const Order& into, const Order& later) {
    if (!later.said_buyer_yes && !later.said_buyer_no) return true;
    if (into.buyer_requested_cancel == Tri::yes) return !later.said_buyer_no;
    if (into.buyer_requested_cancel == Tri::no) return !later.said_buyer_yes;
    return false;
}

uint64_t mixed_status_orders(const std::vector<Order>& orders) {
    uint64_t n = 0;
    for (const Order& o : orders) n += o.status_mixed;
    return n;
}

}  // namespace

PartPrefix part_prefix(std::string_view head, bool whole) {
    const std::string_view sniff = head.substr(0, kSniffBytes);
    if (!describe_non_report(sniff).empty()) return {};
    const DetectedEncoding enc = detect_encoding(sniff, whole && head.size() <= kSniffBytes);
    if (enc.encoding != Encoding::utf8) return {};
    // The header is the first line that is not blank. A lone CR or an Excel `sep=` line
    // before it is left to the whole-file reader (the splitter treats them specially).
    for (size_t at = enc.bom_size;;) {
        const size_t lf = head.find('\n', at);
        if (lf == std::string_view::npos) return {};
        std::string_view line = head.substr(at, lf - at);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find('\r') != std::string_view::npos) return {};
        at = lf + 1;
        if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
        Splitter splitter;  // the header split exactly as the reader will split it
        FirstRow header_row;
        splitter.push(head.substr(enc.bom_size, at - enc.bom_size), header_row);
        splitter.finish(header_row);
        if (splitter.delimiter() != '\t' || header_row.line == 0) return {};
        const std::vector<std::string_view> names(header_row.fields.begin(), header_row.fields.end());
        const KindSpec* spec = detect_kind(Header(names));
        if (!spec || spec->kind != "amazon.all_orders") return {};
        return {at, header_row.line};
    }
}

size_t cut_after_line_end(std::string_view text) {
    const size_t lf = text.find('\n');
    return lf == std::string_view::npos ? std::string_view::npos : lf + 1;
}

bool join_part(LoadedFile& first, LoadedFile& later, const PartPrefix& prefix, OrderIdPool& ids,
               const OrderIdPool* later_ids) {
    const InputInfo& a = first.info;
    const InputInfo& b = later.info;
    if (prefix.bytes == 0 || !a.ok() || !b.ok() || a.kind != "amazon.all_orders" || b.kind != a.kind ||
        a.encoding != "utf-8" || b.encoding != a.encoding || b.lines < prefix.lines || b.bytes < prefix.bytes)
        return false;
    std::vector<Order>& orders = first.records.orders;
    std::vector<Order>& more = later.records.orders;
    later.order_slots.release();  // the first part's table takes the later orders
    if (later_ids) reintern_order_ids(later.records, *later_ids, ids);

    // Where each later order goes (an order of the first part, or a new one), checked before
    // anything changes.
    // The first part's key table (its reader's, kept: input.h) finds them, and takes the new
    // ones, so the joined file keeps a table the engine's order index can use as it is.
    OrderSlots& slots = first.order_slots;
    if (slots.size() != orders.size()) {
        slots.release();
        if (!slots.index(orders.data(), orders.size())) return false;
    }
    std::vector<uint32_t> into(more.size());
    size_t added_orders = 0;
    constexpr size_t kBatch = 32;
    size_t hashes[kBatch];
    for (size_t begin = 0; begin < more.size(); begin += kBatch) {
        const size_t n = std::min(kBatch, more.size() - begin);
        for (size_t k = 0; k < n; ++k) hashes[k] = hash_order_key(more[begin + k].key);
        slots.touch(hashes, n);
        for (size_t k = 0; k < n; ++k) {
            const size_t i = begin + k;
            into[i] = slots.find(more[i].key, hashes[k], orders.data());
            if (into[i] == OrderSlots::kMissing) ++added_orders;
            else if (!buyer_flag_joins_exactly(orders[into[i]], more[i])) return false;
        }
    }
    // The later part's marketplaces, as the whole file's reader would have numbered them: the
    // first part's first, then new names in the order the later part met them (at most 256).
    std::vector<std::string>& names = first.records.marketplaces;
    const std::vector<std::string>& later_names = later.records.marketplaces;
    std::vector<uint8_t> marketplace(later_names.size(), 0);
    for (size_t i = 1; i < later_names.size(); ++i) {
        const auto found = std::find(names.begin() + 1, names.end(), later_names[i]);
        if (found != names.end()) {
            marketplace[i] = static_cast<uint8_t>(found - names.begin());
        } else if (names.size() < 256) {
            names.push_back(later_names[i]);
            marketplace[i] = static_cast<uint8_t>(names.size() - 1);
        }
    }

    const std::string notes_a = order_status_note(mixed_status_orders(orders));
    const std::string notes_b = order_status_note(mixed_status_orders(more));
    orders.reserve(orders.size() + added_orders);
    const size_t first_new = orders.size();
    for (size_t i = 0; i < more.size(); ++i) {
        Order o = more[i];
        o.marketplace = marketplace[o.marketplace];
        if (into[i] == OrderSlots::kMissing) orders.push_back(o);
        else fold_order(orders[into[i]], o);
    }
    std::vector<Order>().swap(more);
    std::vector<uint32_t>().swap(into);
    // The new orders into the table, which grows once, now that the later part's records are
    // gone. Their keys are in it nowhere (else add() would drop the table, and the engine's
    // order index would build its own).
    slots.reserve(orders.size(), orders.data());
    slots.add(orders.data(), first_new, orders.size());

    // Lines of the later part are numbered on from the first part's last line.
    InputInfo& info = first.info;
    for (const Problem& p : b.problems) {
        if (info.problems.size() >= kMaxProblems) break;
        info.problems.push_back(p);
        if (p.line > prefix.lines) info.problems.back().line = info.lines + (p.line - prefix.lines);
    }
    info.rows += b.rows;
    info.skipped += b.skipped;
    info.lines += b.lines - prefix.lines;
    info.bytes += b.bytes - prefix.bytes;
    // Notes: both parts' (once each), the status note counted again for the whole file.
    std::vector<std::string> notes;
    for (const auto* list : {&a.notes, &b.notes})
        for (const std::string& n : *list)
            if (n != notes_a && n != notes_b && std::find(notes.begin(), notes.end(), n) == notes.end())
                notes.push_back(n);
    if (const uint64_t mixed = mixed_status_orders(orders)) notes.push_back(order_status_note(mixed));
    info.notes = std::move(notes);
    info.marketplace = main_marketplace(first.records);
    return true;
}

bool reintern_order_ids(Records& r, const OrderIdPool& from, OrderIdPool& to) {
    bool orders_rekeyed = false;
    const auto move = [&](OrderKey& key) {
        if (key & kInternedBit) key = to.key(from.text(key));
    };
    for (Order& o : r.orders) {
        const OrderKey before = o.key;
        move(o.key);
        orders_rekeyed = orders_rekeyed || o.key != before;
    }
    for (FeedbackEntry& f : r.feedback) move(f.order);
    for (Claim& c : r.claims) move(c.order);
    for (Shipment& s : r.shipments) move(s.order);
    for (ReturnRequest& x : r.returns) move(x.order);
    for (FbaReturn& x : r.fba_returns) move(x.order);
    for (CancellationFlag& c : r.cancellations) move(c.order);
    for (TrackingRow& t : r.tracking) move(t.order);
    return orders_rekeyed;
}

}  // namespace sh
