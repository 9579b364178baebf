// Gathers and de-duplicates the records of every loaded file (see facts.h).
#include "core/engine/facts.h"

#include <algorithm>
#include <tuple>

#include "core/messages.h"

namespace sh {

namespace {

const char* order_name(DateOrder o) { return o == DateOrder::mdy ? "M/D/YY" : o == DateOrder::ymd ? "YY/M/D" : "D/M/YY"; }

// The marketplace-wide order: the user's choice, then the orders' marketplace, then the policy's.
DateOrder global_date_order(const std::vector<LoadedFile>& files, const Options& options, const Policy& policy,
                            const OrderIndex& orders, std::string& source) {
    if (options.date_order != DateOrder::unknown) {
        source = std::string("your choice (") + order_name(options.date_order) + ")";
        return options.date_order;
    }
    DateOrder found = DateOrder::unknown;
    bool conflict = false;
    std::string channel;
    auto consider = [&](const std::string& sales_channel) {
        const DateOrder o = date_order_for_sales_channel(sales_channel);
        if (o == DateOrder::unknown) return;
        if (found != DateOrder::unknown && found != o) conflict = true;
        found = o;
        channel = sales_channel;
    };
    for (size_t i = 1; i < orders.marketplaces.size(); ++i) consider(orders.marketplaces[i]);
    for (const LoadedFile& f : files)
        if (!f.records.orders.empty() && !f.info.marketplace.empty()) consider(f.info.marketplace);
    if (found != DateOrder::unknown && !conflict) {
        source = std::string("the orders' marketplace ") + channel + " (" + order_name(found) + ")";
        return found;
    }
    if (policy.feedback_date_order != DateOrder::unknown) {
        source = std::string("the policy ") + policy.id + " (" + order_name(policy.feedback_date_order) + ")";
        return policy.feedback_date_order;
    }
    return DateOrder::unknown;
}

void gather_feedback(const std::vector<LoadedFile>& files, const Options& options, const Policy& policy, Facts& facts,
                     std::vector<std::string>& warnings) {
    std::string global_source;
    const DateOrder global = global_date_order(files, options, policy, facts.orders, global_source);
    uint64_t invalid = 0;
    std::string invalid_sources;  // where the order those dates were read in came from, each once
    for (size_t file = 0; file < files.size(); ++file) {
        const LoadedFile& f = files[file];
        const Records& r = f.records;
        if (r.feedback.empty()) continue;
        facts.feedback_loaded = true;
        if (f.info.kind == "template.feedback") facts.feedback_full_history = true;
        DateOrder order = global;
        std::string source = global_source;
        if (order == DateOrder::unknown && r.date_order_from_header != DateOrder::unknown) {
            order = r.date_order_from_header;
            source = std::string("the header language of ") + f.info.name + " (" + order_name(order) + ")";
        }
        if (order == DateOrder::unknown && r.date_order_from_values != DateOrder::unknown) {
            order = r.date_order_from_values;
            source = std::string("dates in ") + f.info.name + " that only fit " + order_name(order);
        }
        uint64_t ambiguous = 0, ordered = 0;
        for (const FeedbackEntry& e : r.feedback) {
            MaybeDay day = e.day;
            if (!day.has() && e.needs_date_order) {
                if (order == DateOrder::unknown) {
                    ++ambiguous;
                    continue;
                }
                day = resolve_short_date(e.short_date, order);
                if (!day.has()) {
                    ++invalid;
                    const ShortDate& d = e.short_date;
                    const std::string written = std::to_string(d.a) + "/" + std::to_string(d.b) + "/" +
                                                (d.year < 10 ? "0" : "") + std::to_string(d.year);
                    facts.left_out_rows.push_back(
                        {file, {e.line, r.feedback_date_column,
                                "not a date in the chosen day/month order (" + source + "): '" + written + "'"}});
                    if (invalid_sources.find(source) == std::string::npos)
                        invalid_sources += (invalid_sources.empty() ? "" : "; ") + source;
                    continue;
                }
                ++ordered;
            }
            if (!day.has() || e.rating < 1 || e.rating > 5) continue;
            facts.feedback.push_back({day.day(), e.rating, e.removed, e.order, &e});
        }
        if (ordered) facts.dates_ordered.push_back({file, source});
        if (ambiguous) {
            facts.feedback_ambiguous += ambiguous;
            warnings.push_back(english("feedback_dates_ambiguous_left_out",
                                       {{"count", std::to_string(ambiguous)}, {"file", f.info.name}}));
        }
    }
    if (invalid)
        warnings.push_back(
            english("feedback_dates_invalid", {{"count", std::to_string(invalid)}, {"source", invalid_sources}}));
    // The same entry in two overlapping exports is one entry: the same order, day and rating
    // (and comment, when there is no order id). Compared field by field, no comment copied.
    auto before = [](const FeedbackFact& a, const FeedbackFact& b) {
        if (a.order != b.order) return a.order < b.order;
        if (a.day.n != b.day.n) return a.day.n < b.day.n;
        if (a.rating != b.rating) return a.rating < b.rating;
        return a.order == kNoOrder && a.entry->comment < b.entry->comment;
    };
    std::stable_sort(facts.feedback.begin(), facts.feedback.end(), before);
    std::vector<FeedbackFact> unique;
    unique.reserve(facts.feedback.size());
    for (const FeedbackFact& fb : facts.feedback) {
        if (!unique.empty() && !before(unique.back(), fb)) {  // sorted: not before is the same
            FeedbackFact& kept = unique.back();
            kept.removed = kept.removed || fb.removed;
            if (kept.entry->response.empty() && !fb.entry->response.empty()) kept.entry = fb.entry;
            continue;
        }
        unique.push_back(fb);
    }
    facts.feedback = std::move(unique);
}

int claim_status_rank(ClaimStatus s) { return s == ClaimStatus::open ? 0 : 1; }  // a decision beats "open"

void gather_claims(const std::vector<LoadedFile>& files, Facts& facts) {
    for (const LoadedFile& f : files)
        for (const Claim& c : f.records.claims) {
            facts.claims_loaded = true;
            facts.claims.push_back(c);
        }
    auto key = [](const Claim& c) { return std::make_tuple(c.order, int(c.type), c.claim_day.n); };
    std::stable_sort(facts.claims.begin(), facts.claims.end(),
                     [&](const Claim& a, const Claim& b) { return key(a) < key(b); });
    std::vector<Claim> unique;
    for (const Claim& c : facts.claims) {
        if (!unique.empty() && c.order != kNoOrder && key(unique.back()) == key(c)) {
            Claim& kept = unique.back();
            if (claim_status_rank(c.status) >= claim_status_rank(kept.status)) kept.status = c.status;
            kept.amazon_funded = kept.amazon_funded || c.amazon_funded;
            kept.fraud = kept.fraud || c.fraud;
            if (!kept.order_day.has()) kept.order_day = c.order_day;
            continue;
        }
        unique.push_back(c);
    }
    facts.claims = std::move(unique);
}

uint16_t global_category(Facts& facts, const std::vector<std::string>& names, uint16_t local) {
    if (local == 0 || local >= names.size()) return 0;
    const std::string& name = names[local];
    for (size_t i = 1; i < facts.categories.size(); ++i)
        if (facts.categories[i] == name) return static_cast<uint16_t>(i);
    facts.categories.push_back(name);
    return static_cast<uint16_t>(facts.categories.size() - 1);
}

void gather_shipments(const std::vector<LoadedFile>& files, Facts& facts) {
    for (const LoadedFile& f : files) {
        for (const Shipment& s : f.records.shipments) {
            facts.shipments_loaded = true;
            facts.shipments.entries.push_back({&s, global_category(facts, f.records.categories, s.category)});
        }
        for (TrackingRow t : f.records.tracking) {
            t.category = global_category(facts, f.records.categories, t.category);
            facts.tracking.push_back(t);
        }
    }
    // The same shipment row in two overlapping exports is one shipment; split shipments of
    // one order differ in some date or count and stay apart.
    using Entry = ShipmentList::Entry;
    auto key = [](const Entry& e) {
        const Shipment& s = *e.row;
        return std::make_tuple(s.order, s.expected_ship.n, s.ship_confirm.n, s.promised_delivery.n, s.delivered.n,
                               s.has_tracking, s.tracking_valid, s.units, e.category);
    };
    // Sorted as a stable sort by key would, but by order id first from a copy beside each
    // position, so most comparisons read no row (issue 9: the sort was 8 % of a shipments run).
    auto& entries = facts.shipments.entries;
    std::vector<std::pair<OrderKey, uint32_t>> by_order(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) by_order[i] = {entries[i].row->order, static_cast<uint32_t>(i)};
    std::sort(by_order.begin(), by_order.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        const auto ka = key(entries[a.second]), kb = key(entries[b.second]);
        return ka != kb ? ka < kb : a.second < b.second;
    });
    std::vector<Entry> sorted;
    sorted.reserve(entries.size());
    for (const auto& [order, at] : by_order) sorted.push_back(entries[at]);
    entries.swap(sorted);
    entries.erase(std::unique(entries.begin(), entries.end(),
                              [&](const Entry& a, const Entry& b) { return a.row->order != kNoOrder && key(a) == key(b); }),
                  entries.end());
    std::stable_sort(facts.tracking.begin(), facts.tracking.end(),
                     [](const TrackingRow& a, const TrackingRow& b) { return a.order < b.order; });
    facts.tracking.erase(std::unique(facts.tracking.begin(), facts.tracking.end(),
                                     [](const TrackingRow& a, const TrackingRow& b) {
                                         return a.order != kNoOrder && a.order == b.order;
                                     }),
                         facts.tracking.end());
}

void gather_returns_and_messages(const std::vector<LoadedFile>& files, Facts& facts) {
    for (const LoadedFile& f : files) {
        for (const ReturnRequest& r : f.records.returns) {
            facts.returns_loaded = true;
            facts.returns.push_back(&r);
        }
        for (const Message& m : f.records.messages) {
            facts.messages_loaded = true;
            facts.messages.push_back(&m);
        }
    }
    auto rkey = [](const ReturnRequest* r) {
        return std::make_tuple(r->order, r->request_day.n, r->reason, r->quantity);
    };
    std::stable_sort(facts.returns.begin(), facts.returns.end(),
                     [&](const ReturnRequest* a, const ReturnRequest* b) { return rkey(a) < rkey(b); });
    // keep the last loaded copy (its status is the most recent one we have)
    std::vector<const ReturnRequest*> returns;
    for (const ReturnRequest* r : facts.returns) {
        if (!returns.empty() && r->order != kNoOrder && rkey(returns.back()) == rkey(r)) returns.back() = r;
        else returns.push_back(r);
    }
    facts.returns = std::move(returns);
    std::stable_sort(facts.messages.begin(), facts.messages.end(),
                     [](const Message* a, const Message* b) { return a->id < b->id; });
    std::vector<const Message*> messages;
    for (const Message* m : facts.messages) {
        if (!messages.empty() && !m->id.empty() && messages.back()->id == m->id) messages.back() = m;
        else messages.push_back(m);
    }
    facts.messages = std::move(messages);
}

void gather_cancellations(const std::vector<LoadedFile>& files, Facts& facts) {
    for (const LoadedFile& f : files)
        for (const CancellationFlag& c : f.records.cancellations)
            if (c.order != kNoOrder) facts.cancellations.push_back(c);
    std::stable_sort(facts.cancellations.begin(), facts.cancellations.end(),
                     [](const CancellationFlag& a, const CancellationFlag& b) { return a.order < b.order; });
    std::vector<CancellationFlag> unique;
    for (const CancellationFlag& c : facts.cancellations) {
        if (!unique.empty() && unique.back().order == c.order) {
            unique.back().impacts_account_health = unique.back().impacts_account_health && c.impacts_account_health;
            if (!unique.back().order_day.has()) unique.back().order_day = c.order_day;
        } else {
            unique.push_back(c);
        }
    }
    facts.cancellations = std::move(unique);
}

// Calls `event(day)` for every event day of the loaded facts (engine/README.md, "as_of").
template <class Event>
void for_each_event(const std::vector<LoadedFile>& files, const Facts& facts, Event&& event) {
    const auto note = [&](MaybeDay d) {
        if (d.has()) event(d.day());
    };
    for (const Order& o : facts.orders.all()) {
        note(o.day);
        if (o.last_updated >= o.day) note(o.last_updated);
    }
    for (const FeedbackFact& fb : facts.feedback) note(fb.day);
    for (const Claim& c : facts.claims) {
        note(c.order_day);
        note(c.claim_day);
    }
    for (const Shipment& s : facts.shipments) {
        note(s.order_day);
        note(s.ship_confirm);
        note(s.delivered);
    }
    for (const ReturnRequest* r : facts.returns) {
        note(r->order_day);
        note(r->request_day);
    }
    for (const Message* m : facts.messages) {
        note(m->received.local_day());
        if (m->has_response) note(m->responded.local_day());
    }
    for (const CancellationFlag& c : facts.cancellations) note(c.order_day);
    for (const LoadedFile& f : files) {
        for (const FbaReturn& r : f.records.fba_returns) note(r.day);
        for (const ReportedMetric& m : f.records.reported) note(m.to);
    }
}

// A typo into the future (an order "purchased" in 2099) makes the default as_of, the latest
// event day, empty every window: the latest group of event days that lies more than
// kDetachedGapDays after every earlier event and holds at most half of all events is found,
// repeatedly, for a warning that says which day to evaluate instead (ingest/README.md,
// "Implausible dates"). The default as_of itself stays metrics.md's latest event day.
void find_detached_events(const std::vector<LoadedFile>& files, Facts& facts) {
    facts.plausible_latest = facts.latest_event;
    if (!facts.first_event.has()) return;
    const Day first = facts.first_event.day();
    const int span = facts.latest_event.day() - first + 1;
    if (span <= Facts::kDetachedGapDays + 1 || span > 40000) return;  // no room for a gap; or not from ingest (years 2000-2099)
    std::vector<uint32_t> per_day(size_t(span), 0);  // 4 bytes per day of the range, not per event
    uint64_t total = 0;
    for_each_event(files, facts, [&](Day d) {
        ++per_day[size_t(d - first)];
        ++total;
    });
    uint64_t dropped = 0;
    int latest = span - 1;  // the latest day still in the default
    while (true) {
        uint64_t group = 0;
        int day = latest, earliest = latest;
        for (; day >= 0; --day) {
            if (!per_day[size_t(day)]) continue;
            if (earliest - day > Facts::kDetachedGapDays) break;
            group += per_day[size_t(day)];
            earliest = day;
        }
        if (day < 0 || group * 2 > total) break;  // nothing before it, or too many events to be typos
        if (!dropped) facts.detached_to = first + latest;
        dropped += group;
        facts.detached_from = first + earliest;
        latest = day;
    }
    if (!dropped) return;
    facts.detached_events = dropped;
    facts.plausible_latest = first + latest;
}

}  // namespace

