// The Drop-in on the demo shop, paid by card as a shopper pays: typing into the secure frames,
// pressing Pay, answering the 3DS challenge. Checked against the gateway's own records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openPage, openCheckout, fillCard, secureInput, screenshot, eventually, recordMerchantRequests,
  assertNoCardDataOnMerchantPage, gatewayTransactions, cspViolations, createSession, sessionIdOf, stopServer,
  BACKEND_URL, SANDBOX_URL,
} from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const successText = (page) => page.getByRole('heading', { name: 'Payment successful' });
const payButton = (page) => page.getByRole('button', { name: 'Pay $49.99' });

test('the three demo servers answer', async () => {
  for (const url of [`${BACKEND_URL}/health`, `${SANDBOX_URL}/health`]) {
    assert.equal((await fetch(url)).status, 200, url);
  }
});

const successCards = [
  ['Visa', '4242 4242 4242 4242', '123'],
  ['Mastercard', '5555 5555 5555 4444', '123'],
  ['American Express', '3782 822463 10005', '1234'],
  ['JCB', '3530 1113 3330 0000', '123'],
  ['Discover', '6011 1111 1111 1117', '123'],
  ['Diners Club', '3056 9300 0902 0004', '123'],
  ['Diners Club', '3622 720627 1667', '123'],
  ['UnionPay', '6200 0000 0000 0005', '123'],
];

for (const [brand, number, cvv] of successCards) {
  test(`a shopper pays with a ${brand} card (${number.slice(0, 4)}…) and the card never touches the merchant page`, async () => {
    const { page, context, errors } = await openCheckout(browser, '/', { watchCsp: true });
    const requests = recordMerchantRequests(page);
    await fillCard(page, { number, cvv });
    await eventually(() => page.getByRole('img', { name: brand }).isVisible(), { message: `${brand} badge` });
    await payButton(page).click();
    await successText(page).waitFor({ timeout: 20000 });
    const sessionId = await sessionIdOf(page);
    const records = gatewayTransactions(sessionId);
    assert.equal(records.length, 1, JSON.stringify(records));
    assert.equal(records[0].status, 'SUCCESS');
    await assertNoCardDataOnMerchantPage(page, requests, number);
    if (brand === 'Visa') await screenshot(page, 'dropin-success');
    assert.deepEqual(errors.map(String), []);
    assert.deepEqual(await cspViolations(page), []);
    await context.close();
  });
}

