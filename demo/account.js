// The demo shop's sign-in, as a merchant's own login would be: the backend keeps the login and
// gives the browser an HttpOnly cookie; the page never sees or sends a shopper reference.
(async function () {
  const status = document.getElementById('account-status');
  const signInForm = document.getElementById('sign-in');
  const signOutForm = document.getElementById('sign-out');
  const list = document.getElementById('accounts');

  const call = async (path, body) => {
    const response = await fetch(path, body === undefined ? {} : {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer.error ? answer.error.message : `the shop answered ${response.status}`);
    return answer;
  };

  const show = (account) => {
    signInForm.hidden = account.signed_in;
    signOutForm.hidden = !account.signed_in;
    status.textContent = account.signed_in
      ? `Signed in as ${account.account ? account.account.name : 'a shopper'}.`
      : 'You are shopping as a guest.';
  };

  let account;
  try {
    account = await call('/api/account');
  } catch (e) {
    status.textContent = `The shop could not say who you are: ${e.message}. Reload to try again.`;
    return;
  }
  account.accounts.forEach((a, i) => {
    const label = document.createElement('label');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'account';
    radio.value = a.id;
    radio.checked = i === 0;
    label.append(radio, ` ${a.name}`);
    list.append(label);
  });
  show(account);

  signInForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const picked = signInForm.querySelector('input[name="account"]:checked');
    try {
      show(await call('/api/account/sign-in', { account: picked.value }));
    } catch (e) {
      status.textContent = `Could not sign in: ${e.message}`;
    }
  });
  signOutForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      show(await call('/api/account/sign-out', {}));
    } catch (e) {
      status.textContent = `Could not sign out: ${e.message}`;
    }
  });
})();
