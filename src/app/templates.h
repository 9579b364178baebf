// Our CSV templates (reports.md "Our templates"): the header each download button fills in, and
// where the buttons were last drawn, for the page's tests (they click them where they are and
// check the CSV that downloads). The table is free of ImGui so the native tests read each header
// back through the core (tests/test_app_templates.cpp).
#pragma once

#include <string>

namespace sh::app {

struct CsvTemplate {
    const char* key;        // the button's text in the translation tables
    const char* file_name;  // the download's name
    const char* header;     // the header line, with its newline
};

// shipments, claims, messages and feedback. The feedback template has the six columns of
// Amazon's Feedback Manager export in English plus `removed`, which tells the core it is our
// template (full history, any rating) rather than Amazon's 1-3 star export.
inline constexpr CsvTemplate kCsvTemplates[] = {
    {"templates.shipments", "shipments-template.csv",
     "order-id,order-date,expected-ship-date,ship-confirm-date,carrier,tracking-id,tracking-valid,"
     "promised-delivery-date,delivered-date,units,category\n"},
    {"templates.claims", "claims-template.csv", "order-id,order-date,claim-date,type,status,amazon-funded,reason\n"},
    {"templates.messages", "messages-template.csv", "message-id,received,responded,no-response-needed\n"},
    {"templates.feedback", "feedback-template.csv", "Date,Rating,Comments,Your Response,Order ID,Rater Email,removed\n"},
};

// JSON: [{"file": "shipments-template.csv", "x0":..,"y0":..,"x1":..,"y1":..}, ...] in the UI's
// pixel coordinates; empty when the buttons were not drawn in the last frame that drew any.
std::string template_buttons_json();

}  // namespace sh::app
