// The peers' side of the page benchmark: the File-read floor, PapaParse, DuckDB-WASM and a
// hand-written JS loop, each computing the same figures from the same File objects:
// distinct orders, per-day mfn order and cancel counts, cancel_rate (mfn, 7 days ending as_of,
// buyer-requested cancellations left out) and odr mfn (orders of as_of-73 … as_of-14 with a
// 1–2 star feedback, an open/granted a-to-z claim not Amazon-funded, or an open/granted
// chargeback not fraud). run.mjs checks them against the app and the generator's truth.
import * as duckdb from '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';

const CHUNK = 8 << 20;
const MFN = new Set(['Merchant', 'MFN', 'Seller']);
const CANCELLED = new Set(['Cancelled', 'Canceled']);

function dayPlus(day, n) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function windows(asOf) {
  return {cancelFrom: dayPlus(asOf, -6), cancelTo: asOf, odrFrom: dayPlus(asOf, -73), odrTo: dayPlus(asOf, -14)};
}

// Order facts gathered row by row: the first row gives day and channel; cancelled or
// buyer-requested on any row marks the order.
class OrderFold {
  constructor() { this.orders = new Map(); this.rows = 0; }
  add(id, purchaseDate, channel, status, buyer) {
    this.rows++;
    let o = this.orders.get(id);
    if (!o) { o = {day: purchaseDate.slice(0, 10), mfn: MFN.has(channel), cancelled: false, buyer: false}; this.orders.set(id, o); }
    if (CANCELLED.has(status)) o.cancelled = true;
    if (buyer === 'true' || buyer === 'yes' || buyer === 'Yes') o.buyer = true;
  }
}

function isDefectClaim(type, status, funded, reason) {
  const t = (type || '').toLowerCase(), s = (status || '').toLowerCase();
  if (s !== 'open' && s !== 'granted') return false;
  if (t === 'a-to-z' || t === 'atoz' || t === 'a2z') return (funded || '').toLowerCase() !== 'yes';
  if (t === 'chargeback') return (reason || '').toLowerCase() !== 'fraud';
  return false;
}

function figures(fold, defects, asOf) {
  const w = windows(asOf);
  const perDay = new Map();   // day -> [mfn orders, mfn cancels]
  let cancelNum = 0, cancelDen = 0, odrNum = 0, odrDen = 0;
  for (const [id, o] of fold.orders) {
    if (!o.mfn) continue;
    let d = perDay.get(o.day);
    if (!d) perDay.set(o.day, d = [0, 0]);
    d[0]++;
    if (o.cancelled && !o.buyer) d[1]++;
    if (o.day >= w.odrFrom && o.day <= w.odrTo) { odrDen++; if (defects.has(id)) odrNum++; }
  }
  for (const [day, [n, c]] of perDay)
    if (day >= w.cancelFrom && day <= w.cancelTo) { cancelDen += n; cancelNum += c; }
  return {orders: fold.orders.size, rows: fold.rows, days: perDay.size,
          cancel_rate: {numerator: cancelNum, denominator: cancelDen},
          odr_mfn: {numerator: odrNum, denominator: odrDen}};
}

// --- the File-read floor: every byte read through File.slice().arrayBuffer(), nothing else --
async function floor(files) {
  const t0 = performance.now();
  let bytes = 0, x = 0;
  for (const f of files)
    for (let off = 0; off < f.size; off += CHUNK) {
      const b = new Uint8Array(await f.slice(off, off + CHUNK).arrayBuffer());
      bytes += b.length; x ^= b[b.length - 1];
    }
  return {ms: performance.now() - t0, bytes, check: x};
}

// --- the same floor through the files' streams, read into one reused buffer (BYOB reads):
// how the app reads a file where the browser can (web/sellerhealth.js, chunkSource) -------
async function floorStream(files) {
  const t0 = performance.now();
  let bytes = 0, x = 0;
  let buffer = new ArrayBuffer(CHUNK);
  for (const f of files) {
    const reader = f.stream().getReader({mode: 'byob'});
    for (;;) {
      const {done, value} = await reader.read(new Uint8Array(buffer));
      if (value) buffer = value.buffer;
      if (done) break;
      bytes += value.length; x ^= value[value.length - 1];
    }
  }
  return {ms: performance.now() - t0, bytes, check: x};
}

