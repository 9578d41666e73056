// PayKKa Checkout: TypeScript declarations of its JS API, the same through the npm package
// (`import { PaykkaCheckout } from '@paykka/checkout'`) and the script tag (window.PaykkaCheckout).
// The lines marked `// script tag only` are left out of the npm package's copy (scripts/build-npm.sh).

export type Money = { value: number; currency: string };
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'jcb' | 'discover' | 'diners' | 'unionpay' | 'unknown';

/**
 * Every `code` an error or a failure can have: snake_case, one list, and the same words as your
 * backend's `failure.code` (a card expired is `expired_card` on both sides). Your backend's other
 * refusals (`invalid_request`, `malformed_json`, `shipping_required`, ...) reach the page as
 * `request_rejected`, a 5xx (`database_unavailable`) as `server_error`. A new code comes with a
 * release: a `switch` with a `never` default tells you at build time.
 */
export type ErrorCode =
  // The card fields (`submit()` rejects with `invalid_fields`; each field says its own).
  | 'number_empty' | 'number_incomplete' | 'number_too_long' | 'number_invalid' | 'number_unsupported'
  | 'expiry_empty' | 'expiry_incomplete' | 'expiry_month_invalid' | 'expiry_in_past' | 'expiry_too_far'
  | 'cvv_empty' | 'cvv_incomplete' | 'holder_name_empty' | 'holder_name_invalid'
  | 'amount_invalid' | 'amount_negative' | 'currency_unsupported'
  // Reaching your backend, and what it refused.
  | 'network_unavailable' | 'request_timed_out' | 'server_error' | 'invalid_response' | 'request_rejected'
  | 'too_many_requests' | 'payment_pending'
  // The session.
  | 'session_expired' | 'session_not_found' | 'session_completed'
  // The page.
  | 'secure_fields_unavailable' | 'field_not_mounted' | 'method_unavailable' | 'randomness_unavailable'
  // A payment's `failure.code`: declined, or not completed.
  | 'card_declined' | 'insufficient_funds' | 'expired_card' | 'authentication_failed' | 'invalid_card'
  | 'invalid_cvv' | 'payment_expired' | 'card_data_expired' | 'payment_failed'
  // `submit()` found fields that need attention (each says what is wrong beside it).
  | 'invalid_fields';

/** Why something failed: `code` is stable (e.g. `card_declined`), `message` is in the shopper's language. */
export interface CheckoutFailure {
  code: ErrorCode;
  message: string;
  /** With `code: 'field_not_mounted'`: the component the payment needs and nobody mounted. */
  component?: 'cardNumber' | 'expiry' | 'cvv' | 'holderName';
}

/** What `onPaymentCompleted` / `onPaymentFailed` receive from the Drop-in. */
export interface PaymentSummary {
  sessionId: string;
  orderId: string | null;
  amount: Money;
  card: { brand: CardBrand; last4: string } | null;
  failure: CheckoutFailure | null;
}

/** The gateway's next step: a page to visit (3-D Secure, a bank's; a form POST of `data` when `method` is `POST`) or a QR code to show. */
export type PaymentAction =
  | { type: 'redirect'; url: string; method: 'GET' | 'POST'; data: Record<string, string> }
  | { type: 'qr'; qrCode: string; expiresAt: string | null };

/** What `submit()` resolves to. */
export interface PaymentResult {
  status: 'SUCCESS' | 'AUTHORIZED' | 'PROCESSING' | 'FAILURE' | string;
  sessionId: string;
  orderId: string | null;
  card: { brand: CardBrand; last4: string } | null;
  action: PaymentAction | null;
  failure: CheckoutFailure | null;
}

/** One field's state, for `onChange`, `onFocus` and `onBlur`. */
export interface FieldChange {
  field: 'number' | 'expiry' | 'cvv' | 'holder';
  complete: boolean;
  valid: boolean;
  empty: boolean;
  focused: boolean;
  /** The number field's brand as detected so far; `null` for the other fields. */
  brand: CardBrand | null;
}

/** Your words for the card fields, replacing ours. */
export interface FieldTexts { cardNumber?: string; expiry?: string; cvv?: string; holderName?: string }

/** Theme, variables and per-element rules, in the shape of Stripe's Appearance API. */
export interface Appearance {
  theme?: 'light' | 'dark' | 'flat' | 'system';
  variables?: Partial<Record<
    | 'colorPrimary' | 'colorBackground' | 'colorText' | 'colorTextSecondary' | 'colorTextPlaceholder'
    | 'colorDanger' | 'colorSuccess' | 'colorInputBackground' | 'colorBorder' | 'fontFamily'
    | 'fontSizeBase' | 'fontWeightNormal' | 'borderRadius' | 'spacingUnit', string>>;
  rules?: Partial<Record<
    | '.Input' | '.Input:focus' | '.Input--invalid' | '.Label' | '.Error' | '.Button' | '.Button:hover'
    | '.Tab' | '.Tab--selected', Record<string, string>>>;
}

