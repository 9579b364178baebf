// Packs the aggregate part of a Result for the share link and reads it back (snapshot.h).
// Only the fields listed in output.md travel; everything is bounds-checked on the way in.
#include "core/share/snapshot.h"

#include <cmath>
#include <cstring>
#include <string_view>

namespace sh {

namespace {

// Field numbers. Never reuse or renumber one: links already sent carry them.
namespace top {
constexpr uint32_t as_of = 1, policy = 2, metric = 3, feedback = 4, tool_version = 5;
}
namespace metric {
constexpr uint32_t id = 1, scope = 2, source = 3, numerator = 4, denominator = 5, rate = 6,
                   target = 7, condition = 8, status = 9, window_from = 10, window_to = 11,
                   category = 12, rule_of_thumb = 13, headroom = 14, needed_to_recover = 15,
                   recovers_on = 16, component = 17;
}
namespace component {
constexpr uint32_t name = 1, value = 2;
}
namespace feedback {
constexpr uint32_t present = 1, counts = 2, root_cause = 3;
}
namespace counts {
constexpr uint32_t window = 1, positive = 2, neutral = 3, negative = 4;
}
namespace cause {
constexpr uint32_t name = 1, count = 2;
}

enum Wire : uint32_t { kVarint = 0, kDouble = 1, kBytes = 2 };

// Limits a real result stays far below; a payload past them is refused as damaged.
constexpr size_t kMaxString = 200;
constexpr size_t kMaxMetrics = 1000;
constexpr size_t kMaxCountWindows = 16;
constexpr size_t kMaxRootCauses = 200;
constexpr size_t kMaxComponents = 32;
constexpr double kMaxMagnitude = 1e15;
// Days from 1900-01-01 to 2999-12-31: enough for any as-of date, small enough to format.
constexpr int64_t kFirstDay = -25567, kLastDay = 376199;

// ---- writing ---------------------------------------------------------------------------

class Writer {
public:
    std::vector<uint8_t> bytes;

    void varint(uint64_t v) {
        while (v >= 0x80) {
            bytes.push_back(static_cast<uint8_t>(v | 0x80));
            v >>= 7;
        }
        bytes.push_back(static_cast<uint8_t>(v));
    }
    void tag(uint32_t field, Wire wire) { varint((uint64_t(field) << 3) | wire); }
    void uint_field(uint32_t field, uint64_t v) { tag(field, kVarint), varint(v); }
    void day_field(uint32_t field, MaybeDay d) {
        if (d.has()) int_field(field, d.n);
    }
    void int_field(uint32_t field, int64_t n) {
        // zigzag: small negative and positive numbers stay short
        uint_field(field, (static_cast<uint64_t>(n) << 1) ^ static_cast<uint64_t>(n >> 63));
    }
    void double_field(uint32_t field, double v) {
        tag(field, kDouble);
        uint64_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<uint8_t>(bits >> (8 * i)));
    }
    // Counts are whole numbers almost always: a varint then, a double otherwise.
    void number_field(uint32_t field, double v) {
        if (v >= 0 && v < 9007199254740992.0 && v == std::floor(v))
            uint_field(field, static_cast<uint64_t>(v));
        else
            double_field(field, v);
    }
    void bytes_field(uint32_t field, const uint8_t* data, size_t size) {
        tag(field, kBytes);
        varint(size);
        bytes.insert(bytes.end(), data, data + size);
    }
    void string_field(uint32_t field, const std::string& s) {
        if (s.empty()) return;
        // Longer strings are not ours to carry (ids and codes are short); cut at a UTF-8 boundary.
        size_t n = std::min(s.size(), kMaxString);
        while (n < s.size() && n > 0 && (static_cast<uint8_t>(s[n]) & 0xC0) == 0x80) --n;
        bytes_field(field, reinterpret_cast<const uint8_t*>(s.data()), n);
    }
    void message_field(uint32_t field, const Writer& inner) {
        bytes_field(field, inner.bytes.data(), inner.bytes.size());
    }
};

Writer encode_metric(const Metric& m) {
    Writer w;
    w.string_field(metric::id, m.id);
    w.string_field(metric::scope, m.scope);
    w.string_field(metric::source, m.source);
    w.number_field(metric::numerator, m.numerator);
    w.number_field(metric::denominator, m.denominator);
    if (m.rate) w.double_field(metric::rate, *m.rate);
    if (m.target) w.double_field(metric::target, *m.target);
    w.string_field(metric::condition, m.condition);
    w.string_field(metric::status, m.status);
    w.day_field(metric::window_from, m.window_from);
    w.day_field(metric::window_to, m.window_to);
    w.string_field(metric::category, m.category);
    if (m.rule_of_thumb) w.uint_field(metric::rule_of_thumb, 1);
    // Recovery arithmetic and the numerator's parts: counts and a date, nothing order-level.
    if (m.headroom) w.int_field(metric::headroom, *m.headroom);
    if (m.needed_to_recover) w.int_field(metric::needed_to_recover, *m.needed_to_recover);
    w.day_field(metric::recovers_on, m.recovers_on);
    for (const auto& [name, value] : m.components) {
        Writer cw;
        cw.string_field(component::name, name);
        cw.number_field(component::value, value);
        w.message_field(metric::component, cw);
    }
    return w;
}

Writer encode_feedback(const FeedbackReport& f) {
    Writer w;
    w.uint_field(feedback::present, f.present ? 1 : 0);
    for (const auto& [window, c] : f.counts) {
        Writer cw;
        cw.string_field(counts::window, window);
        cw.uint_field(counts::positive, c.positive);
        cw.uint_field(counts::neutral, c.neutral);
        cw.uint_field(counts::negative, c.negative);
        w.message_field(feedback::counts, cw);
    }
    for (const auto& [name, n] : f.root_causes) {
        Writer cw;
        cw.string_field(cause::name, name);
        cw.uint_field(cause::count, n);
        w.message_field(feedback::root_cause, cw);
    }
    return w;
}

// ---- reading ---------------------------------------------------------------------------

// A cursor over one message; the first problem found sticks and stops all further reading.
class Reader {
public:
    Reader(const uint8_t* begin, const uint8_t* end, std::string* error) : p_(begin), end_(end), error_(error) {}

