// Issue 9: a large All Orders file picked through the real file input is read by the ingest
// worker while the page keeps drawing: the progress moves, frames keep coming, the page's main
// thread is never held long (a requestAnimationFrame gap monitor), and the figures equal the
// CLI's on the same file. An idle page draws no frames at all. Without Worker the page reads
// files itself, with the same results; without wasm SIMD, page and worker run app-scalar.wasm.
// SH_STREAM_MB sets the file's size (default 300 MB; generated into a temp dir, removed after).
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startServer} from './server.mjs';
import {launch, openApp, SITE, ROOT, comparable} from './browser.mjs';

const MB = Number(process.env.SH_STREAM_MB || 300);
const CLI = [process.env.SH_CLI, path.join(ROOT, 'build/native/seller-health')]
  .find((p) => p && fs.existsSync(p));
// Bounds that hold on a loaded 2-core box drawing through SwiftShader (measured figures are
// printed). The page's thread itself is not held while the worker reads: no long task at all
// was seen at load average 15 (the target is none over 50 ms; 250 leaves room for a thread
// descheduled by the load). Animation frames come as fast as the GPU process rasterises the
// app's frames: there, each drawn frame delays the next requestAnimationFrame by 100-500 ms of
// SwiftShader work on the starved CPU, without holding the page's thread.
const MAX_LONG_TASK_MS = Number(process.env.SH_STREAM_MAX_LONG_TASK_MS || 250);
const MAX_GAP_MS = Number(process.env.SH_STREAM_MAX_GAP_MS || 2000);

let server, browser, app, dir, file;

// An All Orders file of about `mb` megabytes: one order per row, a year of days, a few
// cancellations, both channels. Written in 4 MB pieces.
function generate(mb) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-stream-'));
  file = path.join(dir, 'all_orders_large.txt');
  const fd = fs.openSync(file, 'w');
  const days = [];
  for (let d = 0; d < 365; d++) days.push(new Date(Date.UTC(2025, 10, 20) + d * 86400000).toISOString().slice(0, 10));
  fs.writeSync(fd, 'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\t' +
                   'fulfillment-channel\tsales-channel\tsku\tquantity\n');
  const target = mb * 1e6;
  let written = 0, n = 0;
  while (written < target) {
    const rows = [];
    for (let k = 0; k < 32768; k++, n++) {
      const day = days[(n * 7919) % 365];
      const id = '113-' + String(1000000 + Math.floor(n / 1e7)).slice(-7) + '-' + String(n % 1e7).padStart(7, '0');
      const status = n % 53 === 0 ? 'Cancelled' : 'Shipped';
      const channel = n % 5 === 0 ? 'Amazon' : 'Merchant';
      rows.push(`${id}\t\t${day}T10:${String(n % 60).padStart(2, '0')}:00-07:00\t${day}T18:00:00-07:00\t${status}\t${channel}\tAmazon.com\tSKU-${n % 997}\t${1 + (n % 3)}\n`);
    }
    written += fs.writeSync(fd, rows.join(''));
  }
  fs.closeSync(fd);
  return {bytes: fs.statSync(file).size, orders: n};
}

