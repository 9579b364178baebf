// Alias tables, kind detection and column binding for header lines.
#include "core/ingest/header.h"

#include <nlohmann/json.hpp>

#include "core/embedded.h"
#include "core/ingest/text.h"

namespace sh::ingest {

const char* const kFeedbackColumnNames[fb_count] = {"date",     "rating",   "comments",
                                                    "response", "order-id", "rater-email"};

namespace {

const nlohmann::json* child(const nlohmann::json& object, const char* name) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
}

std::string text_of(const nlohmann::json& object, const char* name) {
    const nlohmann::json* v = child(object, name);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

bool flag_of(const nlohmann::json& object, const char* name) {
    const nlohmann::json* v = child(object, name);
    return v && v->is_boolean() && v->get<bool>();
}

std::vector<std::string> keys_of(const nlohmann::json* names) {
    std::vector<std::string> keys;
    if (!names || !names->is_array()) return keys;
    for (const auto& n : *names)
        if (n.is_string()) keys.push_back(header_key(n.get<std::string>()));
    return keys;
}

std::vector<KindSpec> load_kind_specs() {
    std::vector<KindSpec> specs;
    const auto doc = nlohmann::json::parse(embedded_file("ingest/aliases.json"), nullptr, false);
    const nlohmann::json* kinds = child(doc, "kinds");
    if (!kinds || !kinds->is_array()) return specs;
    for (const auto& k : *kinds) {
        KindSpec spec;
        spec.kind = text_of(k, "kind");
        if (const nlohmann::json* detect = child(k, "detect"); detect && detect->is_array())
            for (const auto& d : *detect)
                if (d.is_string()) spec.detect.push_back(d.get<std::string>());
        if (const nlohmann::json* columns = child(k, "columns"); columns && columns->is_object())
            for (auto it = columns->begin(); it != columns->end(); ++it) {
                ColumnSpec c;
                c.name = it.key();
                c.required = flag_of(*it, "required");
                c.keys = keys_of(child(*it, "aliases"));
                c.keys.push_back(header_key(c.name));
                spec.columns.push_back(std::move(c));
            }
        specs.push_back(std::move(spec));
    }
    return specs;
}

std::vector<FeedbackLanguage> load_feedback_languages() {
    std::vector<FeedbackLanguage> out;
    const auto doc = nlohmann::json::parse(embedded_file("ingest/feedback_headers.json"), nullptr, false);
    const nlohmann::json* languages = child(doc, "languages");
    if (!languages || !languages->is_array()) return out;
    for (const auto& l : *languages) {
        FeedbackLanguage lang;
        lang.language = text_of(l, "language");
        const std::string order = text_of(l, "date_order");
        lang.date_order = order == "dmy" ? DateOrder::dmy : order == "mdy" ? DateOrder::mdy : DateOrder::unknown;
        lang.year_first = flag_of(l, "year_first");
        const nlohmann::json* columns = child(l, "columns");
        for (size_t c = 0; c < fb_count; ++c)
            lang.keys[c] = columns ? keys_of(child(*columns, kFeedbackColumnNames[c])) : std::vector<std::string>();
        out.push_back(std::move(lang));
    }
    return out;
}

}  // namespace

const ColumnSpec* KindSpec::column(std::string_view name) const {
    for (const auto& c : columns)
        if (c.name == name) return &c;
    return nullptr;
}

const std::vector<KindSpec>& kind_specs() {
    static const std::vector<KindSpec> specs = load_kind_specs();
    return specs;
}

const KindSpec* kind_spec(std::string_view kind) {
    for (const auto& s : kind_specs())
        if (s.kind == kind) return &s;
    return nullptr;
}

const std::vector<FeedbackLanguage>& feedback_languages() {
    static const std::vector<FeedbackLanguage> languages = load_feedback_languages();
    return languages;
}

Header::Header(const std::vector<std::string_view>& fields) {
    for (std::string_view f : fields) {
        keys_.push_back(header_key(f));
        names_.push_back(clean_utf8(trim(f)));
    }
}

int Header::find(const std::vector<std::string>& keys) const {
    for (const auto& k : keys)  // the first alias wins over later ones
        for (size_t i = 0; i < keys_.size(); ++i)
            if (!keys_[i].empty() && keys_[i] == k) return static_cast<int>(i);
    return -1;
}

const std::string& Header::name(int index) const {
    static const std::string kNone;
    return index >= 0 && size_t(index) < names_.size() ? names_[size_t(index)] : kNone;
}

const KindSpec* detect_kind(const Header& header) {
    for (const auto& spec : kind_specs()) {
        bool all = !spec.detect.empty();
        for (const auto& d : spec.detect) {  // by the column's own name only, never an alias
            if (header.find({header_key(d)}) < 0) {
                all = false;
                break;
            }
        }
        if (all) return &spec;
    }
    return nullptr;
}

const FeedbackLanguage* match_feedback_header(const Header& header, std::array<int, fb_count>& columns) {
    const FeedbackLanguage* best = nullptr;
    int best_score = 0;
    for (const auto& lang : feedback_languages()) {
        std::array<int, fb_count> found{};
        int score = 0;
        for (size_t c = 0; c < fb_count; ++c) {
            found[c] = header.find(lang.keys[c]);
            if (found[c] >= 0) ++score;
        }
        if (found[fb_date] < 0 || found[fb_rating] < 0 || found[fb_order_id] < 0) continue;
        if (score > best_score) {
            best = &lang;
            best_score = score;
            columns = found;
        }
    }
    return best;
}

ColumnMap::ColumnMap(const KindSpec& spec, const Header& header) : spec_(spec), header_(header) {
    for (const auto& c : spec.columns) {
        const int i = header.find(c.keys);
        indices_.push_back(i);
        if (i < 0 && c.required) missing_.push_back(c.name);
    }
}

int ColumnMap::index(std::string_view column) const {
    for (size_t i = 0; i < spec_.columns.size(); ++i)
        if (spec_.columns[i].name == column) return indices_[i];
    return -1;
}

const std::string& ColumnMap::header_name(std::string_view column) const {
    return header_.name(index(column));
}

}  // namespace sh::ingest
