// The private keys (the merchant's signing key, the gateway's webhook and card keys) never leave
// their server: not in a bundle the browser downloads, not in a server log, not in an answer.
// Checked after the suites before it have paid, failed, saved cards and replayed webhooks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession, BACKEND_URL, SANDBOX_URL, DEMO_URL } from '../support.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/// Pieces of every private key in a data folder: three 48-character runs of its base64 body,
/// from its start, middle and end (any one found anywhere is a leak).
function keyPieces(folder) {
  if (!folder || !existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.pem'))
    .map((name) => readFileSync(join(folder, name), 'utf8'))
    .filter((pem) => pem.includes('PRIVATE KEY'))
    .flatMap((pem) => {
      const body = pem.split('\n').filter((line) => line && !line.startsWith('-----')).join('');
      return [body.slice(64, 112), body.slice(body.length / 2, body.length / 2 + 48), body.slice(-112, -64)];
    });
}

function filesUnder(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const pieces = [...keyPieces(process.env.BACKEND_DATA_DIR), ...keyPieces(process.env.SANDBOX_DATA_DIR)];

function assertNoKeyIn(text, where) {
  for (const piece of pieces) assert.ok(!text.includes(piece), `a private key is in ${where}`);
}

test('the servers have private keys to keep (the check below has something to look for)', () => {
  assert.ok(pieces.length >= 9, `found ${pieces.length / 3} private keys; set BACKEND_DATA_DIR and SANDBOX_DATA_DIR (scripts/servers.sh does)`);
});

test('no private key is in any bundle the browser can download, or in any server log', () => {
  const shipped = [...filesUnder(join(ROOT, 'target', 'sdk')), ...filesUnder(join(ROOT, 'target', 'frames')), ...filesUnder(join(ROOT, 'dist'))];
  assert.ok(shipped.length > 20, `only ${shipped.length} built files found`);
  for (const file of shipped) assertNoKeyIn(readFileSync(file).toString('latin1'), file);
  const logs = filesUnder(join(ROOT, 'target', 'logs')).filter((f) => f.endsWith('.log'));
  assert.ok(logs.length >= 3, 'the servers\' logs');
  for (const file of logs) assertNoKeyIn(readFileSync(file, 'utf8'), file);
});

test('no private key is in what the servers answer', async () => {
  const session = await createSession({ mode: 'HOSTED' });
  const answers = [
    `${BACKEND_URL}/api/sessions/${session.session_id}`,
    `${BACKEND_URL}/api/sessions/${session.session_id}/result`,
    `${BACKEND_URL}/health`,
    `${SANDBOX_URL}/health`,
    `${SANDBOX_URL}/card-key`,
    session.session_url,
    `${DEMO_URL}/`,
  ];
  for (const url of answers.filter(Boolean)) {
    const response = await fetch(url);
    assertNoKeyIn(`${JSON.stringify([...response.headers])} ${await response.text()}`, url);
  }
});
