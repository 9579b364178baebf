// Native figures: the seller-health CLI end to end on every generated file of a set
// (/usr/bin/time -v for wall time and peak RSS), and its ODR / cancel-rate figures.
import fs from 'node:fs';
import path from 'node:path';
import {spawnSync} from 'node:child_process';
import {OUT, median, uptime} from './lib.mjs';

function runOnce(cli, files, asOf) {
  const out = path.join(OUT, 'native-result.json');
  const args = ['-v', cli, '--format', 'json', '--as-of', asOf, ...files];
  const fd = fs.openSync(out, 'w');
  const r = spawnSync('/usr/bin/time', args, {stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20});
  fs.closeSync(fd);
  const err = r.stderr || '';
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(err);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
  const user = /User time \(seconds\): ([\d.]+)/.exec(err);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(err);
  if (!wall || !rss) throw new Error('could not run ' + cli + ':\n' + err.slice(-2000));
  return {
    seconds: Number(wall[1] || 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]),
    cpuSeconds: Number(user[1]) + Number(sys[1]),
    rssKb: Number(rss[1]),
    exit: r.status,
    result: JSON.parse(fs.readFileSync(out, 'utf8')),
  };
}

export function figuresOf(result) {
  const m = (id, scope) => result.metrics.find((x) => x.id === id && x.scope === scope && x.source === 'computed');
  const pair = (x) => (x ? {numerator: x.numerator, denominator: x.denominator} : null);
  return {cancel_rate: pair(m('cancel_rate', 'mfn')), odr_mfn: pair(m('odr', 'mfn'))};
}

// The RSS of the CLI reading a tiny file: the code and the tables (a chunk buffer's pages count
// only as far as a file fills them, so a large file's read buffers are not in it).
export function nativeBaseline(cli, set) {
  const small = set.files.find((f) => f.name.startsWith('claims')) || set.files[0];
  return runOnce(cli, [small.path], set.asOf).rssKb;
}

export function nativeRun(cli, set, reps, baselineKb, log) {
  const runs = [];
  for (let i = 0; i < reps; i++) {
    const load = uptime();
    const r = runOnce(cli, set.files.map((f) => f.path), set.asOf);
    runs.push({...r, load});
    log(`  native ${set.orders}: ${r.seconds.toFixed(2)} s, ${(set.bytes / 1e6 / r.seconds).toFixed(0)} MB/s, RSS ${(r.rssKb / 1024).toFixed(0)} MB (load ${load && load[0]})`);
  }
  const secs = median(runs.map((r) => r.seconds));
  const cpu = median(runs.map((r) => r.cpuSeconds));
  const rssKb = Math.max(...runs.map((r) => r.rssKb));
  const rows = runs[0].result.inputs.reduce((s, i) => s + (i.rows || 0), 0);
  return {
    orders: set.orders, bytes: set.bytes, files: set.files.length, rows, reps,
    seconds: secs, cpuSeconds: cpu,
    mbPerS: set.bytes / 1e6 / secs, mbPerCpuS: set.bytes / 1e6 / cpu, rowsPerS: rows / secs,
    peakRssMB: rssKb / 1024, baselineRssMB: baselineKb / 1024,
    bytesPerOrder: ((rssKb - baselineKb) * 1024) / set.orders,
    figures: figuresOf(runs[0].result), load: runs.map((r) => r.load && r.load[0]),
  };
}
