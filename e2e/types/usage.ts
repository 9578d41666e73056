// A merchant's TypeScript against the published declarations (target/sdk/<version>/paykka-checkout.d.ts).
// `tsc --strict --noEmit` must accept it: the end-to-end suite compiles it (tests/embedding.test.mjs).
// It uses every option, the components' methods, the custom elements, their attributes and events,
// and switches over every error code: a code added to the SDK without a case here breaks the build.
import type {
  Checkout, CheckoutFailure, CheckoutOptions, ComponentKind, ErrorCode, FieldChange, PaymentAction,
  PaymentResult, PaymentSummary, PaykkaComponent, PaykkaElementAttribute, PaykkaElementEventMap,
} from './paykka-checkout';

/** What the shop says for each code; `never` makes a new code a compile error. */
function explain(code: ErrorCode): string {
  switch (code) {
    case 'number_empty':
    case 'number_incomplete':
    case 'number_too_long':
    case 'number_invalid':
    case 'number_unsupported':
    case 'expiry_empty':
    case 'expiry_incomplete':
    case 'expiry_month_invalid':
    case 'expiry_in_past':
    case 'expiry_too_far':
    case 'cvv_empty':
    case 'cvv_incomplete':
    case 'holder_name_empty':
    case 'holder_name_invalid':
    case 'invalid_fields':
      return 'check the card details';
    case 'amount_invalid':
    case 'amount_negative':
    case 'currency_unsupported':
      return 'the cart cannot be paid';
    case 'network_unavailable':
    case 'request_timed_out':
    case 'server_error':
    case 'invalid_response':
      return 'try again';
    case 'request_rejected':
    case 'too_many_requests':
    case 'payment_pending':
      return 'wait, then try again';
    case 'session_expired':
    case 'session_not_found':
    case 'session_completed':
      return 'start the checkout again';
    case 'secure_fields_unavailable':
    case 'field_not_mounted':
    case 'method_unavailable':
    case 'randomness_unavailable':
      return 'the page cannot take the payment';
    case 'card_declined':
    case 'insufficient_funds':
    case 'expired_card':
    case 'authentication_failed':
    case 'invalid_card':
    case 'invalid_cvv':
    case 'card_data_expired':
      return 'use another card';
    case 'payment_expired':
    case 'payment_failed':
      return 'the payment did not go through';
    default: {
      const unhandled: never = code;
      return unhandled;
    }
  }
}

function report(error: CheckoutFailure): void {
  const component: ComponentKind | undefined = error.code === 'field_not_mounted' ? error.component : undefined;
  console.warn(error.code, explain(error.code), error.message, component);
}

function onAction(action: PaymentAction): void {
  if (action.type === 'redirect') console.log(action.method, action.url, Object.keys(action.data));
  else console.log(action.qrCode, action.expiresAt);
}

// Every option of `CheckoutOptions`, so an option renamed in the declarations fails here.
function everyOption(sessionId: string): Required<CheckoutOptions> {
  return {
    sessionId,
    backendUrl: 'https://shop.example.com',
    locale: 'fr-FR',
    translations: { 'fr-FR': { 'pay-button': 'Régler { $amount }' } },
    appearance: { theme: 'flat', variables: { colorPrimary: '#0a7c53' }, rules: { '.Input': { borderColor: '#333' } } },
    returnUrl: 'https://shop.example.com/checkout',
    showPayButton: false,
    holderName: 'optional',
    allowStoredCardRemoval: false,
    labels: { cardNumber: 'Card number', holderName: 'Name on the card' },
    placeholders: { cvv: 'CVC', expiry: 'MM/YY' },
    paymentMethodsConfiguration: {
      card: { brands: ['visa', 'mastercard'], holderName: 'optional' },
      GooglePay: { buttonType: 'buy', buttonColor: 'white-outline' },
    },
    allowPaymentMethods: ['card', 'WECHATPAY'],
    removePaymentMethods: ['SOFORT'],
    onReady: () => console.log('ready'),
    onChange: (change: FieldChange) => console.log(change.field, change.valid, change.complete, change.brand),
    onFocus: (change: FieldChange) => console.log(change.field, change.focused),
    onBlur: (change: FieldChange) => console.log(change.field, change.empty),
    onValidityChange: (isValid: boolean) => console.log(isValid),
    onAdditionalAction: onAction,
    onPaymentCompleted: (payment: PaymentSummary) => console.log(payment.orderId, payment.amount.value, payment.card?.last4),
    onPaymentFailed: (payment: PaymentSummary) => { if (payment.failure) report(payment.failure); },
    onError: report,
    onExpired: () => console.log('expired'),
    onSubmit: async ({ body, idempotencyKey }) => {
      const response = await fetch('/my/payments', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, body: JSON.stringify(body) });
      return response.json();
    },
  };
}

