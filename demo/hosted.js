// Hosted mode, as a merchant integrates it: create a HOSTED session, send the shopper to its
// session_url; on the way back, ask our backend how the payment ended (never the URL).
// Where the order ships: the shop's address step, before payment, asked for it.
const SHIPPING = { first_name: 'Ada', last_name: 'Lovelace', address_line1: "12 St James's Square", city: 'London', postal_code: 'SW1Y 4JH', country: 'GB' };

(async function () {
  const status = document.getElementById('demo-status');
  const go = document.getElementById('go');
  const back = new URLSearchParams(location.search).get('session_id');
  if (back) {
    go.hidden = true;
    const result = await fetch(`/api/sessions/${encodeURIComponent(back)}/result`).then((r) => r.json());
    status.textContent = result.status === 'SUCCESS' || result.status === 'AUTHORIZED'
      ? `Payment successful. Order reference: ${result.order_id}`
      : `The payment was not completed (${result.failure ? result.failure.message : result.status}).`;
    return;
  }
  go.addEventListener('click', async () => {
    go.disabled = true;
    const response = await fetch('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cart: [{ sku: 'kettle-pour-over', quantity: 1 }], shipping: SHIPPING, mode: 'hosted', return_url: `${location.origin}/hosted.html` }),
    });
    if (!response.ok) { status.textContent = 'The shop could not start a checkout. Try again.'; go.disabled = false; return; }
    location.assign((await response.json()).session_url);
  });
})();