    bool more() const { return ok() && p_ < end_; }
    bool ok() const { return error_->empty(); }
    void fail(const std::string& why) {
        if (ok()) *error_ = why;
        p_ = end_;
    }

    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p_ >= end_) return fail("a number is cut off"), 0;
            const uint8_t b = *p_++;
            v |= uint64_t(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        return fail("a number is too long"), 0;
    }

    // Reads the next tag; false at the end of the message.
    bool next(uint32_t& field, Wire& wire) {
        if (!more()) return false;
        const uint64_t t = varint();
        if (!ok()) return false;
        if ((t >> 3) == 0 || (t >> 3) > 0xFFFF) return fail("a field number is out of range"), false;
        field = static_cast<uint32_t>(t >> 3);
        const uint64_t w = t & 7;
        if (w > kBytes) return fail("a field has an unknown kind"), false;
        wire = static_cast<Wire>(w);
        return true;
    }

    double fixed_double() {
        if (end_ - p_ < 8) return fail("a number is cut off"), 0.0;
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) bits |= uint64_t(p_[i]) << (8 * i);
        p_ += 8;
        double v;
        std::memcpy(&v, &bits, sizeof v);
        return v;
    }

    Reader sub() {
        const uint64_t n = varint();
        if (!ok()) return Reader(end_, end_, error_);
        if (n > static_cast<uint64_t>(end_ - p_)) return fail("a field is cut off"), Reader(end_, end_, error_);
        const uint8_t* start = p_;
        p_ += n;
        return Reader(start, p_, error_);
    }

    // A nested message (a metric, a feedback count); anything else there is damage.
    Reader sub_checked(Wire wire) {
        if (wire != kBytes) return fail("a group has the wrong kind"), Reader(end_, end_, error_);
        return sub();
    }

    void skip(Wire wire) {
        if (wire == kVarint) varint();
        else if (wire == kDouble) fixed_double();
        else sub();
    }

    // Values checked for their kind and range; a wrong kind is damage, not a skip.
    uint64_t uint_value(Wire wire, uint64_t max) {
        if (wire != kVarint) return fail("a count has the wrong kind"), 0;
        const uint64_t v = varint();
        if (v > max) return fail("a count is out of range"), 0;
        return v;
    }
    double double_value(Wire wire) {
        if (wire != kDouble) return fail("a rate has the wrong kind"), 0.0;
        const double v = fixed_double();
        if (!std::isfinite(v) || std::fabs(v) > kMaxMagnitude) return fail("a rate is not a finite number"), 0.0;
        return v;
    }
    double number_value(Wire wire) {
        if (wire == kVarint) return static_cast<double>(uint_value(wire, uint64_t(kMaxMagnitude)));
        const double v = double_value(wire);
        if (v < 0) return fail("a count is negative"), 0.0;
        return v;
    }
    int64_t int_value(Wire wire, int64_t limit) {
        const uint64_t z = uint_value(wire, UINT64_MAX);
        const int64_t n = static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
        if (n < -limit || n > limit) return fail("a count is out of range"), 0;
        return n;
    }
    Day day_value(Wire wire) {
        const uint64_t z = uint_value(wire, UINT64_MAX);
        const int64_t n = static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
        if (n < kFirstDay || n > kLastDay) return fail("a date is out of range"), Day{};
        return Day{static_cast<int32_t>(n)};
    }
    std::string string_value(Wire wire) {
        if (wire != kBytes) return fail("a text field has the wrong kind"), std::string();
        Reader r = sub();
        if (!ok()) return {};
        const size_t n = static_cast<size_t>(r.end_ - r.p_);
        if (n > kMaxString) return fail("a text field is too long"), std::string();
        std::string s(reinterpret_cast<const char*>(r.p_), n);
        if (!plain_utf8(s)) return fail("a text field is not plain text"), std::string();
        return s;
    }

