// Accessibility, as a shopper with assistive technology meets the checkout: axe-core (WCAG 2.2 A
// and AA rules) on every demo page and every state of the Drop-in, inside the secure frames too,
// and a payment made with the keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  launch, openPage, openCheckout, fillCard, secureInput, createSession, freshShopper, eventually, screenshot,
} from '../support.mjs';

const AXE = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'axe-core', 'axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// The secure frames' CSP refuses injected scripts, axe's too: the test browser lets it in.
const AXE_OK = { bypassCSP: true };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const payButton = (page) => page.getByRole('button', { name: /^Pay / });

/// Runs axe in the page and in each of its frames (the secure fields are cross-origin, so each
/// frame is checked on its own); fails with every violation, its rule and where.
async function assertAccessible(page, state) {
  const found = [];
  for (const frame of page.frames()) {
    if (frame.url() === 'about:blank' || frame.isDetached()) continue;
    await frame.addScriptTag({ path: AXE });
    const violations = await frame.evaluate(async (tags) => {
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: false });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    }, TAGS);
    found.push(...violations.map((v) => `${frame === page.mainFrame() ? 'page' : new URL(frame.url()).pathname}: ${v}`));
  }
  assert.deepEqual(found, [], `axe found violations in state "${state}"`);
}

async function checkoutFor(body = {}, options = {}) {
  const session = await createSession(body);
  const opened = await openPage(browser, `/?session_id=${encodeURIComponent(session.session_id)}`, options);
  await payButton(opened.page).waitFor({ timeout: 15000 });
  return { ...opened, sessionId: session.session_id };
}

test('the Drop-in has no axe violation: form, errors, processing, success', async () => {
  const { page, context } = await openCheckout(browser, '/', AXE_OK);
  await assertAccessible(page, 'form');
  await payButton(page).click();
  await page.getByText('Enter your card number.').first().waitFor({ timeout: 10000 });
  await assertAccessible(page, 'errors');
  await fillCard(page, { number: '4242 4242 4242 4242' });
  // Hold the payment at the backend long enough to look at the processing state.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/api/payments', async (route) => { await held; await route.continue(); });
  await payButton(page).click();
  await page.getByText('Processing your payment…').first().waitFor({ timeout: 10000 });
  await assertAccessible(page, 'processing');
  release();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  await assertAccessible(page, 'success');
  await context.close();
});

test('a declined payment, the expired state and the dark theme have no axe violation', async () => {
  const { page, context } = await openCheckout(browser, '/', { ...AXE_OK, colorScheme: 'dark' });
  await fillCard(page, { number: '4000 0000 0000 0002' });
  await payButton(page).click();
  await page.getByText('Your card was declined. Try another card or contact your bank.').first().waitFor({ timeout: 20000 });
  await assertAccessible(page, 'declined (dark)');
  await context.close();

  const session = await createSession({ expires_in_seconds: 1 });
  await new Promise((resolve) => setTimeout(resolve, 2600));
  const expired = await openPage(browser, `/?session_id=${encodeURIComponent(session.session_id)}`, AXE_OK);
  await expired.page.getByRole('heading', { name: 'This checkout has expired' }).waitFor({ timeout: 15000 });
  await assertAccessible(expired.page, 'expired');
  await expired.context.close();
});

