// QR wallets and redirect methods in the Drop-in, as a shopper pays with them: pick the method,
// press Pay, scan (here: open the sandbox's approval page, the wallet app's stand-in), and watch
// the checkout learn the result by itself. Checked against the gateway's own records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openPage, screenshot, eventually, recordMerchantRequests, gatewayTransactions, createSession,
  SANDBOX_URL, DEMO_URL,
} from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const payButton = (page) => page.getByRole('button', { name: /^Pay / });

async function checkout(body, options = {}) {
  const session = await createSession(body);
  const opened = await openPage(browser, `/?session_id=${encodeURIComponent(session.session_id)}`, options);
  await payButton(opened.page).waitFor({ timeout: 15000 });
  return { ...opened, sessionId: session.session_id };
}

/// Picks `method`, presses Pay and waits for its QR code; returns the code's payload.
async function showQr(page, method) {
  await page.getByRole('radio', { name: method }).check();
  await page.getByText(`scan the QR code with the ${method} app`).waitFor();
  await payButton(page).click();
  await page.getByRole('img', { name: `QR code to pay with ${method}` }).waitFor({ timeout: 15000 });
  // Hidden on a desktop screen (a phone cannot scan itself), but it carries the code's payload.
  return page.locator('a', { hasText: `Open ${method}` }).getAttribute('href');
}

/// The shopper's phone: the wallet app approves (or not) on the sandbox's approval page.
async function decideInWallet(payload, decision) {
  assert.ok(payload.startsWith(`${SANDBOX_URL}/approve/`), payload);
  const phone = await browser.newContext();
  const app = await phone.newPage();
  await app.goto(payload);
  await app.getByRole('button', { name: decision }).click();
  await app.waitForLoadState();
  await phone.close();
}

test('a WeChat Pay payment is approved in the wallet while the Drop-in polls, and succeeds by itself', async () => {
  const { page, context, sessionId, errors } = await checkout({ payment_methods: ['BANKCARD', 'WechatPayGlobal', 'AlipayPlus'] });
  // The session's methods, in its order, after the card.
  const radios = await page.getByRole('radio').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(radios, ['BANKCARD', 'WechatPayGlobal', 'AlipayPlus']);
  const requests = recordMerchantRequests(page);
  const payload = await showQr(page, 'WeChat Pay');
  await page.getByText(/The code expires in/).waitFor();
  const clock = await page.locator('time').textContent();
  assert.match(clock, /^1[45]:[0-5]\d$/, 'about 15 minutes to scan');
  await screenshot(page, 'qr-wechatpay');
  await decideInWallet(payload, 'Approve');
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 15000 });
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  const polls = requests.filter((r) => r.url().endsWith('/result'));
  assert.ok(polls.length >= 1, 'the result came from polling the backend');
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('a QR payment declined in the wallet says so and lets the shopper pay another way', async () => {
  const { page, context, sessionId } = await checkout({ payment_methods: ['BANKCARD', 'WechatPayGlobal'] });
  const payload = await showQr(page, 'WeChat Pay');
  await decideInWallet(payload, 'Decline');
  await page.getByRole('alert').filter({ hasText: 'declined' }).waitFor({ timeout: 15000 });
  assert.equal(await payButton(page).isEnabled(), true);
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['FAILURE']);
  await context.close();
});

test('a QR code that expires at the gateway ends in an expired state, and a new one can be shown', async () => {
  const { page, context, sessionId } = await checkout({ payment_methods: ['AlipayPlus'] });
  // Alone in the session, the wallet is picked already.
  assert.equal(await page.getByRole('radio', { name: 'Alipay+' }).isChecked(), true);
  const payload = await showQr(page, 'Alipay+');
  await decideInWallet(payload, 'Let it expire');
  await page.getByRole('alert').filter({ hasText: 'not completed in time' }).waitFor({ timeout: 15000 });
  await payButton(page).click();
  await page.getByRole('img', { name: 'QR code to pay with Alipay+' }).waitFor({ timeout: 15000 });
  assert.equal(gatewayTransactions(sessionId).length, 2);
  await context.close();
});

test('when the countdown runs out the Drop-in stops polling and says the code expired', async () => {
  const { page, context } = await checkout({ payment_methods: ['WechatPayGlobal'] });
  await page.clock.install();
  await showQr(page, 'WeChat Pay');
  const requests = recordMerchantRequests(page);
  await page.clock.fastForward('15:01');
  await page.clock.runFor(2000);
  await page.getByRole('alert').filter({ hasText: 'not completed in time' }).waitFor({ timeout: 15000 });
  const seen = requests.length;
  await page.clock.runFor(30000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  assert.equal(requests.filter((r) => r.url().endsWith('/result')).length, requests.slice(0, seen).filter((r) => r.url().endsWith('/result')).length, 'no polling after expiry');
  await context.close();
});

test('on a phone the QR panel offers to open the wallet app', async () => {
  const { page, context } = await checkout({ payment_methods: ['AlipayPlus'] }, { viewport: { width: 375, height: 740 } });
  await showQr(page, 'Alipay+');
  assert.equal(await page.getByRole('link', { name: 'Open Alipay+' }).isVisible(), true);
  await screenshot(page, 'qr-mobile');
  await context.close();
});

test('a redirect method (iDEAL) goes to its page and back, and the result is fetched, not read from the URL', async () => {
  const { page, context, sessionId } = await checkout({ currency: 'EUR', payment_methods: ['iDEAL', 'BANKCARD'] });
  await page.getByRole('radio', { name: 'iDEAL' }).check();
  await page.getByText('you will be taken to iDEAL').waitFor();
  await payButton(page).click();
  await page.waitForURL((url) => url.origin === SANDBOX_URL, { timeout: 20000 });
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.waitForURL((url) => url.origin === new URL(DEMO_URL).origin, { timeout: 20000 });
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  await context.close();
});
