// The splitter against a byte-at-a-time reference of the rules in splitter.h, on random text
// made of the bytes that matter (delimiters, quotes, CR, LF), pushed whole, a byte at a time
// and in random pieces: its 16-byte scans must not change a single field or line number.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "core/ingest/splitter.h"

using sh::ingest::Row;
using sh::ingest::RowSink;
using sh::ingest::Splitter;

namespace {

struct Record {
    uint32_t line;
    std::vector<std::string> fields;
    bool operator==(const Record& o) const { return line == o.line && fields == o.fields; }
};

std::string show(const std::vector<Record>& records) {
    std::string out;
    for (const Record& r : records) {
        out += std::to_string(r.line) + ":";
        for (const std::string& f : r.fields) out += " [" + f + "]";
        out += "\n";
    }
    return out;
}

struct Collect : RowSink {
    std::vector<Record> records;
    void on_row(const Row& row) override {
        records.push_back({row.line, std::vector<std::string>(row.fields.begin(), row.fields.end())});
    }
};

// The reference: one pass, one byte at a time, over the whole text after its header line.
std::vector<std::string> reference_fields(const std::string& record, char delim) {
    std::vector<std::string> fields;
    size_t read = 0;
    const size_t n = record.size();
    while (true) {
        std::string field;
        if (delim != '\t' && read < n && record[read] == '"') {  // CSV: quoted until a lone quote
            ++read;
            while (read < n) {
                if (record[read] == '"') {
                    if (read + 1 < n && record[read + 1] == '"') {
                        field += '"';
                        read += 2;
                        continue;
                    }
                    ++read;
                    break;
                }
                field += record[read++];
            }
        }
        while (read < n && record[read] != delim) field += record[read++];
        if (delim == '\t' && field.size() >= 2 && field.front() == '"' && field.back() == '"')
            field = field.substr(1, field.size() - 2);  // TSV: a field wholly inside quotes loses them
        fields.push_back(field);
        if (read >= n) break;
        ++read;
    }
    return fields;
}

std::vector<Record> reference(const std::string& body, char delim, uint32_t first_line) {
    std::vector<Record> out;
    uint32_t line = first_line, newlines = 0;
    size_t start = 0;
    bool quoted = false, field_start = true, just_closed = false;
    auto end_record = [&](size_t end) {
        std::string record = body.substr(start, end - start);
        if (!record.empty() && record.back() == '\r') record.pop_back();
        const uint32_t at = line;
        line += 1 + newlines;
        newlines = 0;
        if (record.find_first_not_of(" \t\r") != std::string::npos) out.push_back({at, reference_fields(record, delim)});
    };
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (quoted) {
            if (c == '"') quoted = false, just_closed = true;
            else if (c == '\n') ++newlines;
            continue;
        }
        if (delim != '\t' && c == '"' && (field_start || just_closed)) {
            quoted = true;
            field_start = just_closed = false;
        } else if (c == '\n' || (c == '\r' && i + 1 < body.size() && body[i + 1] != '\n')) {
            end_record(i);
            start = i + 1;
            field_start = true;
            just_closed = false;
        } else {
            field_start = c == delim;
            just_closed = false;
        }
    }
    if (start < body.size()) end_record(body.size());
    return out;
}

// Pushes `text` in pieces of these sizes (the rest in one last push), then finishes.
void push_in_pieces(Splitter& splitter, RowSink& sink, const std::string& text, const std::vector<size_t>& pieces) {
    size_t at = 0;
    for (size_t n : pieces) {
        n = std::min(n, text.size() - at);
        splitter.push(std::string_view(text).substr(at, n), sink);
        at += n;
    }
    splitter.push(std::string_view(text).substr(at), sink);
    splitter.finish(sink);
}

std::vector<Record> split(const std::string& text, const std::vector<size_t>& pieces) {
    Splitter splitter;
    Collect sink;
    push_in_pieces(splitter, sink, text, pieces);
    return sink.records;
}

std::string random_body(std::mt19937& rng, char delim) {
    // Mostly ordinary bytes, as in a real file, with every special byte common enough to meet
    // each other in all orders within a 16-byte block and across its edge.
    const std::string specials = std::string(1, delim) + "\"\n\r";
    std::uniform_int_distribution<int> length(0, 160), pick(0, 9), special(0, int(specials.size()) - 1);
    std::string body;
    for (int i = length(rng); i > 0; --i) body += pick(rng) < 4 ? specials[size_t(special(rng))] : char('a' + pick(rng));
    return body;
}

}  // namespace

