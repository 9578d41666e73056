// The script-tag SDK's wasm is split (src/chunks.rs): what a new-card payment needs comes first,
// the rest (the QR panel and its encoder, saved cards, Apple Pay and Google Pay, the appearance
// parser) as chunks, fetched as soon as the session says they will be needed and checked against
// integrity.json like every file. A chunk that cannot be loaded makes its method unavailable,
// said in the shopper's language, and the card path keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, createSession, gatewayTransactions, fillCard, secureInput, freshShopper } from '../support.mjs';
import { GOOGLE_PAY_DOUBLE } from '../wallet-doubles.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The demo's Components page, its own script served empty, with a Drop-in of a fresh session of
/// `methods` mounted by the SDK (`options` added to create()). `block` aborts requests to a chunk.
/// `tamper` serves a chunk with one byte changed. `shopper` signs the shopper in (their session
/// then has their saved cards); `init` runs in the page before its scripts (a wallet's double).
async function sdkDropIn(methods, { options = {}, block = null, tamper = null, locale = 'en-US', shopper, init } = {}) {
  const chunks = [];
  const opened = await openPage(browser, '/component.html?events', {
    locale,
    shopper,
    beforeGoto: async (page) => {
      if (init) await page.addInitScript(init);
      page.on('request', (request) => {
        const name = new URL(request.url()).pathname.split('/').pop();
        if (name.startsWith('split_')) chunks.push(name);
      });
      await page.route(/\/component\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
      if (block) await page.route(new RegExp(`/${block}$`), (route) => route.abort('connectionfailed'));
      if (tamper) {
        await page.route(new RegExp(`/${tamper}$`), async (route) => {
          const response = await route.fetch();
          const body = Buffer.from(await response.body());
          body[body.length - 1] ^= 0xff;
          await route.fulfill({ response, body });
        });
      }
    },
  });
  const { page } = opened;
  await page.evaluate(() => { document.body.innerHTML = '<div id="dropin"></div>'; });
  const { session_id: sessionId } = await createSession({ payment_methods: methods, ...(shopper ? { shopper_reference: shopper } : {}) });
  await page.evaluate(async ({ sessionId, options }) => {
    window.checkout = await PaykkaCheckout.create({ sessionId, holderName: 'hidden', ...options });
    window.checkout.mount('#dropin');
  }, { sessionId, options });
  return { ...opened, sessionId, chunks };
}

const payButton = (page) => page.locator('#dropin').getByRole('button', { name: /^Pay / });

test('a card-only session downloads no chunk; one with a QR wallet fetches its chunk before any click', async () => {
  const card = await sdkDropIn(['BANKCARD']);
  await payButton(card.page).waitFor({ timeout: 20000 });
  await card.page.waitForTimeout(500);
  assert.deepEqual(card.chunks, [], 'nothing beyond the main module');
  await card.context.close();

  const qr = await sdkDropIn(['BANKCARD', 'WechatPayGlobal']);
  await payButton(qr.page).waitFor({ timeout: 20000 });
  await qr.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/split_qr.wasm') && e.responseEnd > 0), null, { timeout: 10000 });
  assert.deepEqual(qr.chunks, ['split_qr.wasm'], 'the QR chunk, once, while the shopper is still on the form');
  // And it draws the code.
  await qr.page.getByRole('radio', { name: 'WeChat Pay' }).check();
  await payButton(qr.page).click();
  await qr.page.getByRole('img', { name: 'QR code to pay with WeChat Pay' }).waitFor({ timeout: 15000 });
  assert.deepEqual(qr.chunks, ['split_qr.wasm']);
  await qr.context.close();
});

test('a QR chunk that cannot be loaded makes WeChat Pay unavailable, said in French, and the card still pays', async () => {
  const { page, context, sessionId, chunks } = await sdkDropIn(['BANKCARD', 'WechatPayGlobal'], { block: 'split_qr\\.wasm', locale: 'fr-FR' });
  const wechat = page.getByRole('radio', { name: 'WeChat Pay' });
  await wechat.waitFor({ timeout: 20000 });
  await page.getByText('Ce moyen de paiement n’a pas pu être chargé').waitFor({ timeout: 10000 });
  assert.equal(await wechat.isDisabled(), true, 'not offered while its code is missing');
  assert.ok(chunks.includes('split_qr.wasm'), 'it was tried');
  // The secure fields, in French (support's fillCard finds them by their English names).
  for (const [index, text] of [[0, '4242424242424242'], [1, '1230'], [2, '123']]) {
    const field = page.frameLocator('#dropin iframe').nth(index).locator('input');
    await field.click();
    await field.pressSequentially(text);
  }
  await page.locator('#dropin').getByRole('button', { name: /^Payer / }).click();
  await page.getByRole('heading', { name: /Paiement réussi/ }).waitFor({ timeout: 20000 });
  assert.deepEqual(gatewayTransactions(sessionId).map((r) => r.status), ['SUCCESS']);
  await context.close();
});

test('a chunk whose bytes do not match integrity.json is refused like a blocked one', async () => {
  // A chunk served with other bytes: a compromised CDN, or a stale cache.
  const { page, context } = await sdkDropIn(['BANKCARD', 'WechatPayGlobal'], { tamper: 'split_qr\\.wasm' });
  await page.getByText('This payment method could not be loaded').waitFor({ timeout: 20000 });
  assert.equal(await page.getByRole('radio', { name: 'WeChat Pay' }).isDisabled(), true);
  await context.close();
});

test('the appearance parser is a chunk: fetched only when the merchant gives an appearance, and applied', async () => {
  const { page, context, chunks } = await sdkDropIn(['BANKCARD'], { options: { appearance: { variables: { colorPrimary: '#0a7d4f' } } } });
  await payButton(page).waitFor({ timeout: 20000 });
  assert.deepEqual(chunks, ['split_appearance.wasm']);
  const color = await payButton(page).evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(color, 'rgb(10, 125, 79)');
  const refused = await page.evaluate(async () => PaykkaCheckout.create({ sessionId: 'CS0', appearance: { variables: { colorPrimary: 'url(x)' } } }).then(() => 'resolved', (e) => e.name));
  assert.equal(refused, 'TypeError');
  await context.close();
});

const success = (page) => page.getByRole('heading', { name: 'Payment successful' });

/// Pays once in the demo's Drop-in as `shopper`, saving the card.
async function saveCard(shopper, number) {
  const { session_id: sessionId } = await createSession({ shopper_reference: shopper });
  const { page, context } = await openPage(browser, `/?session_id=${encodeURIComponent(sessionId)}`, { shopper });
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 20000 });
  await fillCard(page, { number });
  await page.getByRole('checkbox', { name: 'Save this card for future payments' }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
  await success(page).waitFor({ timeout: 20000 });
  await context.close();
}

