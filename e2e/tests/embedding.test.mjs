// Embedding the SDK as merchants do: the script tag, the JS API, Component mode with the
// merchant's own button, the <paykka-dropin> element inside a shadow root, the lifecycle, and
// the TypeScript declarations. Every page is the real demo; every payment reaches the gateway.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  launch, openPage, screenshot, cspViolations, watchCsp, eventually, recordMerchantRequests, assertNoCardDataOnMerchantPage,
  gatewayTransactions, gatewayTokens, createSession, freshShopper, SANDBOX_URL, DEMO_URL,
} from '../support.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const SDK_ROOT = join(HERE, '..', '..', 'target', 'sdk');
const SDK_VERSION = readdirSync(SDK_ROOT).find((d) => /^\d+\.\d+\.\d+/.test(d));

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const field = (page, title, label) => page.frameLocator(`iframe[title="${title}"]`).getByLabel(label);

/// Types a card; `holder: null` where the form asks no holder's name (a Drop-in's default).
async function typeCard(page, { number, expiry = '1230', cvv = '123', holder = 'Ada Lovelace' }) {
  for (const [title, label, text] of [
    ['Secure card number input', 'Card number', number],
    ['Secure expiry date input', 'Expiry date', expiry],
    ['Secure security code input', 'Security code', cvv],
    ['Secure cardholder name input', 'Name on card', holder],
  ].filter(([, , text]) => text !== null)) {
    const input = field(page, title, label);
    await input.click();
    await input.pressSequentially(text);
  }
}

test('every demo page is served with a strict Content Security Policy', async () => {
  for (const path of ['/', '/component.html', '/elements.html', '/hosted.html']) {
    const html = await (await fetch(new URL(path, DEMO_URL))).text();
    const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(policy, `${path} has no CSP`);
    // The meta only governs what comes after it: nothing may run before it.
    assert.ok(html.indexOf('Content-Security-Policy') < html.search(/<script|<link/), `${path}: the CSP comes first`);
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    for (const name of ['default-src', 'script-src', 'style-src', 'frame-src', 'connect-src', 'object-src', 'base-uri']) {
      assert.ok(directives[name], `${path}: ${name} is set`);
    }
    assert.ok(!policy.includes("'unsafe-inline'") && !policy.includes("'unsafe-eval'"), `${path}: ${policy}`);
    assert.ok(!Object.values(directives).flat().includes('*'), `${path}: no wildcard source`);
    assert.deepEqual(directives['object-src'], ["'none'"]);
  }
});

