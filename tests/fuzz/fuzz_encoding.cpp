// Fuzz target: encoding detection and every decoder on any bytes, fed in two pieces; the
// output must be valid UTF-8 and must not depend on where the bytes were split.
#include <string>

#include "core/ingest/encoding.h"
#include "fuzz_replay.h"

namespace {

bool valid_utf8(const std::string& s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (size_t k = 1; k < n; ++k) {
            const auto t = static_cast<unsigned char>(s[i + k]);
            if ((t & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (t & 0x3Fu);
        }
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
            cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace sh::ingest;
    if (size == 0) return 0;
    const size_t split = data[0] % (size);  // where the stream is cut in two
    const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);

    const DetectedEncoding detected = detect_encoding(bytes, /*complete=*/true);
    SH_FUZZ_CHECK(detected.bom_size <= bytes.size());
    (void)detect_encoding(bytes.substr(0, split), /*complete=*/false);

    for (const Encoding e : {Encoding::utf16le, Encoding::utf16be, Encoding::windows1252, Encoding::cp932}) {
        std::string whole, pieces;
        Decoder a(e);
        a.decode(bytes, whole);
        a.finish(whole);
        Decoder b(e);
        b.decode(bytes.substr(0, std::min(split, bytes.size())), pieces);
        b.decode(bytes.substr(std::min(split, bytes.size())), pieces);
        b.finish(pieces);
        SH_FUZZ_CHECK(whole == pieces);
        SH_FUZZ_CHECK(valid_utf8(whole));
    }
    return 0;
}
