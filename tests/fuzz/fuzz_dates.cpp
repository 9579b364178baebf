// Fuzz target: every date and timestamp parser on any text; a parsed day must survive a
// round trip through format_day / parse_day.
#include <string_view>

#include "core/day.h"
#include "core/ingest/dates.h"
#include "fuzz_replay.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto day = sh::parse_day(text)) {
        SH_FUZZ_CHECK(sh::parse_day(sh::format_day(*day)) == day);
    }
    if (const auto ts = sh::parse_iso_timestamp(text)) {
        (void)sh::format_day(ts->local_day());
    }
    using namespace sh::ingest;
    (void)split_date(text);
    for (const bool year_first : {false, true}) {
        if (const auto fd = parse_feedback_date(text, year_first); fd && fd->day.has())
            (void)sh::format_day(fd->day.day());
    }
    bool ambiguous = false;
    if (const auto d = parse_any_day(text, sh::DateOrder::dmy, &ambiguous)) (void)sh::format_day(*d);
    if (const auto d = parse_any_day(text, sh::DateOrder::mdy, &ambiguous)) (void)sh::format_day(*d);
    if (const auto m = parse_moment(text)) (void)sh::format_day(m->local_day());
    return 0;
}
