// Serialises the result object (output.md). Field names here are the public contract.
#include "core/result_json.h"

#include "core/messages.h"

namespace sh {

namespace {

nlohmann::ordered_json day_or_null(MaybeDay d) {
    return d.has() ? nlohmann::ordered_json(format_day(d.day())) : nlohmann::ordered_json(nullptr);
}

template <typename T>
nlohmann::ordered_json optional_or_null(const std::optional<T>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json params_json(const MessageParams& params) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& [name, value] : params) j[name] = value;
    return j;
}

// The codes of English texts written elsewhere in the core, in the same order (code "" when a
// text has none).
nlohmann::ordered_json codes_json(const std::vector<std::string>& texts) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const std::string& text : texts) {
        const CodedText coded = recognise(text);
        out.push_back({{"code", coded.code}, {"params", params_json(coded.params)}});
    }
    return out;
}

// Counts are whole numbers in every metric we compute; print them as integers.
nlohmann::ordered_json count(double v) {
    if (v == static_cast<double>(static_cast<int64_t>(v))) return static_cast<int64_t>(v);
    return v;
}

}  // namespace

nlohmann::ordered_json to_json(const InputInfo& in) {
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const Problem& p : in.problems)
        problems.push_back({{"line", p.line}, {"column", p.column}, {"message", p.message}});
    nlohmann::ordered_json j = {{"name", in.name},         {"kind", in.kind},   {"encoding", in.encoding},
                        {"rows", in.rows},         {"skipped", in.skipped}, {"problems", problems},
                        {"bytes", in.bytes}};
    if (!in.marketplace.empty()) j["marketplace"] = in.marketplace;
    if (!in.error.empty()) j["error"] = in.error;
    if (!in.notes.empty()) {
        j["notes"] = in.notes;
        j["note_codes"] = codes_json(in.notes);
    }
    return j;
}

nlohmann::ordered_json to_json(const Metric& m) {
    nlohmann::ordered_json j = {{"id", m.id},
                        {"scope", m.scope},
                        {"source", m.source},
                        {"numerator", count(m.numerator)},
                        {"denominator", count(m.denominator)},
                        {"rate", optional_or_null(m.rate)},
                        {"target", optional_or_null(m.target)},
                        {"condition", m.condition},
                        {"status", m.status},
                        {"window", {{"from", day_or_null(m.window_from)}, {"to", day_or_null(m.window_to)}}},
                        {"headroom", optional_or_null(m.headroom)},
                        {"needed_to_recover", optional_or_null(m.needed_to_recover)},
                        {"recovers_on", day_or_null(m.recovers_on)}};
    if (!m.category.empty()) j["category"] = m.category;
    if (!m.marketplace_id.empty()) j["marketplace_id"] = m.marketplace_id;
    if (!m.components.empty()) {
        nlohmann::ordered_json c = nlohmann::ordered_json::object();
        for (const auto& [name, value] : m.components) c[name] = count(value);
        j["components"] = c;
    }
    nlohmann::ordered_json items = nlohmann::ordered_json::array();
    for (const MetricItem& it : m.items)
        items.push_back({{"order_id", it.order_id},
                         {"day", format_day(it.day)},
                         {"kinds", it.kinds},
                         {"drops_out_on", day_or_null(it.drops_out_on)}});
    j["items"] = items;
    j["item_count"] = m.item_count;
    if (m.rule_of_thumb) j["rule_of_thumb"] = true;
    if (!m.notes.empty()) {
        j["notes"] = m.notes;
        j["note_codes"] = codes_json(m.notes);
    }
    nlohmann::ordered_json series = nlohmann::ordered_json::array();
    for (const DailyPoint& p : m.series)
        series.push_back({format_day(p.day), count(p.numerator), count(p.denominator)});
    j["series"] = series;
    return j;
}

nlohmann::ordered_json to_json(const FeedbackReport& f) {
    nlohmann::ordered_json counts = nlohmann::ordered_json::object();
    for (const auto& [window, c] : f.counts)
        counts[window] = {{"positive", c.positive},
                          {"neutral", c.neutral},
                          {"negative", c.negative},
                          {"positive_share", optional_or_null(positive_share(c))}};
    nlohmann::ordered_json causes = nlohmann::ordered_json::array();
    for (const auto& [cause, n] : f.root_causes) causes.push_back({{"cause", cause}, {"count", n}});
    nlohmann::ordered_json entries = nlohmann::ordered_json::array();
    for (const FeedbackEntryResult& e : f.entries) {
        nlohmann::ordered_json triggers = nlohmann::ordered_json::array();
        for (const Trigger& t : e.triggers)
            triggers.push_back({{"cause", t.cause}, {"begin", t.begin}, {"end", t.end}});
        entries.push_back({{"day", format_day(e.day)},
                           {"rating", e.rating},
                           {"order_id", e.order_id},
                           {"comment", e.comment},
                           {"causes", e.causes},
                           {"triggers", triggers},
                           {"removal", {{"eligible", e.removal_eligible}, {"reasons", e.removal_reasons}}},
                           {"language", e.language},
                           {"answered", e.answered},
                           {"removed", e.removed},
                           {"priority", e.priority},
                           {"draft", e.draft}});
    }
    return {{"counts", counts},
            {"root_causes", causes},
            {"entries", entries},
            {"average_365d", optional_or_null(f.average_365d)}};
}

nlohmann::ordered_json to_json(const Result& r) {
    nlohmann::ordered_json inputs = nlohmann::ordered_json::array();
    for (const InputInfo& in : r.inputs) inputs.push_back(to_json(in));
    nlohmann::ordered_json metrics = nlohmann::ordered_json::array();
    for (const Metric& m : r.metrics) metrics.push_back(to_json(m));
    nlohmann::ordered_json actions = nlohmann::ordered_json::array();
    for (const Action& a : r.actions) {
        nlohmann::ordered_json j = {{"priority", a.priority}, {"text", a.text}, {"code", a.code},
                                    {"params", params_json(a.params)}};
        if (!a.metric.empty()) j["metric"] = a.metric;
        if (!a.order_id.empty()) j["order_id"] = a.order_id;
        actions.push_back(j);
    }
    nlohmann::ordered_json j = {{"tool", r.tool},       {"version", r.version}, {"as_of", day_or_null(r.as_of)},
                        {"policy", r.policy},   {"inputs", inputs},     {"metrics", metrics},
                        {"actions", actions},   {"warnings", r.warnings},
                        {"warning_codes", codes_json(r.warnings)}};
    if (r.feedback.present) j["feedback"] = to_json(r.feedback);
    return j;
}

}  // namespace sh
