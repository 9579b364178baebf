// The push splitter: finds record ends across chunk boundaries and cuts records into fields.
#include "core/ingest/splitter.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#elif defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace sh::ingest {

bool Splitter::keep(std::string_view piece) {
    if (overflow_) return false;
    if (pending_.size() + piece.size() > kMaxRecordBytes) {
        overflow_ = true;
        pending_.clear();
        pending_.shrink_to_fit();
        return false;
    }
    pending_.append(piece);
    return true;
}

void Splitter::push(std::string_view text, RowSink& sink) {
    if (overflow_) return;
    if (delimiter_ == 0) push_first_line(text, sink);
    if (delimiter_ == 0 || text.empty() || overflow_) return;
    if (delimiter_ == '\t') push_tsv(text, sink);
    else push_csv(text, sink);
}

static char choose_delimiter(std::string_view line) {
    size_t tabs = 0, commas = 0, semicolons = 0;
    bool quoted = false;
    for (char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == '\t') ++tabs;
        else if (!quoted && c == ',') ++commas;
        else if (!quoted && c == ';') ++semicolons;
    }
    if (tabs >= commas && tabs >= semicolons && tabs > 0) return '\t';
    if (commas == 0 && semicolons == 0) return '\t';
    return semicolons > commas ? ';' : ',';
}

// The first line ends at an LF, a CRLF or a lone CR (a header holds no quoted line ends); it
// decides the delimiter. Leading blank lines are skipped. A CR that ends a push stays pending:
// the next push's first byte tells a CRLF from a lone CR.
void Splitter::push_first_line(std::string_view& text, RowSink& sink) {
    while (delimiter_ == 0 && !text.empty()) {
        size_t end = 0, skip = 0;  // the line is pending_ + text[0, end); the next line starts at skip
        if (!pending_.empty() && pending_.back() == '\r' && text.front() != '\n') {
            pending_.pop_back();  // a lone CR ended the pending line
        } else {
            const size_t at = text.find_first_of("\r\n");
            if (at == std::string_view::npos || (text[at] == '\r' && at + 1 == text.size())) {
                keep(text);
                text = {};
                return;
            }
            end = at;
            skip = text[at] == '\r' && text[at + 1] == '\n' ? at + 2 : at + 1;
        }
        if (!keep(text.substr(0, end))) return;
        text.remove_prefix(skip);
        std::string line = std::move(pending_);
        pending_.clear();
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            ++next_line_;
            continue;
        }
        if (line.size() == 5 && line.compare(0, 4, "sep=") == 0) {  // Excel's delimiter hint line
            delimiter_ = line[4];
            ++next_line_;
            return;
        }
        delimiter_ = choose_delimiter(line);
        emit(line, 0, sink);
    }
}

// Ends the pending record with `piece` (the text before its line end) and emits it. False
// when the record grew too long.
bool Splitter::end_line(std::string_view piece, uint32_t newlines, RowSink& sink) {
    if (pending_.empty() && pending_newlines_ == 0) {
        emit(piece, newlines, sink);
    } else {
        if (!keep(piece)) return false;
        emit(pending_, pending_newlines_ + newlines, sink);
        pending_.clear();
    }
    pending_newlines_ = 0;
    return true;
}

// One TSV field; a field wholly inside quotes loses them.
static inline std::string_view tsv_field(const char* data, size_t from, size_t end) {
    const char* p = data + from;
    size_t n = end - from;
    if (n >= 2 && p[0] == '"' && p[n - 1] == '"') {
        ++p;
        n -= 2;
    }
    return std::string_view(p, n);
}

// Lines end at LF, CRLF and a lone CR (old Mac files, mixed line ends). A CR that ends a push
// stays in pending_ until the next push's first byte tells which it was. The record that
// continues the last push's partial one is finished through pending_; every record wholly
// inside this push is found and cut into fields in one pass (scan_tsv_records).
void Splitter::push_tsv(std::string_view text, RowSink& sink) {
    if (!pending_.empty() && pending_.back() == '\r' && text.front() != '\n') {
        pending_.pop_back();
        if (!end_line({}, 0, sink)) return;
    }
    if (!pending_.empty()) {  // the partial record: through its line end, or all of this push
        size_t end = 0;
        while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
        if (end == text.size() || (text[end] == '\r' && end + 1 == text.size())) {
            keep(text);
            return;
        }
        const size_t next = text[end] == '\r' && text[end + 1] == '\n' ? end + 2 : end + 1;
        if (!end_line(text.substr(0, end), 0, sink)) return;
        text.remove_prefix(next);
    }
    row_.wanted = want_;
    const size_t done = want_ == ~uint64_t(0) ? scan_tsv_records<false>(text, sink) : scan_tsv_records<true>(text, sink);
    if (done < text.size()) keep(text.substr(done));
}

