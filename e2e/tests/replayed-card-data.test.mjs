// A skimming script on the merchant page copies the card envelopes a real payment sends, and
// tries them again later: on the same checkout, on another checkout of the same shopper, and
// once they are old. Envelope v2 binds each to one field, one checkout, one use and 15 minutes:
// every replay is refused and nothing is charged, as the gateway's own records show.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openPage, fillCard, secureInput, gatewayTransactions, createSession, freshShopper,
  BACKEND_URL, SANDBOX_URL,
} from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await setCardDataClock(0);
  await browser?.close();
});

const payButton = (page) => page.getByRole('button', { name: /^Pay / });

/// The sandbox's test clock for card data (POST /portal/card-data-clock).
async function setCardDataClock(advanceMs) {
  const r = await fetch(`${SANDBOX_URL}/portal/card-data-clock`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_ms: advanceMs }),
  });
  assert.equal(r.status, 200);
}

/// What the skimmer does: posts a captured payment body again, as the page would.
async function replay(body, sessionId) {
  const r = await fetch(`${BACKEND_URL}/api/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `skim-${crypto.randomUUID()}` },
    body: JSON.stringify({ ...body, session_id: sessionId }),
  });
  return [r.status, await r.json()];
}

/// Opens the Drop-in of a new session of `shopper` and pays with `number`; returns the body
/// the page posted (what a script on the page could copy) and the session.
async function payAndCapture(shopper, number, { abort = false } = {}) {
  const session = await createSession({ shopper_reference: shopper });
  const { page, context } = await openPage(browser, `/?session_id=${encodeURIComponent(session.session_id)}`, { shopper });
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  let captured;
  await page.route('**/api/payments', async (route) => {
    captured = JSON.parse(route.request().postData());
    if (abort) await route.abort();
    else await route.continue();
  });
  await fillCard(page, { number });
  await payButton(page).click();
  return { page, context, session, body: () => captured };
}

test('envelopes copied from a declined payment are refused on the same and another checkout', async () => {
  const shopper = freshShopper('skimmed');
  const { page, context, session, body } = await payAndCapture(shopper, '4000 0000 0000 0002');
  await page.getByRole('alert').filter({ hasText: 'Your card was declined' }).waitFor({ timeout: 20000 });
  const copied = body();
  assert.match(copied.encrypted_card_no, /^pkenc\.v2\./);
  await context.close();

  const [again, a] = await replay(copied, session.session_id);
  assert.deepEqual([again, a.error?.code], [400, 'invalid_card_data'], JSON.stringify(a));
  const other = await createSession({ shopper_reference: shopper });
  const [elsewhere, b] = await replay(copied, other.session_id);
  assert.deepEqual([elsewhere, b.error?.code], [400, 'invalid_card_data'], JSON.stringify(b));
  // A security code sent as the card number.
  const [swapped, c] = await replay({ ...copied, encrypted_card_no: copied.encrypted_cvv, encrypted_cvv: copied.encrypted_card_no }, other.session_id);
  assert.deepEqual([swapped, c.error?.code], [400, 'invalid_card_data'], JSON.stringify(c));

  assert.deepEqual(gatewayTransactions(session.session_id).map((r) => r.status), ['FAILURE'], 'only the genuine attempt');
  assert.deepEqual(gatewayTransactions(other.session_id), [], 'nothing charged');
});

test('envelopes older than fifteen minutes are refused, and the shopper is asked to enter the card again', async () => {
  const shopper = freshShopper('stale');
  // Captured, never sent: the skimmer keeps them for later.
  const { page, context, session, body } = await payAndCapture(shopper, '4242 4242 4242 4242', { abort: true });
  await page.getByRole('alert').first().waitFor({ timeout: 20000 });
  const copied = body();
  await context.close();
  try {
    await setCardDataClock(15 * 60 * 1000 + 1000);
    const [status, r] = await replay(copied, session.session_id);
    assert.deepEqual([status, r.error?.code], [400, 'card_data_expired'], JSON.stringify(r));
    assert.deepEqual(gatewayTransactions(session.session_id), [], 'nothing charged');

    // The shopper's own checkout meets the same limit (its frames' clock is 15 minutes behind
    // the gateway's here): the widget asks for the card again, and a fresh entry pays.
    const fresh = await createSession({ shopper_reference: shopper });
    const opened = await openPage(browser, `/?session_id=${encodeURIComponent(fresh.session_id)}`, { shopper });
    await secureInput(opened.page, 'number').waitFor({ state: 'visible', timeout: 15000 });
    await fillCard(opened.page, { number: '4242 4242 4242 4242' });
    await payButton(opened.page).click();
    await opened.page.getByRole('alert').filter({ hasText: 'For your security, please enter your card details again.' }).waitFor({ timeout: 20000 });
    await setCardDataClock(0);
    await payButton(opened.page).click();
    await opened.page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
    assert.deepEqual(gatewayTransactions(fresh.session_id).map((t) => t.status), ['SUCCESS']);
    await opened.context.close();
  } finally {
    await setCardDataClock(0);
  }
});

test('a card key rotation: a payment begun before the switch is paid after it, and the old key then retires', async () => {
  const portal = async (path) => {
    const r = await fetch(`${SANDBOX_URL}/portal/card-key/${path}`, { method: 'POST' });
    assert.equal(r.status, 200, path);
    return (await r.json()).data;
  };
  const session = await createSession({});
  const { page, context } = await openPage(browser, `/?session_id=${encodeURIComponent(session.session_id)}`);
  await secureInput(page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  // The first Pay makes the frames fetch the card key (a decline, so the checkout goes on).
  await fillCard(page, { number: '4000 0000 0000 0002' });
  await payButton(page).click();
  await page.getByRole('alert').filter({ hasText: 'Your card was declined' }).waitFor({ timeout: 20000 });
  const before = (await (await fetch(`${SANDBOX_URL}/card-key`)).json()).kid;
  const rotated = await portal('rotate');
  assert.equal(rotated.previous, before);
  // The shopper corrects the card and pays: the frames still seal with the key they hold.
  const number = secureInput(page, 'number');
  await number.fill('');
  await number.pressSequentially('4242424242424242');
  await payButton(page).click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  assert.deepEqual(gatewayTransactions(session.session_id).map((t) => t.status).sort(), ['FAILURE', 'SUCCESS']);
  await context.close();
  // Retired: a new checkout pays with the new key.
  await portal('retire');
  const next = await createSession({});
  const opened = await openPage(browser, `/?session_id=${encodeURIComponent(next.session_id)}`);
  await secureInput(opened.page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  await fillCard(opened.page, { number: '4242 4242 4242 4242' });
  await payButton(opened.page).click();
  await opened.page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  await opened.context.close();
});
