// The renderer main thread during a cold load of /bench.html, from a Chrome trace: self time per
// trace event (ParseHTML, EvaluateScript, Layout, wasm compilation...) up to the ready event, and
// a coarse time line of the longest tasks. On loopback the card frames share the page's process.
//   cd e2e/bench && RUNS=3 node tti-trace.mjs
import { launch, createSession, DEMO_URL } from '../support.mjs';
import { pageTime } from './page-times.mjs';
import { floorScript } from './floor-page.mjs';

// FLOOR=1 traces the floor instead: the blank page with only the number frame (floor-page.mjs).
const floor = Boolean(process.env.FLOOR);

const browser = await launch();
const runs = Number(process.env.RUNS ?? 3);
const selfByName = new Map();
try {
  for (let run = 0; run < runs; run += 1) {
    const session = await createSession({});
    const context = await browser.newContext();
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading', 'disabled-by-default-devtools.timeline'] });
    if (floor) await page.addInitScript(floorScript);
    const path = floor ? '/bench-blank.html' : `/bench.html?session_id=${encodeURIComponent(session.session_id)}`;
    const readyTime = pageTime(page, floor ? 'floor-ready' : 'bench-ready');
    await page.goto(new URL(path, DEMO_URL).href, { waitUntil: 'commit' });
    const ready = await readyTime;
    const origin = await page.evaluate(() => performance.timeOrigin);
    const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    const main = trace.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && trace.some((x) => x.pid === e.pid && x.name === 'ParseHTML'));
    const events = trace.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const navStart = trace.find((e) => e.name === 'navigationStart' && e.pid === main.pid)?.ts ?? events[0].ts;
    const end = navStart + ready * 1000;
    // Self time: an event's duration minus its children's.
    const stack = [];
    const tasks = [];
    for (const e of events) {
      if (e.ts > end) break;
      while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
      if (stack.length) stack.at(-1).self -= e.dur; else tasks.push(e);
      e.self = e.dur;
      stack.push(e);
    }
    for (const e of events) if (e.self !== undefined) selfByName.set(e.name, (selfByName.get(e.name) ?? 0) + e.self / 1000);
    console.log(`run ${run}: ready ${ready.toFixed(0)} ms; tasks over ${process.env.MIN_TASK_MS ?? 8} ms (start, ms):`);
    for (const t of tasks.filter((t) => t.dur > Number(process.env.MIN_TASK_MS ?? 8) * 1000)) {
      const kids = events.filter((e) => e.ts >= t.ts && e.ts < t.ts + t.dur && e !== t).sort((a, b) => b.self - a.self).slice(0, 4)
        .map((e) => `${e.name}${e.args?.data?.url ? '(' + e.args.data.url.split('/').pop().slice(0, 30) + ')' : ''} ${(e.self / 1000).toFixed(1)}`);
      console.log(`  ${((t.ts - navStart) / 1000).toFixed(0).padStart(5)} ${(t.dur / 1000).toFixed(1).padStart(6)}  ${kids.join(', ')}`);
    }
    void origin;
    await context.close();
  }
} finally {
  await browser.close();
}
console.log('self time per load by event:');
[...selfByName].sort((a, b) => b[1] - a[1]).slice(0, 30).forEach(([k, v]) => console.log(`${(v / runs).toFixed(1).padStart(7)} ms  ${k}`));
