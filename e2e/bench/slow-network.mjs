// Time to interactive on a slow network: the same cold loads as speed.mjs, with Chromium's
// network emulation (default 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up: a weak mobile
// connection). Loopback hides every round trip; this shows what the bytes and the order of the
// downloads are worth (the number frame beside the SDK, the session while the wasm downloads).
// Each load is measured twice: compressed, the realistic case (Chromium asks for
// `br, gzip, ...` and the demo's servers send the `.br` that scripts/compress-dist.sh wrote, as a
// CDN does), and without (every request of the page and its frames sent with
// `Accept-Encoding: identity`, so every byte counts raw). MODES=br or MODES=identity runs one.
//   cd e2e/bench && LOADS=6 RTT_MS=150 DOWN_KBPS=1600 node slow-network.mjs   (demo servers running)
import { launch, createSession, DEMO_URL } from '../support.mjs';
import { pageTime } from './page-times.mjs';

const LOADS = Number(process.env.LOADS ?? 6);
const RTT_MS = Number(process.env.RTT_MS ?? 150);
const DOWN_KBPS = Number(process.env.DOWN_KBPS ?? 1600);
const UP_KBPS = Number(process.env.UP_KBPS ?? 750);
const MODES = (process.env.MODES ?? 'br,identity').split(',');
const PATHS = ['/bench.html', '/bench-blank.html'];

const browser = await launch();
// mode -> path -> { times, bytes, encoded } per load
const runs = Object.fromEntries(MODES.map((m) => [m, Object.fromEntries(PATHS.map((p) => [p, { times: [], bytes: [], encoded: [] }]))]));
try {
  for (let i = 0; i < LOADS; i += 1) {
    for (const mode of MODES) {
      for (const path of PATHS) {
        const session = await createSession({});
        const context = await browser.newContext();
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false, latency: RTT_MS, downloadThroughput: (DOWN_KBPS * 1000) / 8, uploadThroughput: (UP_KBPS * 1000) / 8,
        });
        // Chromium adds its own Accept-Encoding only to a request that has none.
        if (mode === 'identity') await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
        let bytes = 0;
        let encoded = 0;
        cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
        cdp.on('Network.responseReceived', (e) => {
          const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
          if (headers['content-encoding']) encoded += 1;
        });
        const ready = pageTime(page, 'bench-ready', 120000);
        await page.goto(new URL(`${path}?session_id=${encodeURIComponent(session.session_id)}`, DEMO_URL).href, { waitUntil: 'commit' });
        const run = runs[mode][path];
        run.times.push(await ready);
        run.bytes.push(bytes);
        run.encoded.push(encoded);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`slow_network ${RTT_MS} ms RTT, ${DOWN_KBPS} kbit/s down, ${LOADS} loads`);
for (const mode of MODES) {
  const sdk = runs[mode]['/bench.html'];
  const blank = runs[mode]['/bench-blank.html'];
  console.log(`tti_slow_${mode}_ms_p50 ${median(sdk.times).toFixed(0)} ms`);
  console.log(`blank_slow_${mode}_ms_p50 ${median(blank.times).toFixed(0)} ms`);
  // Bytes over the wire until ready (headers included), and how many answers came compressed.
  console.log(`bytes_slow_${mode}_p50 ${median(sdk.bytes).toFixed(0)} B`);
  console.log(`compressed_answers_slow_${mode}_p50 ${median(sdk.encoded)} responses`);
}