TEST_CASE("splitter: CSV and TSV records equal a byte-at-a-time reference, however the text is pushed") {
    std::mt19937 rng(20261122);
    int compared = 0;
    for (const char delim : {',', ';', '\t'}) {
        const std::string header = std::string("h1") + delim + "h2" + delim + "h3\n";
        for (int round = 0; round < 1500; ++round) {
            const std::string body = random_body(rng, delim);
            const std::string text = header + body;
            std::vector<Record> expected = {{1, {"h1", "h2", "h3"}}};
            for (Record& r : reference(body, delim, 2)) expected.push_back(std::move(r));
            CAPTURE(text);
            const std::vector<Record> whole = split(text, {});
            REQUIRE(show(whole) == show(expected));
            CHECK(split(text, std::vector<size_t>(text.size(), 1)) == expected);
            std::uniform_int_distribution<size_t> piece(1, 40);
            std::vector<size_t> pieces;
            for (size_t sum = 0; sum < text.size(); sum += pieces.back()) pieces.push_back(piece(rng));
            CHECK(split(text, pieces) == expected);
            ++compared;
        }
    }
    CHECK(compared == 4500);
}

TEST_CASE("splitter: a quote opens a CSV field only at its start or right after a closing quote") {
    // Worked by hand: `"a,b"` is one field; `x"y` keeps its quote; `"p""q"` unescapes the
    // doubled quote; `"r"s` continues the field after the closing quote; a quoted LF stays
    // inside its field and the next record starts on line 4.
    const std::string text = "h1,h2\n\"a,b\",x\"y\n\"p\"\"q\",\"r\"s\n\"multi\nline\",z\nlast,row\n";
    const std::vector<Record> expected = {
        {1, {"h1", "h2"}}, {2, {"a,b", "x\"y"}}, {3, {"p\"q", "rs"}}, {4, {"multi\nline", "z"}}, {6, {"last", "row"}}};
    CHECK(split(text, {}) == expected);
    for (size_t at = 0; at <= text.size(); ++at) {
        CAPTURE(at);
        CHECK(split(text, {at}) == expected);
    }
}

// Issue 9: with want_columns, TSV records are cut only at the wanted columns. Every column a
// sink may read (Row::field, and Row::wanted_field for wanted ones) must equal the full cut's,
// and the others must read "", on rows of up to ~100 columns (past 64: none of those is cut
// unless all are wanted) with quotes, CR, CRLF, short rows and blank lines, for masks of every
// density, however the text is pushed.
namespace {

struct FieldsSeen : RowSink {
    uint64_t mask = ~uint64_t(0);
    std::vector<Record> records;
    void on_row(const Row& row) override {
        Record r{row.line, {}};
        for (size_t i = 0; i < 110; ++i) {
            const bool wanted = i < 64 ? (mask >> i & 1) != 0 : mask == ~uint64_t(0);
            r.fields.push_back(std::string(row.field(i)));
            if (wanted) CHECK(row.wanted_field(i) == row.field(i));
        }
        records.push_back(std::move(r));
    }
};

std::vector<Record> split_wanting(const std::string& text, uint64_t mask, const std::vector<size_t>& pieces) {
    Splitter splitter;
    FieldsSeen sink;
    sink.mask = mask ? mask : ~uint64_t(0);
    splitter.want_columns(mask);
    push_in_pieces(splitter, sink, text, pieces);
    return sink.records;
}

}  // namespace

TEST_CASE("splitter: TSV records cut at the wanted columns only give every wanted field as cut whole") {
    std::mt19937_64 rng(20261123);
    std::uniform_int_distribution<int> length(0, 900), pick(0, 99);
    int compared = 0;
    for (int round = 0; round < 1200; ++round) {
        std::string body;
        for (int i = length(rng); i > 0; --i) {
            const int p = pick(rng);
            body += p < 30 ? '\t' : p < 33 ? '\n' : p < 34 ? '\r' : p < 37 ? '"' : char('a' + p % 26);
        }
        const std::string text = "a\tb\tc\n" + body;
        uint64_t mask = rng();
        switch (round % 6) {  // dense, sparse, one column, the last column, none (all), all
            case 1: mask &= rng() & rng(); break;
            case 2: mask = uint64_t(1) << (rng() % 64); break;
            case 3: mask = (uint64_t(1) << 63) | (rng() & 0xff); break;
            case 4: mask = 0; break;
            case 5: mask = ~uint64_t(0); break;
            default: break;
        }
        CAPTURE(text);
        CAPTURE(mask);
        std::vector<Record> expected = split_wanting(text, ~uint64_t(0), {});
        for (Record& r : expected)  // the header row (line 1) is cut whole before any mask applies
            for (size_t i = 0; i < r.fields.size() && r.line > 1 && mask && mask != ~uint64_t(0); ++i)
                if (i >= 64 || !(mask >> i & 1)) r.fields[i].clear();
        REQUIRE(show(split_wanting(text, mask, {})) == show(expected));
        CHECK(split_wanting(text, mask, std::vector<size_t>(text.size(), 1)) == expected);
        std::uniform_int_distribution<size_t> piece(1, 200);
        std::vector<size_t> pieces;
        for (size_t sum = 0; sum < text.size(); sum += pieces.back()) pieces.push_back(piece(rng));
        CHECK(split_wanting(text, mask, pieces) == expected);
        ++compared;
    }
    CHECK(compared == 1200);
}
