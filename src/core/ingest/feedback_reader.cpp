// Seller feedback: Amazon's Feedback Manager export (localized headers) and our template.
#include "core/ingest/context.h"
#include "core/ingest/dates.h"
#include "core/ingest/text.h"

namespace sh::ingest {

namespace {

constexpr const char* kShiftedEmail =
    "a field is missing in this row, so the rater's e-mail address is in another column (the row is left out, the address not kept)";

class FeedbackReader : public KindReader {
public:
    FeedbackReader(const FeedbackLayout& layout, Context& cx) : layout_(layout), cx_(cx) {
        year_first_ = layout.language && layout.language->year_first;
    }

    void on_row(const Row& row) override {
        const auto col = [&](FeedbackColumn c) {
            const int i = layout_.columns[size_t(c)];
            return i < 0 ? std::string_view() : row.field(size_t(i));
        };
        const auto name = [&](FeedbackColumn c) -> const std::string& { return layout_.names[size_t(c)]; };
        // Rater Email (fb_rater_email) is personal data: never read beyond this point. A row
        // short of a field (its Rater Email column missing) has moved the address left, into a
        // column that is kept or quoted in a problem: such a row is left out, and the address is
        // neither kept nor shown (reports.md: read it only to drop it).
        const int email_at = layout_.columns[size_t(fb_rater_email)];
        if (email_at >= 0 && !row.fields.empty() && row.fields.size() <= size_t(email_at) &&
            row.fields[row.fields.size() - 1].find('@') != std::string_view::npos)
            return cx_.skip(row.line, name(fb_rater_email), kShiftedEmail);
        const std::string_view date_text = col(fb_date);
        const auto date = parse_feedback_date(date_text, year_first_);
        if (!date) return cx_.skip(row.line, name(fb_date), "not a date: " + quote_value(date_text));
        if (date->day.has() && !plausible(date->day.day())) return cx_.skip(row.line, name(fb_date), implausible_date(date_text));
        const std::string_view rating_text = trim(col(fb_rating));
        const auto rating = parse_count(rating_text);
        if (!rating || *rating < 1 || *rating > 5)
            return cx_.skip(row.line, name(fb_rating), "not a rating from 1 to 5: " + quote_value(rating_text));
        const std::string_view order = trim(col(fb_order_id));
        // An entry without an order id is still the buyer's rating (engine/README.md: counted,
        // and an order defect of its own when negative).
        if (order.find('@') != std::string_view::npos) return cx_.skip(row.line, name(fb_order_id), kShiftedEmail);
        FeedbackEntry e;
        e.day = date->day;
        e.short_date = date->short_date;
        e.needs_date_order = date->needs_order;
        e.rating = static_cast<uint8_t>(*rating);
        e.order = order.empty() ? kNoOrder : cx_.order_key(order);
        e.comment = clean_utf8(trim(col(fb_comments)));
        e.response = clean_utf8(trim(col(fb_response)));
        if (e.response == "-" || e.response == "--") e.response.clear();
        if (layout_.removed >= 0) {
            const std::string_view removed = trim(row.field(size_t(layout_.removed)));
            const auto yes = parse_yes_no(removed);
            if (!removed.empty() && !yes)
                return cx_.skip(row.line, layout_.removed_name, "not yes or no: " + quote_value(removed));
            e.removed = yes.value_or(false);
        }
        e.line = row.line;
        if (e.needs_date_order) {
            ++ambiguous_;
            if (e.short_date.a > 12) first_over_12_ = true;
            if (e.short_date.b > 12) second_over_12_ = true;
        }
        cx_.used_row();
        cx_.file.records.feedback.push_back(std::move(e));
    }

    void finish() override {
        Records& r = cx_.file.records;
        if (layout_.language) r.date_order_from_header = layout_.language->date_order;
        r.feedback_date_column = layout_.names[size_t(fb_date)];
        if (first_over_12_ && !second_over_12_) r.date_order_from_values = DateOrder::dmy;
        if (second_over_12_ && !first_over_12_) r.date_order_from_values = DateOrder::mdy;
        if (!ambiguous_) return;
        if (first_over_12_ && second_over_12_) {
            cx_.note("feedback dates contradict each other: some have a day > 12 first, others second; "
                     "choose the day/month order");
        } else if (r.date_order_from_values == DateOrder::unknown && r.date_order_from_header == DateOrder::unknown) {
            cx_.note("feedback dates are D/M/YY or M/D/YY and the file cannot tell which: choose the day/month order");
        }
    }

private:
    FeedbackLayout layout_;
    Context& cx_;
    bool year_first_ = false;
    uint64_t ambiguous_ = 0;
    bool first_over_12_ = false, second_over_12_ = false;
};

}  // namespace

std::unique_ptr<KindReader> make_feedback_reader(const FeedbackLayout& layout, Context& cx) {
    return std::make_unique<FeedbackReader>(layout, cx);
}

}  // namespace sh::ingest
