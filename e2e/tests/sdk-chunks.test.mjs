// The script-tag SDK's wasm is split (src/chunks.rs): what a new-card payment needs comes first,
// the rest (the QR panel and its encoder, the appearance parser) as chunks, fetched as soon as
// the session says they will be needed and checked against integrity.json like every file. A
// chunk that cannot be loaded makes its method unavailable, said in the shopper's language, and
// the card path keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, createSession, gatewayTransactions } from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The demo's Components page, its own script served empty, with a Drop-in of a fresh session of
/// `methods` mounted by the SDK (`options` added to create()). `block` aborts requests to a chunk.
/// `tamper` serves a chunk with one byte changed.
async function sdkDropIn(methods, { options = {}, block = null, tamper = null, locale = 'en-US' } = {}) {
  const chunks = [];
  const opened = await openPage(browser, '/component.html?events', {
    locale,
    beforeGoto: async (page) => {
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
  const { session_id: sessionId } = await createSession({ payment_methods: methods });
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
