// Every card of the overview is drawn on its own (issue 6, README "What a seller gets": with
// several marketplaces in one report, the others get cards of their own). Two marketplaces'
// figures of one metric once shared one ImGui id, so the second card was drawn into the first
// one's child window and clipped: a failing Amazon.ca ODR could not be seen. Here the only
// failing figure is Amazon.ca's ODR, and its red gauge ring must be on the screen.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {startServer} from './server.mjs';
import {launch, openApp, shoot, SITE} from './browser.mjs';

let server, browser, app;

const block = (id, count, orders, status) => ({
  marketplaceId: id,
  orderDefectRate: {mfn: {
    reportingDateRange: {reportingDateFrom: '2026-09-01T00:00:00Z', reportingDateTo: '2026-10-30T00:00:00Z'},
    status, targetValue: 0.01, targetCondition: 'LESS_THAN', orderCount: orders,
    orderWithDefects: {count}, rate: count / orders}},
  listingPolicyViolations: {status: 'GOOD', defectsCount: 0, targetValue: 0},
});
const report = JSON.stringify({performanceMetrics: [block('ATVPDKIKX0DER', 1, 500, 'GOOD'),
                                                    block('A2EUQ1WTGCTBG2', 3, 100, 'BAD')]});

before(async () => {
  server = await startServer(SITE);
  browser = await launch();
  app = await openApp(browser.context, server.url);
});
after(async () => { await browser?.close(); await server?.close(); });

test('a second marketplace\'s failing figure has a card of its own on the overview', async () => {
  const result = await app.page.evaluate(async (text) => {
    sellerHealth.setPolicy('amazon.us');
    await sellerHealth.load([{name: 'account_health.json', text}]);
    return sellerHealth.result();
  }, report);
  const failing = result.metrics.filter((m) => m.status === 'failing');
  assert.deepEqual(failing.map((m) => [m.id, m.scope, m.source]), [['odr', 'mfn', 'amazon_report']]);
  const png = await shoot(app.page, 'overview-two-marketplaces.png');
  // Red of a failing status (theme status colour), counted in the page: the header's red line of
  // text alone is a few hundred pixels; the failing gauge ring adds over a thousand.
  const red = await app.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] > 180 && d[i + 1] < 100 && d[i + 2] < 100) n++;
    return n;
  }, png.toString('base64'));
  // Measured: 591 with the clipped card, 2,004 with it drawn.
  assert.ok(red > 1200, `red pixels of the failing card: ${red}`);
  assert.deepEqual(app.errors, []);
});
