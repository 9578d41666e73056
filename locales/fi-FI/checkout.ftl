# PayKKa Checkout — suomi (Suomi)

## Card form

card-number-label = Kortin numero
card-expiry-label = Voimassaoloaika
card-expiry-placeholder = KK/VV
card-cvv-label = Turvakoodi
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } numeroa kortin etupuolella
       *[back] { $digits } numeroa kortin kääntöpuolella
    }
card-holder-label = Kortinhaltijan nimi
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "$49.99"
pay-button = Maksa { $amount }
card-form-complete = Kortin tiedot on täytetty.
card-form-invalid-generic = Tarkista osa maksutiedoista.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
        [one] Yksi kenttä vaatii huomiota.
       *[other] { $count } kenttää vaatii huomiota.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Anna kortin numero.
error-number-incomplete = Kortin numero on puutteellinen.
error-number-too-long = Kortin numero on liian pitkä.
error-number-invalid = Kortin numero on virheellinen.
error-number-unsupported = Tätä korttityyppiä ei tueta.
error-expiry-empty = Anna voimassaoloaika.
error-expiry-incomplete = Voimassaoloaika on puutteellinen.
error-expiry-month-invalid = Kuukauden on oltava välillä 01–12.
error-expiry-in-past = Korttisi on vanhentunut.
error-expiry-too-far = Voimassaoloaika on liian kaukana tulevaisuudessa.
error-cvv-empty = Anna turvakoodi.
error-cvv-incomplete = Turvakoodi on puutteellinen.
error-holder-name-empty = Anna kortissa oleva nimi.
error-holder-name-invalid = Anna nimi siinä muodossa kuin se on kortissa.
error-amount-invalid = Summa on virheellinen.
error-amount-negative = Summa ei voi olla negatiivinen.
error-currency-unsupported = Tätä valuuttaa ei tueta.

## Payment errors (flow and decline reasons)

error-network-unavailable = Maksupalveluun ei saatu yhteyttä. Tarkista verkkoyhteys ja yritä uudelleen.
error-request-timed-out = Maksupalvelu vastaa liian hitaasti. Yritä uudelleen.
error-server = Jokin meni vikaan meidän päässämme. Yritä uudelleen.
error-invalid-response = Saimme odottamattoman vastauksen. Yritä uudelleen.
error-request-rejected = Maksua ei voitu käsitellä. Tarkista tietosi.
error-session-expired = Maksuistunto on vanhentunut. Palaa kauppaan ja aloita alusta.
error-session-not-found = Maksuistuntoa ei löytynyt. Palaa kauppaan ja aloita alusta.
error-session-completed = Tämä tilaus on jo maksettu.
error-secure-fields-unavailable = Suojattuja korttikenttiä ei voitu ladata. Yritä uudelleen.
error-field-not-mounted = Tämän sivun korttilomakkeesta puuttuu pakollinen kenttä. Ota yhteyttä kauppaan.
error-method-unavailable = Tätä maksutapaa ei voitu ladata. Yritä uudelleen tai valitse toinen maksutapa.
error-randomness-unavailable = Tällä selaimella ei voi juuri nyt maksaa turvallisesti. Päivitä selain tai kokeile toista selainta.
error-too-many-requests = Liian monta yritystä. Odota hetki ja yritä sitten uudelleen.
error-payment-pending = Tämän tilauksen maksu odottaa yhä viimeistelyä. Viimeistele se tai yritä uudelleen muutaman minuutin kuluttua.
error-card-data-expired = Turvallisuutesi vuoksi syötä korttisi tiedot uudelleen.
error-card-declined = Korttisi hylättiin. Kokeile toista korttia tai ota yhteyttä pankkiisi.
error-insufficient-funds = Korttisi hylättiin, koska tilillä ei ole riittävästi katetta.
error-card-expired = Korttisi on vanhentunut. Käytä toista korttia.
error-authentication-failed = Pankkisi ei voinut vahvistaa maksua. Yritä uudelleen.
error-card-invalid = Kortin numeroa ei hyväksytty. Tarkista numero.
error-cvv-invalid = Turvakoodia ei hyväksytty. Tarkista koodi.
error-payment-expired = Maksua ei viety loppuun ajoissa. Yritä uudelleen.
error-payment-failed = Maksua ei voitu suorittaa. Yritä uudelleen.

