// Seller Health page glue for issue 7: the offline service worker, share links and shared
// snapshots, and "remember my files on this device". web/sellerhealth.js calls attach() once
// the wasm module has started. Nothing here sends data anywhere: the share link's payload lives
// in the URL fragment (never sent to a server), and files are kept only when the seller asks.
'use strict';

window.SellerHealthPrivacy = (function () {
  const DB_NAME = 'seller-health-files';
  const REMEMBER_FLAG = 'seller-health.remember-files';   // set only while remembering is on
  const MAX_SNAPSHOT_BYTES = 256 * 1024;                   // the core refuses more anyway
  const MAX_REMEMBERED_FILE = 256 << 20;                   // larger files are not kept
  const onHttp = location.protocol === 'http:' || location.protocol === 'https:';

  let mod = null;
  let hooks = null;            // {load, refreshSummary} from sellerhealth.js
  let files = [];              // [{name, blob, key}] parallel to the session's files
  let remember = false;
  let syncTimer = 0;
  const pageTitle = document.title;

  // ---- small DOM helpers (the page is a canvas: banners sit above it) --------------------

  function bar(id, role) {
    let el = document.getElementById(id);
    if (el) return el;
    el = document.createElement('div');
    el.id = id;
    el.className = 'page-bar';
    el.setAttribute('role', role);
    el.hidden = true;
    const text = document.createElement('span');
    text.className = 'page-bar-text';
    el.appendChild(text);
    document.body.insertBefore(el, document.body.firstChild);
    return el;
  }

  function showBar(id, role, message, buttons) {
    const el = bar(id, role);
    el.querySelector('.page-bar-text').textContent = message;
    el.querySelectorAll('button').forEach((b) => b.remove());
    for (const [label, action] of buttons) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', action);
      el.appendChild(b);
    }
    el.hidden = false;
    layout();
  }

  function hideBar(id) {
    const el = document.getElementById(id);
    if (el) el.hidden = true;
    layout();
  }

  function layout() {
    const any = Array.from(document.querySelectorAll('.page-bar')).some((e) => !e.hidden);
    document.body.classList.toggle('has-bar', any);
  }

  function cString(text) {
    const n = mod.lengthBytesUTF8(text) + 1;
    const ptr = mod._malloc(n);
    mod.stringToUTF8(text, ptr, n);
    return ptr;
  }

  function withString(text, fn) {
    const ptr = cString(String(text));
    try { return fn(ptr); } finally { mod._free(ptr); }
  }

  // ---- service worker (http(s) only: file:// pages have none) ----------------------------

  function registerServiceWorker() {
    if (!onHttp || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('sw.js').then((reg) => {
      // A new build installs in the background and waits: the page never mixes two builds.
      // The seller chooses when to switch (files in memory are lost on reload unless remembered).
      const offer = (worker) => showBar('update-bar', 'status',
        'A new version of Seller Health is ready (it works offline too).',
        [['Reload now', () => { worker.postMessage({type: 'skip-waiting'}); }], ['Later', () => hideBar('update-bar')]]);
      if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
      reg.addEventListener('updatefound', () => {
        const worker = reg.installing;
        if (!worker) return;
        worker.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
      let reloading = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (reloading || document.getElementById('update-bar')?.hidden !== false) return;
        reloading = true;
        location.reload();
      });
    }).catch((err) => console.warn('Offline use is not available: ' + err));
  }

  // ---- share links ----------------------------------------------------------------------

  function toBase64Url(bytes) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('This share link is damaged: it holds characters a share link never has.');
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
    let s;
    try { s = atob(b64); } catch (e) { throw new Error('This share link is damaged or incomplete: copy the whole link again.'); }
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  async function deflate(bytes) {
    if (typeof CompressionStream !== 'function') throw new Error('this browser cannot compress (no CompressionStream)');
    const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // Inflates at most MAX_SNAPSHOT_BYTES: a hand-made link cannot make the page eat memory.
  async function inflate(bytes) {
    if (typeof DecompressionStream !== 'function') throw new Error('This browser cannot open share links (no DecompressionStream); try a recent Chrome, Edge, Firefox or Safari.');
    const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const chunks = [];
    let total = 0;
    try {
      for (;;) {
        const {done, value} = await reader.read();
        if (done) break;
        total += value.length;
        if (total > MAX_SNAPSHOT_BYTES) {
          reader.cancel().catch(() => {});
          throw new Error('This share link is too long to be a Seller Health snapshot.');
        }
        chunks.push(value);
      }
    } catch (e) {
      if (/too long/.test(e.message)) throw e;
      throw new Error('This share link is damaged or incomplete (it could not be unpacked): copy the whole link again, or ask for a new one.');
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  // The share URL for what is on screen. Async: compression is (CompressionStream).
  async function shareLink() {
    const ptr = mod._sh_share_payload();
    const payload = mod.HEAPU8.slice(ptr, ptr + mod._sh_share_payload_size());
    const packed = await deflate(payload);
    return location.href.split('#')[0] + '#s=' + toBase64Url(packed);
  }

  function copyText(text) {
    if (!navigator.clipboard) return Promise.reject(new Error('no clipboard'));
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('clipboard timed out')), 2000));
    return Promise.race([navigator.clipboard.writeText(text), timeout]);
  }

  // The panel's "Copy share link" button.
  function makeShareLink() {
    setTimeout(async () => {
      let link = '', status;
      try {
        link = await shareLink();
        mod.lastShareLink = link;
        try { await copyText(link); status = 'Link copied.'; } catch (e) { status = 'Select the link below and copy it.'; }
      } catch (e) {
        status = 'Could not make a link: ' + e.message;
      }
      withString(link, (l) => withString(status, (s) => mod._sh_share_link_done(l, s)));
    }, 0);
  }

  function fragmentPayload() {
    const hash = location.hash.replace(/^#/, '');
    if (!hash) return null;
    const value = new URLSearchParams(hash).get('s');
    return value == null ? null : value;
  }

  function showSnapshotBanner() {
    const text = mod.UTF8ToString(mod._sh_snapshot_banner());
    document.title = 'Shared snapshot — Seller Health';
    showBar('snapshot-bar', 'status', text + '.', [['Leave the snapshot', () => leaveSnapshot()]]);
  }

  function showLinkError(message) {
    withString(message, (p) => mod._sh_set_snapshot_error(p));
    showBar('link-error', 'alert', message, [['Dismiss', () => { hideBar('link-error'); clearFragment(); }]]);
  }

  function clearFragment() {
    if (location.hash) history.replaceState(null, '', location.href.split('#')[0]);
  }

  // Opens the link's #s= payload, if any. Resolves to true when a snapshot is shown.
  async function openFromFragment() {
    const text = fragmentPayload();
    if (text == null) return false;
    try {
      if (!text) throw new Error('The share link holds no snapshot.');
      const bytes = await inflate(fromBase64Url(text));
      const ptr = mod._malloc(Math.max(1, bytes.length));
      let ok;
      try {
        mod.HEAPU8.set(bytes, ptr);
        ok = mod._sh_open_snapshot(ptr, bytes.length);
      } finally {
        mod._free(ptr);
      }
      if (!ok) throw new Error(mod.UTF8ToString(mod._sh_snapshot_error()));
      hideBar('link-error');
      showSnapshotBanner();
      hooks.refreshSummary();
      return true;
    } catch (e) {
      showLinkError(e.message);
      return false;
    }
  }

  function leaveSnapshot() {
    setTimeout(() => {
      mod._sh_leave_snapshot();
      clearFragment();
      hideBar('snapshot-bar');
      document.title = pageTitle;
      hooks.refreshSummary();
    }, 0);
  }

  function inSnapshot() { return !!(mod && mod._sh_in_snapshot()); }

  // ---- remember my files on this device ------------------------------------------------

  const storageAvailable = onHttp && typeof indexedDB !== 'undefined';

  function tellApp() {
    if (!mod) return;
    mod._sh_set_storage_state(storageAvailable ? 1 : 0, remember ? 1 : 0, files.filter((f) => f.key != null).length);
  }

  function request(r) {
    return new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  }

  let dbPromise = null;
  function db() {
    if (!dbPromise) {
      const r = indexedDB.open(DB_NAME, 1);
      r.onupgradeneeded = () => r.result.createObjectStore('files', {keyPath: 'id', autoIncrement: true});
      dbPromise = request(r);
    }
    return dbPromise;
  }

  async function store(mode, fn) {
    const d = await db();
    const tx = d.transaction('files', mode);
    const result = await fn(tx.objectStore('files'));
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); tx.onabort = () => reject(tx.error); });
    return result;
  }

  async function keep(entry) {
    if (!remember || entry.key != null || !entry.blob || entry.saving) return;
    entry.saving = true;
    try {
      const blob = await redactForStorage(entry.blob, entry.name);
      if (!blob || !remember) return;
      const key = await store('readwrite', (s) => request(s.add({name: entry.name, blob, kept: new Date().toISOString().slice(0, 10)})));
      entry.key = remember ? key : null;   // "forget" during the write deleted the whole database
    } catch (e) {
      console.warn('Could not keep ' + entry.name + ' on this device: ' + e);
    } finally {
      entry.saving = false;
      tellApp();
    }
  }

  async function setRemember(on) {
    remember = !!on;
    if (remember && storageAvailable) {
      localStorage.setItem(REMEMBER_FLAG, '1');
      for (const f of files) await keep(f);
    } else {
      await forgetFiles();
    }
    tellApp();
  }

  // Deletes everything this page ever kept on the device.
  async function forgetFiles() {
    remember = false;
    for (const f of files) f.key = null;
    try { localStorage.removeItem(REMEMBER_FLAG); } catch (e) { /* storage blocked: nothing was kept */ }
    if (storageAvailable) {
      if (dbPromise) { try { (await dbPromise).close(); } catch (e) { /* never opened */ } }
      dbPromise = null;
      await request(indexedDB.deleteDatabase(DB_NAME)).catch(() => {});
    }
    tellApp();
  }

  async function restoreRemembered() {
    if (!storageAvailable) return;
    let flag = null;
    try { flag = localStorage.getItem(REMEMBER_FLAG); } catch (e) { return; }
    if (flag !== '1') return;
    remember = true;
    tellApp();
    const kept = await store('readonly', (s) => request(s.getAll())).catch(() => []);
    if (!kept.length) return;
    const blobs = kept.map((k) => {
      const file = new File([k.blob], k.name);
      file.shKeptKey = k.id;
      return file;
    });
    await hooks.load(blobs);
  }

  // Files streamed into the session (called by sellerhealth.js after each load).
  function filesLoaded(named) {
    for (const {blob, name} of named) {
      const entry = {name, blob, key: blob.shKeptKey != null ? blob.shKeptKey : null};
      files.push(entry);
      keep(entry);
    }
    scheduleSync();
  }

  // Follows the session's file list (files can be removed from the dashboard or the API):
  // entries whose file is gone are dropped, and deleted from the device when kept.
  function scheduleSync() {
    clearTimeout(syncTimer);
    syncTimer = setTimeout(sync, 0);
  }

  function sync() {
    if (!mod) return;
    const names = mod.UTF8ToString(mod._sh_file_names()).split('\n').filter((n) => n.length);
    const next = [];
    const used = new Set();
    for (const name of names) {
      const i = files.findIndex((f, k) => !used.has(k) && f.name === name);
      if (i >= 0) { used.add(i); next.push(files[i]); }
    }
    const gone = files.filter((_, k) => !used.has(k));
    files = next;
    const keys = gone.map((f) => f.key).filter((k) => k != null);
    if (keys.length && storageAvailable && remember)
      store('readwrite', (s) => Promise.all(keys.map((k) => request(s.delete(k))))).catch(() => {}).then(tellApp);
    else if (gone.length) tellApp();
  }

  // ---- what is kept: the file minus buyer names, e-mails, addresses and phone numbers -------

  // Column headers (lower case, without spaces, dashes, dots or underscores) that hold personal
  // data. The core reads none of them except rater e-mail, which it never shows or keeps.
  const PERSONAL_COLUMN = new RegExp([
    'e?mail', 'correo', 'courriel', 'メール', '邮', '郵件',
    'buyername', 'recipientname', 'customername', 'purchasername', 'käufer.*name', 'nomdel', 'nombredel', 'nomedel',
    'empfänger', 'destinataire', 'destinatario', '購入者名', 'お届け先', '氏名', '收件人', '买家姓名', '買家姓名',
    'address', 'adresse', 'indirizzo', 'direcci', 'anschrift', 'straße', 'strasse', 'street', '住所', '地址',
    'shipcity', 'billcity', 'postalcode', 'postcode', 'zipcode', 'postleitzahl', '郵便番号', '邮编',
    'phone', 'telefon', 'teléfono', 'telefono', 'téléphone', '電話', '电话',
  ].join('|'), 'i');

  function personalColumn(header) {
    const key = header.toLowerCase().replace(/[\s\-_.'"]/g, '');
    return key.length > 0 && PERSONAL_COLUMN.test(key);
  }

  function decodeText(bytes) {
    if (bytes[0] === 0xFF && bytes[1] === 0xFE) return new TextDecoder('utf-16le').decode(bytes);
    if (bytes[0] === 0xFE && bytes[1] === 0xFF) return new TextDecoder('utf-16be').decode(bytes);
    // UTF-16 without a BOM: text whose every other byte is zero (valid UTF-8 too, so test first).
    let evenZeros = 0, oddZeros = 0;
    const n = Math.min(bytes.length, 4096) & ~1;
    for (let i = 0; i < n; i += 2) { if (bytes[i] === 0) evenZeros++; if (bytes[i + 1] === 0) oddZeros++; }
    if (n >= 8 && oddZeros > n / 4 && evenZeros === 0) return new TextDecoder('utf-16le').decode(bytes);
    if (n >= 8 && evenZeros > n / 4 && oddZeros === 0) return new TextDecoder('utf-16be').decode(bytes);
    try { return new TextDecoder('utf-8', {fatal: true}).decode(bytes); } catch (e) { /* not UTF-8 */ }
    try { return new TextDecoder('shift_jis', {fatal: true}).decode(bytes); } catch (e) { /* not Shift_JIS */ }
    return new TextDecoder('windows-1252').decode(bytes);
  }

  // Splits delimited text into rows of fields (RFC 4180 quotes), keeping line ends per row.
  function parseDelimited(text, delimiter) {
    const rows = [];
    let row = [], field = '', quoted = false, i = 0;
    while (i < text.length) {
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') { field += '""'; i += 2; continue; }
          quoted = false;
        }
        field += c; i++; continue;
      }
      if (c === '"' && field === '') { quoted = true; field += c; i++; continue; }
      if (c === delimiter) { row.push(field); field = ''; i++; continue; }
      if (c === '\r' || c === '\n') {
        const end = c === '\r' && text[i + 1] === '\n' ? '\r\n' : c;
        row.push(field); rows.push({fields: row, end});
        row = []; field = ''; i += end.length; continue;
      }
      field += c; i++;
    }
    if (field !== '' || row.length) { row.push(field); rows.push({fields: row, end: ''}); }
    return rows;
  }

  // The bytes to keep for one file: JSON as is (Account Health holds no buyer data); delimited
  // reports with personal columns emptied (headers kept so the file reads the same); null when
  // the file is too large to keep.
  async function redactForStorage(blob, name) {
    if (blob.size > MAX_REMEMBERED_FILE) return null;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const text = decodeText(bytes).replace(/^\uFEFF/, '');
    const first = text.trimStart()[0];
    if (first === '{' || first === '[') return new Blob([bytes]);
    const headerEnd = text.search(/\r|\n/);
    const header = headerEnd < 0 ? text : text.slice(0, headerEnd);
    const tabs = (header.match(/\t/g) || []).length, commas = (header.match(/,/g) || []).length,
      semis = (header.match(/;/g) || []).length;
    const delimiter = tabs >= commas && tabs >= semis ? '\t' : semis > commas ? ';' : ',';
    const rows = parseDelimited(text, delimiter);
    // The header is the first row with several fields (some reports start with a title line).
    const h = rows.findIndex((r) => r.fields.length >= 3);
    if (h < 0) return new Blob([text]);
    const personal = rows[h].fields.map((f, k) => (personalColumn(f.replace(/^"|"$/g, '')) ? k : -1)).filter((k) => k >= 0);
    if (personal.length) {
      for (let r = h + 1; r < rows.length; r++)
        for (const k of personal) if (k < rows[r].fields.length) rows[r].fields[k] = '';
    }
    const out = rows.map((r) => r.fields.join(delimiter) + r.end).join('');
    return new Blob([out], {type: 'text/plain;charset=utf-8'});
  }

  // ---- wiring ---------------------------------------------------------------------------

  // Drops while a snapshot is shown are refused here, before the page's own drop handler.
  function guardDrops() {
    window.addEventListener('drop', (e) => {
      if (!inSnapshot()) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      document.getElementById('drop-hint').hidden = true;
      showBar('link-error', 'alert', 'This is a shared snapshot: leave it to open your own reports.',
        [['Leave the snapshot', () => { hideBar('link-error'); leaveSnapshot(); }], ['Dismiss', () => hideBar('link-error')]]);
    }, true);
  }

  registerServiceWorker();

  return {
    // Called once the module has started; resolves when a link's snapshot (if any) is open.
    async attach(module, pageHooks) {
      mod = module;
      hooks = pageHooks;
      mod.makeShareLink = makeShareLink;
      mod.setRememberFiles = (on) => setTimeout(() => setRemember(on), 0);
      mod.leaveSnapshot = leaveSnapshot;
      const previous = mod.onResultChanged;
      mod.onResultChanged = () => { if (previous) previous(); scheduleSync(); };
      guardDrops();
      tellApp();
      window.addEventListener('hashchange', () => { if (fragmentPayload() != null) openFromFragment(); });
      const opened = await openFromFragment();
      restoreRemembered().catch((e) => console.warn('Could not reload remembered files: ' + e));
      return opened;
    },
    canLoad: () => !inSnapshot(),
    personalColumn,   // for tests: which report columns are emptied before a file is kept
    filesLoaded,
    // window.sellerHealth's additions (output.md): shareLink() returns a Promise of the URL.
    api: {
      shareLink: () => shareLink(),
      leaveSnapshot: () => new Promise((resolve) => { leaveSnapshot(); setTimeout(resolve, 0); }),
      inSnapshot: () => inSnapshot(),
      // Turning it on keeps the seller's own files: not while a snapshot is open (the panel's
      // checkbox is disabled then too); turning it off (forgetting) always works.
      rememberFiles: (on) => (on && inSnapshot()
        ? Promise.reject(new Error('A shared snapshot is open, so rememberFiles(true) was refused: call ' +
                                   'sellerHealth.leaveSnapshot() to return to your own files, untouched, first.'))
        : setRemember(on)),
      forgetFiles: () => forgetFiles(),
      privacy: () => ({remember, storageAvailable, keptFiles: files.filter((f) => f.key != null).length}),
    },
  };
})();