test('saved cards, their removal step and a QR code have no axe violation', async () => {
  const shopper = freshShopper('a11y');
  const first = await openPage(browser, `/?session_id=${(await createSession({ shopper_reference: shopper })).session_id}`, { shopper });
  await secureInput(first.page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  await fillCard(first.page, { number: '4242 4242 4242 4242' });
  await first.page.getByRole('checkbox', { name: 'Save this card for future payments' }).check();
  await payButton(first.page).click();
  await first.page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  await first.context.close();

  const { page, context } = await checkoutFor({ shopper_reference: shopper }, { ...AXE_OK, shopper });
  await page.getByRole('radio', { name: /Visa •••• 4242/ }).waitFor({ timeout: 15000 });
  await assertAccessible(page, 'saved cards');
  await page.getByRole('button', { name: 'Remove card' }).click();
  await page.getByText('Remove this card?').waitFor();
  await assertAccessible(page, 'remove confirmation');
  await page.getByRole('button', { name: 'Keep it' }).click();

  await page.getByRole('radio', { name: 'WeChat Pay' }).check();
  await payButton(page).click();
  await page.getByRole('img', { name: 'QR code to pay with WeChat Pay' }).waitFor({ timeout: 15000 });
  await assertAccessible(page, 'QR code');
  await context.close();
});

test('the Components, HTML element and hosted pages, and an Arabic Drop-in, have no axe violation', async () => {
  for (const path of ['/component.html', '/elements.html']) {
    const { page, context } = await openPage(browser, path, AXE_OK);
    // Number, expiry and security code (the Drop-in asks no holder's name unless the shop does).
    await eventually(async () => (await page.locator('iframe').count()) >= 3, { timeout: 15000, message: `frames on ${path}` });
    await page.frameLocator('iframe').first().locator('input').waitFor({ timeout: 15000 });
    await assertAccessible(page, path);
    await context.close();
  }
  const { page, context } = await openPage(browser, '/hosted.html', AXE_OK);
  await assertAccessible(page, 'hosted page: the shop');
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await payButton(page).waitFor({ timeout: 20000 });
  await assertAccessible(page, 'hosted page');
  await context.close();

  const session = await createSession({ display_locale: 'ar' });
  const arabic = await openPage(browser, `/?session_id=${encodeURIComponent(session.session_id)}`, AXE_OK);
  await arabic.page.getByRole('button', { name: /^ادفع / }).waitFor({ timeout: 15000 });
  await arabic.page.locator('[dir="rtl"][lang="ar"]').first().waitFor({ timeout: 15000 });
  await assertAccessible(arabic.page, 'Arabic (right to left)');
  await arabic.context.close();
});

test('a shopper pays with the keyboard alone', async () => {
  const { page, context } = await openCheckout(browser);
  // From the top of the page, Tab until the card number field has the focus.
  const inNumberField = () => page.evaluate(() => document.activeElement?.title === 'Secure card number input');
  for (let i = 0; i < 30 && !(await inNumberField()); i += 1) await page.keyboard.press('Tab');
  assert.ok(await inNumberField(), 'Tab reaches the card number');
  await page.keyboard.type('4242424242424242');
  // A complete number moves the focus on to the expiry, and a complete expiry to the code.
  await eventually(() => page.evaluate(() => document.activeElement?.title === 'Secure expiry date input'), { message: 'focus in expiry' });
  await page.keyboard.type('1230');
  await eventually(() => page.evaluate(() => document.activeElement?.title === 'Secure security code input'), { message: 'focus in security code' });
  await page.keyboard.type('123');
  await page.keyboard.press('Tab');
  await eventually(() => page.evaluate(() => document.activeElement?.title === 'Secure cardholder name input'), { message: 'focus in name' });
  await page.keyboard.type('Ada Lovelace');
  // On to Pay, whatever lies between (the save-card box), and press it with Enter.
  const onPay = () => page.evaluate(() => /^Pay /.test(document.activeElement?.textContent ?? '') && document.activeElement.tagName === 'BUTTON');
  for (let i = 0; i < 10 && !(await onPay()); i += 1) await page.keyboard.press('Tab');
  assert.ok(await onPay(), 'Tab reaches Pay');
  // The focus is visible where it is: an outline or a ring, not nothing.
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 || style.boxShadow !== 'none';
  });
  assert.ok(ring, 'the focused Pay button shows a focus indicator');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  await screenshot(page, 'keyboard-paid');
  await context.close();
});

test('the method list is operated with the arrow keys, and the choice is announced by its radio', async () => {
  const { page, context } = await openCheckout(browser);
  const card = page.getByRole('radio', { name: 'Card' });
  await card.focus();
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('type') === 'radio' && document.activeElement.checked);
  assert.ok(focused, 'an arrow key moves to the next method and selects it');
  assert.equal(await card.isChecked(), false);
  await context.close();
});
