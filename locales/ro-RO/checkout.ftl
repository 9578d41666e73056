# PayKKa Checkout — română (România)

## Card form

card-number-label = Numărul cardului
card-expiry-label = Data expirării
card-expiry-placeholder = LL/AA
card-cvv-label = Cod de securitate
card-cvv-hint =
    { $location ->
        [front] { $digits } cifre pe fața cardului
       *[back] { $digits } cifre pe spatele cardului
    }
card-holder-label = Numele de pe card
pay-button = Plătiți { $amount }
card-form-complete = Datele cardului sunt complete.
card-form-invalid-generic = Unele date de plată necesită atenția dvs.
card-form-invalid =
    { $count ->
        [one] Un câmp necesită atenția dvs.
        [few] { $count } câmpuri necesită atenția dvs.
       *[other] { $count } de câmpuri necesită atenția dvs.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Introduceți numărul cardului.
error-number-incomplete = Numărul cardului este incomplet.
error-number-too-long = Numărul cardului este prea lung.
error-number-invalid = Numărul cardului nu este valid.
error-number-unsupported = Acest tip de card nu este acceptat.
error-expiry-empty = Introduceți data expirării.
error-expiry-incomplete = Data expirării este incompletă.
error-expiry-month-invalid = Luna expirării trebuie să fie între 01 și 12.
error-expiry-in-past = Cardul dvs. a expirat.
error-expiry-too-far = Data expirării este prea îndepărtată.
error-cvv-empty = Introduceți codul de securitate.
error-cvv-incomplete = Codul de securitate este incomplet.
error-holder-name-empty = Introduceți numele de pe card.
error-holder-name-invalid = Introduceți numele exact așa cum apare pe card.
error-amount-invalid = Suma nu este validă.
error-amount-negative = Suma nu poate fi negativă.
error-currency-unsupported = Această monedă nu este acceptată.

## Payment errors (flow and decline reasons)

error-network-unavailable = Nu am putut contacta serviciul de plată. Verificați conexiunea și încercați din nou.
error-request-timed-out = Serviciul de plată răspunde prea greu. Vă rugăm să încercați din nou.
error-server = A apărut o eroare din partea noastră. Vă rugăm să încercați din nou.
error-invalid-response = Am primit un răspuns neașteptat. Vă rugăm să încercați din nou.
error-request-rejected = Această plată nu a putut fi procesată. Vă rugăm să verificați datele introduse.
error-session-expired = Această sesiune de plată a expirat. Reveniți în magazin pentru a o lua de la capăt.
error-session-not-found = Această sesiune de plată nu a fost găsită. Reveniți în magazin pentru a o lua de la capăt.
error-session-completed = Această comandă a fost deja plătită.
error-secure-fields-unavailable = Câmpurile securizate pentru card nu au putut fi încărcate. Vă rugăm să încercați din nou.
error-field-not-mounted = Din formularul cardului de pe această pagină lipsește un câmp obligatoriu. Vă rugăm să contactați magazinul.
error-method-unavailable = Această metodă de plată nu a putut fi încărcată. Încercați din nou sau alegeți altă metodă de plată.
error-randomness-unavailable = Acest browser nu poate efectua acum o plată securizată. Vă rugăm să actualizați browserul sau să încercați altul.
error-too-many-requests = Prea multe încercări. Așteptați un minut, apoi încercați din nou.
error-payment-pending = O plată pentru această comandă încă așteaptă să fie finalizată. Finalizați-o sau încercați din nou peste câteva minute.
error-card-data-expired = Pentru siguranța dvs., introduceți din nou datele cardului.
error-card-declined = Cardul dvs. a fost refuzat. Încercați alt card sau contactați banca.
error-insufficient-funds = Cardul dvs. a fost refuzat din cauza fondurilor insuficiente.
error-card-expired = Cardul dvs. a expirat. Vă rugăm să folosiți alt card.
error-authentication-failed = Banca dvs. nu a putut verifica această plată. Vă rugăm să încercați din nou.
error-card-invalid = Numărul cardului nu a fost acceptat. Vă rugăm să îl verificați.
error-cvv-invalid = Codul de securitate nu a fost acceptat. Vă rugăm să îl verificați.
error-payment-expired = Plata nu a fost finalizată la timp. Vă rugăm să încercați din nou.
error-payment-failed = Plata nu a putut fi finalizată. Vă rugăm să încercați din nou.

## Drop-in

dropin-label = Plată
dropin-loading = Se încarcă pagina de plată…
dropin-amount-label = Suma de plată
dropin-methods-label = Metodă de plată
method-card = Card
dropin-no-methods = Nu este disponibilă nicio metodă de plată pentru această comandă.
dropin-processing = Se procesează plata…
dropin-redirecting = Vă redirecționăm către bancă…
dropin-awaiting-result = Se confirmă plata…
dropin-success-title = Plată reușită
dropin-authorized-title = Plată autorizată
dropin-authorized-detail = Cardul dvs. a fost autorizat. Veți fi debitat când magazinul vă confirmă comanda.
dropin-success-order = Referința comenzii: { $order }
dropin-expired-title = Această sesiune de plată a expirat
dropin-error-title = Plata nu este disponibilă
dropin-retry = Încercați din nou

## Secure card frames (titles of the iframes)

secure-frame-title-number = Câmp securizat pentru numărul cardului
secure-frame-title-expiry = Câmp securizat pentru data expirării
secure-frame-title-cvv = Câmp securizat pentru codul de securitate
secure-frame-title-holder = Câmp securizat pentru numele titularului

## Saved cards

stored-card-title = { $brand } •••• { $last4 }
stored-card-expires = Valabil până la { $expiry }
stored-card-expired = Expirat: { $expiry }
stored-card-remove = Eliminați cardul
stored-card-remove-confirm = Eliminați acest card?
stored-card-remove-yes = Eliminați
stored-card-remove-cancel = Păstrați-l
stored-card-remove-failed = Cardul nu a putut fi eliminat. { $reason }
stored-card-removed = Cardul a fost eliminat.
card-save-label = Salvați acest card pentru plățile viitoare
card-save-required = Acesta este un abonament: cardul dvs. va fi salvat și debitat pentru plățile viitoare ale abonamentului. Efectuând plata, vă exprimați acordul.

## Other payment methods (QR wallets, redirects)

method-hint-card = Plătiți cu cardul.
method-hint-qr = După ce apăsați Plătiți, scanați codul QR cu aplicația { $method } pentru a aproba plata.
method-hint-redirect = După ce apăsați Plătiți, vă vom redirecționa către { $method } pentru a aproba plata, apoi vă vom aduce înapoi aici.
method-hint-wallet = Plătiți cu { $method }.
qr-code-label = Cod QR pentru plata cu { $method }
qr-instructions = Deschideți aplicația { $method }, scanați acest cod și aprobați plata. Pagina se actualizează automat.
qr-open-app = Deschideți { $method }
qr-copy = Copiați linkul de plată
qr-copied = Linkul de plată a fost copiat.
qr-reconnecting = Conexiunea s-a întrerupt. Verificăm în continuare plata…
qr-expires-in = Codul expiră în
qr-time-left =
    { $minutes ->
        [one] A mai rămas un minut pentru scanarea codului.
        [few] Au mai rămas { $minutes } minute pentru scanarea codului.
       *[other] Au mai rămas { $minutes } de minute pentru scanarea codului.
    }

## Browser wallets (Apple Pay, Google Pay)

wallet-pay-button = Plătiți cu { $method }
wallet-buy-button = Cumpărați cu { $method }
wallet-checkout-button = Finalizați comanda cu { $method }
wallet-donate-button = Donați cu { $method }
wallet-unavailable = { $method } nu a putut fi deschis. Vă rugăm să alegeți altă metodă de plată.

## Back to the merchant (the hosted payment page)

merchant-back = Înapoi la { $merchant }
merchant-returning = Vă redirecționăm înapoi la { $merchant }…
