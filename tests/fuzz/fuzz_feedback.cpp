// Fuzz target: the feedback analyser on arbitrary bytes (valid UTF-8 or not): one comment
// through analyse_comment, and the input split into entries through analyse_feedback. Every
// trigger span must lie inside its comment.
#include <string>
#include <string_view>
#include <vector>

#include "core/feedback/analyse.h"
#include "fuzz_replay.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const int rating = data[0] % 6;  // 0 = unknown
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

    const sh::CommentAnalysis one = sh::analyse_comment(text, rating);
    for (const auto& t : one.triggers) SH_FUZZ_CHECK(t.begin <= t.end && t.end <= text.size());

    // Entries: the text split at '\n', ratings cycling 1..5, days spread around as_of.
    std::vector<sh::FeedbackItem> items;
    size_t start = 0;
    int k = 0;
    while (start <= text.size() && items.size() < 64) {
        const size_t end = std::min(text.find('\n', start), text.size());
        sh::FeedbackItem item;
        item.day = sh::Day{20400 + (k * 37) % 500};
        item.rating = 1 + k % 5;
        item.comment = std::string(text.substr(start, end - start));
        item.order_id = k % 3 ? "111-1234567-1234567" : "";
        item.answered = k % 2;
        item.channel = k % 2 ? sh::Channel::afn : sh::Channel::mfn;
        items.push_back(std::move(item));
        ++k;
        start = end + 1;
    }
    (void)sh::analyse_feedback(items, sh::Day{20777});
    return 0;
}
