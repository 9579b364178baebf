// Issue 7, single-file build: seller-health.html opened from file:// with every network request
// blocked reads reports and computes; it holds no reference to anything outside itself.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {launch, saveArtifact, nonBackgroundPixels, SITE} from './browser.mjs';
import {reportSet, payloadOf} from './share_fixtures.mjs';

// Next to the site: <build>/seller-health.html (SH_SINGLE_FILE overrides).
const SOURCE = process.env.SH_SINGLE_FILE || path.join(path.dirname(SITE), 'seller-health.html');
let dir, file, url, browser, page;
const requests = [], errors = [];

before(async () => {
  // A copy in a folder of its own, as a colleague would save the attachment.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-single-'));
  file = path.join(dir, 'seller-health.html');
  fs.copyFileSync(SOURCE, file);
  url = pathToFileURL(file).href;
  browser = await launch();
  await browser.context.setOffline(true);
  // Everything is refused but the document itself.
  await browser.context.route('**/*', (route) =>
    route.request().url().split('#')[0] === url ? route.continue() : route.abort('blockedbyclient'));
  browser.context.on('request', (r) => requests.push(r.url()));
  page = browser.context.pages()[0] || await browser.context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.sellerHealth !== undefined, null, {timeout: 60000});
});

after(async () => {
  await browser?.close();
  fs.rmSync(dir, {recursive: true, force: true});
});

test('the file holds everything: no src, href or url() pointing outside it', () => {
  const html = fs.readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /<script[^>]+src=/i);
  assert.doesNotMatch(html, /<link[^>]+href="(?!data:)/i);
  assert.ok(html.includes('window.SellerHealthWasmBinary = '), 'the wasm is inside (compiled from its bytes), never fetched');
  assert.ok(/"app\.wasm": "AGFzbQ/.test(html) && /"app-scalar\.wasm": "AGFzbQ/.test(html), 'both wasm builds are inside');
  const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)[1];
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /script-src ('sha256-[A-Za-z0-9+/=]+' )+'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'|https?:/);
});

test('it starts from file:// with the network blocked and draws', async () => {
  const png = await page.screenshot();
  saveArtifact('single-file-empty.png', png);
  assert.ok(await nonBackgroundPixels(page, png) > 2000);
  assert.match(await page.title(), /Seller Health/);
});

test('it reads a full report set and computes every metric', async () => {
  const {result, workers} = await page.evaluate(async (files) => {
    await sellerHealth.load(files);
    return {result: sellerHealth.result(), workers: sellerHealth.timings().files.map((f) => f.worker)};
  }, reportSet());
  assert.equal(result.inputs.length, reportSet().length);
  // The worker started from the page's blob: URL and instantiated the module the page posted.
  assert.deepEqual(workers, reportSet().map(() => true));
  assert.ok(!result.inputs.some((i) => i.error), JSON.stringify(result.inputs.filter((i) => i.error)));
  assert.ok(result.metrics.length >= 5, `metrics: ${result.metrics.length}`);
  saveArtifact('single-file-loaded.png', await page.screenshot());
});

test('the Chinese UI gets its CJK font from inside the file', async () => {
  await page.evaluate(() => sellerHealth.setLanguage('zh-Hans'));
  await page.waitForFunction(() => sellerHealth.cjkFontLoaded(), null, {timeout: 30000});
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  saveArtifact('single-file-zh-hans.png', await page.screenshot());
  await page.evaluate(() => sellerHealth.setLanguage('en'));
});

test('a real file picked through the file input works too', async () => {
  const report = path.join(dir, 'claims.csv');
  fs.writeFileSync(report, reportSet().find((f) => f.name === 'claims.csv').text);
  await page.setInputFiles('#file-input', report);
  await page.waitForFunction(() => sellerHealth.result().inputs.filter((i) => i.name === 'claims.csv').length === 2, null, {timeout: 10000});
});

test('it makes share links, and nothing is stored', async () => {
  const link = await page.evaluate(() => sellerHealth.shareLink());
  assert.ok(link.startsWith(url + '#s='));
  assert.equal(payloadOf(link)[0], 1);
  const privacy = await page.evaluate(() => sellerHealth.privacy());
  assert.equal(privacy.storageAvailable, false, 'file:// pages never keep files (every local file shares one origin)');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  // file:// pages cannot have a service worker at all (the browser refuses); none was tried.
  assert.equal(await page.evaluate(() => navigator.serviceWorker ? navigator.serviceWorker.controller : null), null);
});

test('a share link opens as a snapshot in the single file too', async () => {
  const link = await page.evaluate(() => sellerHealth.shareLink());
  const original = await page.evaluate(() => sellerHealth.result().metrics.map((m) => [m.id, m.scope, m.rate, m.status]));
  const other = await browser.context.newPage();
  other.on('pageerror', (e) => errors.push(String(e)));
  await other.goto(link);
  await other.waitForFunction(() => window.sellerHealth !== undefined && sellerHealth.inSnapshot(), null, {timeout: 60000});
  const shown = await other.evaluate(() => sellerHealth.result().metrics.map((m) => [m.id, m.scope, m.rate, m.status]));
  assert.deepEqual(shown, original);
  await other.close();
});

test('no request but the file itself, and no errors', () => {
  const other = requests.filter((u) => u !== url && !u.startsWith(url + '#') && !/^(data|blob):/.test(u));
  assert.deepEqual(other, []);
  assert.deepEqual(errors, []);
});