test('the number field loads first, the other three once it is ready, and no field ever loads twice', async () => {
  const { page, context, errors } = await openPage(browser, '/');
  const loads = [];
  page.on('framenavigated', (frame) => {
    const field = /[#&]field=(\w+)/.exec(frame.url())?.[1];
    if (field && frame.url().includes('/frames/card-field.html')) loads.push(field);
  });
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  for (const field of ['expiry', 'cvv', 'holder']) await secureInput(page, field).waitFor({ state: 'visible', timeout: 15000 });
  // Past the 1.5 s after which the others would load anyway: nothing loads again.
  await page.waitForTimeout(2500);
  assert.equal(loads[0], 'number', loads.join());
  assert.deepEqual([...loads].sort(), ['cvv', 'expiry', 'holder', 'number']);
  await fillCard(page, { number: '4242 4242 4242 4242' });
  await payButton(page).click();
  await successText(page).waitFor({ timeout: 20000 });
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('a declined card shows the reason, keeps the form, and another card then pays', async () => {
  const { page, context } = await openCheckout(browser);
  await fillCard(page, { number: '4000 0000 0000 0002' });
  await payButton(page).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Your card was declined' });
  await alert.waitFor({ timeout: 20000 });
  await screenshot(page, 'dropin-declined');
  // The form is still there, filled: the shopper corrects the number only.
  assert.equal(await secureInput(page, 'holder').inputValue(), 'Ada Lovelace');
  const number = secureInput(page, 'number');
  await number.fill('');
  await number.pressSequentially('5555555555554444');
  await payButton(page).click();
  await successText(page).waitFor({ timeout: 20000 });
  const records = gatewayTransactions(await sessionIdOf(page));
  assert.deepEqual(records.map((r) => r.status).sort(), ['FAILURE', 'SUCCESS']);
  await context.close();
});

test('insufficient funds is said as such', async () => {
  const { page, context } = await openCheckout(browser);
  await fillCard(page, { number: '4000 0000 0000 9995' });
  await payButton(page).click();
  await page.getByRole('alert').filter({ hasText: 'insufficient funds' }).waitFor({ timeout: 20000 });
  await context.close();
});

test('invalid fields are reported in the frames and nothing is sent', async () => {
  const { page, context } = await openCheckout(browser);
  const requests = recordMerchantRequests(page);
  await secureInput(page, 'number').pressSequentially('4242424242424241');
  await payButton(page).click();
  await eventually(async () => (await page.getByText('Your card number is invalid.').count()) > 0, { message: 'number error' });
  await eventually(async () => (await page.getByText('Enter the expiry date.').count()) > 0, { message: 'expiry error' });
  assert.equal(requests.filter((r) => r.url().includes('/api/payments')).length, 0);
  await screenshot(page, 'dropin-invalid');
  await context.close();
});

async function pass3ds(page, code) {
  await page.waitForURL((url) => url.origin === SANDBOX_URL, { timeout: 20000 });
  await page.getByLabel('Code sent to your phone').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => url.origin !== SANDBOX_URL, { timeout: 20000 });
}

test('a 3DS card with the right code is paid after the redirect round trip, and a reload shows the same result', async () => {
  const { page, context } = await openCheckout(browser, '/', { watchCsp: true });
  await fillCard(page, { number: '4000 0027 6000 3184' });
  await payButton(page).click();
  await pass3ds(page, '1234');
  await successText(page).waitFor({ timeout: 20000 });
  await page.reload();
  await successText(page).waitFor({ timeout: 20000 });
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('a 3DS card with a wrong code fails after the round trip', async () => {
  const { page, context } = await openCheckout(browser);
  await fillCard(page, { number: '4000 0027 6000 3184' });
  await payButton(page).click();
  await pass3ds(page, '0000');
  await page.getByRole('alert').filter({ hasText: 'Your bank could not verify this payment' }).waitFor({ timeout: 20000 });
  await context.close();
});

test('a 3DS card that passes the challenge can still be declined', async () => {
  const { page, context } = await openCheckout(browser);
  await fillCard(page, { number: '4000 0084 0000 1629' });
  await payButton(page).click();
  await pass3ds(page, '1234');
  await page.getByRole('alert').filter({ hasText: 'declined' }).waitFor({ timeout: 20000 });
  await context.close();
});

test('five fast clicks on Pay make exactly one payment', async () => {
  const { page, context } = await openCheckout(browser);
  const requests = recordMerchantRequests(page);
  await fillCard(page, { number: '4242 4242 4242 4242' });
  const pay = payButton(page);
  await pay.evaluate((button) => { for (let i = 0; i < 5; i += 1) button.click(); });
  await successText(page).waitFor({ timeout: 20000 });
  assert.equal(requests.filter((r) => r.url().includes('/api/payments') && r.method() === 'POST').length, 1);
  assert.equal(gatewayTransactions(await sessionIdOf(page)).length, 1);
  await context.close();
});

test('with the backend killed mid-checkout the shopper gets a clear error, and the retry pays once', async () => {
  const { page, context } = await openCheckout(browser);
  const requests = recordMerchantRequests(page);
  await fillCard(page, { number: '4242 4242 4242 4242' });
  const restart = stopServer('backend');
  try {
    await payButton(page).click();
    await page.getByRole('alert').filter({ hasText: /try again/i }).waitFor({ timeout: 30000 });
    await screenshot(page, 'dropin-backend-down');
  } finally {
    await restart();
  }
  await payButton(page).click();
  await successText(page).waitFor({ timeout: 20000 });
  const posts = requests.filter((r) => r.url().includes('/api/payments') && r.method() === 'POST');
  assert.equal(posts.length, 2);
  const keys = await Promise.all(posts.map(async (r) => (await r.allHeaders())['idempotency-key']));
  assert.equal(keys[0], keys[1], 'the retry reuses the idempotency key');
  assert.equal(gatewayTransactions(await sessionIdOf(page)).length, 1);
  await context.close();
});

test('an expired session shows an expired state and cannot be paid', async () => {
  const session = await createSession({ expires_in_seconds: 1 });
  await new Promise((resolve) => setTimeout(resolve, 2100));
  const { page, context } = await openPage(browser, `/?session_id=${encodeURIComponent(session.session_id)}`);
  await page.getByRole('heading', { name: 'This checkout has expired' }).waitFor({ timeout: 15000 });
  assert.equal(await page.getByRole('button', { name: /^Pay/ }).count(), 0);
  await screenshot(page, 'dropin-expired');
  await context.close();
});

test('the Drop-in speaks French with a French amount', async () => {
  const { page, context } = await openPage(browser, '/?locale=fr-FR', { locale: 'fr-FR' });
  await page.getByRole('button', { name: /^Payer 49,99/ }).waitFor({ timeout: 15000 });
  await page.frameLocator('iframe[title="Champ sécurisé du numéro de carte"]').getByLabel('Numéro de carte').waitFor();
  await context.close();
});

test('a payment the shop captures later is said as authorized, not paid', async () => {
  const session = await createSession({ capture_method: 'MANUAL' });
  const { page, context } = await openPage(browser, `/?session_id=${encodeURIComponent(session.session_id)}`);
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  await fillCard(page, { number: '4242 4242 4242 4242' });
  await payButton(page).click();
  await page.getByRole('heading', { name: 'Payment authorized' }).waitFor({ timeout: 20000 });
  await page.getByText('You will be charged when the shop confirms your order.').waitFor();
  assert.equal(await successText(page).count(), 0);
  assert.deepEqual(gatewayTransactions(session.session_id).map((r) => r.status), ['AUTHORIZED']);
  await context.close();
});

test('pressing Pay again and again on one checkout meets its limit, and the shopper is told to wait', async () => {
  const { page, context } = await openCheckout(browser);
  await fillCard(page, { number: '4000 0000 0000 0002' });
  const pay = payButton(page);
  // The backend allows 10 attempts a minute per checkout (BACKEND_LIMIT_PAYMENTS_PER_SESSION).
  const paid = () => page.waitForResponse((r) => r.url().endsWith('/api/payments') && r.request().method() === 'POST', { timeout: 20000 });
  for (let i = 0; i < 10; i += 1) {
    const [answer] = await Promise.all([paid(), pay.click()]);
    assert.equal(answer.status(), 200);
    await page.getByRole('alert').filter({ hasText: 'Your card was declined' }).waitFor({ timeout: 20000 });
    await eventually(() => pay.isEnabled(), { timeout: 10000, message: 'Pay enabled again' });
  }
  const [refused] = await Promise.all([paid(), pay.click()]);
  assert.equal(refused.status(), 429);
  await page.getByRole('alert').filter({ hasText: 'Too many attempts. Please wait a minute, then try again.' }).waitFor({ timeout: 20000 });
  const sessionId = await sessionIdOf(page);
  assert.equal(gatewayTransactions(sessionId).length, 10, 'the eleventh never reached the gateway');
  await context.close();
});
