// Typed field access with problem reporting, shared by the kind readers.
#include "core/ingest/fields.h"

#include "core/ingest/dates.h"
#include "core/ingest/text.h"

namespace sh::ingest {

std::string_view Column::in(const Row& row) const {
    return index < 0 ? std::string_view() : trim(row.field(size_t(index)));
}

bool read_day(Context& cx, const Row& row, const Column& col, MaybeDay& out, bool required) {
    const std::string_view text = col.in(row);
    if (text.empty()) {
        if (required) cx.skip(row.line, col.name, "no date");
        return !required;
    }
    bool ambiguous = false;
    const auto day = parse_any_day(text, DateOrder::mdy, &ambiguous);
    if (!day) {
        cx.skip(row.line, col.name, "not a date: " + quote_value(text));
        return false;
    }
    if (!plausible(*day)) {
        cx.skip(row.line, col.name, implausible_date(text));
        return false;
    }
    if (ambiguous) cx.note("dates such as " + quote_value(text) + " in '" + col.name + "' were read as month/day/year");
    out = *day;
    return true;
}

bool read_moment(Context& cx, const Row& row, const Column& col, Timestamp& out, bool& has, bool required) {
    has = false;
    const std::string_view text = col.in(row);
    if (text.empty()) {
        if (required) cx.skip(row.line, col.name, "no date and time");
        return !required;
    }
    const auto ts = parse_moment(text);
    if (!ts) {
        cx.skip(row.line, col.name, "not a date and time: " + quote_value(text));
        return false;
    }
    if (!plausible(ts->local_day())) {
        cx.skip(row.line, col.name, implausible_date(text));
        return false;
    }
    out = *ts;
    has = true;
    return true;
}

bool read_count(Context& cx, const Row& row, const Column& col, uint32_t& out) {
    const std::string_view text = col.in(row);
    if (text.empty()) return true;
    const auto n = parse_count(text);
    if (!n) {
        cx.skip(row.line, col.name, "not a whole number: " + quote_value(text));
        return false;
    }
    out = *n;
    return true;
}

bool read_yes_no(Context& cx, const Row& row, const Column& col, std::optional<bool>& out) {
    const std::string_view text = col.in(row);
    out.reset();
    if (text.empty()) return true;
    out = parse_yes_no(text);
    if (!out) {
        cx.skip(row.line, col.name, "not yes or no: " + quote_value(text));
        return false;
    }
    return true;
}

bool read_order(Context& cx, const Row& row, const Column& col, OrderKey& out) {
    const std::string_view text = col.in(row);
    if (text.empty()) {
        cx.skip(row.line, col.name, "no order id");
        return false;
    }
    out = cx.order_key(text);
    return true;
}

uint16_t intern(std::vector<std::string>& list, std::string_view name) {
    if (name.empty()) return 0;
    for (size_t i = 1; i < list.size(); ++i)
        if (list[i] == name) return static_cast<uint16_t>(i);
    if (list.empty()) list.emplace_back();
    if (list.size() >= 65535) return 0;
    list.push_back(clean_utf8(name));
    return static_cast<uint16_t>(list.size() - 1);
}

}  // namespace sh::ingest
