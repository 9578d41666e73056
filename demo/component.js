// The Components demo, written as a merchant would: its own layout and button, PayKKa fields.
// Where the order ships: the shop's address step, before payment, asked for it.
const SHIPPING = { first_name: 'Ada', last_name: 'Lovelace', address_line1: "12 St James's Square", city: 'London', postal_code: 'SW1Y 4JH', country: 'GB' };

(async function () {
  const form = document.getElementById('card-form');
  const button = document.getElementById('pay');
  const error = document.getElementById('pay-error');
  const status = document.getElementById('demo-status');
  const show = (text) => { status.textContent = text; };

  // Back from a 3DS challenge: ask our backend how it ended (never trust the URL).
  const returning = new URLSearchParams(location.search).get('session_id');
  let sessionId = returning;
  if (returning) {
    const result = await fetch(`/api/sessions/${encodeURIComponent(returning)}/result`).then((r) => r.json());
    if (result.status === 'SUCCESS' || result.status === 'AUTHORIZED') {
      form.hidden = true;
      show(`Payment successful. Order reference: ${result.order_id}`);
      return;
    }
    if (result.failure) error.textContent = result.failure.message;
  } else {
    const response = await fetch('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cart: [{ sku: 'kettle-pour-over', quantity: 1 }], shipping: SHIPPING, mode: 'component' }),
    });
    if (!response.ok) { show('The shop could not start a checkout. Reload to try again.'); return; }
    sessionId = (await response.json()).session_id;
  }

  let checkout;
  try {
    checkout = await PaykkaCheckout.create({ sessionId, onError: (e) => { error.textContent = e.message; } });
  } catch (e) {
    show(`The checkout could not start: ${e.message}`);
    return;
  }
  checkout.create('cardNumber').mount('#card-number');
  checkout.create('expiry').mount('#card-expiry');
  checkout.create('cvv').mount('#card-cvv');
  checkout.create('holderName').mount('#card-holder');
  button.disabled = false;

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    button.disabled = true;
    button.textContent = 'Processing…';
    try {
      const result = await checkout.submit();
      if (result.status === 'SUCCESS' || result.status === 'AUTHORIZED') {
        form.hidden = true;
        show(`Payment successful. Order reference: ${result.orderId}`);
        return;
      }
      if (result.failure) error.textContent = result.failure.message;
    } catch (e) {
      // Invalid fields say so beside each field; other failures say it here.
      if (!/^(number|expiry|cvv|holder_name)_/.test(e.code || '')) error.textContent = e.message;
    }
    button.disabled = false;
    button.textContent = 'Pay $49.99';
  });
})();
