// Saved cards in the Drop-in, as a returning shopper meets them: save on the first payment,
// pay the next time with the security code only, remove with a confirmation, and a
// subscription's first payment that states its consent. Checked against the gateway's records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openPage, fillCard, secureInput, screenshot, eventually, recordMerchantRequests,
  gatewayTransactions, gatewayTokens, createSession, freshShopper, signIn, DEMO_URL,
} from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const success = (page) => page.getByRole('heading', { name: 'Payment successful' });
const payButton = (page) => page.getByRole('button', { name: /^Pay / });
const storedCvv = (page) => page.frameLocator('iframe[title="Secure security code input"]').getByLabel('Security code');

/// Opens the Drop-in for a new session of `shopper`, created as the merchant's server does.
async function checkoutFor(shopper, body = {}) {
  const session = await createSession({ shopper_reference: shopper, ...body });
  const opened = await openPage(browser, `/?session_id=${encodeURIComponent(session.session_id)}`, { shopper });
  await payButton(opened.page).waitFor({ timeout: 15000 });
  return { ...opened, sessionId: session.session_id };
}

/// Pays once with `number`, ticking "save this card", and waits for the success view.
async function payAndSave(shopper, number, cvv = '123') {
  const { page, context } = await checkoutFor(shopper);
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  await fillCard(page, { number, cvv });
  const save = page.getByRole('checkbox', { name: 'Save this card for future payments' });
  assert.equal(await save.isChecked(), false, 'saving is the shopper\'s choice, not ticked by default');
  await save.check();
  await payButton(page).click();
  await success(page).waitFor({ timeout: 20000 });
  await context.close();
}

test('a shopper saves a card, and next time pays with the security code only', async () => {
  const shopper = freshShopper('saved');
  await payAndSave(shopper, '4242 4242 4242 4242');
  const tokens = gatewayTokens(shopper);
  assert.equal(tokens.length, 1, JSON.stringify(tokens));
  assert.equal(tokens[0].token_usage, 'CARD_ON_FILE');

  const { page, context, sessionId, errors } = await checkoutFor(shopper);
  const requests = recordMerchantRequests(page);
  const saved = page.getByRole('radio', { name: /Visa •••• 4242/ });
  await saved.waitFor({ timeout: 15000 });
  assert.equal(await saved.isChecked(), true, 'the saved card is offered first');
  await page.getByText(/Expires 12\/30/).waitFor();
  // Only the security code is asked: no number, expiry or name frame is visible.
  assert.equal(await page.locator('iframe[title="Secure card number input"]:visible').count(), 0);
  await screenshot(page, 'saved-card');
  const cvv = storedCvv(page);
  await cvv.click();
  await cvv.pressSequentially('123');
  await payButton(page).click();
  await success(page).waitFor({ timeout: 20000 });
  const records = gatewayTransactions(sessionId);
  assert.deepEqual(records.map((r) => r.status), ['SUCCESS']);
  assert.equal(gatewayTokens(shopper).length, 1, 'paying with the saved card stores nothing new');
  // What left the merchant page: the token and the security code as ciphertext, nothing else.
  const posts = requests.filter((r) => r.url().includes('/api/payments') && r.method() === 'POST');
  assert.equal(posts.length, 1);
  const body = JSON.parse(posts[0].postData());
  assert.equal(body.token, tokens[0].token);
  assert.match(body.encrypted_cvv, /^pkenc\.v2\./);
  assert.deepEqual(Object.keys(body).filter((k) => /cvv|card_no|exp_/.test(k)), ['encrypted_cvv']);
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('an American Express saved card asks for four digits and refuses three', async () => {
  const shopper = freshShopper('amex');
  await payAndSave(shopper, '3782 822463 10005', '1234');
  const { page, context, sessionId } = await checkoutFor(shopper);
  await page.getByRole('radio', { name: /American Express •••• 0005/ }).waitFor({ timeout: 15000 });
  await page.getByText('4 digits on the front of the card').waitFor();
  const requests = recordMerchantRequests(page);
  const cvv = storedCvv(page);
  await cvv.click();
  await cvv.pressSequentially('123');
  await payButton(page).click();
  await page.getByText('The security code is incomplete.').waitFor({ timeout: 10000 });
  assert.equal(requests.filter((r) => r.url().includes('/api/payments')).length, 0, 'nothing sent');
  assert.equal(gatewayTransactions(sessionId).length, 0);
  await cvv.pressSequentially('4');
  await payButton(page).click();
  await success(page).waitFor({ timeout: 20000 });
  await context.close();
});

test('a saved card is removed only after confirming, and is gone at the gateway', async () => {
  const shopper = freshShopper('remove');
  await payAndSave(shopper, '5555 5555 5555 4444');
  const { page, context } = await checkoutFor(shopper);
  const saved = page.getByRole('radio', { name: /Mastercard •••• 4444/ });
  await saved.waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: 'Remove card' }).click();
  // A change of mind keeps it.
  await page.getByRole('button', { name: 'Keep it' }).click();
  assert.equal(gatewayTokens(shopper).length, 1);
  await page.getByRole('button', { name: 'Remove card' }).click();
  await page.getByRole('group', { name: 'Remove this card?' }).waitFor();
  await screenshot(page, 'saved-card-remove-confirm');
  await page.getByRole('button', { name: 'Remove', exact: true }).click();
  await eventually(async () => (await saved.count()) === 0, { timeout: 10000, message: 'card gone from the list' });
  assert.equal(gatewayTokens(shopper).length, 0);
  // The new-card form takes over, ready to pay.
  await secureInput(page, 'number').waitFor({ state: 'visible' });
  assert.equal(await page.getByRole('radio', { name: 'Card' }).isChecked(), true);
  await context.close();
});

