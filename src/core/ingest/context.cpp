// Problem reporting shared by the kind readers.
#include "core/ingest/context.h"

#include <cstdint>
#include <cstdlib>

#include "core/ingest/text.h"

namespace sh::ingest {

void Context::skip(uint32_t line, std::string_view column, std::string message) {
    ++file.info.skipped;
    warn(line, column, std::move(message));
}

void Context::warn(uint32_t line, std::string_view column, std::string message) {
    auto& problems = file.info.problems;
    if (problems.size() >= kMaxProblems) return;
    problems.push_back(Problem{line, std::string(column), std::move(message)});
}

void Context::note(std::string text) {
    for (const auto& n : file.info.notes)
        if (n == text) return;
    file.info.notes.push_back(std::move(text));
}

bool Context::can_allocate(uint64_t bytes) const {
    if (bytes > SIZE_MAX / 2) return false;  // a 32-bit heap (wasm) can never hold it
    if (memory_probe) return memory_probe(static_cast<size_t>(bytes));
    // volatile: compilers may otherwise drop a malloc/free pair and assume it succeeded.
    void* volatile p = std::malloc(static_cast<size_t>(bytes));
    const bool ok = p != nullptr;
    std::free(p);
    return ok;
}

std::string_view Context::trim_id(std::string_view text) { return trim(text); }

}  // namespace sh::ingest