// Bit masks of one byte (the tab in TSV, the quote in CSV), of the line ends (LF, CR) and, for
// TSV, of the quotes, among 64 bytes: 16 at a time with SSE2 on x86-64, SIMD128 in a wasm build
// with -msimd128, else two 64-bit words (SWAR) on little-endian hosts and a byte loop on others
// (the byte loop also takes the last bytes of a push). 64-byte blocks: the per-block work (the
// loop, making room for fields) is a quarter of 16-byte blocks' (issue 9).
namespace {

constexpr size_t kBlock = 64;

struct Marks {
    uint64_t hits = 0, ends = 0, quotes = 0;
};

template <char kByte, bool kQuotes> inline Marks marks_scalar(const char* p, size_t n) {
    Marks m;
    for (size_t i = 0; i < n; ++i) {
        const char c = p[i];
        m.hits |= uint64_t(c == kByte) << i;
        m.ends |= uint64_t(c == '\n' || c == '\r') << i;
        if (kQuotes) m.quotes |= uint64_t(c == '"') << i;
    }
    return m;
}

#if defined(__SSE2__)
template <char kByte, bool kQuotes> inline void marks16(const char* p, Marks& m, int shift) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r')));
    m.hits |= uint64_t(uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(kByte))))) << shift;
    m.ends |= uint64_t(uint32_t(_mm_movemask_epi8(ends))) << shift;
    if (kQuotes) m.quotes |= uint64_t(uint32_t(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"'))))) << shift;
}
#elif defined(__wasm_simd128__)
template <char kByte, bool kQuotes> inline void marks16(const char* p, Marks& m, int shift) {
    const v128_t v = wasm_v128_load(p);
    const v128_t ends = wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat('\n')), wasm_i8x16_eq(v, wasm_i8x16_splat('\r')));
    m.hits |= uint64_t(wasm_i8x16_bitmask(wasm_i8x16_eq(v, wasm_i8x16_splat(kByte)))) << shift;
    m.ends |= uint64_t(wasm_i8x16_bitmask(ends)) << shift;
    if (kQuotes) m.quotes |= uint64_t(wasm_i8x16_bitmask(wasm_i8x16_eq(v, wasm_i8x16_splat('"')))) << shift;
}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
// Eight bytes at a time in a 64-bit word: an exact zero-byte test on word ^ byte (0x80 where
// the byte matched), the 0x80s gathered into one bit per byte by a multiply.
inline uint64_t matches8(uint64_t word, uint64_t byte) {
    constexpr uint64_t kLow7 = 0x7f7f7f7f7f7f7f7full;
    const uint64_t x = word ^ byte;
    const uint64_t high = ~(((x & kLow7) + kLow7) | x | kLow7);
    return ((high >> 7) * 0x0102040810204080ull) >> 56;
}
template <char kByte, bool kQuotes> inline void marks16(const char* p, Marks& m, int shift) {
    constexpr uint64_t bytes = 0x0101010101010101ull * static_cast<unsigned char>(kByte);
    for (int half = 0; half < 2; ++half) {
        uint64_t word;
        std::memcpy(&word, p + 8 * half, 8);
        const int at = shift + 8 * half;
        m.hits |= matches8(word, bytes) << at;
        m.ends |= (matches8(word, 0x0a0a0a0a0a0a0a0aull) | matches8(word, 0x0d0d0d0d0d0d0d0dull)) << at;
        if (kQuotes) m.quotes |= matches8(word, 0x2222222222222222ull) << at;
    }
}
#else
template <char kByte, bool kQuotes> inline void marks16(const char* p, Marks& m, int shift) {
    const Marks s = marks_scalar<kByte, kQuotes>(p, 16);
    m.hits |= s.hits << shift;
    m.ends |= s.ends << shift;
    m.quotes |= s.quotes << shift;
}
#endif

// Set bits of a word: one instruction in wasm (i64.popcnt), on x86-64 with POPCNT and on arm64;
// elsewhere (x86-64's baseline has no POPCNT, and GCC would call libgcc) by halves and nibbles.
inline uint32_t popcount64(uint64_t x) {
#if defined(__wasm__) || defined(__POPCNT__) || defined(__aarch64__)
    return static_cast<uint32_t>(__builtin_popcountll(x));
#else
    x -= (x >> 1) & 0x5555555555555555ull;
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return static_cast<uint32_t>((x * 0x0101010101010101ull) >> 56);
#endif
}