before(async () => {
  server = await startServer(SITE);
  browser = await launch();
  // A four-core machine, as most sellers' are: the page reads a large All Orders file in two
  // halves only there (two cores gain nothing; web/sellerhealth.js), and this test checks that
  // path end to end. The workers still share this box's real cores.
  await browser.context.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', {get: () => 4, configurable: true});
  });
  app = await openApp(browser.context, server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

test('an idle page draws no frames', async () => {
  // Past the settle time after start-up and the last input, nothing changes: nothing is drawn.
  await app.page.waitForTimeout(1500);
  const before = await app.page.evaluate(() => sellerHealth.framesDrawn());
  await app.page.waitForTimeout(1500);
  const idle = await app.page.evaluate(() => sellerHealth.framesDrawn());
  assert.equal(idle, before, `the idle page drew ${idle - before} frames in 1.5 s`);
  // Input wakes it.
  await app.page.mouse.move(400, 300);
  await app.page.mouse.move(420, 310);
  await app.page.waitForFunction((n) => sellerHealth.framesDrawn() > n, idle, {timeout: 5000});
});

// Issue 9: a batch's start is one drawn frame (its layout passes run inside it), and a file
// done inside the batch waits for the next progress frame (at most one a second under this
// box's software GPU): five small files, loaded in well under a second, draw one frame until
// the result; the held result's frames come after. Two frames at the start, or one per file
// done (as before), fail it.
test('a batch of small files draws one frame until its result', async () => {
  const page = app.page;
  await page.evaluate(() => sellerHealth.clear());
  await page.waitForTimeout(1200);   // past the settling of earlier input
  const m = await page.evaluate(async () => {
    const head = 'amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n';
    const files = [0, 1, 2, 3, 4].map((i) => new File([head + `113-0000000-000000${i}\t2026-09-14T08:21:07+00:00\tShipped\tMerchant\n`], `orders_${i}.txt`));
    const before = sellerHealth.framesDrawn();
    const t0 = performance.now();
    const inputs = await sellerHealth.load(files);
    return {drawn: sellerHealth.framesDrawn() - before, ms: performance.now() - t0, rows: inputs.map((x) => x.rows)};
  });
  assert.deepEqual(m.rows, [1, 1, 1, 1, 1]);
  const allowed = 1 + Math.floor(m.ms / 1000);
  assert.ok(m.drawn >= 1 && m.drawn <= allowed, `the batch drew ${m.drawn} frames in ${m.ms.toFixed(0)} ms (at most ${allowed})`);
  // The page as the next test expects it: empty, and done settling.
  await page.evaluate(() => sellerHealth.clear());
  await page.waitForTimeout(1200);
});

test(`a ${MB} MB All Orders file streams through the file input while the page keeps drawing`, {timeout: 240000}, async () => {
  const t0 = Date.now();
  const {bytes, orders} = generate(MB);
  const generatedMs = Date.now() - t0;
  const page = app.page;
  await page.evaluate(() => {
    const m = window.__stream = {gaps: [], seen: [], framesAtStart: sellerHealth.framesDrawn(), framesAtRead: -1,
                                 readEndGap: 0, workerUsed: null, done: null, start: performance.now(), readAt: 0,
                                 longTasks: [], finishTasks: []};
    // Long tasks (> 50 ms on the page's thread): while the file is read, and after.
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (m.framesAtRead < 0 ? m.longTasks : m.finishTasks).push(e.duration);
    }).observe({type: 'longtask'});
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      const p = sellerHealth.progress();
      if (p && m.framesAtRead < 0) {
        m.workerUsed = p.worker;
        m.gaps.push(now - last);
        m.seen.push(p.bytesRead);
        if (p.bytesRead >= p.size) { m.framesAtRead = sellerHealth.framesDrawn(); m.readAt = now; }
      } else if (m.framesAtRead >= 0 && !m.done) {
        m.readEndGap = Math.max(m.readEndGap, now - last);   // the file handed to the session
      }
      last = now;
      if (!m.done) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.addEventListener('sellerhealthloaded', (e) => { m.done = {at: performance.now(), inputs: e.detail}; }, {once: true});
  });
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => window.__stream.done, null, {timeout: 200000, polling: 100});
  const m = await page.evaluate(() => window.__stream);
  const loadSeconds = (m.done.at - m.start) / 1000;
  // The first result (evaluate + JSON) after the file is in: not part of streaming.
  const r0 = Date.now();
  const result = await page.evaluate(() => sellerHealth.result());
  const resultMs = Date.now() - r0;

  const longest = Math.max(...m.gaps);
  const over50 = m.gaps.filter((g) => g > 50).length;
  const longestTask = Math.max(0, ...m.longTasks);
  const distinct = new Set(m.seen).size;
  console.log(`# ${(bytes / 1e6).toFixed(0)} MB, ${orders} orders (generated in ${generatedMs} ms): loaded in ${loadSeconds.toFixed(2)} s ` +
              `(${(bytes / 1e6 / loadSeconds).toFixed(0)} MB/s, worker: ${m.workerUsed}); ${m.gaps.length} animation frames while reading, ` +
              `longest gap ${longest.toFixed(0)} ms, ${over50} over 50 ms; long tasks while reading ${m.longTasks.length} ` +
              `(longest ${longestTask.toFixed(0)} ms), after ${m.finishTasks.map((d) => d.toFixed(0)).join(', ') || 'none'} ms; ` +
              `app frames drawn while reading ${m.framesAtRead - m.framesAtStart}; ` +
              `progress values seen ${distinct}; handing the records to the session held the thread ${m.readEndGap.toFixed(0)} ms; ` +
              `first result ${resultMs} ms`);

  assert.equal(m.workerUsed, true, 'the file was read by the ingest worker');
  // Issue 9: a file this large is read in two halves by two workers at once, the first worker
  // joins them (core/file_parts.h), and the joined figures still equal the CLI's below.
  const timings = await page.evaluate(() => sellerHealth.timings());
  console.log(`# where the time went: ${JSON.stringify(timings)}`);
  assert.equal(timings.files[0].parts?.length, 2, 'read in two halves');
  assert.ok(timings.files[0].joinMs > 0, 'joined in the worker');
  assert.equal(m.done.inputs[0].bytes, bytes);
  assert.equal(m.done.inputs[0].kind, 'amazon.all_orders');
  assert.equal(m.done.inputs[0].rows, orders);
  // Progress moved: at least half of the 8 MiB chunks were seen by a frame.
  assert.ok(distinct >= Math.min(5, Math.floor(bytes / (8 << 20) / 2)), `progress values seen: ${distinct}`);
  // The app kept drawing: the batch's first frame, then progress at least once a second (four
  // times with a graphics card; once under this box's SwiftShader: src/web/main.cpp).
  const readSeconds = (m.readAt - m.start) / 1000;
  const drawn = m.framesAtRead - m.framesAtStart;
  assert.ok(drawn >= 1 + Math.floor(readSeconds / 1.25), `the app drew ${drawn} frames in ${readSeconds.toFixed(2)} s of reading`);
  // And no more than that here: the batch's one frame and one a second (each frame costs this
  // software GPU ≈ 20 ms of CPU, taken from the worker; issue 9).
  assert.ok(drawn <= 1 + Math.ceil(readSeconds), `the app drew ${drawn} frames in ${readSeconds.toFixed(2)} s of reading (software GPU: one a second)`);
  assert.ok(longestTask <= MAX_LONG_TASK_MS, `a task held the page ${longestTask.toFixed(0)} ms while the file was read (bound ${MAX_LONG_TASK_MS} ms)`);
  assert.ok(longest <= MAX_GAP_MS, `no animation frame for ${longest.toFixed(0)} ms while the file was read (bound ${MAX_GAP_MS} ms)`);

  assert.ok(CLI, 'the CLI is needed (SH_CLI or build/native/seller-health)');
  const cli = spawnSync(CLI, ['--format', 'json', file], {encoding: 'utf8', maxBuffer: 256 << 20});
  assert.ok(cli.stdout, `the CLI printed nothing: ${cli.stderr}`);
  assert.deepEqual(comparable(result), comparable(JSON.parse(cli.stdout)));
});

