// Seller Health ingest worker: parses one dropped file at a time off the page's thread, with the
// page's own wasm module (compiled there, posted here, instantiated with app.js's glue; only
// its ingest bridge, src/web/ingest/, is called), and hands back the file's records as one
// transferable buffer. The page reads the file and posts its chunks (transferred, not copied):
// a worker busy in wasm does not drain its own reads, so reading here would wait for parsing
// (issue 9, tests/bench/README.md).
// Messages in: first {module: WebAssembly.Module} (instantiated at once); per file {id, begin: {name, size}}, then
// {id, chunk: ArrayBuffer, length} any number of times (the chunk's first `length` bytes are
// the file's), then {id, end: true} (or {id, abort: true}).
// The first half of a file read in two parts ends with {id, end: true, hold: true} and then
// gets {id, part: ArrayBuffer, prefix: {bytes, lines}}, the other worker's buffer of the second
// half, joined here (core/file_parts.h) so the page decodes one buffer.
// Out: {id, type: 'progress', bytesRead, chunk} after each chunk is parsed (the chunk handed
// back, transferred; kept here near the file's end, SPARE_BYTES), then
// {id, type: 'done', buffer, orders, slots, timings} (orders and slots: the parts that travel
// beside the buffer, each a list of {buffer, length} whose bytes follow one another; null for a
// second half, which ends with {id, end: true, inline: true}),
// or {id, type: 'unjoined'} (the halves cannot be joined:
// the page reads the file whole), or {id, type: 'failed', bytesRead, message} (out of memory,
// or a wasm abort: the file's memory error), or {id, type: 'unavailable', message} (the wasm
// would not start: the page reads files itself).
'use strict';

