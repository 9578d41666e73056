// Faults between the Drop-in and the merchant's backend, after the payment has really reached
// the gateway: the answer is lost to a 500 or comes back malformed. The shopper gets a clear
// error and a usable form; pressing Pay again reuses the idempotency key, so the gateway's
// records show one payment, never two.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openCheckout, fillCard, recordMerchantRequests, gatewayTransactions, sessionIdOf,
} from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const payButton = (page) => page.getByRole('button', { name: 'Pay $49.99' });

/// Pays once while the first answer to `POST /api/payments` is replaced by `spoil`'s (the
/// request itself reaches the backend and the gateway), then again as the shopper would.
async function payThroughAFault(spoil, expectedError) {
  const { page, context, errors } = await openCheckout(browser);
  const requests = recordMerchantRequests(page);
  await fillCard(page, { number: '4242 4242 4242 4242' });
  let spoiled = false;
  await page.route('**/api/payments', async (route) => {
    if (spoiled || route.request().method() !== 'POST') return route.continue();
    spoiled = true;
    const real = await route.fetch();
    await real.body();
    return route.fulfill(spoil(real));
  });
  await payButton(page).click();
  await page.getByRole('alert').filter({ hasText: expectedError }).waitFor({ timeout: 20000 });
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
