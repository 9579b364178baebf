// Amazon's own figures from the Account Health JSON (source: amazon_report).
#pragma once

#include <vector>

#include "core/engine/facts.h"
#include "core/result.h"

namespace sh {

// Adds one metric per reported figure, each placed right after the computed metric of the same
// id and scope (else the same id, else at the end), with a note comparing the two.
void add_reported_metrics(const Facts& facts, std::vector<Metric>& metrics);

}  // namespace sh
