// The page starts, draws, and streams files into the core through both paths a seller uses.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startServer} from './server.mjs';
import {ORDERS, CLAIMS} from './small_reports.mjs';
import {launch, openApp, nonBackgroundPixels, saveArtifact, SITE} from './browser.mjs';

let server, browser, app;

before(async () => {
  server = await startServer(SITE);
  browser = await launch();
  app = await openApp(browser.context, server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the canvas renders the UI', async () => {
  const png = await app.page.screenshot();
  saveArtifact('foundation-empty.png', png);
  const drawn = await nonBackgroundPixels(app.page, png);
  assert.ok(drawn > 2000, `expected UI pixels on the canvas, found ${drawn}`);
  const title = await app.page.title();
  assert.match(title, /Seller Health/);
});

test('sellerHealth.load reads a report and reports its kind and rows', async () => {
  const result = await app.page.evaluate(async (text) => {
    await sellerHealth.load([{name: 'orders.txt', text}]);
    return sellerHealth.result();
  }, ORDERS);
  const input = result.inputs.find((i) => i.name === 'orders.txt');
  assert.ok(input, 'orders.txt is listed in result.inputs');
  assert.equal(input.kind, 'amazon.all_orders');
  assert.equal(input.rows, 3);
  assert.equal(input.skipped, 0);
  assert.equal(input.encoding, 'utf-8');
});

test('a file picked through the real file input streams through the same path', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-files-'));
  const file = path.join(dir, 'claims.csv');
  fs.writeFileSync(file, CLAIMS);
  await app.page.setInputFiles('#file-input', file);
  await app.page.waitForFunction(() => sellerHealth.result().inputs.some((i) => i.name === 'claims.csv'), null, {timeout: 10000});
  const result = await app.page.evaluate(() => sellerHealth.result());
  const input = result.inputs.find((i) => i.name === 'claims.csv');
  assert.equal(input.kind, 'template.claims');
  assert.equal(input.rows, 1);
  // Worked by hand for orders.txt + claims.csv: as_of is the latest event day, the claim's
  // 2026-09-20. Cancel rate, the 7 days 09-14 .. 09-20: the two Merchant orders, one cancelled
  // with nothing saying the buyer asked (counts against the seller): 1/2, failing. ODR's window,
  // the 60 days ending as_of - 14 (07-09 .. 09-06), holds none of these September orders.
  assert.equal(result.as_of, '2026-09-20');
  const cancel = result.metrics.find((m) => m.id === 'cancel_rate' && m.scope === 'mfn' && m.source === 'computed');
  assert.deepEqual([cancel.numerator, cancel.denominator, cancel.rate, cancel.status, cancel.window],
                   [1, 2, 0.5, 'failing', {from: '2026-09-14', to: '2026-09-20'}]);
  const odr = result.metrics.find((m) => m.id === 'odr' && m.scope === 'mfn');
  assert.deepEqual([odr.denominator, odr.status, odr.window], [0, 'no_data', {from: '2026-07-09', to: '2026-09-06'}]);
  fs.rmSync(dir, {recursive: true, force: true});
});

test('a large file streams in chunks while the page keeps drawing', async () => {
  // ~20 MB: three 8 MiB chunks. Frames must keep coming while it streams.
  const result = await app.page.evaluate(async () => {
    const header = 'amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n';
    const row = '113-1234567-1234567\t2026-09-14T08:21:07+00:00\tShipped\tMerchant\n';
    const rows = 400000;
    const blob = new Blob([header, row.repeat(rows)]);
    let frames = 0;
    let counting = true;
    const tick = () => { frames++; if (counting) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const inputs = await sellerHealth.load([new File([blob], 'big-orders.txt')]);
    counting = false;
    return {inputs, frames, size: blob.size};
  });
  assert.ok(result.size > 16 << 20);
  assert.equal(result.inputs[0].bytes, result.size);
  assert.equal(result.inputs[0].kind, 'amazon.all_orders');
  assert.ok(result.frames >= 2, `the page drew ${result.frames} frames while streaming`);
});

test('a file that is not a report gets a clear error and nothing else is lost', async () => {
  const before = await app.page.evaluate(() => sellerHealth.result().inputs.length);
  const inputs = await app.page.evaluate(() => sellerHealth.load([{name: 'notes.txt', text: 'hello world\nthis is not a report\n'}]));
  assert.ok(inputs[0].error && inputs[0].error.length > 10, 'an error message is given');
  const after = await app.page.evaluate(() => sellerHealth.result().inputs);
  assert.equal(after.length, before + 1);
  assert.equal(after.find((i) => i.name === 'orders.txt').rows, 3);
});

test('the aria-live summary is kept', async () => {
  const text = await app.page.locator('#summary').textContent();
  assert.ok(text && text.length > 0);
});

test('no request goes anywhere but the local server, and no errors are logged', async () => {
  const png = await app.page.screenshot();
  saveArtifact('foundation-loaded.png', png);
  const foreign = app.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(app.errors, []);
});
