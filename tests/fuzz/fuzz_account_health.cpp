// Fuzz target: the Account Health JSON reader on any text (wrong types, missing fields,
// deep nesting), both directly and through the push parser.
#include <string_view>

#include "core/ingest/account_health.h"
#include "core/ingest/context.h"
#include "core/ingest/reader.h"
#include "fuzz_replay.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    sh::OrderIdPool ids;
    sh::LoadedFile file;
    sh::ingest::Context cx{file, ids};
    sh::ingest::read_account_health(text, cx);
    SH_FUZZ_CHECK(file.info.problems.size() <= sh::kMaxProblems);

    const sh::LoadedFile read = sh::read_file("account_health.json", data, size, ids);
    SH_FUZZ_CHECK(read.info.problems.size() <= sh::kMaxProblems);
    return 0;
}