test('the Components page pays with the merchant\'s own button under a strict CSP, and the card never reaches the page', async () => {
  const { page, context, errors } = await openPage(browser, '/component.html', { watchCsp: true });
  const requests = recordMerchantRequests(page);
  await field(page, 'Secure card number input', 'Card number').waitFor({ timeout: 20000 });
  await typeCard(page, { number: '4242424242424242' });
  await screenshot(page, 'components-filled');
  await page.getByRole('button', { name: 'Pay $49.99' }).click();
  await page.getByText(/^Payment successful\. Order reference: GW/).waitFor({ timeout: 20000 });
  const sessionId = JSON.parse(requests.find((r) => r.url().endsWith('/api/payments')).postData()).session_id;
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  await assertNoCardDataOnMerchantPage(page, requests, '4242424242424242');
  assert.deepEqual(errors.map(String), []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('Component mode fields act as one form: focus moves on, and an invalid form sends nothing', async () => {
  const { page, context } = await openPage(browser, '/component.html');
  const requests = recordMerchantRequests(page);
  const number = field(page, 'Secure card number input', 'Card number');
  await number.waitFor({ timeout: 20000 });
  await number.click();
  await number.pressSequentially('5555555555554444');
  // Complete number: focus moves to the expiry frame by itself, and typing goes there.
  const expiry = field(page, 'Secure expiry date input', 'Expiry date');
  await eventually(() => expiry.evaluate((input) => document.activeElement === input), { message: 'focus in the expiry frame' });
  await page.keyboard.type('1230');
  assert.equal(await field(page, 'Secure expiry date input', 'Expiry date').inputValue(), '12/30');
  await page.getByRole('button', { name: 'Pay $49.99' }).click();
  await page.getByText('Enter the security code.').waitFor({ timeout: 10000 });
  assert.equal(requests.filter((r) => r.url().includes('/api/payments')).length, 0);
  await context.close();
});

test('a 3DS card in Component mode comes back to the merchant page, which learns the result from its backend', async () => {
  const { page, context } = await openPage(browser, '/component.html', { watchCsp: true });
  await field(page, 'Secure card number input', 'Card number').waitFor({ timeout: 20000 });
  await typeCard(page, { number: '4000002760003184' });
  await page.getByRole('button', { name: 'Pay $49.99' }).click();
  await page.waitForURL((url) => url.origin === SANDBOX_URL, { timeout: 20000 });
  await page.getByLabel('Code sent to your phone').fill('1234');
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => url.pathname === '/component.html', { timeout: 20000 });
  await page.getByText(/^Payment successful/).waitFor({ timeout: 20000 });
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('<paykka-dropin> inside the shop\'s shadow root pays and tells the page', async () => {
  const { page, context, errors } = await openPage(browser, '/elements.html', { watchCsp: true });
  // Playwright's locators pierce open shadow roots, as assistive technology does.
  const number = field(page, 'Secure card number input', 'Card number');
  await number.waitFor({ timeout: 20000 });
  await typeCard(page, { number: '378282246310005', cvv: '1234', holder: null });
  await screenshot(page, 'element-in-shadow-root');
  await page.getByRole('button', { name: 'Pay $49.99' }).click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  await page.getByText(/The shop received the payment confirmation for order GW/).waitFor({ timeout: 5000 });
  assert.deepEqual(errors.map(String), []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

/// Serves the Components page's own script empty: what is left is a merchant page with the
/// SDK's script tag, as pasted, whose only checkouts are the test's.
function withoutPageScript(page) {
  return page.route(/\/component\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
}

/// A blank page of the demo's origin with the SDK's script tag, as a merchant pastes it.
async function sdkPage() {
  const opened = await openPage(browser, '/component.html?blank', { beforeGoto: withoutPageScript });
  const { page } = opened;
  await page.evaluate(() => { document.body.innerHTML = '<div id="a"></div><div id="b"></div>'; });
  return opened;
}

test('options are checked, with errors that name the bad option', async () => {
  const { page, context } = await sdkPage();
  const session = await createSession({});
  const reject = (options) => page.evaluate(async (o) => {
    try { await PaykkaCheckout.create(o); return 'resolved'; } catch (e) { return `${e.name}: ${e.message}`; }
  }, options);
  assert.match(await reject({ sessionId: session.session_id, sessionID: 'typo' }), /^TypeError: .*unknown option `sessionID`/);
  assert.match(await reject({}), /^TypeError: .*option `sessionId` is required/);
  assert.match(await reject({ sessionId: session.session_id, onPaymentCompleted: 'yes' }), /option `onPaymentCompleted` must be a function/);
  assert.match(await reject({ sessionId: session.session_id, backendUrl: 'javascript:alert(1)' }), /option `backendUrl`/);
  const unknown = await page.evaluate(async () => {
    try { await PaykkaCheckout.create({ sessionId: 'CS0000000000' }); return 'resolved'; } catch (e) { return e; }
  });
  assert.equal(unknown.code, 'session_not_found');
  assert.match(unknown.message, /could not be found/);
  await context.close();
});

test('the SDK loads once for many checkouts; mounting twice on one element is refused; destroy cleans up', async () => {
  const { page, context } = await sdkPage();
  const sessions = [await createSession({}), await createSession({})].map((s) => s.session_id);
  const twice = await page.evaluate(async (ids) => {
    const [one, two] = await Promise.all(ids.map((sessionId) => PaykkaCheckout.create({ sessionId })));
    window.checkouts = { one, two };
    one.mount('#a');
    try { two.mount('#a'); return 'mounted'; } catch (e) { return e.message; } finally { two.mount('#b'); }
  }, sessions);
  // Each Drop-in loads its session, then its three frames (no holder's name by default).
  await eventually(async () => (await page.locator('iframe').count()) === 6, { timeout: 15000, message: 'six frames' });
  const outcome = await page.evaluate(() => {
    const { one, two } = window.checkouts;
    one.destroy();
    two.unmount();
    let afterDestroy;
    try { one.mount('#a'); afterDestroy = 'mounted'; } catch (e) { afterDestroy = e.message; }
    return {
      twice: null, framesWhileMounted: 6, afterDestroy,
      left: document.querySelectorAll('iframe').length,
      marked: document.querySelectorAll('[data-paykka-mounted]').length,
      html: document.getElementById('a').innerHTML + document.getElementById('b').innerHTML,
    };
  });
  outcome.twice = twice;
  assert.match(outcome.twice, /already holds a PayKKa checkout/);
  assert.equal(outcome.framesWhileMounted, 6);
  assert.match(outcome.afterDestroy, /destroyed/);
  assert.deepEqual([outcome.left, outcome.marked, outcome.html], [0, 0, '']);
  // The page's script tag, then these two checkouts: one fetch of the wasm in all.
  const wasmLoads = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((e) => e.name.includes('/sdk/') && e.name.endsWith('_bg.wasm')).length);
  assert.equal(wasmLoads, 1, `the wasm was fetched ${wasmLoads} times`);
  await context.close();
});

test('mounting and unmounting 50 times leaves nothing behind and memory does not grow', async () => {
  const { page, context } = await sdkPage();
  const session = await createSession({});
  const result = await page.evaluate(async (sessionId) => {
    const checkout = await PaykkaCheckout.create({ sessionId });
    // A page gets back to its event loop between a mount and an unmount; effects end on that turn.
    const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));
    const cycle = async () => {
      const parts = ['cardNumber', 'expiry', 'cvv', 'holderName'].map((kind) => checkout.create(kind));
      parts.forEach((part, n) => part.mount(document.getElementById(n % 2 ? 'b' : 'a').appendChild(document.createElement('div'))));
      // Each part's field (the number's frame loads first; the others wait for it to be ready).
      const frames = document.querySelectorAll('[data-field]').length;
      await nextTurn();
      parts.forEach((part) => part.unmount());
      document.getElementById('a').textContent = '';
      document.getElementById('b').textContent = '';
      await nextTurn();
      return frames;
    };
    // Warm-up: the allocator takes what the cycles need the first times round. Its high-water
    // mark settles within a few dozen cycles (measured: one 64 KiB page somewhere between cycles
    // 10 and 60, then flat over 400), so a leak shows as growth after that.
    for (let i = 0; i < 80; i += 1) await cycle();
    const before = PaykkaCheckout.memoryBytes();
    const counts = [];
    for (let i = 0; i < 50; i += 1) counts.push(await cycle());
    const grew = PaykkaCheckout.memoryBytes() - before;
    checkout.destroy();
    return { counts: [...new Set(counts)], left: document.querySelectorAll('iframe, [data-paykka-mounted]').length, grew };
  }, session.session_id);
  assert.deepEqual(result.counts, [4]);
  assert.equal(result.left, 0);
  assert.equal(result.grew, 0, `the wasm memory grew by ${result.grew} bytes over 50 mounts`);
  await context.close();
});

test('a Drop-in unmounted while it loads, 200 times, neither crashes nor keeps memory, and mounts again', async () => {
  const { page, context, errors } = await sdkPage();
  const session = await createSession({});
  const result = await page.evaluate(async (sessionId) => {
    const reported = [];
    const checkout = await PaykkaCheckout.create({ sessionId, onError: (e) => reported.push(e.code) });
    const turn = () => new Promise((resolve) => setTimeout(resolve, 0));
    // Unmounted one turn after mounting: its session request is in flight, then aborted.
    const cycle = async () => { checkout.mount('#a'); await turn(); checkout.unmount(); await turn(); };
    for (let i = 0; i < 20; i += 1) await cycle();
    const before = PaykkaCheckout.memoryBytes();
    for (let i = 0; i < 200; i += 1) await cycle();
    const grew = PaykkaCheckout.memoryBytes() - before;
    checkout.mount('#a');
    return { grew, reported };
  }, session.session_id);
  // Requests end at different moments each run, so the allocator's high-water mark may take one
  // more 64 KiB page; a leak of even 0.5 KB a mount would take two pages or more.
  assert.ok(result.grew <= 65536, `the wasm memory grew by ${result.grew} bytes over 200 mounts`);
  assert.deepEqual(result.reported, [], 'an unmount is not an error to report');
  await page.getByRole('button', { name: /^Pay / }).waitFor({ timeout: 15000 });
  // (The demo page's own script finds none of its elements once the body is replaced.)
  const crashes = errors.filter((e) => !/no element matches/.test(e.message));
  assert.deepEqual(crashes.map((e) => e.message), []);
  await context.close();
});

test('a failed load (network, or a tampered file) rejects clearly, and a later call loads it', async () => {
  const context2 = await browser.newContext();
  const page2 = await context2.newPage();
  let tamper = true;
  await page2.route(/\/sdk\/.*_bg\.wasm$/, async (route) => {
    if (!tamper) return route.continue();
    const response = await route.fetch();
    const body = Buffer.from(await response.body());
    body[body.length - 1] ^= 0xff; // One flipped byte: its sha384 no longer matches.
    return route.fulfill({ response, body });
  });
  await page2.goto(new URL('/component.html?blank', DEMO_URL).href);
  const session = await createSession({});
  const first = await page2.evaluate(async (sessionId) => {
    try { await PaykkaCheckout.create({ sessionId }); return 'loaded'; } catch (e) { return e.message; }
  }, session.session_id);
  assert.match(first, /^PayKKa Checkout could not load/);
  tamper = false;
  const second = await page2.evaluate(async (sessionId) => {
    const checkout = await PaykkaCheckout.create({ sessionId });
    return checkout.amount;
  }, session.session_id);
  assert.deepEqual(second, { value: 4999, currency: 'USD' });
  await context2.close();
});

test('the SDK downloads as soon as the page has its script tag, and create() asks for the session meanwhile, once', async () => {
  const context2 = await browser.newContext();
  const page2 = await context2.newPage();
  const seen = [];
  page2.on('request', (r) => seen.push(['start', new URL(r.url()).pathname]));
  page2.on('requestfinished', (r) => seen.push(['end', new URL(r.url()).pathname]));
  // The wasm takes its time, as on a slow network.
  await page2.route(/\/sdk\/.*_bg\.wasm$/, async (route) => {
    await new Promise((resolve) => { setTimeout(resolve, 700); });
    await route.continue();
  });
  await page2.goto(new URL('/component.html?blank', DEMO_URL).href, { waitUntil: 'domcontentloaded' });
  const session = await createSession({});
  seen.push(['create', '']);
  const amount = await page2.evaluate(async (sessionId) => (await PaykkaCheckout.create({ sessionId })).amount, session.session_id);
  assert.deepEqual(amount, { value: 4999, currency: 'USD' });
  const path = `/api/sessions/${session.session_id}`;
  const at = (kind, test) => seen.findIndex(([k, p]) => k === kind && test(p));
  assert.equal(seen.filter(([k, p]) => k === 'start' && p === path).length, 1, 'the session is asked for once');
  assert.equal(seen.filter(([k, p]) => k === 'start' && p === `${path}/result`).length, 1, 'its payment so far, once');
  const order = JSON.stringify(seen);
  assert.ok(at('start', (p) => p.endsWith('_bg.wasm')) < at('create', () => true), `the wasm is asked for before create(): ${order}`);
  assert.ok(at('start', (p) => p === path) < at('end', (p) => p.endsWith('_bg.wasm')), `the session is asked for while the wasm downloads: ${order}`);
  await page2.unroute(/\/sdk\/.*_bg\.wasm$/);

  // The early answer is read as the SDK's own would be: a backend that fails says so.
  await page2.route(/\/api\/sessions\/[^/]+$/, (route) => route.fulfill({ status: 500, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }));
  const failure = await page2.evaluate(async (sessionId) => {
    let told = null;
    try { await PaykkaCheckout.create({ sessionId, onError: (e) => { told = e.code; } }); return 'created'; } catch (e) { return `${e.code} / ${told}`; }
  }, session.session_id);
  assert.equal(failure, "server_error / server_error");
  await context2.close();
});

test('the card number frame loads while the SDK downloads, and moves into the Drop-in without loading again', async () => {
  const context2 = await browser.newContext();
  await watchCsp(context2);
  const page2 = await context2.newPage();
  const frameLoads = [];
  page2.on('request', (r) => { if (r.resourceType() === 'document' && r.url().includes('/frames/card-field.html')) frameLoads.push(r.url()); });
  // (A request's URL has no fragment; a frame's, which names its field, does.)
  const numberLoads = [];
  page2.on('framenavigated', (f) => { if (f.url().includes('field=number')) numberLoads.push(f.url()); });
  const seen = [];
  page2.on('requestfinished', (r) => { if (r.url().endsWith('_bg.wasm') && r.url().includes('/sdk/')) seen.push('sdk wasm'); });
  // The SDK's wasm takes its time, as on a slow network.
  await page2.route(/\/sdk\/.*_bg\.wasm$/, async (route) => {
    await new Promise((resolve) => { setTimeout(resolve, 1500); });
    await route.continue();
  });
  await withoutPageScript(page2);
  await page2.goto(new URL('/component.html', DEMO_URL).href, { waitUntil: 'domcontentloaded' });
  const session = await createSession({});
  await page2.evaluate((sessionId) => { window.pending = PaykkaCheckout.create({ sessionId }); }, session.session_id);
  // The session answers long before the SDK arrives: the number frame is already loading.
  await eventually(() => frameLoads.length === 1, { message: 'the number frame starts before the SDK has loaded' });
  assert.deepEqual(seen, [], 'the SDK wasm is still on its way');
  await eventually(() => numberLoads.length === 1, { message: 'the frame loaded is the number\'s' });
  const early = await page2.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => [getComputedStyle(f).display, f.getAttribute('aria-hidden')]));
  assert.deepEqual(early, [['none', 'true']], 'it waits hidden, out of the accessibility tree');

  await page2.evaluate(async () => {
    const checkout = await window.pending;
    const target = document.createElement('div');
    target.id = 'late-dropin';
    document.body.appendChild(target);
    checkout.mount(target);
    window.lateCheckout = checkout;
  });
  const number = page2.frameLocator('#late-dropin iframe[title="Secure card number input"]').getByLabel('Card number');
  await number.click();
  await number.pressSequentially('4242424242424242');
  await eventually(async () => (await number.inputValue()) === '4242 4242 4242 4242', { message: 'the number formatted' });
  const numberFrames = await page2.evaluate(() => [...document.querySelectorAll('iframe[src*="field=number"]')].map((f) => f.closest('#late-dropin') !== null));
  assert.deepEqual(numberFrames, [true], 'one number frame, in the Drop-in');
  assert.equal(numberLoads.length, 1, 'moved, not loaded again');
  await eventually(() => page2.locator('#late-dropin [data-brand="visa"]').isVisible(), { message: 'the Drop-in hears the frame it adopted' });

  // A checkout destroyed before it was ever mounted leaves no frame behind.
  await page2.evaluate(() => window.lateCheckout.destroy());
  const again = await createSession({});
  await page2.evaluate(async (sessionId) => { (await PaykkaCheckout.create({ sessionId })).destroy(); }, again.session_id);
  assert.equal(await page2.locator('iframe').count(), 0);
  assert.deepEqual(await cspViolations(page2), []);
  await context2.close();
});

test('the TypeScript declarations accept a merchant\'s typed usage', () => {
  const types = join(HERE, '..', 'types');
  copyFileSync(join(SDK_ROOT, SDK_VERSION, 'paykka-checkout.d.ts'), join(types, 'paykka-checkout.d.ts'));
  const tsc = join(HERE, '..', 'node_modules', '.bin', 'tsc');
  execFileSync(tsc, ['-p', join(types, 'tsconfig.json')], { encoding: 'utf8' });
});

test('the bundle publishes its integrity hashes and the snippet to paste', () => {
  const dir = join(SDK_ROOT, SDK_VERSION);
  const manifest = JSON.parse(readFileSync(join(dir, 'integrity.json'), 'utf8'));
  assert.equal(manifest.version, SDK_VERSION);
  for (const file of ['paykka-checkout.js', 'paykka_checkout.js', 'paykka_checkout_bg.wasm', 'paykka-checkout.css']) {
    assert.match(manifest.files[file], /^sha384-[A-Za-z0-9+/]{64}$/, file);
  }
  const snippet = readFileSync(join(dir, 'snippet.html'), 'utf8');
  assert.ok(snippet.includes(`integrity="${manifest.files['paykka-checkout.js']}"`));
});

test('every file shipped, the SDK\'s and the secure frames\', is served exactly as its inventory hashes it', async () => {
  const sha384 = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  const sdk = JSON.parse(readFileSync(join(SDK_ROOT, SDK_VERSION, 'integrity.json'), 'utf8')).files;
  assert.ok(Object.keys(sdk).some((f) => f.startsWith('locales/')), 'the locale files are in the inventory');
  for (const [file, hash] of Object.entries(sdk)) {
    const served = Buffer.from(await (await fetch(new URL(`/sdk/${SDK_VERSION}/${file}`, DEMO_URL))).arrayBuffer());
    assert.equal(sha384(served), hash, file);
  }
  const frames = (await (await fetch(`${SANDBOX_URL}/frames/integrity.json`)).json()).files;
  const names = Object.keys(frames);
  for (const kind of ['.html', '.js', '.wasm', '.css']) assert.ok(names.some((n) => n.endsWith(kind)), `a frame ${kind} file`);
  for (const [file, hash] of Object.entries(frames)) {
    const served = Buffer.from(await (await fetch(`${SANDBOX_URL}/frames/${file}`)).arrayBuffer());
    assert.equal(sha384(served), hash, `frames/${file}`);
  }
});

test('hosted mode: the shop sends the shopper to the gateway\'s page, built from the Drop-in, and gets them back paid', async () => {
  const { page, context, errors } = await openPage(browser, '/hosted.html');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.waitForURL((url) => url.origin === SANDBOX_URL && url.pathname.startsWith('/hp/pay/'), { timeout: 20000 });
  const sessionId = new URL(page.url()).pathname.split('/').pop();
  await page.getByRole('link', { name: /^Back to / }).waitFor({ timeout: 10000 });
  await typeCard(page, { number: '5555555555554444' });
  await screenshot(page, 'hosted-page');
  await page.getByRole('button', { name: 'Pay $49.99' }).click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  await page.waitForURL((url) => url.origin === new URL(DEMO_URL).origin, { timeout: 20000 });
  await page.getByText(/^Payment successful\. Order reference: GW/).waitFor({ timeout: 10000 });
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('hosted mode with 3DS: the challenge returns to the hosted page, which resumes and then hands back to the shop', async () => {
  const { page, context } = await openPage(browser, '/hosted.html');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/hp/pay/'), { timeout: 20000 });
  await typeCard(page, { number: '4000002760003184' });
  await page.getByRole('button', { name: 'Pay $49.99' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/3ds/'), { timeout: 20000 });
  await page.getByLabel('Code sent to your phone').fill('1234');
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/hp/pay/'), { timeout: 20000 });
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  await page.waitForURL((url) => url.origin === new URL(DEMO_URL).origin, { timeout: 20000 });
  await page.getByText(/^Payment successful\. Order reference: GW/).waitFor({ timeout: 10000 });
  await context.close();
});

test('onSubmit routes the payment through the merchant\'s own call, and the checkout continues from its answer', async () => {
  const { page, context } = await sdkPage();
  const session = await createSession({});
  await page.evaluate(async (sessionId) => {
    window.hookCalls = [];
    const checkout = await PaykkaCheckout.create({
      sessionId,
      async onSubmit({ body, idempotencyKey }) {
        window.hookCalls.push({ fields: Object.keys(body).sort(), idempotencyKey });
        // The merchant's own route; here it happens to reach the same backend endpoint.
        const response = await fetch('/api/payments', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
          body: JSON.stringify(body),
        });
        return response.json();
      },
    });
    checkout.mount('#a');
  }, session.session_id);
  await field(page, 'Secure card number input', 'Card number').waitFor({ timeout: 20000 });
  await typeCard(page, { number: '4000002760003184', holder: null });
  // The hook's calls, recorded on the test's side: the page leaves for the challenge.
  const calls = [];
  await page.exposeFunction('recordHookCall', (call) => calls.push(call));
  await page.evaluate(() => { const push = window.hookCalls.push.bind(window.hookCalls); window.hookCalls.push = (c) => { window.recordHookCall(c); return push(c); }; });
  await page.getByRole('button', { name: 'Pay $49.99' }).click();
  // The hook's answer asks for 3DS: the checkout goes on to the challenge, as without a hook.
  await page.waitForURL((url) => url.origin === SANDBOX_URL, { timeout: 20000 });
  assert.equal(calls.length, 1);
  assert.ok(calls[0].fields.includes('encrypted_card_no'));
  assert.ok(!calls[0].fields.includes('card_no'));
  assert.match(calls[0].idempotencyKey, /^pk-[0-9a-f]{32}$/);
  await context.close();
});

test('HTML-first Component mode: <paykka-checkout> with field elements pays through its submit()', async () => {
  const { page, context } = await sdkPage();
  const session = await createSession({});
  await page.evaluate((sessionId) => {
    document.getElementById('a').innerHTML = `<paykka-checkout session-id="${sessionId}">
      <paykka-card-number></paykka-card-number><paykka-expiry></paykka-expiry>
      <paykka-cvv></paykka-cvv><paykka-holder-name></paykka-holder-name></paykka-checkout>`;
  }, session.session_id);
  await field(page, 'Secure card number input', 'Card number').waitFor({ timeout: 20000 });
  await typeCard(page, { number: '6011111111111117' });
  const result = await page.evaluate(() => document.querySelector('paykka-checkout').submit());
  assert.equal(result.status, 'SUCCESS');
  assert.deepEqual(result.card, { brand: 'discover', last4: '1117' });
  assert.deepEqual(gatewayTransactions(session.session_id).map((r) => r.status), ['SUCCESS']);
  // Removing the element removes its frames.
  await page.evaluate(() => document.getElementById('a').replaceChildren());
  await eventually(async () => (await page.locator('iframe').count()) === 0, { message: 'frames removed' });
  await context.close();
});

test('Component mode saves the card when submit() is asked to, for a signed-in shopper, and only then', async () => {
  for (const [shopper, store, saved] of [[freshShopper('js-save'), true, 1], [freshShopper('js-nosave'), false, 0]]) {
    const { page, context } = await openPage(browser, '/component.html?blank', { beforeGoto: withoutPageScript, shopper });
    await page.evaluate(() => { document.body.innerHTML = '<div id="a"></div>'; });
    const session = await createSession({ shopper_reference: shopper });
    await page.evaluate(async (sessionId) => {
      window.checkout = await PaykkaCheckout.create({ sessionId });
      window.checkout.create('card').mount('#a');
    }, session.session_id);
    await field(page, 'Secure card number input', 'Card number').waitFor({ timeout: 20000 });
    await typeCard(page, { number: '4242424242424242', holder: null });
    const result = await page.evaluate((s) => window.checkout.submit({ storePaymentMethod: s }), store);
    assert.equal(result.status, 'SUCCESS');
    assert.equal(gatewayTokens(shopper).length, saved, `storePaymentMethod: ${store}`);
    await context.close();
  }
});

test('an expired session is reported to onExpired, and mounting shows the expired state', async () => {
  const session = await createSession({ expires_in_seconds: 1 });
  // Expiry times have whole-second resolution: wait past the next full second.
  await new Promise((resolve) => setTimeout(resolve, 2600));
  const { page, context } = await sdkPage();
  const expired = await page.evaluate(async (sessionId) => {
    let told = false;
    const checkout = await PaykkaCheckout.create({ sessionId, onExpired: () => { told = true; } });
    checkout.mount('#a');
    return told;
  }, session.session_id);
  assert.equal(expired, true);
  await page.getByRole('heading', { name: 'This checkout has expired' }).waitFor({ timeout: 10000 });
  await context.close();
});


test('a Drop-in without its Pay button is paid from the merchant\'s own button through submit()', async () => {
  const { page, context } = await sdkPage();
  const session = await createSession({});
  await page.evaluate(async (sessionId) => {
    window.dropin = await PaykkaCheckout.create({ sessionId, showPayButton: false });
    window.dropin.mount('#a');
  }, session.session_id);
  await field(page, 'Secure card number input', 'Card number').waitFor({ timeout: 20000 });
  assert.equal(await page.getByRole('button', { name: /^Pay / }).count(), 0, 'our Pay button is hidden');
  // Nothing typed yet: the fields say what is wrong, and the promise says so too.
  const invalid = await page.evaluate(() => window.dropin.submit().then(() => 'resolved', (e) => e.code));
  assert.equal(invalid, 'invalid_fields');
  assert.equal(gatewayTransactions(session.session_id).length, 0);
  await typeCard(page, { number: '4242424242424242', holder: null });
  const result = await page.evaluate(() => window.dropin.submit());
  assert.equal(result.status, 'SUCCESS');
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 10000 });
  assert.deepEqual(gatewayTransactions(session.session_id).map((r) => r.status), ['SUCCESS']);
  await context.close();
});

test('a decline reaches the page with the backend\'s own failure.code, in snake_case', async () => {
  const { page, context } = await sdkPage();
  const session = await createSession({});
  const answers = [];
  page.on('response', async (response) => {
    if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/payments') answers.push(await response.json());
  });
  await page.evaluate(async (sessionId) => {
    window.dropin = await PaykkaCheckout.create({ sessionId, showPayButton: false, holderName: 'required' });
    window.dropin.mount('#a');
  }, session.session_id);
  await field(page, 'Secure card number input', 'Card number').waitFor({ timeout: 20000 });
  await typeCard(page, { number: '4000000000009995' });
  const result = await page.evaluate(() => window.dropin.submit());
  assert.equal(result.status, 'FAILURE');
  assert.equal(result.failure.code, 'insufficient_funds');
  await eventually(() => answers.length === 1, { message: 'the backend answered the payment' });
  assert.equal(answers[0].failure.code, result.failure.code, 'one code on both sides');
  await context.close();
});
