// Seller Health ingest worker: reads one dropped file at a time off the page's thread, with the
// same push parser as the page (ingest.wasm), and hands back the file's records as one
// transferable buffer. Messages in: {warm: true} (compile the wasm now), {id, blob, name}.
// Out: {id, type: 'progress', bytesRead}, then {id, type: 'done', buffer}, or
// {id, type: 'failed', bytesRead, message} (out of memory: the file's memory error), or
// {id, type: 'read-error', message} (the browser could not read the file), or
// {id, type: 'unavailable', message} (the wasm would not start: the page reads files itself).
'use strict';

(function () {
  const CHUNK_BYTES = 8 << 20;   // File.slice chunks copied into the worker's wasm heap
  let modPromise = null;
  let bytesRead = 0;             // of the file being read (a failure reports how far it got)

  // The single-file build starts this worker from a blob: URL with ingest.js and its wasm
  // already inside (createIngestModule defined, self.SellerHealthIngestWasm set).
  function ingestModule() {
    if (!modPromise) {
      if (typeof createIngestModule === 'undefined') importScripts('ingest.js');
      const options = {print: (t) => console.log(t), printErr: (t) => console.warn(t)};
      if (self.SellerHealthIngestWasm) options.wasmBinary = self.SellerHealthIngestWasm;
      modPromise = createIngestModule(options);
    }
    return modPromise;
  }

  async function readOne(id, blob, name) {
    let mod;
    try {
      mod = await ingestModule();
    } catch (err) {
      modPromise = null;
      return {id, type: 'unavailable', message: 'ingest.wasm did not start: ' + String(err && err.message || err)};
    }
    const nameBytes = mod.lengthBytesUTF8(name) + 1;
    const namePtr = mod._malloc(nameBytes);
    mod.stringToUTF8(name, namePtr, nameBytes);
    mod._sh_ingest_begin(namePtr, blob.size);
    mod._free(namePtr);
    bytesRead = 0;
    const buffer = mod._malloc(Math.min(CHUNK_BYTES, Math.max(blob.size, 1)));
    if (!buffer) {
      mod._sh_ingest_out_of_memory();
    } else {
      // One read ahead: the next slice is read while this one is parsed.
      const read = (offset) => blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer();
      let next = blob.size > 0 ? read(0) : null;
      try {
        while (next) {
          const bytes = new Uint8Array(await next);
          if (!bytes.length) break;   // the file shrank while being read
          bytesRead += bytes.length;
          next = bytesRead < blob.size ? read(bytesRead) : null;
          mod.HEAPU8.set(bytes, buffer);   // HEAPU8 is re-read: memory may have grown
          mod._sh_ingest_feed(buffer, bytes.length);
          self.postMessage({id, type: 'progress', bytesRead});
        }
      } finally {
        if (next) next.catch(() => {});
        mod._free(buffer);
      }
    }
    const ptr = mod._sh_ingest_finish();
    if (!ptr) {
      mod._sh_ingest_release();
      return {id, type: 'failed', bytesRead, message: 'out of memory'};
    }
    // Copied out of the wasm heap (which cannot be transferred) into a buffer that is.
    const out = mod.HEAPU8.slice(ptr, ptr + mod._sh_ingest_size()).buffer;
    mod._sh_ingest_release();
    return {id, type: 'done', buffer: out};
  }

  self.onmessage = (event) => {
    if (event.data.warm) {   // the page started: compile the wasm before the first file
      ingestModule().catch(() => { modPromise = null; });
      return;
    }
    const {id, blob, name} = event.data;
    readOne(id, blob, name).then(
      (reply) => self.postMessage(reply, reply.buffer ? [reply.buffer] : []),
      (err) => {
        const message = String(err && err.message || err);
        // The browser could not read the file (it changed or went away): like the page's own
        // loop, load() fails with the reason.
        if (err && err.name === 'NotReadableError' || err && err.name === 'NotFoundError') {
          self.postMessage({id, type: 'read-error', bytesRead, message});
          return;
        }
        // A wasm abort (an allocation that failed outside the memory guard) leaves the module
        // unusable: the next file gets a fresh instance, this one the memory error.
        modPromise = null;
        self.postMessage({id, type: 'failed', bytesRead, message});
      });
  };
})();
