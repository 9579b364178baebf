// What the core says about one loaded file: its kind, encoding, rows and problems.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/feedback/comment.h"
#include "core/order_slots.h"
#include "core/records.h"

namespace sh {

// One reason a row (or the whole file) could not be used, located for the seller.
struct Problem {
    uint32_t line = 0;       // 1-based physical line in the file; 0 = the file as a whole
    std::string column;      // header name of the offending column; empty when not one column
    std::string message;     // what was expected, e.g. "not a date: '2026-13-01'"
};

struct InputInfo {
    std::string name;        // the file name as dropped
    std::string kind;        // amazon.all_orders, template.claims, ... (reports.md); "" if unknown
    std::string encoding;    // utf-8, utf-16le, utf-16be, windows-1252, cp932
    std::string marketplace; // e.g. "Amazon.de" when the file tells; else ""
    uint64_t bytes = 0;
    uint64_t rows = 0;       // data rows read into records
    uint64_t skipped = 0;    // data rows skipped as unusable
    uint32_t lines = 0;      // physical lines read (a file read in parts numbers the later ones on)
    std::vector<Problem> problems;  // the first few, in file order (kMaxProblems)
    std::string error;       // non-empty: the file is unusable as a whole (and has no records)
    std::vector<std::string> notes;  // e.g. "dates are D/M/YY or M/D/YY: choose the order"

    bool ok() const { return error.empty(); }
};

constexpr size_t kMaxProblems = 20;

// A file that has been read: its summary and the records it contributed.
struct LoadedFile {
    InputInfo info;
    Records records;
    // What reading each feedback comment found, one per records.feedback entry, when the page's
    // ingest worker read them off the page's thread (read_feedback_comments); the Session moves
    // them into its CommentMemo. Empty otherwise.
    std::vector<feedback::CommentFindings> comment_findings;
    // The All Orders reader's key table over records.orders (key → position), kept so that the
    // engine's order index need not build it again (at 1 M orders 25-35 ms of the page's end of
    // a load; issue 9). It holds every order once or nothing: whatever changes the orders after
    // reading keeps it so (file_parts' join) or releases it (a re-keyed id).
    OrderSlots order_slots;
};

}  // namespace sh
