// Helpers shared by the seller-fulfilled shipping metrics (late shipment, tracking, delivery).
#pragma once

#include "core/engine/context.h"

namespace sh {

// metrics.md: a shipment whose order is known to be afn or cancelled (orders file, or listed in
// the cancellation download) is left out; one whose order is unknown is taken as mfn.
bool shipment_left_out(const EvalContext& ctx, OrderKey order);

// Tracking validity of facts.shipments[shipment]: Amazon's valid-tracking download wins over the
// template.
struct TrackingVerdict {
    bool has_tracking = false;
    bool valid = false;
    uint16_t category = 0;
};
TrackingVerdict tracking_of(const EvalContext& ctx, size_t shipment);
const TrackingRow* tracking_row(const EvalContext& ctx, OrderKey order);

}  // namespace sh
