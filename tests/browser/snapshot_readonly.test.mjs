// A shared snapshot is read-only, and the seller's own session behind it stays untouched (issue 7,
// web/README.md): while a link's snapshot is open every script call that would change the own
// session is refused as load() is, the header's controls show the snapshot's own as-of day and
// marketplace (disabled), and leaving the snapshot gives back the own session and settings.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {startServer} from './server.mjs';
import {launch, openApp, frames, shoot, SITE} from './browser.mjs';
import {reportSet} from './share_fixtures.mjs';

let server, browser, sharer, viewer, link, shared, own;

// A day `n` days before the ISO day `day`.
const daysBefore = (day, n) => new Date(Date.parse(day + 'T00:00:00Z') - n * 86400e3).toISOString().slice(0, 10);

before(async () => {
  server = await startServer(SITE);
  browser = await launch();
  // The sharer: a US report set judged by amazon.us.
  sharer = await openApp(browser.context, server.url);
  shared = await sharer.page.evaluate(async (files) => {
    sellerHealth.setPolicy('amazon.us');
    await sellerHealth.load(files);
    return sellerHealth.result();
  }, reportSet());
  link = await sharer.page.evaluate(() => sellerHealth.shareLink());
  // The viewer has a session of their own, with settings of their own, in another tab.
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.waitForFunction(() => window.sellerHealth !== undefined, null, {timeout: 30000});
  viewer = {page, errors};
  const mine = reportSet().filter((f) => /order|claim/i.test(f.name)).slice(0, 2);
  assert.equal(mine.length, 2);
  own = await page.evaluate(async ({files, day}) => {
    sellerHealth.setAsOf(day);
    sellerHealth.setPolicy('amazon.de');
    sellerHealth.setDateOrder('dmy');
    sellerHealth.setAccountHealthRating(300);
    sellerHealth.setFeedbackTotals({'30d': 500});
    await sellerHealth.load(files);
    return sellerHealth.result();
  }, {files: mine, day: daysBefore(shared.as_of, 20)});
  await page.evaluate((h) => { location.hash = h; }, '#s=' + link.split('#s=')[1]);
  await page.waitForFunction(() => sellerHealth.inSnapshot(), null, {timeout: 10000});
  await frames(page, 4);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the viewer\'s own session differs from the snapshot in as-of day, policy and files', () => {
  assert.equal(own.policy, 'amazon.de');
  assert.equal(own.as_of, daysBefore(shared.as_of, 20));
  assert.equal(own.inputs.length, 2);
  assert.equal(shared.policy, 'amazon.us');
});

test('during a snapshot the header controls show the snapshot\'s as-of day and marketplace, disabled', async () => {
  const {page} = viewer;
  const c = await page.evaluate(() => sellerHealth.controls());
  assert.deepEqual({drawn: c.drawn, readOnly: c.readOnly, asOf: c.asOf, policy: c.policy, dateOrder: c.dateOrder},
                   {drawn: true, readOnly: true, asOf: shared.as_of, policy: 'amazon.us', dateOrder: ''});
  const banner = await page.locator('#snapshot-bar').textContent();
  assert.match(banner, new RegExp(`Shared snapshot as of ${shared.as_of}`));
  await shoot(page, 'snapshot-readonly-controls.png');
});

test('every setter, clear() and removeFile() refuse during a snapshot, as load() does', async () => {
  const {page} = viewer;
  const before = await page.evaluate(() => sellerHealth.result());
  const outcomes = await page.evaluate(async () => {
    const calls = {
      setAsOf: () => sellerHealth.setAsOf('2026-10-01'),
      setPolicy: () => sellerHealth.setPolicy('amazon.uk'),
      setDateOrder: () => sellerHealth.setDateOrder('mdy'),
      setAccountHealthRating: () => sellerHealth.setAccountHealthRating(50),
      setAccountHealthRatingNull: () => sellerHealth.setAccountHealthRating(null),
      setFeedbackTotals: () => sellerHealth.setFeedbackTotals({'30d': 10}),
      setFeedbackTotalsNull: () => sellerHealth.setFeedbackTotals(null),
      removeFile: () => sellerHealth.removeFile(0),
      clear: () => sellerHealth.clear(),
      load: () => sellerHealth.load([{name: 'x.csv', text: 'a,b\n'}]),
      rememberFiles: () => sellerHealth.rememberFiles(true),
    };
    const out = {};
    for (const [name, call] of Object.entries(calls)) {
      try {
        const value = call();
        out[name] = value instanceof Promise ? await value.then(() => 'resolved', (e) => `rejected ${e.name}: ${e.message}`)
                                             : 'returned';
      } catch (e) {
        out[name] = `threw ${e.name}: ${e.message}`;
      }
    }
    return out;
  });
  for (const [name, outcome] of Object.entries(outcomes)) {
    const async = name === 'load' || name === 'rememberFiles';
    assert.match(outcome, new RegExp(`^${async ? 'rejected' : 'threw'} Error: A shared snapshot is open`), `${name}: ${outcome}`);
    assert.match(outcome, /leaveSnapshot\(\) to return to your own files/, `${name}: ${outcome}`);
  }
  assert.deepEqual(await page.evaluate(() => sellerHealth.result()), before, 'the snapshot did not change');
});

test('the disabled controls take no clicks or keys during a snapshot', async () => {
  const {page} = viewer;
  const c = await page.evaluate(() => sellerHealth.controls());
  const dpr = await page.evaluate(() => devicePixelRatio);
  const centre = (r) => [(r.x0 + r.x1) / 2 / dpr, (r.y0 + r.y1) / 2 / dpr];
  await page.mouse.click(...centre(c.asOfRect));
  await page.keyboard.type('2026-01-02');
  await page.keyboard.press('Enter');
  await page.mouse.click(...centre(c.policyRect));
  await frames(page, 3);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await frames(page, 3);
  await page.keyboard.press('Escape');
  // (The digits typed switched panels: keys 1-6 do when no text field has the keyboard.)
  const after = await page.evaluate(() => ({result: sellerHealth.result(), controls: sellerHealth.controls()}));
  await page.evaluate(() => sellerHealth.showPanel('overview'));
  assert.equal(after.result.snapshot, true);
  assert.equal(after.controls.asOf, shared.as_of);
  assert.equal(after.controls.policy, 'amazon.us');
});

test('leaving the snapshot gives back the own session and settings, untouched', async () => {
  const {page, errors} = viewer;
  await page.evaluate(() => sellerHealth.leaveSnapshot());
  await frames(page, 4);
  assert.equal(await page.evaluate(() => sellerHealth.inSnapshot()), false);
  assert.deepEqual(await page.evaluate(() => sellerHealth.result()), own);
  const c = await page.evaluate(() => sellerHealth.controls());
  assert.deepEqual({readOnly: c.readOnly, asOf: c.asOf, policy: c.policy, dateOrder: c.dateOrder},
                   {readOnly: false, asOf: own.as_of, policy: 'amazon.de', dateOrder: 'dmy'});
  await shoot(page, 'snapshot-readonly-after-leave.png');
  // And the setters work again.
  await page.evaluate(() => sellerHealth.setPolicy('amazon.us'));
  assert.equal((await page.evaluate(() => sellerHealth.result())).policy, 'amazon.us');
  assert.deepEqual(errors, []);
});

test('a fresh tab opened on the link shows the snapshot\'s marketplace, not the default', async () => {
  const page = await browser.context.newPage();
  await page.goto(link);
  await page.waitForFunction(() => window.sellerHealth !== undefined && sellerHealth.inSnapshot(), null, {timeout: 30000});
  await frames(page, 4);
  const c = await page.evaluate(() => sellerHealth.controls());
  assert.deepEqual({readOnly: c.readOnly, asOf: c.asOf, policy: c.policy}, {readOnly: true, asOf: shared.as_of, policy: 'amazon.us'});
  await shoot(page, 'snapshot-readonly-fresh-tab.png');
  await page.close();
});
