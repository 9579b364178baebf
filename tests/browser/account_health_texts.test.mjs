// How the page words Amazon's policy counters, scopes and marketplaces (the audit of the Account
// Health screens): a counter such as listing_policy_violations is named, shows its count and no
// empty "target." in the aria-live summary; failing-metric actions name their scope in words
// ("seller-fulfilled", "卖家自配送"), never the code "(mfn)"; Amazon's figures name their
// marketplace in the UI language; the feedback template button downloads a header the core
// reads back as template.feedback. Screenshots (overview, late-response drill-down, files) in
// English and Simplified Chinese go to tests/browser/artifacts/ to be looked at.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {startServer} from './server.mjs';
import {launch, openApp, SITE, frames, shoot} from './browser.mjs';

// Amazon's report for amazon.com: ODR (afn failing), and a policy counter with a count, a
// status and a target of 0 but no targetCondition (as Amazon writes them).
const REPORT = JSON.stringify({
  accountStatuses: [{marketplaceId: 'ATVPDKIKX0DER', status: 'NORMAL'}],
  performanceMetrics: [{
    marketplaceId: 'ATVPDKIKX0DER',
    orderDefectRate: {afn: {reportingDateRange: {reportingDateFrom: '2026-09-01T00:00:00Z', reportingDateTo: '2026-10-31T00:00:00Z'},
                            status: 'BAD', targetValue: 0.01, targetCondition: 'LESS_THAN', orderCount: 100, rate: 0.02,
                            orderWithDefects: {count: 2}}},
    listingPolicyViolations: {defectsCount: 1, status: 'BAD', targetValue: 0},
  }],
});

// 20 buyer messages in November, 6 answered after 24 hours: late response rate 6/20 = 30 %,
// failing (target below 10 %), so the actions hold a metric_failing line for scope all.
function messages() {
  let text = 'message-id,received,responded,no-response-needed\n';
  for (let i = 0; i < 20; i++) {
    const day = String(1 + i).padStart(2, '0');
    const reply = i < 6 ? `2026-11-${String(2 + i).padStart(2, '0')}T12:00:00+00:00` : `2026-11-${day}T11:00:00+00:00`;
    text += `m${i},2026-11-${day}T10:00:00+00:00,${reply},no\n`;
  }
  return text;
}

let server, browser, app;

async function setLanguage(language) {
  await app.page.evaluate((l) => sellerHealth.setLanguage(l), language);
  if (language !== 'en') await app.page.waitForFunction(() => sellerHealth.cjkFontLoaded(), null, {timeout: 20000});
  await frames(app.page, 3);
}

