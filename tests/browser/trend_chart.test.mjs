// The drill-down's trend chart is drawn by our shader (shaders/trend.*), not ImGui's fallback
// lines, and the what-if panel: a year of generated reports, the chart's line colour read back
// from screenshots, and screenshots of the drill-down and what-if panels (desktop and narrow,
// dark and light) saved to tests/browser/artifacts/chart-*.png to be looked at.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {startServer} from './server.mjs';
import {launch, openApp, saveArtifact, SITE, ROOT, frames, shoot} from './browser.mjs';

// The rate line's colour per theme (src/app/chart.cpp trend_line_color).
const LINE = {dark: [66, 150, 250], light: [24, 104, 210]};

let server, browser, app, dir;

// Pixels of a screenshot within `tolerance` (sum of channel differences) of a colour.
async function pixelsOfColor(page, png, color, tolerance = 12) {
  return page.evaluate(async ({b64, rgb, tol}) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(d[i] - rgb[0]) + Math.abs(d[i + 1] - rgb[1]) + Math.abs(d[i + 2] - rgb[2]) <= tol) n++;
    return n;
  }, {b64: png.toString('base64'), rgb: color, tol: tolerance});
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-chart-'));
  execFileSync('/usr/bin/python3', [path.join(ROOT, 'tests/gen/generate_reports.py'), '--orders', '3000', '--seed', '11',
    '--days', '365', '--feedback-lang', 'en', '--out', dir, '--quiet']);
  server = await startServer(SITE);
  browser = await launch();
  app = await openApp(browser.context, server.url);
  const files = fs.readdirSync(dir).filter((f) => f !== 'truth.json').sort();
  const payload = files.map((name) => ({name, text: fs.readFileSync(path.join(dir, name), 'latin1')}));
  await app.page.evaluate(async (items) => sellerHealth.load(items.map(({name, text}) => {
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return new File([bytes], name);
  })), payload);
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, {recursive: true, force: true});
});

test('the drill-down trend chart is drawn by our shader, once a frame', async () => {
  await app.page.evaluate(() => sellerHealth.showPanel('overview'));
  await frames(app.page, 4);
  assert.equal(await app.page.evaluate(() => sellerHealth.trendGpuDraws()), 0, 'no chart on the overview');
  assert.ok(await app.page.evaluate(() => sellerHealth.selectMetric('odr', 'all')), 'ODR (all) is in the result');
  await app.page.evaluate(() => sellerHealth.showPanel('drilldown'));
  await frames(app.page, 4);
  assert.equal(await app.page.evaluate(() => sellerHealth.trendGpuDraws()), 1, 'one chart through the shader');
});

test('the rate line\'s colour is on screen in both themes, desktop and narrow', async () => {
  for (const [theme, width, height] of [['dark', 1280, 720], ['light', 1280, 720], ['dark', 390, 844], ['light', 390, 844]]) {
    await app.page.setViewportSize({width, height});
    await app.page.evaluate((t) => { sellerHealth.setTheme(t); sellerHealth.showPanel('drilldown'); }, theme);
    const png = await shoot(app.page, `chart-drilldown-${width < 700 ? 'narrow' : 'desktop'}-${theme}.png`);
    assert.equal(await app.page.evaluate(() => sellerHealth.trendGpuDraws()), 1, `${theme} ${width}px: drawn by the shader`);
    // A 2-pixel line across the plot: at least a few hundred pixels of its exact colour.
    const line = await pixelsOfColor(app.page, png, LINE[theme]);
    assert.ok(line > (width < 700 ? 150 : 400), `${theme} ${width}px: ${line} pixels of the line colour`);
  }
  await app.page.setViewportSize({width: 1280, height: 720});
  await app.page.evaluate(() => sellerHealth.setTheme('dark'));
});

test('at devicePixelRatio 2 the chart is drawn in device pixels, with the hover tooltip over it', async () => {
  const cdp = await app.page.context().newCDPSession(app.page);
  await cdp.send('Emulation.setDeviceMetricsOverride', {width: 1280, height: 720, deviceScaleFactor: 2, mobile: false});
  try {
    await app.page.evaluate(() => { sellerHealth.selectMetric('odr', 'all'); sellerHealth.showPanel('drilldown'); });
    await frames(app.page, 6);
    assert.equal(await app.page.evaluate(() => window.devicePixelRatio), 2);
    // Chromium's own capture keeps the device pixels (Playwright's would scale to CSS pixels).
    await frames(app.page, 4);
    const png = Buffer.from((await cdp.send('Page.captureScreenshot', {format: 'png'})).data, 'base64');
    saveArtifact('chart-drilldown-desktop-dark-dpr2.png', png);
    assert.equal(await app.page.evaluate(() => sellerHealth.trendGpuDraws()), 1);
    // Twice the pixels across and a line twice as wide: well over the 1x count.
    const line = await pixelsOfColor(app.page, png, LINE.dark);
    assert.ok(line > 1200, `${line} pixels of the line colour at 2x`);
    // Hover the middle of the plot: ImGui's tooltip and hover line come after the shader's layers.
    await app.page.mouse.move(640, 440);
    await frames(app.page, 30);
    saveArtifact('chart-drilldown-desktop-dark-dpr2-hover.png',
                 Buffer.from((await cdp.send('Page.captureScreenshot', {format: 'png'})).data, 'base64'));
    assert.equal(await app.page.evaluate(() => sellerHealth.trendGpuDraws()), 1);
  } finally {
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await app.page.mouse.move(0, 0);
  }
});

test('every metric\'s chart draws through the shader; what-if screenshots', async () => {
  // selectMetric(id, scope) opens the first metric with that id and scope, as listed.
  const metrics = await app.page.evaluate(() => {
    const seen = new Set();
    return sellerHealth.result().metrics.filter((m) => {
      const key = m.id + '/' + (m.scope || '');
      return !seen.has(key) && seen.add(key);
    }).map((m) => [m.id, m.scope || '', (m.series || []).some((p) => p[2] > 0)]);
  });
  assert.ok(metrics.length > 5, `${metrics.length} metrics`);
  for (const [id, scope, withData] of metrics) {
    await app.page.evaluate(([i, s]) => { sellerHealth.selectMetric(i, s); sellerHealth.showPanel('drilldown'); }, [id, scope]);
    await frames(app.page, 3);
    const draws = await app.page.evaluate(() => sellerHealth.trendGpuDraws());
    assert.equal(draws, withData ? 1 : 0, `${id} ${scope}: ${draws} shader draws (days with data: ${withData})`);
  }
  for (const [theme, width, height] of [['dark', 1280, 720], ['light', 1280, 720], ['dark', 390, 844]]) {
    await app.page.setViewportSize({width, height});
    await app.page.evaluate((t) => { sellerHealth.setTheme(t); sellerHealth.showPanel('whatif'); }, theme);
    await shoot(app.page, `chart-whatif-${width < 700 ? 'narrow' : 'desktop'}-${theme}.png`);
  }
  await app.page.setViewportSize({width: 1280, height: 720});
  await app.page.evaluate(() => sellerHealth.setTheme('dark'));
  assert.deepEqual(app.errors, []);
});
