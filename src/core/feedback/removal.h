// Removal / strike-through eligibility with Amazon's named reasons (feedback.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/feedback/comment.h"
#include "core/records.h"

namespace sh::feedback {

// Reasons in the spec's order: product_review, fba_fulfillment, obscene, personal_info,
// promotional. Only unhappy entries (rating 1–3) are considered: nobody asks Amazon to
// remove a positive rating.
std::vector<std::string> removal_reasons(const CommentFindings& comment, int rating, Channel channel);

// The question of Amazon's removal request form that the reason answers, for the seller.
std::string_view removal_reason_text(std::string_view reason);

}  // namespace sh::feedback
