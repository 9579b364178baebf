// Text helpers for the panels (all words through the translation tables).
#include "app/format.h"

#include <cstdio>
#include <cstring>
#include <map>

#include "app/i18n.h"
#include "core/engine/policy.h"

namespace sh::app {

const MetricText& metric_text() {
    static const MetricText text([](const std::string& key) -> const char* {
        const char* t = tr(key);
        return key == t ? nullptr : t;  // tr() gives the key back when no table has it
    });
    return text;
}

std::string value_text(const Metric& m, std::optional<double> value) { return MetricText::value(m, value); }
std::optional<double> metric_figure(const Metric& m) { return MetricText::figure(m); }
bool is_percentage(const Metric& m) { return MetricText::is_percentage(m); }
std::string metric_name(const Metric& m) { return metric_text().name(m); }
std::string metric_title(const Metric& m) { return metric_text().title(m); }
std::string scope_text(const Metric& m) { return metric_text().scope(m); }
std::string target_text(const Metric& m) { return metric_text().target(m); }
std::string counts_text(const Metric& m) { return metric_text().counts(m); }

std::string status_word(const std::string& status) { return tr_word("status.", status); }

ImU32 status_color(const std::string& status) {
    if (status == "good") return IM_COL32(46, 170, 96, 255);
    if (status == "warning") return IM_COL32(232, 166, 35, 255);
    if (status == "failing") return IM_COL32(222, 64, 64, 255);
    return IM_COL32(128, 128, 140, 255);
}

std::string day_text(const MaybeDay& day) { return day.has() ? format_day(day.day()) : std::string("—"); }

std::string human_bytes(uint64_t bytes) {
    char buf[32];
    if (bytes < 1024) std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(bytes));
    else if (bytes < (1u << 20)) std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024.0);
    else std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

std::string window_text(const Metric& m) {
    if (!m.window_from.has() && !m.window_to.has())
        return m.source == "amazon_report" ? std::string() : std::string(tr("window.lifetime"));
    return day_text(m.window_from) + " – " + day_text(m.window_to);
}

std::string marketplace_text(const std::string& marketplace_id) {
    // The policy a marketplace id belongs to, looked up once per id (policies are JSON).
    static std::map<std::string, std::string> policy_of;
    auto it = policy_of.find(marketplace_id);
    if (it == policy_of.end()) {
        std::string found;
        for (const std::string& name : policy_names()) {
            std::string error;
            const auto policy = load_policy(name, error);
            if (!policy) continue;
            for (const std::string& id : policy->marketplace_ids)
                if (id == marketplace_id) found = name;
            if (!found.empty()) break;
        }
        it = policy_of.emplace(marketplace_id, found).first;
    }
    if (it->second.empty()) return marketplace_id;
    const std::string translated = tr_word("policy.", it->second);
    if (translated != it->second) return translated;
    const std::string name = marketplace_name(marketplace_id);
    return name.empty() ? marketplace_id : name;
}

std::string joined(std::initializer_list<std::string> parts) {
    std::string out;
    for (const std::string& p : parts)
        if (!p.empty()) out += (out.empty() ? "" : " · ") + p;
    return out;
}

}  // namespace sh::app
