// Faults between the Drop-in and the merchant's backend, after the payment has really reached
// the gateway: the answer is lost to a 500, comes back malformed, never comes (the connection
// drops) or comes too late. The shopper gets a clear error and a usable form; pressing Pay again
// reuses the idempotency key, so the gateway's records show one payment, never two. And the
// gateway itself restarting while a QR code waits to be scanned loses nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openCheckout, openPage, fillCard, recordMerchantRequests, gatewayTransactions, sessionIdOf,
  createSession, stopServer, screenshot, SANDBOX_URL,
} from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const payButton = (page) => page.getByRole('button', { name: 'Pay $49.99' });

/// Pays once while the first answer to `POST /api/payments` is replaced by `spoil`'s (the
/// request itself reaches the backend and the gateway), then again as the shopper would.
async function payThroughAFault(spoil, expectedError, { errorTimeout = 20000 } = {}) {
  const { page, context, errors } = await openCheckout(browser);
  const requests = recordMerchantRequests(page);
  await fillCard(page, { number: '4242 4242 4242 4242' });
  let spoiled = false;
  await page.route('**/api/payments', async (route) => {
    if (spoiled || route.request().method() !== 'POST') return route.continue();
    spoiled = true;
    const real = await route.fetch();
    await real.body();
    const spoilt = await spoil(real, route);
    if (spoilt === 'aborted') return route.abort('connectionreset');
    return route.fulfill(spoilt).catch(() => { /* the checkout gave up waiting first */ });
  });
  await payButton(page).click();
  await page.getByRole('alert').filter({ hasText: expectedError }).waitFor({ timeout: errorTimeout });
  // The form is still there, filled, and Pay works again.
  await payButton(page).click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  const posts = requests.filter((r) => r.url().includes('/api/payments') && r.method() === 'POST');
  assert.equal(posts.length, 2);
  const keys = await Promise.all(posts.map(async (r) => (await r.allHeaders())['idempotency-key']));
  assert.equal(keys[0], keys[1], 'the retry reuses the idempotency key');
  assert.deepEqual(gatewayTransactions(await sessionIdOf(page)).map((t) => t.status), ['SUCCESS'], 'one payment at the gateway');
  // (The browser logs the 500 it was sent; the checkout itself logs nothing.)
  assert.deepEqual(errors.map(String).filter((e) => !e.includes('Failed to load resource')), []);
  await context.close();
}

test('a 500 after the payment went through: a clear error, and the retry pays once', async () => {
  await payThroughAFault(
    (real) => ({ response: real, status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' }),
    'Something went wrong on our side. Please try again.',
  );
});

test('a malformed answer after the payment went through: a clear error, and the retry pays once', async () => {
  await payThroughAFault(
    (real) => ({ response: real, status: 200, contentType: 'application/json', body: '{"status": "SUCC' }),
    'We received an unexpected answer. Please try again.',
  );
});

test('the connection drops after the payment reached the backend: a clear error, and the retry pays once', async () => {
  await payThroughAFault(
    () => 'aborted',
    'We could not reach the payment service. Check your connection and try again.',
  );
});

test('an answer slower than the checkout waits: it gives up with a clear error, and the retry pays once', async () => {
  // The checkout waits 45 s for a payment's answer (src/api PAYMENT_TIMEOUT_MS); this one takes 50.
  await payThroughAFault(
    async (real) => {
      await new Promise((resolve) => setTimeout(resolve, 50000));
      return { response: real };
    },
    'The payment service is taking too long to answer. Please try again.',
    { errorTimeout: 60000 },
  );
});

test('the gateway restarting while a QR code waits to be scanned: the shopper is told, and the payment completes', async () => {
  const session = await createSession({ payment_methods: ['BANKCARD', 'WechatPayGlobal'] });
  const { page, context, errors } = await openPage(browser, `/?session_id=${encodeURIComponent(session.session_id)}`);
  await page.getByRole('radio', { name: 'WeChat Pay' }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('img', { name: 'QR code to pay with WeChat Pay' }).waitFor({ timeout: 15000 });
  const payload = await page.locator('a', { hasText: 'Open WeChat Pay' }).getAttribute('href');
  const notice = page.getByRole('status').filter({ hasText: 'Connection lost. Still checking for your payment…' });
  const restart = stopServer('sandbox');
  try {
    // Polls fail while the gateway is away: said in the panel, which stays (the code is still good).
    await notice.waitFor({ timeout: 15000 });
    await screenshot(page, 'qr-reconnecting');
    assert.ok(await page.getByRole('img', { name: 'QR code to pay with WeChat Pay' }).isVisible());
  } finally {
    await restart();
  }
  await notice.waitFor({ state: 'detached', timeout: 15000 });
  // The shopper approves in the wallet now that the gateway is back.
  assert.ok(payload.startsWith(`${SANDBOX_URL}/approve/`), payload);
  const phone = await browser.newContext();
  const app = await phone.newPage();
  await app.goto(payload);
  await app.getByRole('button', { name: 'Approve' }).click();
  await app.waitForLoadState();
  await phone.close();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  assert.deepEqual(gatewayTransactions(session.session_id).map((r) => r.status), ['SUCCESS']);
  // The browser logs the failed polls while the gateway was away; the checkout logs nothing.
  assert.deepEqual(errors.map(String).filter((e) => !e.includes('Failed to load resource')), []);
  await context.close();
});
