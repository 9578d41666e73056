// PayKKa Checkout: TypeScript declarations of the script-tag API (window.PaykkaCheckout).

export type Money = { value: number; currency: string };
export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'jcb' | 'discover' | 'diners' | 'unionpay' | 'unknown';

/** Why something failed: `code` is stable (e.g. `card-declined`), `message` is in the shopper's language. */
export interface CheckoutFailure { code: string; message: string }

/** What `onPaymentCompleted` / `onPaymentFailed` receive from the Drop-in. */
export interface PaymentSummary {
  sessionId: string;
  orderId: string | null;
  amount: Money;
  card: { brand: CardBrand; last4: string } | null;
  failure: CheckoutFailure | null;
}

/** What `submit()` resolves to. */
export interface PaymentResult {
  status: 'SUCCESS' | 'AUTHORIZED' | 'PROCESSING' | 'FAILURE' | string;
  sessionId: string;
  orderId: string | null;
  card: { brand: CardBrand; last4: string } | null;
  action: { type: 'redirect'; url: string } | { type: 'qr'; qrCode: string; expiresAt: string | null } | null;
  failure: CheckoutFailure | null;
}

/** One field's state, for `onChange`. */
export interface FieldChange {
  field: 'number' | 'expiry' | 'cvv' | 'holder';
  complete: boolean;
  valid: boolean;
  empty: boolean;
  brand: CardBrand | null;
}

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
  /** Whether shoppers may remove saved cards (default true). */
  allowStoredCardRemoval?: boolean;
  onReady?: () => void;
  onChange?: (change: FieldChange) => void;
  onPaymentCompleted?: (payment: PaymentSummary | PaymentResult) => void;
  onPaymentFailed?: (payment: PaymentSummary | PaymentResult) => void;
  onError?: (error: CheckoutFailure) => void;
  /**
   * The advanced flow: route each payment through your own call instead of the default
   * `POST {backendUrl}/api/payments`. Receives the request the SDK would send (card data
   * encrypted) and its idempotency key; resolve with your backend's answer (same shape as
   * `/api/payments`: `{ status, order_id, action, failure }`) and the checkout continues from it
   * (3DS redirect, QR code, result). Reject with `{ code }` to report an error.
   */
  /** The session has expired: no payment can be made with it; create a new session. */
  onExpired?: () => void;
  onSubmit?: (request: { body: Record<string, unknown>; idempotencyKey: string }) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

export type ComponentKind = 'cardNumber' | 'expiry' | 'cvv' | 'holderName' | 'card';

export interface PaykkaComponent {
  /** Mounts into an element or the first element matching a CSS selector. */
  mount(target: string | HTMLElement): void;
  unmount(): void;
}

/** Options of one `submit()` in Component mode. */
export interface SubmitOptions {
  /** The shopper asked to save the card for next time (honoured where the session offers saving; a subscription saves anyway). */
  storePaymentMethod?: boolean;
}

export interface Checkout {
  /** The session's amount, as it will be charged. */
  readonly amount: Money;
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

declare global {
  interface Window { PaykkaCheckout: PaykkaCheckoutStatic }
  const PaykkaCheckout: PaykkaCheckoutStatic;
  interface PaykkaCheckoutElement extends HTMLElement {
    /** The checkout, once it started. */
    readonly checkout: Checkout | null;
    /** Pays with the fields inside. */
    submit(options?: SubmitOptions): Promise<PaymentResult>;
  }
  interface HTMLElementTagNameMap {
    'paykka-dropin': HTMLElement;
    'paykka-checkout': PaykkaCheckoutElement;
    'paykka-card-number': HTMLElement;
    'paykka-expiry': HTMLElement;
    'paykka-cvv': HTMLElement;
    'paykka-holder-name': HTMLElement;
  }
}
