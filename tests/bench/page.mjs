// In-page figures, in one headless Chromium session: the app (window.sellerHealth.load from
// disk-backed File objects to the finished result), the peers on a plain page served by the same
// local server (PapaParse, DuckDB-WASM, a JS loop) and the File-read floor; start-up and size;
// frame CPU time with a year of orders loaded; the longest main-thread block while a file streams.
import fs from 'node:fs';
import path from 'node:path';
import {launch} from '../browser/browser.mjs';
import {startServer} from '../browser/server.mjs';
import {OUT, ROOT, median, sizes, uptime, withMemory} from './lib.mjs';

// One served root: the built site under /app/, the peers' page under /peers/, node_modules.
function makeWebRoot(site) {
  const www = path.join(OUT, 'www');
  fs.rmSync(www, {recursive: true, force: true});
  fs.mkdirSync(www, {recursive: true});
  fs.symlinkSync(site, path.join(www, 'app'));
  fs.symlinkSync(path.join(ROOT, 'tests/bench/peers'), path.join(www, 'peers'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(www, 'node_modules'));
  return www;
}

// Marks the first frame the app has drawn (frameMs() > 0) on the app's pages.
const FIRST_FRAME_PROBE = `
  if (location.pathname.startsWith('/app/')) {
    window.__bench = {ready: null, firstFrame: null};
    window.addEventListener('sellerhealthready', () => { window.__bench.ready = performance.now(); });
    // For the "frames held" run: the app's main loop (requestAnimationFrame) paused while the
    // files stream, i.e. the core's own speed in the page, what a Web Worker would see.
    const raf = window.requestAnimationFrame.bind(window);
    let held = [];
    window.__benchHoldFrames = (on) => {
      window.__benchHold = on;
      if (!on) { const h = held; held = []; for (const cb of h) raf(cb); }
    };
    window.requestAnimationFrame = (cb) => (window.__benchHold ? (held.push(cb), 0) : raf(cb));
    (function poll() {
      if (window.sellerHealth && window.sellerHealth.frameMs() > 0) { window.__bench.firstFrame = performance.now(); return; }
      requestAnimationFrame(poll);
    })();
  }`;

async function openPage(context, url, readyFn) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(readyFn, null, {timeout: 60000});
  return {page, errors};
}

async function setFiles(page, id, paths) {
  await page.evaluate((id) => {
    if (document.getElementById(id)) return;
    const input = document.createElement('input');
    input.type = 'file'; input.multiple = true; input.id = id; input.hidden = true;
    document.body.appendChild(input);   // not the app's own input: no change handler
  }, id);
  await page.setInputFiles('#' + id, paths);
}

export async function startupAndSize(context, server, site, log) {
  const runs = [];
  let pageFiles = [];
  // One cold load (the browser's first visit: nothing cached, the service worker installs),
  // then five warm ones: the figure is the warm loads' median, the cold one is given apart.
  for (let i = 0; i < 6; i++) {
    // The page's own requests (what the seller waits for); the service worker's precache
    // downloads (for offline use, after start) are counted apart.
    const page = await context.newPage();
    const own = [];
    const sw = [];
    page.on('request', (r) => own.push(new URL(r.url()).pathname));
    const onContext = (r) => { if (r.serviceWorker()) sw.push(new URL(r.url()).pathname); };
    context.on('request', onContext);
    await page.goto(server.url + 'app/index.html');
    await page.waitForFunction(() => window.__bench && window.__bench.firstFrame !== null, null, {timeout: 60000});
    const t = await page.evaluate(() => ({firstFrame: window.__bench.firstFrame, ready: window.__bench.ready}));
    await page.waitForTimeout(1000);
    const cjkAtStart = own.some((r) => r.includes('cjk'));
    let cjkForChinese = null;
    if (i === 0) {
      pageFiles = [...new Set(own.filter((r) => r.startsWith('/app/')).map((r) => r.slice(5) || 'index.html'))];
      await page.evaluate(() => window.sellerHealth.setLanguage('zh-Hans'));
      await page.waitForFunction(() => window.sellerHealth.cjkFontLoaded(), null, {timeout: 30000}).catch(() => {});
      cjkForChinese = own.some((r) => r.includes('cjk'));
      await page.evaluate(() => window.sellerHealth.setLanguage('en'));
    }
    context.off('request', onContext);
    runs.push({...t, cjkFetchedAtStart: cjkAtStart, cjkFetchedForChinese: cjkForChinese,
               serviceWorkerPrecache: [...new Set(sw)], load: uptime()[0]});
    log(`  start-up ${i + 1}: first frame ${t.firstFrame.toFixed(0)} ms (load ${uptime()[0]})`);
    await page.close();
  }
  const files = sizes(site, pageFiles.filter((f) => !f.includes('cjk')));
  // Every wasm and js file the page and its worker fetched at start (not the service worker's).
  const core = files.filter((f) => /\.(wasm|js)$/.test(f.name));
  return {
    firstFrameMs: median(runs.slice(1).map((r) => r.firstFrame)), coldFirstFrameMs: runs[0].firstFrame,
    readyMs: median(runs.slice(1).map((r) => r.ready)), runs,
    files, wasmJsRaw: core.reduce((s, f) => s + f.raw, 0), wasmJsGzip: core.reduce((s, f) => s + f.gzip, 0),
    allRaw: files.reduce((s, f) => s + (f.raw || 0), 0), allGzip: files.reduce((s, f) => s + (f.gzip || 0), 0),
    cjkFetchedAtStart: runs.some((r) => r.cjkFetchedAtStart), cjkFetchedForChinese: runs[0].cjkFetchedForChinese,
    cjkPrecachedByServiceWorker: runs[0].serviceWorkerPrecache.some((r) => r.includes('cjk')),
  };
}