private:
    // Well-formed UTF-8 without control characters: what ids, codes and cause names are.
    static bool plain_utf8(std::string_view s) {
        for (size_t i = 0; i < s.size();) {
            const uint8_t c = static_cast<uint8_t>(s[i]);
            if (c < 0x20 || c == 0x7F) return false;
            size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
            if (len == 0 || i + len > s.size()) return false;
            for (size_t k = 1; k < len; ++k)
                if ((static_cast<uint8_t>(s[i + k]) & 0xC0) != 0x80) return false;
            i += len;
        }
        return true;
    }

    const uint8_t* p_;
    const uint8_t* end_;
    std::string* error_;
};

void decode_component(Reader r, Metric& m) {
    std::string name;
    double value = 0;
    uint32_t field;
    Wire wire;
    while (r.next(field, wire)) {
        switch (field) {
            case component::name: name = r.string_value(wire); break;
            case component::value: value = r.number_value(wire); break;
            default: r.skip(wire);
        }
    }
    if (!r.ok()) return;
    if (name.empty()) return r.fail("a metric part has no name");
    if (m.components.size() >= kMaxComponents) return r.fail("a metric has too many parts");
    m.components.emplace_back(std::move(name), value);
}

Metric decode_metric(Reader r) {
    Metric m;
    m.source.clear();
    m.status.clear();
    uint32_t field;
    Wire wire;
    while (r.next(field, wire)) {
        switch (field) {
            case metric::id: m.id = r.string_value(wire); break;
            case metric::scope: m.scope = r.string_value(wire); break;
            case metric::source: m.source = r.string_value(wire); break;
            case metric::numerator: m.numerator = r.number_value(wire); break;
            case metric::denominator: m.denominator = r.number_value(wire); break;
            case metric::rate: m.rate = r.double_value(wire); break;
            case metric::target: m.target = r.double_value(wire); break;
            case metric::condition: m.condition = r.string_value(wire); break;
            case metric::status: m.status = r.string_value(wire); break;
            case metric::window_from: m.window_from = r.day_value(wire); break;
            case metric::window_to: m.window_to = r.day_value(wire); break;
            case metric::category: m.category = r.string_value(wire); break;
            case metric::rule_of_thumb: m.rule_of_thumb = r.uint_value(wire, 1) == 1; break;
            case metric::headroom: m.headroom = r.int_value(wire, int64_t(kMaxMagnitude)); break;
            case metric::needed_to_recover: m.needed_to_recover = r.int_value(wire, int64_t(kMaxMagnitude)); break;
            case metric::recovers_on: m.recovers_on = r.day_value(wire); break;
            case metric::component: decode_component(r.sub_checked(wire), m); break;
            default: r.skip(wire);  // a field from a newer version
        }
    }
    if (r.ok() && m.id.empty()) r.fail("a metric has no name");
    if (m.source.empty()) m.source = "computed";
    if (m.status.empty()) m.status = "no_data";
    return m;
}

void decode_counts(Reader r, FeedbackReport& f) {
    std::string window;
    FeedbackCounts c;
    uint32_t field;
    Wire wire;
    while (r.next(field, wire)) {
        switch (field) {
            case counts::window: window = r.string_value(wire); break;
            case counts::positive: c.positive = static_cast<uint32_t>(r.uint_value(wire, UINT32_MAX)); break;
            case counts::neutral: c.neutral = static_cast<uint32_t>(r.uint_value(wire, UINT32_MAX)); break;
            case counts::negative: c.negative = static_cast<uint32_t>(r.uint_value(wire, UINT32_MAX)); break;
            default: r.skip(wire);
        }
    }
    if (!r.ok()) return;
    if (window.empty()) return r.fail("a feedback count has no window");
    if (f.counts.size() >= kMaxCountWindows) return r.fail("too many feedback windows");
    c.positive_share = counted_share(c);  // not carried: the metrics' rates, or counted
    f.counts[window] = c;
}

