// The README's own examples, run as a new user would paste them: the session and create() of the
// script-tag example, then the Components example (card number, expiry and security code, no
// holder name) paid with submit(). The code is read from README.md at run time, so the README
// cannot drift from what works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, openPage, eventually, gatewayTransactions, cspViolations, recordMerchantRequests } from '../support.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const README = readFileSync(join(HERE, '..', '..', 'README.md'), 'utf8');
const JS_BLOCKS = [...README.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

/// The README's block that holds `needle`.
function block(needle) {
  const found = JS_BLOCKS.find((b) => b.includes(needle));
  assert.ok(found, `README.md has a js example with ${needle}`);
  return found;
}

/// The README's example, as a page with the script tag runs it (the npm import aside: the
/// global is the same API), for Components: the Drop-in's mount is the other way of using that
/// checkout. Split at its submit(), so the test can type the card in between.
function readmeCode() {
  const lines = block("checkout.create('cardNumber')")
    .split('\n')
    .filter((l) => !/^import\s/.test(l) && !/checkout\.mount\('#dropin'\)/.test(l));
  const submitAt = lines.findIndex((l) => l.includes('checkout.submit('));
  assert.ok(submitAt > 0, 'the Components example calls submit()');
  const before = lines.slice(0, submitAt).join('\n');
  return {
    create: before.slice(0, before.indexOf("checkout.create('cardNumber')")),
    mount: before.slice(before.indexOf("checkout.create('cardNumber')")),
    submit: lines.slice(submitAt).join('\n'),
    selectors: [...before.matchAll(/\.mount\('(#[\w-]+)'\)/g)].map((m) => m[1]),
  };
}

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The demo's Components page with its own script served empty: the SDK's script tag as
/// pasted, and the elements the README's selectors name.
async function readmePage(selectors) {
  const opened = await openPage(browser, '/component.html?readme', {
    watchCsp: true,
    beforeGoto: (page) => page.route(/\/component\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: '' })),
  });
  const warnings = [];
  opened.page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
  await opened.page.evaluate((ids) => {
    document.body.innerHTML = ids.map((id) => `<div id="${id.slice(1)}"></div>`).join('');
    // The README's callback names the merchant's own function.
    window.showThanks = (orderId) => { window.thanked = orderId; };
  }, selectors);
  return { ...opened, warnings };
}

async function typeInto(page, selector, text) {
  const input = page.frameLocator(`${selector} iframe`).locator('input');
  await input.waitFor({ timeout: 20000 });
  await input.click();
  await input.pressSequentially(text);
}

test('the README\'s Components example pays with card number, expiry and security code alone', async () => {
  const code = readmeCode();
  assert.deepEqual(code.selectors, ['#number', '#expiry', '#cvv']);
  const { page, context, errors, warnings } = await readmePage(code.selectors);
  const requests = recordMerchantRequests(page);
  await page.evaluate(`(async () => { ${code.create}\n${code.mount}\nwindow.readmeCheckout = checkout; })()`);
  await typeInto(page, '#number', '4242424242424242');
  await typeInto(page, '#expiry', '1230');
  await typeInto(page, '#cvv', '123');
  const result = await page.evaluate(`(async () => { const checkout = window.readmeCheckout; ${code.submit}\nreturn result; })()`);
  assert.equal(result.status, 'SUCCESS', JSON.stringify(result));
  assert.match(result.orderId, /^GW/);
  assert.deepEqual(result.card, { brand: 'visa', last4: '4242' });
  assert.equal(await page.locator('iframe').count(), 0, 'the example ends with destroy(): nothing of it stays on the page');
  const payment = requests.find((r) => r.url().endsWith('/api/payments'));
  const body = JSON.parse(payment.postData());
  assert.equal(body.holder_name, undefined, 'no holder name was asked, none is sent');
  assert.deepEqual(gatewayTransactions(body.session_id).map((t) => t.status), ['SUCCESS']);
  assert.deepEqual(warnings.filter((w) => w.includes('PaykkaCheckout')), [], 'no component is said missing');
  assert.deepEqual(errors.map(String), []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('a required holder name that is not mounted is named in the console at mount and by submit()', async () => {
  const code = readmeCode();
  const { page, context, warnings } = await readmePage(code.selectors);
  const create = code.create.replace('PaykkaCheckout.create({', "PaykkaCheckout.create({ holderName: 'required',");
  await page.evaluate(`(async () => { ${create}\n${code.mount}\nwindow.readmeCheckout = checkout; })()`);
  await eventually(() => warnings.some((w) => w.includes('holderName')), { timeout: 10000, message: 'a console warning names holderName' });
  await typeInto(page, '#number', '4242424242424242');
  await typeInto(page, '#expiry', '1230');
  await typeInto(page, '#cvv', '123');
  const requests = recordMerchantRequests(page);
  const refusal = await page.evaluate(() => window.readmeCheckout.submit().then(
    () => null,
    (e) => ({ code: e.code, component: e.component, message: e.message }),
  ));
  assert.equal(refusal?.code, 'field_not_mounted', JSON.stringify(refusal));
  assert.equal(refusal.component, 'holderName');
  assert.match(refusal.message, /holderName/);
  assert.ok(!requests.some((r) => r.url().endsWith('/api/payments')), 'nothing was sent to pay');
  await context.close();
});