MaybeDay resolve_short_date(ShortDate d, DateOrder order) {
    if (order == DateOrder::unknown) return {};
    int year = order == DateOrder::ymd ? d.a : d.year, month = d.b, day = d.a;
    if (order == DateOrder::mdy) month = d.a, day = d.b;
    if (order == DateOrder::ymd) day = d.year;
    if (year >= 0 && year < 100) year += 2000;
    if (!valid_civil(year, month, day)) return {};
    return day_from_civil(year, month, day);
}

namespace {

OrderDays count_order_days(const OrderIndex& orders) {
    OrderDays days;
    if (orders.all().size() == 0) return days;
    Day first = orders.all().first->day, last = first;
    for (const Order& o : orders.all()) {
        first = std::min(first, o.day);
        last = std::max(last, o.day);
    }
    days.first = first;
    days.counts.assign(static_cast<size_t>(last - first) + 1, {0, 0, 0});
    for (const Order& o : orders.all()) ++days.counts[static_cast<size_t>(o.day - first)][static_cast<size_t>(o.channel) % 3];
    return days;
}

}  // namespace

Facts gather_facts(const std::vector<LoadedFile>& files, const Options& options, const Policy& policy,
                   std::vector<std::string>& warnings, OrderIndexCache* cache) {
    Facts facts;
    if (cache && cache->ready) {
        facts.orders = std::move(cache->index);
        cache->ready = false;  // until it is given back
    } else {
        facts.orders = build_order_index(files);
    }
    facts.order_days = count_order_days(facts.orders);
    gather_feedback(files, options, policy, facts, warnings);
    gather_claims(files, facts);
    gather_shipments(files, facts);
    gather_returns_and_messages(files, facts);
    gather_cancellations(files, facts);
    for (const LoadedFile& f : files)
        for (const ReportedMetric& m : f.records.reported) facts.reported.push_back(&m);
    for_each_event(files, facts, [&](Day d) {
        if (!facts.first_event.has() || d < facts.first_event.day()) facts.first_event = d;
        if (!facts.latest_event.has() || d > facts.latest_event.day()) facts.latest_event = d;
    });
    find_detached_events(files, facts);
    return facts;
}

}  // namespace sh