// The card path still works in `run` (a Drop-in of sdkDropIn): a new card pays; the page is closed.
async function newCardPays(run, number) {
  await fillCard(run.page, { number, holder: null });
  await payButton(run.page).click();
  await success(run.page).waitFor({ timeout: 20000 });
  assert.deepEqual(gatewayTransactions(run.sessionId).map((r) => r.status), ['SUCCESS']);
  await run.context.close();
}

test('saved cards are a chunk: a returning shopper pays with one; when it cannot load, the new card pays', async () => {
  const shopper = freshShopper('chunk');
  await saveCard(shopper, '4242 4242 4242 4242');
  const newShopper = await sdkDropIn(['BANKCARD']);
  await payButton(newShopper.page).waitFor({ timeout: 20000 });
  await newShopper.page.waitForTimeout(300);
  assert.deepEqual(newShopper.chunks, [], 'a shopper without saved cards downloads none');
  await newShopper.context.close();

  const returning = await sdkDropIn(['BANKCARD'], { shopper });
  const saved = returning.page.getByRole('radio', { name: /Visa •••• 4242/ });
  await saved.waitFor({ timeout: 20000 });
  assert.deepEqual(returning.chunks, ['split_stored_cards.wasm']);
  assert.equal(await saved.isChecked(), true, 'the saved card is offered first');
  const cvv = returning.page.frameLocator('iframe[title="Secure security code input"]').getByLabel('Security code');
  await cvv.click();
  await cvv.pressSequentially('123');
  await payButton(returning.page).click();
  await success(returning.page).waitFor({ timeout: 20000 });
  assert.deepEqual(gatewayTransactions(returning.sessionId).map((r) => r.status), ['SUCCESS']);
  await returning.context.close();

  const blocked = await sdkDropIn(['BANKCARD'], { shopper, block: 'split_stored_cards\\.wasm' });
  await blocked.page.getByText('This payment method could not be loaded').waitFor({ timeout: 20000 });
  assert.equal(await blocked.page.getByRole('radio', { name: /Visa •••• 4242/ }).count(), 0);
  assert.equal(await blocked.page.getByRole('radio', { name: 'Card' }).isChecked(), true, 'the new card is the choice');
  await newCardPays(blocked, '5555 5555 5555 4444');
});

