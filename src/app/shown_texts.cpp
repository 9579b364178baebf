// Builds the shown texts once per result generation (see shown_texts.h).
#include "app/shown_texts.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

#include "app/app.h"

namespace sh::app {

namespace {

// Feedback work opens its entry (comment, removal reasons, reply draft) in the feedback panel.
bool is_feedback_action(const Action& a) { return a.code == "remove_feedback" || a.code == "reply_feedback"; }

void today_rows(const Result& r, ShownTexts& out) {
    std::unordered_map<std::string, int> entry_of_order, metric_of_id;
    for (size_t e = 0; e < r.feedback.entries.size(); ++e)
        if (!r.feedback.entries[e].order_id.empty())
            entry_of_order.emplace(r.feedback.entries[e].order_id, static_cast<int>(e));
    for (size_t m = 0; m < r.metrics.size(); ++m)
        if (r.metrics[m].source == "computed") metric_of_id.emplace(r.metrics[m].id, static_cast<int>(m));
    out.actions.reserve(r.actions.size());
    for (const Action& a : r.actions) {
        TodayRow row;
        row.text = coded_text(a.code, a.params);
        if (row.text.empty()) row.text = a.text;  // an action without a code of the table
        if (is_feedback_action(a) && !a.order_id.empty())
            if (const auto it = entry_of_order.find(a.order_id); it != entry_of_order.end()) row.feedback_entry = it->second;
        if (!a.metric.empty())
            if (const auto it = metric_of_id.find(a.metric); it != metric_of_id.end()) row.metric = it->second;
        out.actions.push_back(std::move(row));
    }
}

bool date_order_ambiguous(const App& app) {
    if (read_only(app)) return false;
    for (const LoadedFile& f : app.session.files()) {
        if (f.records.date_order_from_header != DateOrder::unknown || f.records.date_order_from_values != DateOrder::unknown)
            continue;
        for (const FeedbackEntry& e : f.records.feedback)
            if (e.needs_date_order) return true;
    }
    return false;
}

}  // namespace

const ShownTexts& shown_texts(App& app) {
    ShownTexts& t = app.texts;
    const Result& r = shown_result(app);
    // The generation says when to rebuild; the sizes guard a result replaced without a bump.
    if (t.generation == app.result_generation && t.actions.size() == r.actions.size() &&
        t.inputs.size() == r.inputs.size() && t.metric_notes.size() == r.metrics.size() &&
        t.warnings.size() == r.warnings.size())
        return t;
    t = ShownTexts{};
    t.generation = app.result_generation;
    today_rows(r, t);
    for (const std::string& w : r.warnings) t.warnings.push_back(note_text(w));
    t.metric_notes.resize(r.metrics.size());
    for (size_t m = 0; m < r.metrics.size(); ++m)
        for (const std::string& note : r.metrics[m].notes) t.metric_notes[m].push_back(note_text(note));
    for (const InputInfo& in : r.inputs) {
        InputTexts texts;
        texts.error = problem_text(in.error);
        for (const Problem& p : in.problems) {
            std::string where = p.line ? trf("files.line", {std::to_string(p.line)}) : std::string(tr("files.whole_file"));
            if (!p.column.empty()) where = trf("files.where_column", {where, p.column});
            texts.problems.push_back(trf("files.problem", {where, problem_text(p.message)}));
        }
        for (const std::string& note : in.notes) texts.notes.push_back(note_text(note));
        t.inputs.push_back(std::move(texts));
    }
    t.date_order_ambiguous = date_order_ambiguous(app);
    return t;
}

std::string shown_texts_json(App& app) {
    const ShownTexts& t = shown_texts(app);
    nlohmann::json j;
    j["actions"] = nlohmann::json::array();
    for (const TodayRow& row : t.actions) j["actions"].push_back(row.text);
    j["warnings"] = t.warnings;
    j["metric_notes"] = nlohmann::json::array();
    for (const auto& notes : t.metric_notes)
        for (const std::string& note : notes) j["metric_notes"].push_back(note);
    j["inputs"] = nlohmann::json::array();
    for (const InputTexts& in : t.inputs)
        j["inputs"].push_back({{"error", in.error}, {"problems", in.problems}, {"notes", in.notes}});
    return j.dump();
}

}  // namespace sh::app
