// The script API refuses what it cannot take, and changes nothing then (README, "The page's
// script API"): an unknown policy, a typed figure that is not one (only null clears), a file
// index that is no loaded file's, a theme it does not know; load() answers with a Promise even
// for a bad argument. And the marketplace control is wide enough for every marketplace's name.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {startServer} from './server.mjs';
import {launch, openApp, frames, shoot, SITE} from './browser.mjs';
import {ORDERS, CLAIMS} from './small_reports.mjs';

let server, browser, app;

const FEEDBACK = 'Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n' +
  '11/13/26\t1\tArrived late\t\t113-0000001-0000001\ta@example.com\n' +
  '11/14/26\t3\tOK but slow\t\t113-0000002-0000002\tb@example.com\n';

before(async () => {
  server = await startServer(SITE);
  browser = await launch();
  app = await openApp(browser.context, server.url);
  await app.page.evaluate(async (files) => {
    await sellerHealth.load(files);
    sellerHealth.setAsOf('2026-11-20');
    sellerHealth.setPolicy('amazon.us');
    sellerHealth.setAccountHealthRating(250);
    sellerHealth.setFeedbackTotals({'30d': 40, lifetime: 900});
  }, [{name: 'orders.txt', text: ORDERS}, {name: 'claims.csv', text: CLAIMS}, {name: 'Feedback.txt', text: FEEDBACK}]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Calls each of `calls` (source text of a sellerHealth call) in the page: the outcome of each
// ("returned", "threw RangeError: …") and the result before and after all of them.
async function attempt(calls) {
  return app.page.evaluate((list) => {
    const before = sellerHealth.result();
    const outcomes = list.map((call) => {
      try {
        (0, eval)(`sellerHealth.${call}`);
        return 'returned';
      } catch (e) {
        return `threw ${e.name}: ${e.message}`;
      }
    });
    return {before, outcomes, after: sellerHealth.result()};
  }, calls);
}

test('the fixture has three files, amazon.us and both typed figures', async () => {
  const r = await app.page.evaluate(() => sellerHealth.result());
  assert.equal(r.inputs.length, 3);
  assert.equal(r.policy, 'amazon.us');
  assert.ok(r.metrics.some((m) => m.id === 'account_health_rating'));
  assert.notEqual(r.metrics.find((m) => m.id === 'feedback_positive_rate_30d' && m.source === 'computed').status, 'no_data');
});

test('setPolicy with an unknown name throws a RangeError naming the known policies, and changes nothing', async () => {
  const calls = ["setPolicy('nope')", "setPolicy('AMAZON.US')", "setPolicy('')", 'setPolicy(undefined)', 'setPolicy(null)', 'setPolicy(5)'];
  const {before, outcomes, after} = await attempt(calls);
  for (const [i, outcome] of outcomes.entries()) {
    assert.match(outcome, /^threw RangeError: unknown policy '.*'; known: amazon amazon\.ae .*amazon\.de .*amazon\.us/, `${calls[i]}: ${outcome}`);
  }
  assert.match(outcomes[0], /unknown policy 'nope'/);
  assert.match(outcomes[1], /unknown policy 'AMAZON\.US'/);
  assert.deepEqual(after, before);
  assert.equal(after.policy, 'amazon.us');
});

test('typed figures: a bad value throws a RangeError and changes nothing; only null clears', async () => {
  const calls = ['setFeedbackTotals(5)', 'setFeedbackTotals([])', "setFeedbackTotals('')", 'setFeedbackTotals({})',
                 'setFeedbackTotals(undefined)', "setFeedbackTotals('30d=5')", "setFeedbackTotals({'30d': null})",
                 "setAccountHealthRating('')", "setAccountHealthRating(' ')", 'setAccountHealthRating(undefined)',
                 'setAccountHealthRating({})', 'setAccountHealthRating(NaN)', 'setAccountHealthRating(12.5)'];
  const {before, outcomes, after} = await attempt(calls);
  for (const [i, outcome] of outcomes.entries()) assert.match(outcome, /^threw RangeError: \S/, `${calls[i]}: ${outcome}`);
  assert.match(outcomes[0], /null clears/);
  assert.deepEqual(after, before);
  // Numbers as text are figures too; null clears each.
  const cleared = await app.page.evaluate(() => {
    sellerHealth.setAccountHealthRating('180');
    const rating = sellerHealth.result().metrics.find((m) => m.id === 'account_health_rating').rate;
    sellerHealth.setAccountHealthRating(null);
    sellerHealth.setFeedbackTotals(null);
    const r = sellerHealth.result();
    return {rating, ahr: r.metrics.some((m) => m.id === 'account_health_rating'),
            share: r.metrics.find((m) => m.id === 'feedback_positive_rate_30d' && m.source === 'computed').status};
  });
  assert.deepEqual(cleared, {rating: 180, ahr: false, share: 'no_data'});
});

test('removeFile takes only the index of a loaded file; anything else is a RangeError that removes nothing', async () => {
  const calls = ["removeFile('a')", 'removeFile(null)', 'removeFile()', 'removeFile(1.5)', 'removeFile(99)', 'removeFile(3)',
                 'removeFile(-1)', 'removeFile(NaN)', "removeFile('0')", 'removeFile(true)'];
  const {before, outcomes, after} = await attempt(calls);
  for (const [i, outcome] of outcomes.entries())
    assert.match(outcome, /^threw RangeError: removeFile takes the index of a loaded file, 0 to 2, not /, `${calls[i]}: ${outcome}`);
  assert.deepEqual(after, before);
  const names = await app.page.evaluate(() => { sellerHealth.removeFile(1); return sellerHealth.result().inputs.map((i) => i.name); });
  assert.deepEqual(names, ['orders.txt', 'Feedback.txt']);
});

test('load() answers a bad argument with a rejected Promise, never a synchronous throw', async () => {
  const outcomes = await app.page.evaluate(async () => {
    const out = [];
    for (const arg of [null, undefined, 5, 'orders.txt', [null], [{name: 'x'}]]) {
      let p;
      try { p = sellerHealth.load(arg); } catch (e) { out.push(`threw ${e.name}`); continue; }
      if (!(p instanceof Promise)) { out.push('no promise'); continue; }
      out.push(await p.then(() => 'resolved', (e) => `rejected ${e.name}`));
    }
    return out;
  });
  assert.deepEqual(outcomes, Array(6).fill('rejected TypeError'));
  assert.equal((await app.page.evaluate(() => sellerHealth.result())).inputs.length, 2, 'nothing was loaded');
  // One file alone (not in a list) is a list of one.
  const one = await app.page.evaluate(async () => (await sellerHealth.load({name: 'claims.csv', text: 'x'})).length);
  assert.equal(one, 1);
});

test('setTheme with an unknown theme throws a RangeError, as setLanguage does, and changes nothing', async () => {
  const {outcomes} = await attempt(["setTheme('light')", "setTheme('blue')", 'setTheme()', "setLanguage('fr')"]);
  assert.deepEqual(outcomes, ['returned', 'threw RangeError: setTheme takes "light" or "dark"', 'threw RangeError: setTheme takes "light" or "dark"',
                              'threw RangeError: setLanguage takes "en", "zh-Hans" or "zh-Hant"']);
  await frames(app.page, 3);
  // Still light (the page's background follows the theme).
  assert.equal(await app.page.evaluate(() => document.documentElement.style.background), 'rgb(245, 245, 247)');
  await app.page.evaluate(() => sellerHealth.setTheme('dark'));
});

// The marketplace control fits its longest label ("Amazon.ae (United Arab Emirates)"), and the
// header's controls still take one row at 1280 px, with the "Latest" button shown.
for (const language of ['en', 'zh-Hans']) {
  test(`every marketplace label fits the control at 1280 px (${language})`, async () => {
    const {page} = app;
    await page.evaluate((l) => { sellerHealth.setLanguage(l); sellerHealth.setPolicy('amazon.ae'); }, language);
    if (language !== 'en') await page.waitForFunction(() => sellerHealth.cjkFontLoaded(), null, {timeout: 20000});
    await frames(page, 4);
    const c = await page.evaluate(() => sellerHealth.controls());
    assert.ok(c.policyLabelMax > 50, JSON.stringify(c));
    assert.ok(c.policyTextRoom >= c.policyLabelMax, `room ${c.policyTextRoom} < label ${c.policyLabelMax}`);
    assert.equal(c.rows, 1, 'the controls take one row');
    assert.equal(c.policyRect.y0, c.asOfRect.y0);
    await shoot(page, `marketplace-control-${language}.png`);
    // The list opens as wide as its widest label.
    const dpr = await page.evaluate(() => devicePixelRatio);
    await page.mouse.click((c.policyRect.x0 + c.policyRect.x1) / 2 / dpr, (c.policyRect.y0 + c.policyRect.y1) / 2 / dpr);
    await shoot(page, `marketplace-list-${language}.png`);
    await page.keyboard.press('Escape');
    await frames(page, 3);
  });
}

test('on a phone the marketplace control fits its labels too', async () => {
  const {page} = app;
  await page.evaluate(() => { sellerHealth.setLanguage('en'); sellerHealth.setPolicy('amazon.ae'); });
  await page.setViewportSize({width: 390, height: 844});
  await frames(page, 4);
  let c = await page.evaluate(() => sellerHealth.controls());
  assert.equal(c.drawn, false, 'the settings start folded on a phone');
  const dpr = await page.evaluate(() => devicePixelRatio);
  await page.mouse.click((c.settingsRect.x0 + c.settingsRect.x1) / 2 / dpr, (c.settingsRect.y0 + c.settingsRect.y1) / 2 / dpr);
  await frames(page, 4);
  c = await page.evaluate(() => sellerHealth.controls());
  assert.equal(c.drawn, true);
  assert.ok(c.policyTextRoom >= c.policyLabelMax, `room ${c.policyTextRoom} < label ${c.policyLabelMax}`);
  assert.ok(c.policyRect.x1 <= 390 * dpr, `the control ends at ${c.policyRect.x1}`);
  await shoot(page, 'marketplace-control-phone.png');
  await page.setViewportSize({width: 1280, height: 720});
  assert.deepEqual(app.errors, []);
});
