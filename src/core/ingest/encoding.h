// Text encodings of report files: detection from the first bytes, and a push decoder to UTF-8.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sh::ingest {

enum class Encoding : uint8_t { utf8, utf16le, utf16be, windows1252, cp932 };

const char* encoding_name(Encoding e);  // utf-8, utf-16le, ... (reports.md names)

struct DetectedEncoding {
    Encoding encoding = Encoding::utf8;
    size_t bom_size = 0;  // bytes of byte-order mark to drop
};

// Decides the encoding from the first bytes of a file (reports.md): BOM; else valid UTF-8;
// else CP932 when the non-ASCII bytes fit its lead/trail pattern and decode mostly to
// kana/kanji; else Windows-1252. `complete` = `head` is the whole file (a multi-byte
// sequence cut at its end is then invalid rather than merely cut).
DetectedEncoding detect_encoding(std::string_view head, bool complete);

// The same decision for text that follows ASCII only (no BOM or UTF-16 to look for): `window`
// starts at a file's first non-ASCII byte (reports.md's rule applies to the whole file, and
// ASCII reads alike in UTF-8, CP932 and Windows-1252).
Encoding detect_after_ascii(std::string_view window, bool complete);

// The position of the first byte >= 0x80 in `text`, or npos.
size_t first_non_ascii(std::string_view text);

// Converts a byte stream to UTF-8, chunk by chunk; a sequence split between chunks is carried.
// Bytes that do not decode become U+FFFD.
class Decoder {
public:
    explicit Decoder(Encoding encoding) : encoding_(encoding) {}
    Encoding encoding() const { return encoding_; }
    // Appends the UTF-8 text of `in` to `out`.
    void decode(std::string_view in, std::string& out);
    // The end of the stream: a dangling partial sequence becomes U+FFFD.
    void finish(std::string& out);

private:
    void decode_utf16(std::string_view in, std::string& out);
    void decode_cp932(std::string_view in, std::string& out);

    Encoding encoding_;
    unsigned char carry_ = 0;   // UTF-16: the odd byte; CP932: the lead byte
    bool has_carry_ = false;
    uint16_t high_surrogate_ = 0;
};

void append_utf8(std::string& out, uint32_t code_point);

}  // namespace sh::ingest
