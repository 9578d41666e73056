// Typing before the wasm (issue 26, point 3): the card number frame's page carries its <input>,
// so the shopper can type as soon as the frame's HTML is parsed; the frame's wasm, slowed down
// here (its response held back), then adopts that input, formats what was typed with the caret
// where it was, and takes over, without losing or reordering a key.
//
// - The frame alone, under a test parent page (as frame-secure-field.test.mjs): the protocol
//   the parent sees is the same (ready, then a state with the brand), no message carries the
//   number, and keys typed while the wasm starts land in order.
// - The Drop-in on the demo shop: the whole test card typed at full speed into the number frame
//   the moment its input exists, long before the wasm; the field then shows it formatted, the
//   Visa badge shows, and the payment completes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { DEMO_URL, SANDBOX_URL, secureInput, eventually, gatewayTransactions, sessionIdOf, recordMerchantRequests, assertNoCardDataOnMerchantPage } from '../support.mjs';

const PARENT_ORIGIN = new URL(DEMO_URL).origin;
const SANDBOX = new URL(SANDBOX_URL).origin;
const PARENT_PATH = '/__frame-early-typing/parent.html';
const FRAME_WASM = `${SANDBOX}/frames/*_bg.wasm`;
const HOLD_MS = 1500;
const CARD = '4242424242424242';
const SHOWN = '4242 4242 4242 4242';

const PARENT_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>early typing parent</title></head>
<body><script>
window.msgs = [];
const hex = (n) => [...crypto.getRandomValues(new Uint8Array(n))].map((b) => b.toString(16).padStart(2, '0')).join('');
window.mount = (field) => {
  const iframe = document.createElement('iframe');
  iframe.title = field;
  iframe.style.cssText = 'display:block;width:320px;height:44px;border:1px solid #888';
  iframe.src = ${JSON.stringify(SANDBOX)} + '/frames/card-field.html#' + new URLSearchParams({ field, ch: hex(16), origin: location.origin, locale: 'en-US' });
  document.body.append(iframe);
};
addEventListener('message', (e) => window.msgs.push({ origin: e.origin, data: e.data, at: performance.now() }));
</script></body></html>`;

let browser;
before(async () => {
  const probe = await fetch(`${SANDBOX}/frames/card-field.html`);
  assert.equal(probe.status, 200, `the sandbox does not serve the frames: run scripts/build-frames.sh (${await probe.text()})`);
  // As frame-secure-field.test.mjs: a routed parent page has no IP address, and Chromium's Local
  // Network Access checks would block its frames on 127.0.0.1.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=LocalNetworkAccessChecks',
    ],
  });
});
after(async () => { await browser?.close(); });

/// Holds every frame wasm response back until `release()` (or `ms` after it was asked for, if
/// `ms` is given); `released()` says whether any was let through yet.
async function holdFrameWasm(context, ms) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  let passed = 0;
  let asked = 0;
  await context.route(FRAME_WASM, async (route) => {
    asked += 1;
    await (ms === undefined ? gate : Promise.race([gate, new Promise((r) => setTimeout(r, ms))]));
    passed += 1;
    await route.continue();
  });
  return { release, released: () => passed > 0, asked: () => asked };
}

async function openParent() {
  const context = await browser.newContext({ locale: 'en-US' });
  await context.route(`${PARENT_ORIGIN}${PARENT_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PARENT_HTML }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(new Error(`console.error: ${m.text()}`)); });
  await page.goto(`${PARENT_ORIGIN}${PARENT_PATH}`);
  return { page, context, errors };
}

const messages = (page) => page.evaluate(() => window.msgs.map((m) => ({ ...m, p: Object.fromEntries(new URLSearchParams(m.data)) })));

function frameOf(page, field) {
  return page.frames().find((f) => f.url().includes('/frames/card-field.html') && f.url().includes(`field=${field}`));
}