## Drop-in

dropin-label = Kassa
dropin-loading = Ladataan kassaa…
dropin-amount-label = Maksettava summa
dropin-methods-label = Maksutapa
method-card = Kortti
dropin-no-methods = Tälle tilaukselle ei ole saatavilla maksutapoja.
dropin-processing = Maksua käsitellään…
dropin-redirecting = Sinut ohjataan pankkiisi…
dropin-awaiting-result = Maksua vahvistetaan…
dropin-success-title = Maksu onnistui
dropin-authorized-title = Maksu valtuutettu
dropin-authorized-detail = Korttisi on valtuutettu. Veloitus tehdään, kun kauppa vahvistaa tilauksesi.
# $order (string): the gateway's order reference
dropin-success-order = Tilausviite: { $order }
dropin-expired-title = Maksuistunto on vanhentunut
dropin-error-title = Kassa ei ole käytettävissä
dropin-retry = Yritä uudelleen

## Secure card frames (titles of the iframes)

secure-frame-title-number = Suojattu kortin numeron kenttä
secure-frame-title-expiry = Suojattu voimassaoloajan kenttä
secure-frame-title-cvv = Suojattu turvakoodin kenttä
secure-frame-title-holder = Suojattu kortinhaltijan nimen kenttä

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Voimassa { $expiry } asti
stored-card-expired = Vanhentunut ({ $expiry })
stored-card-remove = Poista kortti
stored-card-remove-confirm = Poistetaanko tämä kortti?
stored-card-remove-yes = Poista
stored-card-remove-cancel = Säilytä
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Korttia ei voitu poistaa. { $reason }
stored-card-removed = Kortti poistettu.
card-save-label = Tallenna kortti tulevia maksuja varten
card-save-required = Tämä on kestotilaus: korttisi tallennetaan, ja siltä veloitetaan tulevat maksut. Maksamalla hyväksyt tämän.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Maksa kortilla.
method-hint-qr = Kun olet painanut Maksa-painiketta, skannaa QR-koodi sovelluksella { $method } ja hyväksy maksu.
method-hint-redirect = Kun olet painanut Maksa-painiketta, sinut ohjataan palveluun { $method } hyväksymään maksu, minkä jälkeen palaat tälle sivulle.
method-hint-wallet = Maksa palvelulla { $method }.
qr-code-label = QR-koodi maksamiseen palvelulla { $method }
qr-instructions = Avaa sovellus { $method }, skannaa tämä koodi ja hyväksy maksu. Sivu päivittyy automaattisesti.
qr-open-app = Avaa { $method }
qr-copy = Kopioi maksulinkki
qr-copied = Maksulinkki kopioitu.
qr-reconnecting = Yhteys katkesi. Tarkistamme maksuasi edelleen…
qr-expires-in = Koodi on voimassa vielä
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] Koodin skannaamiseen on aikaa vielä yksi minuutti.
       *[other] Koodin skannaamiseen on aikaa vielä { $minutes } minuuttia.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Maksa palvelulla { $method }
wallet-buy-button = Osta palvelulla { $method }
wallet-checkout-button = Siirry kassalle palvelulla { $method }
wallet-donate-button = Lahjoita palvelulla { $method }
wallet-unavailable = Palvelua { $method } ei voitu avata. Valitse toinen maksutapa.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Palaa kauppaan { $merchant }
merchant-returning = Sinut ohjataan takaisin kauppaan { $merchant }…
