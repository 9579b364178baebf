// The CLI's file reading: from disk into the session, several files side by side on the
// machine's cores and a large All Orders file in two parts on two threads (issue 9), each in
// 4 MiB chunks.
#pragma once

#include <string>
#include <vector>

#include "core/session.h"

namespace sh::cli {

// Reads the files at `paths` into the session, added in their order; per path, 0 or the errno
// of a file that could not be opened (not added).
std::vector<int> read_files_into(Session& session, const std::vector<std::string>& paths);

}  // namespace sh::cli