// --- PapaParse (header: true, streaming chunks from the File) ---------------------------
function papaFile(file, tsv, onRow) {
  return new Promise((resolve, reject) => {
    Papa.parse(file, {
      header: true, delimiter: tsv ? '\t' : ',', skipEmptyLines: true, fastMode: tsv,
      chunkSize: CHUNK,
      chunk: (results) => { for (const row of results.data) onRow(row); },
      complete: resolve, error: reject,
    });
  });
}

async function papa({orders, feedback, claims}, asOf) {
  const t0 = performance.now();
  const fold = new OrderFold();
  const defects = new Set();
  for (const f of orders)
    await papaFile(f, true, (r) => fold.add(r['amazon-order-id'], r['purchase-date'], r['fulfillment-channel'],
                                            r['order-status'], r['is-buyer-requested-cancellation']));
  for (const f of feedback)
    await papaFile(f, true, (r) => { if (r['Rating'] === '1' || r['Rating'] === '2') defects.add(r['Order ID']); });
  for (const f of claims)
    await papaFile(f, false, (r) => { if (isDefectClaim(r['type'], r['status'], r['amazon-funded'], r['reason'])) defects.add(r['order-id']); });
  const result = figures(fold, defects, asOf);
  return {ms: performance.now() - t0, figures: result};
}

// --- a hand-written JS loop over the bytes (the orders files); small files by split -------
async function jsloop({orders, feedback, claims}, asOf) {
  const t0 = performance.now();
  const fold = new OrderFold();
  const defects = new Set();
  const latin = (b, s, e) => String.fromCharCode.apply(null, b.subarray(s, e));
  for (const f of orders) {
    let carry = new Uint8Array(0);
    let cols = null;   // indexes of the columns we read
    for (let off = 0; off < f.size; off += CHUNK) {
      const chunk = new Uint8Array(await f.slice(off, off + CHUNK).arrayBuffer());
      let buf = chunk;
      if (carry.length) { buf = new Uint8Array(carry.length + chunk.length); buf.set(carry); buf.set(chunk, carry.length); }
      let start = 0;
      const last = off + CHUNK >= f.size;
      for (;;) {
        let end = buf.indexOf(10, start);
        if (end < 0) { if (!last || start >= buf.length) break; end = buf.length; }
        const fields = [];
        let s = start;
        for (let i = start; i <= end; i++) if (i === end || buf[i] === 9) { fields.push([s, i]); s = i + 1; }
        if (!cols) {
          const names = fields.map(([a, b]) => latin(buf, a, b).replace(/\r$/, ''));
          cols = ['amazon-order-id', 'purchase-date', 'fulfillment-channel', 'order-status', 'is-buyer-requested-cancellation'].map((n) => names.indexOf(n));
        } else if (end > start + 1) {
          const get = (c) => (c >= 0 && c < fields.length ? latin(buf, fields[c][0], fields[c][1]) : '');
          fold.add(get(cols[0]), get(cols[1]), get(cols[2]), get(cols[3]), get(cols[4]));
        }
        start = end + 1;
        if (start >= buf.length) break;
      }
      carry = start < buf.length ? buf.slice(start) : new Uint8Array(0);
    }
  }
  for (const f of feedback) {
    const lines = (await f.text()).split('\n');
    for (let i = 1; i < lines.length; i++) { const c = lines[i].split('\t'); if (c[1] === '1' || c[1] === '2') defects.add(c[4]); }
  }
  for (const f of claims) {
    const lines = (await f.text()).split(/\r?\n/);
    for (let i = 1; i < lines.length; i++) { const c = lines[i].split(','); if (c.length >= 7 && isDefectClaim(c[3], c[4], c[5], c[6])) defects.add(c[0]); }
  }
  return {ms: performance.now() - t0, figures: figures(fold, defects, asOf)};
}

// --- DuckDB-WASM (eh bundle, one worker, files registered as browser File handles) --------
let db = null;
async function duckdbStart() {
  const t0 = performance.now();
  const dist = '/node_modules/@duckdb/duckdb-wasm/dist/';
  const worker = new Worker(dist + 'duckdb-browser-eh.worker.js');
  db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(dist + 'duckdb-eh.wasm');
  const conn = await db.connect();
  await conn.query('SELECT 1');
  await conn.close();
  return {ms: performance.now() - t0};
}

