// Text, JSON and markdown renderings of the result (output.md "CLI").
#include "cli/format.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <optional>

#include "core/engine/policy.h"
#include "core/result_json.h"

namespace sh::cli {

namespace {

// Averages (a target above 1) print as numbers, rates as percentages.
bool is_average(const Metric& m) { return m.target && *m.target > 1.0; }

// Amazon's policy counters (listing_policy_violations, ...) and its rating are counts and a
// score, not rates: no percentage, no denominator.
bool is_count(const Metric& m) {
    return m.source == "amazon_report" && std::string(counted_noun(m.id)) == "items" && m.denominator <= 0;
}

// Text from the files on one line of a terminal table: control characters (a newline in a
// category) become spaces.
std::string one_line(std::string s) {
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return s;
}

std::string number(double v, int decimals) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string count_text(double v) {
    return v == double(int64_t(v)) ? std::to_string(int64_t(v)) : number(v, 2);
}

std::string value_text(const Metric& m, double v) {
    if (is_count(m)) return count_text(v);
    return is_average(m) ? number(v, 2) : number(v * 100.0, 2) + " %";
}

std::string condition_text(const std::string& c) {
    if (c == "lt") return "<";
    if (c == "gt") return ">";
    if (c == "gte") return ">=";
    if (c == "lte") return "<=";
    if (c == "eq") return "=";
    return c;
}

std::string status_word(const std::string& s) {
    if (s == "failing") return "FAILING";
    if (s == "warning") return "WARNING";
    if (s == "no_data") return "no data";
    return s;
}

std::string metric_name(const Metric& m) {
    std::string name = m.id;
    if (!m.category.empty()) name += " (" + one_line(m.category) + ")";
    // Amazon's figures name their marketplace: a report for several has one row each.
    if (!m.marketplace_id.empty()) {
        const std::string policy = marketplace_name(m.marketplace_id);
        name += " [" + (policy.empty() ? m.marketplace_id : policy) + "]";
    }
    return name;
}

std::string window_text(const Metric& m) {
    if (!m.window_from.has() && !m.window_to.has()) return "";
    const std::string from = m.window_from.has() ? format_day(m.window_from.day()) : "";
    const std::string to = m.window_to.has() ? format_day(m.window_to.day()) : "";
    return from + " .. " + to;
}

std::string target_text(const Metric& m) {
    if (!m.target) return "";
    return condition_text(m.condition) + " " + value_text(m, *m.target) + (m.rule_of_thumb ? "*" : "");
}

std::string source_text(const Metric& m) { return m.source == "amazon_report" ? "Amazon" : "computed"; }

std::string outlook_text(const Metric& m) {
    std::string out;
    if (m.headroom) out = "room for " + std::to_string(*m.headroom) + " more";
    if (m.needed_to_recover) out = "needs " + std::to_string(*m.needed_to_recover) + " good";
    if (m.recovers_on.has()) out += (out.empty() ? "" : ", ") + std::string("recovers ") + format_day(m.recovers_on.day());
    return out;
}

std::vector<std::string> metric_row(const Metric& m) {
    const bool counts = !is_count(m) && (m.source == "computed" || m.denominator > 0 || m.numerator > 0);
    // A counter's value is its count (Amazon gives no rate for it).
    const bool counted = is_count(m) && !m.rate && (m.numerator > 0 || m.status != "no_data");
    const std::optional<double> value = counted ? std::optional<double>(m.numerator) : m.rate;
    return {metric_name(m),
            m.scope,
            source_text(m),
            value ? value_text(m, *value) : "-",
            target_text(m),
            status_word(m.status),
            counts ? count_text(m.numerator) + " / " + count_text(m.denominator) : "",
            window_text(m),
            outlook_text(m)};
}

const std::vector<std::string> kHeader = {"Metric", "Scope", "Source", "Value", "Target",
                                          "Status", "Num / Den", "Window", "Outlook"};

std::string text_table(const std::vector<std::vector<std::string>>& rows) {
    std::vector<size_t> width(kHeader.size(), 0);
    for (const auto& row : rows)
        for (size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
    std::string out;
    for (const auto& row : rows) {
        std::string line;
        for (size_t i = 0; i < row.size(); ++i) {
            std::string cell = row[i];
            // numbers right-aligned, words left-aligned
            const bool right = i == 3 || i == 6;
            const std::string pad(width[i] - cell.size(), ' ');
            line += right ? pad + cell : cell + pad;
            if (i + 1 < row.size()) line += "  ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    }
    return out;
}

// Text as itself in markdown (GitHub's), inside a table cell or after a list marker: every
// character markdown could read as markup is backslash-escaped (| also inside tables), control
// characters become spaces. '<' only where it could open a tag ("<b>", not "< 1.00 %"); '_'
// only at a word's edge (GitHub never reads late_shipment_rate as emphasis).
std::string md_escape(const std::string& s) {
    const auto word = [&](size_t i) { return i < s.size() && std::isalnum(static_cast<unsigned char>(s[i])); };
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        const char next = i + 1 < s.size() ? s[i + 1] : ' ';
        const bool tag = c == '<' && (std::isalpha(static_cast<unsigned char>(next)) || std::strchr("/!?", next));
        const bool edge_underscore = c == '_' && !(i > 0 && word(i - 1) && word(i + 1));
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += ' ';
        else if (std::strchr("\\`*[]|#&~!", c) || tag || edge_underscore) out += '\\', out += c;
        else out += c;
    }
    return out;
}

std::string plural(uint64_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::string rows_text(const InputInfo& in) {
    return plural(in.rows, "row", "rows") + (in.skipped ? ", " + std::to_string(in.skipped) + " skipped" : "");
}

// An input's notes and its first problems (stderr lists them all), as the JSON has them.
std::vector<std::string> input_lines(const InputInfo& in) {
    constexpr size_t kShown = 5;
    std::vector<std::string> out;
    for (const std::string& n : in.notes) out.push_back("note: " + n);
    for (size_t i = 0; i < in.problems.size() && i < kShown; ++i) {
        const Problem& p = in.problems[i];
        out.push_back("line " + std::to_string(p.line) + (p.column.empty() ? "" : ", " + p.column) + ": " + p.message);
    }
    if (in.problems.size() > kShown) out.push_back("... " + plural(in.problems.size() - kShown, "more problem", "more problems"));
    return out;
}

bool any_rule_of_thumb(const Result& r) {
    return std::any_of(r.metrics.begin(), r.metrics.end(), [](const Metric& m) { return m.rule_of_thumb; });
}

std::string feedback_counts_line(const FeedbackReport& f, const char* window) {
    const auto it = f.counts.find(window);
    if (it == f.counts.end()) return "";
    return std::to_string(it->second.positive) + " positive, " + std::to_string(it->second.neutral) + " neutral, " +
           std::to_string(it->second.negative) + " negative";
}

std::string format_text(const Result& r) {
    std::string out = "Seller Health " + r.version + "  as of " + (r.as_of.has() ? format_day(r.as_of.day()) : "-") +
                      "  policy " + r.policy + "\n\n";
    out += "Inputs\n";
    for (const InputInfo& in : r.inputs) {
        out += "  " + one_line(in.name) + "  " + (in.kind.empty() ? "(not readable)" : in.kind) + "  " + rows_text(in);
        if (!in.error.empty()) out += "  error: " + one_line(in.error);
        out += "\n";
        for (const std::string& line : input_lines(in)) out += "    " + one_line(line) + "\n";
    }
    out += "\n";
    if (r.metrics.empty()) {
        out += "No metric can be computed from these files.\n";
    } else {
        std::vector<std::vector<std::string>> rows{kHeader};
        for (const Metric& m : r.metrics) rows.push_back(metric_row(m));
        out += text_table(rows);
        if (any_rule_of_thumb(r)) out += "* rule of thumb, not Amazon policy\n";
        for (const Metric& m : r.metrics)
            for (const std::string& n : m.notes) out += "  " + metric_name(m) + " [" + m.scope + "]: " + one_line(n) + "\n";
    }
    if (r.feedback.present) {
        out += "\nFeedback\n";
        for (const char* w : {"30d", "90d", "365d", "lifetime"})
            out += std::string("  ") + w + ": " + feedback_counts_line(r.feedback, w) + "\n";
        if (!r.feedback.root_causes.empty()) {
            out += "  causes:";
            for (const auto& [cause, n] : r.feedback.root_causes) out += " " + cause + " " + std::to_string(n);
            out += "\n";
        }
    }
    if (!r.actions.empty()) {
        out += "\nDo today\n";
        for (const Action& a : r.actions) out += "  " + std::to_string(a.priority) + ". " + one_line(a.text) + "\n";
    }
    if (!r.warnings.empty()) {
        out += "\nWarnings\n";
        for (const std::string& w : r.warnings) out += "  - " + one_line(w) + "\n";
    }
    return out;
}

std::string format_markdown(const Result& r) {
    std::string out = "## Seller account health as of " + (r.as_of.has() ? format_day(r.as_of.day()) : "-") + "\n\n";
    out += "Computed by Seller Health " + r.version + " with policy `" + r.policy + "` from " +
           plural(r.inputs.size(), "file", "files") + ".\n\n";
    if (!r.inputs.empty()) {
        out += "| File | Kind | Rows | Notes |\n|---|---|---|---|\n";
        for (const InputInfo& in : r.inputs) {
            std::string notes = in.error.empty() ? "" : "**error:** " + md_escape(in.error);
            for (const std::string& line : input_lines(in)) notes += (notes.empty() ? "" : "<br>") + md_escape(line);
            out += "| " + md_escape(in.name) + " | " + (in.kind.empty() ? "(not readable)" : in.kind) + " | " +
                   rows_text(in) + " | " + notes + " |\n";
        }
        out += "\n";
    }
    if (!r.metrics.empty()) {
        out += "| Metric | Scope | Source | Value | Target | Status | Num / Den | Window |\n";
        out += "|---|---|---|---:|---|---|---:|---|\n";
        for (const Metric& m : r.metrics) {
            const std::vector<std::string> row = metric_row(m);
            std::string status = row[5];
            if (m.status == "failing" || m.status == "warning") status = "**" + status + "**";
            out += "| " + md_escape(row[0]) + " | " + row[1] + " | " + row[2] + " | " + row[3] + " | " +
                   md_escape(row[4]) + " | " + status + " | " + row[6] + " | " + md_escape(row[7]) + " |\n";
        }
        if (any_rule_of_thumb(r)) out += "\n\\* rule of thumb, not Amazon policy.\n";
    } else {
        out += "No metric can be computed from these files.\n";
    }
    bool any_detail = false;
    for (const Metric& m : r.metrics) {
        if (m.status != "failing" && m.status != "warning" && m.notes.empty() && outlook_text(m).empty()) continue;
        if (!any_detail) out += "\n### Details\n\n";
        any_detail = true;
        out += "- **" + md_escape(metric_name(m)) + "** (" + m.scope + ", " + source_text(m) + ")";
        const std::string outlook = outlook_text(m);
        if (!outlook.empty()) out += ": " + outlook;
        out += "\n";
        for (const std::string& n : m.notes) out += "  - " + md_escape(n) + "\n";
        const size_t shown = std::min<size_t>(m.items.size(), 10);
        for (size_t i = 0; i < shown; ++i) {
            const MetricItem& it = m.items[i];
            std::string kinds;
            for (const std::string& k : it.kinds) kinds += (kinds.empty() ? "" : ", ") + k;
            out += "  - " + md_escape(it.order_id) + " " + format_day(it.day) + " " + md_escape(kinds) +
                   (it.drops_out_on.has() ? ", drops out " + format_day(it.drops_out_on.day()) : "") + "\n";
        }
        if (m.item_count > shown) out += "  - ... " + std::to_string(m.item_count - shown) + " more\n";
    }
    if (r.feedback.present) {
        out += "\n### Feedback\n\n| Window | Positive | Neutral | Negative |\n|---|---:|---:|---:|\n";
        for (const char* w : {"30d", "90d", "365d", "lifetime"}) {
            const auto it = r.feedback.counts.find(w);
            if (it == r.feedback.counts.end()) continue;
            out += std::string("| ") + w + " | " + std::to_string(it->second.positive) + " | " +
                   std::to_string(it->second.neutral) + " | " + std::to_string(it->second.negative) + " |\n";
        }
        if (!r.feedback.root_causes.empty()) {
            out += "\n| Root cause | Entries |\n|---|---:|\n";
            for (const auto& [cause, n] : r.feedback.root_causes) out += "| " + md_escape(cause) + " | " + std::to_string(n) + " |\n";
        }
    }
    if (!r.actions.empty()) {
        out += "\n### Next steps\n\n";
        for (const Action& a : r.actions) out += std::to_string(a.priority) + ". " + md_escape(a.text) + "\n";
    }
    if (!r.warnings.empty()) {
        out += "\n### Warnings\n\n";
        for (const std::string& w : r.warnings) out += "- " + md_escape(w) + "\n";
    }
    return out;
}

}  // namespace

void write_json(const nlohmann::ordered_json& json, std::string& out) {
    JsonWriter w(out, JsonWriter::Style::pretty);
    write_tree(json, w);
}

void write_result_json(const Result& result, std::FILE* file) {
    std::string out;
    out.reserve(size_t(80) << 10);
    JsonWriter w(out, JsonWriter::Style::pretty, [file](std::string& text) { std::fwrite(text.data(), 1, text.size(), file); });
    write_json(result, w);
    out += '\n';
    w.flush();
}

std::string format_result(const Result& result, const std::string& format) {
    if (format == "json") return json_text(result, JsonWriter::Style::pretty) + '\n';
    if (format == "markdown") return format_markdown(result);
    return format_text(result);
}

int exit_status(const Result& result) {
    int status = 0;
    for (const Metric& m : result.metrics) {
        if (m.status == "failing") return 2;
        if (m.status == "warning") status = 1;
    }
    return status;
}

}  // namespace sh::cli