before(async () => {
  server = await startServer(SITE);
  browser = await launch();
  app = await openApp(browser.context, server.url);
  await app.page.evaluate(() => sellerHealth.setAsOf('2026-11-24'));
  await app.page.evaluate((files) => sellerHealth.load(files),
                          [{name: 'account-health.json', text: REPORT}, {name: 'messages.csv', text: messages()}]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a policy counter is named, shows its count, and says no empty target', async () => {
  const result = await app.page.evaluate(() => sellerHealth.result());
  const counter = result.metrics.find((m) => m.id === 'listing_policy_violations');
  assert.deepEqual([counter.numerator, counter.denominator, counter.rate, counter.condition, counter.status],
                   [1, 0, null, '', 'failing']);
  const expected = {
    'en': ['Listing policy violations: 1, Failing · reported by Amazon · Amazon.com (United States)', 'Failing (target'],
    'zh-Hans': ['违反商品发布政策: 1, 未达标 · 亚马逊报告的数据 · Amazon.com（美国）', '未达标 (目标'],
    'zh-Hant': ['違反商品刊登政策: 1, 未達標 · 亞馬遜報告的數據 · Amazon.com（美國）', '未達標 (目標'],
  };
  for (const [language, [line, odrTarget]] of Object.entries(expected)) {
    await setLanguage(language);
    const summary = await app.page.evaluate(() => sellerHealth.summary());
    const lines = summary.trim().split('\n');
    assert.ok(lines.includes(line), `${language}: the counter's line is '${line}':\n${summary}`);
    assert.doesNotMatch(summary, /listing_policy_violations|target\.|目标\.|目標\.|: —/, `${language}:\n${summary}`);
    // Amazon's ODR keeps its target, and names its marketplace in the UI language too.
    const odr = lines.find((l) => l.includes('2.00%'));
    assert.ok(odr && odr.includes(odrTarget), `${language}: ${odr}`);
    assert.ok(odr.endsWith(line.slice(line.indexOf(' · '))), `${language}: ${odr}`);
  }
  await setLanguage('en');
});

test('failing-metric actions name the scope in words in every language', async () => {
  const result = await app.page.evaluate(() => sellerHealth.result());
  const failing = result.actions.filter((a) => a.code === 'metric_failing');
  assert.ok(failing.some((a) => a.params.metric === 'late_response_rate' && a.params.scope === 'all'),
            JSON.stringify(result.actions));
  for (const a of failing) assert.doesNotMatch(a.text, /\((mfn|afn|all)\)/, a.text);
  assert.ok(failing.some((a) => a.text.startsWith('Late response rate (all orders) is failing')),
            failing.map((a) => a.text).join('\n'));
  for (const [language, words] of [['zh-Hans', '延迟回复率（全部订单）未达标'], ['zh-Hant', '延遲回覆率（全部訂單）未達標']]) {
    await setLanguage(language);
    const shown = await app.page.evaluate(() => sellerHealth.shownTexts());
    for (const text of shown.actions) assert.doesNotMatch(text, /（(mfn|afn|all)）|\((mfn|afn|all)\)/, text);
    assert.ok(shown.actions.some((t) => t.startsWith(words)), shown.actions.join('\n'));
  }
  await setLanguage('en');
});

test('the feedback template downloads a header the core reads back as template.feedback', async () => {
  await app.page.evaluate(() => sellerHealth.showPanel('files'));
  await frames(app.page, 4);
  const buttons = await app.page.evaluate(() => sellerHealth.templateButtons());
  assert.deepEqual(buttons.map((b) => b.file),
                   ['shipments-template.csv', 'claims-template.csv', 'messages-template.csv', 'feedback-template.csv']);
  const b = buttons[3];
  const box = await app.page.locator('canvas').first().boundingBox();
  const ratio = await app.page.evaluate(() => window.devicePixelRatio);
  const download = app.page.waitForEvent('download', {timeout: 15000});
  await app.page.mouse.move(box.x + (b.x0 + b.x1) / 2 / ratio, box.y + (b.y0 + b.y1) / 2 / ratio);
  await frames(app.page, 2);
  await app.page.mouse.down();
  await frames(app.page, 2);
  await app.page.mouse.up();
  const file = await download;
  assert.equal(file.suggestedFilename(), 'feedback-template.csv');
  const header = fs.readFileSync(await file.path(), 'utf8');
  assert.equal(header, 'Date,Rating,Comments,Your Response,Order ID,Rater Email,removed\n');
  await app.page.mouse.move(1, 1);
  const [input] = await app.page.evaluate((text) => sellerHealth.load([{name: 'my-feedback.csv', text}]),
                                          header + '2026-11-02,5,"Great, fast",,113-0000000-0000001,,no\n');
  assert.deepEqual([input.kind, input.rows, input.skipped, input.problems.length, input.error || ''],
                   ['template.feedback', 1, 0, 0, '']);
  await app.page.evaluate(() => sellerHealth.removeFile(sellerHealth.result().inputs.length - 1));
});

test('screenshots: overview, late-response drill-down and files, English and Simplified Chinese', async () => {
  for (const [language, tag] of [['en', 'en'], ['zh-Hans', 'zh-hans']]) {
    await setLanguage(language);
    await app.page.evaluate(() => sellerHealth.showPanel('overview'));
    await shoot(app.page, `account-health-texts-${tag}-overview.png`);
    assert.ok(await app.page.evaluate(() => sellerHealth.selectMetric('late_response_rate', 'all')));
    await shoot(app.page, `account-health-texts-${tag}-drilldown-late-response.png`);
    assert.ok(await app.page.evaluate(() => sellerHealth.selectMetric('listing_policy_violations', 'all')));
    await shoot(app.page, `account-health-texts-${tag}-drilldown-counter.png`);
    await app.page.evaluate(() => sellerHealth.showPanel('files'));
    await shoot(app.page, `account-health-texts-${tag}-files.png`);
  }
  await setLanguage('en');
  assert.deepEqual(app.errors, []);
});
