// Shared helpers for browser tests: Debian's Chromium through playwright-core, headless,
// WebGL through SwiftShader, with no background network of its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';

export const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
export const SITE = process.env.SH_SITE ? path.resolve(process.env.SH_SITE) : path.join(ROOT, 'build/web/site');
export const ARTIFACTS = path.join(ROOT, 'tests/browser/artifacts');

export async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: {width: 1280, height: 720},
    args: ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader',
           '--enable-unsafe-swiftshader'],
  });
  return {context, close: async () => { await context.close(); fs.rmSync(userDataDir, {recursive: true, force: true}); }};
}

// Opens the page and waits until window.sellerHealth exists. Records every request URL and
// console error.
export async function openApp(context, url) {
  const page = context.pages()[0] || await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.sellerHealth !== undefined, null, {timeout: 30000});
  // Let a few frames render.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return {page, requests, errors};
}

// Counts pixels of a screenshot that differ from the page background (decoded in the page).
export async function nonBackgroundPixels(page, png, background = [23, 25, 30]) {
  return page.evaluate(async ({b64, bg}) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = new OffscreenCanvas(img.width, img.height);
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4)
      if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 30) n++;
    return n;
  }, {b64: png.toString('base64'), bg: background});
}

export function saveArtifact(name, data) {
  fs.mkdirSync(ARTIFACTS, {recursive: true});
  const file = path.join(ARTIFACTS, name);
  fs.writeFileSync(file, data);
  return file;
}

// Waits until the page has drawn `n` more animation frames.
export async function frames(page, n = 3) {
  await page.evaluate((k) => new Promise((resolve) => {
    let left = k;
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

// A screenshot after a few frames, saved as an artifact to look at; returns the PNG.
export async function shoot(page, name) {
  await frames(page, 4);
  const png = await page.screenshot();
  saveArtifact(name, png);
  return png;
}

// A result as the page and the CLI must agree on it (the tool version may differ between
// builds; file names are compared without their folder).
export function comparable(result) {
  const r = structuredClone(result);
  delete r.version;
  for (const i of r.inputs || []) i.name = path.basename(i.name);
  return r;
}
