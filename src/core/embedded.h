// Data files under src/core/data/ (policies, header aliases, lexicons), embedded at build time.
#pragma once

#include <string_view>
#include <vector>

namespace sh {

// The bytes of `path` (relative to src/core/data, e.g. "policies/amazon.json"); empty when
// there is no such file. The view stays valid for the program's lifetime.
std::string_view embedded_file(std::string_view path);

// Every embedded path, sorted.
std::vector<std::string_view> embedded_file_paths();

}  // namespace sh
