// Amazon's own figures from the Account Health JSON (source: amazon_report).
#pragma once

#include <vector>

#include "core/engine/facts.h"
#include "core/engine/policy.h"
#include "core/result.h"

namespace sh {

// Adds one metric per reported figure, each placed right after the computed metric of the same
// id and scope (else the same id, else at the end), with a note comparing the two.
void add_reported_metrics(const Facts& facts, std::vector<Metric>& metrics);

// The Account Health Rating the seller typed in from Seller Central (0-1000; metrics.md:
// 200 or more healthy, 100-199 at risk, below 100 unhealthy, thresholds from the policy):
// `rate` holds the rating itself, as `feedback_average_365d`'s holds stars; numerator and
// denominator stay 0, as in Amazon's status-only figure from the JSON report.
Metric typed_account_health_rating(int rating, const Policy& policy);

}  // namespace sh
