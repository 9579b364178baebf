// The core's texts as the panels show them (actions, warnings, metric notes, file problems,
// notes and errors) in the UI language, with the Today panel's links, worked out once per
// result generation: translating and linking cost nothing per frame, however many orders.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sh::app {

struct App;

// One row of the Today panel.
struct TodayRow {
    std::string text;         // the action in the UI language
    int feedback_entry = -1;  // feedback work: index of the entry in result.feedback.entries
    int metric = -1;          // index of the computed metric it helps in result.metrics
};

struct InputTexts {
    std::string error;
    std::vector<std::string> problems;  // "Line 12, purchase-date: not a date: '2026-13-01'" translated
    std::vector<std::string> notes;
};

struct ShownTexts {
    uint64_t generation = ~0ull;                         // the App::result_generation they are for
    std::vector<TodayRow> actions;                       // parallel to result.actions
    std::vector<std::string> warnings;                   // parallel to result.warnings
    std::vector<std::vector<std::string>> metric_notes;  // parallel to result.metrics
    std::vector<InputTexts> inputs;                      // parallel to result.inputs
    bool date_order_ambiguous = false;                   // feedback dates need the day/month order
};

// The texts of the shown result, rebuilt when app.result_generation has changed.
const ShownTexts& shown_texts(App& app);
// The same as JSON for the page's tests (sellerHealth.shownTexts()).
std::string shown_texts_json(App& app);

}  // namespace sh::app
