// Time to first keystroke accepted (issue 26, point 3): from navigation start of the bench page
// (/bench.html, the Drop-in) to the moment the card number frame's <input> exists, can be seen
// (the frame's stylesheet is in) and is in the Drop-in (#dropin), so a key typed goes into it.
// The frame's page carries that input, so this no longer waits for the frame's wasm; its floor
// is the bare-frame page of floor-page.mjs (a blank page with an iframe of a few bytes from the
// provider's origin, ready at the iframe's load event).
//
// `firstKeyScript` is an init script (Playwright's `addInitScript`, run in every frame): in the
// page it notes when the number iframe is first in #dropin, in the number frame when its input
// first exists. `firstKeyTime(page)` reads them once the page is ready (bench-ready) and returns
// the time in the page's clock. Used by speed.mjs (first_key_ms_p50); run on its own, this file
// prints that figure, the two floors and the TTI (medians of RUNS cold loads, 15 by default):
//   scripts/servers.sh --exec node e2e/bench/first-key.mjs
// With FRAMES_AB=before=<dir>,after=<dir>, two builds of the frame are timed in turns in one run
// (a frame whose wasm builds its input, as before issue 26, gets its input's time from the wasm).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { launch, createSession, DEMO_URL, SANDBOX_URL } from '../support.mjs';
import { pageTime } from './page-times.mjs';
import { floorScript, bareFrameScript } from './floor-page.mjs';

export const firstKeyScript = `(() => {
  if (window === window.top) {
    addEventListener('DOMContentLoaded', () => {
      const box = document.getElementById('dropin');
      if (!box) return;
      const check = () => {
        if (!window.__pkNumberInPlace && box.querySelector('iframe[src*="field=number"]')) window.__pkNumberInPlace = performance.now();
      };
      new MutationObserver(check).observe(box, { childList: true, subtree: true });
      check();
    });
  } else if (location.pathname.endsWith('/card-field.html') && location.hash.includes('field=number')) {
    const seen = () => {
      if (!document.querySelector('input')) return false;
      window.__pkInputAt = window.__pkInputAt ?? performance.now();
      return true;
    };
    if (!seen()) {
      const watch = new MutationObserver(() => { if (seen()) watch.disconnect(); });
      watch.observe(document, { childList: true, subtree: true });
    }
  }
})();`;

/// The first-keystroke time of a loaded bench page (call after its `bench-ready`), in ms from
/// the page's navigation start: the latest of the number iframe in #dropin, its input in its
/// DOM, its stylesheet loaded.
export async function firstKeyTime(page) {
  const { inPlace, input, css } = await firstKeyParts(page);
  return Math.max(inPlace, input, css);
}

/// The three times `firstKeyTime` takes the latest of, in the page's clock, and when the number
/// frame's navigation started (`frameStart`).
export async function firstKeyParts(page) {
  const frame = page.frames().find((f) => f.url().includes('/frames/card-field.html') && f.url().includes('field=number'));
  if (!frame) throw new Error('no number frame');
  const [pageOrigin, inPlace] = await page.evaluate(() => [performance.timeOrigin, window.__pkNumberInPlace]);
  const [frameOrigin, input, css] = await frame.evaluate(() => [
    performance.timeOrigin,
    window.__pkInputAt,
    Math.max(0, ...performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.css')).map((e) => e.responseEnd)),
  ]);
  if (inPlace === undefined || input === undefined) throw new Error(`first key not seen (in place ${inPlace}, input ${input})`);
  const shift = frameOrigin - pageOrigin;
  return { inPlace, input: input + shift, css: css + shift, frameStart: shift };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/// Serves the frames of `context` from the folder `dir` (a build of scripts/build-frames.sh)
/// instead of the sandbox, with the sandbox's CSP: to time two builds of the frame against each
/// other in one run (both served this way, so that the route's cost is in both).
export async function serveFramesFrom(context, dir) {
  const types = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', wasm: 'application/wasm', css: 'text/css; charset=utf-8' };
  const demo = new URL(DEMO_URL).origin;
  await context.route(`${new URL(SANDBOX_URL).origin}/frames/**`, (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    const body = readFileSync(join(dir, name));
    const headers = { 'content-type': types[name.split('.').pop()], 'x-content-type-options': 'nosniff' };
    if (name.endsWith('.html')) {
      const hashes = [...body.toString().matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)]
        .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
      headers['content-security-policy'] = `default-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self' ${demo}`;
    }
    return route.fulfill({ status: 200, headers, body });
  });
}

/// One cold load of the bench page: its TTI (bench-ready) and first-keystroke time; with the
/// frames from `framesDir` if given.
async function benchLoad(browser, framesDir) {
  const session = await createSession({});
  const context = await browser.newContext();
  if (framesDir) await serveFramesFrom(context, framesDir);
  await context.addInitScript(firstKeyScript);
  const page = await context.newPage();
  const ready = pageTime(page, 'bench-ready');
  await page.goto(new URL(`/bench.html?session_id=${encodeURIComponent(session.session_id)}`, DEMO_URL).href, { waitUntil: 'commit' });
  const tti = await ready;
  const parts = await firstKeyParts(page);
  await context.close();
  return { tti, firstKey: Math.max(parts.inPlace, parts.input, parts.css), ...parts };
}

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

if (import.meta.url === `file://${process.argv[1]}`) {
  const RUNS = Number(process.env.RUNS ?? 15);
  const browser = await launch();
  try {
    // FRAMES_AB="<label>=<dir>,<label>=<dir>": each load of the bench page is timed once per
    // build of the frame, in turns, both served from their folders by a route.
    const builds = (process.env.FRAMES_AB ?? '').split(',').filter(Boolean).map((b) => b.split('='));
    if (builds.length === 0) builds.push(['', undefined]);
    const rows = { bare: [], number: [], loads: Object.fromEntries(builds.map(([label]) => [label, []])) };
    for (let i = 0; i < RUNS; i += 1) {
      rows.bare.push(await floorTime(browser, bareFrameScript));
      rows.number.push(await floorTime(browser, floorScript));
      for (const [label, dir] of builds) rows.loads[label].push(await benchLoad(browser, dir));
    }
    const bare = median(rows.bare);
    const number = median(rows.number);
    const line = (name, value, unit) => console.log(`${name} ${value} ${unit}`);
    line('bare_frame_page_ms_p50', bare.toFixed(0), 'ms');
    line('number_frame_page_ms_p50', number.toFixed(0), 'ms');
    for (const [label] of builds) {
      const loads = rows.loads[label];
      const tti = median(loads.map((l) => l.tti));
      const key = median(loads.map((l) => l.firstKey));
      const name = (n) => (label ? `${label}_${n}` : n);
      line(name('first_key_ms_p50'), key.toFixed(0), 'ms');
      line(name('first_key_ratio_vs_bare_frame'), (key / bare).toFixed(2), 'x');
      // What it waited for: the frame started (the SDK's loader), put in the Drop-in (the SDK),
      // its input parsed (the frame's page).
      line(name('number_frame_navigation_start_ms_p50'), median(loads.map((l) => l.frameStart)).toFixed(0), 'ms');
      line(name('number_frame_in_place_ms_p50'), median(loads.map((l) => l.inPlace)).toFixed(0), 'ms');
      line(name('number_input_exists_ms_p50'), median(loads.map((l) => l.input)).toFixed(0), 'ms');
      line(name('tti_ms_p50'), tti.toFixed(0), 'ms');
      line(name('tti_ratio_vs_number_frame'), (tti / number).toFixed(2), 'x');
    }
  } finally {
    await browser.close();
  }
}
