// Issue 7, offline: after the first visit the service worker holds every file of the build;
// with the network off (and the server gone) the page reloads, reads reports and computes.
// A new build installs beside the old one, is offered to the seller, and the old cache goes.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {execFileSync} from 'node:child_process';
import {startServer} from './server.mjs';
import {launch, openApp, saveArtifact, SITE, ROOT} from './browser.mjs';
import {reportSet} from './share_fixtures.mjs';

let site, server, port, browser, app;

function siteFiles(dir, prefix = '') {
  return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? siteFiles(path.join(dir, e.name), prefix + e.name + '/') : [prefix + e.name]);
}

async function stopServer() {
  server.server.closeAllConnections();
  await server.close();
}

before(async () => {
  // A copy of the site, so the test can make a "new build" of it.
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-offline-site-'));
  fs.cpSync(SITE, site, {recursive: true});
  server = await startServer(site);
  port = new URL(server.url).port;
  browser = await launch();
  app = await openApp(browser.context, server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(site, {recursive: true, force: true});
});

test('the service worker takes the page and precaches every file of the build', async () => {
  const cached = await app.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    while (!navigator.serviceWorker.controller) await new Promise((r) => setTimeout(r, 50));
    const keys = await caches.keys();
    const urls = keys.length === 1 ? (await (await caches.open(keys[0])).keys()).map((r) => r.url) : [];
    return {keys, urls};
  });
  assert.equal(cached.keys.length, 1);
  assert.match(cached.keys[0], /^seller-health-[0-9a-f]{16}$/);
  const expected = siteFiles(site).filter((f) => f !== 'sw.js').map((f) => server.url + f);
  for (const url of [server.url, ...expected]) assert.ok(cached.urls.includes(url), `not precached: ${url}`);
  const sw = fs.readFileSync(path.join(site, 'sw.js'), 'utf8');
  assert.ok(sw.includes(cached.keys[0].replace('seller-health-', '')), 'the cache is named after the build hash');
});

test('the page is installable as an app (manifest, icons, service worker)', async () => {
  const cdp = await browser.context.newCDPSession(app.page);
  const {errors} = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, []);
  const {installabilityErrors} = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = JSON.parse(fs.readFileSync(path.join(site, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) assert.ok(fs.existsSync(path.join(site, icon.src)), icon.src);
  await cdp.detach();
});

test('with the network off and the server gone, the page reloads and computes', async () => {
  const before = server.requests.length;
  await stopServer();
  await browser.context.setOffline(true);
  await app.page.reload();
  await app.page.waitForFunction(() => window.sellerHealth !== undefined, null, {timeout: 30000});
  const result = await app.page.evaluate(async (files) => {
    await sellerHealth.load(files);
    return sellerHealth.result();
  }, reportSet());
  assert.equal(result.inputs.length, reportSet().length);
  assert.ok(result.metrics.length >= 5, `metrics computed offline: ${result.metrics.length}`);
  assert.ok(!result.inputs.some((i) => i.error), 'every file read');
  const link = await app.page.evaluate(() => sellerHealth.shareLink());
  assert.match(link, /#s=/);
  saveArtifact('offline-loaded.png', await app.page.screenshot());
  assert.equal(server.requests.length, before);
});

test('a new build installs beside the old one, is offered, and the old cache is removed', async () => {
  await browser.context.setOffline(false);
  server = await startServer(site, {port: Number(port)});
  const oldKey = (await app.page.evaluate(() => caches.keys()))[0];
  // The "new build": one changed file, and the service worker regenerated from it.
  fs.appendFileSync(path.join(site, 'style.css'), '\n/* new build marker */\n');
  execFileSync('python3', [path.join(ROOT, 'src/cmake/service_worker.py'), site, path.join(ROOT, 'web/sw.js')]);

  await app.page.reload();
  await app.page.waitForFunction(() => window.sellerHealth !== undefined, null, {timeout: 30000});
  await app.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const bar = app.page.locator('#update-bar');
  await bar.waitFor({state: 'visible', timeout: 30000});
  const keys = await app.page.evaluate(() => caches.keys());
  assert.equal(keys.length, 2, 'the new cache is ready while the old one still serves');
  // The page still runs the old build until the seller chooses to switch.
  assert.ok(!(await app.page.evaluate(() => fetch('style.css').then((r) => r.text()))).includes('new build marker'));

  await Promise.all([app.page.waitForEvent('load', {timeout: 30000}), bar.locator('button', {hasText: 'Reload now'}).click()]);
  await app.page.waitForFunction(() => window.sellerHealth !== undefined, null, {timeout: 30000});
  const after = await app.page.evaluate(async () => ({
    keys: await caches.keys(),
    css: await fetch('style.css').then((r) => r.text()),
  }));
  assert.equal(after.keys.length, 1);
  assert.notEqual(after.keys[0], oldKey);
  assert.ok(after.css.includes('new build marker'));
});

test('no request went anywhere but the page origin', () => {
  const origin = new URL(server.url).origin;
  const foreign = app.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
});
