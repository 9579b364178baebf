// The C functions the page's JS glue calls (web/sellerhealth.js): stream files in, read the
// result, change options. Strings returned stay valid until the next call of the same function.
#include <emscripten.h>

#include <memory>
#include <string>
#include <utility>

#include "app/panels.h"
#include "app/snapshot.h"
#include "app/templates.h"
#include "app/trend_renderer.h"
#include "core/engine/policy.h"
#include "core/json_writer.h"
#include "core/result_json.h"
#include "web/web_app.h"

namespace sh::web {

app::App& the_app() {
    static app::App app;
    return app;
}

}  // namespace sh::web

namespace {

sh::Session& session() { return sh::web::the_app().session; }
void changed() {
    ++sh::web::the_app().result_generation;
    // Inside a batch (a file done, the result held) only the progress list changed: it is
    // drawn with the next progress frame (at most four a second; one with a software GPU).
    if (session().result_held()) sh::web::request_progress_frame();
    else sh::web::request_frames();
}

// A file is done (read here or by the ingest worker): off the queue, its summary as JSON.
const char* file_done(const sh::InputInfo& info) {
    static std::string json;
    auto& pending = sh::web::the_app().pending;
    if (!pending.empty()) pending.erase(pending.begin());
    json = sh::json_text(info);
    changed();
    return json.c_str();
}

// Why the last typed figure (or policy name) was refused.
std::string& typed_error() {
    static std::string error;
    return error;
}

// The last share-link payload handed to the page (issue 7).
std::vector<uint8_t>& share_bytes() {
    static std::vector<uint8_t> bytes;
    return bytes;
}

// The parts beside the next worker buffer (sh_beside_orders).
sh::BesideParts& beside() {
    static sh::BesideParts parts;
    return parts;
}
sh::BesideParts take_beside() { return std::exchange(beside(), sh::BesideParts{}); }

// The warm-up's scratch session (sh_warm_up_begin).
std::unique_ptr<sh::Session>& warm_up_session() {
    static std::unique_ptr<sh::Session> scratch;
    return scratch;
}

}  // namespace