// 200,000 one-item orders and a file that is not a report, read through sellerHealth.load in
// `page`: the inputs, whether the worker read each (timings()), the metrics.
const SMALL_ORDERS = 'amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n' +
  Array.from({length: 200000}, (_, i) => `113-1234567-${String(i).padStart(7, '0')}\t2026-09-14T08:21:07+00:00\t${i % 7 ? 'Shipped' : 'Cancelled'}\tMerchant\n`).join('');
const readSmall = (page) => page.evaluate(async (t) => {
  sellerHealth.clear();   // the app page still holds the large file of the test before
  const inputs = await sellerHealth.load([new File([t], 'orders.txt'), {name: 'notes.txt', text: 'not a report\n'}]);
  const r = sellerHealth.result();
  const files = sellerHealth.timings().files;
  return {inputs, workers: files.map((f) => f.worker), reads: files.map((f) => f.reads), metrics: r.metrics};
}, SMALL_ORDERS);

// A new page of the app with `init` run before its scripts; the wasm files it fetched.
async function openWith(init) {
  const page = await browser.context.newPage();
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(path.basename(new URL(r.url()).pathname)); });
  await page.addInitScript(init);
  await page.goto(server.url);
  await page.waitForFunction(() => window.sellerHealth !== undefined, null, {timeout: 30000});
  return {page, wasm};
}

test('without Worker the page reads files on its own thread, with the same results', async () => {
  const {page} = await openWith(() => { window.Worker = undefined; });
  const fallback = await readSmall(page);
  const worker = await readSmall(app.page);
  await page.close();
  assert.deepEqual(fallback.workers, [false, false]);
  assert.deepEqual(worker.workers, [true, true]);
  assert.deepEqual(fallback.inputs, worker.inputs);   // per-file summaries and errors alike
  assert.ok(fallback.inputs[1].error, 'the file that is not a report has its error');
  assert.deepEqual(fallback.metrics, worker.metrics);
});

// Issue 9: the page reads a file's stream into buffers it reuses (BYOB reads); a browser
// without BYOB reads of a file's stream gets File.slice chunks, with the same results.
test('without BYOB stream reads the worker is fed File.slice chunks, with the same results', async () => {
  const {page} = await openWith(() => {
    const getReader = ReadableStream.prototype.getReader;
    ReadableStream.prototype.getReader = function (options) {
      if (options && options.mode === 'byob') throw new TypeError('no BYOB reads here');
      return getReader.call(this, options);
    };
  });
  const slices = await readSmall(page);
  const stream = await readSmall(app.page);
  await page.close();
  assert.deepEqual(stream.reads, ['stream', 'stream']);
  assert.deepEqual(slices.reads, ['slices', 'slices']);
  assert.deepEqual(slices.inputs, stream.inputs);
  assert.deepEqual(slices.metrics, stream.metrics);
  assert.equal(stream.inputs[0].rows, 200000);
});

// Issue 9: one wasm module for the page and its worker; a browser that cannot validate wasm
// SIMD runs app-scalar.wasm (forced here: Chromium has SIMD), in its worker too.
test('without wasm SIMD the page and its worker run app-scalar.wasm, with the same results', async () => {
  const simd = await openWith(() => {});
  const scalar = await openWith(() => { window.SellerHealthForceScalar = true; });
  const withSimd = await readSmall(simd.page);
  const withoutSimd = await readSmall(scalar.page);
  await simd.page.close();
  await scalar.page.close();
  assert.ok(!simd.wasm.includes('app-scalar.wasm'), `fetched: ${simd.wasm}`);
  assert.ok(scalar.wasm.includes('app-scalar.wasm'), `fetched: ${scalar.wasm}`);   // app.wasm too: index.html preloads it
  assert.deepEqual(withoutSimd.workers, [true, true]);
  assert.deepEqual(withSimd.workers, [true, true]);
  assert.deepEqual(withoutSimd.inputs, withSimd.inputs);
  assert.deepEqual(withoutSimd.metrics, withSimd.metrics);
});
