// The CLI's file reading: from disk into the session, a large All Orders file in two parts on
// two threads (issue 9), any other file streamed through the session in 4 MiB chunks.
#pragma once

#include <string>

#include "core/session.h"

namespace sh::cli {

// Reads the file at `path` into the session; false when it cannot be opened.
bool read_file_into(Session& session, const std::string& path);

}  // namespace sh::cli
