// What the slowest keystrokes overlap: 1,000 digits typed into the Drop-in's number frame as
// speed.mjs types them (keys.mjs), under a Chrome trace; for each key of 500 µs or more, the trace events
// (any thread) that overlap it, counted by name. On this 2-core machine most slow keys overlap
// V8's background tier-up of the frame's wasm (wasm.TopTierCompilation), a few a minor GC.
//   cd e2e/bench && node keystroke-trace.mjs
import { launch, createSession, DEMO_URL } from '../support.mjs';
import { typeDigits } from './keys.mjs';
const browser = await launch();
const session = await createSession({});
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(new URL(`/bench.html?session_id=${session.session_id}`, DEMO_URL).href);
await page.waitForFunction(() => 'benchReady' in window);
await page.evaluate(() => window.benchAllReady);
const frame = page.frames().find((f) => f.url().includes('/frames/') && f.url().includes('number'));
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-v8.gc', 'blink', 'v8.execute'] });
const keys = await frame.evaluate(typeDigits, 1000);
const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
const slow = keys.filter(([, us]) => us >= 500);
console.log('slow keys', slow.length, slow.map(([, us]) => us.toFixed(0)).join(' '));
// Events overlapping slow keys.
const byName = new Map();
const mark = trace.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'kstart');
if (!mark) throw new Error('no time stamp in the trace');
for (const [start, us] of slow) {
  const s = mark.ts + start * 1000, e = s + us;
  for (const ev of trace) {
    if (ev.ph !== 'X' || !ev.dur || ev.dur < 100) continue;
    if (ev.ts < e && ev.ts + ev.dur > s) byName.set(ev.name, (byName.get(ev.name) ?? 0) + 1);
  }
}
console.log([...byName].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([n, c]) => `${c} ${n}`).join('\n'));
await browser.close();
