// Issue 6: every visible string translated. In the Chinese UI the Today panel shows the core's
// actions translated by their codes, the files panel a translated row problem with the file's
// value kept, and notes and warnings are translated too; screenshots are saved to
// tests/browser/artifacts/ to be looked at. Also: the template download buttons (drawn by ImGui,
// clicked where they are) give CSV files with exactly the columns of reports.md.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startServer} from './server.mjs';
import {launch, openApp, saveArtifact, SITE, ROOT, frames, shoot} from './browser.mjs';

const CJK = /[\u3400-\u9fff]/;
let server, browser, app, dir, files;

// A year of orders with every report kind, English feedback (seed 11, as the dashboard test).
function generate() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-texts-'));
  execFileSync('/usr/bin/python3', [path.join(ROOT, 'tests/gen/generate_reports.py'), '--orders', '3000', '--seed', '11',
    '--days', '365', '--feedback-lang', 'en', '--out', dir, '--quiet']);
  files = fs.readdirSync(dir).filter((f) => f !== 'truth.json').sort();
}

async function loadGenerated(page) {
  const payload = files.map((name) => ({name, text: fs.readFileSync(path.join(dir, name), 'latin1')}));
  return page.evaluate(async (items) => sellerHealth.load(items.map(({name, text}) => {
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return new File([bytes], name);
  })), payload);
}

async function setLanguage(page, language) {
  await page.evaluate((l) => sellerHealth.setLanguage(l), language);
  if (language !== 'en') await page.waitForFunction(() => sellerHealth.cjkFontLoaded(), null, {timeout: 20000});
  await frames(page, 3);
}

