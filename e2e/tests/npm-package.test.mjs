// The npm package @paykka/checkout as a merchant uses it: built (scripts/build-npm.sh), packed
// with `npm pack`, installed from the tarball alone into a fresh project, imported on a server
// (no window), type-checked, bundled by esbuild into a shop of its own origin served under the
// demo's strict Content Security Policy, and paid with, as a Drop-in and in Component mode. The
// shop's backend is the demo's (its /api proxied, as a merchant's web server does), configured
// for the shop's origin; every payment reaches the sandbox gateway.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, createReadStream, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  launch, openPage, cspViolations, eventually, serveShop, reconfigure, fillCard, secureInput, gatewayTransactions, sessionIdOf, stopServer,
  screenshot, BACKEND_URL, SANDBOX_URL,
} from '../support.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..', '..');
const BIN = join(HERE, '..', 'node_modules', '.bin');
const PACKAGE = join(REPO, 'target', 'npm');
const VERSION = readFileSync(join(REPO, 'Cargo.toml'), 'utf8').match(/\[workspace\.package\][^[]*?\nversion = "([^"]+)"/)[1];
const LOCALES = readdirSync(join(REPO, 'locales')).filter((tag) => tag !== 'en-US').sort();
// The wasm's chunks (src/chunks.rs), loaded when a session needs them: files of the package too.
const CHUNKS = readdirSync(join(REPO, 'target', 'sdk', VERSION)).filter((f) => /^split_\w+\.wasm$/.test(f)).sort();
// Where the demo shop orders ship (its address step, before payment, asked for it).
const SHIPPING = { first_name: 'Ada', last_name: 'Lovelace', address_line1: "12 St James's Square", city: 'London', postal_code: 'SW1Y 4JH', country: 'GB' };

let work; // the temp folder: the packed tarball, npm's empty cache, the shop's project
let shop; // the shop's project folder, with node_modules/@paykka/checkout installed from the tarball
let packed; // what `npm pack --json` said
let server;
let origin; // the shop's own origin, http://127.0.0.1:<random port>
let browser;
const restore = []; // restarts the servers reconfigured for this shop as they were

function run(command, args, options = {}) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  }
}

// ----- the shop: its pages and scripts, as a merchant writes them -----------------------------

const PAGES = {
  'dropin.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>Checkout · npm shop</title>
<link rel="icon" href="/shop-logo.svg" /><script type="module" src="/dropin.js"></script></head>
<body><h1>npm shop</h1><button id="go" type="button">Go to payment</button><div id="dropin"></div></body></html>
`,
  'components.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8" /><title>Checkout (Components) · npm shop</title>
<link rel="icon" href="/shop-logo.svg" /><link rel="stylesheet" href="/components.css" /><script type="module" src="/components.js"></script></head>
<body><h1>npm shop</h1>
<form id="card-form" class="shop-form" novalidate>
  <div id="number"></div><div id="expiry"></div><div id="cvv"></div><div id="holder"></div>
  <p id="pay-error" role="alert"></p><button id="pay" type="submit" disabled>Pay $49.99</button>
</form><p id="status" role="status"></p></body></html>
`,
  // The Drop-in, mounted when the shopper goes to pay: until then the SDK is only imported.
  'dropin.js': `import { PaykkaCheckout } from '@paykka/checkout';

const SHIPPING = ${JSON.stringify(SHIPPING)};
document.getElementById('go').addEventListener('click', async () => {
  const { session_id: sessionId } = await fetch('/api/sessions', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cart: [{ sku: 'kettle-pour-over', quantity: 1 }], shipping: SHIPPING }),
  }).then((r) => r.json());
  const options = { sessionId, backendUrl: '' };
  const locale = new URLSearchParams(location.search).get('locale');
  if (locale) options.locale = locale;
  const checkout = await PaykkaCheckout.create(options);
  checkout.mount('#dropin');
});
`,
  // Component mode in the shop's own form, the SDK's files served from /paykka/ and its
  // stylesheet bundled with the shop's own.
  'components.js': `import '@paykka/checkout/style.css';
import './shop.css';
import { loadPaykkaCheckout } from '@paykka/checkout';

const SHIPPING = ${JSON.stringify(SHIPPING)};
const form = document.getElementById('card-form');
const button = document.getElementById('pay');
const error = document.getElementById('pay-error');
const status = document.getElementById('status');

const PaykkaCheckout = await loadPaykkaCheckout({ assetsUrl: '/paykka/', stylesheet: false });
const { session_id: sessionId } = await fetch('/api/sessions', {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ cart: [{ sku: 'kettle-pour-over', quantity: 1 }], shipping: SHIPPING, mode: 'component' }),
}).then((r) => r.json());
const checkout = await PaykkaCheckout.create({ sessionId, onError: (e) => { error.textContent = e.message; } });
checkout.create('cardNumber').mount('#number');
checkout.create('expiry').mount('#expiry');
checkout.create('cvv').mount('#cvv');
checkout.create('holderName').mount('#holder');
button.disabled = false;
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  button.disabled = true;
  try {
    const result = await checkout.submit();
    if (result.status === 'SUCCESS' || result.status === 'AUTHORIZED') {
      form.hidden = true;
      status.textContent = 'Payment successful. Order reference: ' + result.orderId;
      return;
    }
    if (result.failure) error.textContent = result.failure.message;
  } catch (e) {
    error.textContent = e.message;
  }
  button.disabled = false;
});
`,
  'shop.css': `.shop-form { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; max-width: 480px; }
#number, #holder, #pay, #pay-error { grid-column: 1 / -1; }
`,
  // A merchant's TypeScript against the package's declarations.
  'usage.ts': `import { PaykkaCheckout, loadPaykkaCheckout, type Checkout, type LoadOptions, type PaymentResult } from '@paykka/checkout';
import Default from '@paykka/checkout';

export async function pay(sessionId: string): Promise<string> {
  const options: LoadOptions = { assetsUrl: new URL('/paykka/', location.href), stylesheet: false, elements: false };
  const sdk = await loadPaykkaCheckout(options);
  const checkout: Checkout = await sdk.create({ sessionId, onPaymentCompleted: (p) => console.log(p.orderId) });
  checkout.create('cardNumber').mount('#number');
  const result: PaymentResult = await checkout.submit({ storePaymentMethod: true });
  const same: typeof PaykkaCheckout = Default;
  // @ts-expect-error: the package makes no global; only the script tag does.
  window.PaykkaCheckout.create({ sessionId });
  return \`\${result.status} \${same.version} \${PaykkaCheckout.memoryBytes()}\`;
}
`,
};

