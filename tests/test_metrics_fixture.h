// Builds loaded files from records directly (no readers) for the metrics engine tests.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "core/engine/evaluate.h"

namespace sh::test {

inline Day D(int y, int m, int d) { return day_from_civil(y, m, d); }

// A feedback entry of the given day and rating (removed: struck through, not counted).
inline FeedbackEntry feedback_entry(OrderKey order, Day day, uint8_t rating, bool removed = false) {
    FeedbackEntry e;
    e.order = order;
    e.day = day;
    e.rating = rating;
    e.removed = removed;
    return e;
}

struct Fixture {
    OrderIdPool ids;
    std::vector<LoadedFile> files;

    // References returned by file() stay valid: tests hold several at once.
    Fixture() { files.reserve(64); }

    // A new loaded file of a kind (the engine only looks at records and kind).
    Records& file(const std::string& kind, const std::string& name = "") {
        files.emplace_back();
        files.back().info.kind = kind;
        files.back().info.name = name.empty() ? kind : name;
        files.back().info.encoding = "utf-8";
        return files.back().records;
    }

    // Order id 113-0000000-<n padded to 7>.
    std::string id_text(int n) const {
        char buf[32];
        std::snprintf(buf, sizeof buf, "113-0000000-%07d", n);
        return buf;
    }
    OrderKey id(int n) { return ids.key(id_text(n)); }

    Order order(int n, Day day, Channel channel = Channel::mfn) {
        Order o;
        o.key = id(n);
        o.day = day;
        o.last_updated = day;
        o.channel = channel;
        o.units = 1;
        return o;
    }

    // The result stays in the fixture (until the next run), so pointers into it stay valid.
    Result result;
    const Result& run(MaybeDay as_of = {}, const std::string& policy = "amazon", DateOrder order = DateOrder::unknown) {
        Options options;
        options.as_of = as_of;
        options.policy = policy;
        options.date_order = order;
        result = evaluate(files, ids, options);
        return result;
    }
    const Result& run_with(const Options& options) {
        result = evaluate(files, ids, options);
        return result;
    }
};

inline const Metric* find_metric(const Result& r, const std::string& id, const std::string& scope = "",
                                 const std::string& source = "computed", const std::string& category = "") {
    for (const Metric& m : r.metrics)
        if (m.id == id && (scope.empty() || m.scope == scope) && m.source == source && m.category == category)
            return &m;
    return nullptr;
}

inline std::string day_text(MaybeDay d) { return d.has() ? format_day(d.day()) : "null"; }

}  // namespace sh::test