async function pay(sessionId: string): Promise<string> {
  const checkout: Checkout = await window.PaykkaCheckout.create(everyOption(sessionId));
  const number: PaykkaComponent = checkout.create('cardNumber');
  number.mount('#number');
  checkout.create('expiry').mount(document.getElementById('expiry')!);
  checkout.create('cvv').mount('#cvv');
  const holder = checkout.create('holderName');
  holder.mount('#holder');
  number.focus();
  holder.clear();
  if (!checkout.isValid) return 'not yet';
  const result: PaymentResult = await checkout.submit({ storePaymentMethod: true });
  if (result.action) onAction(result.action);
  if (result.failure) report(result.failure);
  number.unmount();
  checkout.unmount();
  checkout.destroy();
  return `${result.status} ${checkout.amount.value} ${checkout.amount.currency}`;
}

async function dropIn(): Promise<void> {
  const checkout = await PaykkaCheckout.create({ sessionId: 'CS1' });
  checkout.create('card').mount('#card');
  checkout.mount('#dropin');
  console.log(PaykkaCheckout.version, PaykkaCheckout.memoryBytes(), await PaykkaCheckout.load());
}

/** The custom elements, their attributes and their events, typed. */
function elements(): void {
  const attributes: Record<PaykkaElementAttribute, string> = {
    'session-id': 'CS1', 'backend-url': '', locale: 'fr-FR', 'return-url': 'https://shop.example.com/checkout',
  };
  const dropin: HTMLElement = document.createElement('paykka-dropin');
  for (const [name, value] of Object.entries(attributes)) dropin.setAttribute(name, value);
  dropin.addEventListener('paykka-ready', (event) => console.log(event.detail));
  dropin.addEventListener('paykka-payment-completed', (event) => console.log(event.detail.orderId));
  dropin.addEventListener('paykka-payment-failed', (event) => console.log(event.detail.failure?.code));
  dropin.addEventListener('paykka-error', (event) => {
    if ('code' in event.detail) report(event.detail);
    else console.error(event.detail.message);
  });

  const group = document.createElement('paykka-checkout');
  group.setAttribute('session-id', 'CS2');
  group.append(
    document.createElement('paykka-card-number'),
    document.createElement('paykka-expiry'),
    document.createElement('paykka-cvv'),
    document.createElement('paykka-holder-name'),
  );
  group.addEventListener('paykka-change', (event) => console.log(event.detail.field, event.detail.valid));
  // They bubble out of shadow roots: the document hears them too.
  document.addEventListener('paykka-payment-completed', (event) => console.log(event.detail.sessionId));
  const events: (keyof PaykkaElementEventMap)[] = ['paykka-ready', 'paykka-change', 'paykka-payment-completed', 'paykka-payment-failed', 'paykka-error'];
  console.log(events);
  document.body.append(dropin, group);
  void group.submit().then((result: PaymentResult) => console.log(result.status, group.checkout?.isValid));
}

export { pay, dropIn, elements, explain };
