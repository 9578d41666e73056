// The crate paykka-checkout as a Rust user has it: examples/leptos-shop, its own Cargo project
// (own workspace and lockfile, so none of our [patch.crates-io]: Leptos's reactive core is the
// published one), built by its build.sh (only when an input changed), served by a static server
// of its own origin under a strict Content Security Policy, its /api proxied to the demo's
// merchant backend. It pays, reads a locale from the crate's files, styles itself with
// <PaykkaStyles />, and mounts and unmounts Component-mode fields without growing its memory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, createReadStream, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  launch, openPage, cspViolations, eventually, serveShop, reconfigure, secureInput, gatewayTransactions, sessionIdOf, stopServer,
  BACKEND_URL, SANDBOX_URL,
} from '../support.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');
const SHOP = join(REPO, 'examples', 'leptos-shop');
const DIST = join(SHOP, 'dist');

let server;
let origin; // the shop's own origin, http://127.0.0.1:<random port>
let browser;
const restore = []; // restarts the servers reconfigured for this shop as they were

// ----- the shop's web server: its files under the strict CSP, /api to the merchant backend -----

before(async () => {
  // Built only when one of its inputs (or the crate's) changed; the first build takes minutes.
  try {
    execFileSync('bash', [join(SHOP, 'build.sh')], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`examples/leptos-shop/build.sh failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  }
  // The demo's own policy (scripts/build-sdk.sh writes it), as an HTTP header: no inline script
  // or style, 'wasm-unsafe-eval', frames and form posts only to the payment provider.
  const policy = readFileSync(join(REPO, 'target', 'sdk-pages', 'csp.txt'), 'utf8').trim();
  server = serveShop(DIST, policy);
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  origin = `http://127.0.0.1:${server.address().port}`;
  // The provider lets its card frames be embedded by the merchant origins it knows, and the
  // backend takes return URLs on its allowed origins only: both are told of this shop.
  restore.push(await reconfigure('sandbox', {
    SANDBOX_FRAME_ANCESTORS: `${process.env.SANDBOX_FRAME_ANCESTORS ?? 'http://127.0.0.1:8080 http://localhost:8080'} ${origin}`,
  }));
  restore.push(await reconfigure('backend', {
    BACKEND_ALLOWED_ORIGINS: `${process.env.BACKEND_ALLOWED_ORIGINS ?? 'http://127.0.0.1:8080,http://localhost:8080'},${origin}`,
  }));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (server) { server.closeAllConnections(); server.close(); }
  for (const undo of restore.reverse()) await undo();
});

/// The shop's page, its checkout loaded (the number's frame on screen).
async function shopPage(query = '') {
  const opened = await openPage(browser, `${origin}/${query}`, { watchCsp: true });
  await secureInput(opened.page, 'number').waitFor({ state: 'visible', timeout: 20000 });
  return opened;
}

test('the example depends on the crate as a user does: its own workspace, no patch of Leptos', () => {
  const manifest = readFileSync(join(SHOP, 'Cargo.toml'), 'utf8');
  assert.match(manifest, /^\[workspace\]$/m, 'a workspace of its own');
  assert.match(manifest, /paykka-checkout = \{ path = "\.\.\/\.\.", default-features = false \}/);
  assert.doesNotMatch(manifest, /^\[patch/m);
  // The lockfile takes reactive_graph from crates.io, not from vendor/.
  const lock = readFileSync(join(SHOP, 'Cargo.lock'), 'utf8');
  const entry = lock.split('[[package]]').find((p) => /\nname = "reactive_graph"\n/.test(p));
  assert.match(entry, /version = "0\.2\.16"\nsource = "registry\+https:\/\/github\.com\/rust-lang\/crates\.io-index"/);
  const root = readFileSync(join(REPO, 'Cargo.toml'), 'utf8');
  assert.match(root, /exclude = \[[^\]]*"examples\/leptos-shop"/, 'outside the root workspace');
});

test('a shopper pays by card in the Leptos shop, styled by <PaykkaStyles />, under a strict CSP', async () => {
  const { page, context, errors } = await shopPage();
  // The stylesheet, adopted (no <style>, no inline style): its theme variables apply.
  const look = await page.evaluate(() => ({
    adopted: document.adoptedStyleSheets.length,
    styleElements: document.querySelectorAll('style').length,
    font: getComputedStyle(document.documentElement).getPropertyValue('--pk-font-family').trim(),
    fieldDisplay: getComputedStyle(document.querySelector('[data-field]')).display,
  }));
  assert.equal(look.adopted, 1);
  assert.equal(look.styleElements, 0);
  assert.notEqual(look.font, '', 'the theme\'s --pk-font-family');
  assert.notEqual(look.fieldDisplay, 'inline', 'a field is laid out by its CSS module');
  // The holder's name is not asked by default.
  assert.equal(await page.locator('iframe[title="Secure cardholder name input"]').count(), 0);
  for (const [field, keys] of [['number', '4242424242424242'], ['expiry', '1230'], ['cvv', '123']]) {
    const input = secureInput(page, field);
    await input.click();
    await input.pressSequentially(keys);
  }
  const pay = page.getByRole('button', { name: 'Pay $25.00' });
  await eventually(() => pay.isEnabled(), { timeout: 10000, message: 'Pay to be enabled' });
  await pay.click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  await page.locator('#shop-order', { hasText: 'is paid' }).waitFor({ timeout: 5000 });
  const sessionId = await sessionIdOf(page);
  assert.ok(sessionId, 'the shop asked its backend for the session');
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('the shop speaks French from the crate\'s locale files, served at /locales/', async () => {
  const { page, context, errors } = await openPage(browser, `${origin}/?locale=fr-FR`);
  await page.getByText('Numéro de carte').waitFor({ timeout: 20000 });
  // ... and so does the secure frame, told the shop's locale.
  await page.frameLocator('iframe[title="Champ sécurisé du numéro de carte"]').getByLabel('Numéro de carte').waitFor({ timeout: 15000 });
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/locales/')));
  assert.deepEqual(fetched, ['/locales/fr-FR/checkout.ftl']);
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('Component-mode fields mounted and unmounted 50 times keep no memory, without our Leptos patch', async () => {
  const { page, context, errors } = await shopPage();
  const result = await page.evaluate(async () => {
    const shop = window.leptosShop;
    // A page gets back to its event loop between a mount and an unmount; effects end on that turn.
    const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));
    const cycle = async () => {
      shop.mountFields();
      const fields = document.querySelectorAll('#memory-area [data-field]').length;
      await nextTurn();
      shop.unmountFields();
      await nextTurn();
      return fields;
    };
    // Warm-up: the allocator's high-water mark settles within a few dozen cycles (as in the
    // script-tag SDK's test, embedding.test.mjs), so a leak shows as growth after that.
    for (let i = 0; i < 80; i += 1) await cycle();
    const before = shop.memoryBytes();
    const counts = [];
    for (let i = 0; i < 50; i += 1) counts.push(await cycle());
    const grew = shop.memoryBytes() - before;
    return { counts: [...new Set(counts)], grew, left: document.querySelectorAll('#memory-area *').length };
  });
  assert.deepEqual(result.counts, [4], 'each cycle mounts the four fields');
  assert.equal(result.left, 0);
  assert.equal(result.grew, 0, `the wasm memory grew by ${result.grew} bytes over 50 mounts`);
  // The page's own form still works: its fields answer.
  await secureInput(page, 'number').click();
  assert.deepEqual(errors.map(String), []);
  await context.close();
});
