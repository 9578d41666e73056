// The Drop-in on the demo shop under attack from the page around it: the merchant page's own
// script (think XSS or a rogue tag manager), a hostile frame of another origin, and a genuine
// card frame someone else mounted. They forge, replay and garble frame messages; none is acted
// on, nothing panics, and the shopper still pays with the card they typed, once.
//
// The channel is no secret from the page (it is in each frame's URL), so every forgery below
// knows it: what stops them is the origin and the source window each message is checked for.
// The pages open with bypassCSP because the shop's CSP would otherwise block the hostile frame
// before the SDK ever sees it: these tests are about the SDK's own checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openPage, fillCard, secureInput, eventually, recordMerchantRequests, gatewayTransactions,
  sessionIdOf, CARD_FIELDS, DEMO_URL, SANDBOX_URL,
} from '../support.mjs';

const DEMO = new URL(DEMO_URL);
const OTHER_ORIGIN = DEMO.hostname === '127.0.0.1' ? `http://localhost:${DEMO.port}` : `http://127.0.0.1:${DEMO.port}`;
const HOSTILE_PATH = '/__hostile/frame.html';
const CARD = '4242424242424242';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const payButton = (page) => page.getByRole('button', { name: 'Pay $49.99' });
const paymentPosts = (requests) => requests.filter((r) => r.url().includes('/api/payments') && r.method() === 'POST');

