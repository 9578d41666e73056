// The custom-element demo: the shop's own <shop-checkout> web component renders, inside its
// shadow root, a <paykka-dropin session-id="..."> once the shop's backend created a session.
// Where the order ships: the shop's address step, before payment, asked for it.
const SHIPPING = { first_name: 'Ada', last_name: 'Lovelace', address_line1: "12 St James's Square", city: 'London', postal_code: 'SW1Y 4JH', country: 'GB' };

customElements.define('shop-checkout', class extends HTMLElement {
  async connectedCallback() {
    const root = this.attachShadow({ mode: 'open' });
    const params = new URLSearchParams(location.search);
    let sessionId = params.get('session_id');
    if (!sessionId) {
      const response = await fetch('/api/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cart: [{ sku: 'kettle-pour-over', quantity: 1 }], shipping: SHIPPING }),
      });
      if (!response.ok) { root.textContent = 'The shop could not start a checkout. Reload to try again.'; return; }
      sessionId = (await response.json()).session_id;
    }
    const dropin = document.createElement('paykka-dropin');
    dropin.setAttribute('session-id', sessionId);
    dropin.setAttribute('backend-url', '');
    dropin.addEventListener('paykka-payment-completed', (event) => {
      document.getElementById('demo-status').textContent =
        `The shop received the payment confirmation for order ${event.detail.orderId}.`;
    });
    root.append(dropin);
  }
});
