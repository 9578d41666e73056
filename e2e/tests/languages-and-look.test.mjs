// Languages, right-to-left, theming and responsive layout, as shoppers around the world and a
// merchant with its own brand meet the checkout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, createSession, screenshot, eventually, secureInput } from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const payButton = (page) => page.getByRole('button', { name: /^Pay / });

/// The Drop-in of a new session in the demo shop, with the page's own `?query`.
async function dropIn(body = {}, query = '', options = {}) {
  const session = await createSession(body);
  const opened = await openPage(browser, `/?session_id=${encodeURIComponent(session.session_id)}${query}`, options);
  return { ...opened, sessionId: session.session_id };
}

/// Locale files the page fetched.
function localeRequests(page) {
  const seen = [];
  page.on('request', (r) => { if (/\/locales\/[^/]+\/checkout\.ftl$/.test(r.url())) seen.push(new URL(r.url()).pathname); });
  return seen;
}

test('only the shopper\'s locale is fetched, on demand, and the Drop-in speaks it', async () => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  const fetched = localeRequests(page);
  const session = await createSession({});
  await page.goto(`http://127.0.0.1:8080/?session_id=${session.session_id}`);
  await page.getByRole('button', { name: /bezahlen$/ }).waitFor({ timeout: 15000 });
  await page.frameLocator('iframe[title="Sicheres Eingabefeld für die Kartennummer"], iframe[title*="Karten"]').first().locator('input').waitFor();
  assert.deepEqual(fetched, ['/locales/de-DE/checkout.ftl']);
  await context.close();
});

test('the session\'s language wins over the merchant\'s and the browser\'s; fr-CH gets French, zh-SG Chinese', async () => {
  const japanese = await dropIn({ display_locale: 'ja-JP' }, '&locale=de-DE', { locale: 'fr-FR' });
  await japanese.page.getByRole('button', { name: /を支払う$/ }).waitFor({ timeout: 15000 });
  await japanese.context.close();
  const swiss = await dropIn({}, '', { locale: 'fr-CH' });
  await swiss.page.getByRole('button', { name: /^Payer / }).waitFor({ timeout: 15000 });
  await swiss.context.close();
  const singapore = await dropIn({}, '&locale=zh-SG');
  await singapore.page.getByRole('button', { name: /^支付 / }).waitFor({ timeout: 15000 });
  await singapore.context.close();
});

test('a locale file that cannot be had leaves the form working, in English', async () => {
  const context = await browser.newContext({ locale: 'ko-KR' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/locales/ko-KR/checkout.ftl', (route) => route.abort('connectionrefused'));
  const session = await createSession({});
  await page.goto(`http://127.0.0.1:8080/?session_id=${session.session_id}`);
  await page.getByRole('button', { name: 'Pay $49.99' }).waitFor({ timeout: 15000 });
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  assert.equal(await page.locator('[data-pk-theme], [lang="en-US"][dir]').first().getAttribute('lang'), 'en-US');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Arabic lays out right to left, while the amount and the card number read left to right', async () => {
  const { page, context } = await dropIn({ display_locale: 'ar' });
  const root = page.locator('[lang="ar"][dir="rtl"]').first();
  await root.waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: /^ادفع / }).waitFor({ timeout: 15000 });
  const directions = await page.evaluate(() => ({
    pay: getComputedStyle(document.querySelector('button[type="submit"], button')).direction,
    amount: getComputedStyle(document.querySelector('[dir="ltr"]')).direction,
  }));
  assert.deepEqual(directions, { pay: 'rtl', amount: 'ltr' });
  const number = page.frameLocator('iframe[title]').first().locator('input');
  assert.equal(await number.evaluate((input) => getComputedStyle(input).direction), 'ltr');
  // The card number's label sits at the inline start: the right edge, in Arabic.
  const [labelBox, fieldBox] = await Promise.all([
    page.getByText('رقم البطاقة', { exact: true }).first().boundingBox(),
    page.locator('iframe[title]').first().boundingBox(),
  ]);
  assert.ok(labelBox.x + labelBox.width > fieldBox.x + fieldBox.width - 40, 'the label starts at the right');
  await screenshot(page, 'dropin-arabic');
  await context.close();
});

