// The platform interface for the browser: calls into the page's JS glue (web/sellerhealth.js).
#include <emscripten.h>

#include "app/platform.h"

namespace {

EM_JS(void, js_open_file_picker, (), {
    var input = document.getElementById('file-input');
    if (input) input.click();
});
EM_JS(void, js_copy_to_clipboard, (const char* text), {
    var s = UTF8ToString(text);
    Module['lastCopied'] = s;  // readable by tests; the clipboard may be unavailable headless
    if (navigator.clipboard) navigator.clipboard.writeText(s).catch(function() {});
});
EM_JS(void, js_download_text, (const char* name, const char* text), {
    var blob = new Blob([UTF8ToString(text)], {type: 'text/csv;charset=utf-8'});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 0);
});
EM_JS(void, js_result_changed, (), { if (Module['onResultChanged']) Module['onResultChanged'](); });
EM_JS(void, js_fetch_cjk_font, (), { if (Module['fetchCjkFont']) Module['fetchCjkFont'](); });
EM_JS(void, js_ui_changed, (const char* language, int dark), {
    if (Module['onUiChanged']) Module['onUiChanged'](UTF8ToString(language), !!dark);
});
// Issue 7: web/privacy.js answers these asynchronously (never inside the frame that asked).
EM_JS(void, js_make_share_link, (), { if (Module['makeShareLink']) Module['makeShareLink'](); });
EM_JS(void, js_set_remember_files, (int on), { if (Module['setRememberFiles']) Module['setRememberFiles'](!!on); });
EM_JS(void, js_leave_snapshot, (), { if (Module['leaveSnapshot']) Module['leaveSnapshot'](); });

}  // namespace

namespace sh::platform {

void open_file_picker() { js_open_file_picker(); }
void copy_to_clipboard(const std::string& text) { js_copy_to_clipboard(text.c_str()); }
void download_text(const std::string& file_name, const std::string& text) {
    js_download_text(file_name.c_str(), text.c_str());
}
void result_changed() { js_result_changed(); }
void fetch_cjk_font() { js_fetch_cjk_font(); }
void ui_changed(const std::string& language, bool dark) { js_ui_changed(language.c_str(), dark ? 1 : 0); }
void make_share_link() { js_make_share_link(); }
void set_remember_files(bool on) { js_set_remember_files(on ? 1 : 0); }
void leave_snapshot() { js_leave_snapshot(); }

}  // namespace sh::platform
