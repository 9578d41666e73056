/* PayKKa Checkout __VERSION__: the loader's core, shared by the script tag (sdk/loader.js) and the
 * ES module (sdk/module.js, the npm package's entry); scripts/build-sdk.sh pastes it into both.
 * https://github.com/paykka/paykka-checkout
 *
 * Defining it does nothing: no browser global is read until `paykkaSdk` is called, and nothing
 * is fetched or defined until its `load()`, `PaykkaCheckout.create()` or `defineElements()` is.
 */

/// The SDK for the page of `global` (its window), its files found at `url(file)` for
/// 'paykka_checkout.js' (the wasm-bindgen glue), 'paykka_checkout_bg.wasm', 'paykka-checkout.css'
/// and 'locales/' (the folder of the locales other than en-US).
///   settings.stylesheet  false: the page has the stylesheet already (a bundler put it there),
///                        so none is added to <head> (the custom elements' shadow roots still
///                        link their own)
/// Returns { PaykkaCheckout, load, defineElements }.
function paykkaSdk(global, url, settings) {
  var VERSION = '__VERSION__';
  var INTEGRITY = __INTEGRITY__;
  var GLUE_GLOBAL = '__paykka_wasm_' + VERSION.replace(/\W/g, '_');
  var loading = null;
  var wasmExports = null;

  function stylesheet(parent) {
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url('paykka-checkout.css');
    link.integrity = INTEGRITY['paykka-checkout.css'];
    link.crossOrigin = 'anonymous';
    link.setAttribute('data-paykka-css', VERSION);
    parent.appendChild(link);
    return link;
  }

  function script(src, integrity) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement('script');
      el.src = src;
      el.integrity = integrity;
      el.crossOrigin = 'anonymous';
      el.onload = function () { resolve(el); };
      el.onerror = function () { el.remove(); reject(new Error('could not load ' + src + ' (network error, or its integrity hash does not match)')); };
      document.head.appendChild(el);
    });
  }

  /// The wasm, compiled as it streams in (V8 compiles each function on its first call, so this
  /// is mostly decoding), fetched alongside the glue rather than after it.
  function wasmModule(name) {
    var file = url(name);
    return fetch(file, { integrity: INTEGRITY[name], mode: 'cors', credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) throw new Error('could not load ' + file + ' (HTTP ' + response.status + ')');
        // compileStreaming insists on the wasm MIME type; a server that sends another still works.
        if (WebAssembly.compileStreaming && /^application\/wasm\b/.test(response.headers.get('content-type') || '')) {
          return WebAssembly.compileStreaming(response);
        }
        return response.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
      });
  }

  /// The wasm's chunks (`split_*.wasm`), each fetched and compiled once, whether the loader
  /// prefetched it or the wasm asked first; after a failure the next request tries again.
  var chunkModules = {};
  function chunk(name) {
    if (!chunkModules[name]) {
      var module = chunkModules[name] = wasmModule(name);
      module.catch(function () { if (chunkModules[name] === module) delete chunkModules[name]; });
    }
    return chunkModules[name];
  }

  /// The chunks a checkout will ask for, started beside the SDK's own download rather than after
  /// it has run: the appearance parser when the options give an appearance (every checkout
  /// reads it); and given a Drop-in's `session` once it answers the loader, a QR method's, a
  /// wallet's the browser has the API of, and the shopper's saved cards' (methods the options
  /// leave out are not counted). A checkout made by `create()` may become Component mode, which
  /// pays by card only: its methods' chunks wait for the Drop-in's first render.
  function prefetchChunks(options, session) {
    var names = [];
    if (options && options.appearance) names.push('split_appearance.wasm');
    if (session) {
      var allow = Array.isArray(options.allowPaymentMethods) ? options.allowPaymentMethods : null;
      var remove = Array.isArray(options.removePaymentMethods) ? options.removePaymentMethods : [];
      (session.payment_methods || []).forEach(function (m) {
        if (!m || (allow && allow.indexOf(m.payment_method) < 0) || remove.indexOf(m.payment_method) >= 0) return;
        if (m.flow === 'qr') names.push('split_qr.wasm');
        // A wallet this browser has no API for is never offered: its code is not needed.
        if (m.flow === 'wallet' && global[m.payment_method === 'ApplePay' ? 'ApplePaySession' : 'PaymentRequest']) names.push('split_wallets.wasm');
      });
      if (Array.isArray(session.saved_cards) && session.saved_cards.length) names.push('split_stored_cards.wasm');
    }
    names.forEach(function (name) { if (INTEGRITY[name]) chunk(name).catch(function () {}); });
  }

  /// Loads the SDK once; later calls share the same promise. After a failure, the next call
  /// tries again.
  function load() {
    if (loading) return loading;
    if (settings.stylesheet !== false && !document.querySelector('link[data-paykka-css="' + VERSION + '"]')) stylesheet(document.head);
    var module = wasmModule('paykka_checkout_bg.wasm');
    module.catch(function () {}); // Reported through `loading` below.
    loading = Promise.all([script(url('paykka_checkout.js'), INTEGRITY['paykka_checkout.js']), module])
      .then(function (parts) {
        var glue = global[GLUE_GLOBAL];
        if (!glue) throw new Error('the SDK glue did not define itself');
        // The code only some sessions need (split_*.wasm), fetched from beside this file when
        // the wasm asks, checked the same way; a chunk without a known hash is refused.
        glue.loadChunk = function (name) {
          if (!INTEGRITY[name]) return Promise.reject(new Error('unknown SDK chunk ' + name));
          return chunk(name);
        };
        return glue({ module_or_path: parts[1] }).then(function (exports) {
          wasmExports = exports;
          // Shoppers' locales other than en-US come from beside this file, checked the same way.
          glue.configureLocales(url('locales/'), INTEGRITY);
          // `checkout.create(kind)` as documented (the wasm exports it as createComponent).
          var proto = glue.PaykkaCheckout.prototype;
          if (!proto.create) proto.create = function (kind) { return this.createComponent(kind); };
          return glue;
        });
      })
      .catch(function (error) {
        loading = null;
        throw new Error('PayKKa Checkout could not load: ' + (error && error.message ? error.message : error));
      });
    return loading;
  }

  function sessionPath(id) { return '/api/sessions/' + id; }

  /// The session and its payment so far, asked for from the merchant backend while the SDK
  /// downloads: the wasm takes these answers instead of asking again (a round trip less before
  /// the checkout shows). Only for options the wasm will accept; it checks them all again.
  function earlyResponses(options) {
    var id = options && options.sessionId;
    var base = options && options.backendUrl != null ? options.backendUrl : '';
    if (typeof id !== 'string' || !/^[\w-]{1,64}$/.test(id)) return undefined;
    if (typeof base !== 'string' || !/^(https?:\/\/|\/|$)/.test(base) || !global.AbortSignal || !AbortSignal.timeout) return undefined;
    base = base.replace(/\/+$/, '');
    var early = {};
    [sessionPath(id), sessionPath(id) + '/result'].forEach(function (path) {
      // The wasm's own requests wait 15 s for the backend; so does this one.
      var response = fetch(base + path, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(15000) });
      response.catch(function () {}); // Read (and reported) by the wasm, or dropped if create fails first.
      early[path] = response;
    });
    return early;
  }

  /// The first `Intl.NumberFormat` in a page loads ICU's number data: 15-20 ms of main thread
  /// on a 2-core machine, which the checkout's first render (its amounts) would otherwise pay
  /// for. Paid here instead, while the SDK is still on the wire; not for a shopper in en-US,
  /// whose amounts the SDK writes without `Intl` (the session's language comes first, as there).
  var numbersWarm = false;
  function warmNumberFormat(options, session) {
    var locale = (session && session.display_locale) || (options && options.locale) || navigator.language || '';
    if (numbersWarm || /^en(-US)?$/i.test(locale)) return;
    numbersWarm = true;
    try { new Intl.NumberFormat().format(0); } catch (e) { /* formatted then, or a fallback */ }
  }

  /// The card number's secure frame, started as soon as the session says where frames come from,
  /// so its page, script and wasm download beside the SDK's instead of after the checkout has
  /// rendered. It waits hidden at the end of <body> until a card number field of this checkout
  /// moves it into place with `moveBefore`, which keeps a frame's document (without it, nothing
  /// is started here). The wasm checks everything again (channel, origin) before it adopts it.
  ///   session  the session id: only that checkout's card forms take it
  ///   channel  the frame's message channel, 16 random bytes in hex, as the wasm makes them
  ///   iframe   the element, once the session answered (null before, and when nothing started)
  ///   ready    whether the frame has said so (its one `ready` may come before anyone listens)
  ///   claimed  set by the wasm when it takes the frame or decides not to: nothing starts after
  function numberFrame(options, sessionAnswer) {
    if (!sessionAnswer || !Element.prototype.moveBefore || !global.crypto || !crypto.getRandomValues) return undefined;
    // No random channel, no early frame (never a predictable one): the wasm then finds the
    // random source broken itself and shows its localized error instead of a card form.
    var bytes = new Uint8Array(16);
    try { crypto.getRandomValues(bytes); } catch (e) { return undefined; }
    var frame = { session: options.sessionId, channel: '', origin: '', iframe: null, ready: false, claimed: false };
    for (var i = 0; i < bytes.length; i += 1) frame.channel += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    if (/^0+$/.test(frame.channel)) return undefined;
    sessionAnswer.then(function (session) {
      if (frame.claimed || !session || !document.body || session.status === 'EXPIRED' || session.status === 'COMPLETED') return;
      var hasCard = (session.payment_methods || []).some(function (m) { return m && m.flow === 'card'; });
      var origin = typeof session.gateway_origin === 'string' ? session.gateway_origin.replace(/\/+$/, '') : '';
      if (!hasCard || !/^https?:\/\/[^/?#@\s]+$/.test(origin) || new URL(origin).origin !== origin) return;
      var locale = typeof options.locale === 'string' && /^[A-Za-z0-9-]{1,35}$/.test(options.locale) ? options.locale : 'en-US';
      var iframe = document.createElement('iframe');
      iframe.referrerPolicy = 'no-referrer';
      iframe.setAttribute('aria-hidden', 'true');
      iframe.tabIndex = -1;
      // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'; `important`,
      // so a stylesheet's `iframe { display: block }` cannot show it.
      iframe.style.setProperty('display', 'none', 'important');
      iframe.setAttribute('data-paykka-prewarmed', '');
      iframe.src = origin + '/frames/card-field.html#field=number&ch=' + frame.channel + '&origin=' + encodeURIComponent(location.origin) + '&locale=' + locale;
      function onMessage(event) {
        if (event.source !== iframe.contentWindow || event.origin !== origin || typeof event.data !== 'string') return;
        if (event.data.indexOf('ch=' + frame.channel) >= 0 && /(^|&)t=ready(&|$)/.test(event.data)) {
          frame.ready = true;
          global.removeEventListener('message', onMessage);
        }
      }
      global.addEventListener('message', onMessage);
      frame.origin = origin;
      frame.iframe = iframe;
      document.body.appendChild(iframe);
    }).catch(function () {});
    return frame;
  }

  /// A started number frame nobody will use (the checkout failed or was never mounted).
  function dropNumberFrame(frame) {
    if (!frame || frame.claimed) return;
    frame.claimed = true;
    if (frame.iframe) frame.iframe.remove();
  }

  var PaykkaCheckout = {
    version: VERSION,
    load: load,
    /// Bytes of the SDK's wasm memory (0 before it loads): for leak checks and size budgets.
    memoryBytes: function () { return wasmExports && wasmExports.memory ? wasmExports.memory.buffer.byteLength : 0; },
    /// Checks the options, loads the session, and resolves to a checkout (see the README).
    create: function (options) { return createCheckout(options, false); },
  };

  /// `PaykkaCheckout.create`; `dropIn` when the checkout is known to become a Drop-in (the
  /// `<paykka-dropin>` element), whose methods' chunks are then fetched with the session.
  function createCheckout(options, dropIn) {
    var early = earlyResponses(options);
    // The session as the loader reads it (a copy of the answer: the wasm reads its own).
    var session = early && early[sessionPath(options.sessionId)]
      .then(function (response) { return response.ok ? response.clone().json() : null; })
      .catch(function () { return null; });
    var frame = numberFrame(options, session);
    var loaded = load();
    prefetchChunks(options, null);
    if (session) session.then(function (s) { warmNumberFormat(options, s); if (dropIn) prefetchChunks(options, s); });
    else warmNumberFormat(options, null);
    return loaded.then(function (glue) { return glue.PaykkaCheckout.create(options, early, frame); })
      .catch(function (error) { dropNumberFrame(frame); throw error; });
  }

  function defineElements() {
    if (!global.customElements || global.customElements.get('paykka-dropin')) return;
    /// <paykka-dropin session-id="CS..." backend-url="" locale="fr-FR"></paykka-dropin>
    /// Renders in its own shadow root, so it also works inside the merchant's shadow roots.
    /// Events: paykka-ready, paykka-payment-completed, paykka-payment-failed, paykka-error
    /// (each with the callback's object as `detail`).
    /// The options an element's attributes give, with its callbacks dispatched as
    /// `paykka-*` events (each with the callback's object as `detail`).
    function elementOptions(host, callbacks) {
      var options = {
        sessionId: host.getAttribute('session-id') || '',
        backendUrl: host.getAttribute('backend-url') || '',
      };
      if (host.hasAttribute('locale')) options.locale = host.getAttribute('locale');
      if (host.hasAttribute('return-url')) options.returnUrl = host.getAttribute('return-url');
      Object.keys(callbacks).forEach(function (name) {
        var event = callbacks[name];
        options[name] = function (detail) { host.dispatchEvent(new CustomEvent(event, { detail: detail, bubbles: true, composed: true })); };
      });
      return options;
    }
    var PAYMENT_EVENTS = { onPaymentCompleted: 'paykka-payment-completed', onPaymentFailed: 'paykka-payment-failed', onError: 'paykka-error' };

    class CheckoutElement extends HTMLElement {}
    CheckoutElement.prototype.connectedCallback = function () {
      if (this._paykka) return;
      var host = this;
      var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
      root.textContent = '';
      stylesheet(root);
      var target = document.createElement('div');
      target.setAttribute('part', 'checkout');
      root.appendChild(target);
      var options = elementOptions(host, Object.assign({ onReady: 'paykka-ready' }, PAYMENT_EVENTS));
      host._paykka = createCheckout(options, true).then(function (checkout) {
        if (!host.isConnected) { checkout.destroy(); return null; }
        checkout.mount(target);
        return checkout;
      }, function (error) { options.onError(error); return null; });
    };
    CheckoutElement.prototype.disconnectedCallback = function () {
      var pending = this._paykka;
      this._paykka = null;
      if (pending) pending.then(function (checkout) { if (checkout) checkout.destroy(); });
    };
    global.customElements.define('paykka-dropin', CheckoutElement);

    /// Component mode in HTML:
    /// <paykka-checkout session-id="CS..."> <paykka-card-number></paykka-card-number>
    ///   <paykka-expiry></paykka-expiry> <paykka-cvv></paykka-cvv> <paykka-holder-name></paykka-holder-name>
    /// </paykka-checkout>, then `document.querySelector('paykka-checkout').submit()`.
    var FIELD_KINDS = { 'paykka-card-number': 'cardNumber', 'paykka-expiry': 'expiry', 'paykka-cvv': 'cvv', 'paykka-holder-name': 'holderName' };
    function adoptStyles(node) {
      var root = node.getRootNode();
      if (root instanceof ShadowRoot && !root.querySelector('link[data-paykka-css]')) stylesheet(root);
    }
    class FieldElement extends HTMLElement {
      connectedCallback() {
        var group = this.closest('paykka-checkout');
        if (group && group.checkout) this._mountInto(group.checkout);
      }
      _mountInto(checkout) {
        if (this._part) return;
        this._part = checkout.create(FIELD_KINDS[this.localName]);
        this._part.mount(this);
      }
      disconnectedCallback() {
        if (this._part) { this._part.unmount(); this._part = null; }
      }
    }
    Object.keys(FIELD_KINDS).forEach(function (tag) { global.customElements.define(tag, class extends FieldElement {}); });

    class CheckoutGroupElement extends HTMLElement {
      connectedCallback() {
        if (this._paykka) return;
        var host = this;
        adoptStyles(host);
        var options = elementOptions(host, Object.assign({ onChange: 'paykka-change' }, PAYMENT_EVENTS));
        host._paykka = PaykkaCheckout.create(options).then(function (checkout) {
          if (!host.isConnected) { checkout.destroy(); return null; }
          host.checkout = checkout;
          host.querySelectorAll(Object.keys(FIELD_KINDS).join(',')).forEach(function (el) { el._mountInto(checkout); });
          host.dispatchEvent(new CustomEvent('paykka-ready', { bubbles: true, composed: true }));
          return checkout;
        }, function (error) { options.onError(error); return null; });
      }
      /// Pays with the fields inside: resolves to the payment's result (see checkout.submit()).
      submit(options) {
        return (this._paykka || Promise.reject(new Error('not connected'))).then(function (checkout) {
          if (!checkout) throw new Error('PaykkaCheckout: this checkout could not start');
          return checkout.submit(options);
        });
      }
      disconnectedCallback() {
        var pending = this._paykka;
        this._paykka = null;
        this.checkout = null;
        if (pending) pending.then(function (checkout) { if (checkout) checkout.destroy(); });
      }
    }
    global.customElements.define('paykka-checkout', CheckoutGroupElement);
  }

  return { PaykkaCheckout: PaykkaCheckout, load: load, defineElements: defineElements };
}
