// Reading one large file in parts, side by side (issue 9): the CLI's threads and the page's
// ingest workers each read one part, and the parts are joined into exactly what reading the
// whole file in one go gives (records, rows, problems with their line numbers, notes).
//
// Only UTF-8 All Orders text with tab-separated columns is read in parts: there every line end
// ends a record (a tab file has no quoted line ends), so a cut just after a line end splits no
// record, and the All Orders file is the one that runs to hundreds of MB. Part 1 is the file's
// bytes [0, cut); every later part is the file's prefix (its BOM, any blank lines and the
// header line) followed by the bytes from its cut on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/input.h"
#include "core/order_id.h"

namespace sh {

struct PartPrefix {
    size_t bytes = 0;    // the file's first bytes every later part starts with; 0: read it whole
    uint32_t lines = 0;  // the lines they hold (the header's line number)
};

// Files smaller than this are read in one go: a part's own start costs more than it saves.
constexpr uint64_t kMinPartBytes = uint64_t(32) << 20;

// The prefix of a file that can be read in parts, from its first bytes (at least the 64 KB the
// reader decides the encoding from, or the whole file when `whole`); {0, 0} when it cannot.
PartPrefix part_prefix(std::string_view head, bool whole);

// Where a part may start: just past the first LF in `text` (bytes read from the wanted cut
// on), or std::string_view::npos when `text` holds none.
size_t cut_after_line_end(std::string_view text);

// Joins `later` (the next part, read from the prefix and the bytes after `first`'s end) into
// `first` (the parts before it, joined; its order_slots kept fitting its orders). Returns
// false, with `first`'s records and info unchanged, when the join
// could differ from reading the whole file: either part unusable, kinds or encodings that
// differ, or an order with item rows in both parts whose rows state the buyer-requested flag
// so that only the rows' order decides it; the caller then reads the whole file in one go.
// `later_ids` is the pool `later` was read with when that is not `ids` (the CLI's threads);
// its interned order ids are interned into `ids`.
bool join_part(LoadedFile& first, LoadedFile& later, const PartPrefix& prefix, OrderIdPool& ids,
               const OrderIdPool* later_ids = nullptr);

// Interns the order ids of `records` (read with the pool `from`) into `to`; true when an
// order's key changed (a key table over the orders no longer fits them).
bool reintern_order_ids(Records& records, const OrderIdPool& from, OrderIdPool& to);

}  // namespace sh
