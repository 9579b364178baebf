// Seller Health page glue: starts the wasm app, has dropped or picked files read by the ingest
// worker (or streams them into the core in chunks on this thread where there is no Worker), and
// exposes window.sellerHealth (output.md). Nothing here sends data anywhere.
'use strict';

(function () {
  const CHUNK_BYTES = 8 << 20;   // chunks of a file read into the wasm heap
  const yieldToPage = () => (window.scheduler && typeof window.scheduler.yield === 'function')
    ? window.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
  const summaryEl = document.getElementById('summary');
  const dropHint = document.getElementById('drop-hint');
  const fileInput = document.getElementById('file-input');
  const canvas = document.getElementById('canvas');
  let mod = null;
  let queue = Promise.resolve();   // files are streamed one after another
  let progress = null;             // the file being read: {name, bytesRead, size, worker}
  // Where the last batch's time went (tests/bench): a file each, the order index, the evaluation.
  let timings = {files: [], indexMs: 0, evaluateMs: 0};
  let cjkFont = null;              // null | 'loading' | 'loaded' (fonts/cjk.ttf)
  const privacy = window.SellerHealthPrivacy || null;   // issue 7: share links, snapshots, storage

  function showFallback(message) {
    const el = document.getElementById('fallback');
    el.textContent = message;
    el.hidden = false;
    canvas.hidden = true;
  }

  // WebGL2 is tried by the app itself when it opens its window: a probe context of our own cost
  // 20-90 ms of start-up with a software GPU (issue 9). A browser without the API is told at
  // once; one that cannot make the context, when the app's window does not open.
  const NO_WEBGL2 = 'Seller Health needs a browser with WebGL2 (a recent Chrome, Edge, Firefox or Safari). ' +
                    'Your reports are read on your computer only; nothing is uploaded.';

  // The result's JSON text (ASCII: src/web/bridge.cpp), decoded by its length: UTF8ToString
  // scans a text for its end byte by byte in JS first; with a 1 M load's 4.6 MB result it took
  // 16-21 ms, where this takes a few (issue 9).
  const utf8 = new TextDecoder();
  function resultText() {
    const ptr = mod._sh_result_json();
    return utf8.decode(mod.HEAPU8.subarray(ptr, ptr + mod._sh_result_json_size()));
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

  // Calls fn with a C copy of the string (freed after).
  function withCString(text, fn) {
    const bytes = mod.lengthBytesUTF8(text) + 1;
    const ptr = mod._malloc(bytes);
    mod.stringToUTF8(text, ptr, bytes);
    try { return fn(ptr); } finally { mod._free(ptr); }
  }

  // --- Issue 9: files are read by a dedicated worker (web/ingest_worker.js) so this thread only
  // draws; the worker hands back each file's records as one transferable buffer. It runs the
  // app's own wasm module, compiled once on this thread and posted to it (appModule). No
  // SharedArrayBuffer, no wasm threads. -------------------------------------------------------
  class WorkerUnavailable extends Error {}
  // Slot 0 reads every file; slot 1 (started with the first large All Orders file) reads its
  // second half alongside; slot 2 reads the next small file of a batch ahead (readAhead).
  // Each: {worker, nextId, current, worked, bytesSinceStart}.
  const workers = [null, null, null];
  let noWorkers = false;   // no worker can run here: files are read on this thread
  let ingestUrl = null;    // the worker's script: the site's file, or a blob: URL of the inlined one

  function ingestWorker(slot = 0) {
    if (noWorkers) return null;
    if (workers[slot]) return workers[slot];
    try {
      if (typeof Worker === 'undefined') throw new Error('this browser has no Worker');
      // The single-file build carries the worker's script (with its wasm) inside the page.
      const source = window.SellerHealthIngestSource;
      if (!ingestUrl) ingestUrl = source ? URL.createObjectURL(new Blob([source], {type: 'text/javascript'})) : 'ingest_worker.js';
      if (!appModule) throw new Error('the app\'s wasm module is not compiled');
      const w = {worker: new Worker(ingestUrl), nextId: 1, current: null, worked: false, bytesSinceStart: 0};
      w.worker.postMessage({module: appModule});   // it instantiates the module at once
      w.worker.onmessage = (e) => { if (w.current && e.data.id === w.current.id) w.current.onMessage(e.data); };
      w.worker.onerror = (e) => {
        if (e.preventDefault) e.preventDefault();
        w.worker.terminate();
        // A worker that never answered cannot start here (blocked, missing file): use this
        // thread from now on. One that worked before crashed on this file: start a new one.
        workers[slot] = null;
        if (!w.worked && slot === 0) noWorkers = true;
        if (w.current) w.current.onCrash(String(e.message || 'the ingest worker stopped'));
      };
      workers[slot] = w;
    } catch (err) {
      console.warn('Reading files on the page itself: ' + err);
      noWorkers = true;
    }
    return workers[slot];
  }

  // A wasm heap never shrinks: after a large file a worker is replaced by a fresh one, so the
  // memory it grew to is given back (the new one instantiates the module at once).
  const WORKER_RESTART_BYTES = 64 << 20;
  function restartLargeWorkers() {
    for (const slot of [0, 1, 2]) {
      const old = workers[slot];
      if (!old || old.current || old.bytesSinceStart < WORKER_RESTART_BYTES) continue;
      old.worker.terminate();
      workers[slot] = null;
      ingestWorker(slot);
    }
  }

  // A worker's 'done' message `m` into this heap and the session; any failure here is that
  // file's error. The orders and key table that travelled beside its buffer are copied straight
  // into the storage the bridge sizes for them, then the buffer is decoded (records_codec.h).
  function addLoadedFile(name, size, m) {
    return withLoadedFile(m, (ptr, n) => (ptr
      ? JSON.parse(withCString(name, (namePtr) => mod.UTF8ToString(mod._sh_add_loaded_file(ptr, n, namePtr, size))))
      : fileOutOfMemory(name, size)));
  }

  // Calls fn(ptr, length) with a heap copy of m.buffer, its parts beside it placed for the
  // bridge to take (fn(0, 0) when they do not fit this heap; sh_add_file_out_of_memory and
  // sh_warm_up_add drop them then).
  function withLoadedFile(m, fn) {
    const beside = [[m.orders, mod._sh_beside_orders, mod._sh_order_bytes()], [m.slots, mod._sh_beside_slots, 4]];
    for (const [list, place, itemBytes] of beside) {
      const bytes = (list || []).reduce((sum, p) => sum + p.length, 0);   // pieces of one part, in order
      if (!bytes) continue;
      let at = place(bytes / itemBytes);
      if (!at) return fn(0, 0);
      for (const p of list) {
        mod.HEAPU8.set(new Uint8Array(p.buffer, 0, p.length), at);   // HEAPU8 is re-read: memory may have grown
        at += p.length;
      }
    }
    return withHeapCopy(m.buffer, fn);
  }

  function fileOutOfMemory(name, bytesRead) {
    return JSON.parse(withCString(name, (namePtr) => mod.UTF8ToString(mod._sh_add_file_out_of_memory(namePtr, bytesRead))));
  }

  // Where a file's chunks come from: its stream, read into 8 MiB buffers of the page's own
  // (BYOB), each reused when the worker hands it back with its progress message; or, where the
  // browser has no BYOB reads of a file's stream, File.slice().arrayBuffer(), a fresh buffer
  // per chunk. A 387 MB file read alone: 0.31-0.35 s and 0.56-0.66 s of CPU, against 0.40-0.51 s
  // and 0.68-0.84 s with slices (fresh buffers are memory the system must hand over and clear
  // first; issue 9). read(at, bytes) resolves with {buffer, length} (length < bytes: the file
  // ended); reads are in file order.
  function chunkSource(blob) {
    let reader = null;
    try {
      reader = blob.stream().getReader({mode: 'byob'});
    } catch (err) {
      reader = null;
    }
    if (!reader) {
      return {
        kind: 'slices',
        read: (at, bytes) => blob.slice(at, at + bytes).arrayBuffer().then((buffer) => ({buffer, length: buffer.byteLength})),
        giveBack() {},
        cancel() {},
      };
    }
    const pool = [];
    const fill = async (bytes) => {
      let buffer = pool.pop() || new ArrayBuffer(CHUNK_BYTES);
      let length = 0;
      while (length < bytes) {
        const r = await reader.read(new Uint8Array(buffer, length, bytes - length));
        if (r.value) buffer = r.value.buffer;   // the same memory, handed back by the stream
        if (r.done) break;
        length += r.value.byteLength;
      }
      return {buffer, length};
    };
    let last = Promise.resolve();
    return {
      kind: 'stream',
      read: (at, bytes) => (last = last.then(() => fill(bytes))),
      giveBack(buffer) {
        if (buffer && buffer.byteLength === CHUNK_BYTES && pool.length < READ_AHEAD + READS_IN_FLIGHT) pool.push(buffer);
      },
      cancel() {
        reader.cancel().catch(() => {});
      },
    };
  }

  // This thread reads the file and posts its chunks to the worker (transferred): reads keep
  // going while the worker parses, at most READ_AHEAD chunks ahead of it, READS_IN_FLIGHT of
  // them asked for at once (the browser reads the next while this thread takes one in). Resolves with the
  // worker's last message ({type: 'done', buffer, timings}, {type: 'failed', bytesRead} or, for
  // a first half, {type: 'unjoined'}); rejects with WorkerUnavailable, or with the browser's
  // error when the file cannot be read. `join` (the first half of a file read in two parts):
  // {later: a promise of the other worker's 'done' message or null, prefix}; its buffer is
  // handed to this worker, which joins the halves.
  const READ_AHEAD = 4;
  const READS_IN_FLIGHT = 2;
  const FIRST_READ_BYTES = 1 << 20;
  function runInWorker(w, blob, name, onProgress, join = null, inline = false) {
    return new Promise((resolve, reject) => {
      const id = w.nextId++;
      const source = chunkSource(blob);
      let bytesRead = 0;      // parsed by the worker
      let finished = false;   // the worker answered (done, failed) or the read failed
      let wake = null;        // the reading loop waits here for the worker to catch up
      const finish = (fn) => { finished = true; w.current = null; if (wake) wake(); fn(); };
      w.current = {
        id,
        onMessage: (m) => {
          w.worked = true;
          if (m.type === 'progress') {
            source.giveBack(m.chunk);
            bytesRead = m.bytesRead;
            onProgress(bytesRead);
            if (wake) wake();
            return;
          }
          w.bytesSinceStart += blob.size;
          if (m.timings) m.timings.reads = source.kind;   // sellerHealth.timings(): how the file was read
          if (m.type === 'unavailable') {
            w.worker.terminate();
            noWorkers = true;
            return finish(() => reject(new WorkerUnavailable(m.message)));
          }
          finish(() => resolve(m));
        },
        onCrash: (message) => finish(() => {
          if (!w.worked) reject(new WorkerUnavailable(message));
          else resolve({type: 'failed', bytesRead});   // a wasm abort: memory, as a rule
        }),
      };
      w.worker.postMessage({id, begin: {name, size: blob.size}});
      (async () => {
        const reads = [];   // asked for, in file order
        let asked = 0;      // bytes asked for
        let posted = 0;
        const askMore = () => {
          while (reads.length < READS_IN_FLIGHT && asked < blob.size && asked - bytesRead < READ_AHEAD * CHUNK_BYTES) {
            // The first reads ramp up (1, 1, 2, 4 MiB, then 8): the worker starts parsing after
            // a 1 MiB read instead of waiting 30-50 ms for the first 8 MiB (issue 9).
            const bytes = Math.min(CHUNK_BYTES, Math.max(FIRST_READ_BYTES, asked));
            reads.push(source.read(asked, bytes));
            asked += bytes;
          }
        };
        askMore();
        try {
          while (reads.length && !finished) {
            const {buffer: chunk, length} = await reads.shift();
            if (finished) break;
            if (!length) break;   // the file shrank while being read
            posted += length;
            askMore();
            w.worker.postMessage({id, chunk, length}, [chunk]);
            while (!finished && posted - bytesRead >= READ_AHEAD * CHUNK_BYTES)
              await new Promise((r) => { wake = r; });
            wake = null;
            askMore();
          }
          source.cancel();
          if (finished) return;
          if (!join) {
            w.worker.postMessage({id, end: true, inline});
            return;
          }
          w.worker.postMessage({id, end: true, hold: true});
          const later = await join.later;
          if (finished) return;
          if (later) {
            w.worker.postMessage({id, part: later.buffer, prefix: join.prefix}, [later.buffer]);
          } else {   // the second half failed: no join; the file is read whole (or fails) next
            w.worker.postMessage({id, abort: true});
            finish(() => resolve({type: 'unjoined'}));
          }
        } catch (err) {
          // The browser could not read the file (it changed or went away): load() fails with
          // the reason, as the page's own loop does; the worker drops what it had.
          for (const r of reads) r.catch(() => {});
          source.cancel();
          if (finished) return;
          w.worker.postMessage({id, abort: true});
          finish(() => reject(err));
        }
      })();
    });
  }

  function showProgress(name, size) {
    mod._sh_begin_remote_file();
    progress = {name, bytesRead: 0, size, worker: true};
    return (bytes) => {
      progress.bytesRead = bytes;
      mod._sh_note_progress(bytes);
    };
  }

  // One file by one worker: its records into the session, or the file's memory error.
  // `ahead`: the file was read ahead by another worker (readAhead); its message is awaited here.
  async function streamInWorker(w, blob, name, ahead = null) {
    const started = ahead ? ahead.started : performance.now();
    let m;
    try {
      const onProgress = showProgress(name, blob.size);
      m = await (ahead ? ahead.message : runInWorker(w, blob, name, onProgress));
    } catch (err) {
      if (!(err instanceof WorkerUnavailable)) mod._sh_cancel_remote_file();
      throw err;
    }
    if (m.type !== 'done') return fileOutOfMemory(name, m.bytesRead);   // the worker's heap was full
    const t0 = performance.now();
    const input = addLoadedFile(name, blob.size, m);
    const t1 = performance.now();
    timings.files.push({name, bytes: blob.size, worker: true, ...m.timings, decodeMs: t1 - t0, totalMs: t1 - started,
                        ...(ahead ? {ahead: true} : {})});
    return input;
  }

  // Calls fn(ptr, length) with a copy of the buffer in the heap (0, 0 when it does not fit).
  function withHeapCopy(buffer, fn) {
    const bytes = new Uint8Array(buffer);
    const ptr = mod._malloc(Math.max(bytes.length, 1));
    if (!ptr) return fn(0, 0);
    try {
      mod.HEAPU8.set(bytes, ptr);
      return fn(ptr, bytes.length);
    } finally {
      mod._free(ptr);
    }
  }

  // A large All Orders file (core/file_parts.h) is read in two halves by two workers at once:
  // the first half as it is, the second behind the file's lines through the header; the first
  // worker joins the second's records into its own (off this thread), so the page decodes one
  // buffer, as for any file. Only with four cores or more: the two workers, this thread's reads
  // and the browser's own work each want one, and on two cores the halves took as long as one
  // worker's whole read (tests/bench/README.md). Null when the file is not one to cut (then it
  // is read whole): too small, too few cores, not UTF-8 tab-separated All Orders, or halves
  // that do not join.
  const PART_MIN_BYTES = 32 << 20;   // core kMinPartBytes
  const PART_MIN_CORES = 4;
  async function readInParts(blob, name) {
    if (blob.size < PART_MIN_BYTES || (navigator.hardwareConcurrency || 1) < PART_MIN_CORES) return null;
    const main = ingestWorker(0), helper = ingestWorker(1);
    if (!main || !helper) return null;
    const head = new Uint8Array(await blob.slice(0, 64 << 10).arrayBuffer());
    const prefixBytes = withHeapCopy(head, (ptr, n) => (ptr ? mod._sh_part_prefix(ptr, n, blob.size <= head.length ? 1 : 0) : 0));
    if (!prefixBytes) return null;
    const prefix = {bytes: prefixBytes, lines: mod._sh_part_prefix_lines()};
    const mid = Math.floor(blob.size / 2);
    const lf = new Uint8Array(await blob.slice(mid, mid + (1 << 20)).arrayBuffer()).indexOf(10);
    if (lf < 0 || mid + lf + 1 >= blob.size) return null;
    const cut = mid + lf + 1;
    const started = performance.now();
    const report = showProgress(name, blob.size);
    const parsed = [0, 0];
    const partProgress = (i, skip) => (bytes) => { parsed[i] = Math.max(0, bytes - skip); report(parsed[0] + parsed[1]); };
    const second = runInWorker(helper, new Blob([head.slice(0, prefixBytes), blob.slice(cut)]), name, partProgress(1, prefixBytes),
                               null, true);
    const later = second.then((m) => (m.type === 'done' ? m : null), () => null);
    const first = runInWorker(main, blob.slice(0, cut), name, partProgress(0, 0), {later, prefix});
    let parts;
    try {
      parts = await Promise.all([first, second]);
    } catch (err) {
      if (err instanceof WorkerUnavailable) return null;
      mod._sh_cancel_remote_file();
      throw err;
    }
    const [joined, other] = parts;
    if (joined.type !== 'done') return null;   // not joined, or out of memory: read it whole
    const t0 = performance.now();
    const input = addLoadedFile(name, blob.size, joined);
    const t1 = performance.now();
    timings.files.push({name, bytes: blob.size, worker: true, parts: [{...joined.timings}, {...other.timings}],
                        waitMs: joined.timings.waitMs + other.timings.waitMs,
                        parseMs: Math.max(joined.timings.parseMs, other.timings.parseMs),
                        encodeMs: joined.timings.encodeMs + other.timings.encodeMs, joinMs: joined.timings.joinMs,
                        decodeMs: t1 - t0, totalMs: t1 - started});
    return input;
  }

  // The next file of a batch, when it is small, is read by a worker of its own (slot 2) while
  // the one before it is read; its records wait and are added in turn (the session keeps the
  // batch's order). A feedback file's comments, read in the worker, then cost no time of their
  // own behind a large All Orders file. Null when there is no spare worker for it.
  function readAhead(file) {
    if (file.blob.size >= PART_MIN_BYTES) return null;
    const w = ingestWorker(2);
    if (!w || w.current) return null;
    const message = runInWorker(w, file.blob, file.name, () => {});
    message.catch(() => {});   // seen when the file's turn comes
    return {started: performance.now(), message};
  }

  // One file, by the workers when there are some, else on this thread.
  async function readFile(blob, name, ahead = null) {
    if (ahead) {
      try {
        return await streamInWorker(null, blob, name, ahead);
      } catch (err) {
        if (!(err instanceof WorkerUnavailable)) throw err;   // else read it below
      }
    }
    if (ingestWorker(0)) {
      try {
        const joined = await readInParts(blob, name);
        if (joined) return joined;
        const w = ingestWorker(0);
        if (w) return await streamInWorker(w, blob, name);
      } catch (err) {
        if (!(err instanceof WorkerUnavailable)) throw err;
        console.warn('The ingest worker did not start (' + err.message + '): reading files on the page itself.');
      }
    }
    return streamOne(blob, name);
  }

  // The main-thread loop: the fallback where no worker can run.
  async function streamOne(blob, name) {
    const started = performance.now();
    withCString(name, (namePtr) => mod._sh_begin_file(namePtr, blob.size));
    progress = {name, bytesRead: 0, size: blob.size, worker: false};
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
        progress.bytesRead = offset;
        if (next) await yieldToPage();
      }
    } finally {
      if (next) next.catch(() => {});   // a feed threw: the pending read's result is not wanted
      mod._free(buffer);
    }
    const input = JSON.parse(mod.UTF8ToString(mod._sh_finish_file()));
    timings.files.push({name, bytes: blob.size, worker: false, totalMs: performance.now() - started});
    return input;
  }

  // --- Issue 9, the warm-up (see sh_warm_up_begin in src/web/bridge.cpp): at start-up, while
  // nothing is queued, the ingest worker reads three made-up files (All Orders, Feedback, claims)
  // and this thread decodes, evaluates and writes their result a few times in a scratch session,
  // one short task a round, so V8 has compiled and optimised that code before the seller's first
  // load. A file queued meanwhile stops it at the next step. -------------------------------------
  const WARM_UP_ORDERS = 8000;
  const WARM_UP_ROUNDS = 6;
  const WARM_UP_DELAY_MS = 300;
  let warmUpState = 'waiting';   // 'waiting' | 'running' | 'stopped'
  let warmUpTimings = null;      // {totalMs, workerMs, longestStepMs, rounds} once it ran

  function warmUpFiles() {
    const day = (n) => new Date(Date.UTC(2026, 0, 1) + n * 864e5).toISOString().slice(0, 10);
    const id = (i) => `11${i % 10}-${String(1000000 + i).slice(1)}${i % 10}-${String(3000000 + 7 * i).slice(1)}${i % 7}`;
    const orders = ['amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\t' +
      'sales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\tnumber-of-items\titem-status\t' +
      'quantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\t' +
      'item-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\t' +
      'promotion-ids\tcpf\tis-business-order\tpurchase-order-number\tprice-designation\ttax-collection-model\t' +
      'tax-collection-responsible-party\taddress-type\tis-buyer-requested-cancellation\tbuyer-requested-cancel-reason'];
    for (let i = 0; i < WARM_UP_ORDERS; i++) {
      const d = day(Math.floor(i * 120 / WARM_UP_ORDERS));
      const cancelled = i % 23 === 0;
      orders.push(`${id(i)}\tSO-${i}\t${d}T10:${String(i % 60).padStart(2, '0')}:00-07:00\t${d}T18:00:00-07:00\t` +
        `${cancelled ? 'Cancelled' : 'Shipped'}\t${i % 5 ? 'Merchant' : 'Amazon'}\tAmazon.com\t\t\tStandard\tMat Set\tSKU-${i % 40}\t` +
        `B0WARMUP${i % 10}\t1\tShipped\t${1 + (i % 3)}\tUSD\t19.99\t1.50\t0.00\t0.00\t\t\t\t\tChicago\tIL\t60601\tUS\t\t\tfalse\t\t\t` +
        `MarketplaceFacilitator\tAmazon Services, Inc.\tResidential\t${cancelled && i % 2 ? 'true' : 'false'}\t`);
    }
    const comments = ['Package arrived damaged, the box was crushed.', 'Arrived late and nobody answered my messages.',
      'Great seller, fast shipping!', 'Not as described, the colour is wrong. Refund please.',
      'Die Lieferung kam zu spät und die Verpackung war kaputt.', '包装破损，物流太慢了。', 'Item never arrived, tracking shows nothing.'];
    const feedback = ['Date\tRating\tComments\tYour Response\tOrder ID\tRater Email'];
    for (let i = 0; i < 400; i++) {
      const [y, m, dd] = day(Math.floor(i * 120 / 400)).split('-');
      feedback.push(`${m}/${dd}/${y.slice(2)}\t${1 + (i % 5)}\t${comments[i % comments.length]}\t\t${id(i * 29)}\tbuyer${i}@example.com`);
    }
    const claims = ['order-id,order-date,claim-date,type,status,amazon-funded,reason'];
    for (let i = 0; i < 60; i++)
      claims.push(`${id(i * 97)},${day(Math.floor(i * 1.5))},${day(Math.floor(i * 1.5) + 9)},a-to-z,${i % 3 ? 'granted' : 'denied'},no,refund not issued`);
    return [['warm-up-orders.txt', orders], ['warm-up-feedback.txt', feedback], ['warm-up-claims.csv', claims]]
      .map(([name, lines]) => ({name, blob: new Blob([lines.join('\n') + '\n'])}));
  }

  async function warmUp() {
    if (warmUpState !== 'waiting') return;
    warmUpState = 'running';
    const stopped = () => warmUpState !== 'running';
    const started = performance.now();
    const t = {totalMs: 0, workerMs: 0, longestStepMs: 0, rounds: 0};
    try {
      const w = ingestWorker(0);
      if (!w) return;
      const buffers = [];
      for (const {name, blob} of warmUpFiles()) {
        if (stopped()) return;
        const m = await runInWorker(w, blob, name, () => {});
        if (m.type !== 'done') return;
        buffers.push(m);
      }
      t.workerMs = performance.now() - started;
      // A round: the buffers decoded into a fresh scratch session, then (a task of its own)
      // evaluated and written as JSON. The first round, which also compiles that code, leaves
      // the orders out, so that no step holds this thread long.
      for (let round = 0; round < WARM_UP_ROUNDS && !stopped(); round++) {
        const files = round === 0 ? buffers.slice(1) : buffers;
        const steps = [() => {
          mod._sh_warm_up_begin();
          for (const m of files) withLoadedFile(m, (ptr, n) => mod._sh_warm_up_add(ptr, n));
        }, () => mod._sh_warm_up_evaluate()];
        for (const step of steps) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (stopped()) return;
          const s0 = performance.now();
          step();
          t.longestStepMs = Math.max(t.longestStepMs, performance.now() - s0);
        }
        t.rounds++;   // rounds run whole
      }
    } catch (err) {
      console.warn('warm-up skipped: ' + err);   // costs only the seller's first load its speed
    } finally {
      if (mod) mod._sh_warm_up_end();
      warmUpState = 'stopped';
      t.totalMs = performance.now() - started;
      warmUpTimings = t;
    }
  }

  // Issue 7 (web/privacy.js): a shared snapshot is read-only. While one is open, nothing that
  // would change the seller's own session (hidden behind it) is done: it is refused instead.
  function snapshotOpenError(call) {
    return new Error(`A shared snapshot is open, so ${call} was refused: call sellerHealth.leaveSnapshot() to ` +
                     'return to your own files, untouched, first.');
  }
  function ownSessionOnly(call) {
    if (privacy && !privacy.canLoad()) throw snapshotOpenError(call);
  }

  // load()'s argument as a list: a FileList, an array (any iterable), or one file alone.
  function fileList(items) {
    if (items instanceof Blob || (items && typeof items.text === 'string')) return [asNamedBlob(items)];
    if (items == null || typeof items === 'string' || (typeof items[Symbol.iterator] !== 'function' && typeof items.length !== 'number'))
      throw new TypeError('load() takes a list of File/Blob objects or {name, text}');
    return Array.from(items, asNamedBlob);
  }

  // Always a Promise: a bad argument or an open snapshot is a rejection, never a synchronous throw.
  function queueFiles(items) {
    let named;
    try {
      ownSessionOnly('load()');
      named = fileList(items);
    } catch (err) {
      return Promise.reject(err);
    }
    warmUpState = 'stopped';   // the warm-up, if it runs, stops at its next step
    for (const {blob, name} of named) withCString(name, (ptr) => mod._sh_queue_file(ptr, blob.size));
    const done = queue.then(async () => {
      const inputs = [];
      timings = {files: [], indexMs: 0, evaluateMs: 0};
      // The result is evaluated once for the batch, not after each file (by the next frame).
      mod._sh_hold_result(1);
      try {
        let ahead = null;
        for (let i = 0; i < named.length; i++) {
          const mine = ahead;
          ahead = i + 1 < named.length && workers[0] ? readAhead(named[i + 1]) : null;
          inputs.push(await readFile(named[i].blob, named[i].name, mine));
        }
        // The last file was handed to the session in this task (decoding its records): the
        // files' order index is built in the next one and the evaluation in the one after, so
        // the page's thread is held for the longest of the three, not their sum (issue 9).
        await new Promise((resolve) => setTimeout(resolve, 0));
        const indexed = performance.now();
        mod._sh_prepare_order_index();
        timings.indexMs = performance.now() - indexed;
        await new Promise((resolve) => setTimeout(resolve, 0));
      } finally {
        progress = null;
        mod._sh_hold_result(0);
      }
      if (privacy) privacy.filesLoaded(named);   // kept on the device only if the seller asked
      const evaluated = performance.now();
      refreshSummary();   // evaluates the batch's result
      timings.evaluateMs = performance.now() - evaluated;
      // After the evaluation: a fresh worker's start-up would compete with it for the cores.
      restartLargeWorkers();
      // For scripts and tests that did not call load() (a drop, the file input).
      window.dispatchEvent(new CustomEvent('sellerhealthloaded', {detail: inputs}));
      return inputs;
    });
    queue = done.catch(() => {});
    return done;
  }

  // A value as an error message quotes it: 'nope', 5, [], {}, undefined.
  function describe(value) {
    if (typeof value === 'string') return `'${value}'`;
    if (value === undefined || typeof value === 'number' || typeof value === 'boolean') return String(value);
    try { return JSON.stringify(value) ?? String(value); } catch (err) { return String(value); }
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
      load: (files) => queueFiles(files),   // a Promise, rejected for bad input or in a snapshot
      result: () => JSON.parse(resultText()),
      summary: () => mod.UTF8ToString(mod._sh_summary()),
      shownTexts: () => JSON.parse(mod.UTF8ToString(mod._sh_shown_texts())),
      templateButtons: () => JSON.parse(mod.UTF8ToString(mod._sh_template_buttons())),
      // The options and typed figures change the seller's own session: refused while a shared
      // snapshot is open (it shows the snapshot's own as-of day and policy, read-only).
      setAsOf: (day) => {
        ownSessionOnly('setAsOf()');
        if (!callWithString(mod._sh_set_as_of, day)) throw new RangeError('setAsOf takes a day YYYY-MM-DD from 2000 to 2099');
      },
      setPolicy: (policy) => {
        ownSessionOnly('setPolicy()');
        // "unknown policy 'nope'; known: amazon amazon.ae …", as the CLI's --policy says.
        if (!callWithString(mod._sh_set_policy, typeof policy === 'string' ? policy : String(policy)))
          throw new RangeError(mod.UTF8ToString(mod._sh_typed_error()));
      },
      setDateOrder: (order) => {
        ownSessionOnly('setDateOrder()');
        if (!callWithString(mod._sh_set_date_order, order)) throw new RangeError('setDateOrder takes "dmy" or "mdy"');
      },
      // Figures typed in from Seller Central: a rating 0-1000, and the count of every feedback
      // rating per window, {'30d': n, '90d': n, '365d': n, lifetime: n}. Only null clears either:
      // anything else that is not such a figure is a RangeError, and changes nothing.
      setAccountHealthRating: (rating) => {
        ownSessionOnly('setAccountHealthRating()');
        const text = rating === null ? '' : (typeof rating === 'number' || typeof rating === 'string') ? String(rating).trim() : '';
        if (rating !== null && text === '')
          throw new RangeError(`the Account Health Rating is a whole number from 0 to 1000 (null clears it), not ${describe(rating)}`);
        if (!callWithString(mod._sh_set_account_health_rating, text)) throw new RangeError(mod.UTF8ToString(mod._sh_typed_error()));
      },
      setFeedbackTotals: (totals) => {
        ownSessionOnly('setFeedbackTotals()');
        let text = '';
        if (totals !== null) {
          const entries = totals && typeof totals === 'object' && !Array.isArray(totals) ? Object.entries(totals) : [];
          if (!entries.length || entries.some(([, v]) => typeof v !== 'number' && typeof v !== 'string'))
            throw new RangeError('feedback totals are an object of counts by window, {"30d": n, "90d": n, "365d": n, ' +
                                 `lifetime: n} with at least one window (null clears them), not ${describe(totals)}`);
          text = entries.map(([k, v]) => `${k}=${v}`).join(',');
        }
        if (!callWithString(mod._sh_set_feedback_totals, text)) throw new RangeError(mod.UTF8ToString(mod._sh_typed_error()));
      },
      removeFile: (index) => {
        ownSessionOnly('removeFile()');
        const count = mod._sh_file_count();
        if (!Number.isInteger(index) || index < 0 || index >= count)
          throw new RangeError(count ? `removeFile takes the index of a loaded file, 0 to ${count - 1}, not ${describe(index)}`
                                     : `removeFile: no file is loaded (was given ${describe(index)})`);
        mod._sh_remove_file(index);
        refreshSummary();
      },
      clear: () => { ownSessionOnly('clear()'); mod._sh_clear(); refreshSummary(); },
      // Dashboard (issue 6): UI language, theme, panels; cjkFontLoaded() for tests.
      setLanguage: (code) => { if (!callWithString(mod._sh_set_language, code)) throw new RangeError('setLanguage takes "en", "zh-Hans" or "zh-Hant"'); },
      language: () => mod.UTF8ToString(mod._sh_language()),
      setTheme: (theme) => {
        if (theme !== 'light' && theme !== 'dark') throw new RangeError('setTheme takes "light" or "dark"');
        mod._sh_set_dark(theme === 'light' ? 0 : 1);
      },
      showPanel: (name) => { if (!callWithString(mod._sh_show_panel, name)) throw new RangeError('showPanel takes overview, today, drilldown, feedback, whatif or files'); },
      selectMetric: (id, scope) => callWithString((p) => callWithString((q) => mod._sh_select_metric(p, q), scope || ''), id) === 1,
      cjkFontLoaded: () => cjkFont === 'loaded',
      frameMs: () => mod._sh_frame_ms(),
      panel: () => mod.UTF8ToString(mod._sh_panel()),
      focused: () => mod.UTF8ToString(mod._sh_focused_control()),
      // For tests: what the header's option controls show (a snapshot's own settings, disabled).
      controls: () => JSON.parse(mod.UTF8ToString(mod._sh_controls_shown())),
      // Issue 9: the file being read ({name, bytesRead, size, worker}) or null; where the last
      // batch's time went, a file each; frames drawn.
      progress: () => (progress ? {...progress} : null),
      timings: () => ({files: timings.files.map((t) => ({...t})), indexMs: timings.indexMs, evaluateMs: timings.evaluateMs,
                       warmUp: warmUpTimings && {...warmUpTimings}}),
      framesDrawn: () => mod._sh_frames_drawn(),
      trendGpuDraws: () => mod._sh_trend_gpu_draws(),
      // Issue 7: shareLink() returns a Promise of the share URL (compression is asynchronous);
      // leaveSnapshot(), inSnapshot(), rememberFiles(on), forgetFiles(), privacy().
      ...(privacy ? privacy.api : {}),
    });
    window.dispatchEvent(new Event('sellerhealthready'));
  }

  // --- Issue 9: one wasm module for this page and its ingest workers. app.wasm uses wasm SIMD;
  // where the browser cannot validate SIMD (Safari < 16.4), app-scalar.wasm instead: the same
  // code without it, with the same imports and exports (the build checks that both links wrote
  // the same glue). The module is compiled here, kept in appModule and posted to each worker.
  // The single-file build has both inside the page (window.SellerHealthWasmBinary). ---------
  // (module (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)), as wasm-feature-detect.
  const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8,
                                     0, 65, 0, 253, 15, 253, 98, 11]);
  let appModule = null;

  function wasmVariant() {
    return !window.SellerHealthForceScalar && WebAssembly.validate(SIMD_PROBE) ? 'app.wasm' : 'app-scalar.wasm';
  }

  async function compileApp(file) {
    if (window.SellerHealthWasmBinary) return WebAssembly.compile(window.SellerHealthWasmBinary(file));
    // Streaming needs the server to say application/wasm; else the bytes are compiled whole.
    if (WebAssembly.compileStreaming) {
      try { return await WebAssembly.compileStreaming(fetch(file, {credentials: 'same-origin'})); } catch (err) { /* below */ }
    }
    const response = await fetch(file, {credentials: 'same-origin'});
    if (!response.ok) throw new Error(file + ': HTTP ' + response.status);
    return WebAssembly.compile(await response.arrayBuffer());
  }

  // Emscripten's hook: instantiate the module ourselves, keeping it for the workers.
  function instantiateApp(imports, receiveInstance) {
    compileApp(wasmVariant()).then((module) => WebAssembly.instantiate(module, imports).then((instance) => {
      appModule = module;
      receiveInstance(instance, module);
    })).catch((err) => showFallback('Seller Health could not start: ' + err));
    return {};   // the exports come through receiveInstance
  }

  if (typeof WebGL2RenderingContext === 'undefined') {
    showFallback(NO_WEBGL2);
    return;
  }
  installDropZone();
  createSellerHealthModule({
    canvas,
    instantiateWasm: instantiateApp,
    onAppStarted: () => {},
    // The app's WebGL2 shaders did not build (its first frame): no UI can be drawn.
    onAppFailed: () => showFallback(NO_WEBGL2),
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
    if (mod.callMain([]) !== 0) {   // the app's window (its WebGL2 context) did not open
      mod = null;
      showFallback(NO_WEBGL2);
      return undefined;
    }
    // The worker starts now, so its module is instantiated before the first file arrives.
    ingestWorker();
    // A share link's snapshot opens before the API appears, so scripts see it at once.
    const attached = privacy ? privacy.attach(mod, {load: queueFiles, refreshSummary}) : Promise.resolve();
    return attached.catch(() => {}).then(() => {
      exposeApi();
      refreshSummary();
      // The warm-up, once the page has settled, if nothing was queued by then.
      setTimeout(() => { if (warmUpState === 'waiting') queue = queue.then(warmUp); }, WARM_UP_DELAY_MS);
    });
  }).catch((err) => showFallback('Seller Health could not start: ' + err));
})();