// ----- the shop's web server: static files under the strict CSP, /api to the merchant backend --

before(async () => {
  // The package, built as `make npm` builds it (the wasm only when a source changed).
  run('bash', [join(REPO, 'scripts', 'build-npm.sh')], { cwd: REPO });
  work = mkdtempSync(join(tmpdir(), 'paykka-npm-'));
  [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], { cwd: PACKAGE }));

  // A fresh project installs the tarball alone: an empty npm cache, no registry to reach.
  shop = join(work, 'shop');
  mkdirSync(shop);
  writeFileSync(join(shop, 'package.json'), JSON.stringify({ name: 'npm-shop', private: true, type: 'module' }, null, 2));
  run('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', join(work, 'npm-cache'),
    '--registry', 'http://127.0.0.1:9/', join(work, packed.filename)], { cwd: shop });
  for (const [name, text] of Object.entries(PAGES)) writeFileSync(join(shop, name), text);

  // The shop's static files: its bundles, then the SDK's files, beside the bundles (the Drop-in
  // page finds them there by itself) and under /paykka/ (the Components page names that folder).
  const esbuild = run(join(BIN, 'esbuild'), ['dropin.js', 'components.js', '--bundle', '--format=esm', '--minify', '--outdir=public', '--log-level=warning'], { cwd: shop });
  assert.equal(esbuild, '', 'esbuild bundles the package without a warning');
  const installed = join(shop, 'node_modules', '@paykka', 'checkout');
  const publicDir = join(shop, 'public');
  for (const f of ['paykka_checkout.js', 'paykka_checkout_bg.wasm', ...CHUNKS, 'paykka-checkout.css', 'locales']) cpSync(join(installed, f), join(publicDir, f), { recursive: true });
  cpSync(installed, join(publicDir, 'paykka'), { recursive: true });
  for (const page of ['dropin.html', 'components.html']) cpSync(join(shop, page), join(publicDir, page));
  cpSync(join(REPO, 'style', 'shop-logo.svg'), join(publicDir, 'shop-logo.svg'));

  // The demo's own policy (scripts/build-sdk.sh writes it), as an HTTP header.
  const policy = readFileSync(join(REPO, 'target', 'sdk-pages', 'csp.txt'), 'utf8').trim();
  server = serveShop(publicDir, policy);
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  origin = `http://127.0.0.1:${server.address().port}`;
  // The payment provider lets its card frames be embedded by the merchant origins it knows, and
  // the backend takes return URLs on its allowed origins only: both are told of this shop, as a
  // merchant has them told (and the backend names the shop's logo, from the shop's origin).
  // (Each list is the server's default, plus this shop.)
  restore.push(await reconfigure('sandbox', {
    SANDBOX_FRAME_ANCESTORS: `${process.env.SANDBOX_FRAME_ANCESTORS ?? 'http://127.0.0.1:8080 http://localhost:8080'} ${origin}`,
  }));
  restore.push(await reconfigure('backend', {
    BACKEND_ALLOWED_ORIGINS: `${process.env.BACKEND_ALLOWED_ORIGINS ?? 'http://127.0.0.1:8080,http://localhost:8080'},${origin}`,
    PAYKKA_MERCHANT_LOGO_URL: `${origin}/shop-logo.svg`,
  }));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (server) { server.closeAllConnections(); server.close(); }
  for (const undo of restore.reverse()) await undo();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the package: its version from Cargo.toml, licence, exports, types, no dependencies, and the files it packs', (t) => {
  const manifest = JSON.parse(readFileSync(join(shop, 'node_modules', '@paykka', 'checkout', 'package.json'), 'utf8'));
  assert.equal(manifest.name, '@paykka/checkout');
  assert.equal(manifest.version, VERSION);
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, './index.d.ts');
  assert.deepEqual(manifest.exports['.'], { types: './index.d.ts', default: './index.js' });
  assert.equal(manifest.exports['./style.css'], './paykka-checkout.css');
  assert.equal(manifest.exports['./paykka_checkout_bg.wasm'], './paykka_checkout_bg.wasm');
  assert.equal(manifest.exports['./locales/*'], './locales/*');
  assert.deepEqual(manifest.sideEffects, ['*.css', './paykka_checkout.js']);
  for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts']) assert.equal(manifest[key], undefined, key);
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, [
    'LICENSE-APACHE', 'LICENSE-MIT', 'README.md', 'index.d.ts', 'index.js',
    ...LOCALES.map((tag) => `locales/${tag}/checkout.ftl`),
    'package.json', 'paykka-checkout.css', 'paykka_checkout.js', 'paykka_checkout_bg.wasm', ...CHUNKS,
  ].sort());
  assert.ok(CHUNKS.includes('split_qr.wasm'), `the wasm's chunks are packed: ${CHUNKS}`);
  for (const chunk of CHUNKS) assert.equal(manifest.exports['./' + chunk], './' + chunk);
  // The files it loads are the script tag's, byte for byte (their hashes are in its module), and
  // its module is the bundle's paykka-checkout.mjs.
  const sdk = join(REPO, 'target', 'sdk', VERSION);
  for (const f of ['paykka_checkout.js', 'paykka_checkout_bg.wasm', ...CHUNKS, 'paykka-checkout.css', 'locales/fr-FR/checkout.ftl']) {
    assert.ok(readFileSync(join(PACKAGE, f)).equals(readFileSync(join(sdk, f))), f);
  }
  assert.ok(readFileSync(join(PACKAGE, 'index.js')).equals(readFileSync(join(sdk, 'paykka-checkout.mjs'))), 'index.js');
  t.diagnostic(`${packed.filename}: ${packed.size} B packed, ${packed.unpackedSize} B unpacked, ${packed.entryCount} files`);
});

