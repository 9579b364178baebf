// Every loaded file's records gathered into one de-duplicated set of facts for the metrics.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/engine/order_index.h"
#include "core/engine/policy.h"
#include "core/input.h"
#include "core/options.h"

namespace sh {

// A feedback entry with its day resolved.
struct FeedbackFact {
    Day day;
    uint8_t rating = 0;
    bool removed = false;
    OrderKey order = kNoOrder;
    const FeedbackEntry* entry = nullptr;  // comment and response
};

// Orders per order day and channel: the odr and cancel_rate denominators are added a day at a
// time (WindowCounter weights), not an order at a time (issue 9: 3 counter calls per order were
// a quarter of an evaluation at 1 M orders).
struct OrderDays {
    Day first;                                     // the day of counts[0]
    std::vector<std::array<uint32_t, 3>> counts;   // per day, by Channel: unknown, mfn, afn
};

// The loaded shipments, de-duplicated and in key order: the files' own rows, not copies (issue
// 9: a copy and its sort buffer were ≈ 10 bytes per order at peak on a year of orders), each
// with its category in Facts::categories (a row's own `category` indexes its file's list).
struct ShipmentList {
    struct Entry {
        const Shipment* row;
        uint16_t category;
    };
    std::vector<Entry> entries;

    size_t size() const { return entries.size(); }
    const Shipment& operator[](size_t i) const { return *entries[i].row; }
    uint16_t category(size_t i) const { return entries[i].category; }

    struct Iterator {
        const Entry* at;
        const Shipment& operator*() const { return *at->row; }
        Iterator& operator++() {
            ++at;
            return *this;
        }
        bool operator!=(const Iterator& other) const { return at != other.at; }
    };
    Iterator begin() const { return {entries.data()}; }
    Iterator end() const { return {entries.data() + entries.size()}; }
};

struct Facts {
    OrderIndex orders;
    OrderDays order_days;

    std::vector<FeedbackFact> feedback;    // resolved, de-duplicated (removed ones included)
    bool feedback_loaded = false;
    bool feedback_full_history = false;    // a feedback template (any rating) was loaded
    uint64_t feedback_ambiguous = 0;       // left out: D/M vs M/D could not be decided
    // Feedback files whose short dates the file could not order but the evaluation did (your
    // choice, the orders' marketplace, the policy): where the order came from, for their notes.
    struct DatesOrdered {
        size_t file;
        std::string source;  // e.g. "your choice (D/M/YY)"
    };
    std::vector<DatesOrdered> dates_ordered;
    // Feedback rows whose short date is no date in the order chosen for them: left out, and
    // bad rows of their file (reports.md), which only the evaluation can tell.
    struct LeftOutRow {
        size_t file;
        Problem problem;
    };
    std::vector<LeftOutRow> left_out_rows;

    std::vector<Claim> claims;             // de-duplicated per (order, type, claim day)
    bool claims_loaded = false;
    ShipmentList shipments;
    bool shipments_loaded = false;
    std::vector<TrackingRow> tracking;     // valid-tracking download rows
    std::vector<std::string> categories{""};
    std::vector<const ReturnRequest*> returns;
    bool returns_loaded = false;
    std::vector<const Message*> messages;  // de-duplicated by message id
    bool messages_loaded = false;
    std::vector<CancellationFlag> cancellations;  // one per order; Impacts = No wins
    std::vector<const ReportedMetric*> reported;

    MaybeDay first_event, latest_event;    // the loaded range of event days
    // Latest events more than a year after all the others, at most half of all events: they
    // look like typos. The default as_of stays latest_event (metrics.md); a warning names them
    // and plausible_latest, the latest day of the rest, to set as_of to.
    static constexpr int kDetachedGapDays = 366;
    MaybeDay plausible_latest;
    uint64_t detached_events = 0;
    MaybeDay detached_from, detached_to;
};

// `warnings` receives what the seller must know (ambiguous dates, ...). With a ready `cache`,
// its order index is moved into the facts instead of built (the caller moves it back).
Facts gather_facts(const std::vector<LoadedFile>& files, const Options& options, const Policy& policy,
                   std::vector<std::string>& warnings, OrderIndexCache* cache = nullptr);

// The day of a short date under a day/month order; unset when not a valid date.
MaybeDay resolve_short_date(ShortDate d, DateOrder order);

}  // namespace sh