// The bytes are template arguments, so each scan's splats are constants.
template <char kByte, bool kQuotes = false> inline Marks marks_at(const char* data, size_t size, size_t base) {
    if (base + kBlock > size) return marks_scalar<kByte, kQuotes>(data + base, size - base);
    Marks m;
    for (int i = 0; i < 4; ++i) marks16<kByte, kQuotes>(data + base + 16 * i, m, 16 * i);
    return m;
}

}  // namespace

// Emits every record of `text` that ends inside it, cutting fields as the tabs come (one pass
// over the bytes, 64 at a time); returns where the unfinished last record starts (text.size()
// when none is left). A CR that is the push's last byte is left unfinished (CRLF or lone CR:
// the next push tells). Fields are cut as they are; a record with a quote in it has its quoted
// fields unwrapped when it ends (most records have none, so no field is tested for quotes).
// kProject (want_columns): only the wanted columns are cut. The tabs of a run of other columns
// are passed over by counting them (a popcount per block, then a bit cleared per tab in the
// block where the run ends), and a record's tabs after its last wanted column are not looked
// at: in an All Orders file 31 of 39 fields per row are never written.
template <bool kProject>
__attribute__((flatten)) size_t Splitter::scan_tsv_records(std::string_view text, RowSink& sink) {
    const char* const data = text.data();
    const size_t size = text.size();
    FieldList& fields = row_.fields;
    fields.clear();
    // The fields are written through `out`; a block adds at most one per byte, so room is made
    // once per block, not per field. Projected, a field's slot is its column (< 64).
    std::string_view* first = kProject ? fields.room(64) : fields.slots();
    std::string_view* out = first;
    std::string_view* limit = first + fields.capacity();
    size_t record = 0;     // where the current record starts
    size_t field = 0;      // where its current field starts
    bool quoted = false;   // a quote in the current record, in a block before this one
    // Projected: the current field's column, and how many tabs to pass before the next wanted
    // column starts (kDone: none is left in this record).
    // skip_after[c]: the tabs to pass after column c's (0 when column c + 1 is wanted).
    constexpr uint32_t kDone = UINT32_MAX;
    const uint64_t want = want_;
    const unsigned last = kProject ? 63u - static_cast<unsigned>(__builtin_clzll(want)) : 0u;
    const uint32_t first_skip = want & 1 ? 0u : static_cast<uint32_t>(__builtin_ctzll(want));
    uint32_t skip_after[64] = {};
    if constexpr (kProject)
        for (unsigned c = 0; c <= last; ++c) {
            const uint64_t ahead = c < last ? want >> (c + 1) : 0;
            skip_after[c] = ahead & 1 ? 0u : ahead ? static_cast<uint32_t>(__builtin_ctzll(ahead)) : kDone;
        }
    size_t col = 0;
    uint32_t skip = first_skip;
    for (size_t base = 0; base < size; base += kBlock) {
        if (!kProject && static_cast<size_t>(limit - out) < kBlock) {
            fields.set_size(static_cast<size_t>(out - first));
            out = fields.room(kBlock);
            first = fields.slots();
            limit = first + fields.capacity();
        }
        const Marks m = marks_at<'\t', true>(data, size, base);
        uint64_t tabs = m.hits, ends = m.ends, quotes = m.quotes;
        while (true) {
            // The tabs before the next line end belong to the current record.
            const uint64_t before = ends ? (ends & (0 - ends)) - 1 : ~uint64_t(0);
            if constexpr (kProject) {
                for (uint64_t t = tabs & before; t;) {
                    if (skip) {  // other columns' tabs: counted, not cut
                        const uint32_t n = popcount64(t);
                        if (n < skip) {
                            skip -= n;
                            col += n;
                            break;
                        }
                        for (uint32_t i = 1; i < skip; ++i) t &= t - 1;
                        col += skip;
                        skip = 0;
                        field = base + static_cast<size_t>(__builtin_ctzll(t)) + 1;  // a wanted column starts
                        t &= t - 1;
                        continue;
                    }
                    const size_t at = base + static_cast<size_t>(__builtin_ctzll(t));
                    first[col] = std::string_view(data + field, at - field);
                    field = at + 1;
                    t &= t - 1;
                    skip = skip_after[col++];  // col ≤ last here: a wanted column
                }
            } else {
                for (uint64_t t = tabs & before; t; t &= t - 1) {
                    const size_t at = base + static_cast<size_t>(__builtin_ctzll(t));
                    *out++ = std::string_view(data + field, at - field);
                    field = at + 1;
                }
            }
            if (!ends) break;
            tabs &= ~before;
            const bool unwrap = quoted || (quotes & before);
            quotes &= ~before;
            const size_t at = base + static_cast<size_t>(__builtin_ctzll(ends));
            ends &= ends - 1;
            if (at < record) continue;  // the LF of a CRLF that began in the previous block
            size_t next = at + 1;
            if (data[at] == '\r') {
                if (at + 1 == size) {  // CRLF or lone CR: the next push tells
                    fields.clear();
                    return record;
                }
                if (data[at + 1] == '\n') {
                    next = at + 2;
                    if (at + 1 < base + kBlock) ends &= ~(uint64_t(1) << (at + 1 - base));  // its LF, when in this block
                }
            }
            if constexpr (kProject) {
                if (skip == 0) first[col] = std::string_view(data + field, at - field);  // a wanted last field
                const size_t n = (col < last ? col : last) + 1;
                if (unwrap)
                    for (uint64_t w = want & (~uint64_t(0) >> (63 - (n - 1))); w; w &= w - 1) {
                        std::string_view& f = first[__builtin_ctzll(w)];
                        f = tsv_field(f.data(), 0, f.size());
                    }
                fields.set_size(n);
                col = 0;
                skip = first_skip;
            } else {
                *out++ = std::string_view(data + field, at - field);
                if (unwrap)
                    for (std::string_view* f = first; f != out; ++f) *f = tsv_field(f->data(), 0, f->size());
                fields.set_size(static_cast<size_t>(out - first));
                out = first;
            }
            emit_fields(std::string_view(data + record, at - record), next - record, sink);
            record = field = next;
            quoted = false;
        }
        quoted = quoted || quotes;
    }
    fields.clear();
    return record;
}

