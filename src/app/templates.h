// The template download buttons (shipments, claims, messages) as last drawn, for the page's
// tests: they click them where they are and check the CSV that downloads.
#pragma once

#include <string>

namespace sh::app {

// JSON: [{"file": "shipments-template.csv", "x0":..,"y0":..,"x1":..,"y1":..}, ...] in the UI's
// pixel coordinates; empty when the buttons were not drawn in the last frame that drew any.
std::string template_buttons_json();

}  // namespace sh::app
