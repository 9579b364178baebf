// Text helpers for the panels (all words through the translation tables).
#include "app/format.h"

#include <cmath>
#include <cstdio>

#include "app/i18n.h"

namespace sh::app {

std::string percent(std::optional<double> rate, int decimals) {
    if (!rate) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f%%", decimals, *rate * 100.0);
    return buf;
}

bool is_percentage(const Metric& m) {
    if (m.id == "feedback_average_365d" || m.id == "account_health_rating") return false;
    return !(m.target && *m.target > 1.0);
}

std::string value_text(const Metric& m, std::optional<double> value) {
    if (!value) return "—";
    if (is_percentage(m)) return percent(value);
    char buf[32];
    if (m.id == "account_health_rating") std::snprintf(buf, sizeof buf, "%.0f", *value);
    else std::snprintf(buf, sizeof buf, "%.2f", *value);
    return buf;
}

std::string metric_name(const Metric& m) { return tr_word("metric.", m.id); }

std::string metric_title(const Metric& m) {
    std::string title = metric_name(m);
    title += " · " + tr_word("scope.", m.scope);
    if (!m.category.empty()) title += " · " + m.category;
    return title;
}

std::string status_word(const std::string& status) { return tr_word("status.", status); }

ImU32 status_color(const std::string& status) {
    if (status == "good") return IM_COL32(46, 170, 96, 255);
    if (status == "warning") return IM_COL32(232, 166, 35, 255);
    if (status == "failing") return IM_COL32(222, 64, 64, 255);
    return IM_COL32(128, 128, 140, 255);
}

std::string target_text(const Metric& m) {
    if (!m.target) return tr("target.none");
    const std::string t = value_text(m, m.target);
    const std::string key = "target." + m.condition;
    return trf(key.c_str(), {t});
}

std::string day_text(const MaybeDay& day) { return day.has() ? format_day(day.day()) : std::string("—"); }

std::string count_text(double n) {
    const long long v = std::llround(n);
    std::string digits = std::to_string(v < 0 ? -v : v);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return v < 0 ? "-" + out : out;
}

std::string human_bytes(uint64_t bytes) {
    char buf[32];
    if (bytes < 1024) std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
    else if (bytes < (1u << 20)) std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024.0);
    else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

std::string window_text(const Metric& m) {
    if (!m.window_from.has() && !m.window_to.has()) return tr("window.lifetime");
    return day_text(m.window_from) + " – " + day_text(m.window_to);
}

}  // namespace sh::app
