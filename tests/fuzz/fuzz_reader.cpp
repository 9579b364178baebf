// Fuzz target: any bytes through the push parser at random chunk splits, then the engine and
// the result's JSON. The first 8 bytes seed the chunk sizes; the split must not change what
// was read (kind, encoding, rows, skipped, error) compared with one whole-buffer read.
#include <cstring>
#include <random>

#include "core/ingest/reader.h"
#include "core/result_json.h"
#include "core/session.h"
#include "fuzz_replay.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    uint64_t seed = 0;
    if (size >= 8) {
        std::memcpy(&seed, data, 8);
        data += 8;
        size -= 8;
    }
    std::mt19937_64 rng(seed);

    sh::OrderIdPool whole_ids;
    const sh::LoadedFile whole = sh::read_file("fuzz.txt", data, size, whole_ids);

    sh::Session session;
    session.begin_file("fuzz.txt");
    for (size_t at = 0; at < size;) {
        const size_t n = std::min<size_t>(size - at, 1 + rng() % ((seed & 1) ? 7 : 4096));
        session.feed(data + at, n);
        at += n;
    }
    const sh::InputInfo& info = session.finish_file();
    SH_FUZZ_CHECK(info.kind == whole.info.kind);
    SH_FUZZ_CHECK(info.encoding == whole.info.encoding);
    SH_FUZZ_CHECK(info.error == whole.info.error);
    SH_FUZZ_CHECK(info.rows == whole.info.rows);
    SH_FUZZ_CHECK(info.skipped == whole.info.skipped);
    SH_FUZZ_CHECK(info.problems.size() <= sh::kMaxProblems);
    SH_FUZZ_CHECK(!info.ok() || info.rows > 0);  // a file with no usable row is an error

    // The engine and the JSON writer on whatever was read (dump throws on invalid UTF-8).
    const std::string json = sh::to_json(session.result()).dump(-1, ' ', false,
                                                                nlohmann::json::error_handler_t::strict);
    SH_FUZZ_CHECK(!json.empty());
    return 0;
}
