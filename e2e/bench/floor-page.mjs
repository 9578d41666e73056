// The SDK-less floor: the bench's blank page with only the provider's card number frame, put in
// #dropin at DOMContentLoaded (where bench.js starts the SDK); `floor-ready <ms>` on the console
// when its first message (ready) arrives. An init script for Playwright's `addInitScript`.
export const FLOOR_FRAME = 'http://127.0.0.1:8788/frames/card-field.html#field=number&ch=0123456789abcdef0123456789abcdef&origin=http%3A%2F%2F127.0.0.1%3A8080&locale=en-US';
export const floorScript = `addEventListener('message', function ready(e) { if (typeof e.data === 'string' && e.data.includes('t=ready')) { removeEventListener('message', ready); console.debug('floor-ready ' + performance.now()); } });
addEventListener('DOMContentLoaded', () => { const f = document.createElement('iframe'); f.title = 'Card number'; f.src = ${JSON.stringify(FLOOR_FRAME)}; document.getElementById('dropin').append(f); });`;