test('the number typed at full speed before the wasm is formatted when it takes over, caret at the end, and the parent hears only what it always did', async () => {
  const { page, context, errors } = await openParent();
  const wasm = await holdFrameWasm(context);
  await page.evaluate(() => window.mount('number'));
  const field = page.frameLocator('iframe[title=number]').locator('input');
  await field.waitFor({ state: 'visible' });
  await field.click();
  await page.keyboard.type(CARD);
  // All typed with the wasm still held: the input took the keys on its own.
  assert.equal(wasm.released(), false, 'the frame wasm was let through before the typing ended');
  assert.ok(wasm.asked() >= 1, 'the frame asked for its wasm');
  assert.equal(await field.inputValue(), CARD);
  assert.deepEqual(await messages(page), [], 'the frame spoke before its wasm');

  wasm.release();
  await eventually(async () => (await field.inputValue()) === SHOWN, { timeout: 10000, message: `the number shown as ${SHOWN}` });
  const frame = frameOf(page, 'number');
  assert.deepEqual(await frame.evaluate(() => {
    const i = document.getElementById('field');
    return [document.activeElement === i, i.selectionStart, i.selectionEnd, document.querySelectorAll('input').length];
  }), [true, SHOWN.length, SHOWN.length, 1], 'focus kept, caret at the end, one input');

  // The protocol as ever: ready first, then the state of what was typed.
  await eventually(async () => (await messages(page)).some((m) => m.p.t === 'state' && m.p.complete === '1'), { message: 'a complete state' });
  const msgs = await messages(page);
  assert.equal(msgs[0].p.t, 'ready');
  const state = msgs.find((m) => m.p.t === 'state');
  assert.deepEqual({ ...state.p, ch: undefined }, { pk: '1', ch: undefined, t: 'state', field: 'number', empty: '0', complete: '1', valid: '1', focused: '1', brand: 'visa' });
  for (const m of msgs) {
    assert.equal(m.origin, SANDBOX);
    assert.doesNotMatch(m.data.replace(/(^|&)ch=[0-9a-f]*/, ''), /\d{6}/, 'a message carries digits of the number');
  }

  // And from then on the wasm handles the keys: a deletion, a digit put back.
  await page.keyboard.press('Backspace');
  assert.equal(await field.inputValue(), '4242 4242 4242 424');
  await page.keyboard.type('2');
  assert.equal(await field.inputValue(), SHOWN);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keys typed while the wasm arrives land in order, none lost, whatever key the takeover falls on', async () => {
  // The wasm let through after a few keys, at a different one each round.
  for (const afterKeys of [1, 5, 9, 14]) {
    const { page, context, errors } = await openParent();
    const wasm = await holdFrameWasm(context);
    await page.evaluate(() => window.mount('number'));
    const field = page.frameLocator('iframe[title=number]').locator('input');
    await field.waitFor({ state: 'visible' });
    await field.click();
    const number = '4000056655665556'; // Visa debit: digits that differ, to see any reordering.
    await page.keyboard.type(number.slice(0, afterKeys));
    wasm.release();
    for (const key of number.slice(afterKeys)) {
      await page.keyboard.type(key);
      await new Promise((r) => setTimeout(r, 8));
    }
    await eventually(async () => (await messages(page)).some((m) => m.p.t === 'ready'), { message: 'ready' });
    await eventually(async () => (await field.inputValue()) === '4000 0566 5566 5556',
      { timeout: 10000, message: `all keys in order (takeover after ${afterKeys} keys; last: ${await field.inputValue()})` });
    assert.equal(await frameOf(page, 'number').evaluate(() => document.getElementById('field').selectionStart), 19);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the expiry, security code and holder frames adopt the page\'s input with their own attributes', async () => {
  const { page, context, errors } = await openParent();
  const wasm = await holdFrameWasm(context);
  for (const field of ['expiry', 'cvv', 'holder']) await page.evaluate((f) => window.mount(f), field);
  const expiry = page.frameLocator('iframe[title=expiry]').locator('input');
  await expiry.click();
  await page.keyboard.type('1230');
  const holder = page.frameLocator('iframe[title=holder]').locator('input');
  await holder.click();
  await page.keyboard.type('Ada Lovelace');
  wasm.release();
  await eventually(async () => (await messages(page)).filter((m) => m.p.t === 'ready').length === 3, { timeout: 10000, message: 'three frames ready' });
  assert.equal(await expiry.inputValue(), '12/30');
  assert.equal(await holder.inputValue(), 'Ada Lovelace');
  const attrs = (field) => frameOf(page, field).evaluate(() => {
    const i = document.getElementById('field');
    return ['name', 'autocomplete', 'inputmode', 'autocapitalize'].map((a) => i.getAttribute(a));
  });
  assert.deepEqual(await attrs('expiry'), ['exp-date', 'cc-exp', 'numeric', 'off']);
  assert.deepEqual(await attrs('cvv'), ['cvc', 'cc-csc', 'numeric', 'off']);
  assert.deepEqual(await attrs('holder'), ['ccname', 'cc-name', null, 'words']);
  const expiryState = (await messages(page)).map((m) => m.p).find((p) => p.t === 'state' && p.field === 'expiry');
  // Typed and left before the wasm: complete, and counted as touched (an error would show).
  assert.equal(expiryState.complete, '1');
  assert.equal(expiryState.focused, '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a frame page not framed, or with a broken fragment, stays inert: no input once the wasm runs', async () => {
  const context = await browser.newContext();
  for (const fragment of [`field=number&ch=0123456789abcdef0123456789abcdef&origin=${encodeURIComponent(PARENT_ORIGIN)}`, 'field=number&ch=nope']) {
    const page = await context.newPage();
    await page.goto(`${SANDBOX}/frames/card-field.html#${fragment}`);
    // The trunk loader sets `wasmBindings` once the wasm has started.
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    assert.equal(await page.locator('input').count(), 0, fragment);
    await page.close();
  }
  await context.close();
});

test('Drop-in: the whole card typed at full speed the moment the number input exists, the wasm held back, pays', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const wasm = await holdFrameWasm(context, HOLD_MS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(new Error(`console.error: ${m.text()}`)); });
  const requests = recordMerchantRequests(page);
  await page.goto(new URL('/', DEMO_URL).href);
  const field = page.frameLocator('iframe[title="Secure card number input"]').locator('input');
  await field.waitFor({ state: 'visible', timeout: 15000 });
  await field.click();
  await page.keyboard.type(CARD);
  assert.equal(wasm.released(), false, 'the frame wasm arrived before the typing ended: nothing typed early');
  await eventually(async () => (await field.inputValue()) === SHOWN, { timeout: 10000, message: `the number shown as ${SHOWN}` });
  await eventually(() => page.getByRole('img', { name: 'Visa' }).isVisible(), { timeout: 10000, message: 'Visa badge' });
  // The rest as fillCard types it (the demo shop asks for the holder's name).
  for (const [name, text] of [['expiry', '1230'], ['cvv', '123'], ['holder', 'Ada Lovelace']]) {
    const input = secureInput(page, name);
    await input.click();
    await input.pressSequentially(text);
  }
  assert.equal(await field.inputValue(), SHOWN, 'the number kept');
  await page.getByRole('button', { name: 'Pay $49.99' }).click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  assert.deepEqual(gatewayTransactions(await sessionIdOf(page)).map((r) => r.status), ['SUCCESS']);
  await assertNoCardDataOnMerchantPage(page, requests, CARD);
  assert.deepEqual(errors.map(String), []);
  await context.close();
});
