# PayKKa Checkout — magyar (Magyarország)

## Card form

card-number-label = Kártyaszám
card-expiry-label = Lejárati dátum
card-expiry-placeholder = HH/ÉÉ
card-cvv-label = Biztonsági kód
card-cvv-hint =
    { $location ->
        [front] { $digits } számjegy a kártya előlapján
       *[back] { $digits } számjegy a kártya hátoldalán
    }
card-holder-label = Kártyán szereplő név
pay-button = Fizetés: { $amount }
card-form-complete = A kártyaadatok hiánytalanok.
card-form-invalid-generic = Néhány fizetési adatot ellenőrizni kell.
card-form-invalid =
    { $count ->
        [one] Egy mezőt ellenőrizni kell.
       *[other] { $count } mezőt ellenőrizni kell.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Adja meg a kártyaszámot.
error-number-incomplete = A kártyaszám hiányos.
error-number-too-long = A kártyaszám túl hosszú.
error-number-invalid = A kártyaszám érvénytelen.
error-number-unsupported = Ez a kártyatípus nem támogatott.
error-expiry-empty = Adja meg a lejárati dátumot.
error-expiry-incomplete = A lejárati dátum hiányos.
error-expiry-month-invalid = A lejárati hónapnak 01 és 12 között kell lennie.
error-expiry-in-past = A kártyája lejárt.
error-expiry-too-far = A lejárati dátum túl távoli.
error-cvv-empty = Adja meg a biztonsági kódot.
error-cvv-incomplete = A biztonsági kód hiányos.
error-holder-name-empty = Adja meg a kártyán szereplő nevet.
error-holder-name-invalid = Adja meg a nevet pontosan úgy, ahogy a kártyán szerepel.
error-amount-invalid = Az összeg érvénytelen.
error-amount-negative = Az összeg nem lehet negatív.
error-currency-unsupported = Ez a pénznem nem támogatott.

## Payment errors (flow and decline reasons)

error-network-unavailable = Nem sikerült elérni a fizetési szolgáltatást. Ellenőrizze az internetkapcsolatát, és próbálja újra.
error-request-timed-out = A fizetési szolgáltatás túl sokáig nem válaszol. Kérjük, próbálja újra.
error-server = Hiba történt a rendszerünkben. Kérjük, próbálja újra.
error-invalid-response = Váratlan válasz érkezett. Kérjük, próbálja újra.
error-request-rejected = A fizetést nem sikerült feldolgozni. Kérjük, ellenőrizze a megadott adatokat.
error-session-expired = Ez a fizetési munkamenet lejárt. Kérjük, térjen vissza a webáruházba, és kezdje újra.
error-session-not-found = Ez a fizetési munkamenet nem található. Kérjük, térjen vissza a webáruházba, és kezdje újra.
error-session-completed = Ezt a rendelést már kifizették.
error-secure-fields-unavailable = Nem sikerült betölteni a biztonságos kártyamezőket. Kérjük, próbálja újra.
error-field-not-mounted = Az oldal kártyaűrlapjáról hiányzik egy kötelező mező. Kérjük, forduljon az áruházhoz.
error-method-unavailable = Ezt a fizetési módot nem sikerült betölteni. Próbálja újra, vagy válasszon másik fizetési módot.
error-randomness-unavailable = Ez a böngésző most nem tud biztonságos fizetést végezni. Kérjük, frissítse a böngészőjét, vagy próbáljon ki egy másikat.
error-too-many-requests = Túl sok próbálkozás. Várjon egy percet, majd próbálja újra.
error-payment-pending = A rendelés egyik fizetése még befejezésre vár. Fejezze be, vagy próbálja újra néhány perc múlva.
error-card-data-expired = Biztonsága érdekében adja meg újra a kártyaadatait.
error-card-declined = A kártyát elutasították. Próbálkozzon másik kártyával, vagy forduljon a bankjához.
error-insufficient-funds = A kártyát fedezethiány miatt elutasították.
error-card-expired = A kártyája lejárt. Kérjük, használjon másik kártyát.
error-authentication-failed = A bankja nem tudta ellenőrizni ezt a fizetést. Kérjük, próbálja újra.
error-card-invalid = A kártyaszámot nem fogadták el. Kérjük, ellenőrizze.
error-cvv-invalid = A biztonsági kódot nem fogadták el. Kérjük, ellenőrizze.
error-payment-expired = A fizetés nem fejeződött be időben. Kérjük, próbálja újra.
error-payment-failed = A fizetést nem sikerült végrehajtani. Kérjük, próbálja újra.

## Drop-in

dropin-label = Fizetés
dropin-loading = Fizetési oldal betöltése…
dropin-amount-label = Fizetendő összeg
dropin-methods-label = Fizetési mód
method-card = Kártya
dropin-no-methods = Ehhez a rendeléshez nem érhető el fizetési mód.
dropin-processing = A fizetés feldolgozása folyamatban…
dropin-redirecting = Átirányítjuk a bankjához…
dropin-awaiting-result = A fizetés megerősítése folyamatban…
dropin-success-title = Sikeres fizetés
dropin-authorized-title = Fizetés engedélyezve
dropin-authorized-detail = A kártyáját engedélyeztük. A terhelés akkor történik meg, amikor a bolt visszaigazolja a rendelését.
dropin-success-order = Rendelésazonosító: { $order }
dropin-expired-title = Ez a fizetési munkamenet lejárt
dropin-error-title = A fizetés nem érhető el
dropin-retry = Újrapróbálkozás

## Secure card frames (titles of the iframes)

secure-frame-title-number = Kártyaszám – biztonságos beviteli mező
secure-frame-title-expiry = Lejárati dátum – biztonságos beviteli mező
secure-frame-title-cvv = Biztonsági kód – biztonságos beviteli mező
secure-frame-title-holder = Kártyabirtokos neve – biztonságos beviteli mező

## Saved cards

stored-card-title = { $brand } •••• { $last4 }
stored-card-expires = Lejárat: { $expiry }
stored-card-expired = Lejárt: { $expiry }
stored-card-remove = Kártya eltávolítása
stored-card-remove-confirm = Eltávolítja ezt a kártyát?
stored-card-remove-yes = Eltávolítás
stored-card-remove-cancel = Megtartás
stored-card-remove-failed = Nem sikerült eltávolítani a kártyát. { $reason }
stored-card-removed = Kártya eltávolítva.
card-save-label = Kártya mentése a későbbi fizetésekhez
card-save-required = Ez egy előfizetés: a kártyáját elmentjük, és a későbbi díjakat erre terheljük. A fizetéssel ezt elfogadja.

## Other payment methods (QR wallets, redirects)

method-hint-card = Fizessen kártyával.
method-hint-qr = Miután megnyomta a Fizetés gombot, olvassa be a QR-kódot a(z) { $method } alkalmazással, és hagyja jóvá a fizetést.
method-hint-redirect = Miután megnyomta a Fizetés gombot, átirányítjuk a(z) { $method } oldalára, ahol jóváhagyhatja a fizetést, majd visszairányítjuk ide.
method-hint-wallet = Fizessen a következővel: { $method }.
qr-code-label = { $method } fizetési QR-kód
qr-instructions = Nyissa meg a(z) { $method } alkalmazást, olvassa be ezt a kódot, és hagyja jóvá a fizetést. Az oldal automatikusan frissül.
qr-open-app = { $method } megnyitása
qr-copy = Fizetési link másolása
qr-copied = Fizetési link másolva.
qr-reconnecting = Megszakadt a kapcsolat. Továbbra is ellenőrizzük a fizetést…
qr-expires-in = A kód még érvényes:
qr-time-left =
    { $minutes ->
        [one] Egy perce maradt a kód beolvasására.
       *[other] { $minutes } perce maradt a kód beolvasására.
    }

## Browser wallets (Apple Pay, Google Pay)

wallet-pay-button = Fizetés a következővel: { $method }
wallet-buy-button = Vásárlás a következővel: { $method }
wallet-checkout-button = Fizetés és rendelés a következővel: { $method }
wallet-donate-button = Adományozás a következővel: { $method }
wallet-unavailable = A(z) { $method } nem nyitható meg. Kérjük, válasszon másik fizetési módot.

## Back to the merchant (the hosted payment page)

merchant-back = Vissza ide: { $merchant }
merchant-returning = Visszairányítjuk ide: { $merchant }…
