// The floors under the TTI (medians of RUNS cold loads): the blank page; the same page with a
// bare iframe of the provider's origin (a few bytes, no script: the least any cross-origin card
// frame costs); with only the card number frame (no SDK: how long the provider's frame alone
// takes to say ready); and the Drop-in.
//   cd e2e/bench && RUNS=10 node floor.mjs
import { launch, createSession, DEMO_URL } from '../support.mjs';
import { pageTime } from './page-times.mjs';
import { floorScript, bareFrameScript } from './floor-page.mjs';
const browser = await launch();
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const res = { blank: [], bareFrame: [], frameOnly: [], dropin: [] };
for (let i = 0; i < Number(process.env.RUNS ?? 10); i++) {
  for (const kind of Object.keys(res)) {
    const session = await createSession({});
    const context = await browser.newContext();
    const page = await context.newPage();
    if (kind === 'frameOnly') await page.addInitScript(floorScript);
    if (kind === 'bareFrame') await page.addInitScript(bareFrameScript);
    const path = { blank: '/bench-blank.html', bareFrame: '/bench-blank.html', frameOnly: '/bench-blank.html', dropin: `/bench.html?session_id=${encodeURIComponent(session.session_id)}` }[kind];
    const ready = pageTime(page, kind.endsWith('Frame') || kind === 'frameOnly' ? 'floor-ready' : 'bench-ready');
    await page.goto(new URL(path, DEMO_URL).href, { waitUntil: 'commit' });
    res[kind].push(await ready);
    await context.close();
  }
}
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(10), 'p50', median(v).toFixed(0), 'ms  ', v.map((x) => x.toFixed(0)).join(' '));
await browser.close();
