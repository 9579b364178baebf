// Header lines: the alias tables (data/ingest/*.json), kind detection and column binding.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"

namespace sh::ingest {

struct ColumnSpec {
    std::string name;               // our name for the column, e.g. "purchase-date"
    bool required = false;
    std::vector<std::string> keys;  // header_key() of every alias
};

struct KindSpec {
    std::string kind;                // amazon.all_orders, ...
    std::vector<std::string> detect; // column names that must all be present
    std::vector<ColumnSpec> columns;
    const ColumnSpec* column(std::string_view name) const;
};

// The kinds of data/ingest/aliases.json, in detection order (parsed once).
const std::vector<KindSpec>& kind_specs();
const KindSpec* kind_spec(std::string_view kind);

// The six feedback columns, in Amazon's order.
enum FeedbackColumn { fb_date, fb_rating, fb_comments, fb_response, fb_order_id, fb_rater_email, fb_count };
extern const char* const kFeedbackColumnNames[fb_count];

struct FeedbackLanguage {
    std::string language;  // en, de, es, fr, it, ja, zh
    DateOrder date_order = DateOrder::unknown;
    bool year_first = false;
    std::array<std::vector<std::string>, fb_count> keys;
};
// data/ingest/feedback_headers.json (parsed once).
const std::vector<FeedbackLanguage>& feedback_languages();

// A header line bound to column names.
class Header {
public:
    explicit Header(const std::vector<std::string_view>& fields);
    const std::vector<std::string>& keys() const { return keys_; }
    size_t size() const { return keys_.size(); }
    // The field index whose key is one of `keys`; -1 when none.
    int find(const std::vector<std::string>& keys) const;
    // The header text of field `index` as written (for problem messages).
    const std::string& name(int index) const;

private:
    std::vector<std::string> keys_;
    std::vector<std::string> names_;
};

// The first kind (aliases.json order) whose `detect` columns are all present under their own
// names (aliases are for binding, not detection); nullptr if none.
const KindSpec* detect_kind(const Header& header);

// The feedback language whose column names match best (date, rating and order id at least);
// nullptr when the header is not a known feedback header. `columns` gets each column's index.
const FeedbackLanguage* match_feedback_header(const Header& header, std::array<int, fb_count>& columns);

// Column indices of a kind's columns in one file.
class ColumnMap {
public:
    ColumnMap(const KindSpec& spec, const Header& header);
    int index(std::string_view column) const;  // -1 when the file lacks it
    const std::string& header_name(std::string_view column) const;
    // Required columns the header lacks, by our name.
    const std::vector<std::string>& missing() const { return missing_; }

private:
    const KindSpec& spec_;
    const Header& header_;
    std::vector<int> indices_;  // parallel to spec_.columns
    std::vector<std::string> missing_;
};

}  // namespace sh::ingest
