// Push splitter: UTF-8 text in any chunk sizes → rows of fields with their physical line number.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sh::ingest {

// The fields of one record: a growable array of views. The TSV scan appends through a cursor
// of its own (room(), set_size()): std::vector's push_back reloaded its end and capacity from
// memory at every field, as any stored pointer might alias them (a third of the scan; issue 9).
class FieldList {
public:
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const std::string_view& operator[](size_t i) const { return slots_[i]; }
    const std::string_view* begin() const { return slots_.data(); }
    const std::string_view* end() const { return slots_.data() + size_; }
    void clear() { size_ = 0; }
    void push_back(std::string_view field) {
        if (size_ == slots_.size()) grow(size_ + 1);
        slots_[size_++] = field;
    }
    template <class It> void assign(It first, It last) {
        clear();
        for (; first != last; ++first) push_back(std::string_view(*first));
    }
    // Where field `size()` goes, with room for `more` fields from there; set_size() ends them.
    std::string_view* room(size_t more) {
        if (slots_.size() - size_ < more) grow(size_ + more);
        return slots_.data() + size_;
    }
    std::string_view* slots() { return slots_.data(); }
    size_t capacity() const { return slots_.size(); }
    void set_size(size_t n) { size_ = n; }

private:
    void grow(size_t at_least) { slots_.resize(at_least < 2 * slots_.size() ? 2 * slots_.size() : (at_least < 64 ? 64 : at_least)); }
    std::vector<std::string_view> slots_;  // all of them in use as storage; the first size_ are the fields
    size_t size_ = 0;
};

// One record of a delimited file. The views point into the splitter's buffers or the chunk
// being pushed; they are valid only during the RowSink call.
struct Row {
    FieldList fields;
    uint32_t line = 0;  // 1-based physical line where the record starts
    uint64_t text_end = 0;  // bytes of text consumed through the end of this record
    // The columns the sink asked for (Splitter::want_columns): bit c for column c; ~0 for every
    // column, else none from 64 on. A TSV record may then hold only those: fields.size() stops
    // after the last wanted column, and the others' slots are not written. field() gives ""
    // for them.
    uint64_t wanted = ~uint64_t(0);
    std::string_view field(size_t i) const {
        const bool asked = i < 64 ? (wanted >> i & 1) != 0 : wanted == ~uint64_t(0);
        return asked && i < fields.size() ? fields[i] : std::string_view();
    }
    // field(i) for a column the sink wanted (or with every column wanted): without the test.
    std::string_view wanted_field(size_t i) const { return i < fields.size() ? fields[i] : std::string_view(); }
};

class RowSink {
public:
    virtual ~RowSink() = default;
    virtual void on_row(const Row& row) = 0;
};

// Splits delimited text into rows. The delimiter is chosen from the first line (tab, comma or
// semicolon, whichever occurs most; tab on a tie). With a tab, lines end at every LF and a quote
// is an ordinary character (a field wholly inside quotes loses them); with comma or semicolon,
// RFC 4180 quotes apply: a quote opening a field quotes delimiters, doubled quotes and line
// ends, and a quote anywhere else is ordinary. LF, CRLF and a lone CR (outside quotes) each end
// a line; blank lines are skipped (but counted). Only the current partial record is kept between pushes.
class Splitter {
public:
    static constexpr size_t kMaxRecordBytes = size_t(16) << 20;

    void push(std::string_view text, RowSink& sink);
    void finish(RowSink& sink);

    // The columns the sink reads, bit c for column c < 64 (~0, the default: all of them, also
    // those from 64 on; a sink that reads one of those must want all). TSV records
    // are then cut only at those: the scan passes over the other columns' tabs a block at a time
    // (an All Orders reader reads 8 of 39 columns; issue 9). Takes effect at the next push; the
    // rows' Row::wanted hides the other columns from Row::field() either way. 0 means all.
    void want_columns(uint64_t mask) { want_ = mask ? mask : ~uint64_t(0); }

    char delimiter() const { return delimiter_; }
    // True once a record grew past kMaxRecordBytes (the rest of the input is ignored).
    bool overflowed() const { return overflow_; }
    uint32_t lines_seen() const { return next_line_ - 1; }
    // After finish(): the line of a CSV quote that never closed (it swallowed every line after
    // it into one field), or 0.
    uint32_t unclosed_quote_line() const { return unclosed_quote_line_; }

private:
    void push_first_line(std::string_view& text, RowSink& sink);
    void push_tsv(std::string_view text, RowSink& sink);
    void push_csv(std::string_view text, RowSink& sink);
    bool end_line(std::string_view piece, uint32_t newlines, RowSink& sink);
    template <bool kProject> size_t scan_tsv_records(std::string_view text, RowSink& sink);
    void emit(std::string_view record, uint32_t newlines, RowSink& sink);
    void emit_fields(std::string_view record, size_t bytes, RowSink& sink);
    void split_plain(std::string_view record, char delim);
    void split_csv(std::string_view record);
    bool keep(std::string_view piece);

    char delimiter_ = 0;  // 0 until the first line is complete
    uint64_t want_ = ~uint64_t(0);
    std::string pending_;  // the current partial record
    std::string scratch_;  // a quoted CSV record, unescaped in place
    Row row_;
    uint32_t next_line_ = 1;
    uint64_t consumed_ = 0;  // bytes of text in emitted records (line ends included)
    uint32_t pending_newlines_ = 0;  // LFs inside the pending (quoted) record
    bool overflow_ = false;
    uint32_t unclosed_quote_line_ = 0;
    // CSV quote state, carried across pushes.
    bool in_quotes_ = false;
    bool at_field_start_ = true;
    bool just_closed_ = false;
    bool cr_pending_ = false;  // the last push ended with a CR outside quotes (CRLF or lone CR?)
};

}  // namespace sh::ingest
