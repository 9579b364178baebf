// A minimal static file server for the built site, on 127.0.0.1 only. Used by the run
// command and the browser tests; records every request path so tests can assert on them.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.txt': 'text/plain; charset=utf-8',
};

export function startServer(root, {port = 0, host = '127.0.0.1', quiet = true} = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push(req.url);
    // The path alone, decoded; a request the server cannot read ("//", "/%") is a 400, never a
    // crash of the seller's server (new URL and decodeURIComponent throw on them).
    let pathname;
    try {
      pathname = decodeURIComponent((req.url || '/').split(/[?#]/)[0]);
    } catch (err) {
      res.writeHead(400, {'content-type': 'text/plain'}).end('bad request');
      return;
    }
    let file = path.normalize(path.join(root, pathname));
    if (!file.startsWith(path.resolve(root))) { res.writeHead(403).end(); return; }
    if (file.endsWith(path.sep)) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, {'content-type': 'text/plain'}).end('not found'); return; }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(data);
      if (!quiet) console.log(`${req.method} ${req.url}`);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      resolve({server, requests, url: `http://${host}:${address.port}/`, close: () => new Promise((r) => server.close(r))});
    });
  });
}

// `node tests/browser/server.mjs DIR [PORT]` serves DIR until interrupted.
if (process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href) {
  const root = path.resolve(process.argv[2] || 'build/web/site');
  const port = Number(process.argv[3] || 8080);
  startServer(root, {port, quiet: true}).then(({url}) => {
    console.log(`Seller Health is being served from ${root}`);
    console.log(`Open ${url} in your browser (Ctrl+C to stop).`);
  });
}
