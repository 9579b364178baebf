// What every kind reader shares: the file being filled, the order-id pool, problem reporting.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/input.h"
#include "core/ingest/header.h"
#include "core/ingest/splitter.h"
#include "core/order_id.h"

namespace sh::ingest {

struct Context {
    LoadedFile& file;
    OrderIdPool& ids;
    // The file's size in bytes when the caller knows it (0: unknown), and whether the text the
    // splitter sees has the file's byte count (UTF-8): then record counts can be foreseen.
    uint64_t size_hint = 0;
    // The file is the first part of a larger one (file_parts.h) and size_hint that larger
    // one's size: what the hint reserved stays for the parts that join it.
    bool keep_reservation = false;
    bool text_is_file_bytes = false;
    // Asked before a large optional allocation (FileReader::set_memory_probe); null = malloc.
    bool (*memory_probe)(size_t bytes) = nullptr;
    bool can_allocate(uint64_t bytes) const;

    // A row that cannot be used: counted, and listed while fewer than kMaxProblems are.
    void skip(uint32_t line, std::string_view column, std::string message);
    // A problem that does not cost the row (listed the same way).
    void warn(uint32_t line, std::string_view column, std::string message);
    void note(std::string text);
    void used_row() { ++file.info.rows; }
    OrderKey order_key(std::string_view text) { return ids.key(trim_id(text)); }
    static std::string_view trim_id(std::string_view text);
};

// Reads the data rows of one kind into records (the header has been bound already).
class KindReader : public RowSink {
public:
    virtual void finish() {}
    // The columns on_row reads (bit c: column c; Splitter::want_columns): ~0, all, unless a
    // reader of large files names its own.
    virtual uint64_t columns_read() const { return ~uint64_t(0); }
};

// All Orders: folds a later item row (or a later part's folded order) into its order, and the
// note counting orders whose rows disagreed on their status, and the marketplace most of the
// orders were sold on ("" when none says; orders_reader.cpp).
void fold_order(Order& into, const Order& later);
std::string order_status_note(uint64_t orders);
const std::string& main_marketplace(const Records& records);

// Readers of the delimited kinds (feedback has its own, below).
std::unique_ptr<KindReader> make_orders_reader(const ColumnMap& columns, Context& cx);
std::unique_ptr<KindReader> make_returns_reader(const ColumnMap& columns, Context& cx);
std::unique_ptr<KindReader> make_fba_returns_reader(const ColumnMap& columns, Context& cx);
std::unique_ptr<KindReader> make_cancellations_reader(const ColumnMap& columns, Context& cx);
std::unique_ptr<KindReader> make_tracking_reader(const ColumnMap& columns, Context& cx);
std::unique_ptr<KindReader> make_shipments_reader(const ColumnMap& columns, Context& cx);
std::unique_ptr<KindReader> make_claims_reader(const ColumnMap& columns, Context& cx);
std::unique_ptr<KindReader> make_messages_reader(const ColumnMap& columns, Context& cx);

// Feedback (Amazon's export or our template). `columns` holds the six columns' indices
// (-1 when absent), `removed` the template's removed column (-1 when absent); `language`
// is the header language when known (nullptr: detected by shape).
struct FeedbackLayout {
    std::array<int, fb_count> columns{};
    std::array<std::string, fb_count> names;  // header names, for problems
    int removed = -1;
    std::string removed_name;
    const FeedbackLanguage* language = nullptr;
};
std::unique_ptr<KindReader> make_feedback_reader(const FeedbackLayout& layout, Context& cx);

}  // namespace sh::ingest
