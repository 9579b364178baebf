// The typed records that readers produce from report files and the engine consumes.
// Kept small: a year of a large seller's orders must fit a 32-bit wasm heap.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/day.h"
#include "core/order_id.h"

namespace sh {

enum class Channel : uint8_t { unknown, mfn, afn };
enum class Tri : uint8_t { unknown, no, yes };  // a yes/no fact a file may not state

// One order (All Orders: its item rows folded into one). 24 bytes.
struct Order {
    Order() : cancelled(false), status_mixed(false), said_buyer_yes(false), said_buyer_no(false) {}

    OrderKey key = kNoOrder;
    Day day;                 // day of purchase-date, in its own offset
    Day last_updated;        // day of last-updated-date (later row wins on conflicts)
    Channel channel = Channel::unknown;
    bool cancelled : 1;                    // order-status Cancelled/Canceled, any case
    bool status_mixed : 1;                 // its item rows disagreed on cancelled (a note counts them)
    bool said_buyer_yes : 1, said_buyer_no : 1;  // some item row stated the buyer flag so
    Tri buyer_requested_cancel = Tri::unknown;
    uint8_t marketplace = 0;               // index into Records::marketplaces (0 = unknown)
    uint32_t units = 0;                    // sum of item quantities
};
static_assert(sizeof(Order) == 24, "a year of a large seller's orders must fit the wasm heap");

// Date written in a short marketplace form whose field order may be unresolved: `a`/`b` are the
// first and second numeric fields as written (M/D/YY: a=M, b=D), `year` the third (YY as
// written, 2026 for "2026"; in Japan's YY/M/D it is the day).
struct ShortDate {
    int16_t year = 0;
    uint8_t a = 0, b = 0;
};

// The order of a short date's fields: D/M/YY, M/D/YY, or Japan's YY/M/D (which only the
// marketplace or policy sets: a file whose header is not Japanese cannot tell it from D/M/YY).
enum class DateOrder : uint8_t { unknown, dmy, mdy, ymd };

// One seller-feedback entry (Feedback Manager export or our feedback template).
struct FeedbackEntry {
    MaybeDay day;            // resolved day; unset while day/month order is ambiguous
    ShortDate short_date;    // as written, when the file used D/M/YY or M/D/YY
    bool needs_date_order = false;  // day can only be resolved with a DateOrder
    uint8_t rating = 0;      // 1..5
    bool removed = false;    // template's removed=yes, or Amazon's strike-through
    OrderKey order = kNoOrder;
    std::string comment;
    std::string response;    // the seller's response, empty when unanswered
    uint32_t line = 0;       // line in its file, for messages
};

enum class ClaimType : uint8_t { a_to_z, chargeback };
enum class ClaimStatus : uint8_t { open, granted, denied, withdrawn, closed };

struct Claim {
    OrderKey order = kNoOrder;
    MaybeDay order_day;
    MaybeDay claim_day;
    ClaimType type = ClaimType::a_to_z;
    ClaimStatus status = ClaimStatus::open;
    bool amazon_funded = false;
    bool fraud = false;      // reason = fraud (chargebacks)
    uint32_t line = 0;
};

// A seller-fulfilled shipment (our shipments template).
struct Shipment {
    OrderKey order = kNoOrder;
    MaybeDay order_day;
    MaybeDay expected_ship;
    MaybeDay ship_confirm;
    MaybeDay promised_delivery;
    MaybeDay delivered;
    bool has_tracking = false;
    bool tracking_valid = false;
    uint32_t units = 0;      // 0 = not given (counts as 1 shipment unit)
    uint16_t category = 0;   // index into Records::categories (0 = none)
    uint32_t line = 0;
};

// A seller-fulfilled return request (Amazon returns report).
struct ReturnRequest {
    OrderKey order = kNoOrder;
    MaybeDay order_day;
    MaybeDay request_day;
    std::string status;      // Return request status as written (Approved, Rejected, ...)
    Tri in_policy = Tri::unknown;
    bool a_to_z_claim = false;
    std::string reason;      // Return Reason
    uint32_t quantity = 0;
    uint32_t line = 0;
};

// An FBA customer return (used for root-cause analysis only).
struct FbaReturn {
    MaybeDay day;
    OrderKey order = kNoOrder;
    std::string sku;
    std::string reason;
    std::string customer_comments;
    uint32_t quantity = 0;
};

// A buyer message (our messages template).
struct Message {
    std::string id;
    Timestamp received;
    bool has_response = false;
    Timestamp responded;
    bool no_response_needed = false;
    uint32_t line = 0;
};

// A row of the cancellation-rate download.
struct CancellationFlag {
    OrderKey order = kNoOrder;
    MaybeDay order_day;
    bool impacts_account_health = true;
};

// A row of the valid-tracking download.
struct TrackingRow {
    OrderKey order = kNoOrder;
    bool has_tracking = false;
    bool valid = true;       // false when "No Valid Tracking" is marked
    MaybeDay promised_delivery;
    uint16_t category = 0;
};

// One figure copied from Amazon's Account Health JSON (source: amazon_report).
struct ReportedMetric {
    std::string id;          // our metric id (odr, cancel_rate, listing_policy_violations, ...)
    std::string scope;       // mfn | afn | all
    std::string marketplace_id;
    bool has_numerator = false, has_denominator = false, has_rate = false, has_target = false;
    double numerator = 0, denominator = 0, rate = 0, target = 0;
    std::string condition;   // lt | gt | gte | lte | eq (from targetCondition)
    std::string status;      // good | warning | failing | no_data (Amazon's status); "" none we know
    MaybeDay from, to;       // reportingDateRange
    std::vector<std::pair<std::string, double>> components;  // claims, chargebacks, ...
};

struct AccountStatus {
    std::string marketplace_id;
    std::string status;      // as written (NORMAL, AT_RISK, SUSPENDED, ...)
};

// Everything read from one file. Strings shared by many rows are interned here.
struct Records {
    std::vector<Order> orders;
    std::vector<FeedbackEntry> feedback;
    std::vector<Claim> claims;
    std::vector<Shipment> shipments;
    std::vector<ReturnRequest> returns;
    std::vector<FbaReturn> fba_returns;
    std::vector<Message> messages;
    std::vector<CancellationFlag> cancellations;
    std::vector<TrackingRow> tracking;
    std::vector<ReportedMetric> reported;
    std::vector<AccountStatus> account_statuses;

    // Evidence for resolving D/M/YY vs M/D/YY feedback dates. The engine applies reports.md's
    // order: the user's choice, then the marketplace (loaded orders' sales-channel, else the
    // header language), then values > 12 in the file; else the dates stay ambiguous.
    DateOrder date_order_from_header = DateOrder::unknown;
    DateOrder date_order_from_values = DateOrder::unknown;
    std::string feedback_date_column;  // the date column's header name, for problems found later

    std::vector<std::string> marketplaces{""};  // sales-channel values, e.g. "Amazon.de"
    std::vector<std::string> categories{""};    // product categories (valid tracking)
};

}  // namespace sh