// Cuts a record at every `delim`, eight bytes at a time on little-endian hosts: a TSV record
// finished through pending_ (one that began in an earlier push), or a CSV record without quotes.
void Splitter::split_plain(std::string_view record, char delim) {
    FieldList& fields = row_.fields;
    fields.clear();
    const char* const data = record.data();
    const size_t size = record.size();
    size_t start = 0;
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    constexpr uint64_t kLow7 = 0x7f7f7f7f7f7f7f7full;
    const uint64_t delims = 0x0101010101010101ull * static_cast<unsigned char>(delim);
    for (; i + 8 <= size; i += 8) {
        uint64_t word;
        std::memcpy(&word, data + i, 8);
        const uint64_t x = word ^ delims;                           // a delimiter byte becomes 0
        uint64_t hits = ~(((x & kLow7) + kLow7) | x | kLow7);      // exact: 0x80 where x's byte is 0
        while (hits) {
            const size_t at = i + static_cast<size_t>(__builtin_ctzll(hits) / 8);
            fields.push_back(tsv_field(data, start, at));
            start = at + 1;
            hits &= hits - 1;
        }
    }
#endif
    for (; i < size; ++i) {  // the tail (and the whole record on a big-endian host)
        if (data[i] != delim) continue;
        fields.push_back(tsv_field(data, start, i));
        start = i + 1;
    }
    fields.push_back(tsv_field(data, start, size));
}