/** A wallet's button: `'pay'` ("Pay with Google Pay", the default), `'buy'`, `'checkout'`, `'donate'`, or `'plain'` (the name alone); white on black by default. */
export interface WalletButtonOptions {
  buttonType?: 'plain' | 'pay' | 'buy' | 'checkout' | 'donate';
  buttonColor?: 'black' | 'white' | 'white-outline';
}

export interface CheckoutOptions {
  /** The session your backend created (POST /api/sessions). */
  sessionId: string;
  /** Your backend's origin (and prefix); '' or omitted for this page's own origin. */
  backendUrl?: string;
  /** The shopper's language when the session names none, e.g. 'fr-FR'. */
  locale?: string;
  /**
   * Your own wording, per locale: message ids of `locales/en-US/checkout.ftl` to Fluent patterns,
   * e.g. `{ 'en-US': { 'pay-button': 'Place order · { $amount }' } }`. A locale we do not ship
   * becomes available (English fills its gaps). Applies to every checkout of the page.
   */
  translations?: Record<string, Record<string, string>>;
  /** Your look, as custom properties (values are checked: colours, lengths, fonts only). */
  appearance?: Appearance;
  /** Where 3DS and redirect methods bring the shopper back; defaults to this page. */
  returnUrl?: string;
  /** Whether the Drop-in shows its own Pay button (default true); without it, call `submit()`. */
  showPayButton?: boolean;
  /**
   * Whether the card form asks for the holder's name: `'required'`, `'optional'`, or `'hidden'`.
   * Left out, the Drop-in and the `card` component do not ask (as Adyen's), and a `holderName`
   * component you mount is read when filled; `'hidden'` refuses `create('holderName')`.
   */
  holderName?: 'required' | 'optional' | 'hidden';
  /** Whether shoppers may remove saved cards (default true). */
  allowStoredCardRemoval?: boolean;
  /** Your labels for the card fields. */
  labels?: FieldTexts;
  /** Your placeholders for the card fields. */
  placeholders?: FieldTexts;
  /**
   * Per-method options, by method code: for `card` the brands to take (within the session's) and
   * the holder's name; for `ApplePay` and `GooglePay` what their button says and its colours.
   * Any other method or option is a `TypeError`.
   */
  paymentMethodsConfiguration?: {
    card?: { brands?: Exclude<CardBrand, 'unknown'>[]; holderName?: 'required' | 'optional' | 'hidden' };
    ApplePay?: WalletButtonOptions;
    GooglePay?: WalletButtonOptions;
  };
  /** Only these of the session's methods, in this order (`'card'` for cards, else PayKKa's codes). */
  allowPaymentMethods?: string[];
  /** These of the session's methods never shown. */
  removePaymentMethods?: string[];
  /** The chosen way to pay can be used: its secure fields are loaded (not at mount). Once. */
  onReady?: () => void;
  onChange?: (change: FieldChange) => void;
  onFocus?: (change: FieldChange) => void;
  onBlur?: (change: FieldChange) => void;
  /** The card fields became valid, or stopped being (see `checkout.isValid`). */
  onValidityChange?: (isValid: boolean) => void;
  /**
   * Set to take the gateway's next step yourself (visit the 3-D Secure or bank page, show the QR
   * code): the checkout then neither leaves the page nor draws the code, and still reports the
   * result through `onPaymentCompleted` / `onPaymentFailed`.
   */
  onAdditionalAction?: (action: PaymentAction) => void;
  /** The payment succeeded (or was authorised), however it was made: one shape in every mode. */
  onPaymentCompleted?: (payment: PaymentSummary) => void;
  /**
   * The gateway declined a payment. A failure is reported once: while a `submit()` call waits,
   * its promise reports it (resolved with `status: 'FAILURE'`, or rejected for an error) and
   * `onPaymentFailed` / `onError` stay silent; otherwise (the Drop-in's own Pay button, a QR or
   * 3-D Secure result learnt later) these callbacks do.
   */
  onPaymentFailed?: (payment: PaymentSummary) => void;
  onError?: (error: CheckoutFailure) => void;
  /** The session has expired: no payment can be made with it; create a new session. */
  onExpired?: () => void;
  /**
   * The advanced flow: route each payment through your own call instead of the default
   * `POST {backendUrl}/api/payments`. Receives the request the SDK would send (card data
   * encrypted) and its idempotency key; resolve with your backend's answer (same shape as
   * `/api/payments`: `{ status, order_id, action, failure }`) and the checkout continues from it
   * (3DS redirect, QR code, result). Reject with `{ code }` to report an error, read as your
   * backend's `error.code` would be (`payment_pending`, `session_expired`; others `request_rejected`).
   */
  onSubmit?: (request: { body: Record<string, unknown>; idempotencyKey: string }) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

export type ComponentKind = 'cardNumber' | 'expiry' | 'cvv' | 'holderName' | 'card';

export interface PaykkaComponent {
  /** Mounts into an element or the first element matching a CSS selector. */
  mount(target: string | HTMLElement): void;
  unmount(): void;
  /** Puts the focus in the component's field (the number's, for `card`). */
  focus(): void;
  /** Empties the component's field (every field, for `card`). */
  clear(): void;
}

/** Options of one `submit()` in Component mode. */
export interface SubmitOptions {
  /** The shopper asked to save the card for next time (honoured where the session offers saving; a subscription saves anyway). */
  storePaymentMethod?: boolean;
}

export interface Checkout {
  /** The session's amount, as it will be charged. */
  readonly amount: Money;
  /** Whether the card components hold a payable card now. */
  readonly isValid: boolean;
  /** Mounts the whole Drop-in. Throws if the element already holds a checkout. */
  mount(target: string | HTMLElement): void;
  /** A Component, to mount in your own layout. */
  create(kind: ComponentKind): PaykkaComponent;
  /** Pays with the mounted card components (your own Pay button); a Drop-in without its Pay button pays its own form. */
  submit(options?: SubmitOptions): Promise<PaymentResult>;
  /** Removes everything this checkout mounted. */
  unmount(): void;
  /** Unmounts, aborts requests, frees the checkout. */
  destroy(): void;
}

export interface PaykkaCheckoutStatic {
  readonly version: string;
  /** Bytes of the SDK's wasm memory (0 before it loads). */
  memoryBytes(): number;
  /** Loads the SDK (once); resolves when it is ready. */
  load(): Promise<unknown>;
  create(options: CheckoutOptions): Promise<Checkout>;
}

/** What `loadPaykkaCheckout()` takes (the ES module only: the script tag loads from beside itself). */
export interface LoadOptions {
  /**
   * The folder the SDK's files are served from (`paykka_checkout.js`, `paykka_checkout_bg.wasm`,
   * `paykka-checkout.css`, `locales/`), relative to the page; by default, beside the module.
   */
  assetsUrl?: string | URL;
  /** `false` when your page has the stylesheet already (`import '@paykka/checkout/style.css'`). */
  stylesheet?: boolean;
  /** `false` to leave `<paykka-dropin>`, `<paykka-checkout>` and its fields undefined. */
  elements?: boolean;
}

/** The ES module's SDK: importing it does nothing; it loads on the first `create()` or `load()`. */
export declare const PaykkaCheckout: PaykkaCheckoutStatic;
export default PaykkaCheckout;
/**
 * Loads the SDK now (once; its options apply if it is the first to load it) and defines the
 * custom elements; resolves to `PaykkaCheckout`.
 */
export declare function loadPaykkaCheckout(options?: LoadOptions): Promise<PaykkaCheckoutStatic>;

/**
 * The attributes `<paykka-dropin>` and `<paykka-checkout>` read when they connect: the options
 * `sessionId`, `backendUrl`, `locale` and `returnUrl`.
 */
export type PaykkaElementAttribute = 'session-id' | 'backend-url' | 'locale' | 'return-url';

/**
 * The events of `<paykka-dropin>` and `<paykka-checkout>`, each a `CustomEvent` with the
 * callback's object as `detail`; they bubble and cross shadow roots (`composed`), so a listener
 * on any ancestor, or the document, hears them.
 */
export interface PaykkaElementEventMap {
  /** `<paykka-dropin>`: `onReady`. `<paykka-checkout>`: its checkout started, its fields mounted. */
  'paykka-ready': CustomEvent<null>;
  /** `<paykka-checkout>` only: `onChange`. */
  'paykka-change': CustomEvent<FieldChange>;
  'paykka-payment-completed': CustomEvent<PaymentSummary>;
  'paykka-payment-failed': CustomEvent<PaymentSummary>;
  /** `onError`; an `Error` (a `TypeError` naming a wrong attribute) when the checkout could not start. */
  'paykka-error': CustomEvent<CheckoutFailure | Error>;
}

declare global {
  interface Window { PaykkaCheckout: PaykkaCheckoutStatic } // script tag only
  const PaykkaCheckout: PaykkaCheckoutStatic; // script tag only
  interface GlobalEventHandlersEventMap extends PaykkaElementEventMap {}
  interface PaykkaCheckoutElement extends HTMLElement {
    /** The checkout, once it started. */
    readonly checkout: Checkout | null;
    /** Pays with the fields inside. */
    submit(options?: SubmitOptions): Promise<PaymentResult>;
  }
  interface HTMLElementTagNameMap {
    /** The Drop-in; attributes: `PaykkaElementAttribute`; events: `PaykkaElementEventMap` but `paykka-change`. */
    'paykka-dropin': HTMLElement;
    /** Component mode around the field elements below; attributes: `PaykkaElementAttribute`; events: `PaykkaElementEventMap`. */
    'paykka-checkout': PaykkaCheckoutElement;
    'paykka-card-number': HTMLElement;
    'paykka-expiry': HTMLElement;
    'paykka-cvv': HTMLElement;
    'paykka-holder-name': HTMLElement;
  }
}
