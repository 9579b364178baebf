// Magic-byte recognition of non-report files, and the list of readable kinds.
#include "core/ingest/magic.h"

#include <algorithm>

namespace sh::ingest {

namespace {

bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string describe_non_report(std::string_view h) {
    if (starts(h, "%PDF")) return "this is a PDF document; download the report itself as a tab-delimited text (.txt) or CSV file";
    if (starts(h, "\x89PNG") || starts(h, "\xFF\xD8\xFF") || starts(h, "GIF87a") || starts(h, "GIF89a") ||
        (starts(h, "RIFF") && h.size() >= 12 && h.substr(8, 4) == "WEBP"))
        return "this is an image; download the report itself as a tab-delimited text (.txt) or CSV file";
    if (starts(h, std::string_view("PK\x03\x04", 4))) {
        if (h.find("xl/") != std::string_view::npos || h.find("[Content_Types].xml") != std::string_view::npos)
            return "this is an Excel workbook; export the report as tab-delimited text (or CSV) instead";
        return "this is a ZIP archive; unzip it and add the report inside";
    }
    if (starts(h, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)))
        return "this is an Excel workbook (.xls); export the report as tab-delimited text (or CSV) instead";
    if (starts(h, "\x1F\x8B")) return "this is a gzip-compressed file; decompress it and add the report inside";
    if (starts(h, "7z\xBC\xAF")) return "this is a 7-Zip archive; extract it and add the report inside";
    if (starts(h, "Rar!")) return "this is a RAR archive; extract it and add the report inside";
    // NUL bytes outside UTF-16 text (with a byte-order mark, or ASCII every other byte): binary.
    bool utf16 = starts(h, "\xFF\xFE") || starts(h, "\xFE\xFF");
    if (!utf16 && h.size() >= 8) {
        size_t zeros_at[2] = {0, 0};
        const size_t n = std::min<size_t>(h.size(), 4096) & ~size_t(1);
        for (size_t i = 0; i < n; ++i) zeros_at[i & 1] += h[i] == '\0';
        utf16 = (zeros_at[0] == 0 || zeros_at[1] == 0) && zeros_at[0] + zeros_at[1] >= n / 2 * 9 / 10;
    }
    if (!utf16 && h.substr(0, 4096).find('\0') != std::string_view::npos)
        return "this is a binary file, not a text report";
    return "";
}

std::string readable_kinds_sentence() {
    return "The app reads: Amazon's All Orders report (amazon.all_orders), Feedback Manager export (amazon.feedback), "
           "returns report (amazon.returns), FBA customer returns (amazon.fba_returns), Account Health JSON "
           "(amazon.account_health), cancellation-rate download (amazon.cancellations), valid-tracking download "
           "(amazon.tracking), and our templates (template.shipments, template.claims, template.messages, "
           "template.feedback).";
}

}  // namespace sh::ingest
