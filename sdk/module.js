/* PayKKa Checkout __VERSION__ as an ES module: the npm package's entry (`@paykka/checkout`, built
 * by scripts/build-npm.sh) and paykka-checkout.mjs beside the script-tag loader.
 * https://github.com/paykka/paykka-checkout
 *
 * import { PaykkaCheckout } from '@paykka/checkout';
 * const checkout = await PaykkaCheckout.create({ sessionId, backendUrl });
 * checkout.mount('#dropin');
 *
 * Importing it does nothing: no browser global is read, nothing is fetched, defined or added to
 * the page (so it also imports on a server, while rendering). The SDK loads on the first
 * `PaykkaCheckout.create()`, `PaykkaCheckout.load()` or `loadPaykkaCheckout()`: its stylesheet,
 * the wasm-bindgen glue and the wasm, from beside this module (or `assetsUrl`), each checked
 * against its hash. The loader is sdk/core.js, shared with the script tag, pasted below by
 * scripts/build-sdk.sh.
 */

__CORE__

const VERSION = '__VERSION__';
/// The SDK once something asked for it (null before), and the folder its files come from
/// (null: beside this module).
let sdk = null;
let assets = null;

/// Where one of the SDK's files is. Beside this module, each written out as
/// `new URL('./file', import.meta.url)`: bundlers that follow that pattern emit the file and
/// rewrite the URL; esbuild leaves it as it is, so the files go beside the bundle (or anywhere,
/// named by `assetsUrl`). The locales, fetched by name, only ever come from beside.
function assetUrl(file) {
  if (assets) return new URL(file, assets).href;
  switch (file) {
    case 'paykka_checkout.js': return new URL('./paykka_checkout.js', import.meta.url).href;
    case 'paykka_checkout_bg.wasm': return new URL('./paykka_checkout_bg.wasm', import.meta.url).href;
    case 'paykka-checkout.css': return new URL('./paykka-checkout.css', import.meta.url).href;
    default: return new URL(file, import.meta.url).href;
  }
}

/// The SDK, made on first use with the options of `loadPaykkaCheckout` (if that came first).
function instance(options) {
  if (typeof document === 'undefined' || typeof window === 'undefined') {
    throw new Error('PayKKa Checkout runs in the browser: call it from client-side code, not while rendering on the server');
  }
  let wanted = null;
  if (options && options.assetsUrl != null) {
    wanted = new URL(String(options.assetsUrl), document.baseURI);
    if (!wanted.pathname.endsWith('/')) wanted.pathname += '/';
    wanted = wanted.href;
  }
  if (sdk) {
    if (wanted && wanted !== assets) {
      throw new Error('PayKKa Checkout already loads from ' + (assets || 'beside its module') + ': call loadPaykkaCheckout({ assetsUrl }) before the first create()');
    }
    return sdk;
  }
  if (!wanted && typeof import.meta.url !== 'string') {
    throw new Error('PayKKa Checkout cannot tell where its files are (import.meta.url is empty in this bundle): bundle it as an ES module, or pass loadPaykkaCheckout({ assetsUrl })');
  }
  assets = wanted;
  sdk = paykkaSdk(window, assetUrl, { stylesheet: !(options && options.stylesheet === false) });
  return sdk;
}

/// `run()`'s promise, or its exception as a rejected one (the API only ever rejects).
function attempt(run) {
  try { return Promise.resolve(run()); } catch (error) { return Promise.reject(error); }
}

/// The same API as the script tag's `window.PaykkaCheckout` (paykka-checkout.d.ts).
export const PaykkaCheckout = /* @__PURE__ */ Object.freeze({
  version: VERSION,
  /// Loads the SDK (once); resolves when it is ready.
  load: function () { return attempt(function () { return instance().load(); }); },
  /// Bytes of the SDK's wasm memory (0 before it loads).
  memoryBytes: function () { return sdk ? sdk.PaykkaCheckout.memoryBytes() : 0; },
  /// Checks the options, loads the session (and the SDK, the first time), resolves to a checkout.
  create: function (options) { return attempt(function () { return instance().PaykkaCheckout.create(options); }); },
});

/// Starts loading the SDK now (say when the cart shows, before the shopper goes to pay) and
/// defines the custom elements (<paykka-dropin>, <paykka-checkout> and its fields); resolves to
/// `PaykkaCheckout` once loaded. Options, for the first load:
///   assetsUrl   the folder the SDK's files are served from, when not beside this module
///   stylesheet  false when the page has imported '@paykka/checkout/style.css' itself
///   elements    false to leave the custom elements undefined
export function loadPaykkaCheckout(options) {
  return attempt(function () {
    const loaded = instance(options);
    if (!options || options.elements !== false) loaded.defineElements();
    return loaded.load().then(function () { return PaykkaCheckout; });
  });
}

export default PaykkaCheckout;
