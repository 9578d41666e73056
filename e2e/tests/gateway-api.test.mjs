// One shopper's card payment end to end in the gateway API generation the servers were started
// with (v3 by default; `PAYKKA_API_VERSION=v1.2` in the second run of `make test`): the session,
// a 3-D Secure card through the Drop-in, the result query, and the gateway's signed webhook,
// delivered and accepted by the backend.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { launch, openCheckout, fillCard, eventually, gatewayTransactions, sessionIdOf, BACKEND_URL, SANDBOX_URL } from '../support.mjs';

const VERSION = process.env.PAYKKA_API_VERSION || 'v3';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// The sandbox's webhook deliveries of one payment: [{ delivered, attempts, signed_as }].
function deliveries(orderId) {
  const script = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT delivered_at, attempts, last_error FROM webhooks WHERE body LIKE ?", ('%' + sys.argv[2] + '%',)).fetchall()
print(json.dumps([{"delivered": r[0] is not None, "attempts": r[1], "error": r[2]} for r in rows]))`;
  return JSON.parse(execFileSync('python3', ['-c', script, `${process.env.SANDBOX_DATA_DIR}/sandbox.sqlite`, orderId], { encoding: 'utf8' }));
}

/// Notifications the backend took (verified and recorded) for one payment.
function recorded(orderId) {
  const script = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT COUNT(*) FROM webhook_events WHERE order_id = ?", (sys.argv[2],)).fetchone()[0])`;
  return Number(execFileSync('python3', ['-c', script, `${process.env.BACKEND_DATA_DIR}/backend.sqlite`, orderId], { encoding: 'utf8' }));
}

/// What the gateway kept of a payment's request beyond the money (`browser`, `customer`, `authentication`).
function paymentDetails(orderId) {
  const script = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT data FROM transactions WHERE order_id = ?", (sys.argv[2],)).fetchone()[0])`;
  const data = JSON.parse(execFileSync('python3', ['-c', script, `${process.env.SANDBOX_DATA_DIR}/sandbox.sqlite`, orderId], { encoding: 'utf8' }));
  return data.details;
}

test(`the backend speaks PayKKa's ${VERSION} API to the gateway`, async () => {
  const health = await (await fetch(`${BACKEND_URL}/health`)).json();
  assert.equal(health.gateway_api, VERSION);
  assert.equal((await fetch(`${SANDBOX_URL}/health`)).status, 200);
});

test(`a 3-D Secure card is paid through the Drop-in, queried, and its ${VERSION} webhook is delivered and verified`, async () => {
  const { page, context } = await openCheckout(browser, '/');
  await fillCard(page, { number: '4000 0027 6000 3184' });
  await page.getByRole('button', { name: 'Pay $49.99' }).click();
  await page.waitForURL((url) => url.origin === SANDBOX_URL, { timeout: 20000 });
  await page.getByLabel('Code sent to your phone').fill('1234');
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: 'Payment successful' }).waitFor({ timeout: 20000 });
  const sessionId = await sessionIdOf(page);
  const [payment] = gatewayTransactions(sessionId);
  assert.equal(payment.status, 'SUCCESS');
  // 3-D Secure's inputs reached the gateway: what the shopper's browser knows, from where it
  // paid, and the issuer left to decide whether to challenge.
  const seen = await page.evaluate(() => ({
    width: String(screen.width), height: String(screen.height), depth: String(screen.colorDepth),
    language: navigator.language, userAgent: navigator.userAgent,
  }));
  const details = paymentDetails(payment.order_id);
  assert.equal(details.browser.screen_width, seen.width);
  assert.equal(details.browser.screen_height, seen.height);
  assert.equal(details.browser.color_depth, seen.depth);
  assert.equal(details.browser.language, seen.language);
  assert.equal(details.browser.user_agent, seen.userAgent);
  assert.equal(details.browser.device_type, 'PC');
  assert.equal(details.browser.terminal_type, 'WEB');
  assert.match(details.browser.timezone_offset, /^[+-]\d\d:\d\d$/);
  assert.equal(details.customer.pay_ip, '127.0.0.1');
  assert.equal(details.authentication.challenge_indicator, 'AUTO');
  // The result as the backend queries it from the gateway.
  const result = await (await fetch(`${BACKEND_URL}/api/sessions/${sessionId}/result`)).json();
  assert.equal(result.status, 'SUCCESS');
  assert.equal(result.order_id, payment.order_id);
  // The gateway's webhook: delivered (the backend answered 2xx only after verifying it) and recorded.
  await eventually(() => deliveries(payment.order_id).some((d) => d.delivered), { timeout: 15000, message: 'webhook delivered' });
  assert.ok(recorded(payment.order_id) >= 1);
  await context.close();
});
