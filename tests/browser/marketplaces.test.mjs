// Amazon's figures from an Account Health report covering several marketplaces: the computed
// metric is compared with the figure of the marketplace the chosen policy is for (amazon.ca ->
// A2EUQ1WTGCTBG2), with the generic policy with the first; the other figures keep their own
// cards, labelled with their marketplace.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import {startServer} from './server.mjs';
import {launch, openApp, SITE, shoot} from './browser.mjs';

// Three mfn orders on 2026-11-18..20, one cancelled by the seller: computed cancel rate 1/3.
const ORDERS = 'amazon-order-id\tpurchase-date\torder-status\tfulfillment-channel\n' +
  '701-0000001-0000001\t2026-11-18T10:00:00+00:00\tShipped\tMerchant\n' +
  '701-0000001-0000002\t2026-11-19T10:00:00+00:00\tCancelled\tMerchant\n' +
  '701-0000001-0000003\t2026-11-20T10:00:00+00:00\tShipped\tMerchant\n';
const range = {reportingDateFrom: '2026-11-14T00:00:00Z', reportingDateTo: '2026-11-20T23:59:59Z'};
const cancel = (rate, status) => ({rate, targetValue: 0.025, targetCondition: 'LESS_THAN', status, reportingDateRange: range});
const REPORT = JSON.stringify({
  accountStatuses: [{marketplaceId: 'ATVPDKIKX0DER', status: 'NORMAL'}, {marketplaceId: 'A2EUQ1WTGCTBG2', status: 'NORMAL'}],
  performanceMetrics: [
    {marketplaceId: 'ATVPDKIKX0DER', preFulfillmentCancellationRate: cancel(0.01, 'GOOD')},
    {marketplaceId: 'A2EUQ1WTGCTBG2', preFulfillmentCancellationRate: cancel(0.03, 'BAD')},
  ],
});

let server, browser, app;

before(async () => {
  server = await startServer(SITE);
  browser = await launch();
  app = await openApp(browser.context, server.url);
  await app.page.evaluate(([orders, report]) => sellerHealth.load([{name: 'orders.txt', text: orders},
                                                                   {name: 'account-health.json', text: report}]),
                          [ORDERS, REPORT]);
  await app.page.evaluate(() => sellerHealth.setAsOf('2026-11-20'));
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// The summary line of the computed cancel rate (the aria-live text names Amazon's partner figure).
async function cancelLine(policy) {
  await app.page.evaluate((p) => sellerHealth.setPolicy(p), policy);
  const summary = await app.page.evaluate(() => sellerHealth.summary());
  return summary.split('\n').find((l) => l.includes('33.33%'));
}

test('the computed cancel rate is compared with the figure of the policy\'s marketplace', async () => {
  const reported = (await app.page.evaluate(() => sellerHealth.result())).metrics
    .filter((m) => m.id === 'cancel_rate' && m.source === 'amazon_report').map((m) => [m.marketplace_id, m.rate]);
  assert.deepEqual(reported, [['ATVPDKIKX0DER', 0.01], ['A2EUQ1WTGCTBG2', 0.03]]);
  assert.match(await cancelLine('amazon.ca'), /Amazon.*3\.00%/);
  assert.match(await cancelLine('amazon.us'), /Amazon.*1\.00%/);
  assert.match(await cancelLine('amazon'), /Amazon.*1\.00%/);  // generic policy: the first
  await app.page.evaluate(() => { sellerHealth.setPolicy('amazon.ca'); sellerHealth.showPanel('overview'); });
  await shoot(app.page, 'marketplaces-overview-ca.png');
  assert.deepEqual(app.errors, []);
});
