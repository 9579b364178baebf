// Helpers of the benchmark suite: generated sets, process memory, timing statistics, tables.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import {spawnSync} from 'node:child_process';

export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
export const OUT = path.join(ROOT, 'build/bench');
export const KINDS = 'amazon.all_orders,amazon.feedback,template.shipments,template.claims';
export const DAYS = 365;   // a year of orders (the interactivity figure asks for one)

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
export const mb = (bytes) => bytes / 1e6;
export const fmt = (x, digits = 0) => (x == null || Number.isNaN(x) ? '—' : Number(x).toFixed(digits));

export function uptime() {
  try { return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number); } catch { return null; }
}

// Generates (or reuses) build/bench/orders-N: All Orders, Feedback Manager, shipments and claims
// files for N orders over a year, plus the generator's truth.json.
export function ensureSet(orders, log) {
  const dir = path.join(OUT, `orders-${orders}`);
  const marker = path.join(dir, 'bench-set.json');
  const args = ['--orders', String(orders), '--days', String(DAYS), '--kinds', KINDS, '--seed', '1', '--quiet'];
  if (fs.existsSync(marker) && JSON.stringify(JSON.parse(fs.readFileSync(marker, 'utf8')).args) === JSON.stringify(args))
    return describeSet(dir, orders);
  fs.rmSync(dir, {recursive: true, force: true});
  log(`generating ${orders} orders into ${path.relative(ROOT, dir)} ...`);
  const t0 = Date.now();
  const r = spawnSync('python3', [path.join(ROOT, 'tests/gen/generate_reports.py'), ...args, '--out', dir], {stdio: 'inherit'});
  if (r.status !== 0) throw new Error(`generate_reports.py failed for ${orders} orders`);
  fs.writeFileSync(marker, JSON.stringify({args, seconds: (Date.now() - t0) / 1000}, null, 1));
  return describeSet(dir, orders);
}

function describeSet(dir, orders) {
  const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));
  const files = fs.readdirSync(dir).filter((f) => /\.(txt|csv)$/.test(f)).sort()
    .map((f) => ({name: f, path: path.join(dir, f), bytes: fs.statSync(path.join(dir, f)).size}));
  const metric = (id, scope) => truth.metrics.find((m) => m.id === id && m.scope === scope && m.source === 'computed');
  const pair = (m) => (m ? {numerator: m.numerator, denominator: m.denominator} : null);
  const ordersFiles = files.filter((f) => f.name.startsWith('all_orders'));
  const odrFiles = files.filter((f) => /^(all_orders|feedback|claims)/.test(f.name));   // the page workload
  return {
    orders, dir, files, ordersFiles, odrFiles, asOf: truth.as_of,
    itemRows: truth.orders.item_rows,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    odrBytes: odrFiles.reduce((s, f) => s + f.bytes, 0),
    truth: {orders: truth.orders.count, cancel_rate: pair(metric('cancel_rate', 'mfn')), odr_mfn: pair(metric('odr', 'mfn'))},
  };
}

function descendants(rootPid) {
  const parent = new Map();
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      parent.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const mine = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parent) if (!mine.has(pid) && mine.has(ppid)) { mine.add(pid); grew = true; }
  }
  mine.delete(rootPid);
  return mine;
}

// CPU seconds (user + system) used so far by this process's descendants (the browser).
export function descendantsCpuSeconds(rootPid = process.pid) {
  let ticks = 0;
  for (const pid of descendants(rootPid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch { /* gone */ }
  }
  return ticks / 100;   // USER_HZ
}

// Proportional set size (kB) of this process's descendants (the browser and its children).
export function descendantsPssKb(rootPid = process.pid) {
  const mine = descendants(rootPid);
  let kb = 0;
  for (const pid of mine) {
    try {
      const m = /\nPss:\s+(\d+) kB/.exec('\n' + fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch { /* gone */ }
  }
  return kb;
}

// Samples descendantsPssKb every `ms` while `fn` runs; returns fn's value, the baseline and peak.
export async function withMemory(fn, ms = 150) {
  const base = descendantsPssKb();
  const cpu0 = descendantsCpuSeconds();
  let peak = base;
  const timer = setInterval(() => { peak = Math.max(peak, descendantsPssKb()); }, ms);
  try {
    const value = await fn();
    peak = Math.max(peak, descendantsPssKb());
    return {value, baseKb: base, peakKb: peak, addedMB: (peak - base) / 1024, cpuSeconds: descendantsCpuSeconds() - cpu0};
  } finally {
    clearInterval(timer);
  }
}

export function sizes(siteDir, names) {
  return names.map((name) => {
    const file = path.join(siteDir, name);
    if (!fs.existsSync(file)) return {name, raw: null, gzip: null};
    const data = fs.readFileSync(file);
    return {name, raw: data.length, gzip: zlib.gzipSync(data, {level: 9}).length};
  });
}

// Prints rows (arrays) as an aligned table; the first row is the header.
export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(rows[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
}

export function sameFigures(a, b) {
  if (!a || !b) return false;
  const eq = (x, y) => x && y && x.numerator === y.numerator && x.denominator === y.denominator;
  return eq(a.cancel_rate, b.cancel_rate) && eq(a.odr_mfn, b.odr_mfn);
}
