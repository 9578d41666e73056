// The bench pages' times as they write them to the console (`<name> <ms>`, demo/bench.js):
// waiting for a console message leaves the page alone while it loads, where
// `page.waitForFunction` would run Playwright's injected script in it (10-40 ms of the main
// thread, counted in full in the blank page's short load). Call before `page.goto`.
export function pageTime(page, name, timeout = 30000) {
  return page
    .waitForEvent('console', { predicate: (message) => message.text().startsWith(`${name} `), timeout })
    .then((message) => Number(message.text().slice(name.length + 1)));
}
