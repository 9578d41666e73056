// Served compressed, as a CDN would: the demo shop's server (paykka-shop-web) and the sandbox's
// frames send the `.br` that scripts/compress-dist.sh wrote beside each file to a browser that
// asks for it, with `Vary: Accept-Encoding` and a year's immutable caching for versioned files
// (the pages themselves are revalidated).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, DEMO_URL, SANDBOX_URL } from '../support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const IMMUTABLE = 'public, max-age=31536000, immutable';

test('the demo\'s wasm, the SDK\'s and the card frame\'s arrive brotli-compressed and cached for good; pages are revalidated', async () => {
  for (const path of ['/', '/component.html']) {
    const responses = [];
    const { page, context, errors } = await openPage(browser, path, {
      beforeGoto: (p) => p.on('response', (r) => responses.push(r)),
    });
    await page.frameLocator('iframe[title="Secure card number input"]').getByLabel('Card number').waitFor({ timeout: 20000 });
    const wasm = responses.filter((r) => new URL(r.url()).pathname.endsWith('.wasm'));
    const ours = wasm.filter((r) => r.url().startsWith(DEMO_URL));
    const frames = wasm.filter((r) => r.url().startsWith(`${SANDBOX_URL}/frames/`));
    assert.ok(ours.length >= 1, `${path}: the page's wasm (${wasm.map((r) => r.url())})`);
    assert.ok(frames.length >= 1, `${path}: the card frame's wasm`);
    for (const r of [...ours, ...frames]) {
      const h = await r.allHeaders();
      assert.equal(h['content-encoding'], 'br', r.url());
      assert.equal(h.vary, 'accept-encoding', r.url());
      assert.equal(h['cache-control'], IMMUTABLE, r.url());
      assert.equal(h['content-type'], 'application/wasm', r.url());
    }
    const doc = responses.find((r) => r.url() === new URL(path, DEMO_URL).href);
    assert.equal((await doc.allHeaders())['cache-control'], 'no-cache');
    const framePage = responses.find((r) => new URL(r.url()).pathname === '/frames/card-field.html');
    const fh = await framePage.allHeaders();
    assert.equal(fh['cache-control'], 'no-cache');
    assert.ok(fh['content-security-policy'].includes("frame-ancestors 'self'"));
    assert.deepEqual(errors.map(String), []);
    await context.close();
  }
});

test('a client that asks for no compression gets the files as they are', async () => {
  const html = await fetch(new URL('/component.html', DEMO_URL), { headers: { 'accept-encoding': 'identity' } });
  assert.equal(html.headers.get('content-encoding'), null);
  assert.equal(html.headers.get('vary'), 'accept-encoding');
  const sdk = (await html.text()).match(/src="(\/sdk\/[^"]+\/paykka-checkout\.js)"/)?.[1];
  assert.ok(sdk, 'the page loads the SDK from /sdk/<version>/');
  for (const encoding of ['identity', 'gzip', 'br']) {
    const r = await fetch(new URL(sdk, DEMO_URL), { headers: { 'accept-encoding': encoding } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-encoding'), encoding === 'identity' ? null : encoding);
    assert.equal(r.headers.get('cache-control'), IMMUTABLE);
  }
});
