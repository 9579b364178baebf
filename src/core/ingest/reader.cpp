// The ingestion pipeline behind FileReader: sniff → decode → split → header → kind reader.
#include "core/ingest/reader.h"

#include "core/ingest/account_health.h"
#include "core/ingest/context.h"
#include "core/ingest/encoding.h"
#include "core/ingest/magic.h"
#include "core/ingest/splitter.h"
#include "core/ingest/text.h"

namespace sh {

using namespace ingest;

namespace {

constexpr size_t kSniffBytes = 64 * 1024;         // encoding and file type are told from these (default)
constexpr size_t kMaxJsonBytes = size_t(64) << 20; // Account Health documents are small
constexpr size_t kShapeRows = 20;                  // rows looked at to recognise a feedback file

std::string header_preview(const Header& h) {
    std::string out;
    for (size_t i = 0; i < h.size() && i < 6; ++i) {
        if (i) out += ", ";
        out += h.name(static_cast<int>(i));
    }
    if (h.size() > 6) out += ", ...";
    // Cut on a character boundary and cleaned: the error goes into the result JSON, whose
    // writer rejects invalid UTF-8 (fuzz_reader found a cut CP932-as-1252 header).
    if (out.size() <= 200) return clean_utf8(out);
    size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    return clean_utf8(std::string_view(out).substr(0, cut)) + "...";
}

}  // namespace

struct FileReader::Impl : RowSink {
    // resniff: the text so far was ASCII and read as UTF-8; the bytes from the first other byte
    // are gathered to decide the encoding again.
    enum class Stage { sniff, text, resniff, json, rejected };

    Impl(std::string name, OrderIdPool& ids) : cx{file, ids} { file.info.name = std::move(name); }

    LoadedFile file;
    Context cx;
    Stage stage = Stage::sniff;
    size_t sniff_bytes = kSniffBytes;
    std::string head;        // the first bytes (or those from the first non-ASCII one), until the encoding is decided
    bool ascii_so_far = false;  // UTF-8 was chosen from ASCII alone: the first other byte decides again
    Decoder decoder{Encoding::utf8};
    std::string decoded;     // reused buffer for non-UTF-8 input
    std::string json;        // the Account Health document (only for that kind)
    Splitter splitter;
    std::unique_ptr<Header> header;
    std::unique_ptr<ColumnMap> columns;
    std::unique_ptr<KindReader> reader;
    bool shape_pending = false;  // a six-column file waiting for rows to tell if it is feedback
    std::vector<std::pair<std::vector<std::string>, uint32_t>> held;

    void reject(std::string error) {
        file.info.error = std::move(error);
        stage = Stage::rejected;
        reader.reset();
        held.clear();
        std::string().swap(json);
        std::string().swap(head);
    }

    void decide(bool complete) {
        const std::string what = describe_non_report(std::string_view(head).substr(0, sniff_bytes));
        if (!what.empty()) return reject(what + ". " + readable_kinds_sentence());
        // Only the first sniff_bytes decide, however the bytes were chunked.
        const bool whole = complete && head.size() <= sniff_bytes;
        const DetectedEncoding enc = detect_encoding(std::string_view(head).substr(0, sniff_bytes), whole);
        file.info.encoding = encoding_name(enc.encoding);
        cx.text_is_file_bytes = enc.encoding == Encoding::utf8;
        ascii_so_far = enc.encoding == Encoding::utf8 && enc.bom_size == 0 && !whole &&
                       first_non_ascii(std::string_view(head).substr(0, sniff_bytes)) == std::string_view::npos;
        decoder = Decoder(enc.encoding);
        // JSON or not is told from the window too (a fresh decoder: the window may cut a sequence).
        std::string window;
        Decoder(enc.encoding).decode(std::string_view(head).substr(enc.bom_size, sniff_bytes - enc.bom_size), window);
        const bool is_json = looks_like_json(window);
        // The head (the whole first chunk: 16 MiB from the CLI) becomes the first text: UTF-8
        // is not copied (a copy doubled the memory of every file's first chunk, issue 9). Moved
        // out of `head` first: reject() during the push below must not free the text being split.
        std::string first;
        if (enc.encoding == Encoding::utf8) {
            first.swap(head);
            first.erase(0, enc.bom_size);
        } else {
            decoder.decode(std::string_view(head).substr(enc.bom_size), first);
            std::string().swap(head);
        }
        if (is_json) {
            stage = Stage::json;
            json = std::move(first);
            return;
        }
        stage = Stage::text;
        push_text(first);
    }

