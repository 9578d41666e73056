// Where the main thread's time goes during a cold load of /bench.html: a V8 CPU profile (1 ms
// samples) from navigation to the Drop-in's ready event, self time summed per script and per
// function. On loopback the card frames share the page's process, so their work shows here too.
//   cd e2e/bench && RUNS=3 TOP=30 node tti-profile.mjs
import { launch, createSession, DEMO_URL } from '../support.mjs';
import { pageTime } from './page-times.mjs';

const browser = await launch();
const totals = new Map();
const byScript = new Map();
let readySum = 0;
const runs = Number(process.env.RUNS ?? 3);
try {
  for (let run = 0; run < runs; run += 1) {
    const session = await createSession({});
    const context = await browser.newContext();
    const page = await context.newPage();
    // A marker the profile can be cut at: a named function that spins 2 ms when the number frame
    // says it is ready, so only the work before the ready event is summed.
    await page.addInitScript(() => {
      addEventListener('message', function benchReadyMarker(event) {
        if (typeof event.data !== 'string' || !event.data.includes('t=ready') || !event.data.includes('field=number')) return;
        const until = performance.now() + 2;
        while (performance.now() < until);
      });
    });
    const cdp = await context.newCDPSession(page);
    if (process.env.DEBUGGER) await cdp.send('Debugger.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const readyTime = pageTime(page, 'bench-ready');
    await page.goto(new URL(`/bench.html?session_id=${encodeURIComponent(session.session_id)}`, DEMO_URL).href, { waitUntil: 'commit' });
    const ready = await readyTime;
    readySum += ready;
    const { profile } = await cdp.send('Profiler.stop');
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parents = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n])));
    // Anonymous functions by line:column; a browser built-in with the script function calling it.
    const name = (f) => f.functionName || (f.url ? `(anonymous ${f.lineNumber + 1}:${f.columnNumber + 1})` : '(anonymous)');
    const self = new Map();
    const markerNodes = new Set(profile.nodes.filter((n) => n.callFrame.functionName === 'benchReadyMarker').map((n) => n.id));
    const cut = profile.samples.findIndex((s) => markerNodes.has(s));
    for (let i = 0; i < (cut < 0 ? profile.samples.length : cut); i += 1) {
      self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + profile.timeDeltas[i] / 1000);
    }
    for (const [id, ms] of self) {
      const f = nodes.get(id).callFrame;
      const script = (f.url || '').split('/').pop().split('#')[0] || '(native)';
      const caller = parents.get(id)?.callFrame;
      const via = !f.url && f.functionName && !f.functionName.startsWith('(') && caller?.url ? ` <- ${name(caller)}` : '';
      const key = `${script} ${name(f)}${via}`;
      totals.set(key, (totals.get(key) ?? 0) + ms);
      byScript.set(script, (byScript.get(script) ?? 0) + ms);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
const show = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, v]) => console.log(`${(v / runs).toFixed(1).padStart(7)} ms  ${k}`));
console.log(`ready (mean) ${(readySum / runs).toFixed(0)} ms; self time per load, by script:`);
show(byScript, 20);
console.log('by function:');
show(totals, Number(process.env.TOP ?? 30));