async function duckdbRun({orders, feedback, claims}, asOf) {
  const t0 = performance.now();
  const names = [];
  for (const [group, files] of [['o', orders], ['f', feedback], ['c', claims]])
    for (let i = 0; i < files.length; i++) {
      const name = `${group}${i}_${Date.now()}.${group === 'c' ? 'csv' : 'txt'}`;
      await db.registerFileHandle(name, files[i], duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
      names.push([group, name]);
    }
  const list = (g) => '[' + names.filter(([x]) => x === g).map(([, n]) => `'${n}'`).join(',') + ']';
  const w = windows(asOf);
  const tsv = "delim='\\t', header=true, quote='', escape='', all_varchar=true";
  const conn = await db.connect();
  await conn.query(`CREATE OR REPLACE TEMP TABLE o AS
    SELECT "amazon-order-id" AS id, min(substr("purchase-date", 1, 10)) AS day,
           bool_or("fulfillment-channel" IN ('Merchant','MFN','Seller')) AS mfn,
           bool_or("order-status" IN ('Cancelled','Canceled')) AS cancelled,
           bool_or(lower(coalesce("is-buyer-requested-cancellation", '')) IN ('true','yes')) AS buyer,
           count(*) AS rows
    FROM read_csv(${list('o')}, ${tsv}) GROUP BY 1`);
  const defectSql = [];
  if (feedback.length) defectSql.push(`SELECT "Order ID" AS id FROM read_csv(${list('f')}, ${tsv}) WHERE "Rating" IN ('1','2')`);
  if (claims.length) defectSql.push(`SELECT "order-id" AS id FROM read_csv(${list('c')}, header=true, all_varchar=true)
      WHERE lower(status) IN ('open','granted') AND (
        (lower(type) IN ('a-to-z','atoz','a2z') AND lower(coalesce("amazon-funded",'')) <> 'yes') OR
        (lower(type) = 'chargeback' AND lower(coalesce(reason,'')) <> 'fraud'))`);
  const defects = defectSql.length ? defectSql.join(' UNION ') : "SELECT NULL::VARCHAR AS id WHERE false";
  const perDay = (await conn.query(`SELECT day, count(*) AS n, count(*) FILTER (cancelled AND NOT buyer) AS c
    FROM o WHERE mfn GROUP BY day`)).toArray();
  const totals = (await conn.query(`WITH d AS (${defects})
    SELECT count(*)::INTEGER AS orders, sum(rows)::INTEGER AS rows,
      (count(*) FILTER (mfn AND day BETWEEN '${w.odrFrom}' AND '${w.odrTo}'))::INTEGER AS odr_den,
      (count(*) FILTER (mfn AND day BETWEEN '${w.odrFrom}' AND '${w.odrTo}' AND id IN (SELECT id FROM d)))::INTEGER AS odr_num
    FROM o`)).toArray()[0];
  let cancelNum = 0, cancelDen = 0;
  for (const r of perDay)
    if (r.day >= w.cancelFrom && r.day <= w.cancelTo) { cancelDen += Number(r.n); cancelNum += Number(r.c); }
  await conn.query('DROP TABLE o');
  await conn.close();
  for (const [, n] of names) await db.dropFile(n);
  return {ms: performance.now() - t0, figures: {orders: totals.orders, rows: totals.rows, days: perDay.length,
    cancel_rate: {numerator: cancelNum, denominator: cancelDen},
    odr_mfn: {numerator: totals.odr_num, denominator: totals.odr_den}}};
}

function pick() {
  const o = Array.from(document.getElementById('orders').files);
  const others = Array.from(document.getElementById('others').files);
  return {
    all: [...o, ...others], orders: o,
    feedback: others.filter((f) => /^feedback/.test(f.name)),
    claims: others.filter((f) => /^claims/.test(f.name)),
  };
}

window.bench = {
  floor: () => floor(pick().all),
  floorStream: () => floorStream(pick().all),
  papa: (asOf) => papa(pick(), asOf),
  jsloop: (asOf) => jsloop(pick(), asOf),
  duckdbStart,
  duckdb: (asOf) => duckdbRun(pick(), asOf),
  ready: true,
};
