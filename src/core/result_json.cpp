// Serialises the result object (output.md). Field names here are the public contract.
#include "core/result_json.h"

#include "core/messages.h"

namespace sh {

namespace {

void day_or_null(JsonWriter& w, MaybeDay d) {
    if (d.has()) w.string(format_day(d.day()));
    else w.null();
}

void number_or_null(JsonWriter& w, const std::optional<double>& v) {
    if (v) w.number(*v);
    else w.null();
}

void integer_or_null(JsonWriter& w, const std::optional<int64_t>& v) {
    if (v) w.integer(*v);
    else w.null();
}

// Counts are whole numbers in every metric we compute; print them as integers.
void count(JsonWriter& w, double v) {
    if (v == static_cast<double>(static_cast<int64_t>(v))) w.integer(static_cast<int64_t>(v));
    else w.number(v);
}

void strings(JsonWriter& w, const std::vector<std::string>& list) {
    w.begin_array();
    for (const std::string& s : list) w.string(s);
    w.end_array();
}

void params_json(JsonWriter& w, const MessageParams& params) {
    w.begin_object();
    for (const auto& [name, value] : params) w.key(name).string(value);
    w.end_object();
}

// The codes of English texts written elsewhere in the core, in the same order (code "" when a
// text has none).
void codes_json(JsonWriter& w, const std::vector<std::string>& texts) {
    w.begin_array();
    for (const std::string& text : texts) {
        const CodedText coded = recognise(text);
        w.begin_object();
        w.key("code").string(coded.code);
        w.key("params");
        params_json(w, coded.params);
        w.end_object();
    }
    w.end_array();
}

void notes_json(JsonWriter& w, const std::vector<std::string>& notes) {
    if (notes.empty()) return;
    w.key("notes");
    strings(w, notes);
    w.key("note_codes");
    codes_json(w, notes);
}

void action_json(JsonWriter& w, const Action& a) {
    w.begin_object();
    w.key("priority").integer(a.priority);
    w.key("text").string(a.text);
    w.key("code").string(a.code);
    w.key("params");
    params_json(w, a.params);
    if (!a.metric.empty()) w.key("metric").string(a.metric);
    if (!a.order_id.empty()) w.key("order_id").string(a.order_id);
    w.end_object();
}

void entry_json(JsonWriter& w, const FeedbackEntryResult& e) {
    w.begin_object();
    w.key("day").string(format_day(e.day));
    w.key("rating").integer(e.rating);
    w.key("order_id").string(e.order_id);
    w.key("comment").string(e.comment);
    w.key("causes");
    strings(w, e.causes);
    w.key("triggers").begin_array();
    for (const Trigger& t : e.triggers) {
        w.begin_object();
        w.key("cause").string(t.cause);
        w.key("begin").unsigned_integer(t.begin);
        w.key("end").unsigned_integer(t.end);
        w.end_object();
    }
    w.end_array();
    w.key("removal").begin_object();
    w.key("eligible").boolean(e.removal_eligible);
    w.key("reasons");
    strings(w, e.removal_reasons);
    w.end_object();
    w.key("language").string(e.language);
    w.key("answered").boolean(e.answered);
    w.key("removed").boolean(e.removed);
    w.key("priority").integer(e.priority);
    w.key("draft").string(e.draft);
    w.end_object();
}

template <typename T>
nlohmann::ordered_json parsed(const T& value) {
    return nlohmann::ordered_json::parse(json_text(value));
}

}  // namespace

void write_json(const InputInfo& in, JsonWriter& w) {
    w.begin_object();
    w.key("name").string(in.name);
    w.key("kind").string(in.kind);
    w.key("encoding").string(in.encoding);
    w.key("rows").unsigned_integer(in.rows);
    w.key("skipped").unsigned_integer(in.skipped);
    w.key("problems").begin_array();
    for (const Problem& p : in.problems) {
        w.begin_object();
        w.key("line").unsigned_integer(p.line);
        w.key("column").string(p.column);
        w.key("message").string(p.message);
        w.end_object();
    }
    w.end_array();
    w.key("bytes").unsigned_integer(in.bytes);
    if (!in.marketplace.empty()) w.key("marketplace").string(in.marketplace);
    if (!in.error.empty()) w.key("error").string(in.error);
    notes_json(w, in.notes);
    w.end_object();
}

void write_json(const Metric& m, JsonWriter& w) {
    w.begin_object();
    w.key("id").string(m.id);
    w.key("scope").string(m.scope);
    w.key("source").string(m.source);
    count(w.key("numerator"), m.numerator);
    count(w.key("denominator"), m.denominator);
    number_or_null(w.key("rate"), m.rate);
    number_or_null(w.key("target"), m.target);
    w.key("condition").string(m.condition);
    w.key("status").string(m.status);
    w.key("window").begin_object();
    day_or_null(w.key("from"), m.window_from);
    day_or_null(w.key("to"), m.window_to);
    w.end_object();
    integer_or_null(w.key("headroom"), m.headroom);
    integer_or_null(w.key("needed_to_recover"), m.needed_to_recover);
    day_or_null(w.key("recovers_on"), m.recovers_on);
    if (!m.category.empty()) w.key("category").string(m.category);
    if (!m.marketplace_id.empty()) w.key("marketplace_id").string(m.marketplace_id);
    if (!m.components.empty()) {
        w.key("components").begin_object();
        for (const auto& [name, value] : m.components) count(w.key(name), value);
        w.end_object();
    }
    w.key("items").begin_array();
    for (const MetricItem& it : m.items) {
        w.begin_object();
        w.key("order_id").string(it.order_id);
        w.key("day").string(format_day(it.day));
        w.key("kinds");
        strings(w, it.kinds);
        day_or_null(w.key("drops_out_on"), it.drops_out_on);
        w.end_object();
    }
    w.end_array();
    w.key("item_count").unsigned_integer(m.item_count);
    if (m.rule_of_thumb) w.key("rule_of_thumb").boolean(true);
    notes_json(w, m.notes);
    w.key("series").begin_array();
    for (const DailyPoint& p : m.series) {
        w.begin_array();
        w.string(format_day(p.day));
        count(w, p.numerator);
        count(w, p.denominator);
        w.end_array();
    }
    w.end_array();
    w.end_object();
}

void write_json(const FeedbackReport& f, JsonWriter& w) {
    w.begin_object();
    w.key("counts").begin_object();
    for (const auto& [window, c] : f.counts) {
        w.key(window).begin_object();
        w.key("positive").unsigned_integer(c.positive);
        w.key("neutral").unsigned_integer(c.neutral);
        w.key("negative").unsigned_integer(c.negative);
        number_or_null(w.key("positive_share"), c.positive_share);
        w.end_object();
    }
    w.end_object();
    w.key("root_causes").begin_array();
    for (const auto& [cause, n] : f.root_causes) {
        w.begin_object();
        w.key("cause").string(cause);
        w.key("count").unsigned_integer(n);
        w.end_object();
    }
    w.end_array();
    w.key("entries").begin_array();
    for (const FeedbackEntryResult& e : f.entries) entry_json(w, e);
    w.end_array();
    number_or_null(w.key("average_365d"), f.average_365d);
    w.end_object();
}

void write_json(const Result& r, JsonWriter& w) {
    w.begin_object();
    w.key("tool").string(r.tool);
    w.key("version").string(r.version);
    day_or_null(w.key("as_of"), r.as_of);
    w.key("policy").string(r.policy);
    w.key("inputs").begin_array();
    for (const InputInfo& in : r.inputs) write_json(in, w);
    w.end_array();
    w.key("metrics").begin_array();
    for (const Metric& m : r.metrics) write_json(m, w);
    w.end_array();
    w.key("actions").begin_array();
    for (const Action& a : r.actions) action_json(w, a);
    w.end_array();
    w.key("warnings");
    strings(w, r.warnings);
    w.key("warning_codes");
    codes_json(w, r.warnings);
    if (r.feedback.present) {
        w.key("feedback");
        write_json(r.feedback, w);
    }
    w.end_object();
}

nlohmann::ordered_json to_json(const Result& result) { return parsed(result); }
nlohmann::ordered_json to_json(const InputInfo& input) { return parsed(input); }
nlohmann::ordered_json to_json(const Metric& metric) { return parsed(metric); }
nlohmann::ordered_json to_json(const FeedbackReport& feedback) { return parsed(feedback); }

}  // namespace sh
