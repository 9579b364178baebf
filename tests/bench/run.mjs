#!/usr/bin/env node
// The benchmark suite (issue 9): `node tests/bench/run.mjs [--orders 100000,1000000] [--quick]`.
// Generates the sets into build/bench/, builds the release CLI and web app in their own build
// dirs, then measures native, in-page (against PapaParse, DuckDB-WASM, a JS loop and the
// File-read floor), start-up and size, frame time, main-thread blocking and scaling. Prints
// tables and writes build/bench/results.json. Not part of the pass/fail test run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {OUT, ROOT, ensureSet, fmt, sameFigures, table, uptime} from './lib.mjs';
import {nativeBaseline, nativeRun} from './native.mjs';
import {pageBench} from './page.mjs';

function parseArgs(argv) {
  const o = {orders: [100000, 1000000], scaling: [], reps: 3, build: true, native: true, page: true,
             peers: ['jsloop', 'duckdb', 'papaparse'],
             cli: process.env.SH_CLI || path.join(ROOT, 'build/bench-native/seller-health'),
             site: process.env.SH_SITE || path.join(ROOT, 'build/bench-web/site')};
  const list = (s) => s.split(',').filter(Boolean);
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--orders') o.orders = list(next()).map(Number);
    else if (a === '--scaling') o.scaling = list(next()).map(Number);
    else if (a === '--reps') o.reps = Number(next());
    else if (a === '--quick') { o.orders = [100000]; o.reps = 1; }
    else if (a === '--no-build') o.build = false;
    else if (a === '--native-only') o.page = false;
    else if (a === '--page-only') o.native = false;
    else if (a === '--peers') o.peers = list(next());
    else if (a === '--cli') o.cli = path.resolve(next());
    else if (a === '--site') o.site = path.resolve(next());
    else if (a === '--help' || a === '-h') {
      console.log('node tests/bench/run.mjs [--orders 100000,1000000] [--scaling 10000,3000000] [--quick] [--reps N]\n' +
                  '  [--peers jsloop,duckdb,papaparse] [--native-only|--page-only] [--no-build] [--cli PATH] [--site DIR]');
      process.exit(0);
    } else throw new Error('unknown option ' + a);
  }
  return o;
}

const log = (s) => console.log(s);