test('a merchant\'s own wording and an added locale reach the Drop-in; bad ones are refused by name', async () => {
  const { page, context } = await openPage(browser, '/component.html?blank');
  await page.evaluate(() => { document.body.innerHTML = '<div id="a"></div>'; });
  const session = await createSession({});
  const refused = await page.evaluate(async (sessionId) => {
    const attempt = async (translations) => {
      try { await PaykkaCheckout.create({ sessionId, translations }); return 'accepted'; } catch (e) { return e.message; }
    };
    return [
      await attempt({ 'en-US': { 'pay-button': 'Pay { $amount' } }),
      await attempt({ 'en-US': { 'Pay Button': 'x' } }),
      await attempt({ 'en-US': 'pay-button = x' }),
    ];
  }, session.session_id);
  assert.match(refused[0], /translations\["en-US"\].*not valid Fluent/);
  assert.match(refused[1], /translations\["en-US"\]\["Pay Button"\]/);
  assert.match(refused[2], /translations\["en-US"\]/);
  await page.evaluate(async (sessionId) => {
    const checkout = await PaykkaCheckout.create({
      sessionId,
      locale: 'sw-KE',
      translations: { 'sw-KE': { 'pay-button': 'Lipa { $amount }', 'card-number-label': 'Nambari ya kadi' } },
    });
    checkout.mount('#a');
  }, session.session_id);
  // (Intl formats the amount for Swahili as "US$ 49.99" or "$ 49.99", depending on its data.)
  await page.getByRole('button', { name: /^Lipa .*49\.99$/ }).waitFor({ timeout: 15000 });
  await page.getByText('Nambari ya kadi').first().waitFor();
  // What the merchant left out comes in English.
  await page.getByText('Security code').first().waitFor();
  await context.close();
});

test('the SDK fetches a locale from its own folder, checked against its hash: a tampered file is not used', async () => {
  const { page, context } = await openPage(browser, '/component.html?blank');
  await page.evaluate(() => { document.body.innerHTML = '<div id="a"></div><div id="b"></div>'; });
  const fetched = localeRequests(page);
  await page.route('**/sdk/*/locales/it-IT/checkout.ftl', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/^pay-button = .*$/m, 'pay-button = Inserisci il PIN del bancomat { $amount }');
    return route.fulfill({ response, body });
  });
  const sessions = [await createSession({}), await createSession({})];
  await page.evaluate(async ([first, second]) => {
    (await PaykkaCheckout.create({ sessionId: first, locale: 'es-ES' })).mount('#a');
    (await PaykkaCheckout.create({ sessionId: second, locale: 'it-IT' })).mount('#b');
  }, sessions.map((s) => s.session_id));
  await page.locator('#a').getByRole('button', { name: /^Pagar / }).waitFor({ timeout: 15000 });
  await page.locator('#b').getByRole('button', { name: /^Pay / }).waitFor({ timeout: 15000 });
  assert.ok(fetched.every((path) => /^\/sdk\/[^/]+\/locales\/(es-ES|it-IT)\/checkout\.ftl$/.test(path)), fetched.join());
  await context.close();
});

