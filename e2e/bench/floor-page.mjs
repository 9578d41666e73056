// The SDK-less floors under the TTI, as init scripts for Playwright's `addInitScript` on the
// bench's blank page: at DOMContentLoaded (where bench.js starts the SDK) one iframe is put in
// #dropin, and `floor-ready <ms>` is written to the console when it is ready.
// - `floorScript`: the provider's card number frame; ready is its first message.
// - `bareFrameScript`: a document of a few bytes from the provider's origin, no script; ready is
//   the iframe's load event. What any checkout with a cross-origin card frame pays at least.
import { DEMO_URL, SANDBOX_URL } from '../support.mjs';

const NUMBER_FRAME = `${SANDBOX_URL}/frames/card-field.html#field=number&ch=0123456789abcdef0123456789abcdef&origin=${encodeURIComponent(new URL(DEMO_URL).origin)}&locale=en-US`;
const READY = "console.debug('floor-ready ' + performance.now())";
const insertFrame = (src, readyOnLoad) => `addEventListener('DOMContentLoaded', () => {
  const f = document.createElement('iframe'); f.title = 'Card number'; f.src = ${JSON.stringify(src)};
  ${readyOnLoad ? `f.addEventListener('load', () => ${READY});` : ''}
  document.getElementById('dropin').append(f);
});`;
export const floorScript = `addEventListener('message', function ready(e) {
  if (typeof e.data === 'string' && e.data.includes('t=ready')) { removeEventListener('message', ready); ${READY}; }
});
${insertFrame(NUMBER_FRAME, false)}`;
export const bareFrameScript = insertFrame(`${SANDBOX_URL}/health`, true);
