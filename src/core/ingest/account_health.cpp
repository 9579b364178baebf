// Account Health JSON reader: one ReportedMetric per figure per marketplace (reports.md).
#include "core/ingest/account_health.h"

#include <cctype>
#include <cstring>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/ingest/dates.h"
#include "core/ingest/text.h"

namespace sh::ingest {

namespace {

using nlohmann::json;

const json* member(const json& object, std::initializer_list<const char*> names) {
    if (!object.is_object()) return nullptr;
    for (const char* name : names) {
        const auto it = object.find(name);
        if (it != object.end() && !it->is_null()) return &*it;
    }
    return nullptr;
}

// camelCase or UPPER_CASE (Amazon writes both) as snake_case: lateShipmentRate and
// LATE_SHIPMENT_RATE are late_shipment_rate.
std::string snake_case(std::string_view name) {
    std::string out;
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    for (size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (upper(c)) {
            // A word starts at a capital after a small letter or digit ("lateShipment"), or
            // at the last capital of a run before a small letter ("AHRStatus": ahr_status).
            const bool after_small = i > 0 && !upper(name[i - 1]) && name[i - 1] != '_';
            const bool ends_run = i > 0 && upper(name[i - 1]) && i + 1 < name.size() && name[i + 1] >= 'a' && name[i + 1] <= 'z';
            if (!out.empty() && out.back() != '_' && (after_small || ends_run)) out.push_back('_');
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else {
            out.push_back(c);
        }
    }
    return out;
}

class AccountHealthReader {
public:
    explicit AccountHealthReader(Context& cx) : cx_(cx) {}

    void read(const json& doc) {
        if (!doc.is_object() || !member(doc, {"performanceMetrics"})) {
            cx_.file.info.error = "this is a JSON file but not Amazon's Account Health report (it has no "
                                  "performanceMetrics)";
            return;
        }
        cx_.file.info.kind = "amazon.account_health";
        if (const json* statuses = member(doc, {"accountStatuses"})) read_statuses(*statuses);
        const json& metrics = *member(doc, {"performanceMetrics"});
        if (!metrics.is_array()) return problem("performanceMetrics", "not a list");
        for (size_t i = 0; i < metrics.size(); ++i) read_marketplace(metrics[i], "performanceMetrics[" + std::to_string(i) + "]");
    }

private:
    void problem(const std::string& path, std::string message) { cx_.warn(0, path, std::move(message)); }

    void read_statuses(const json& list) {
        if (!list.is_array()) return problem("accountStatuses", "not a list");
        for (size_t i = 0; i < list.size(); ++i) {
            AccountStatus s;
            s.marketplace_id = text(list[i], "marketplaceId", "accountStatuses[" + std::to_string(i) + "]");
            s.status = text(list[i], "status", "accountStatuses[" + std::to_string(i) + "]");
            cx_.file.records.account_statuses.push_back(std::move(s));
        }
    }

    std::string text(const json& object, const char* name, const std::string& path) {
        const json* v = member(object, {name});
        if (!v) return {};
        if (!v->is_string()) {
            problem(path + "." + name, "not text");
            return {};
        }
        return clean_utf8(v->get_ref<const std::string&>());
    }

    // A number, also when written as text ("0.05"); problems for anything else.
    bool number(const json& object, std::initializer_list<const char*> names, const std::string& path, double& out) {
        const json* v = member(object, names);
        if (!v) return false;
        if (v->is_number()) {
            out = v->get<double>();
            return true;
        }
        if (v->is_string())
            if (const auto n = parse_number(v->get_ref<const std::string&>())) {
                out = *n;
                return true;
            }
        problem(path + "." + *names.begin(), "not a number");
        return false;
    }

    // {"count": n} or a bare number.
    bool count(const json& object, const char* name, const std::string& path, double& out) {
        const json* v = member(object, {name});
        if (!v) return false;
        if (v->is_object()) return number(*v, {"count"}, path + "." + name, out);
        return number(object, {name}, path, out);
    }

    // Amazon's status as ours; "" when it is not one we know (the engine then judges the rate
    // against the target, as for a block that gives no status).
    std::string status(const json& v, const std::string& path) {
        if (!v.is_string()) {
            problem(path, "status is not text; judged from the rate and target");
            return {};
        }
        const std::string s = lower_ascii(trim(v.get_ref<const std::string&>()));
        if (s == "good" || s == "great" || s == "healthy" || s == "normal") return "good";
        if (s == "bad" || s == "critical" || s == "poor" || s == "failing" || s == "unhealthy") return "failing";
        if (s == "warned" || s == "at_risk" || s == "atrisk" || s == "warning" || s == "fair") return "warning";
        if (s == "none" || s.empty() || s == "no_data") return "no_data";
        problem(path, "unknown status " + quote_value(v.get_ref<const std::string&>()) + "; judged from the rate and target");
        return {};
    }

    std::string condition(const json& v, const std::string& path) {
        const std::string s = v.is_string() ? v.get<std::string>() : std::string();
        if (s == "LESS_THAN") return "lt";
        if (s == "GREATER_THAN") return "gt";
        if (s == "GREATER_THAN_OR_EQUAL") return "gte";
        if (s == "LESS_THAN_OR_EQUAL") return "lte";
        if (s == "EQUALS" || s == "EQUAL") return "eq";
        problem(path, "unknown targetCondition " + quote_value(v.is_string() ? s : v.dump()));
        return {};
    }

    // A reportingDateRange end; an implausible year (ingest/README.md), text that is no date
    // or a value that is not text is a problem, not a day.
    MaybeDay range_day(const json& range, const char* name, const std::string& path) {
        const json* v = member(range, {name});
        if (!v) return {};
        if (!v->is_string()) {
            problem(path + ".reportingDateRange." + name, "not text");
            return {};
        }
        const std::string& text = v->get_ref<const std::string&>();
        if (trim(text).empty()) return {};
        const auto ts = parse_iso_timestamp(text);
        if (!ts) {
            problem(path + ".reportingDateRange." + name, "not a date: " + quote_value(text));
            return {};
        }
        if (plausible(ts->local_day())) return ts->local_day();
        problem(path + ".reportingDateRange." + name, implausible_date(text));
        return {};
    }

    // The fields every metric block shares: rate, target, condition, status, window.
    ReportedMetric base(const json& block, const std::string& id, const std::string& scope, const std::string& path) {
        ReportedMetric m;
        m.id = id;
        m.scope = scope;
        m.marketplace_id = marketplace_;
        m.has_rate = number(block, {"rate"}, path, m.rate);
        m.has_target = number(block, {"targetValue"}, path, m.target);
        if (const json* c = member(block, {"targetCondition"})) m.condition = condition(*c, path + ".targetCondition");
        if (const json* s = member(block, {"status", "ahrStatus", "accountHealthRatingStatus"}))
            m.status = status(*s, path + ".status");
        if (const json* range = member(block, {"reportingDateRange"})) {
            m.from = range_day(*range, "reportingDateFrom", path);
            m.to = range_day(*range, "reportingDateTo", path);
        }
        return m;
    }

    void add(ReportedMetric m) {
        cx_.used_row();
        cx_.file.records.reported.push_back(std::move(m));
    }

    void rate_metric(const json& block, const std::string& id, const std::string& scope, const std::string& path,
                     const char* numerator, const char* denominator) {
        if (!block.is_object()) return problem(path, "not an object");
        ReportedMetric m = base(block, id, scope, path);
        m.has_numerator = count(block, numerator, path, m.numerator);
        m.has_denominator = number(block, {denominator}, path, m.denominator);
        add(std::move(m));
    }

    void odr(const json& block, const std::string& scope, const std::string& path) {
        if (!block.is_object()) return problem(path, "not an object");
        ReportedMetric m = base(block, "odr", scope, path);
        m.has_numerator = count(block, "orderWithDefects", path, m.numerator);
        m.has_denominator = number(block, {"orderCount"}, path, m.denominator);
        static const std::pair<const char*, const char*> kComponents[] = {
            {"claims", "a_to_z_claims"}, {"chargebacks", "chargebacks"}, {"negativeFeedback", "negative_feedback"}};
        for (const auto& [theirs, ours] : kComponents) {
            double n = 0;
            if (count(block, theirs, path, n)) m.components.emplace_back(ours, n);
        }
        add(std::move(m));
    }

    void read_marketplace(const json& pm, const std::string& path) {
        if (!pm.is_object()) return problem(path, "not an object");
        marketplace_ = text(pm, "marketplaceId", path);
        for (const auto& [key, block] : pm.items()) {
            const std::string at = path + "." + key;
            if (key == "marketplaceId") continue;
            if (key == "orderDefectRate") {
                if (!block.is_object()) {
                    problem(at, "not an object");
                    continue;
                }
                // The key (mfn/afn) decides the scope, whatever fulfillmentType says.
                for (const char* scope : {"mfn", "afn"})
                    if (const json* b = member(block, {scope})) odr(*b, scope, at + "." + scope);
            } else if (key == "preFulfillmentCancellationRate" || key == "prefulfillmentCancelRate") {
                rate_metric(block, "cancel_rate", "mfn", at, "cancellationCount", "orderCount");
            } else if (key == "lateShipmentRate") {
                const size_t before = cx_.file.records.reported.size();
                rate_metric(block, "late_shipment_rate_30d", "mfn", at, "lateShipmentCount", "orderCount");
                if (cx_.file.records.reported.size() > before) {  // a 10-day range is the 10-day metric
                    ReportedMetric& m = cx_.file.records.reported.back();
                    if (m.from.has() && m.to.has() && m.to.day() - m.from.day() + 1 <= 15) m.id = "late_shipment_rate_10d";
                }
            } else if (key == "validTrackingRate") {
                rate_metric(block, "valid_tracking_rate", "mfn", at, "validTrackingCount", "shipmentCount");
            } else if (key == "onTimeDeliveryRate") {
                rate_metric(block, "on_time_delivery_rate", "mfn", at, "onTimeDeliveryCount",
                            "shipmentCountWithValidTracking");
            } else if (key == "unitOnTimeDeliveryRate") {
                rate_metric(block, "unit_on_time_delivery_rate", "mfn", at, "unitOnTimeDeliveryCount", "totalUnitCount");
            } else if (key == "invoiceDefectRate") {
                invoice_defects(block, at);
            } else if (key == "accountHealthRating") {
                if (!block.is_object()) {
                    problem(at, "not an object");
                    continue;
                }
                add(base(block, "account_health_rating", "all", at));
            } else if (key == "warningStates" || key == "warningState") {
                warnings(block, at);
            } else if (block.is_object() && member(block, {"defectsCount"})) {
                ReportedMetric m = base(block, snake_case(key), "all", at);
                m.has_numerator = number(block, {"defectsCount"}, at, m.numerator);
                add(std::move(m));
            }
        }
    }

    void invoice_defects(const json& block, const std::string& at) {
        if (!block.is_object()) return problem(at, "not an object");
        ReportedMetric m = base(block, "invoice_defect_rate", "mfn", at);
        m.has_numerator = count(block, "invoiceDefect", at, m.numerator);
        m.has_denominator = number(block, {"orderCount"}, at, m.denominator);
        double n = 0;
        if (count(block, "missingInvoice", at, n)) m.components.emplace_back("missing_invoice", n);
        if (count(block, "lateInvoice", at, n)) m.components.emplace_back("late_invoice", n);
        add(std::move(m));
    }

    void warnings(const json& list, const std::string& at) {
        if (!list.is_array()) return problem(at, "not a list");
        for (const auto& w : list) {
            // {"warningType": ..., "status": ...}, or (a schema slip) the type as a plain string
            const std::string type = w.is_object() ? text(w, "warningType", at) : w.is_string() ? w.get<std::string>() : std::string();
            if (type.empty()) continue;
            std::string line = "Amazon reports a warning";
            if (!marketplace_.empty()) line += " for " + marketplace_;
            line += ": " + snake_case(type);
            if (const json* s = member(w, {"status"}); s && s->is_string()) line += " (" + s->get<std::string>() + ")";
            cx_.note(line);
        }
    }

    Context& cx_;
    std::string marketplace_;
};

// One pass over a JSON text: where each value starts (its path as the reader names it,
// "performanceMetrics[0].orderDefectRate.mfn", and its 1-based line), to give the problems found
// in the parsed document their lines; and, for a text that is not JSON, where and why it stops
// being JSON, in a seller's words ("expected ',' or ']', found the end of the file (cut
// short?)"). Runs only when there are problems to place or the parse failed; gives up past 64
// levels.
class JsonScan {
public:
    explicit JsonScan(std::string_view text) : text_(text) {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;
        std::string path;
        if (value(path, 0)) {
            blank();
            if (i_ < text_.size()) fail("unexpected text after the document");
        }
    }

    // The line of `path`, else of the nearest enclosing value found; 0 when none is.
    uint32_t line_of(std::string path) const {
        for (;;) {
            if (const auto it = lines_.find(path); it != lines_.end()) return it->second;
            const size_t cut = path.find_last_of(".[");
            if (cut == std::string::npos || cut == 0) return 0;
            path.resize(cut);
        }
    }

    // "" for JSON; else "At line 4, column 64: expected a string (a member name), found '}'".
    const std::string& error() const { return error_; }

private:
    char peek() const { return i_ < text_.size() ? text_[i_] : '\0'; }
    void blank() {
        for (; i_ < text_.size() && std::strchr(" \t\r\n", text_[i_]) && text_[i_]; ++i_)
            if (text_[i_] == '\n') ++line_, line_start_ = i_ + 1;
    }
    bool fail(const std::string& why) {
        if (!error_.empty()) return false;
        std::string found = i_ >= text_.size() ? std::string("the end of the file (cut short?)")
                                               : "'" + std::string(1, text_[i_]) + "'";
        error_ = "At line " + std::to_string(line_) + ", column " + std::to_string(i_ - line_start_ + 1) + ": " + why +
                 (i_ < text_.size() && why.rfind("expected", 0) != 0 ? "" : ", found " + found);
        return false;
    }
    bool expect(char c, const char* what) {
        blank();
        if (peek() != c) return fail(std::string("expected ") + what);
        ++i_;
        return true;
    }
    // A string at '"': its characters, escapes taken as the character after the backslash.
    bool string(std::string* out) {
        if (peek() != '"') return fail("expected a string");
        for (++i_; i_ < text_.size() && text_[i_] != '"'; ++i_) {
            if (text_[i_] == '\n') return fail("a string does not end on its line");
            if (text_[i_] == '\\') ++i_;
            if (out && i_ < text_.size()) *out += text_[i_];
        }
        if (i_ >= text_.size()) return fail("a string does not end");
        ++i_;
        return true;
    }
    bool value(std::string& path, int depth) {
        if (depth > 64) return false;
        blank();
        lines_.emplace(path, line_);
        const char open = peek();
        if (open == '"') return string(nullptr);
        if (open != '{' && open != '[') {
            const size_t from = i_;
            while (i_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[i_])) || text_[i_] == '+' ||
                                         text_[i_] == '-' || text_[i_] == '.'))
                ++i_;
            const std::string_view word = text_.substr(from, i_ - from);
            const bool number = !word.empty() && (std::isdigit(static_cast<unsigned char>(word[0])) || word[0] == '-');
            if (word == "true" || word == "false" || word == "null" || number) return true;
            i_ = from;
            return fail("expected a value (a string, number, object, list, true, false or null)");
        }
        ++i_;
        const char close = open == '{' ? '}' : ']';
        blank();
        if (peek() == close) return ++i_, true;
        for (size_t index = 0;; ++index) {
            const size_t outer = path.size();
            if (open == '{') {
                blank();
                std::string key;
                if (peek() != '"') return fail("expected a string (a member name)");
                if (!string(&key) || !expect(':', "':' after a member name")) return false;
                path += (path.empty() ? "" : ".") + key;
            } else {
                path += "[" + std::to_string(index) + "]";
            }
            if (!value(path, depth + 1)) return false;
            path.resize(outer);
            blank();
            if (peek() == ',') {
                ++i_;
                continue;
            }
            return expect(close, open == '{' ? "',' or '}'" : "',' or ']'");
        }
    }

