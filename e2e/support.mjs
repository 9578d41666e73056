// Shared helpers for the end-to-end tests: Debian's Chromium through playwright-core, against the
// real demo servers started by scripts/servers.sh (never a mocked browser or a fake backend).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEMO_URL = process.env.DEMO_URL ?? 'http://127.0.0.1:8080';
export const BACKEND_URL = process.env.BACKEND_URL ?? 'http://127.0.0.1:8787';
export const SANDBOX_URL = process.env.SANDBOX_URL ?? 'http://127.0.0.1:8788';
export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'target', 'screenshots');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/// A fresh page (own context: no shared storage) that fails the test on any page error.
export async function openPage(browser, path = '/', { locale = 'en-US', viewport } = {}) {
  const context = await browser.newContext({ locale, viewport: viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(new Error(`console.error: ${msg.text()}`));
  });
  await page.goto(new URL(path, DEMO_URL).href);
  return { page, context, errors };
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/// Polls `probe` until it returns a truthy value or `timeout` ms pass.
export async function eventually(probe, { timeout = 5000, interval = 50, message = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
  throw new Error(`timed out waiting for ${message} (last: ${last})`);
}
