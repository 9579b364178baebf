// Measured quality of the feedback analyser on the labelled set in tests/data/feedback/:
// per-cause precision/recall and macro-F1 per language, for the dev half (the lexicons were
// tuned on it) and the test half (never tuned on). Fails on the TEST half below macro-F1 0.85
// (en, zh-Hans, zh-Hant) / 0.75 (de, fr, es, it, ja), and below 90 % language accuracy.
// Set SH_FEEDBACK_EVAL_DEV_ERRORS=1 to list the dev entries the analyser gets wrong (test and
// held-out entries are never listed, so that nobody tunes on them).
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/feedback/comment.h"
#include "core/feedback/removal.h"

using namespace sh;
using namespace sh::feedback;

namespace {

struct EvalRow {
    std::string id, split, comment;
    int rating = 0;
    Channel channel = Channel::unknown;
    std::set<std::string> causes, removal;
};

std::vector<std::string> split_on(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == sep) { out.push_back(cur); cur.clear(); }
        else if (c != '\r') cur += c;
    }
    out.push_back(cur);
    return out;
}

std::set<std::string> label_set(const std::string& s) {
    std::set<std::string> out;
    for (const std::string& part : split_on(s, ','))
        if (!part.empty()) out.insert(part);
    return out;
}

std::vector<EvalRow> load_eval(const std::string& lang, const std::string& set = "eval") {
    std::ifstream in(std::string(SH_TEST_DATA_DIR) + "/feedback/" + set + "_" + lang + ".tsv");
    std::vector<EvalRow> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line.rfind("id\t", 0) == 0) continue;
        const std::vector<std::string> f = split_on(line, '\t');
        if (f.size() < 6) continue;
        EvalRow r;
        r.id = f[0];
        r.split = f[1];
        r.rating = std::atoi(f[2].c_str());
        r.channel = f[3] == "afn" ? Channel::afn : f[3] == "mfn" ? Channel::mfn : Channel::unknown;
        r.comment = f[4];
        r.causes = label_set(f[5]);
        if (f.size() > 6) r.removal = label_set(f[6]);
        rows.push_back(r);
    }
    return rows;
}

