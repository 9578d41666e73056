// The JS API merchants expect from Adyen and Stripe, in Component mode and the Drop-in: onReady
// when the fields can be typed in (not at mount), field events, validity, focus() and clear(),
// the merchant's labels and placeholders, per-method options, the order and hiding of methods,
// and taking the gateway's next step (3-D Secure) into the merchant's own hands.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, eventually, createSession, gatewayTransactions } from '../support.mjs';
import { GOOGLE_PAY_DOUBLE } from '../wallet-doubles.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The demo's Components page with its own script served empty: the SDK's script tag, and the
/// test's own elements.
async function sdkPage() {
  const opened = await openPage(browser, '/component.html?events', {
    beforeGoto: (page) => page.route(/\/component\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' })),
  });
  await opened.page.evaluate(() => {
    document.body.innerHTML = '<div id="number"></div><div id="expiry"></div><div id="cvv"></div><div id="dropin"></div>';
    window.events = [];
  });
  return opened;
}

const input = (page, selector) => page.frameLocator(`${selector} iframe`).locator('input');

async function type(page, selector, text) {
  const field = input(page, selector);
  await field.click();
  await field.pressSequentially(text);
}

/// Creates a checkout of a fresh session with `options` (functions named in `record` push
/// `[name, argument]` to `window.events`) and mounts the three card components.
async function components(page, options = {}, record = []) {
  const { session_id: sessionId } = await createSession({});
  await page.evaluate(async ({ sessionId, options, record }) => {
    const recorders = Object.fromEntries(record.map((name) => [name, (arg) => window.events.push([name, arg === undefined ? null : JSON.parse(JSON.stringify(arg))])]));
    window.checkout = await PaykkaCheckout.create({ sessionId, ...options, ...recorders });
    window.parts = {};
    for (const kind of ['cardNumber', 'expiry', 'cvv']) {
      window.parts[kind] = window.checkout.create(kind);
      window.parts[kind].mount(`#${kind === 'cardNumber' ? 'number' : kind}`);
    }
    window.events.push(['mounted', null]);
  }, { sessionId, options, record });
  return sessionId;
}

const names = (events) => events.map(([name]) => name);

test('onReady comes once the fields can be typed in, not at mount', async () => {
  const { page, context } = await sdkPage();
  await components(page, {}, ['onReady']);
  await eventually(async () => names(await page.evaluate(() => window.events)).includes('onReady'), { timeout: 20000, message: 'onReady' });
  const events = await page.evaluate(() => window.events);
  assert.deepEqual(names(events), ['mounted', 'onReady'], 'after the mount, once');
  // Ready means every mounted field's frame answers: typing works at once.
  await type(page, '#number', '4242');
  await eventually(async () => (await input(page, '#number').inputValue()) === '4242', { message: 'typed' });
  await page.waitForTimeout(300);
  assert.equal(names(await page.evaluate(() => window.events)).filter((n) => n === 'onReady').length, 1);
  await context.close();
});

test('field events, validity and isValid follow the shopper; focus() and clear() act on a field', async () => {
  const { page, context } = await sdkPage();
  await components(page, {}, ['onReady', 'onChange', 'onFocus', 'onBlur', 'onValidityChange']);
  await eventually(async () => names(await page.evaluate(() => window.events)).includes('onReady'), { timeout: 20000, message: 'ready' });
  assert.equal(await page.evaluate(() => window.checkout.isValid), false);
  await page.evaluate(() => window.parts.cardNumber.focus());
  await eventually(async () => (await page.evaluate(() => window.events)).some(([n, e]) => n === 'onFocus' && e.field === 'number'), { message: 'onFocus(number) after focus()' });
  await input(page, '#number').pressSequentially('4242424242424242');
  await type(page, '#expiry', '1230');
  await type(page, '#cvv', '123');
  await eventually(() => page.evaluate(() => window.checkout.isValid), { timeout: 5000, message: 'isValid' });
  let events = await page.evaluate(() => window.events);
  const changes = events.filter(([n]) => n === 'onChange').map(([, e]) => e);
  const lastNumber = changes.filter((e) => e.field === 'number').at(-1);
  assert.deepEqual(
    { empty: lastNumber.empty, complete: lastNumber.complete, valid: lastNumber.valid, brand: lastNumber.brand },
    { empty: false, complete: true, valid: true, brand: 'visa' },
  );
  assert.ok(events.some(([n, e]) => n === 'onBlur' && e.field === 'number'), 'the number lost the focus to the expiry');
  assert.deepEqual(events.filter(([n]) => n === 'onValidityChange').map(([, v]) => v), [true]);
  // No change event carries a card digit beyond the brand.
  assert.ok(!JSON.stringify(events).includes('4242424242'), 'no card number in any event');
  await page.evaluate(() => window.parts.cvv.clear());
  await eventually(async () => (await input(page, '#cvv').inputValue()) === '', { message: 'cvv cleared' });
  await eventually(() => page.evaluate(() => !window.checkout.isValid), { message: 'invalid again' });
  events = await page.evaluate(() => window.events);
  assert.deepEqual(events.filter(([n]) => n === 'onValidityChange').map(([, v]) => v), [true, false]);
  assert.ok(events.some(([n, e]) => n === 'onChange' && e.field === 'cvv' && e.empty), 'the cleared field says empty');
  await context.close();
});

test('labels, placeholders and the card brands are the merchant\'s', async () => {
  const { page, context } = await sdkPage();
  await components(page, {
    labels: { cardNumber: 'Long number on the front' },
    placeholders: { cvv: 'CVC' },
    paymentMethodsConfiguration: { card: { brands: ['mastercard'] } },
  }, ['onReady']);
  await eventually(async () => names(await page.evaluate(() => window.events)).includes('onReady'), { timeout: 20000, message: 'ready' });
  await page.getByText('Long number on the front').waitFor({ timeout: 5000 });
  assert.equal(await input(page, '#cvv').getAttribute('placeholder'), 'CVC');
  // Visa is not among the brands taken: said at once, and nothing is paid.
  await type(page, '#number', '4242424242424242');
  await page.getByText(/not accepted|isn't accepted|not supported/i).first().waitFor({ timeout: 5000 });
  const refused = await page.evaluate(() => window.checkout.submit().then(() => 'paid', (e) => e.code));
  assert.notEqual(refused, 'paid');
  const bad = await page.evaluate(async () => {
    try { await PaykkaCheckout.create({ sessionId: 'CS0', paymentMethodsConfiguration: { card: { brands: ['visa', 'amexx'] } } }); return 'resolved'; } catch (e) { return e.message; }
  });
  assert.match(bad, /card\.brands: unknown brand/);
  await context.close();
});

test('the Drop-in shows only the methods the merchant allows, in the merchant\'s order', async () => {
  const { page, context } = await sdkPage();
  const { session_id: sessionId } = await createSession({});
  const shown = async (options) => {
    await page.evaluate(async ({ sessionId, options }) => {
      window.checkout?.destroy();
      window.checkout = await PaykkaCheckout.create({ sessionId, ...options });
      window.checkout.mount('#dropin');
    }, { sessionId, options });
    const radios = page.locator('#dropin input[type=radio][name="paykka-method"]');
    // The radios are drawn by their labels (visually hidden inputs).
    await radios.first().waitFor({ state: 'attached', timeout: 15000 });
    // What the shopper can choose: a method's item is left in the markup, hidden, when absent.
    return radios.evaluateAll((all) => all.filter((r) => !r.closest('[hidden]')).map((r) => r.value));
  };
  // The card's radio says BANKCARD (PayKKa's code); the option names cards `card`.
  const all = await shown({});
  const others = all.filter((code) => code !== 'BANKCARD');
  assert.ok(all[0] === 'BANKCARD' && others.length >= 2, `the demo session offers cards and more: ${all}`);
  const [a, b] = others;
  assert.deepEqual(await shown({ allowPaymentMethods: [b, a] }), [b, a], 'only those, in that order, no card');
  assert.deepEqual(await shown({ allowPaymentMethods: ['card', b, a, 'NOT_IN_SESSION'] }), ['BANKCARD', b, a], 'nothing the session lacks');
  assert.deepEqual(await shown({ removePaymentMethods: [a] }), all.filter((code) => code !== a));
  await context.close();
});

test('a wallet\'s button says what the merchant chose, in the shopper\'s language, in the chosen colours', async () => {
  const { page, context } = await openPage(browser, '/component.html?events', {
    beforeGoto: async (page) => {
      await page.addInitScript(GOOGLE_PAY_DOUBLE);
      await page.route(/\/component\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
    },
  });
  await page.evaluate(() => { document.body.innerHTML = '<div id="dropin"></div>'; });
  const { session_id: sessionId } = await createSession({ payment_methods: ['BANKCARD', 'GooglePay'] });
  const button = async (options) => {
    await page.evaluate(async ({ sessionId, options }) => {
      window.checkout?.destroy();
      window.checkout = await PaykkaCheckout.create({ sessionId, ...options });
      window.checkout.mount('#dropin');
    }, { sessionId, options });
    await page.getByRole('radio', { name: 'Google Pay' }).check({ timeout: 15000 });
    const pay = page.locator('#dropin button[data-wallet="GooglePay"]');
    await pay.waitFor({ timeout: 5000 });
    return { text: (await pay.innerText()).trim(), color: await pay.getAttribute('data-color'), background: await pay.evaluate((b) => getComputedStyle(b).backgroundColor) };
  };
  const standard = await button({});
  assert.equal(standard.text, 'Pay with Google Pay');
  assert.equal(standard.color, 'black');
  assert.equal(standard.background, 'rgb(0, 0, 0)');
  const chosen = await button({ paymentMethodsConfiguration: { GooglePay: { buttonType: 'donate', buttonColor: 'white-outline' } } });
  assert.equal(chosen.text, 'Donate with Google Pay');
  assert.equal(chosen.color, 'white-outline');
  assert.equal(chosen.background, 'rgb(255, 255, 255)');
  assert.equal((await button({ locale: 'fr-FR', paymentMethodsConfiguration: { GooglePay: { buttonType: 'buy' } } })).text, 'Acheter avec Google Pay');
  assert.equal((await button({ paymentMethodsConfiguration: { GooglePay: { buttonType: 'plain' } } })).text, 'Google Pay');
  const refused = await page.evaluate(async (sessionId) => {
    const attempt = (options) => PaykkaCheckout.create({ sessionId, ...options }).then(() => 'resolved', (e) => `${e.name}: ${e.message}`);
    return [
      await attempt({ paymentMethodsConfiguration: { GooglePay: { buttonType: 'book-now' } } }),
      await attempt({ paymentMethodsConfiguration: { ApplePay: { buttonColour: 'white' } } }),
      await attempt({ paymentMethodsConfiguration: { applepay: {} } }),
    ];
  }, sessionId);
  assert.match(refused[0], /TypeError: .*GooglePay\.buttonType must be one of 'plain', 'pay', 'buy', 'checkout', 'donate'/);
  assert.match(refused[1], /TypeError: .*ApplePay: unknown option `buttonColour`/);
  assert.match(refused[2], /TypeError: .*unknown method `applepay` \(known: card, ApplePay, GooglePay\)/);
  await context.close();
});

test('onAdditionalAction hands the 3-D Secure step to the merchant: the page stays, the action is the gateway\'s', async () => {
  const { page, context } = await sdkPage();
  const { session_id: sessionId } = await createSession({});
  await page.evaluate(async (sessionId) => {
    window.checkout = await PaykkaCheckout.create({ sessionId, onAdditionalAction: (action) => { window.action = action; } });
    for (const kind of ['cardNumber', 'expiry', 'cvv']) window.checkout.create(kind).mount(`#${kind === 'cardNumber' ? 'number' : kind}`);
  }, sessionId);
  await input(page, '#number').waitFor({ timeout: 20000 });
  await type(page, '#number', '4000002760003184');
  await type(page, '#expiry', '1230');
  await type(page, '#cvv', '123');
  const before = page.url();
  const result = await page.evaluate(() => window.checkout.submit());
  assert.equal(result.action?.type, 'redirect', JSON.stringify(result));
  const action = await page.evaluate(() => window.action);
  assert.equal(action.type, 'redirect');
  assert.match(action.url, /^http:\/\/127\.0\.0\.1:8788\//);
  assert.ok(['GET', 'POST'].includes(action.method));
  await page.waitForTimeout(1000);
  assert.equal(page.url(), before, 'the checkout did not leave the page');
  assert.ok(gatewayTransactions(sessionId).length >= 1);
  await context.close();
});
