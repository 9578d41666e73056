// Shared helpers for the end-to-end tests: Debian's Chromium through playwright-core, against the
// real demo servers started by scripts/servers.sh (never a mocked browser or a fake backend).
import { chromium } from 'playwright-core';
import { createReadStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { execFileSync, spawn } from 'node:child_process';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_URL = process.env.DEMO_URL ?? 'http://127.0.0.1:8080';
export const BACKEND_URL = process.env.BACKEND_URL ?? 'http://127.0.0.1:8787';
export const SANDBOX_URL = process.env.SANDBOX_URL ?? 'http://127.0.0.1:8788';
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'screenshots');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/// A fresh page (own context: no shared storage) that fails the test on any page error.
/// `bypassCSP` only to inject a test tool (axe) into the CSP-protected frames.
/// `watchCsp: true` records Content Security Policy violations (read with `cspViolations`).
/// `beforeGoto(page)` runs before the page loads (to route a request, say).
/// `shopper`: the page is signed in as that shopper (see `signIn`).
export async function openPage(browser, path = '/', { locale = 'en-US', viewport, colorScheme = 'light', reducedMotion, bypassCSP = false, watchCsp: watch = false, beforeGoto, shopper } = {}) {
  const context = await browser.newContext({ locale, colorScheme, reducedMotion, bypassCSP, viewport: viewport ?? { width: 1280, height: 900 } });
  if (watch) await watchCsp(context);
  if (shopper) await signIn(context, shopper);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(new Error(`console.error: ${msg.text()}`));
  });
  if (beforeGoto) await beforeGoto(page);
  await page.goto(new URL(path, DEMO_URL).href);
  return { page, context, errors };
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/// Polls `probe` until it returns a truthy value or `timeout` ms pass.
export async function eventually(probe, { timeout = 5000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  throw new Error(`timed out waiting for ${message} (last: ${last})`);
}

// ----- the Drop-in ---------------------------------------------------------------------------

export const CARD_FIELDS = {
  number: 'Secure card number input',
  expiry: 'Secure expiry date input',
  cvv: 'Secure security code input',
  holder: 'Secure cardholder name input',
};

/// The input inside a secure frame, found as a shopper's assistive technology finds it.
export function secureInput(page, field) {
  const labels = { number: 'Card number', expiry: 'Expiry date', cvv: 'Security code', holder: 'Name on card' };
  return page.frameLocator(`iframe[title="${CARD_FIELDS[field]}"]`).getByLabel(labels[field]);
}

/// Types a card into the Drop-in's secure frames, as a shopper does, field by field; `holder:
/// null` where the form asks no holder's name (the SDK's default; the demo shop asks for it).
export async function fillCard(page, { number, expiry = '12/30', cvv = '123', holder = 'Ada Lovelace' }) {
  const numberInput = secureInput(page, 'number');
  await numberInput.click();
  await numberInput.pressSequentially(number.replace(/\s/g, ''));
  const expiryInput = secureInput(page, 'expiry');
  await expiryInput.click();
  await expiryInput.pressSequentially(expiry.replace('/', ''));
  const cvvInput = secureInput(page, 'cvv');
  await cvvInput.click();
  await cvvInput.pressSequentially(cvv);
  if (holder === null) return;
  const holderInput = secureInput(page, 'holder');
  await holderInput.click();
  await holderInput.pressSequentially(holder);
}

/// Opens the demo shop's checkout (a fresh session) and waits for the card frames to be ready.
export async function openCheckout(browser, path = '/', options = {}) {
  const opened = await openPage(browser, path, options);
  await secureInput(opened.page, 'number').waitFor({ state: 'visible', timeout: 15000 });
  return opened;
}

/// Records every request the merchant page itself makes (not the secure frames' own).
export function recordMerchantRequests(page) {
  const requests = [];
  page.on('request', (request) => {
    if (request.frame() === page.mainFrame()) requests.push(request);
  });
  return requests;
}

/// The card number never reaches the merchant page: not in its requests, not in its DOM.
export async function assertNoCardDataOnMerchantPage(page, requests, number) {
  const digits = number.replace(/\s/g, '');
  const spaced = digits.replace(/(\d{4})(?=\d)/g, '$1 ');
  for (const request of requests) {
    const seen = `${request.url()} ${request.postData() ?? ''} ${JSON.stringify(await request.allHeaders())}`;
    for (const form of [digits, spaced, digits.slice(0, 12)]) {
      if (seen.includes(form)) throw new Error(`card number in a merchant-page request to ${request.url()}`);
    }
  }
  const dom = await page.mainFrame().content();
  for (const form of [digits, spaced]) {
    if (dom.includes(form)) throw new Error('card number in the merchant page DOM');
  }
}

/// The sandbox gateway's own records, read from its SQLite file (the audit trail of what the
/// gateway really charged).
export function gatewayTransactions(sessionId) {
  const dataDir = process.env.SANDBOX_DATA_DIR;
  if (!dataDir) throw new Error('SANDBOX_DATA_DIR is not set (run through scripts/servers.sh)');
  const script = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT order_id, status FROM transactions WHERE session_id = ?", (sys.argv[2],)).fetchall()
print(json.dumps([{"order_id": r[0], "status": r[1]} for r in rows]))`;
  const out = execFileSync('python3', ['-c', script, `${dataDir}/sandbox.sqlite`, sessionId], { encoding: 'utf8' });
  return JSON.parse(out);
}

/// The merchant server's secret: what the backend was given, or generated into its data folder.
export function serverSecret() {
  if (process.env.BACKEND_SERVER_SECRET) return process.env.BACKEND_SERVER_SECRET;
  const dir = process.env.BACKEND_DATA_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '..', '.data', 'backend');
  return readFileSync(join(dir, 'server_secret'), 'utf8').trim();
}

/// A request of the merchant's own server to its backend (`/api/server/...`, with the secret).
export async function serverPost(path, body) {
  const response = await fetch(`${BACKEND_URL}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${serverSecret()}` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/// A session created the way a merchant server does, through the merchant backend's server door
/// (USD 49.99 unless `body` says otherwise; a `shopper_reference` binds it to that shopper,
/// whose saved cards only a page signed in as them sees: `openPage(..., { shopper })`).
export async function createSession(body = {}) {
  const terms = body.cart || body.amount !== undefined ? body : { amount: 4999, currency: 'USD', ...body };
  return serverPost('/api/server/sessions', terms);
}

/// Signs the browser `context` in as `shopper`, as the merchant's login would (the backend's
/// demo login cookie, minted through its server door).
export async function signIn(context, shopper) {
  const { cookie } = await serverPost('/api/server/logins', { shopper_reference: shopper });
  await context.addCookies([{ name: cookie.name, value: cookie.value, url: DEMO_URL, httpOnly: true, sameSite: 'Lax' }]);
}

/// The session id the Drop-in on `page` is paying (the demo writes it nowhere visible; the
/// merchant page's own request for it tells).
export async function sessionIdOf(page) {
  return page.evaluate(() => {
    const entries = performance.getEntriesByType('resource').map((e) => e.name);
    const match = entries.map((u) => /\/api\/sessions\/([^/?#]+)/.exec(u)).find(Boolean);
    return match ? decodeURIComponent(match[1]) : null;
  });
}

/// Stops a demo server by its pid file; returns a function that starts it again the same way.
export function stopServer(name) {
  const logs = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'logs');
  const pid = Number(readFileSync(join(logs, `${name}.pid`), 'utf8'));
  process.kill(pid, 'SIGKILL');
  return async () => {
    // The build scripts/servers.sh started (release unless the test run asked for debug).
    const profile = process.env.PAYKKA_SERVERS_PROFILE ?? 'release';
    const binary = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', profile, `paykka-${name}`);
    const child = spawn(binary, [], { cwd: join(logs, '..', '..'), stdio: 'ignore', detached: true, env: process.env });
    child.unref();
    writeFileSync(join(logs, `${name}.pid`), `${child.pid}\n`);
    const url = name === 'backend' ? BACKEND_URL : SANDBOX_URL;
    await eventually(async () => (await fetch(`${url}/health`)).ok, { timeout: 20000, message: `${name} restart` });
  };
}

/// The cards the sandbox gateway stores for a shopper (its tokens table: the truth of what was saved).
export function gatewayTokens(shopperReference) {
  const dataDir = process.env.SANDBOX_DATA_DIR;
  if (!dataDir) throw new Error('SANDBOX_DATA_DIR is not set (run through scripts/servers.sh)');
  const script = `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT token, data FROM tokens WHERE shopper_reference = ? ORDER BY rowid", (sys.argv[2],)).fetchall()
print(json.dumps([{"token": r[0], "token_usage": json.loads(r[1]).get("token_usage"), "status": json.loads(r[1]).get("status")} for r in rows]))`;
  const out = execFileSync('python3', ['-c', script, `${dataDir}/sandbox.sqlite`, shopperReference], { encoding: 'utf8' });
  return JSON.parse(out);
}

/// A shopper reference no other test uses, so saved cards never leak between tests.
export function freshShopper(prefix = 'e2e') {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/// Records every Content Security Policy violation in the page and its frames, from the first
/// script on; read them with `cspViolations(page)`.
export async function watchCsp(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

export async function cspViolations(page) {
  const all = [];
  for (const frame of page.frames()) {
    if (frame.isDetached()) continue;
    all.push(...(await frame.evaluate(() => window.__cspViolations ?? []).catch(() => [])));
  }
  return all;
}

// ----- a merchant's own web server, for the shops the tests build (npm package, Leptos crate) -----

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.ftl': 'text/plain; charset=utf-8' };

/// Serves the files under `root` with `policy` as their Content Security Policy (`index.html`
/// for a folder), and `/api/` from the merchant backend, as a shop's own server does. Not yet
/// listening: call `listen(0, '127.0.0.1')` on it.
export function serveShop(root, policy) {
  return createServer((req, res) => {
    const url = new URL(req.url, 'http://shop');
    if (url.pathname.startsWith('/api/')) {
      const backend = new URL(BACKEND_URL);
      const forward = httpRequest({
        host: backend.hostname, port: backend.port, method: req.method, path: req.url,
        headers: { ...req.headers, host: backend.host },
      }, (answer) => { res.writeHead(answer.statusCode, answer.headers); answer.pipe(res); });
      forward.on('error', () => { if (!res.headersSent) res.writeHead(502); res.end(); });
      req.pipe(forward);
      return;
    }
    const path = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
    const file = normalize(join(root, decodeURIComponent(path)));
    let found = file.startsWith(root + sep);
    try { found = found && statSync(file).isFile(); } catch { found = false; }
    if (!found) { res.writeHead(404, { 'content-security-policy': policy }); res.end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': policy, 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
}

function setEnv(vars) {
  for (const [k, v] of Object.entries(vars)) { if (v === undefined) delete process.env[k]; else process.env[k] = v; }
}

/// Restarts a demo server (`backend`, `sandbox`) with `env` added, a merchant's configuration for
/// a shop of its own; resolves to a function that restarts it as it was.
export async function reconfigure(name, env) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const health = `${name === 'backend' ? BACKEND_URL : SANDBOX_URL}/health`;
  const restartWith = async (vars) => {
    const start = stopServer(name);
    await eventually(async () => { try { await fetch(health); return false; } catch { return true; } }, { timeout: 10000, message: `the ${name} to stop` });
    // (The server starts with this process's environment: changed only while it starts.)
    const previous = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
    setEnv(vars);
    try { await start(); } finally { setEnv(previous); }
  };
  await restartWith(env);
  return () => restartWith(saved);
}