test('the appearance option themes the page and the secure frames; values that could inject anything are refused', async () => {
  const { page, context } = await openPage(browser, '/component.html?blank');
  await page.evaluate(() => { document.body.innerHTML = '<div id="a"></div>'; });
  const session = await createSession({});
  const refused = await page.evaluate(async (sessionId) => {
    const attempt = async (appearance) => {
      try { await PaykkaCheckout.create({ sessionId, appearance }); return 'accepted'; } catch (e) { return e.message; }
    };
    return [
      await attempt({ variables: { colorPrimary: 'url(https://evil.example/x)' } }),
      await attempt({ variables: { fontFamily: 'x; background: red' } }),
      await attempt({ rules: { '.Input': { behavior: 'x' } } }),
      await attempt({ theme: 'neon' }),
    ];
  }, session.session_id);
  assert.match(refused[0], /appearance.*colorPrimary/);
  assert.match(refused[1], /appearance.*fontFamily/);
  assert.match(refused[2], /appearance.*\.Input \{ behavior \}/);
  assert.match(refused[3], /appearance.*theme "neon"/);
  await page.evaluate(async (sessionId) => {
    const checkout = await PaykkaCheckout.create({
      sessionId,
      appearance: {
        theme: 'dark',
        variables: { fontFamily: 'Georgia, serif', borderRadius: '2px' },
        rules: { '.Button': { backgroundColor: '#0a7c53', color: '#ffffff' }, '.Label': { textTransform: 'uppercase' } },
      },
    });
    checkout.mount('#a');
  }, session.session_id);
  const pay = page.getByRole('button', { name: /^Pay / });
  await pay.waitFor({ timeout: 15000 });
  const look = await pay.evaluate((button) => ({
    background: getComputedStyle(button).backgroundColor,
    radius: getComputedStyle(button).borderRadius,
    theme: button.closest('[data-pk-theme]')?.getAttribute('data-pk-theme'),
    styleAttributes: document.querySelectorAll('[style]').length,
  }));
  assert.deepEqual(look, { background: 'rgb(10, 124, 83)', radius: '2px', theme: 'dark', styleAttributes: look.styleAttributes });
  // Inside the frame: the dark theme's text colour and the merchant's font, from the parent.
  const input = page.frameLocator('iframe[title="Secure card number input"]').locator('input');
  await eventually(async () => (await input.evaluate((el) => getComputedStyle(el).color)) === 'rgb(236, 238, 243)', { message: 'frame text colour' });
  assert.match(await input.evaluate((el) => getComputedStyle(el).fontFamily), /Georgia/);
  await screenshot(page, 'appearance-dark-custom');
  await context.close();
});

test('the Drop-in fits every width from 320 px, in light, dark and right to left (screenshots)', async () => {
  const variants = [
    { name: 'light', query: '', options: {} },
    { name: 'dark', query: '', options: { colorScheme: 'dark' } },
    { name: 'rtl', query: '&locale=ar', options: { locale: 'ar' } },
  ];
  for (const width of [320, 360, 768, 1280]) {
    for (const variant of variants) {
      const { page, context } = await dropIn({}, variant.query, { ...variant.options, viewport: { width, height: 900 } });
      await page.locator('iframe[title]').first().waitFor({ timeout: 15000 });
      await page.getByRole('button', { name: /49[.,]99/ }).waitFor({ timeout: 15000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${width}px ${variant.name}: the page scrolls sideways by ${overflow}px`);
      const pay = await page.getByRole('button', { name: /49[.,]99/ }).boundingBox();
      assert.ok(pay.x >= 0 && pay.x + pay.width <= width, `${width}px ${variant.name}: Pay is cut off`);
      if (width !== 320) await screenshot(page, `responsive-${width}-${variant.name}`);
      await context.close();
    }
  }
});

test('under prefers-reduced-motion nothing animates', async () => {
  const { page, context } = await dropIn({}, '', { reducedMotion: 'reduce' });
  await payButton(page).waitFor({ timeout: 15000 });
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')]
    .map((el) => getComputedStyle(el))
    .filter((s) => (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.01 && s.animationIterationCount === 'infinite')
      || parseFloat(s.transitionDuration) > 0.01).length);
  assert.equal(moving, 0);
  await context.close();
});

test('the shop\'s logo and name, from its configuration, head the Drop-in', async () => {
  const { page, context } = await dropIn({});
  await payButton(page).waitFor({ timeout: 15000 });
  const header = page.locator('header').filter({ hasText: 'PayKKa Demo Store' }).last();
  const logo = header.locator('img');
  assert.equal(await logo.getAttribute('alt'), '', 'decorative: the name is written beside it');
  assert.match(await logo.getAttribute('src'), /\/shop-logo\.svg$/);
  await eventually(() => logo.evaluate((img) => img.complete && img.naturalWidth > 0), { message: 'logo loaded' });
  await context.close();
});