const pickFigures = (result) => {
  const m = (id, scope) => result.metrics.find((x) => x.id === id && x.scope === scope && x.source === 'computed');
  const pair = (x) => (x ? {numerator: x.numerator, denominator: x.denominator} : null);
  return {cancel_rate: pair(m('cancel_rate', 'mfn')), odr_mfn: pair(m('odr', 'mfn'))};
};

// The app: load(files) then result(), `reps` times; memory sampled over the first run.
export async function appRun(context, server, set, reps, log, {interactivity = false, blocking = false, holdFrames = false} = {}) {
  const {page, errors} = await openPage(context, server.url + 'app/index.html', () => window.sellerHealth !== undefined);
  // As a seller's page would be when they pick their files: done with its start-up warm-up
  // (web/sellerhealth.js; it begins 300 ms after the API appears and takes ≈ 0.3–0.6 s).
  await page.waitForFunction(() => window.sellerHealth.timings().warmUp !== null, null, {timeout: 15000}).catch(() => {});
  await setFiles(page, 'bench-files', set.odrFiles.map((f) => f.path));
  const once = () => page.evaluate(async (hold) => {
    window.sellerHealth.clear();
    const files = Array.from(document.getElementById('bench-files').files);
    if (hold) window.__benchHoldFrames(true);
    const t0 = performance.now();
    const inputs = await window.sellerHealth.load(files);
    const t1 = performance.now();
    const result = window.sellerHealth.result();
    const t2 = performance.now();
    if (hold) window.__benchHoldFrames(false);
    return {loadMs: t1 - t0, resultMs: t2 - t1, ms: t2 - t0, rows: inputs.reduce((s, i) => s + (i.rows || 0), 0),
            timings: window.sellerHealth.timings(),
            metrics: result.metrics.filter((m) => m.id === 'odr' || m.id === 'cancel_rate')};
  }, holdFrames);
  const runs = [];
  let memory = null;
  for (let i = 0; i < reps; i++) {
    const load = uptime()[0];
    let r;
    if (i === 0) { const m = await withMemory(once); r = m.value; memory = m; } else r = await once();
    runs.push({...r, load});
    log(`  app${holdFrames ? ' (frames held)' : ''} ${set.orders}: ${(r.ms / 1000).toFixed(2)} s (load ${r.loadMs.toFixed(0)} ms + result ${r.resultMs.toFixed(0)} ms), ${(set.odrBytes / 1e3 / r.ms).toFixed(0)} MB/s (load ${load})`);
    // Where the time went (sellerHealth.timings()): per file, and the batch's one evaluation.
    const ms = (v) => (v === undefined ? '-' : v.toFixed(0));
    for (const f of r.timings.files)
      log(`    ${f.name}: ${f.parts ? 'two halves, ' : ''}wait ${ms(f.waitMs)} ms, parse ${ms(f.parseMs)} ms, ${f.parts ? `join ${ms(f.joinMs)} ms (worker), ` : ''}encode ${ms(f.encodeMs)} ms, decode ${ms(f.decodeMs)} ms, total ${ms(f.totalMs)} ms`);
    log(`    order index ${ms(r.timings.indexMs)} ms, evaluate ${ms(r.timings.evaluateMs)} ms`);
    const w = r.timings.warmUp;   // the page's start-up warm-up (web/sellerhealth.js), if it ran
    if (i === 0 && w) log(`    warm-up at start-up: ${ms(w.totalMs)} ms (worker ${ms(w.workerMs)} ms, ${w.rounds} rounds, longest step ${ms(w.longestStepMs)} ms)`);
  }
  const ms = median(runs.map((r) => r.ms));
  const out = {
    name: holdFrames ? 'seller-health, UI frames held' : 'seller-health', orders: set.orders, bytes: set.odrBytes, ms, mbPerS: set.odrBytes / 1e3 / ms,
    loadMs: median(runs.map((r) => r.loadMs)), resultMs: median(runs.map((r) => r.resultMs)),
    rowsPerS: runs[0].rows / (ms / 1000), addedMemoryMB: memory.addedMB,
    cpuSeconds: memory.cpuSeconds, mbPerCpuS: set.odrBytes / 1e6 / memory.cpuSeconds,
    figures: pickFigures({metrics: runs[0].metrics}), runs: runs.map((r) => ({ms: r.ms, load: r.load, timings: r.timings})), errors,
  };
  if (interactivity) out.interactivity = await frames(page, log);
  if (blocking) out.blocking = await blockingWhileStreaming(page, set, log);
  await page.close();
  return out;
}