/// The Drop-in with a recorder of every message its window receives, and of everything the
/// secure frames post (so a test can replay what it saw).
async function openDropin() {
  const opened = await openPage(browser, '/', { bypassCSP: true });
  const { page, context } = opened;
  await context.route(`${OTHER_ORIGIN}${HOSTILE_PATH}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>hostile</title>' }),
  );
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 20000 });
  await page.evaluate(() => {
    window.captured = [];
    window.addEventListener('message', (e) => {
      if (typeof e.data === 'string') window.captured.push({ origin: e.origin, data: e.data });
    });
  });
  return { ...opened, requests: recordMerchantRequests(page) };
}

/// The channel and URL of each of the Drop-in's card frames, read the way any page script can.
const frameChannels = (page) =>
  page.evaluate((titles) => Object.fromEntries(Object.entries(titles).map(([field, title]) => {
    const src = document.querySelector(`iframe[title="${title}"]`).src;
    return [field, new URLSearchParams(new URL(src).hash.slice(1)).get('ch')];
  })), CARD_FIELDS);

/// What a real frame says, forged: the shape decode_frame_message accepts, with the real channel.
function forgedFromFrame(ch, fields) {
  return new URLSearchParams({ pk: '1', ch, ...fields }).toString();
}

function forgeries(ch) {
  const state = (field) => forgedFromFrame(ch, {
    t: 'state', field, empty: '0', complete: '1', valid: '1', focused: '0', ...(field === 'number' ? { brand: 'visa' } : {}),
  });
  const encrypted = [];
  for (let req = 0; req < 64; req += 1) {
    encrypted.push(forgedFromFrame(ch, {
      t: 'encrypted', req: String(req), field: 'number', enc: 'pkenc.v2.k1.AAAA', brand: 'visa', bin6: '400000', last4: '0002',
    }));
    encrypted.push(forgedFromFrame(ch, { t: 'failed', req: String(req), field: 'number', reason: 'crypto_failed' }));
  }
  return [
    ...['number', 'expiry', 'cvv', 'holder'].map(state),
    forgedFromFrame(ch, { t: 'submit', field: 'number' }),
    forgedFromFrame(ch, { t: 'ready', field: 'number' }),
    ...encrypted,
  ];
}

/// Garbage of every kind a postMessage can carry.
const MALFORMED_SCRIPT = `[
  '%%%', '', '=', '&&&', 'pk=1', 'pk=2&t=submit', 'pk=1&ch=zz&t=submit&field=number',
  'pk=1&t=state&t=state', 'x'.repeat(1 << 20), '\\u0000\\uffff\\ud800', 'pk=1&ch=' + '9'.repeat(40),
  null, undefined, 42, true, {}, [], { pk: '1', t: 'submit' }, new ArrayBuffer(16), new Uint8Array(1 << 16),
  new Blob(['pk=1&t=submit']), new Map([['pk', '1'], ['t', 'submit']]),
]`;

test('the merchant page\'s own script cannot fill, submit or answer for the secure frames', async () => {
  const { page, context, errors, requests } = await openDropin();
  const channels = await frameChannels(page);
  const forged = Object.values(channels).flatMap(forgeries);
  await page.evaluate(([forged, origin]) => {
    for (const data of forged) window.postMessage(data, origin);
  }, [forged, DEMO.origin]);
  await page.waitForTimeout(300);
  // Forged "complete" states and "submit": the Drop-in still knows the fields are empty.
  await payButton(page).click();
  await page.getByText('Enter your card number.').first().waitFor({ timeout: 10000 });
  assert.equal(paymentPosts(requests).length, 0, 'nothing is sent for a forged form');
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('a hostile frame of another origin that knows the channels is ignored, and the real card pays', async () => {
  const { page, context, errors, requests } = await openDropin();
  const channels = await frameChannels(page);
  await page.evaluate((url) => new Promise((resolve) => {
    const iframe = document.createElement('iframe');
    iframe.title = 'hostile';
    iframe.src = url;
    iframe.addEventListener('load', resolve);
    document.body.append(iframe);
  }), `${OTHER_ORIGIN}${HOSTILE_PATH}`);
  const hostile = page.frames().find((f) => f.url().startsWith(OTHER_ORIGIN));
  assert.ok(hostile, 'the hostile frame loaded');
  await fillCard(page, { number: CARD });
  const forged = Object.values(channels).flatMap(forgeries);
  // To the parent, and straight into each card frame (parent -> frame vocabulary).
  const toFrames = Object.entries(channels).flatMap(([, ch]) => ['clear', 'touch', 'focus', 'encrypt'].map((t) =>
    new URLSearchParams({ pk: '1', ch, t, ...(t === 'encrypt' ? { req: '7' } : {}) }).toString()));
  await hostile.evaluate(([forged, toFrames, sandbox, malformed]) => {
    for (const data of forged) parent.postMessage(data, '*');
    for (const data of eval(malformed)) parent.postMessage(data, '*');
    for (let i = 0; i < parent.frames.length; i += 1) {
      for (const data of toFrames) {
        try { parent.frames[i].postMessage(data, sandbox); } catch { /* another origin: not delivered */ }
      }
    }
  }, [forged, toFrames, new URL(SANDBOX_URL).origin, MALFORMED_SCRIPT]);
  await page.waitForTimeout(300);
  // A filled form: a forged submit taken for real would pay now, a forged clear would empty it.
  assert.equal(paymentPosts(requests).length, 0, 'a forged submit pays nothing');
  assert.equal(await secureInput(page, 'number').inputValue(), '4242 4242 4242 4242');

  // Forged answers for every likely request number keep racing the real encryption (at a
  // rate that leaves the page alive: flooding a page's event loop is a DoS any script can do).
  const answers = forgeries(channels.number).filter((data) => /t=(encrypted|failed)/.test(data));
  await hostile.evaluate((answers) => {
    window.spam = setInterval(() => { for (const data of answers) parent.postMessage(data, '*'); }, 50);
  }, answers);
  await payButton(page).click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  await hostile.evaluate(() => clearInterval(window.spam)).catch(() => {});
  assert.equal(paymentPosts(requests).length, 1);
  // The forged envelope (a declined test card) was never used: the gateway paid the typed card.
  assert.deepEqual(gatewayTransactions(await sessionIdOf(page)).map((r) => r.status), ['SUCCESS']);
  assert.deepEqual(errors.map(String).filter((e) => !/postMessage/.test(e)), []);
  await context.close();
});

test('messages replayed from the page after the shopper cleared a field change nothing', async () => {
  const { page, context, errors, requests } = await openDropin();
  await fillCard(page, { number: CARD });
  const genuine = await page.evaluate((sandbox) => window.captured.filter((m) => m.origin === sandbox).map((m) => m.data),
    new URL(SANDBOX_URL).origin);
  assert.ok(genuine.some((d) => d.includes('t=state') && d.includes('complete=1')), 'saw genuine complete states');
  assert.ok(genuine.every((d) => !d.includes(CARD) && !d.includes('4242+4242')), 'no frame message carries the number');
  const number = secureInput(page, 'number');
  await number.click();
  await number.press('Control+A');
  await number.press('Backspace');
  await page.evaluate(([genuine, origin]) => {
    for (const data of genuine) window.postMessage(data, origin);
  }, [genuine, DEMO.origin]);
  await payButton(page).click();
  await page.getByText('Enter your card number.').first().waitFor({ timeout: 10000 });
  assert.equal(paymentPosts(requests).length, 0);
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('a genuine card frame mounted by someone else can neither stand in for the Drop-in\'s nor swap its card', async () => {
  const { page, context, errors, requests } = await openDropin();
  const channels = await frameChannels(page);
  // A look-alike frame from the real provider, on the Drop-in's channel, where a phishing
  // script lured the shopper into typing a (declined) card.
  await page.evaluate(([sandbox, ch, origin]) => new Promise((resolve) => {
    const iframe = document.createElement('iframe');
    iframe.title = 'Look-alike card number';
    iframe.src = `${sandbox}/frames/card-field.html#${new URLSearchParams({ field: 'number', ch, origin, locale: 'en-US' })}`;
    iframe.addEventListener('load', resolve);
    document.body.append(iframe);
  }), [new URL(SANDBOX_URL).origin, channels.number, DEMO.origin]);
  const rogue = page.frameLocator('iframe[title="Look-alike card number"]').locator('input');
  await rogue.click();
  await rogue.pressSequentially('4000000000000002');
  await eventually(async () => (await page.evaluate(() => window.captured.filter((m) => m.data.includes('complete=1')).length)) > 0,
    { message: 'the look-alike frame reported a complete number' });
  await payButton(page).click();
  await page.getByText('Enter your card number.').first().waitFor({ timeout: 10000 });
  assert.equal(paymentPosts(requests).length, 0);

  // The shopper types the real card; the page keeps asking the look-alike to encrypt under
  // every likely request number, so its envelopes reach the Drop-in from the right origin on
  // the right channel. Only the Drop-in's own frame may answer.
  await fillCard(page, { number: CARD });
  await page.evaluate(([sandbox, ch]) => {
    const rogue = document.querySelector('iframe[title="Look-alike card number"]').contentWindow;
    // Bound to a checkout, as the page can (the session id is no secret to it).
    rogue.postMessage(`pk=1&ch=${ch}&t=configure&label=Card+number&locale=en-US&sid=CS0123abc&mid=10000000000001`, sandbox);
    window.spam = setInterval(() => {
      for (let req = 0; req < 64; req += 1) rogue.postMessage(`pk=1&ch=${ch}&t=encrypt&req=${req}`, sandbox);
    }, 20);
  }, [new URL(SANDBOX_URL).origin, channels.number]);
  await eventually(async () => (await page.evaluate(() => window.captured.filter((m) => m.data.includes('t=encrypted')).length)) > 0,
    { message: 'the look-alike answers with envelopes' });
  await payButton(page).click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  await page.evaluate(() => clearInterval(window.spam));
  assert.deepEqual(gatewayTransactions(await sessionIdOf(page)).map((r) => r.status), ['SUCCESS']);
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('garbage posted to the Drop-in and to its frames neither acts nor panics, and the checkout still pays', async () => {
  const { page, context, errors, requests } = await openDropin();
  await page.evaluate((malformed) => {
    for (const data of eval(malformed)) window.postMessage(data, '*');
  }, MALFORMED_SCRIPT);
  // And into every card frame, with the frames' own origin as target (delivered).
  await page.evaluate(([malformed, sandbox, titles]) => {
    for (const title of Object.values(titles)) {
      const frame = document.querySelector(`iframe[title="${title}"]`).contentWindow;
      for (const data of eval(malformed)) frame.postMessage(data, sandbox);
    }
  }, [MALFORMED_SCRIPT, new URL(SANDBOX_URL).origin, CARD_FIELDS]);
  await page.waitForTimeout(500);
  assert.equal(paymentPosts(requests).length, 0);
  await fillCard(page, { number: CARD });
  await payButton(page).click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  assert.equal(paymentPosts(requests).length, 1);
  // A wasm panic in the page or in a frame would print "panicked at" as a console error.
  assert.deepEqual(errors.map(String), []);
  await context.close();
});