test('a subscription\'s first payment states the consent and stores a SUBSCRIPTION token', async () => {
  const shopper = freshShopper('sub');
  const { page, context, sessionId } = await checkoutFor(shopper, { payment_type: 'RECURRING' });
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  const consent = page.getByText(/your card will be saved and charged for its future payments/);
  assert.equal(await consent.isVisible(), true, 'the consent is shown before Pay');
  assert.equal(await page.getByRole('checkbox', { name: /Save this card/ }).count(), 0, 'not optional');
  await fillCard(page, { number: '4242 4242 4242 4242' });
  await screenshot(page, 'subscription-consent');
  await payButton(page).click();
  await success(page).waitFor({ timeout: 20000 });
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  const tokens = gatewayTokens(shopper);
  assert.equal(tokens.length, 1, JSON.stringify(tokens));
  assert.equal(tokens[0].token_usage, 'SUBSCRIPTION');
  await context.close();
});

test('an expired saved card is shown as expired and cannot be picked', async () => {
  const shopper = freshShopper('expiry');
  await payAndSave(shopper, '4242 4242 4242 4242'); // expires 12/30
  // The shopper comes back in 2031: by the shopper's clock the card has expired.
  const session = await createSession({ shopper_reference: shopper });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  await context.clock.setFixedTime(new Date('2031-02-01T12:00:00Z'));
  await signIn(context, shopper);
  const page = await context.newPage();
  await page.goto(new URL(`/?session_id=${encodeURIComponent(session.session_id)}`, DEMO_URL).href);
  const saved = page.getByRole('radio', { name: /Visa •••• 4242/ });
  await saved.waitFor({ timeout: 15000 });
  assert.equal(await saved.isDisabled(), true);
  await page.getByText('Expired 12/30').waitFor();
  assert.equal(await page.getByRole('radio', { name: 'Card' }).isChecked(), true, 'a new card is offered instead');
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  assert.equal(await page.locator('iframe[title="Secure security code input"]:visible').count(), 1, 'only the new card\'s');
  await screenshot(page, 'saved-card-expired');
  await context.close();
});

test('a shopper signs in on the shop\'s account page to save a card, and a guest sees none', async () => {
  const { page, context, errors } = await openPage(browser, '/account.html');
  await page.getByRole('status').filter({ hasText: 'You are shopping as a guest.' }).waitFor({ timeout: 10000 });
  await page.getByRole('radio', { name: 'Bob Martin' }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('status').filter({ hasText: 'Signed in as Bob Martin.' }).waitFor({ timeout: 10000 });
  // The login is an HttpOnly cookie: the page's scripts cannot read it.
  assert.equal(await page.evaluate(() => document.cookie.includes('paykka_demo_login')), false);

  await page.getByRole('link', { name: 'Back to checkout' }).click();
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  await fillCard(page, { number: '4242 4242 4242 4242' });
  await page.getByRole('checkbox', { name: 'Save this card for future payments' }).check();
  await payButton(page).click();
  await success(page).waitFor({ timeout: 20000 });
  assert.equal(gatewayTokens('demo-shopper-bob').length, 1);

  await page.goto(new URL('/', DEMO_URL).href);
  await page.getByRole('radio', { name: /Visa •••• 4242/ }).waitFor({ timeout: 15000 });

  await page.goto(new URL('/account.html', DEMO_URL).href);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('status').filter({ hasText: 'You are shopping as a guest.' }).waitFor({ timeout: 10000 });
  await page.goto(new URL('/', DEMO_URL).href);
  await payButton(page).waitFor({ timeout: 15000 });
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  assert.equal(await page.getByRole('radio', { name: /Visa •••• 4242/ }).count(), 0, 'a guest sees no saved card');
  assert.equal(await page.getByRole('checkbox', { name: /Save this card/ }).count(), 0, 'nor is offered to save one');
  assert.deepEqual(errors.map(String), []);
  await context.close();
});
