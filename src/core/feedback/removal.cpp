// Removal rules (feedback.md "Removal and strike-through").
#include "core/feedback/removal.h"

#include <algorithm>

namespace sh::feedback {

namespace {

bool has(const std::vector<Cause>& causes, Cause c) {
    return std::find(causes.begin(), causes.end(), c) != causes.end();
}

// Entirely about the product: product quality (or product features) only, and no word about
// the seller's service.
bool is_product_review(const CommentFindings& c) {
    return !c.causes.empty() && std::all_of(c.causes.begin(), c.causes.end(),
                                            [](Cause k) { return k == Cause::product_quality; }) &&
           !c.mentions_service;
}

// Fulfilled by Amazon and about delivery, packaging or tracking. A product complaint beside
// it does not stop the strike-through (the seller is not answerable for the fulfilment part
// and the product part is itself removable); any complaint about the seller's own service does.
bool is_fba_fulfillment(const CommentFindings& c, Channel channel) {
    if (channel != Channel::afn) return false;
    const bool fulfilment = has(c.causes, Cause::shipping_speed) || has(c.causes, Cause::packaging) ||
                            has(c.causes, Cause::tracking);
    const bool only_fulfilment_or_product =
        std::all_of(c.causes.begin(), c.causes.end(), [](Cause k) {
            return k == Cause::shipping_speed || k == Cause::packaging || k == Cause::tracking ||
                   k == Cause::product_quality;
        });
    return fulfilment && only_fulfilment_or_product;
}

}  // namespace

std::vector<std::string> removal_reasons(const CommentFindings& c, int rating, Channel channel) {
    std::vector<std::string> reasons;
    if (rating > 3) return reasons;
    if (is_product_review(c)) reasons.emplace_back("product_review");
    if (is_fba_fulfillment(c, channel)) reasons.emplace_back("fba_fulfillment");
    if (c.obscene) reasons.emplace_back("obscene");
    if (c.personal_info) reasons.emplace_back("personal_info");
    if (c.promotional) reasons.emplace_back("promotional");
    return reasons;
}

std::string_view removal_reason_text(std::string_view reason) {
    if (reason == "product_review") return "The entire feedback is a product review";
    if (reason == "fba_fulfillment")
        return "The feedback is about delivery or packaging of an order fulfilled by Amazon";
    if (reason == "obscene") return "The feedback contains obscene or abusive language";
    if (reason == "personal_info")
        return "The feedback contains personally identifiable information (e-mail, phone number or full name)";
    if (reason == "promotional") return "The feedback contains promotional content or links";
    return "";
}

}  // namespace sh::feedback