test('imported on a server (no window, no document) it does nothing, and create() says it runs in the browser', () => {
  const out = run('node', ['--input-type=module', '-e', `
    const before = Object.keys(globalThis).sort().join();
    const sdk = await import('@paykka/checkout');
    const { default: fallback } = await import('@paykka/checkout');
    const failure = await sdk.PaykkaCheckout.create({ sessionId: 'CS1' }).then(() => 'created', (e) => e.message);
    const loading = await sdk.loadPaykkaCheckout().then(() => 'loaded', (e) => e.message);
    const files = ['paykka_checkout_bg.wasm', 'style.css', 'locales/fr-FR/checkout.ftl'].map((f) => import.meta.resolve('@paykka/checkout/' + f));
    console.log(JSON.stringify({
      window: typeof window, exports: Object.keys(sdk).sort(), same: fallback === sdk.PaykkaCheckout,
      version: sdk.PaykkaCheckout.version, memory: sdk.PaykkaCheckout.memoryBytes(), failure, loading,
      globals: Object.keys(globalThis).sort().join() === before, files: files.map((f) => f.replace(/^.*node_modules\\//, '')),
    }));
  `], { cwd: shop });
  const seen = JSON.parse(out);
  assert.equal(seen.window, 'undefined');
  assert.deepEqual(seen.exports, ['PaykkaCheckout', 'default', 'loadPaykkaCheckout']);
  assert.equal(seen.same, true);
  assert.equal(seen.version, VERSION);
  assert.equal(seen.memory, 0);
  assert.match(seen.failure, /runs in the browser/);
  assert.match(seen.loading, /runs in the browser/);
  assert.equal(seen.globals, true, 'importing it defined no global');
  assert.deepEqual(seen.files, ['@paykka/checkout/paykka_checkout_bg.wasm', '@paykka/checkout/paykka-checkout.css', '@paykka/checkout/locales/fr-FR/checkout.ftl']);
});

