// Foundation-stage reader: detects the kind from the header line and counts rows.
// (Replaced by the full ingestion pipeline; the public API in reader.h stays.)
#include "core/ingest/reader.h"

#include <algorithm>
#include <cctype>

namespace sh {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string detect_kind(std::string_view header) {
    const std::string h = lower(header);
    auto has = [&](const char* s) { return h.find(s) != std::string::npos; };
    if (has("performancemetrics")) return "amazon.account_health";
    if (has("amazon-order-id") && has("purchase-date")) return "amazon.all_orders";
    if (has("return request date")) return "amazon.returns";
    if (has("return-date") && has("fnsku")) return "amazon.fba_returns";
    if (has("impacts account health")) return "amazon.cancellations";
    if (has("no valid tracking")) return "amazon.tracking";
    if (has("expected-ship-date")) return "template.shipments";
    if (has("claim-date")) return "template.claims";
    if (has("no-response-needed")) return "template.messages";
    if (has("rating") && has("order id")) return "amazon.feedback";
    return "";
}

}  // namespace

struct FileReader::Impl {
    LoadedFile file;
    std::string first_line;
    bool header_done = false;
    bool line_has_content = false;
    bool in_line = false;
};

FileReader::FileReader(std::string name, OrderIdPool&) : impl_(std::make_unique<Impl>()) {
    impl_->file.info.name = std::move(name);
    impl_->file.info.encoding = "utf-8";
}

FileReader::~FileReader() = default;

void FileReader::feed(const uint8_t* data, size_t size) {
    Impl& s = *impl_;
    s.file.info.bytes += size;
    for (size_t i = 0; i < size; ++i) {
        const char c = static_cast<char>(data[i]);
        if (!s.header_done) {
            if (c == '\n') {
                s.header_done = true;
                s.file.info.kind = detect_kind(s.first_line);
            } else if (s.first_line.size() < 65536) {
                s.first_line.push_back(c);
            }
            continue;
        }
        if (c == '\n') {
            if (s.line_has_content) ++s.file.info.rows;
            s.line_has_content = false;
        } else if (c != '\r') {
            s.line_has_content = true;
        }
    }
}

LoadedFile FileReader::finish() {
    Impl& s = *impl_;
    if (!s.header_done) s.file.info.kind = detect_kind(s.first_line);
    if (s.line_has_content) ++s.file.info.rows;
    if (s.file.info.kind.empty()) s.file.info.error = "not a report this app can read";
    return std::move(s.file);
}

uint64_t FileReader::bytes_fed() const { return impl_->file.info.bytes; }
const std::string& FileReader::kind() const { return impl_->file.info.kind; }

LoadedFile read_file(const std::string& name, const uint8_t* data, size_t size, OrderIdPool& ids) {
    FileReader reader(name, ids);
    reader.feed(data, size);
    return reader.finish();
}

}  // namespace sh
