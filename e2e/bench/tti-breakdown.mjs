// Where the Drop-in's time to interactive goes: one cold load of /bench.html, every resource the
// page and its number frame fetch (start and end, ms from navigation start), and the ready time.
import { launch, createSession, DEMO_URL } from '../support.mjs';
import { pageTime } from './page-times.mjs';

const browser = await launch();
try {
  for (let run = 0; run < Number(process.env.RUNS ?? 3); run += 1) {
    const session = await createSession({});
    const context = await browser.newContext();
    const page = await context.newPage();
    const readyTime = pageTime(page, 'bench-ready');
    await page.goto(new URL(`/bench.html?session_id=${encodeURIComponent(session.session_id)}`, DEMO_URL).href, { waitUntil: 'commit' });
    const ready = await readyTime;
    const rows = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.startTime, e.responseEnd, e.name]));
    const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0]; return [n.responseEnd, n.domContentLoadedEventEnd]; });
    const frame = page.frames().find((f) => f.url().includes('/frames/') && f.url().includes('number'));
    const frameOrigin = frame ? await frame.evaluate(() => performance.timeOrigin) : 0;
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    const frameRows = frame ? await frame.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return [[n.startTime, n.responseEnd, 'frame navigation ' + n.name.split('#')[0]], ...performance.getEntriesByType('resource').map((e) => [e.startTime, e.responseEnd, e.name]),
        ...performance.getEntriesByType('mark').map((e) => [e.startTime, e.startTime, 'mark ' + e.name])];
    }) : [];
    const shift = frameOrigin - pageOrigin;
    console.log(`run ${run}: html ${nav[0].toFixed(0)} dcl ${nav[1].toFixed(0)} ready ${ready.toFixed(0)}`);
    for (const [s, e, n] of rows) console.log(`  page  ${s.toFixed(0).padStart(5)} ${e.toFixed(0).padStart(5)} ${n}`);
    for (const [s, e, n] of frameRows) console.log(`  frame ${(s + shift).toFixed(0).padStart(5)} ${(e + shift).toFixed(0).padStart(5)} ${n}`);
    await context.close();
  }
} finally {
  await browser.close();
}
