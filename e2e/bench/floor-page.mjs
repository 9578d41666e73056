// The SDK-less floors under the TTI, as init scripts for Playwright's `addInitScript` on the
// bench's blank page: at DOMContentLoaded (where bench.js starts the SDK) one iframe is put in
// #dropin, and `floor-ready <ms>` is written to the console when it is ready.
// - `floorScript`: the provider's card number frame; ready is its first message.
// - `bareFrameScript`: a document of a few bytes from the provider's origin, no script; ready is
//   the iframe's load event. What any checkout with a cross-origin card frame pays at least.
export const FLOOR_FRAME = 'http://127.0.0.1:8788/frames/card-field.html#field=number&ch=0123456789abcdef0123456789abcdef&origin=http%3A%2F%2F127.0.0.1%3A8080&locale=en-US';
const insert = (src) => `addEventListener('DOMContentLoaded', () => { const f = document.createElement('iframe'); f.title = 'Card number'; f.src = ${JSON.stringify(src)};
  f.addEventListener('load', () => { if (window.floorOnLoad) console.debug('floor-ready ' + performance.now()); }); document.getElementById('dropin').append(f); });`;
export const floorScript = `addEventListener('message', function ready(e) { if (typeof e.data === 'string' && e.data.includes('t=ready')) { removeEventListener('message', ready); console.debug('floor-ready ' + performance.now()); } });
${insert(FLOOR_FRAME)}`;
export const bareFrameScript = `window.floorOnLoad = true;
${insert('http://127.0.0.1:8788/health')}`;
