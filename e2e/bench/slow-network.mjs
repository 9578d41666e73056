// Time to interactive on a slow network: the same cold loads as speed.mjs, with Chromium's
// network emulation (default 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up: a weak mobile
// connection). Loopback hides every round trip; this shows what the order of the downloads is
// worth (the number frame beside the SDK, the session while the wasm downloads). The demo's
// servers do not compress, so bytes count raw here: compare runs with each other, not with sizes.
//   cd e2e/bench && LOADS=6 RTT_MS=150 DOWN_KBPS=1600 node slow-network.mjs   (demo servers running)
import { launch, createSession, DEMO_URL } from '../support.mjs';
import { pageTime } from './page-times.mjs';

const LOADS = Number(process.env.LOADS ?? 6);
const RTT_MS = Number(process.env.RTT_MS ?? 150);
const DOWN_KBPS = Number(process.env.DOWN_KBPS ?? 1600);
const UP_KBPS = Number(process.env.UP_KBPS ?? 750);

const browser = await launch();
const times = { '/bench.html': [], '/bench-blank.html': [] };
try {
  for (let i = 0; i < LOADS; i += 1) {
    for (const path of Object.keys(times)) {
      const session = await createSession({});
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: RTT_MS, downloadThroughput: (DOWN_KBPS * 1000) / 8, uploadThroughput: (UP_KBPS * 1000) / 8,
      });
      const ready = pageTime(page, 'bench-ready', 120000);
      await page.goto(new URL(`${path}?session_id=${encodeURIComponent(session.session_id)}`, DEMO_URL).href, { waitUntil: 'commit' });
      times[path].push(await ready);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`slow_network ${RTT_MS} ms RTT, ${DOWN_KBPS} kbit/s down, ${LOADS} loads`);
console.log(`tti_slow_ms_p50 ${median(times['/bench.html']).toFixed(0)} ms`);
console.log(`blank_slow_ms_p50 ${median(times['/bench-blank.html']).toFixed(0)} ms`);
