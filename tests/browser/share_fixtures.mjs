// Fixtures for issue 7's browser tests (share, offline, privacy, single file): a realistic
// report set from tests/gen, the secrets in it, and helpers to read a share link in Node.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {execFileSync} from 'node:child_process';
import {ROOT} from './browser.mjs';

// Generates (once per process) a US report set with every kind of file; returns [{name, text}].
let cached = null;
export function reportSet() {
  if (cached) return cached;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sh-share-reports-'));
  execFileSync('python3', [path.join(ROOT, 'tests/gen/generate_reports.py'), '--orders', '400', '--seed', '7',
    '--marketplace', 'us', '--out', dir, '--quiet']);
  cached = fs.readdirSync(dir).filter((n) => n !== 'truth.json').sort()
    .map((name) => ({name, text: fs.readFileSync(path.join(dir, name), 'utf8')}));
  fs.rmSync(dir, {recursive: true, force: true});
  return cached;
}

// What must never leave the seller's machine: order ids, feedback comments, e-mails.
export function secretsOf(files) {
  const orderIds = new Set(), comments = new Set(), emails = new Set();
  for (const {text} of files) {
    for (const m of text.matchAll(/\b\d{3}-\d{7}-\d{7}\b/g)) orderIds.add(m[0]);
    for (const m of text.matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g)) emails.add(m[0]);
  }
  for (const {name, text} of files) {
    if (!/feedback/i.test(name)) continue;
    const rows = text.split(/\r?\n/);
    const sep = rows[0].includes('\t') ? '\t' : ',';
    const col = rows[0].split(sep).findIndex((h) => /comment/i.test(h));
    for (const row of rows.slice(1)) {
      const c = (row.split(sep)[col] || '').replace(/^"|"$/g, '');
      if (c.length >= 12) comments.add(c.slice(0, 12));
    }
  }
  return {orderIds: [...orderIds], comments: [...comments], emails: [...emails]};
}

// The payload bytes a share URL carries (base64url of deflate-raw), decoded in Node.
export function payloadOf(url) {
  const fragment = new URL(url).hash.replace(/^#/, '');
  const b64 = new URLSearchParams(fragment).get('s');
  return zlib.inflateRawSync(Buffer.from(b64, 'base64url'));
}

// A share URL for raw payload bytes (to forge damaged or old links).
export function linkFor(base, payload) {
  return base.split('#')[0] + '#s=' + zlib.deflateRawSync(Buffer.from(payload)).toString('base64url');
}

// The aggregate fields output.md lists for the share link, to compare original and snapshot.
export function aggregates(result) {
  const metrics = result.metrics.map((m) => ({
    id: m.id, scope: m.scope, source: m.source, category: m.category,
    numerator: m.numerator, denominator: m.denominator, rate: m.rate, target: m.target,
    condition: m.condition, status: m.status, window: m.window, rule_of_thumb: m.rule_of_thumb,
    headroom: m.headroom, needed_to_recover: m.needed_to_recover, recovers_on: m.recovers_on,
    components: m.components,
  }));
  const feedback = result.feedback ? {counts: result.feedback.counts, root_causes: result.feedback.root_causes} : null;
  return {as_of: result.as_of, policy: result.policy, metrics, feedback};
}

// Format-1 golden payload written by the first release (tests/test_share_snapshot.cpp).
export const GOLDEN_FORMAT_1 =
  '0108d2c4021209616d617a6f6e2e75732a05302e312e301a3d0a036f647212036d666e1a08636f6d7075746564200328ac06314aafbf38' +
  '19446e3f397b14ae47e17a843f42026c744a04676f6f6450c0c30258b6c40222230801120b0a03333064100a180120021a120a0e736869' +
  '7070696e675f7370656564100283d58547';