// The column names of each template in reports.md ("Our templates"), without the notes in
// parentheses: {shipments: ['order-id', ...], claims: [...], messages: [...], feedback: [...]}.
// The feedback template is "same six columns as amazon.feedback" (its English header, the first
// name where it gives two) "plus optional removed".
function specColumns() {
  const spec = fs.readFileSync(path.join(ROOT, '../shared/spec/reports.md'), 'utf8');
  const section = spec.slice(spec.indexOf('## Our templates'));
  const out = {};
  for (const kind of ['shipments', 'claims', 'messages']) {
    const at = section.indexOf('- `' + kind + '`:');
    const open = section.indexOf('`', section.indexOf(':', at) + 1);
    const close = section.indexOf('`', open + 1);
    let list = section.slice(open + 1, close).replace(/\s+/g, ' ');
    while (/\([^()]*\)/.test(list)) list = list.replace(/\([^()]*\)/g, '');
    out[kind] = list.split(',').map((c) => c.trim()).filter(Boolean);
  }
  assert.match(section, /- `feedback`[^:]*: same six columns as `amazon.feedback`.*plus optional `removed/s);
  const english = spec.match(/- EN: `([^`]*)`/)[1];
  out.feedback = [...english.split(/\s{2,}/).map((c) => c.split('|')[0].trim()), 'removed'];
  return out;
}

before(async () => {
  generate();
  server = await startServer(SITE);
  browser = await launch();
  app = await openApp(browser.context, server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

test('the template buttons download CSVs with exactly the columns of reports.md', async () => {
  const expected = specColumns();
  assert.deepEqual(expected.messages, ['message-id', 'received', 'responded', 'no-response-needed']);
  await frames(app.page, 3);
  const buttons = await app.page.evaluate(() => sellerHealth.templateButtons());
  assert.deepEqual(expected.feedback, ['Date', 'Rating', 'Comments', 'Your Response', 'Order ID', 'Rater Email', 'removed']);
  assert.deepEqual(buttons.map((b) => b.file),
                   ['shipments-template.csv', 'claims-template.csv', 'messages-template.csv', 'feedback-template.csv']);
  const box = await app.page.locator('canvas').first().boundingBox();
  const ratio = await app.page.evaluate(() => window.devicePixelRatio);
  for (const b of buttons) {
    const x = box.x + (b.x0 + b.x1) / 2 / ratio, y = box.y + (b.y0 + b.y1) / 2 / ratio;
    const download = app.page.waitForEvent('download', {timeout: 15000});
    await app.page.mouse.move(x, y);
    await frames(app.page, 2);
    await app.page.mouse.down();
    await frames(app.page, 2);
    await app.page.mouse.up();
    const file = await download;
    assert.equal(file.suggestedFilename(), b.file);
    const text = fs.readFileSync(await file.path(), 'utf8');
    const lines = text.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, `${b.file} holds the header line only`);
    const kind = b.file.replace('-template.csv', '');
    assert.deepEqual(lines[0].split(','), expected[kind], `${b.file} has the columns of reports.md`);
  }
  await app.page.mouse.move(1, 1);
});

test('in Chinese the Today panel shows every action translated, with its order id kept', async () => {
  await loadGenerated(app.page);
  const result = await app.page.evaluate(() => sellerHealth.result());
  assert.ok(result.actions.length >= 5, 'the generated account has actions');
  for (const a of result.actions) assert.ok(a.code, `action ${a.priority} has a code`);
  for (const [language, tag] of [['zh-Hans', 'zh-hans'], ['zh-Hant', 'zh-hant']]) {
    await setLanguage(app.page, language);
    const shown = await app.page.evaluate(() => sellerHealth.shownTexts());
    assert.equal(shown.actions.length, result.actions.length);
    shown.actions.forEach((text, i) => {
      const a = result.actions[i];
      assert.match(text, CJK, `action ${a.priority} (${a.code}) is translated: ${text}`);
      assert.notEqual(text, a.text);
      if (a.params.order_id) assert.ok(text.includes(a.params.order_id), `the order id stays: ${text}`);
    });
    const removal = result.actions.findIndex((a) => a.code === 'remove_feedback');
    if (removal >= 0)
      assert.match(shown.actions[removal], language === 'zh-Hans' ? /^申请移除/ : /^申請移除/);
    for (const w of shown.warnings) assert.match(w, CJK, `warning translated: ${w}`);
    assert.ok(shown.metric_notes.length > 0);
    for (const n of shown.metric_notes) assert.match(n, CJK, `metric note translated: ${n}`);
    await app.page.evaluate(() => sellerHealth.showPanel('today'));
    await shoot(app.page, `texts-desktop-${tag}-today.png`);
    // Return dissatisfaction has two notes (no response times; 1 request still pending).
    await app.page.evaluate(() => sellerHealth.selectMetric('return_dissatisfaction_rate', 'mfn'));
    await shoot(app.page, `texts-desktop-${tag}-drilldown-notes.png`);
  }
  await app.page.setViewportSize({width: 390, height: 844});
  await app.page.evaluate(() => sellerHealth.showPanel('today'));
  await shoot(app.page, 'texts-narrow-zh-hant-today.png');
  await app.page.setViewportSize({width: 1280, height: 720});
});

test('in Chinese the files panel shows a row problem translated, the value from the file kept', async () => {
  const bad = 'amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n' +
    '113-9999999-0000002\tnot a date\tShipped\tMerchant\n' +
    '113-9999999-0000003\t2026-10-02T08:00:00+00:00\tShipped\tMerchant\n';
  const [input] = await app.page.evaluate((text) => sellerHealth.load([{name: 'broken-orders.txt', text}]), bad);
  assert.ok(input.problems.some((p) => p.message === "not a date: 'not a date'"), JSON.stringify(input.problems));
  await setLanguage(app.page, 'zh-Hans');
  const shown = await app.page.evaluate(() => sellerHealth.shownTexts());
  const broken = shown.inputs[shown.inputs.length - 1];
  assert.ok(broken.problems.some((p) => p === "第 2 行，purchase-date：不是日期：'not a date'"),
            JSON.stringify(broken.problems));
  await app.page.evaluate(() => sellerHealth.showPanel('files'));
  await shoot(app.page, 'texts-desktop-zh-hans-files.png');
  await setLanguage(app.page, 'zh-Hant');
  const hant = await app.page.evaluate(() => sellerHealth.shownTexts());
  assert.ok(hant.inputs[hant.inputs.length - 1].problems.some((p) => p.endsWith("不是日期：'not a date'")));
  await shoot(app.page, 'texts-desktop-zh-hant-files.png');
  await setLanguage(app.page, 'en');
  const english = await app.page.evaluate(() => sellerHealth.shownTexts());
  assert.ok(english.inputs[english.inputs.length - 1].problems.includes("line 2, purchase-date: not a date: 'not a date'"));
  assert.deepEqual(english.actions, (await app.page.evaluate(() => sellerHealth.result())).actions.map((a) => a.text),
                   'in English the actions are the core\'s text');
  assert.deepEqual(app.errors, []);
});
