// Fuzz target: the share-link decoder on any bytes; what decodes must encode and decode again.
#include "core/share/snapshot.h"
#include "fuzz_replay.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const sh::DecodedSnapshot decoded = sh::decode_snapshot(data, size);
    SH_FUZZ_CHECK(decoded.ok() || !decoded.error.empty());  // a refusal says why
    if (decoded.ok()) {
        const std::vector<uint8_t> again = sh::encode_snapshot(*decoded.result);
        SH_FUZZ_CHECK(sh::decode_snapshot(again).ok());
    }
    // The same bytes with a valid CRC, so the fields themselves are reached.
    if (size >= 1) {
        std::vector<uint8_t> forged(data, data + size);
        const uint32_t crc = sh::snapshot_crc32(forged.data(), forged.size());
        for (int i = 0; i < 4; ++i) forged.push_back(static_cast<uint8_t>(crc >> (8 * i)));
        const sh::DecodedSnapshot d2 = sh::decode_snapshot(forged);
        if (d2.ok()) SH_FUZZ_CHECK(sh::decode_snapshot(sh::encode_snapshot(*d2.result)).ok());
    }
    return 0;
}
