// The local server of the run command: odd request paths get an answer, and the server keeps
// serving (a request for "//" used to end the process).
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';

import {startServer} from './server.mjs';

function get(url, rawPath) {
  return new Promise((resolve, reject) => {
    const {hostname, port} = new URL(url);
    http.get({hostname, port, path: rawPath}, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    }).on('error', reject);
  });
}

test('odd request paths are answered and the server keeps serving', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-server-'));
  fs.writeFileSync(path.join(root, 'index.html'), '<p>hi</p>');
  const {url, close} = await startServer(root);
  try {
    assert.equal(await get(url, '//'), 200);             // the index, as "/" gives
    assert.equal(await get(url, '/%'), 400);             // not a percent-encoding
    assert.equal(await get(url, '/../../etc/passwd'), 403);  // outside the site
    assert.equal(await get(url, '/index.html?x=%'), 200);
    assert.equal(await get(url, '/'), 200);
  } finally {
    await close();
    fs.rmSync(root, {recursive: true, force: true});
  }
});