struct Tally {
    int tp = 0, fp = 0, fn = 0;
    double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
    double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
    double f1() const {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

void tally(std::map<std::string, Tally>& t, const std::set<std::string>& expected, const std::set<std::string>& got) {
    for (const std::string& e : expected) (got.count(e) ? t[e].tp : t[e].fn)++;
    for (const std::string& g : got)
        if (!expected.count(g)) t[g].fp++;
}

struct SplitResult {
    double macro_f1 = 0, language_accuracy = 0, removal_f1 = 0, exact = 0;
    int rows = 0;
};

SplitResult evaluate(const std::string& lang, const std::vector<EvalRow>& rows, const std::string& split,
                     bool show_errors) {
    std::map<std::string, Tally> causes, removal;
    Tally removal_all;
    int right_language = 0, n = 0, exact = 0;
    CommentScratch scratch;
    CommentFindings f;
    for (const EvalRow& r : rows) {
        if (r.split != split) continue;
        ++n;
        read_comment(r.comment, r.rating, scratch, f);
        std::set<std::string> got;
        for (Cause c : f.causes) got.insert(std::string(cause_name(c)));
        std::set<std::string> got_removal;
        for (const std::string& s : removal_reasons(f, r.rating, r.channel)) got_removal.insert(s);
        tally(causes, r.causes, got);
        tally(removal, r.removal, got_removal);
        const bool lang_ok = language_code(f.language) == lang;
        right_language += lang_ok;
        exact += got == r.causes && got_removal == r.removal;
        if (show_errors && (got != r.causes || got_removal != r.removal || !lang_ok)) {
            std::string g, gr;
            for (const auto& s : got) g += s + ",";
            for (const auto& s : got_removal) gr += s + ",";
            std::printf("  DEV MISS %s [%s] causes=%s removal=%s lang=%s | %s\n", r.id.c_str(),
                        r.comment.c_str(), g.c_str(), gr.c_str(), std::string(language_code(f.language)).c_str(),
                        lang_ok ? "" : "LANGUAGE");
        }
    }
    SplitResult out;
    out.rows = n;
    std::printf("%-8s %-4s  rows %2d  language %5.1f%%  exact %5.1f%%\n", lang.c_str(), split.c_str(), n,
                100.0 * right_language / std::max(n, 1), 100.0 * exact / std::max(n, 1));
    double sum = 0;
    for (const auto& [cause, t] : causes) {
        std::printf("    %-18s P %.2f  R %.2f  F1 %.2f  (tp %d fp %d fn %d)\n", cause.c_str(), t.precision(),
                    t.recall(), t.f1(), t.tp, t.fp, t.fn);
        sum += t.f1();
    }
    out.macro_f1 = causes.empty() ? 0 : sum / double(causes.size());
    for (const auto& [reason, t] : removal) {
        removal_all.tp += t.tp;
        removal_all.fp += t.fp;
        removal_all.fn += t.fn;
        std::printf("    removal %-10s P %.2f  R %.2f  (tp %d fp %d fn %d)\n", reason.c_str(), t.precision(),
                    t.recall(), t.tp, t.fp, t.fn);
    }
    out.removal_f1 = removal_all.f1();
    out.language_accuracy = double(right_language) / std::max(n, 1);
    out.exact = double(exact) / std::max(n, 1);
    std::printf("    => causes macro-F1 %.3f   removal micro-F1 %.3f\n", out.macro_f1, out.removal_f1);
    return out;
}

}  // namespace

TEST_CASE("feedback: eval set — per-language quality on dev and test halves") {
    const bool show_dev_errors = std::getenv("SH_FEEDBACK_EVAL_DEV_ERRORS") != nullptr;
    for (Lang lang : kAllLangs) {
        const std::string code(language_code(lang));
        CAPTURE(code);
        const std::vector<EvalRow> rows = load_eval(code);
        const auto dev_rows = std::count_if(rows.begin(), rows.end(), [](const EvalRow& r) { return r.split == "dev"; });
        REQUIRE(rows.size() >= 60);
        CHECK(size_t(dev_rows) * 2 == rows.size());
        const SplitResult dev = evaluate(code, rows, "dev", show_dev_errors);
        const SplitResult test = evaluate(code, rows, "test", false);
        const double floor = (lang == Lang::en || lang == Lang::zh_hans || lang == Lang::zh_hant) ? 0.85 : 0.75;
        CHECK(test.macro_f1 >= floor);
        CHECK(dev.language_accuracy >= 0.9);
        CHECK(test.language_accuracy >= 0.9);
        CHECK(test.removal_f1 >= 0.75);
    }
}

// dev2: 20 entries per language written after the first tuning round as a blind check (it
// scored macro-F1 0.24–0.47, showing the first lexicons were fitted to their author's own
// phrasing), then used for tuning. holdout: 20 more per language written after that round; it
// scored 0.16–0.45 blind, which led to the [topic] fallback (written by the same author, so the
// later figures on it are not blind; its entries are never listed). Both reported; the
// held-out set is guarded only against collapse.
TEST_CASE("feedback: second dev set and held-out set") {
    const bool show_dev_errors = std::getenv("SH_FEEDBACK_EVAL_DEV_ERRORS") != nullptr;
    for (Lang lang : kAllLangs) {
        const std::string code(language_code(lang));
        CAPTURE(code);
        const std::vector<EvalRow> dev2 = load_eval(code, "dev2");
        REQUIRE(dev2.size() >= 20);
        evaluate(code, dev2, "dev2", show_dev_errors);
        const std::vector<EvalRow> holdout = load_eval(code, "holdout");
        if (holdout.empty()) continue;
        const SplitResult r = evaluate(code, holdout, "holdout", false);
        CHECK(r.macro_f1 >= 0.5);
        CHECK(r.language_accuracy >= 0.85);
    }
}

// audit: the spec's own example phrases that an independent audit (audit4, findings F1/F6) found
// misread — refund not received / slow reply read as late delivery (and then as an FBA strike-through),
// counterfeit, defective, still waiting, restocking fee, unhelpful, kanji-only Japanese — with a
// minority of the audit's exact strings and variants written for the fix, plus guards (the item, not
// the refund, not received; contrast; negation). Tuned on, so every entry must stay right; misses
// are listed.
TEST_CASE("feedback: audit set — every entry right") {
    for (Lang lang : kAllLangs) {
        const std::string code(language_code(lang));
        CAPTURE(code);
        const std::vector<EvalRow> rows = load_eval(code, "audit");
        REQUIRE(rows.size() >= 8);
        const SplitResult r = evaluate(code, rows, "audit", true);
        CHECK(r.rows == int(rows.size()));
        CHECK(r.exact == doctest::Approx(1.0));
        CHECK(r.language_accuracy == doctest::Approx(1.0));
    }
}
