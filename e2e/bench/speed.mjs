// Speed figures of `make bench`, against the running demo servers, one line per figure
// (`name value unit`): time to interactive of the Drop-in (cold cache; the number field, then
// all four card fields), the same page without the SDK, two floors under the TTI (that page with
// a bare iframe of the provider's origin, and with only the card number frame: floor-page.mjs),
// a keystroke in the secure number field, the wasm memory after mount, and the time to the first
// keystroke accepted in the number field (first-key.mjs) against the bare-frame floor.
import { launch, createSession, DEMO_URL } from '../support.mjs';
import { pageTime } from './page-times.mjs';
import { floorScript, bareFrameScript } from './floor-page.mjs';
import { typeDigits } from './keys.mjs';
import { firstKeyScript, firstKeyTime } from './first-key.mjs';

const LOADS = Number(process.env.BENCH_LOADS ?? 20);
const KEYS = Number(process.env.BENCH_KEYS ?? 1000);

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function timeToReady(browser, withSdk) {
  const session = await createSession({});
  // A fresh context: empty HTTP cache, nothing compiled yet.
  const context = await browser.newContext();
  if (withSdk) await context.addInitScript(firstKeyScript);
  const page = await context.newPage();
  const path = withSdk ? '/bench.html' : '/bench-blank.html';
  const ready = pageTime(page, 'bench-ready');
  const allReady = withSdk ? pageTime(page, 'bench-all-ready') : ready;
  await page.goto(new URL(`${path}?session_id=${encodeURIComponent(session.session_id)}`, DEMO_URL).href, { waitUntil: 'commit' });
  const ms = await ready;
  const allMs = await allReady;
  const firstKeyMs = withSdk ? await firstKeyTime(page) : ms;
  return { ms, allMs, firstKeyMs, page, context };
}

/// The blank page with one iframe and no SDK (floor-page.mjs): its `floor-ready` time.
async function floorTime(browser, script) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(script);
  const ready = pageTime(page, 'floor-ready');
  await page.goto(new URL('/bench-blank.html', DEMO_URL).href, { waitUntil: 'commit' });
  const ms = await ready;
  await context.close();
  return ms;
}

const browser = await launch();
try {
  const tti = [];
  const allFields = [];
  const firstKey = [];
  const blank = [];
  const bareFrame = [];
  const numberFrame = [];
  let memory = 0;
  let keystrokes = [];
  for (let i = 0; i < LOADS; i += 1) {
    const bare = await timeToReady(browser, false);
    blank.push(bare.ms);
    await bare.context.close();
    bareFrame.push(await floorTime(browser, bareFrameScript));
    numberFrame.push(await floorTime(browser, floorScript));
    const loaded = await timeToReady(browser, true);
    tti.push(loaded.ms);
    allFields.push(loaded.allMs);
    firstKey.push(loaded.firstKeyMs);
    if (i === LOADS - 1) {
      memory = await loaded.page.evaluate(() => PaykkaCheckout.memoryBytes());
      // Keystrokes: a digit put in the number field as the browser does, to the formatted value.
      const frame = loaded.page.frames().find((f) => f.url().includes('/frames/') && f.url().includes('number'));
      keystrokes = (await frame.evaluate(typeDigits, KEYS)).map(([, us]) => us);
    }
    await loaded.context.close();
  }
  const line = (name, value, unit) => console.log(`${name} ${value} ${unit}`);
  line('tti_ms_p50', percentile(tti, 50).toFixed(0), 'ms');
  line('tti_ms_p95', percentile(tti, 95).toFixed(0), 'ms');
  line('tti_all_fields_ms_p50', percentile(allFields, 50).toFixed(0), 'ms');
  line('blank_page_ms_p50', percentile(blank, 50).toFixed(0), 'ms');
  line('tti_ratio_vs_blank', (percentile(tti, 50) / percentile(blank, 50)).toFixed(2), 'x');
  line('bare_frame_page_ms_p50', percentile(bareFrame, 50).toFixed(0), 'ms');
  line('number_frame_page_ms_p50', percentile(numberFrame, 50).toFixed(0), 'ms');
  line('tti_ratio_vs_number_frame', (percentile(tti, 50) / percentile(numberFrame, 50)).toFixed(2), 'x');
  line('first_key_ms_p50', percentile(firstKey, 50).toFixed(0), 'ms');
  line('first_key_ratio_vs_bare_frame', (percentile(firstKey, 50) / percentile(bareFrame, 50)).toFixed(2), 'x');
  line('keystroke_us_p50', percentile(keystrokes, 50).toFixed(0), 'us');
  line('keystroke_us_p99', percentile(keystrokes, 99).toFixed(0), 'us');
  line('wasm_memory_kib', (memory / 1024).toFixed(0), 'KiB');
} finally {
  await browser.close();
}
