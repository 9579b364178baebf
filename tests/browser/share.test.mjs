// Issue 7, share links: a link round-trips every aggregate, carries nothing order-level, opens
// read-only as a shared snapshot, and damaged, old or newer links give a clear message.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {startServer} from './server.mjs';
import {launch, openApp, saveArtifact, SITE} from './browser.mjs';
import {reportSet, secretsOf, payloadOf, linkFor, aggregates, GOLDEN_FORMAT_1} from './share_fixtures.mjs';

let server, browser, app, original, link;

before(async () => {
  server = await startServer(SITE);
  browser = await launch();
  app = await openApp(browser.context, server.url);
  original = await app.page.evaluate(async (files) => {
    await sellerHealth.load(files);
    return sellerHealth.result();
  }, reportSet());
  link = await app.page.evaluate(() => sellerHealth.shareLink());
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Opens a URL in a fresh tab; returns the tab and its errors.
async function openLink(url) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => window.sellerHealth !== undefined, null, {timeout: 30000});
  return {page, errors};
}

test('the report set computes metrics (the link has something to carry)', () => {
  assert.ok(original.metrics.length >= 5, `metrics: ${original.metrics.length}`);
  assert.ok(original.feedback && Object.keys(original.feedback.counts).length > 0);
});

test('the share link is the page URL with a compact #s= fragment', () => {
  assert.ok(link.startsWith(server.url), link);
  assert.match(link, /#s=[A-Za-z0-9_-]+$/);
  const fragment = link.split('#s=')[1];
  assert.ok(fragment.length < 2000, `fragment is ${fragment.length} characters`);
  const payload = payloadOf(link);
  assert.equal(payload[0], 1, 'format version 1 first');
});

test('the link holds no order id, comment or e-mail from the inputs', () => {
  const secrets = secretsOf(reportSet());
  assert.ok(secrets.orderIds.length > 100 && secrets.comments.length > 5 && secrets.emails.length > 5);
  const payload = payloadOf(link).toString('latin1');
  for (const s of [...secrets.orderIds, ...secrets.comments, ...secrets.emails]) {
    assert.ok(!payload.includes(s), `payload holds ${s}`);
    assert.ok(!link.includes(s), `link holds ${s}`);
  }
  assert.doesNotMatch(payload, /[\w.+-]+@[\w-]+\.[a-z]{2,}/i, 'no e-mail-like text at all');
  for (const f of reportSet()) assert.ok(!payload.includes(f.name), `payload holds the file name ${f.name}`);
});

test('opening the link shows a read-only snapshot with every aggregate equal', async () => {
  const {page, errors} = await openLink(link);
  const shown = await page.evaluate(() => sellerHealth.result());
  assert.equal(shown.snapshot, true);
  assert.deepEqual(aggregates(shown), aggregates(original));
  assert.deepEqual(shown.inputs, []);
  for (const m of shown.metrics) assert.deepEqual(m.items, []);
  assert.deepEqual(shown.feedback.entries, []);
  assert.deepEqual(shown.actions, []);

  const banner = page.locator('#snapshot-bar');
  await banner.waitFor({state: 'visible'});
  const text = await banner.textContent();
  assert.match(text, new RegExp(`Shared snapshot as of ${original.as_of}`));
  assert.match(text, /aggregates only, no order-level data/);
  assert.match(await page.title(), /Shared snapshot/);
  saveArtifact('share-snapshot.png', await page.screenshot());

  await assert.rejects(page.evaluate(() => sellerHealth.load([{name: 'x.txt', text: 'a\tb\n'}])), /shared snapshot/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('leaving the snapshot returns to an empty session and clears the fragment', async () => {
  const {page} = await openLink(link);
  await page.click('#snapshot-bar button');
  await page.waitForFunction(() => !sellerHealth.inSnapshot());
  assert.equal(await page.evaluate(() => location.hash), '');
  const result = await page.evaluate(() => sellerHealth.result());
  assert.equal(result.snapshot, undefined);
  assert.deepEqual(result.inputs, []);
  assert.ok(await page.locator('#snapshot-bar').isHidden());
  await page.evaluate(async (files) => { await sellerHealth.load(files.slice(0, 1)); }, reportSet());
  assert.equal(await page.evaluate(() => sellerHealth.result().inputs.length), 1);
  await page.close();
});

test('a snapshot can be shared again unchanged', async () => {
  const {page} = await openLink(link);
  const again = await page.evaluate(() => sellerHealth.shareLink());
  assert.deepEqual(payloadOf(again), payloadOf(link));
  await page.close();
});

test('a link from the first release (format 1) still opens', async () => {
  const {page, errors} = await openLink(linkFor(server.url, Buffer.from(GOLDEN_FORMAT_1, 'hex')));
  const shown = await page.evaluate(() => sellerHealth.result());
  assert.equal(shown.snapshot, true);
  assert.equal(shown.as_of, '2026-11-20');
  assert.equal(shown.policy, 'amazon.us');
  const odr = shown.metrics.find((m) => m.id === 'odr');
  assert.deepEqual([odr.numerator, odr.denominator, odr.status, odr.window.from, odr.window.to], [3, 812, 'good', '2026-09-08', '2026-11-06']);
  // positive_share is derived (10 of 13), not carried: a format-1 link shows it too.
  assert.deepEqual(shown.feedback.counts['30d'], {positive: 10, neutral: 1, negative: 2, positive_share: 10 / 13});
  assert.deepEqual(shown.feedback.root_causes, [{cause: 'shipping_speed', count: 2}]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('damaged, hand-edited, newer or empty links show a clear message and never crash', async () => {
  const good = link.split('#s=')[1];
  const flipped = good.slice(0, 20) + (good[20] === 'A' ? 'B' : 'A') + good.slice(21);
  const payload = payloadOf(link);
  const newer = Buffer.from(payload);
  newer[0] = 9;
  const cases = [
    ['empty', server.url + '#s=', /holds no snapshot/],
    ['not base64', server.url + '#s=%%%%$$', /characters a share link never has/],
    ['truncated', link.slice(0, link.length - 12), /damaged|incomplete/],
    ['one character changed', server.url + '#s=' + flipped, /damaged|incomplete/],
    ['random bytes', server.url + '#s=' + Buffer.from('not a snapshot at all, just text').toString('base64url'), /damaged|incomplete|not a Seller Health/],
    ['garbage inside valid deflate', linkFor(server.url, Buffer.from('\x01garbage bytes here')), /damaged/],
    ['a newer format', linkFor(server.url, newer), /newer version/],
    ['version zero', linkFor(server.url, Buffer.from([0, 1, 2, 3, 4, 5])), /not a Seller Health share link/],
    ['a decompression bomb', linkFor(server.url, Buffer.alloc(2 << 20, 1)), /too long/],
  ];
  for (const [name, url, message] of cases) {
    const {page, errors} = await openLink(url);
    const bar = page.locator('#link-error');
    await bar.waitFor({state: 'visible'});
    assert.match(await bar.textContent(), message, name);
    assert.equal(await bar.getAttribute('role'), 'alert');
    assert.equal(await page.evaluate(() => sellerHealth.inSnapshot()), false, name);
    // The page still works: it loads a report after the bad link.
    await page.evaluate(async (files) => { await sellerHealth.load(files.slice(0, 1)); }, reportSet());
    assert.equal(await page.evaluate(() => sellerHealth.result().inputs.length), 1, name);
    assert.deepEqual(errors, [], name);
    if (name === 'one character changed') saveArtifact('share-damaged.png', await page.screenshot());
    await page.close();
  }
});

test('pasting a link into an open page opens it (hashchange)', async () => {
  const {page} = await openLink(server.url);
  await page.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
  await page.waitForFunction(() => sellerHealth.inSnapshot());
  await page.close();
});

test('no request went anywhere but the page origin', () => {
  const foreign = app.requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  for (const r of server.requests) assert.ok(!r.includes('#') && !r.includes('s='), `the fragment reached the server: ${r}`);
});
