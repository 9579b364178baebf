// The share link's payload: the aggregate part of a Result packed into a few hundred bytes,
// and back. Never carries order ids, comments, names, e-mails or addresses (output.md).
// Carried: as_of, policy, tool version; per metric id, scope, source, category, numerator,
// denominator, rate, target, condition, status, window, rule_of_thumb, headroom,
// needed_to_recover, recovers_on and the numerator's components (counts by kind); feedback
// counts per window and root-cause counts. Not carried: inputs (file names), items, series,
// notes, marketplace ids, feedback entries (comments, order ids), actions, warnings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace sh {

// The format written by encode_snapshot. Bumped only for a change old readers cannot skip;
// new optional fields keep the number (readers skip fields they do not know).
inline constexpr uint8_t kSnapshotFormat = 1;
// Payloads larger than this are refused before reading (a result packs into ~1 KiB).
inline constexpr size_t kMaxSnapshotBytes = 256 * 1024;

// Layout (all integers little-endian):
//   byte 0          format version (kSnapshotFormat)
//   bytes 1..n-5    fields, each a tag varint (field << 3 | wire) then its value:
//                   wire 0 varint, wire 1 8-byte IEEE double, wire 2 length-prefixed bytes
//                   (strings and nested messages) — protobuf's wire format, so any field a
//                   reader does not know can be skipped
//   last 4 bytes    CRC-32 of everything before it, so a damaged or hand-edited link is refused
// Field numbers are listed in snapshot.cpp.
std::vector<uint8_t> encode_snapshot(const Result& result);

// What a share link decodes to: a Result holding only aggregates (no inputs, items, series,
// entries, actions), or one sentence saying why the link cannot be opened.
struct DecodedSnapshot {
    std::optional<Result> result;    // set when the payload was read; it is a shared snapshot
    std::string error;               // set otherwise, written for the seller
    uint8_t format = 0;              // the payload's format version (0 when unreadable)
    bool ok() const { return result.has_value(); }
};

// Reads any bytes without crashing (fuzzed): truncated, garbage or newer payloads give an error.
DecodedSnapshot decode_snapshot(const uint8_t* data, size_t size);
inline DecodedSnapshot decode_snapshot(const std::vector<uint8_t>& bytes) {
    return decode_snapshot(bytes.data(), bytes.size());
}

// CRC-32 (IEEE 802.3, as zlib's crc32), exposed for tests that forge payloads.
uint32_t snapshot_crc32(const uint8_t* data, size_t size);

}  // namespace sh