(function () {
  let appModule = null;           // the page's compiled app.wasm (or app-scalar.wasm)
  let modPromise = null;
  let work = Promise.resolve();   // messages are handled one after another, in order
  let file = null;                // {id, buffer, bufferSize, bytesRead, failed, timings}

  // The single-file build starts this worker from a blob: URL with app.js's glue already inside
  // (createSellerHealthModule defined). main() is not run here: no window, no GL.
  function ingestModule() {
    if (!modPromise) {
      modPromise = new Promise((resolve, reject) => {
        if (!appModule) throw new Error('no wasm module was posted');
        if (typeof createSellerHealthModule === 'undefined') importScripts('app.js');
        createSellerHealthModule({
          instantiateWasm: (imports, receiveInstance) => {
            WebAssembly.instantiate(appModule, imports).then((instance) => receiveInstance(instance, appModule), reject);
            return {};
          },
          print: (t) => console.log(t),
          printErr: (t) => console.warn(t),
        }).then(resolve, reject);
      });
    }
    return modPromise;
  }

  function begin(mod, id, name, size) {
    const nameBytes = mod.lengthBytesUTF8(name) + 1;
    const namePtr = mod._malloc(nameBytes);
    mod.stringToUTF8(name, namePtr, nameBytes);
    mod._sh_ingest_begin(namePtr, size);
    mod._free(namePtr);
    // Where the worker's time went (sellerHealth.timings(), tests/bench): waiting for the
    // page's chunks, parsing them in the wasm (with the copy into its heap), encoding.
    file = {id, size, buffer: 0, bufferSize: 0, bytesRead: 0, failed: false, spares: [], spareBytes: 0,
            timings: {waitMs: 0, parseMs: 0, finishMs: 0, encodeMs: 0}, idleSince: performance.now()};
  }

  // The chunks of a file's last SPARE_BYTES are kept here, not handed back (the page has read
  // its file by then): the orders and the key table go out in them at the end, memory already
  // touched, instead of in new buffers the system must hand over first (1 M orders: 12-17 and
  // 4-5 ms; issue 9).
  const SPARE_BYTES = 32 << 20;

  // `length`: the bytes of the chunk that are the file's (the page reads into buffers of its
  // own, handed back with the progress message to be read into again).
  function feed(mod, chunk, length) {
    const t0 = performance.now();
    file.timings.waitMs += t0 - file.idleSince;
    const bytes = new Uint8Array(chunk, 0, length === undefined ? chunk.byteLength : length);
    if (!file.failed && bytes.length) {
      if (file.bufferSize < bytes.length) {
        mod._free(file.buffer);
        file.buffer = mod._malloc(bytes.length);
        file.bufferSize = file.buffer ? bytes.length : 0;
      }
      if (!file.buffer) {
        mod._sh_ingest_out_of_memory();   // the file ends with the memory error
        file.failed = true;
      } else {
        mod.HEAPU8.set(bytes, file.buffer);   // HEAPU8 is re-read: memory may have grown
        mod._sh_ingest_feed(file.buffer, bytes.length);
      }
    }
    file.bytesRead += bytes.length;
    const t1 = performance.now();
    file.timings.parseMs += t1 - t0;
    file.idleSince = t1;
    if (file.size - file.bytesRead < SPARE_BYTES && file.spareBytes < SPARE_BYTES) {
      file.spares.push(chunk);
      file.spareBytes += chunk.byteLength;
      self.postMessage({id: file.id, type: 'progress', bytesRead: file.bytesRead});
    } else {
      self.postMessage({id: file.id, type: 'progress', bytesRead: file.bytesRead, chunk}, [chunk]);
    }
  }

  // Ends the file; with `hold` its records wait for the other half (join), else they go out
  // (`inline`: all in the buffer, for the other half's worker to join).
  function end(mod, hold, inline) {
    const t0 = performance.now();
    file.timings.waitMs += t0 - file.idleSince;
    mod._free(file.buffer);
    file.buffer = 0;
    mod._sh_ingest_finish();
    file.timings.finishMs = performance.now() - t0;
    return hold ? null : encode(mod, !inline);
  }

  function join(mod, part, prefix) {
    const t0 = performance.now();
    const bytes = new Uint8Array(part);
    const ptr = mod._malloc(Math.max(bytes.length, 1));
    let joined = 0;
    if (ptr) {
      mod.HEAPU8.set(bytes, ptr);
      joined = mod._sh_ingest_join(ptr, bytes.length, prefix.bytes, prefix.lines);
      mod._free(ptr);
    }
    file.timings.joinMs = performance.now() - t0;
    if (joined) return encode(mod, true);
    mod._sh_ingest_release();
    const {id} = file;
    file = null;
    return {id, type: 'unjoined'};
  }

  // `beside`: the orders and their key table (most of a large file's records) are copied out
  // of the heap as they are, not through the buffer (src/core/records_codec.h).
  function encode(mod, beside) {
    const t0 = performance.now();
    const ptr = mod._sh_ingest_encode(beside ? 1 : 0);
    const {id, bytesRead, timings, spares} = file;
    file = null;
    if (!ptr) {
      mod._sh_ingest_release();
      return {id, type: 'failed', bytesRead, message: 'out of memory'};
    }
    // Copied out of the wasm heap (which cannot be transferred) into buffers that are: the
    // spare chunks first, then new ones. A part beside the buffer is a list of {buffer, length}.
    const out = mod.HEAPU8.slice(ptr, ptr + mod._sh_ingest_size()).buffer;
    const parts = (at, bytes) => {
      const list = [];
      while (bytes > 0) {
        const spare = spares.pop();
        const length = spare ? Math.min(bytes, spare.byteLength) : bytes;
        const buffer = spare || new ArrayBuffer(length);
        new Uint8Array(buffer, 0, length).set(mod.HEAPU8.subarray(at, at + length));
        list.push({buffer, length});
        at += length;
        bytes -= length;
      }
      return list;
    };
    const orders = beside ? parts(mod._sh_ingest_orders(), mod._sh_ingest_orders_bytes()) : null;
    const slots = beside ? parts(mod._sh_ingest_slots(), mod._sh_ingest_slots_bytes()) : null;
    mod._sh_ingest_release();
    timings.encodeMs = performance.now() - t0;
    return {id, type: 'done', buffer: out, orders, slots, timings};
  }

  async function handle(data) {
    let mod;
    try {
      mod = await ingestModule();
    } catch (err) {
      modPromise = null;
      if (data.begin) self.postMessage({id: data.id, type: 'unavailable', message: 'the wasm module did not start here: ' + String(err && err.message || err)});
      return;
    }
    if (data.begin) return begin(mod, data.id, data.begin.name, data.begin.size);
    if (!file || file.id !== data.id) return;   // a file that failed or was given up
    try {
      if (data.chunk) return feed(mod, data.chunk, data.length);
      if (data.abort) {
        mod._free(file.buffer);
        mod._sh_ingest_release();
        file = null;
        return;
      }
      const reply = data.end ? end(mod, data.hold, data.inline) : data.part ? join(mod, data.part, data.prefix) : null;
      if (reply) self.postMessage(reply, [reply.buffer, ...[...(reply.orders || []), ...(reply.slots || [])].map((p) => p.buffer)].filter(Boolean));
    } catch (err) {
      // A wasm abort (an allocation that failed outside the memory guard) leaves the module
      // unusable: the next file gets a fresh instance, this one the memory error.
      const {id, bytesRead} = file || data;
      file = null;
      modPromise = null;
      self.postMessage({id, type: 'failed', bytesRead: bytesRead || 0, message: String(err && err.message || err)});
    }
  }

  self.onmessage = (event) => {
    if (event.data.module) {   // the worker's first message: instantiate now, before the first file
      appModule = event.data.module;
      ingestModule().catch(() => { modPromise = null; });
      return;
    }
    work = work.then(() => handle(event.data));
  };
})();
