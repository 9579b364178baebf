// Typed field access for the kind readers: dates, counts and yes/no with problem reporting.
#pragma once

#include "core/ingest/context.h"

namespace sh::ingest {

// A column of one kind in one file: its index (-1 when absent) and header name.
struct Column {
    int index = -1;
    std::string name;
    Column() = default;
    Column(const ColumnMap& map, std::string_view our_name)
        : index(map.index(our_name)), name(map.header_name(our_name)) {}
    bool present() const { return index >= 0; }
    std::string_view in(const Row& row) const;  // trimmed; empty when absent
};

// Each returns false when the row must be skipped (the problem is already reported).
// Empty values are fine unless `required`: they leave `out` unset.
bool read_day(Context& cx, const Row& row, const Column& col, MaybeDay& out, bool required = false);
bool read_moment(Context& cx, const Row& row, const Column& col, Timestamp& out, bool& has, bool required = false);
bool read_count(Context& cx, const Row& row, const Column& col, uint32_t& out);
bool read_yes_no(Context& cx, const Row& row, const Column& col, std::optional<bool>& out);
bool read_order(Context& cx, const Row& row, const Column& col, OrderKey& out);

// Interns `name` into `list` (index 0 = none), up to 65535 entries.
uint16_t intern(std::vector<std::string>& list, std::string_view name);

}  // namespace sh::ingest