// CPU time per frame (NewFrame to Render, the app's own figure) in each panel, orders loaded.
async function frames(page, log) {
  const panels = ['overview', 'drilldown', 'today', 'feedback', 'whatif', 'files'];
  const out = {};
  for (const panel of panels) {
    const ms = await page.evaluate(async (panel) => {
      if (panel === 'drilldown') window.sellerHealth.selectMetric('odr', 'mfn');
      window.sellerHealth.showPanel(panel);
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (let i = 0; i < 5; i++) await frame();
      const xs = [];
      for (let i = 0; i < 60; i++) { await frame(); xs.push(window.sellerHealth.frameMs()); }
      return xs;
    }, panel);
    const sorted = [...ms].sort((a, b) => a - b);
    out[panel] = {medianMs: median(ms), p95Ms: sorted[Math.floor(sorted.length * 0.95)], maxMs: sorted[sorted.length - 1]};
    log(`  frame ${panel}: median ${out[panel].medianMs.toFixed(2)} ms, max ${out[panel].maxMs.toFixed(2)} ms`);
  }
  await page.evaluate(() => window.sellerHealth.showPanel('overview'));
  return out;
}

// The longest gap between animation frames and the long tasks while the files stream in
// (load), and separately while the result is computed.
async function blockingWhileStreaming(page, set, log) {
  const r = await page.evaluate(async () => {
    window.sellerHealth.clear();
    const files = Array.from(document.getElementById('bench-files').files);
    const gaps = [];
    let last = performance.now(), phase = 'stream', running = true;
    // Phases: 'stream' while a file's bytes are still being read, 'end' once they all are until
    // load() resolves (decoding, the order index, the evaluation: what a seller's page does),
    // 'result' the script's own result() call (a 5 MB JSON text) and two frames.
    const tick = (t) => {
      const p = window.sellerHealth.progress();
      if (phase !== 'result') phase = p && p.bytesRead < p.size ? 'stream' : 'end';  // a gap counts where it ends
      gaps.push({phase, at: last, gap: t - last}); last = t; if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const longs = [];
    const obs = new PerformanceObserver((list) => { for (const e of list.getEntries()) longs.push({start: e.startTime, ms: e.duration}); });
    obs.observe({type: 'longtask'});
    const t0 = performance.now();
    await window.sellerHealth.load(files);
    const t1 = performance.now();
    // Two frames first, as a seller's page draws them with the new result (no script call).
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    phase = 'result';
    window.sellerHealth.result();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const t2 = performance.now();
    running = false;
    await new Promise((r) => setTimeout(r, 50));
    obs.disconnect();
    const streamLongs = longs.filter((l) => l.start >= t0 && l.start < t1);
    const stream = gaps.filter((g) => g.phase === 'stream');
    const end = gaps.filter((g) => g.phase === 'end');
    const result = gaps.filter((g) => g.phase === 'result');
    const max = (xs) => xs.reduce((m, x) => Math.max(m, x), 0);
    return {
      streamMs: t1 - t0, resultMs: t2 - t1, frames: stream.length,
      maxFrameGapStreamMs: max(stream.map((g) => g.gap)), maxFrameGapEndMs: max(end.map((g) => g.gap)),
      maxFrameGapResultMs: max(result.map((g) => g.gap)),
      gapsOver50Stream: stream.filter((g) => g.gap > 50).length,
      longTasksStream: streamLongs.length, maxLongTaskStreamMs: max(streamLongs.map((l) => l.ms)),
      maxLongTaskMs: max(longs.map((l) => l.ms)),
    };
  });
  log(`  blocking ${set.orders}: longest frame gap while streaming ${r.maxFrameGapStreamMs.toFixed(0)} ms, ` +
      `${r.gapsOver50Stream} gaps > 50 ms in ${r.frames} frames; at the end of the load (order index, evaluation) ` +
      `${r.maxFrameGapEndMs.toFixed(0)} ms; around the script's result() call ${r.maxFrameGapResultMs.toFixed(0)} ms`);
  return r;
}

// The peers and the floor on the plain page, same files, same browser session.
export async function peersRun(context, server, set, reps, log, {peers}) {
  const {page, errors} = await openPage(context, server.url + 'peers/peers.html', () => window.bench && window.bench.ready);
  await setFiles(page, 'orders', set.ordersFiles.map((f) => f.path));
  await setFiles(page, 'others', set.odrFiles.filter((f) => !f.name.startsWith('all_orders')).map((f) => f.path));
  const out = {};
  const one = async (name, call, n) => {
    const runs = [];
    let memory = null;
    for (let i = 0; i < n; i++) {
      const load = uptime()[0];
      let r;
      if (i === 0) { const m = await withMemory(() => page.evaluate(call, set.asOf)); r = m.value; memory = m; }
      else r = await page.evaluate(call, set.asOf);
      runs.push({...r, load});
      log(`  ${name} ${set.orders}: ${(r.ms / 1000).toFixed(2)} s, ${(set.odrBytes / 1e3 / r.ms).toFixed(0)} MB/s (load ${load})`);
    }
    const ms = median(runs.map((r) => r.ms));
    out[name] = {name, orders: set.orders, bytes: set.odrBytes, ms, mbPerS: set.odrBytes / 1e3 / ms,
                 addedMemoryMB: memory.addedMB, cpuSeconds: memory.cpuSeconds, mbPerCpuS: set.odrBytes / 1e6 / memory.cpuSeconds,
                 figures: runs[0].figures, runs: runs.map((r) => ({ms: r.ms, load: r.load}))};
  };
  await one('file-read floor', (asOf) => window.bench.floor(asOf), reps);
  await one('file-read floor, stream (BYOB)', (asOf) => window.bench.floorStream(asOf), reps);
  if (peers.includes('jsloop')) await one('JS loop', (asOf) => window.bench.jsloop(asOf), reps);
  if (peers.includes('duckdb')) {
    const s = await page.evaluate(() => window.bench.duckdbStart());
    log(`  DuckDB-WASM start-up: ${s.ms.toFixed(0)} ms`);
    await one('DuckDB-WASM', (asOf) => window.bench.duckdb(asOf), reps);
    out['DuckDB-WASM'].startupMs = s.ms;
  }
  if (peers.includes('papaparse')) await one('PapaParse', (asOf) => window.bench.papa(asOf), Math.min(reps, set.orders >= 1000000 ? 1 : reps));
  out.errors = errors;
  await page.close();
  return out;
}

export async function pageBench(site, sets, opts, log) {
  const www = makeWebRoot(site);
  const server = await startServer(www);
  const {context, close} = await launch();
  await context.addInitScript(FIRST_FRAME_PROBE);
  const res = {startup: null, sets: []};
  try {
    log('start-up and size');
    res.startup = await startupAndSize(context, server, site, log);
    const largest = sets[sets.length - 1];
    for (const set of sets) {
      const last = set === largest;
      const entry = {orders: set.orders, bytes: set.odrBytes, files: set.odrFiles.map((f) => f.name), truth: set.truth};
      entry.peers = await peersRun(context, server, set, opts.reps, log, opts);
      entry.app = await appRun(context, server, set, opts.reps, log, {interactivity: last, blocking: last});
      entry.appFramesHeld = await appRun(context, server, set, opts.reps, log, {holdFrames: true});
      res.sets.push(entry);
    }
  } finally {
    await close();
    await server.close();
  }
  return res;
}