// Only quotes and line ends change the CSV state, so the push visits those bytes alone (found
// 64 at a time) and reads the byte before a quote for the rest: a quote opens a quoted part at
// a field's start (a record's start or after a delimiter) or right after a closing quote (a
// doubled quote). at_field_start_ and just_closed_ carry that byte's meaning across pushes.
// Before this, a byte-at-a-time state machine took half of a shipments file's reading (issue 9).
void Splitter::push_csv(std::string_view text, RowSink& sink) {
    const char delim = delimiter_;
    if (cr_pending_) {  // the last push ended with a CR outside quotes
        cr_pending_ = false;
        if (text.front() != '\n') {
            pending_.pop_back();
            at_field_start_ = true;
            just_closed_ = false;
            if (!end_line({}, 0, sink)) return;
        }
    }
    const char* const data = text.data();
    const size_t size = text.size();
    size_t start = 0;              // where the current record's text in this push begins
    uint32_t newlines = 0;         // LFs inside quotes since `start`
    size_t closed_after = 0;       // 1 + the position of the last quote that closed a quoted part
    for (size_t base = 0; base < size; base += kBlock) {
        const Marks m = marks_at<'"'>(data, size, base);
        for (uint64_t bits = m.hits | m.ends; bits; bits &= bits - 1) {
            const size_t i = base + static_cast<size_t>(__builtin_ctzll(bits));
            const char c = data[i];
            if (in_quotes_) {
                if (c == '"') {
                    in_quotes_ = false;
                    closed_after = i + 1;
                } else if (c == '\n') {
                    ++newlines;
                }
            } else if (c == '"') {
                const bool field_start = i == 0 ? at_field_start_ : i == start || data[i - 1] == delim;
                const bool doubled = i == 0 ? just_closed_ : closed_after == i;
                if (field_start || doubled) in_quotes_ = true;  // else an ordinary character
            } else if (c == '\n' || (i + 1 < size && data[i + 1] != '\n')) {
                // LF, or a lone CR (a CR before an LF is left to emit)
                if (!end_line(text.substr(start, i - start), newlines, sink)) return;
                newlines = 0;
                start = i + 1;
            } else if (i + 1 == size) {
                cr_pending_ = true;  // CRLF or lone CR: the next push tells
            }
        }
    }
    if (size) {  // what the last byte means for the next push's first
        at_field_start_ = !in_quotes_ && (start == size || data[size - 1] == delim);
        just_closed_ = !in_quotes_ && closed_after == size;
    }
    if (start < size) {
        keep(text.substr(start));
        pending_newlines_ += newlines;
    }
}

void Splitter::finish(RowSink& sink) {
    if (overflow_) return;
    if (delimiter_ == 0) {
        if (pending_.find_first_not_of(" \t\r") == std::string::npos) return;
        std::string line = std::move(pending_);
        pending_.clear();
        delimiter_ = choose_delimiter(line);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        emit(line, 0, sink);
        return;
    }
    if (!pending_.empty()) {
        if (in_quotes_) unclosed_quote_line_ = next_line_;
        std::string record = std::move(pending_);
        pending_.clear();
        emit(record, pending_newlines_, sink);
    }
    pending_newlines_ = 0;
    cr_pending_ = false;
}

// Only spaces, tabs and CRs: a blank line. Most records start with a character that is none of
// them (find_first_not_of called memchr once per character, a call per record; issue 9).
static inline bool blank(std::string_view record) {
    for (char c : record)
        if (c != ' ' && c != '\t' && c != '\r') return false;
    return true;
}

void Splitter::emit(std::string_view record, uint32_t newlines, RowSink& sink) {
    const uint32_t line = next_line_;
    next_line_ += 1 + newlines;
    consumed_ += record.size() + 1;
    if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
    if (blank(record)) return;
    if (delimiter_ == '\t' || record.find('"') == std::string_view::npos) split_plain(record, delimiter_);
    else split_csv(record);
    row_.line = line;
    row_.text_end = consumed_;
    sink.on_row(row_);
}

// A TSV record whose fields scan_tsv_records has cut already; `bytes` counts its line end.
void Splitter::emit_fields(std::string_view record, size_t bytes, RowSink& sink) {
    const uint32_t line = next_line_++;
    consumed_ += bytes;
    if (blank(record)) return;
    row_.line = line;
    row_.text_end = consumed_;
    sink.on_row(row_);
}

// Cuts a CSV record that holds quotes into fields: it is copied to scratch_ and unescaped in
// place (unescaped text is never longer), so the fields stay views.
void Splitter::split_csv(std::string_view record) {
    row_.fields.clear();
    const char delim = delimiter_;
    scratch_.assign(record);
    char* buf = scratch_.data();
    const size_t n = scratch_.size();
    size_t read = 0;
    while (true) {
        const size_t field_start = read;
        size_t write = read;
        if (read < n && buf[read] == '"') {
            ++read;  // quoted field: until a lone quote
            while (read < n) {
                if (buf[read] == '"') {
                    if (read + 1 < n && buf[read + 1] == '"') {
                        buf[write++] = '"';
                        read += 2;
                        continue;
                    }
                    ++read;
                    break;
                }
                buf[write++] = buf[read++];
            }
        }
        while (read < n && buf[read] != delim) buf[write++] = buf[read++];  // rest is ordinary
        row_.fields.push_back(std::string_view(buf + field_start, write - field_start));
        if (read >= n) break;
        ++read;  // the delimiter
    }
}

}  // namespace sh::ingest
