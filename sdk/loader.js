/* PayKKa Checkout __VERSION__: the script-tag loader. https://github.com/paykka/paykka-checkout
 *
 * <script src=".../paykka-checkout.js" integrity="sha384-..." crossorigin="anonymous"></script>
 * const checkout = await PaykkaCheckout.create({ sessionId, backendUrl });
 * checkout.mount('#dropin');
 *
 * Loads its stylesheet, the wasm-bindgen glue and the wasm once (whoever asks first), from beside
 * itself, each checked against its hash (subresource integrity); a failed load can be retried.
 * The loader itself is sdk/core.js, pasted below by scripts/build-sdk.sh (the ES module,
 * sdk/module.js, shares it).
 */
(function (global, base) {
  'use strict';
  if (global.PaykkaCheckout && global.PaykkaCheckout.version) return; // Loaded twice: keep the first.

  __CORE__

  var sdk = paykkaSdk(global, function (file) { return new URL(file, base).href; }, {});
  global.PaykkaCheckout = sdk.PaykkaCheckout;
  sdk.defineElements();
  // A page includes the SDK to take a payment: start downloading it now, while the page still
  // parses, rather than when it first asks for a checkout. A failure here is reported to that
  // first ask, which tries again.
  sdk.load().catch(function () {});
})(window, __BASE__);