    // UTF-8 text to the splitter. While every byte so far was ASCII, the first other byte
    // decides the encoding again from the bytes from there on (reports.md's rule is the whole
    // file's: a Windows-1252 file can be ASCII for its first 64 KiB).
    void push_text(std::string_view text) {
        if (ascii_so_far) {
            const size_t at = first_non_ascii(text);
            if (at != std::string_view::npos) {
                ascii_so_far = false;
                splitter.push(text.substr(0, at), *this);
                if (stage == Stage::rejected) return;  // the rows so far already told
                head.assign(text.substr(at));
                stage = Stage::resniff;
                if (head.size() >= sniff_bytes) redecide(false);
                return;
            }
        }
        splitter.push(text, *this);
    }

    void redecide(bool complete) {
        const Encoding e =
            detect_after_ascii(std::string_view(head).substr(0, sniff_bytes), complete && head.size() <= sniff_bytes);
        stage = Stage::text;
        std::string rest;
        rest.swap(head);
        if (e == Encoding::utf8) return splitter.push(rest, *this);
        file.info.encoding = encoding_name(e);
        cx.text_is_file_bytes = false;
        decoder = Decoder(e);
        decoded.clear();
        decoder.decode(rest, decoded);
        splitter.push(decoded, *this);
    }

    void feed(const char* data, size_t size) {
        switch (stage) {
        case Stage::sniff:
            head.append(data, size);
            if (head.size() >= sniff_bytes) decide(false);
            return;
        case Stage::text:
            if (decoder.encoding() == Encoding::utf8) {
                push_text(std::string_view(data, size));
            } else {
                decoded.clear();
                decoder.decode(std::string_view(data, size), decoded);
                splitter.push(decoded, *this);
            }
            if (splitter.overflowed()) overflow();
            return;
        case Stage::resniff:
            head.append(data, size);
            if (head.size() >= sniff_bytes) redecide(false);
            if (splitter.overflowed()) overflow();
            return;
        case Stage::json:
            decoder.decode(std::string_view(data, size), json);
            if (json.size() > kMaxJsonBytes)
                reject("this JSON file is larger than 64 MB; Amazon's Account Health report is much smaller");
            return;
        case Stage::rejected:
            return;
        }
    }

    void overflow() {
        reject("line " + std::to_string(splitter.lines_seen() + 1) +
               " is longer than 16 MB; this does not look like a report. " + readable_kinds_sentence());
    }

    void finish() {
        if (stage == Stage::sniff) decide(true);
        if (stage == Stage::resniff) redecide(true);
        if (stage == Stage::text) {
            decoded.clear();
            decoder.finish(decoded);
            splitter.push(decoded, *this);
            splitter.finish(*this);
            file.info.lines = splitter.lines_seen();
            if (splitter.overflowed()) overflow();
            if (const uint32_t line = splitter.unclosed_quote_line())
                cx.warn(line, "", "a quote opened on this line never closes: the lines after it were read as "
                                  "one field (fix the quote and load the file again)");
        }
        if (stage == Stage::text) {
            if (shape_pending) resolve_shape();
            if (reader) reader->finish();
            if (!header && stage != Stage::rejected) reject("the file is empty");
        } else if (stage == Stage::json) {
            std::string end;
            decoder.finish(end);
            json += end;
            read_account_health(json, cx);
            std::string().swap(json);
        }
        if (file.info.ok() && file.info.rows == 0) {
            if (file.info.skipped > 0)
                file.info.error = "no usable row: all " + std::to_string(file.info.skipped) +
                                  " data rows were skipped (see the problems listed)";
            else
                file.info.error = "the file has a header but no data rows";
        }
        if (!file.info.ok()) file.records = Records{};
    }

    // --- rows ---------------------------------------------------------------------------
    void on_row(const Row& row) override {
        if (stage == Stage::rejected) return;
        if (!header) return on_header(row);
        if (shape_pending) {
            std::vector<std::string> copy(row.fields.begin(), row.fields.end());
            held.emplace_back(std::move(copy), row.line);
            if (held.size() >= kShapeRows) resolve_shape();
            return;
        }
        if (reader) reader->on_row(row);
    }

    void on_header(const Row& row) {
        header = std::make_unique<Header>(std::vector<std::string_view>(row.fields.begin(), row.fields.end()));
        if (const KindSpec* spec = detect_kind(*header)) return bind(*spec);
        std::array<int, fb_count> cols{};
        if (const FeedbackLanguage* lang = match_feedback_header(*header, cols)) {
            FeedbackLayout layout;
            layout.columns = cols;
            for (size_t c = 0; c < fb_count; ++c) layout.names[c] = header->name(cols[c]);
            layout.language = lang;
            return start_feedback("amazon.feedback", layout);
        }
        if (header->size() >= 6) {
            shape_pending = true;
            return;
        }
        unknown();
    }

