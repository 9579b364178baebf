// Seller Health page glue: starts the wasm app, streams dropped or picked files into the
// core in chunks, and exposes window.sellerHealth (output.md). Nothing here sends data anywhere.
'use strict';

(function () {
  const CHUNK_BYTES = 8 << 20;   // File.slice chunks copied into the wasm heap
  const yieldToPage = () => (window.scheduler && typeof window.scheduler.yield === 'function')
    ? window.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
  const summaryEl = document.getElementById('summary');
  const dropHint = document.getElementById('drop-hint');
  const fileInput = document.getElementById('file-input');
  const canvas = document.getElementById('canvas');
  let mod = null;
  let queue = Promise.resolve();   // files are streamed one after another
  let cjkFont = null;              // null | 'loading' | 'loaded' (fonts/cjk.ttf)
  const privacy = window.SellerHealthPrivacy || null;   // issue 7: share links, snapshots, storage

  function showFallback(message) {
    const el = document.getElementById('fallback');
    el.textContent = message;
    el.hidden = false;
    canvas.hidden = true;
  }

  function hasWebGL2() {
    try { return !!document.createElement('canvas').getContext('webgl2'); } catch (e) { return false; }
  }

  function refreshSummary() {
    if (mod) summaryEl.textContent = mod.UTF8ToString(mod._sh_summary());
  }

  // Accepts File, Blob, or {name, text}; returns a Blob with a name.
  function asNamedBlob(item) {
    if (item instanceof Blob) return {blob: item, name: item.name || 'report'};
    if (item && typeof item.text === 'string') return {blob: new Blob([item.text]), name: item.name || 'report'};
    throw new TypeError('load() takes File/Blob objects or {name, text}');
  }

  async function streamOne(blob, name) {
    const nameBytes = mod.lengthBytesUTF8(name) + 1;
    const namePtr = mod._malloc(nameBytes);
    mod.stringToUTF8(name, namePtr, nameBytes);
    mod._sh_begin_file(namePtr, blob.size);   // File.size: the reader's size hint
    mod._free(namePtr);
    const buffer = mod._malloc(Math.min(CHUNK_BYTES, Math.max(blob.size, 1)));
    if (!buffer) {   // the heap cannot grow: say so for this file, keep every other one
      mod._sh_out_of_memory();
      return JSON.parse(mod.UTF8ToString(mod._sh_finish_file()));
    }
    // Issue 9: the next chunk is read while the core parses this one. A read that finished
    // during the feed resolves at once, so the loop yields once per chunk to let the page draw
    // (as the wait for the read did before). Yielding more often costs throughput: a frame is
    // not free (with a software GPU it stalls the thread for 100 ms and more; tests/bench).
    const read = (offset) => blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer();
    let next = blob.size > 0 ? read(0) : null;
    try {
      for (let offset = 0; offset < blob.size;) {
        const bytes = new Uint8Array(await next);
        if (!bytes.length) break;   // the file shrank while being read
        offset += bytes.length;
        next = offset < blob.size ? read(offset) : null;
        mod.HEAPU8.set(bytes, buffer);   // HEAPU8 is re-read: memory may have grown
        mod._sh_feed(buffer, bytes.length);
        if (next) await yieldToPage();
      }
    } finally {
      if (next) next.catch(() => {});   // a feed threw: the pending read's result is not wanted
      mod._free(buffer);
    }
    return JSON.parse(mod.UTF8ToString(mod._sh_finish_file()));
  }

  function queueFiles(items) {
    // Issue 7 (web/privacy.js): a shared snapshot is read-only.
    if (privacy && !privacy.canLoad())
      return Promise.reject(new Error('A shared snapshot is open: call sellerHealth.leaveSnapshot() before loading reports.'));
    const named = Array.from(items, asNamedBlob);
    for (const {blob, name} of named) {
      const bytes = mod.lengthBytesUTF8(name) + 1;
      const ptr = mod._malloc(bytes);
      mod.stringToUTF8(name, ptr, bytes);
      mod._sh_queue_file(ptr, blob.size);
      mod._free(ptr);
    }
    const done = queue.then(async () => {
      const inputs = [];
      for (const {blob, name} of named) inputs.push(await streamOne(blob, name));
      if (privacy) privacy.filesLoaded(named);   // kept on the device only if the seller asked
      refreshSummary();
      return inputs;
    });
    queue = done.catch(() => {});
    return done;
  }

  function callWithString(fn, text) {
    const s = String(text == null ? '' : text);
    const bytes = mod.lengthBytesUTF8(s) + 1;
    const ptr = mod._malloc(bytes);
    mod.stringToUTF8(s, ptr, bytes);
    try { return fn(ptr); } finally { mod._free(ptr); refreshSummary(); }
  }

  function installDropZone() {
    let depth = 0;
    window.addEventListener('dragenter', (e) => { e.preventDefault(); depth++; dropHint.hidden = false; });
    window.addEventListener('dragleave', (e) => { e.preventDefault(); if (--depth <= 0) { depth = 0; dropHint.hidden = true; } });
    window.addEventListener('dragover', (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; });
    window.addEventListener('drop', (e) => {
      e.preventDefault();
      depth = 0;
      dropHint.hidden = true;
      if (e.dataTransfer && e.dataTransfer.files.length) queueFiles(e.dataTransfer.files);
    });
    fileInput.addEventListener('change', () => {
      if (fileInput.files.length) queueFiles(fileInput.files).finally(() => { fileInput.value = ''; });
    });
  }

  function exposeApi() {
    window.sellerHealth = Object.freeze({
      version: '0.1.0',
      load: (files) => queueFiles(files),
      result: () => JSON.parse(mod.UTF8ToString(mod._sh_result_json())),
      summary: () => mod.UTF8ToString(mod._sh_summary()),
      shownTexts: () => JSON.parse(mod.UTF8ToString(mod._sh_shown_texts())),
      templateButtons: () => JSON.parse(mod.UTF8ToString(mod._sh_template_buttons())),
      setAsOf: (day) => { if (!callWithString(mod._sh_set_as_of, day)) throw new RangeError('setAsOf takes YYYY-MM-DD'); },
      setPolicy: (policy) => { callWithString(mod._sh_set_policy, policy); },
      setDateOrder: (order) => { if (!callWithString(mod._sh_set_date_order, order)) throw new RangeError('setDateOrder takes "dmy" or "mdy"'); },
      removeFile: (index) => { mod._sh_remove_file(index); refreshSummary(); },
      clear: () => { mod._sh_clear(); refreshSummary(); },
      // Dashboard (issue 6): UI language, theme, panels; cjkFontLoaded() for tests.
      setLanguage: (code) => { if (!callWithString(mod._sh_set_language, code)) throw new RangeError('setLanguage takes "en", "zh-Hans" or "zh-Hant"'); },
      language: () => mod.UTF8ToString(mod._sh_language()),
      setTheme: (theme) => { mod._sh_set_dark(theme === 'light' ? 0 : 1); },
      showPanel: (name) => { if (!callWithString(mod._sh_show_panel, name)) throw new RangeError('showPanel takes overview, today, drilldown, feedback, whatif or files'); },
      selectMetric: (id, scope) => callWithString((p) => callWithString((q) => mod._sh_select_metric(p, q), scope || ''), id) === 1,
      cjkFontLoaded: () => cjkFont === 'loaded',
      frameMs: () => mod._sh_frame_ms(),
      panel: () => mod.UTF8ToString(mod._sh_panel()),
      focused: () => mod.UTF8ToString(mod._sh_focused_control()),
      framesDrawn: () => mod._sh_frames_drawn(),   // frames the app drew (an idle page draws none)
      trendGpuDraws: () => mod._sh_trend_gpu_draws(),
      // Issue 7: shareLink() returns a Promise of the share URL (compression is asynchronous);
      // leaveSnapshot(), inSnapshot(), rememberFiles(on), forgetFiles(), privacy().
      ...(privacy ? privacy.api : {}),
    });
    window.dispatchEvent(new Event('sellerhealthready'));
  }

  if (!hasWebGL2()) {
    showFallback('Seller Health needs a browser with WebGL2 (a recent Chrome, Edge, Firefox or Safari). ' +
                 'Your reports are read on your computer only; nothing is uploaded.');
    return;
  }
  installDropZone();
  createSellerHealthModule({
    canvas,
    onAppStarted: () => {},
    onResultChanged: () => refreshSummary(),
    // The CJK font is a separate site file, fetched only when the app asks (Chinese UI, or CJK
    // text in a report) and handed to the app's font atlas.
    fetchCjkFont: () => {
      if (cjkFont) return;
      cjkFont = 'loading';
      fetch('fonts/cjk.ttf').then((r) => {
        if (!r.ok) throw new Error('HTTP ' + r.status);
        return r.arrayBuffer();
      }).then((buffer) => {
        const bytes = new Uint8Array(buffer);
        const ptr = mod._malloc(bytes.length);
        mod.HEAPU8.set(bytes, ptr);
        mod._sh_set_cjk_font(ptr, bytes.length);
        mod._free(ptr);
        cjkFont = 'loaded';
      }).catch((err) => { cjkFont = null; console.warn('CJK font not loaded: ' + err); });
    },
    onUiChanged: (language, dark) => {
      document.documentElement.lang = language;
      document.documentElement.style.background = dark ? '' : '#f5f5f7';
      refreshSummary();
    },
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
  }).then((m) => {
    mod = m;
    mod.callMain([]);
    // A share link's snapshot opens before the API appears, so scripts see it at once.
    const attached = privacy ? privacy.attach(mod, {load: queueFiles, refreshSummary}) : Promise.resolve();
    return attached.catch(() => {}).then(() => {
      exposeApi();
      refreshSummary();
    });
  }).catch((err) => showFallback('Seller Health could not start: ' + err));
})();