test('its TypeScript declarations type a merchant\'s module, and declare no global', () => {
  for (const resolution of [['--module', 'esnext', '--moduleResolution', 'bundler'], ['--module', 'nodenext', '--moduleResolution', 'nodenext']]) {
    run(join(BIN, 'tsc'), ['--noEmit', '--strict', '--target', 'es2022', '--lib', 'es2022,dom', ...resolution, 'usage.ts'], { cwd: shop });
  }
});

/// The shop's page, its own requests recorded from the first.
async function openShop(path) {
  const requests = [];
  const opened = await openPage(browser, `${origin}${path}`, {
    watchCsp: true,
    beforeGoto: (page) => { page.on('request', (r) => { if (r.frame() === page.mainFrame()) requests.push(new URL(r.url())); }); },
  });
  return { ...opened, requests };
}

const fetched = (requests, file) => requests.filter((u) => u.origin === origin && u.pathname.endsWith(file)).map((u) => u.pathname);

test('bundled by esbuild, importing it does nothing until the shop asks; then the Drop-in pays under the strict CSP', async () => {
  const { page, context, errors, requests } = await openShop('/dropin.html');
  // The bundle has run (it listens for the shop's button): nothing of the SDK's yet.
  const idle = await page.evaluate(() => ({
    stylesheets: document.querySelectorAll('link[rel=stylesheet], style').length,
    scripts: [...document.scripts].map((s) => new URL(s.src).pathname),
    elements: customElements.get('paykka-dropin') !== undefined,
    globals: Object.keys(window).filter((k) => /paykka/i.test(k)),
    frames: document.querySelectorAll('iframe').length,
  }));
  assert.deepEqual(idle, { stylesheets: 0, scripts: ['/dropin.js'], elements: false, globals: [], frames: 0 });
  assert.deepEqual(requests.map((u) => u.pathname).filter((p) => /paykka|\.wasm$|\.ftl$|^\/api\//.test(p)), []);

  await page.getByRole('button', { name: 'Go to payment' }).click();
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 20000 });
  // Its files, from beside the bundle: the demo session offers QR wallets, so their chunk too.
  assert.deepEqual(fetched(requests, '.wasm'), ['/paykka_checkout_bg.wasm', '/split_qr.wasm']);
  assert.deepEqual(fetched(requests, 'paykka-checkout.css'), ['/paykka-checkout.css']);
  assert.equal(await page.locator('link[data-paykka-css]').count(), 1);
  await fillCard(page, { number: '4242 4242 4242 4242', holder: null });
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  await screenshot(page, 'npm-package-dropin');
  const sessionId = await sessionIdOf(page);
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  assert.deepEqual(errors.map(String), []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('a shopper in French gets the locale file from beside the bundle, checked against its hash', async () => {
  const { page, context, errors, requests } = await openShop('/dropin.html?locale=fr-FR');
  await page.getByRole('button', { name: 'Go to payment' }).click();
  await page.getByRole('button', { name: /^Payer / }).waitFor({ timeout: 20000 });
  assert.deepEqual(fetched(requests, '.ftl'), ['/locales/fr-FR/checkout.ftl']);
  assert.deepEqual(errors.map(String), []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('Component mode, its files under assetsUrl and its stylesheet bundled with the shop\'s, pays from the shop\'s own button under the strict CSP', async () => {
  const { page, context, errors, requests } = await openShop('/components.html');
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 20000 });
  assert.deepEqual(fetched(requests, '.wasm'), ['/paykka/paykka_checkout_bg.wasm']);
  assert.deepEqual(fetched(requests, 'paykka_checkout.js'), ['/paykka/paykka_checkout.js']);
  // The shop bundled the stylesheet: the SDK adds none, and the bundle's styles the fields.
  assert.deepEqual(fetched(requests, 'paykka-checkout.css'), []);
  assert.equal(await page.locator('link[data-paykka-css]').count(), 0);
  assert.ok(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--pk-radius').trim() === '8px'),
    'the bundled stylesheet\'s theme variables apply');
  // loadPaykkaCheckout() defined the custom elements.
  assert.equal(await page.evaluate(() => customElements.get('paykka-checkout') !== undefined), true);

  await fillCard(page, { number: '4242 4242 4242 4242' });
  await page.getByRole('button', { name: 'Pay $49.99' }).click();
  await page.getByText(/^Payment successful\. Order reference: GW/).waitFor({ timeout: 20000 });
  await screenshot(page, 'npm-package-components');
  const sessionId = await sessionIdOf(page);
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  assert.deepEqual(errors.map(String), []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});