test('whatever the parent asks, no frame ever tells it the card number or the security code', async () => {
  const { page, context, errors } = await openDropin();
  const channels = await frameChannels(page);
  await fillCard(page, { number: CARD, cvv: '737' });
  // The page is the frames' parent: it may send any parent -> frame message, with any key.
  await page.evaluate(([channels, sandbox, titles]) => {
    const asks = ['configure', 'brand', 'focus', 'touch', 'encrypt', 'clear', 'state', 'value', 'get', 'debug'];
    for (const [field, ch] of Object.entries(channels)) {
      if (field === 'number' || field === 'cvv') {
        const frame = document.querySelector(`iframe[title="${titles[field]}"]`).contentWindow;
        for (const t of asks) {
          if (t === 'clear') continue;
          for (const extra of [{}, { req: '5' }, { field: 'number' }, { reveal: '1' }, { field: 'cvv', req: '6' }]) {
            frame.postMessage(new URLSearchParams({ pk: '1', ch, t, ...extra }).toString(), sandbox);
          }
        }
      }
    }
  }, [channels, new URL(SANDBOX_URL).origin, CARD_FIELDS]);
  await page.waitForTimeout(500);
  const fromFrames = await page.evaluate((sandbox) => window.captured.filter((m) => m.origin === sandbox).map((m) => m.data),
    new URL(SANDBOX_URL).origin);
  assert.ok(fromFrames.some((d) => d.includes('t=encrypted')), 'the frames did answer the encrypt requests');
  for (const data of fromFrames) {
    for (const [key, value] of new URLSearchParams(data)) {
      // Ciphertexts are checked for their shape; their content is random by design.
      if (key.startsWith('enc')) {
        assert.match(value, /^pkenc\.v2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
        continue;
      }
      if (key === 'ch') continue;
      assert.ok(!/\d{12}/.test(value.replace(/\D/g, '')), `a frame message carried a card number: ${key}`);
      assert.ok(!value.includes('737'), `a frame message carried the security code: ${key}`);
    }
  }
  assert.equal(await secureInput(page, 'number').inputValue(), '4242 4242 4242 4242', 'nothing cleared the number');
  assert.deepEqual(errors.map(String), []);
  await context.close();
});
