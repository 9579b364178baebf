// Renders the result for the terminal: text table, JSON, or markdown (output.md "CLI").
#pragma once

#include <string>

#include "core/result.h"

namespace sh::cli {

// format: text | json | markdown.
std::string format_result(const Result& result, const std::string& format);
// 0 all metrics good or no_data; 1 any warning; 2 any failing.
int exit_status(const Result& result);

}  // namespace sh::cli
