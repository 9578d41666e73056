// A merchant's TypeScript against the published declarations (target/sdk/<version>/paykka-checkout.d.ts).
// `tsc --noEmit` must accept it: the end-to-end suite compiles it (tests/embedding.test.mjs).
import type { Checkout, CheckoutFailure, PaymentResult, PaymentSummary, FieldChange } from './paykka-checkout';

async function pay(sessionId: string): Promise<string> {
  const checkout: Checkout = await window.PaykkaCheckout.create({
    sessionId,
    backendUrl: 'https://shop.example.com',
    locale: 'fr-FR',
    translations: { 'fr-FR': { 'pay-button': 'Régler { $amount }' } },
    appearance: { theme: 'flat', variables: { colorPrimary: '#0a7c53' }, rules: { '.Input': { borderColor: '#333' } } },
    onChange: (change: FieldChange) => console.log(change.field, change.valid, change.brand),
    onPaymentCompleted: (payment: PaymentSummary | PaymentResult) => console.log(payment.orderId),
    onError: (error: CheckoutFailure) => console.warn(error.code, error.message),
    onSubmit: async ({ body, idempotencyKey }) => {
      const response = await fetch('/my/payments', { method: 'POST', headers: { 'idempotency-key': idempotencyKey }, body: JSON.stringify(body) });
      return response.json();
    },
  });
  const number = checkout.create('cardNumber');
  number.mount('#number');
  checkout.create('expiry').mount(document.getElementById('expiry')!);
  checkout.create('cvv').mount('#cvv');
  const result: PaymentResult = await checkout.submit();
  if (result.action?.type === 'qr') console.log(result.action.qrCode);
  number.unmount();
  checkout.destroy();
  return `${result.status} ${checkout.amount.value} ${checkout.amount.currency}`;
}

async function dropIn(): Promise<void> {
  const checkout = await PaykkaCheckout.create({ sessionId: 'CS1' });
  checkout.mount('#dropin');
  const element: HTMLElement = document.createElement('paykka-dropin');
  element.setAttribute('session-id', 'CS1');
}

export { pay, dropIn };