    std::string_view text_;
    size_t i_ = 0, line_start_ = 0;
    uint32_t line_ = 1;
    std::unordered_map<std::string, uint32_t> lines_;
    std::string error_;
};

}  // namespace

bool looks_like_json(std::string_view text) {
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        return c == '{' || c == '[';
    }
    return false;
}

void read_account_health(std::string_view text, Context& cx) {
    const json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) {
        cx.file.info.error = "this looks like a JSON file but it is not valid JSON (cut short or damaged?)";
        if (const JsonScan scan(text); !scan.error().empty()) cx.file.info.error += ". " + scan.error();
        return;
    }
    AccountHealthReader(cx).read(doc);
    // The reader names a problem by its path in the document; the line is found afterwards.
    bool unplaced = false;
    for (const Problem& p : cx.file.info.problems) unplaced = unplaced || (p.line == 0 && !p.column.empty());
    if (unplaced) {
        const JsonScan lines(text);
        for (Problem& p : cx.file.info.problems)
            if (p.line == 0 && !p.column.empty()) p.line = lines.line_of(p.column);
    }
    // Statuses alone are no figures: without a metric the file has nothing to show (an empty
    // list, empty objects, or every field missing or of the wrong type; the problems say which).
    if (cx.file.info.error.empty() && cx.file.records.reported.empty())
        cx.file.info.error = kNoAccountHealthMetrics;
}

}  // namespace sh::ingest
