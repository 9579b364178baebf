// Amazon's Account Health JSON (GET_V2_SELLER_PERFORMANCE_REPORT) → ReportedMetric records.
#pragma once

#include <string_view>

#include "core/ingest/context.h"

namespace sh::ingest {

// True when the text looks like a JSON document (first non-blank character '{' or '[').
bool looks_like_json(std::string_view text);

// The error of a report without a single figure.
constexpr const char* kNoAccountHealthMetrics =
    "Amazon's Account Health report has no metrics for any marketplace (performanceMetrics is empty, "
    "or none of its figures could be read)";

// Reads the whole document (small; buffered by the caller). Wrong types and missing fields
// become problems; nothing throws. Sets cx.file.info.error when the document is unusable.
void read_account_health(std::string_view text, Context& cx);

}  // namespace sh::ingest