extern "C" {

// Tells the UI which files are about to stream in (for the progress bars).
EMSCRIPTEN_KEEPALIVE void sh_queue_file(const char* name, double size) {
    sh::web::the_app().pending.push_back({name, static_cast<uint64_t>(size), false});
    sh::web::request_layout_frame();
}

// Streams a file in on this thread (when the page has no ingest worker); `size` is File.size
// (the reader's size hint), 0 when unknown.
EMSCRIPTEN_KEEPALIVE void sh_begin_file(const char* name, double size) {
    auto& pending = sh::web::the_app().pending;
    if (!pending.empty()) pending.front().streaming = true;
    session().begin_file(name, size > 0 ? static_cast<uint64_t>(size) : 0);
}

EMSCRIPTEN_KEEPALIVE void sh_feed(const uint8_t* data, size_t size) { session().feed(data, size); }

// The page could not allocate its chunk buffer: the file ends with "file too large for this
// browser's memory" (finish it with sh_finish_file as usual).
EMSCRIPTEN_KEEPALIVE void sh_out_of_memory() { session().drop_file_out_of_memory(); }

// Ends the current file; returns its input summary as JSON.
EMSCRIPTEN_KEEPALIVE const char* sh_finish_file() { return file_done(session().finish_file()); }

// --- Issue 9: files read by the ingest worker (web/ingest_worker.js) ---------------------------

// The front queued file is being read by the worker; its progress bar follows sh_note_progress.
EMSCRIPTEN_KEEPALIVE void sh_begin_remote_file() {
    auto& pending = sh::web::the_app().pending;
    if (!pending.empty()) pending.front().streaming = true;
    session().note_progress(0);
    sh::web::request_progress_frame();
}

EMSCRIPTEN_KEEPALIVE void sh_note_progress(double bytes) {
    session().note_progress(bytes > 0 ? static_cast<uint64_t>(bytes) : 0);
    sh::web::request_progress_frame();
}

// A file's orders and key table travel beside its buffer (records_codec.h): the page copies
// their bytes straight into storage sized here (the pointer, or null when this heap has no room
// for it), and the next sh_add_loaded_file or sh_warm_up_add takes them. At 1 M orders that
// is 32 MB not written into the worker's buffer nor copied twice here (issue 9).
EMSCRIPTEN_KEEPALIVE double sh_order_bytes() { return sizeof(sh::Order); }

EMSCRIPTEN_KEEPALIVE void* sh_beside_orders(double count) {
    const auto n = static_cast<size_t>(count);
    if (!session().memory_available(n * sizeof(sh::Order) + (size_t(64) << 20))) return nullptr;
    beside().orders.resize(n);
    return beside().orders.data();
}

EMSCRIPTEN_KEEPALIVE void* sh_beside_slots(double count) {
    const auto n = static_cast<size_t>(count);
    if (!session().memory_available(n * sizeof(uint32_t) + (size_t(64) << 20))) return nullptr;
    beside().slots.resize(n);
    return beside().slots.data();
}

// The worker's records_codec buffer for the file: added to the session (or the file's error);
// returns its input summary as JSON, like sh_finish_file.
EMSCRIPTEN_KEEPALIVE const char* sh_add_loaded_file(const uint8_t* data, size_t size, const char* name, double file_bytes) {
    sh::BesideParts parts = take_beside();
    return file_done(session().add_loaded_file(data, size, name, file_bytes > 0 ? static_cast<uint64_t>(file_bytes) : 0, &parts));
}

// The worker (or this heap, for the worker's buffer) ran out of memory for the file.
EMSCRIPTEN_KEEPALIVE const char* sh_add_file_out_of_memory(const char* name, double bytes_read) {
    take_beside();
    return file_done(session().add_file_out_of_memory(name, bytes_read > 0 ? static_cast<uint64_t>(bytes_read) : 0));
}

// --- A large All Orders file read in two halves by two workers (core/file_parts.h): the page
// asks where the header ends; the first worker joins the halves (src/web/ingest) -------------

static sh::PartPrefix part_prefix_found;  // of the file being read in halves

// The bytes a later part starts with (0: the file is read whole), from the file's first bytes.
EMSCRIPTEN_KEEPALIVE double sh_part_prefix(const uint8_t* head, size_t size, int whole) {
    part_prefix_found = sh::part_prefix(std::string_view(reinterpret_cast<const char*>(head), size), whole != 0);
    return static_cast<double>(part_prefix_found.bytes);
}

EMSCRIPTEN_KEEPALIVE double sh_part_prefix_lines() { return part_prefix_found.lines; }

// 1 while a batch of files streams in: frames show the last result instead of evaluating after
// every file; 0 at the batch's end (the next result evaluates once).
EMSCRIPTEN_KEEPALIVE void sh_hold_result(int hold) {
    session().hold_result(hold != 0);
    if (hold) sh::web::cut_settling();
    else changed();
}

// The worker could not read the file (the browser's read failed): off the queue, no file added.
// Builds the loaded files' order index ahead of the batch's evaluation, in a task of its own
// (Session::prepare_order_index).
EMSCRIPTEN_KEEPALIVE void sh_prepare_order_index() { session().prepare_order_index(); }

EMSCRIPTEN_KEEPALIVE void sh_cancel_remote_file() {
    auto& pending = sh::web::the_app().pending;
    if (!pending.empty()) pending.erase(pending.begin());
    session().note_progress(0);
    sh::web::request_frames();
}

// The result's JSON text for result(), ASCII only (\u escapes: the page decodes it into a
// one-byte string), its length sh_result_json_size(): at 1 M orders a 4-5 MB text, decoded by
// the page without a scan for its end (issue 9).
static std::string result_json;

EMSCRIPTEN_KEEPALIVE const char* sh_result_json() {
    std::string& json = result_json;
    const auto& snapshot = sh::web::the_app().snapshot;
    if (snapshot) {
        // A shared snapshot (issue 7): its aggregates, marked so scripts can tell (one more
        // member before the object's closing brace).
        json = sh::json_text(*snapshot, sh::JsonWriter::Style::compact_ascii);
        json.insert(json.size() - 1, ",\"snapshot\":true");
    } else {
        json = sh::json_text(session().result(), sh::JsonWriter::Style::compact_ascii);
    }
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE double sh_result_json_size() { return static_cast<double>(result_json.size()); }

// Issue 9, the warm-up. V8 compiles each wasm function the first time it runs, without
// optimising, and optimises it once it has run a while; so the first load of a browser session
// decoded, evaluated and wrote its JSON on slow code (its evaluation 130-170 ms at 1 M orders,
// 72-80 ms on later loads; the same as later with V8 told to compile everything optimised
// upfront). At start-up the page has the ingest worker read a few made-up files and, at idle,
// hands their buffers here a few times: a scratch session of its own (never the seller's)
// decodes them, evaluates and writes the result's JSON, as a load does. Each round is one short
// task; the scratch session is dropped at the end.
EMSCRIPTEN_KEEPALIVE void sh_warm_up_begin() { warm_up_session() = std::make_unique<sh::Session>(); }

// A null buffer (the page had no room for it) only drops the parts placed beside it.
EMSCRIPTEN_KEEPALIVE void sh_warm_up_add(const uint8_t* data, size_t size) {
    sh::BesideParts parts = take_beside();
    if (data && warm_up_session()) warm_up_session()->add_loaded_file(data, size, "warm-up", size, &parts);
}

// The result's JSON length (so nothing is optimised away).
EMSCRIPTEN_KEEPALIVE double sh_warm_up_evaluate() {
    if (!warm_up_session()) return 0;
    return static_cast<double>(sh::json_text(warm_up_session()->result(), sh::JsonWriter::Style::compact_ascii).size());
}

EMSCRIPTEN_KEEPALIVE void sh_warm_up_end() { warm_up_session().reset(); }

EMSCRIPTEN_KEEPALIVE const char* sh_summary() {
    static std::string text;
    text = sh::app::summary_text(sh::web::the_app());
    return text.c_str();
}

// The core's texts as the panels show them, in the UI language (JSON; tests read translations).
EMSCRIPTEN_KEEPALIVE const char* sh_shown_texts() {
    static std::string text;
    text = sh::app::shown_texts_json(sh::web::the_app());
    return text.c_str();
}

// Where the template download buttons were last drawn (JSON; tests click them).
EMSCRIPTEN_KEEPALIVE const char* sh_template_buttons() {
    static std::string text;
    text = sh::app::template_buttons_json();
    return text.c_str();
}

// Returns 1 on success, 0 when the text is not YYYY-MM-DD ("" clears the override).
EMSCRIPTEN_KEEPALIVE int sh_set_as_of(const char* text) {
    sh::Options options = session().options();
    const std::string s = text;
    if (s.empty()) {
        options.as_of = sh::MaybeDay();
    } else {
        const auto day = sh::parse_as_of(s);
        if (!day) return 0;
        options.as_of = *day;
    }
    session().set_options(options);
    // The as-of field shows what the script set.
    auto& field = sh::web::the_app().as_of_text;
    field[s.copy(field, sizeof field - 1)] = '\0';
    changed();
    return 1;
}

// Returns 1, or 0 for a name that is no policy (sh_typed_error() then says so and names the
// known ones, as the CLI's --policy does); nothing changes then.
EMSCRIPTEN_KEEPALIVE int sh_set_policy(const char* policy) {
    if (std::string error = sh::unknown_policy_error(policy); !error.empty()) {
        typed_error() = std::move(error);
        return 0;
    }
    sh::Options options = session().options();
    options.policy = policy;
    session().set_options(options);
    changed();
    return 1;
}

EMSCRIPTEN_KEEPALIVE int sh_set_date_order(const char* order) {
    sh::Options options = session().options();
    const std::string s = order;
    if (s == "dmy") options.date_order = sh::DateOrder::dmy;
    else if (s == "mdy") options.date_order = sh::DateOrder::mdy;
    else if (s.empty()) options.date_order = sh::DateOrder::unknown;
    else return 0;
    session().set_options(options);
    changed();
    return 1;
}

// Figures typed in from Seller Central (options.h): the text forms the CLI takes. Return 1 on
// success, 0 when the text is not accepted (sh_typed_error() says why); "" clears.
EMSCRIPTEN_KEEPALIVE int sh_set_account_health_rating(const char* text) {
    sh::Options options = session().options();
    if (!sh::parse_account_health_rating(text, options.account_health_rating, typed_error())) return 0;
    session().set_options(options);
    sh::app::sync_typed_figures(sh::web::the_app());
    changed();
    return 1;
}

EMSCRIPTEN_KEEPALIVE int sh_set_feedback_totals(const char* text) {
    sh::Options options = session().options();
    if (!sh::parse_feedback_totals(text, options.feedback_totals, typed_error())) return 0;
    session().set_options(options);
    sh::app::sync_typed_figures(sh::web::the_app());
    changed();
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* sh_typed_error() { return typed_error().c_str(); }

// The page checks the index against sh_file_count() first (a bad one is a RangeError).
EMSCRIPTEN_KEEPALIVE void sh_remove_file(int index) {
    if (index < 0 || static_cast<size_t>(index) >= session().files().size()) return;
    session().remove_file(static_cast<size_t>(index));
    changed();
}

EMSCRIPTEN_KEEPALIVE int sh_file_count() { return static_cast<int>(session().files().size()); }

// The CJK font file the page fetched on request (platform::fetch_cjk_font); the app keeps a
// copy and merges the glyphs it needs into the font atlas before the next frame.
EMSCRIPTEN_KEEPALIVE void sh_set_cjk_font(const uint8_t* data, size_t size) {
    auto& app = sh::web::the_app();
    app.cjk.bytes.assign(reinterpret_cast<const char*>(data), reinterpret_cast<const char*>(data) + size);
    app.fonts_dirty = true;
    sh::web::request_frames();
}

// UI language: "en", "zh-Hans", "zh-Hant". Returns 0 for an unknown code.
EMSCRIPTEN_KEEPALIVE int sh_set_language(const char* code) {
    const auto language = sh::app::language_from_code(code);
    if (!language) return 0;
    sh::app::set_language(sh::web::the_app(), *language);
    sh::web::request_frames();
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* sh_language() { return sh::app::language_code(sh::web::the_app().language); }

EMSCRIPTEN_KEEPALIVE void sh_set_dark(int dark) {
    sh::app::set_dark(sh::web::the_app(), dark != 0);
    sh::web::request_frames();
}

// CPU time of the last frame's UI in milliseconds (tests check the 60 fps budget with it).
EMSCRIPTEN_KEEPALIVE double sh_frame_ms() { return sh::web::the_app().frame_ms; }

// Trend charts drawn through our shader in the last rendered frame (tests: the drill-down chart
// is the GPU one, not the fallback).
EMSCRIPTEN_KEEPALIVE int sh_trend_gpu_draws() { return sh::app::trend_draws_last_frame(); }

// Frames the app has drawn since it started (an idle page draws none).
EMSCRIPTEN_KEEPALIVE double sh_frames_drawn() { return static_cast<double>(sh::web::frames_drawn()); }

// The control with ImGui's keyboard focus ("as_of", "policy", "date_order", "language",
// "theme"), or "" (tests walk the Tab order with it).
EMSCRIPTEN_KEEPALIVE const char* sh_focused_control() { return sh::web::the_app().focused_control; }

// What the header's option controls showed in the last frame (JSON; tests check that a shared
// snapshot shows its own settings, read-only, and that the marketplace labels fit).
EMSCRIPTEN_KEEPALIVE const char* sh_controls_shown() {
    static std::string text;
    const sh::app::ShownControls& c = sh::web::the_app().controls_shown;
    text.clear();
    sh::JsonWriter w(text, sh::JsonWriter::Style::compact_ascii);
    auto rect = [&](const char* name, const float (&r)[4]) {
        w.key(name);
        w.begin_object();
        w.key("x0").number(r[0]);
        w.key("y0").number(r[1]);
        w.key("x1").number(r[2]);
        w.key("y1").number(r[3]);
        w.end_object();
    };
    w.begin_object();
    w.key("drawn").boolean(c.drawn);
    w.key("readOnly").boolean(c.read_only);
    w.key("asOf").string(c.as_of);
    w.key("policy").string(c.policy);
    w.key("dateOrder").string(c.date_order);
    w.key("rows").integer(c.rows);
    w.key("policyTextRoom").number(c.policy_text_room);
    w.key("policyLabelMax").number(c.policy_label_max);
    rect("asOfRect", c.as_of_rect);
    rect("policyRect", c.policy_rect);
    rect("settingsRect", c.settings_rect);
    w.end_object();
    return text.c_str();
}

// Shows a panel: overview, today, drilldown, feedback, whatif, files. Returns 0 if unknown.
EMSCRIPTEN_KEEPALIVE int sh_show_panel(const char* name) {
    static const char* const kNames[] = {"overview", "today", "drilldown", "feedback", "whatif", "files"};
    const std::string s = name;
    for (int i = 0; i < static_cast<int>(sh::app::Panel::count); ++i) {
        if (s == kNames[i]) {
            auto& app = sh::web::the_app();
            app.panel = static_cast<sh::app::Panel>(i);
            app.panel_requested = true;
            sh::web::request_frames();
            return 1;
        }
    }
    return 0;
}

// The panel on screen (same names as sh_show_panel).
EMSCRIPTEN_KEEPALIVE const char* sh_panel() {
    static const char* const kNames[] = {"overview", "today", "drilldown", "feedback", "whatif", "files"};
    const auto i = static_cast<size_t>(sh::web::the_app().panel);
    return i < sizeof kNames / sizeof kNames[0] ? kNames[i] : "";
}

// Opens the drill-down of the first metric with this id (and scope, when given).
EMSCRIPTEN_KEEPALIVE int sh_select_metric(const char* id, const char* scope) {
    auto& app = sh::web::the_app();
    const std::string want_id = id, want_scope = scope;
    for (const sh::Metric& m : sh::app::shown_result(app).metrics) {
        if (m.id == want_id && (want_scope.empty() || m.scope == want_scope)) {
            app.selected_metric = sh::app::metric_key(m);
            app.panel = sh::app::Panel::drilldown;
            app.panel_requested = true;
            sh::web::request_frames();
            return 1;
        }
    }
    return 0;
}

EMSCRIPTEN_KEEPALIVE void sh_clear() {
    session().clear();
    sh::web::the_app().pending.clear();
    changed();
}

// --- Issue 7: share links, shared snapshots, privacy settings (web/privacy.js) ---------------

// The share link's payload for what is on screen; its size is sh_share_payload_size() after it.
EMSCRIPTEN_KEEPALIVE const uint8_t* sh_share_payload() {
    share_bytes() = sh::app::share_payload(sh::web::the_app());
    return share_bytes().data();
}
EMSCRIPTEN_KEEPALIVE size_t sh_share_payload_size() { return share_bytes().size(); }

// Opens a decompressed payload as a read-only snapshot: 1, or 0 with sh_snapshot_error().
EMSCRIPTEN_KEEPALIVE int sh_open_snapshot(const uint8_t* data, size_t size) {
    std::string error;
    const bool ok = sh::app::open_snapshot(sh::web::the_app(), data, size, error);
    changed();
    return ok ? 1 : 0;
}

// Why the last link could not be opened ("" when it was); the page can set it too (bad base64).
EMSCRIPTEN_KEEPALIVE const char* sh_snapshot_error() { return sh::web::the_app().privacy.snapshot_error.c_str(); }
EMSCRIPTEN_KEEPALIVE void sh_set_snapshot_error(const char* message) {
    sh::web::the_app().privacy.snapshot_error = message;
    sh::web::request_frames();
}

EMSCRIPTEN_KEEPALIVE void sh_leave_snapshot() {
    sh::app::leave_snapshot(sh::web::the_app());
    changed();
}

EMSCRIPTEN_KEEPALIVE int sh_in_snapshot() { return sh::web::the_app().snapshot ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE const char* sh_snapshot_banner() {
    static std::string text;
    text = sh::app::snapshot_banner_text(sh::web::the_app());
    return text.c_str();
}

// The session's file names, one a line, in order (the page keeps remembered files in step).
EMSCRIPTEN_KEEPALIVE const char* sh_file_names() {
    static std::string names;
    names.clear();
    for (const sh::LoadedFile& f : session().files()) names += f.info.name + "\n";
    return names.c_str();
}

// The page made a link (or could not): the link, and a status line for the panel.
EMSCRIPTEN_KEEPALIVE void sh_share_link_done(const char* link, const char* status) {
    auto& privacy = sh::web::the_app().privacy;
    privacy.share_pending = false;
    privacy.share_link = link;
    privacy.share_status = status;
    sh::web::request_frames();
}

// The page's storage side: can it keep files here, is remembering on, how many files it holds.
EMSCRIPTEN_KEEPALIVE void sh_set_storage_state(int available, int remember, int files) {
    auto& privacy = sh::web::the_app().privacy;
    const uint32_t remembered = files > 0 ? static_cast<uint32_t>(files) : 0;
    // The page tells this after every change of the file list, mostly with nothing new: frames
    // only for news (a batch streaming in keeps its CPU).
    if (privacy.storage_available == (available != 0) && privacy.remember_files == (remember != 0) &&
        privacy.remembered_files == remembered)
        return;
    privacy.storage_available = available != 0;
    privacy.remember_files = remember != 0;
    privacy.remembered_files = remembered;
    sh::web::request_frames();
}

}  // extern "C"
