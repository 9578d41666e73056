// The demo page's card form, used as a shopper would: by labels, roles and the keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, screenshot, eventually, BACKEND_URL, SANDBOX_URL } from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the three demo servers answer', async () => {
  for (const url of [`${BACKEND_URL}/health`, `${SANDBOX_URL}/health`]) {
    const response = await fetch(url);
    assert.equal(response.status, 200, url);
  }
});

test('a shopper types a Visa number and sees it grouped with its brand', async () => {
  const { page, context, errors } = await openPage(browser);
  const number = page.getByLabel('Card number');
  await number.pressSequentially('4242424242424242');
  assert.equal(await number.inputValue(), '4242 4242 4242 4242');
  assert.equal(await number.getAttribute('autocomplete'), 'cc-number');
  await eventually(() => page.getByRole('img', { name: 'Visa' }).isVisible(), { message: 'Visa badge' });
  // Focus moved on by itself: the shopper keeps typing the expiry.
  await page.keyboard.type('1230');
  assert.equal(await page.getByLabel('Expiry date').inputValue(), '12/30');
  await page.keyboard.type('123');
  assert.equal(await page.getByLabel('Security code').inputValue(), '123');
  await page.getByLabel('Name on card').fill('Jane Doe');
  const path = await screenshot(page, 'demo-card-form-filled');
  await page.getByRole('button', { name: 'Pay $49.99' }).click();
  await eventually(async () => (await page.locator('#demo-status').textContent()).includes('Visa •••• 4242'), {
    message: 'submitted card summary',
  });
  assert.deepEqual(errors, []);
  console.log(`screenshot: ${path}`);
  await context.close();
});

test('a wrong card number gets a clear error tied to the field', async () => {
  const { page, context } = await openPage(browser);
  const number = page.getByLabel('Card number');
  await number.pressSequentially('4242424242424241');
  await eventually(async () => (await number.getAttribute('aria-invalid')) === 'true', { message: 'aria-invalid' });
  const describedBy = await number.getAttribute('aria-describedby');
  assert.equal((await page.locator(`#${describedBy}`).textContent()).trim(), 'Your card number is invalid.');
  await screenshot(page, 'demo-card-form-error');
  await context.close();
});

test('an empty submit announces what needs attention and focuses the card number', async () => {
  const { page, context } = await openPage(browser);
  await page.getByRole('button', { name: /Pay/ }).click();
  await eventually(async () => (await page.getByRole('status').first().textContent()).includes('4 fields need your attention'), {
    message: 'live region announcement',
  });
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('autocomplete')), 'cc-number');
  await context.close();
});

test('the page speaks French when the shopper asks for it', async () => {
  const { page, context } = await openPage(browser, '/?locale=fr-FR');
  const number = page.getByLabel('Numéro de carte');
  await number.pressSequentially('3782822463');
  assert.equal(await number.inputValue(), '3782 822463');
  await eventually(() => page.getByRole('img', { name: 'American Express' }).isVisible(), { message: 'Amex badge' });
  assert.match(await page.getByRole('button', { name: /Payer/ }).textContent(), /^Payer 49,99/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr-FR');
  await screenshot(page, 'demo-card-form-fr');
  await context.close();
});

test('the browser language picks the locale when the page does not say', async () => {
  const { page, context } = await openPage(browser, '/', { locale: 'fr-CH' });
  await eventually(() => page.getByLabel('Numéro de carte').isVisible(), { message: 'French label' });
  await context.close();
});
