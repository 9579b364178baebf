// The bad-input corpus (tests/data/bad/expected.tsv) through the page: each bad file loaded
// next to a good orders file; the UI keeps drawing, result() keeps working, the good file's
// summary and metrics are unchanged, and the bad file's error or problems are listed.
import {test, before, after} from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {startServer} from './server.mjs';
import {launch, openApp, saveArtifact, ROOT, SITE} from './browser.mjs';

const BAD = path.join(ROOT, 'tests/data/bad');
const GOOD = fs.readFileSync(path.join(BAD, 'good/all_orders_us.txt'), 'utf8');

const EXPECTED = fs.readFileSync(path.join(BAD, 'expected.tsv'), 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [file, kind, error, rows, skipped, line, column, message] = l.split('\t');
    return {file, kind: kind === '-' ? '' : kind, error, rows: Number(rows), skipped: Number(skipped), line, column, message};
  });

let server, browser, app;

before(async () => {
  server = await startServer(SITE);
  browser = await launch();
  app = await openApp(browser.context, server.url);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Loads the files (bytes as base64, or a generated big one made in the page) after clear(),
// and returns the result plus how many animation frames ran while loading and just after.
async function loadInPage(files) {
  return app.page.evaluate(async ({files, header}) => {
    const made = {
      '@long_single_line.txt': () => 'a'.repeat(10_000_000),
      '@long_row.txt': () => header + '111-1234567-1234567\t\t2026-10-01T10:00:00+00:00\t2026-10-01T10:00:00+00:00\t' +
        'Shipped\tMerchant\tAmazon.com\t' + 'x'.repeat(10_000_000) + '\tSKU-1\t1\t9.99\n',
      '@nested_200k.json': () => '{"performanceMetrics": ' + '['.repeat(200_000) + ']'.repeat(200_000) + '}',
    };
    const blobs = files.map(({name, b64}) => {
      if (name.startsWith('@')) return new File([made[name]()], name.slice(1));
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return new File([bytes], name);
    });
    let frames = 0, running = true;
    const tick = () => { frames++; if (running) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    sellerHealth.clear();
    sellerHealth.setAsOf('2026-11-20');
    await sellerHealth.load(blobs);
    // The UI keeps drawing after the load: wait for 5 more frames (a loaded machine is slow).
    const after = frames + 5, t0 = performance.now();
    while (frames < after && performance.now() - t0 < 15000) await new Promise((r) => setTimeout(r, 50));
    running = false;
    return {result: sellerHealth.result(), frames, summary: sellerHealth.summary()};
  }, {files, header: fs.readFileSync(path.join(BAD, 'header_only.txt'), 'utf8')});
}

const asFile = (name, bytes) => ({name, b64: Buffer.from(bytes).toString('base64')});

test('bad inputs: each bad file next to a good one leaves the page running and the good file unchanged', async () => {
  const alone = await loadInPage([asFile('all_orders_us.txt', GOOD)]);
  const goodInput = alone.result.inputs[0];
  assert.equal(goodInput.kind, 'amazon.all_orders');
  assert.ok(goodInput.rows > 0);
  const goodMetrics = JSON.stringify(alone.result.metrics);

  for (const e of EXPECTED) {
    const bad = e.file.startsWith('@') ? {name: e.file} : asFile(e.file, fs.readFileSync(path.join(BAD, e.file)));
    const {result, frames} = await loadInPage([bad, asFile('all_orders_us.txt', GOOD)]);
    const badName = e.file.replace(/^@/, '');
    const badInput = result.inputs.find((i) => i.name === badName);
    const good = result.inputs.find((i) => i.name === 'all_orders_us.txt');
    assert.ok(badInput, `${e.file}: listed in result().inputs`);
    assert.deepEqual(good, goodInput, `${e.file}: the good file's summary is unchanged`);
    assert.ok(frames >= 5, `${e.file}: only ${frames} frames while and after loading`);
    assert.equal(badInput.kind, e.kind, `${e.file}: kind`);
    assert.equal(badInput.rows, e.rows, `${e.file}: rows`);
    assert.equal(badInput.skipped, e.skipped, `${e.file}: skipped`);
    if (e.error !== '-') {
      assert.ok((badInput.error || '').includes(e.error), `${e.file}: error '${badInput.error}' says '${e.error}'`);
      assert.equal(JSON.stringify(result.metrics), goodMetrics, `${e.file}: an unusable file changes no metric`);
    } else {
      assert.ok(!badInput.error, `${e.file}: usable, but error '${badInput.error}'`);
    }
    if (e.line !== '-') {
      const first = badInput.problems[0];
      assert.deepEqual([first.line, first.column, first.message], [Number(e.line), e.column === '-' ? '' : e.column, e.message], `${e.file}: first problem`);
    }
  }
  // After all of that the page still draws and answers.
  saveArtifact('bad-inputs-last.png', await app.page.screenshot());
  const errors = app.errors.filter((m) => /abort|RuntimeError|unreachable|out of memory/i.test(m));
  assert.deepEqual(errors, [], 'no wasm abort or runtime error in the console');
  const again = await loadInPage([asFile('all_orders_us.txt', GOOD)]);
  assert.equal(JSON.stringify(again.result.metrics), goodMetrics);
});
