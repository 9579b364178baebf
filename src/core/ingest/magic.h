// Files that are not reports at all (PDF, images, workbooks, archives), told by magic bytes.
#pragma once

#include <string>
#include <string_view>

namespace sh::ingest {

// What the file is, in a sentence a seller can act on; "" when the bytes look like text.
std::string describe_non_report(std::string_view head);

// The sentence listing every kind the app reads (used in every "not a report" error).
std::string readable_kinds_sentence();

}  // namespace sh::ingest
