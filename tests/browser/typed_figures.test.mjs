// Figures typed in from Seller Central (metrics.md: the Account Health Rating, and feedback totals
// that make the Feedback Manager export's positive share computable): the page's setters give the
// hand-worked numbers, the CLI's flags give the same, and bad values are refused with a reason.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startServer} from './server.mjs';
import {launch, openApp, saveArtifact, SITE, ROOT} from './browser.mjs';

const CLI = [process.env.SH_CLI, path.join(ROOT, 'build/native/seller-health')].find((p) => p && fs.existsSync(p));

// Amazon's Feedback Manager export (1-3 stars only), US dates: days above 12 make the order M/D/YY.
const FEEDBACK = 'Date\tRating\tComments\tYour Response\tOrder ID\tRater Email\n' +
  '11/13/26\t1\tArrived late\t\t113-0000001-0000001\ta@example.com\n' +
  '11/14/26\t3\tOK but slow\t\t113-0000002-0000002\tb@example.com\n' +
  '10/15/26\t2\tBox was crushed\t\t113-0000003-0000003\tc@example.com\n';

let server, browser, app, dir;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-typed-'));
  fs.writeFileSync(path.join(dir, 'Feedback.txt'), FEEDBACK);
  server = await startServer(SITE);
  browser = await launch();
  app = await openApp(browser.context, server.url);
  await app.page.evaluate((text) => sellerHealth.load([{name: 'Feedback.txt', text}]), FEEDBACK);
  await app.page.evaluate(() => sellerHealth.setAsOf('2026-11-20'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

const pick = (result, id, source = 'computed') => result.metrics.find((m) => m.id === id && m.source === source);
const figures = (m) => m && {numerator: m.numerator, denominator: m.denominator, rate: m.rate, status: m.status, headroom: m.headroom};

function cli(...flags) {
  try {
    return JSON.parse(execFileSync(CLI, ['--format', 'json', '--as-of', '2026-11-20', ...flags, path.join(dir, 'Feedback.txt')]));
  } catch (e) {
    return JSON.parse(e.stdout);  // exit status 1 or 2 (a warning or failing metric) still prints the result
  }
}

test('feedback totals turn the 1-3 star export into positive shares, as the CLI does', async () => {
  const without = await app.page.evaluate(() => sellerHealth.result());
  assert.equal(pick(without, 'feedback_positive_rate_30d').status, 'no_data');
  // The feedback section says the same: counts, but no share (not 0 %) and no average.
  assert.deepEqual(without.feedback.counts['30d'], {positive: 0, neutral: 1, negative: 1, positive_share: null});
  assert.equal(without.feedback.average_365d, null);

  await app.page.evaluate(() => sellerHealth.setFeedbackTotals({'30d': 40, '90d': 100}));
  const res = await app.page.evaluate(() => sellerHealth.result());
  // 30 days (10-22 .. 11-20): 40 ratings, 2 of them 1-3 stars: 38/40 = 0.95, a warning (bad share
  // 0.05 ≥ 0.75 × 0.05), headroom floor((38 − 38) / 0.95) = 0.
  assert.deepEqual(figures(pick(res, 'feedback_positive_rate_30d')),
                   {numerator: 38, denominator: 40, rate: 0.95, status: 'warning', headroom: 0});
  // 90 days (08-23 .. 11-20): 100 ratings, 3 low: 97/100 good, headroom floor(2 / 0.95) = 2.
  assert.deepEqual(figures(pick(res, 'feedback_positive_rate_90d')),
                   {numerator: 97, denominator: 100, rate: 0.97, status: 'good', headroom: 2});
  assert.equal(pick(res, 'feedback_positive_rate_365d').status, 'no_data');
  assert.equal(res.feedback.counts['30d'].positive_share, 0.95);
  assert.equal(res.feedback.counts['365d'].positive_share, null);
  if (CLI) {
    const fromCli = cli('--feedback-totals', '30d=40,90d=100');
    for (const id of ['feedback_positive_rate_30d', 'feedback_positive_rate_90d', 'feedback_positive_rate_365d'])
      assert.deepEqual(figures(pick(fromCli, id)), figures(pick(res, id)), id);
  }
});

test('the Account Health Rating typed in is judged healthy from 200, at risk from 100', async () => {
  await app.page.evaluate(() => sellerHealth.setAccountHealthRating(150));
  const ahr = pick(await app.page.evaluate(() => sellerHealth.result()), 'account_health_rating', 'amazon_report');
  assert.deepEqual({rate: ahr.rate, status: ahr.status, target: ahr.target, numerator: ahr.numerator, denominator: ahr.denominator},
                   {rate: 150, status: 'warning', target: 200, numerator: 0, denominator: 0});
  if (CLI) {
    const fromCli = pick(cli('--account-health-rating', '150'), 'account_health_rating', 'amazon_report');
    assert.deepEqual(fromCli, ahr);
  }
  await app.page.evaluate(() => sellerHealth.showPanel('files'));
  await app.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  saveArtifact('typed-figures-files-panel.png', await app.page.screenshot());
});

test('bad typed figures are refused with the reason, and change nothing', async () => {
  const before = await app.page.evaluate(() => sellerHealth.result());
  const errors = await app.page.evaluate(() => {
    const out = [];
    for (const call of [() => sellerHealth.setAccountHealthRating(1001), () => sellerHealth.setFeedbackTotals({'7d': 1}),
                        () => sellerHealth.setFeedbackTotals({'30d': 50, '90d': 10})]) {
      try { call(); out.push('accepted'); } catch (e) { out.push(`${e.name}: ${e.message}`); }
    }
    return out;
  });
  assert.deepEqual(errors, [
    "RangeError: the Account Health Rating is a whole number from 0 to 1000, not '1001'",
    "RangeError: feedback totals are WINDOW=COUNT pairs with WINDOW 30d, 90d, 365d or lifetime (e.g. 30d=120,lifetime=5230), not '7d=1'",
    'RangeError: feedback totals: 90d (10) cannot be below 30d (50)',
  ]);
  assert.deepEqual(await app.page.evaluate(() => sellerHealth.result()), before);
  // null clears both.
  await app.page.evaluate(() => { sellerHealth.setAccountHealthRating(null); sellerHealth.setFeedbackTotals(null); });
  const cleared = await app.page.evaluate(() => sellerHealth.result());
  assert.equal(pick(cleared, 'account_health_rating', 'amazon_report'), undefined);
  assert.equal(pick(cleared, 'feedback_positive_rate_30d').status, 'no_data');
  assert.deepEqual(app.errors, []);
});
