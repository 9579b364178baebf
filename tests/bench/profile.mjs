// Profiles one app load in the page with the CDP sampling profiler: top functions by self time.
// node tests/bench/profile.mjs [SITE_DIR] [ORDERS]
import fs from 'node:fs';
import path from 'node:path';
import {launch} from '../browser/browser.mjs';
import {startServer} from '../browser/server.mjs';
import {OUT, ensureSet} from './lib.mjs';

const site = path.resolve(process.argv[2] || path.join(OUT, '../bench-web/site'));
const set = ensureSet(Number(process.argv[3] || 100000), console.log);
const server = await startServer(site);
const {context, close} = await launch();
try {
  const page = await context.newPage();
  await page.goto(server.url + 'index.html');
  await page.waitForFunction(() => window.sellerHealth !== undefined, null, {timeout: 60000});
  await page.evaluate(() => { const i = document.createElement('input'); i.type = 'file'; i.multiple = true; i.id = 'bench-files'; i.hidden = true; document.body.appendChild(i); });
  await page.setInputFiles('#bench-files', set.odrFiles.map((f) => f.path));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', {interval: 500});
  await cdp.send('Profiler.start');
  const ms = await page.evaluate(async () => {
    const t0 = performance.now();
    await window.sellerHealth.load(Array.from(document.getElementById('bench-files').files));
    window.sellerHealth.result();
    return performance.now() - t0;
  });
  const {profile} = await cdp.send('Profiler.stop');
  fs.writeFileSync(path.join(OUT, 'app.cpuprofile'), JSON.stringify(profile));
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    self.set(key, (self.get(key) || 0) + (dt[i] || 0) / 1000);
  });
  console.log(`load → result ${ms.toFixed(0)} ms; top self time (ms):`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(v.toFixed(0).padStart(7), k);
} finally {
  await close();
  await server.close();
}
