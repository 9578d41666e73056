// Component mode in Rust: a shop's own layout around the secure fields (the demo's
// `?layout=components`), paying through the same PaymentController as the Drop-in: a card saved
// for next time, a 3-D Secure round trip that resumes in this layout, and a QR wallet whose
// result the page learns by itself. Checked against the gateway's own records.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openPage, fillCard, secureInput, eventually, gatewayTransactions, gatewayTokens,
  createSession, freshShopper, SANDBOX_URL, DEMO_URL,
} from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const success = (page) => page.getByRole('heading', { name: 'Payment successful' });
const payByCard = (page) => page.getByRole('button', { name: 'Pay by card' });

/// The shop's own layout for a new session (`body`: the server's session terms).
async function ownLayout(body = {}, options = {}) {
  const session = await createSession(body);
  const opened = await openPage(browser, `/?layout=components&session_id=${encodeURIComponent(session.session_id)}`, options);
  await secureInput(opened.page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  return { ...opened, sessionId: session.session_id };
}

test('a signed-in shopper pays by card in the shop\'s own Rust layout and saves the card', async () => {
  const shopper = freshShopper('rust-layout');
  const { page, context, sessionId, errors } = await ownLayout({ shopper_reference: shopper }, { shopper });
  await fillCard(page, { number: '5555 5555 5555 4444' });
  const save = page.getByRole('checkbox', { name: 'Save this card for future payments' });
  assert.equal(await save.isChecked(), false);
  await save.check();
  await payByCard(page).click();
  await success(page).waitFor({ timeout: 20000 });
  assert.equal(await page.locator('.own-layout').isHidden(), true, 'the form gives way to the result');
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  const tokens = gatewayTokens(shopper);
  assert.equal(tokens.length, 1, JSON.stringify(tokens));
  assert.equal(tokens[0].token_usage, 'CARD_ON_FILE');
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('a guest is offered no card saving, and a double press pays once', async () => {
  const { page, context, sessionId } = await ownLayout();
  assert.equal(await page.getByRole('checkbox', { name: 'Save this card for future payments' }).count(), 0);
  await fillCard(page, { number: '4242 4242 4242 4242' });
  await payByCard(page).dblclick();
  await success(page).waitFor({ timeout: 20000 });
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  await context.close();
});

test('a 3-D Secure card leaves for the challenge and comes back to the same layout, paid', async () => {
  const { page, context, sessionId } = await ownLayout();
  await fillCard(page, { number: '4000 0027 6000 3184' });
  await payByCard(page).click();
  await page.waitForURL((url) => url.origin === SANDBOX_URL, { timeout: 20000 });
  await page.getByLabel('Code sent to your phone').fill('1234');
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => url.origin === DEMO_URL, { timeout: 20000 });
  const back = new URL(page.url());
  assert.equal(back.searchParams.get('layout'), 'components');
  assert.equal(back.searchParams.get('session_id'), sessionId);
  await success(page).waitFor({ timeout: 20000 });
  assert.equal(await page.getByRole('button', { name: 'Pay by card' }).isHidden(), true);
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  await context.close();
});

test('a declined card says so beside the shop\'s own button, which pays again', async () => {
  const { page, context } = await ownLayout();
  await fillCard(page, { number: '4000 0000 0000 0002' });
  await payByCard(page).click();
  await page.getByRole('alert').filter({ hasText: 'declined' }).waitFor({ timeout: 20000 });
  await eventually(() => payByCard(page).isEnabled(), { message: 'Pay is enabled again' });
  await context.close();
});

test('a QR wallet shows its code in the own layout, and the page learns the approval by itself', async () => {
  const { page, context, sessionId } = await ownLayout({ payment_methods: ['BANKCARD', 'WechatPayGlobal'] });
  await page.getByRole('button', { name: 'Pay with WeChat Pay' }).click();
  await page.getByRole('img', { name: 'QR code to pay with WeChat Pay' }).waitFor({ timeout: 15000 });
  const payload = await page.locator('a', { hasText: 'Open WeChat Pay' }).getAttribute('href');
  assert.ok(payload.startsWith(`${SANDBOX_URL}/approve/`), payload);
  const phone = await browser.newContext();
  const app = await phone.newPage();
  await app.goto(payload);
  await app.getByRole('button', { name: 'Approve' }).click();
  await app.waitForLoadState();
  await phone.close();
  await success(page).waitFor({ timeout: 15000 });
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  await context.close();
});