test('the wallets are a chunk: Google Pay is offered once it loaded and pays; blocked, it is not offered and the card pays', async () => {
  const wallet = await sdkDropIn(['BANKCARD', 'GooglePay'], { init: GOOGLE_PAY_DOUBLE });
  const googlePay = wallet.page.getByRole('radio', { name: 'Google Pay' });
  await googlePay.waitFor({ timeout: 20000 });
  assert.deepEqual(wallet.chunks, ['split_wallets.wasm'], 'loaded before any click');
  await googlePay.check();
  await wallet.page.locator('#dropin').getByRole('button', { name: 'Pay with Google Pay' }).click();
  await success(wallet.page).waitFor({ timeout: 20000 });
  assert.equal(await wallet.page.evaluate(() => window.__googlePay.completed), 'success', 'the sheet is told it succeeded');
  assert.deepEqual(gatewayTransactions(wallet.sessionId).map((r) => r.status), ['SUCCESS']);
  await wallet.context.close();

  const blocked = await sdkDropIn(['BANKCARD', 'GooglePay'], { init: GOOGLE_PAY_DOUBLE, block: 'split_wallets\\.wasm' });
  await payButton(blocked.page).waitFor({ timeout: 20000 });
  await blocked.page.waitForTimeout(500);
  assert.ok(blocked.chunks.includes('split_wallets.wasm'), 'it was tried');
  assert.equal(await blocked.page.getByRole('radio', { name: 'Google Pay' }).isVisible(), false, 'not offered without its code');
  await newCardPays(blocked, '4242 4242 4242 4242');
});

test('<paykka-dropin> fetches its session\'s chunks while the SDK\'s own wasm is still on the wire', async () => {
  const events = [];
  const { page, context } = await openPage(browser, '/component.html?events', {
    beforeGoto: async (page) => {
      await page.route(/\/component\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
      page.on('request', (request) => {
        const name = new URL(request.url()).pathname.split('/').pop();
        if (name.endsWith('.wasm')) events.push(`request ${name}`);
      });
      // The main wasm held back 1.5 s: a slow network's download.
      await page.route(/\/paykka_checkout_bg\.wasm$/, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        events.push('main wasm released');
        await route.continue();
      });
    },
  });
  const { session_id: sessionId } = await createSession({ payment_methods: ['BANKCARD', 'WechatPayGlobal'] });
  await page.evaluate((sessionId) => {
    document.body.innerHTML = '';
    const element = document.createElement('paykka-dropin');
    element.setAttribute('session-id', sessionId);
    document.body.append(element);
  }, sessionId);
  await page.getByRole('button', { name: /^Pay / }).waitFor({ timeout: 20000 });
  const chunk = events.indexOf('request split_qr.wasm');
  assert.ok(chunk >= 0 && chunk < events.indexOf('main wasm released'), events.join(', '));
  assert.equal(events.filter((e) => e === 'request split_qr.wasm').length, 1, 'fetched once, taken by the wasm');
  await page.getByRole('radio', { name: 'WeChat Pay' }).check();
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('img', { name: 'QR code to pay with WeChat Pay' }).waitFor({ timeout: 15000 });
  await context.close();
});