void decode_root_cause(Reader r, FeedbackReport& f) {
    std::string name;
    uint32_t n = 0;
    uint32_t field;
    Wire wire;
    while (r.next(field, wire)) {
        switch (field) {
            case cause::name: name = r.string_value(wire); break;
            case cause::count: n = static_cast<uint32_t>(r.uint_value(wire, UINT32_MAX)); break;
            default: r.skip(wire);
        }
    }
    if (!r.ok()) return;
    if (name.empty()) return r.fail("a feedback cause has no name");
    if (f.root_causes.size() >= kMaxRootCauses) return r.fail("too many feedback causes");
    f.root_causes.emplace_back(std::move(name), n);
}

FeedbackReport decode_feedback(Reader r) {
    FeedbackReport f;
    uint32_t field;
    Wire wire;
    while (r.next(field, wire)) {
        switch (field) {
            case feedback::present: f.present = r.uint_value(wire, 1) == 1; break;
            case feedback::counts: decode_counts(r.sub_checked(wire), f); break;
            case feedback::root_cause: decode_root_cause(r.sub_checked(wire), f); break;
            default: r.skip(wire);
        }
    }
    return f;
}

}  // namespace

uint32_t snapshot_crc32(const uint8_t* data, size_t size) {
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < size; ++i) {
        crc ^= data[i];
        for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

std::vector<uint8_t> encode_snapshot(const Result& result) {
    Writer w;
    w.bytes.push_back(kSnapshotFormat);
    w.day_field(top::as_of, result.as_of);
    w.string_field(top::policy, result.policy);
    w.string_field(top::tool_version, result.version);
    for (const Metric& m : result.metrics) w.message_field(top::metric, encode_metric(m));
    if (result.feedback.present) w.message_field(top::feedback, encode_feedback(result.feedback));
    const uint32_t crc = snapshot_crc32(w.bytes.data(), w.bytes.size());
    for (int i = 0; i < 4; ++i) w.bytes.push_back(static_cast<uint8_t>(crc >> (8 * i)));
    return std::move(w.bytes);
}

DecodedSnapshot decode_snapshot(const uint8_t* data, size_t size) {
    DecodedSnapshot out;
    if (data == nullptr || size == 0) {
        out.error = "The share link holds no snapshot.";
        return out;
    }
    out.format = data[0];
    if (size > kMaxSnapshotBytes) {
        out.error = "This share link is too long to be a Seller Health snapshot.";
        return out;
    }
    if (data[0] == 0) {
        out.error = "This is not a Seller Health share link.";
        return out;
    }
    if (data[0] > kSnapshotFormat) {
        out.error = "This share link was made by a newer version of Seller Health (format " +
                    std::to_string(data[0]) + "); reload the page to get the newest version, then open the link again.";
        return out;
    }
    if (size < 5) {
        out.error = "This share link is incomplete: part of it is missing. Copy the whole link and try again.";
        return out;
    }
    const size_t body = size - 4;
    const uint32_t stored = uint32_t(data[body]) | uint32_t(data[body + 1]) << 8 | uint32_t(data[body + 2]) << 16 |
                            uint32_t(data[body + 3]) << 24;
    if (stored != snapshot_crc32(data, body)) {
        out.error = "This share link is damaged or incomplete (its checksum does not match). "
                    "Copy the whole link again, or ask for a new one.";
        return out;
    }

    // Format 1 is the only format so far; a format 2 reader would branch here and keep this one.
    std::string error;
    Reader r(data + 1, data + body, &error);
    Result result;
    result.version.clear();
    uint32_t field;
    Wire wire;
    while (r.next(field, wire)) {
        switch (field) {
            case top::as_of: result.as_of = r.day_value(wire); break;
            case top::policy: result.policy = r.string_value(wire); break;
            case top::tool_version: result.version = r.string_value(wire); break;
            case top::metric:
                if (result.metrics.size() >= kMaxMetrics) r.fail("it lists too many metrics");
                else result.metrics.push_back(decode_metric(r.sub_checked(wire)));
                break;
            case top::feedback: result.feedback = decode_feedback(r.sub_checked(wire)); break;
            default: r.skip(wire);
        }
    }
    if (!r.ok()) {
        out.error = "This share link is damaged: " + error + ".";
        return out;
    }
    if (result.feedback.present) feedback_figures_from_metrics(result.feedback, result.metrics);
    out.result = std::move(result);
    return out;
}

}  // namespace sh
