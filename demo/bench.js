// `make bench` (e2e/bench/speed.mjs) reads `window.benchReady`: the time, from navigation
// start, when the Drop-in's card number frame is ready for keys (bench.html), or the same
// page's `load` without the SDK (bench-blank.html). Both times are also written to the console
// (`bench-ready <ms>`, `bench-all-ready <ms>`): the bench waits for those, since asking the page
// while it loads costs its main thread the test driver's own script.
(function () {
  var params = new URLSearchParams(location.search);
  // And `window.benchAllReady`: when every card field's frame (number, expiry, security code,
  // and holder when asked) is ready, for the figure that does not favour the field loaded first.
  var fieldsReady = {};
  window.benchAllReady = new Promise(function (resolve) {
    addEventListener('message', function (event) {
      if (typeof event.data !== 'string' || event.data.indexOf('t=ready') < 0) return;
      ['number', 'expiry', 'cvv', 'holder'].forEach(function (field) {
        if (event.data.indexOf('field=' + field) >= 0) fieldsReady[field] = true;
      });
      // The holder's name is not asked by default (issue 24): three fields, unless it is.
      var wanted = document.querySelector('iframe[src*="field=holder"]') ? 4 : 3;
      if (Object.keys(fieldsReady).length === wanted) resolve(performance.now());
    });
  });
  window.benchAllReady.then(function (ms) { console.debug('bench-all-ready ' + ms); });
  window.benchReady = new Promise(function (resolve) {
    // Ready when both hold: the number frame has sent its first message to its parent (its
    // input takes keys), and that frame is in the Drop-in on the page (the loader may start it
    // early, hidden, before the Drop-in is mounted and moves it into place).
    var frameSpoke = false;
    function check() {
      if (frameSpoke && document.querySelector('#dropin iframe[src*="field=number"]')) resolve(performance.now());
    }
    addEventListener('message', function (event) {
      if (typeof event.data === 'string' && event.data.indexOf('t=ready') >= 0 && event.data.indexOf('field=number') >= 0) {
        frameSpoke = true;
        check();
      }
    });
    addEventListener('DOMContentLoaded', function () {
      new MutationObserver(check).observe(document.getElementById('dropin'), { childList: true, subtree: true });
    });
    addEventListener('load', function () {
      if (!window.PaykkaCheckout) resolve(performance.now());
    });
  });
  window.benchReady.then(function (ms) { console.debug('bench-ready ' + ms); });
  addEventListener('DOMContentLoaded', function () {
    if (!window.PaykkaCheckout) return;
    PaykkaCheckout.create({ sessionId: params.get('session_id') || '' }).then(function (checkout) {
      checkout.mount('#dropin');
    });
  });
})();
