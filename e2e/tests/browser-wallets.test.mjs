// Apple Pay and Google Pay in the Drop-in. The browsers' payment sheets are the one thing a
// test may stand in for (no wallet, no Apple device here): the doubles below replace
// `ApplePaySession` and `PaymentRequest` in the page, and everything past them is real (the
// Drop-in, the merchant backend's Apple Pay validation, the gateway's payment).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, screenshot, gatewayTransactions, createSession, DEMO_URL } from '../support.mjs';
import { APPLE_PAY_DOUBLE, GOOGLE_PAY_DOUBLE } from '../wallet-doubles.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function checkoutWith(double, args, methods) {
  const session = await createSession({ payment_methods: methods });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  if (double) await context.addInitScript(double, args);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(new URL(`/?session_id=${encodeURIComponent(session.session_id)}`, DEMO_URL).href);
  await page.getByRole('button', { name: /^Pay/ }).waitFor({ timeout: 15000 });
  return { page, context, errors, sessionId: session.session_id };
}

// (Chromium logs that it cannot download Google Pay's payment manifest here: no internet.)
test('where the browser has no wallet, Apple Pay and Google Pay are not offered at all', async () => {
  const { page, context } = await checkoutWith(null, null, ['BANKCARD', 'ApplePay', 'GooglePay']);
  await page.waitForTimeout(500); // the availability checks are asynchronous
  assert.equal(await page.getByRole('radio', { name: 'Apple Pay' }).count(), 0);
  assert.equal(await page.getByRole('radio', { name: 'Google Pay' }).count(), 0);
  assert.equal(await page.getByRole('radio', { name: 'Card' }).isChecked(), true);
  await context.close();
});

test('Apple Pay: the merchant is validated through the backend and the payment token pays', async () => {
  const { page, context, sessionId, errors } = await checkoutWith(APPLE_PAY_DOUBLE, { cancel: false }, ['BANKCARD', 'ApplePay']);
  await page.getByRole('radio', { name: 'Apple Pay' }).check();
  const button = page.getByRole('button', { name: 'Pay with Apple Pay' });
  await screenshot(page, 'apple-pay');
  await button.click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 15000 });
  const recorded = await page.evaluate(() => window.__applePay);
  assert.equal(recorded.request.total.amount, '49.99');
  assert.equal(recorded.request.currencyCode, 'USD');
  assert.ok(recorded.request.supportedNetworks.includes('visa'));
  assert.match(recorded.merchantSession.merchantSessionIdentifier, /^SSH/, 'the gateway\'s merchant session');
  assert.equal(recorded.completed, 0, 'the sheet is told it succeeded');
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('Apple Pay closed by the shopper pays nothing and leaves the checkout usable', async () => {
  const { page, context, sessionId } = await checkoutWith(APPLE_PAY_DOUBLE, { cancel: true }, ['BANKCARD', 'ApplePay']);
  await page.getByRole('radio', { name: 'Apple Pay' }).check();
  await page.getByRole('button', { name: 'Pay with Apple Pay' }).click();
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('button', { name: 'Pay with Apple Pay' }).isEnabled(), true);
  assert.equal(gatewayTransactions(sessionId).length, 0);
  await context.close();
});

test('Google Pay through the Payment Request API pays with its token', async () => {
  const { page, context, sessionId } = await checkoutWith(GOOGLE_PAY_DOUBLE, null, ['GooglePay', 'BANKCARD']);
  await page.getByRole('radio', { name: 'Google Pay' }).check();
  await page.getByRole('button', { name: 'Pay with Google Pay' }).click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 15000 });
  const recorded = await page.evaluate(() => window.__googlePay);
  assert.equal(recorded.methods[0].supportedMethods, 'https://google.com/pay');
  assert.equal(recorded.details.total.amount.value, '49.99');
  assert.equal(recorded.completed, 'success');
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  await context.close();
});
