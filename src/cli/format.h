// Renders the result for the terminal: text table, JSON, or markdown (output.md "CLI").
#pragma once

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace sh::cli {

// format: text | json | markdown.
std::string format_result(const Result& result, const std::string& format);
// Exactly json.dump(2, ' ', false, error_handler_t::replace), written by core/json_writer.h
// (tests hold the writer to dump with it).
void write_json(const nlohmann::ordered_json& json, std::string& out);
// format_result(result, "json") written to `file` in 64 KB pieces (the CLI: the text of a large
// result is never held whole).
void write_result_json(const Result& result, std::FILE* file);
// 0 all metrics good or no_data; 1 any warning; 2 any failing.
int exit_status(const Result& result);

}  // namespace sh::cli