function build(o) {
  const env = {...process.env, NODE_PATH: '/usr/share/nodejs'};
  const run = (cmd, args) => {
    log('$ ' + [cmd, ...args].join(' '));
    const r = spawnSync(cmd, args, {cwd: ROOT, stdio: 'inherit', env});
    if (r.status !== 0) throw new Error(cmd + ' failed');
  };
  if (o.native) {
    const dir = path.dirname(o.cli);
    if (!fs.existsSync(path.join(dir, 'build.ninja')))
      run('cmake', ['-S', ROOT, '-B', dir, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release']);
    run('cmake', ['--build', dir, '-j2', '--target', 'seller-health']);
  }
  if (o.page) {
    const dir = path.dirname(o.site);
    if (!fs.existsSync(path.join(dir, 'build.ninja')))
      run('emcmake', ['cmake', '-S', ROOT, '-B', dir, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release', '-DSH_WERROR=ON']);
    run('cmake', ['--build', dir, '-j2']);
  }
}

function agreement(name, figures, truth) {
  return sameFigures(figures, truth) ? 'yes' : `NO (${JSON.stringify(figures)})`;
}

async function main() {
  const o = parseArgs(process.argv);
  fs.mkdirSync(OUT, {recursive: true});
  const started = new Date().toISOString();
  const loadStart = uptime();
  log(`Seller Health benchmark, ${started}, ${os.cpus().length} CPUs, load average ${loadStart.join(' ')}`);
  if (o.build) build(o);

  const pageSets = o.orders.map((n) => ensureSet(n, log));
  const allOrders = [...new Set([...o.scaling, ...o.orders])].sort((a, b) => a - b);
  const nativeSets = allOrders.map((n) => pageSets.find((s) => s.orders === n) || ensureSet(n, log));
  const results = {started, cpus: os.cpus().length, loadAtStart: loadStart, options: o, native: [], page: null};

  if (o.native) {
    log('\n== native: seller-health CLI end to end (all files of a set)');
    const baseKb = nativeBaseline(o.cli, nativeSets[0]);
    for (const set of nativeSets) results.native.push(nativeRun(o.cli, set, o.reps, baseKb, log));
  }
  if (o.page) {
    log('\n== in the page (headless Chromium)');
    results.page = await pageBench(o.site, pageSets, o, log);
  }
  results.loadAtEnd = uptime();
  fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 1));

  // --- the tables ---------------------------------------------------------------------------
  if (results.native.length) {
    log(`\nNative (CLI end to end: all files of a set; median of ${o.reps}; load average at the start ${loadStart[0]})`);
    table([['orders', 'MB', 'seconds', 'MB/s', 'MB/CPU-s', 'rows/s', 'peak RSS MB', 'B/order', 'figures = truth'],
      ...results.native.map((r) => {
        const set = nativeSets.find((s) => s.orders === r.orders);
        return [r.orders, fmt(r.bytes / 1e6, 1), fmt(r.seconds, 2), fmt(r.mbPerS), fmt(r.mbPerCpuS), fmt(r.rowsPerS),
                fmt(r.peakRssMB, 1), fmt(r.bytesPerOrder, 1), agreement('native', r.figures, set.truth)];
      })]);
    if (results.native.length > 1) {
      log('\nScaling (native): time and memory per order should stay flat');
      table([['orders', 'µs/order (wall)', 'µs/order (CPU)', 'B/order (RSS − baseline)', 'B/order (marginal)'],
        ...results.native.map((r, i) => {
          const prev = results.native[i - 1];
          const marginal = prev ? ((r.peakRssMB - prev.peakRssMB) * 1048576) / (r.orders - prev.orders) : null;
          r.marginalBytesPerOrder = marginal;
          return [r.orders, fmt((r.seconds * 1e6) / r.orders, 2), fmt((r.cpuSeconds * 1e6) / r.orders, 2),
                  fmt(r.bytesPerOrder, 1), fmt(marginal, 1)];
        })]);
      fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 1));
    }
  }
  if (results.page) {
    const s = results.page.startup;
    log(`\nStart-up: first frame ${fmt(s.firstFrameMs)} ms (median of 5 warm loads, from navigation; the first load, cold: ` +
        `${fmt(s.coldFirstFrameMs)} ms), API ready ${fmt(s.readyMs)} ms`);
    const wasmJs = s.files.filter((f) => /\.(wasm|js)$/.test(f.name)).map((f) => f.name).join(', ');
    log(`Size (KB = 1,000 bytes): wasm + js fetched at start (${wasmJs}) ${fmt(s.wasmJsRaw / 1000)} KB raw, ` +
        `${fmt(s.wasmJsGzip / 1000)} KB gzip (target ≤ 600); everything fetched at start ${fmt(s.allRaw / 1000)} KB raw, ` +
        `${fmt(s.allGzip / 1000)} KB gzip`);
    log(`CJK font fetched by the page at start: ${s.cjkFetchedAtStart ? 'YES' : 'no'}; fetched for the Chinese UI: ` +
        `${s.cjkFetchedForChinese ? 'yes' : 'NO'}; precached by the service worker (offline use): ${s.cjkPrecachedByServiceWorker ? 'yes' : 'no'}`);
    for (const set of results.page.sets) {
      const app = set.app;
      log(`\nIn the page, ${set.orders} orders (All Orders + Feedback + claims, ${fmt(set.bytes / 1e6, 1)} MB; ` +
          `median of ${o.reps}, PapaParse at 1 M once)`);
      const rows = [['contender', 'seconds', 'MB/s', 'ours ×', 'MB/CPU-s', 'added memory MB', 'ODR/cancel = truth']];
      rows.push(['seller-health (load → result)', fmt(app.ms / 1000, 2), fmt(app.mbPerS), '1.00', fmt(app.mbPerCpuS), fmt(app.addedMemoryMB),
                 agreement('app', app.figures, set.truth)]);
      const held = set.appFramesHeld;
      if (held) rows.push(['seller-health, UI frames held (≈ a worker)', fmt(held.ms / 1000, 2), fmt(held.mbPerS),
                           fmt(held.ms / app.ms, 2), fmt(held.mbPerCpuS), fmt(held.addedMemoryMB), agreement('held', held.figures, set.truth)]);
      for (const [name, p] of Object.entries(set.peers)) {
        if (name === 'errors') continue;
        rows.push([name + (p.startupMs ? ` (+${fmt(p.startupMs)} ms start-up)` : ''), fmt(p.ms / 1000, 2), fmt(p.mbPerS),
                   fmt(p.ms / app.ms, 2), fmt(p.mbPerCpuS), fmt(p.addedMemoryMB),
                   p.figures ? agreement(name, p.figures, set.truth) : '—']);
      }
      table(rows);
      for (const [name, what] of [['file-read floor', 'File-read floor (File.slice)'],
                                  ['file-read floor, stream (BYOB)', 'File-read floor through the stream (BYOB, as the app reads)']]) {
        const floor = set.peers[name];
        if (floor) log(`ours / floor: ${fmt((100 * floor.ms) / app.ms)} % of the ${what}` +
                       (held ? ` (${fmt((100 * floor.ms) / held.ms)} % with the UI's frames held)` : ''));
      }
      log(`app: load ${fmt(app.loadMs)} ms + result ${fmt(app.resultMs)} ms; ${fmt(app.rowsPerS)} rows/s`);
      if (app.interactivity) {
        log('Frame CPU time with these orders loaded (NewFrame → Render):');
        table([['panel', 'median ms', 'p95 ms', 'max ms'],
          ...Object.entries(app.interactivity).map(([k, v]) => [k, fmt(v.medianMs, 2), fmt(v.p95Ms, 2), fmt(v.maxMs, 2)])]);
      }
      if (app.blocking) {
        const b = app.blocking;
        log(`Main thread while streaming ${fmt(set.bytes / 1e6)} MB: longest frame gap ${fmt(b.maxFrameGapStreamMs)} ms, ` +
            `${b.gapsOver50Stream} gaps > 50 ms in ${b.frames} frames, longest long task until the result ${fmt(b.maxLongTaskStreamMs)} ms; ` +
            `at the end of the load (order index, evaluation): longest gap ${fmt(b.maxFrameGapEndMs)} ms; ` +
            `around a script's result() call: ${fmt(b.maxFrameGapResultMs)} ms`);
      }
    }
  }
  log(`\nload average at the end ${results.loadAtEnd.join(' ')}; figures in ${path.relative(ROOT, path.join(OUT, 'results.json'))}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