    void unknown() {
        reject("not a report this app can read (its first line: '" + header_preview(*header) + "'). " +
               readable_kinds_sentence());
    }

    void bind(const KindSpec& spec) {
        file.info.kind = spec.kind;
        columns = std::make_unique<ColumnMap>(spec, *header);
        if (!columns->missing().empty()) {
            std::string names;
            for (const auto& m : columns->missing()) names += (names.empty() ? "'" : ", '") + m + "'";
            return reject("this " + spec.kind + " file lacks the required column" +
                          (columns->missing().size() > 1 ? "s " : " ") + names);
        }
        const std::string& k = spec.kind;
        if (k == "amazon.all_orders") reader = make_orders_reader(*columns, cx);
        else if (k == "amazon.returns") reader = make_returns_reader(*columns, cx);
        else if (k == "amazon.fba_returns") reader = make_fba_returns_reader(*columns, cx);
        else if (k == "amazon.cancellations") reader = make_cancellations_reader(*columns, cx);
        else if (k == "amazon.tracking") reader = make_tracking_reader(*columns, cx);
        else if (k == "template.shipments") reader = make_shipments_reader(*columns, cx);
        else if (k == "template.claims") reader = make_claims_reader(*columns, cx);
        else if (k == "template.messages") reader = make_messages_reader(*columns, cx);
        else if (k == "template.feedback") {
            FeedbackLayout layout;
            for (size_t c = 0; c < fb_count; ++c) {
                layout.columns[c] = columns->index(kFeedbackColumnNames[c]);
                layout.names[c] = columns->header_name(kFeedbackColumnNames[c]);
            }
            layout.removed = columns->index("removed");
            layout.removed_name = columns->header_name("removed");
            std::array<int, fb_count> ignored{};
            layout.language = match_feedback_header(*header, ignored);
            start_feedback(k, layout);
        } else {
            return reject("no reader for " + k);
        }
        splitter.want_columns(reader->columns_read());
    }

    void start_feedback(const std::string& kind, const FeedbackLayout& layout) {
        file.info.kind = kind;
        reader = make_feedback_reader(layout, cx);
    }

    // Six columns, the second all 1-5, the fifth Amazon order ids: a feedback export whose
    // header language is not in our table.
    void resolve_shape() {
        shape_pending = false;
        bool fits = !held.empty();
        for (const auto& [fields, line] : held) {
            const auto rating = fields.size() > 4 ? parse_count(fields[1]) : std::nullopt;
            if (!rating || *rating < 1 || *rating > 5 || !looks_like_amazon_order_id(trim(fields[4]))) {
                fits = false;
                break;
            }
        }
        if (!fits) {
            held.clear();
            return unknown();
        }
        FeedbackLayout layout;
        for (size_t c = 0; c < fb_count; ++c) {
            layout.columns[c] = static_cast<int>(c);
            layout.names[c] = header->name(static_cast<int>(c));
        }
        start_feedback("amazon.feedback", layout);
        file.info.notes.push_back("feedback file recognised by its columns (header language not known)");
        Row row;
        for (const auto& [fields, line] : held) {
            row.fields.assign(fields.begin(), fields.end());
            row.line = line;
            reader->on_row(row);
        }
        held.clear();
    }
};

FileReader::FileReader(std::string name, OrderIdPool& ids) : impl_(std::make_unique<Impl>(std::move(name), ids)) {}

FileReader::~FileReader() = default;

void FileReader::feed(const uint8_t* data, size_t size) {
    impl_->file.info.bytes += size;
    impl_->feed(reinterpret_cast<const char*>(data), size);
}

LoadedFile FileReader::finish() {
    impl_->finish();
    return std::move(impl_->file);
}

uint64_t FileReader::bytes_fed() const { return impl_->file.info.bytes; }
void FileReader::set_size_hint(uint64_t bytes) { impl_->cx.size_hint = bytes; }
void FileReader::keep_reservation() { impl_->cx.keep_reservation = true; }
void FileReader::set_memory_probe(MemoryProbe probe) { impl_->cx.memory_probe = probe; }
void FileReader::set_sniff_window(size_t bytes) { impl_->sniff_bytes = bytes < 16 ? 16 : bytes; }
const std::string& FileReader::kind() const { return impl_->file.info.kind; }

LoadedFile read_file(const std::string& name, const uint8_t* data, size_t size, OrderIdPool& ids) {
    FileReader reader(name, ids);
    reader.feed(data, size);
    return reader.finish();
}

}  // namespace sh
