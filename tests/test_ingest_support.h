// Helpers for the ingest tests: read a string or file whole, or in chunks of a given size.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "core/ingest/reader.h"

namespace sh::test {

inline LoadedFile read_text(const std::string& text, OrderIdPool& ids, const std::string& name = "file.txt") {
    return read_file(name, reinterpret_cast<const uint8_t*>(text.data()), text.size(), ids);
}

inline LoadedFile read_text(const std::string& text, const std::string& name = "file.txt") {
    OrderIdPool ids;
    return read_text(text, ids, name);
}

// Feeds `bytes` in pieces of `chunk` bytes (the last may be shorter).
inline LoadedFile read_chunked(const std::string& bytes, size_t chunk, OrderIdPool& ids) {
    FileReader reader("chunked.txt", ids);
    for (size_t at = 0; at < bytes.size(); at += chunk) {
        const size_t n = std::min(chunk, bytes.size() - at);
        reader.feed(reinterpret_cast<const uint8_t*>(bytes.data() + at), n);
    }
    return reader.finish();
}

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::string ingest_data(const std::string& name) { return slurp(std::string(SH_TEST_DATA_DIR) + "/ingest/" + name); }

}  // namespace sh::test
