# PayKKa Checkout — norsk bokmål (Norge)

## Card form

card-number-label = Kortnummer
card-expiry-label = Utløpsdato
card-expiry-placeholder = MM/ÅÅ
card-cvv-label = Sikkerhetskode
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } sifre på forsiden av kortet
       *[back] { $digits } sifre på baksiden av kortet
    }
card-holder-label = Navn på kortet
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "$49.99"
pay-button = Betal { $amount }
card-form-complete = Kortopplysningene er fullstendige.
card-form-invalid-generic = Noen av betalingsopplysningene må rettes.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
        [one] Ett felt må rettes.
       *[other] { $count } felter må rettes.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Skriv inn kortnummeret ditt.
error-number-incomplete = Kortnummeret er ufullstendig.
error-number-too-long = Kortnummeret er for langt.
error-number-invalid = Kortnummeret er ugyldig.
error-number-unsupported = Denne korttypen støttes ikke.
error-expiry-empty = Skriv inn utløpsdatoen.
error-expiry-incomplete = Utløpsdatoen er ufullstendig.
error-expiry-month-invalid = Utløpsmåneden må være mellom 01 og 12.
error-expiry-in-past = Kortet ditt er utløpt.
error-expiry-too-far = Utløpsdatoen er for langt frem i tid.
error-cvv-empty = Skriv inn sikkerhetskoden.
error-cvv-incomplete = Sikkerhetskoden er ufullstendig.
error-holder-name-empty = Skriv inn navnet på kortet.
error-holder-name-invalid = Skriv inn navnet slik det står på kortet.
error-amount-invalid = Beløpet er ugyldig.
error-amount-negative = Beløpet kan ikke være negativt.
error-currency-unsupported = Denne valutaen støttes ikke.

## Payment errors (flow and decline reasons)

error-network-unavailable = Vi fikk ikke kontakt med betalingstjenesten. Sjekk tilkoblingen og prøv igjen.
error-request-timed-out = Betalingstjenesten bruker for lang tid på å svare. Prøv igjen.
error-server = Noe gikk galt hos oss. Prøv igjen.
error-invalid-response = Vi fikk et uventet svar. Prøv igjen.
error-request-rejected = Betalingen kunne ikke behandles. Sjekk opplysningene dine.
error-session-expired = Betalingsøkten er utløpt. Gå tilbake til butikken for å starte på nytt.
error-session-not-found = Betalingsøkten ble ikke funnet. Gå tilbake til butikken for å starte på nytt.
error-session-completed = Denne bestillingen er allerede betalt.
error-secure-fields-unavailable = De sikre kortfeltene kunne ikke lastes inn. Prøv igjen.
error-field-not-mounted = Kortskjemaet på denne siden mangler et obligatorisk felt. Kontakt butikken.
error-method-unavailable = Denne betalingsmåten kunne ikke lastes inn. Prøv igjen, eller velg en annen betalingsmåte.
error-randomness-unavailable = Denne nettleseren kan ikke gjennomføre en sikker betaling akkurat nå. Oppdater nettleseren, eller prøv en annen.
error-too-many-requests = For mange forsøk. Vent et minutt, og prøv deretter igjen.
error-payment-pending = En betaling for denne bestillingen venter fortsatt på å bli fullført. Fullfør den, eller prøv igjen om noen minutter.
error-card-data-expired = Av sikkerhetshensyn må du skrive inn kortopplysningene på nytt.
error-card-declined = Kortet ditt ble avvist. Prøv et annet kort eller kontakt banken din.
error-insufficient-funds = Kortet ditt ble avvist på grunn av manglende dekning.
error-card-expired = Kortet ditt er utløpt. Bruk et annet kort.
error-authentication-failed = Banken din kunne ikke bekrefte betalingen. Prøv igjen.
error-card-invalid = Kortnummeret ditt ble ikke godtatt. Sjekk det.
error-cvv-invalid = Sikkerhetskoden din ble ikke godtatt. Sjekk den.
error-payment-expired = Betalingen ble ikke fullført i tide. Prøv igjen.
error-payment-failed = Betalingen kunne ikke fullføres. Prøv igjen.

## Drop-in

dropin-label = Betaling
dropin-loading = Laster inn betaling…
dropin-amount-label = Beløp å betale
dropin-methods-label = Betalingsmåte
method-card = Kort
dropin-no-methods = Ingen betalingsmåter er tilgjengelige for denne bestillingen.
dropin-processing = Behandler betalingen…
dropin-redirecting = Sender deg videre til banken din…
dropin-awaiting-result = Bekrefter betalingen…
dropin-success-title = Betalingen er fullført
dropin-authorized-title = Betaling autorisert
dropin-authorized-detail = Kortet ditt er autorisert. Du belastes når butikken bekrefter bestillingen.
# $order (string): the gateway's order reference
dropin-success-order = Ordrereferanse: { $order }
dropin-expired-title = Betalingsøkten er utløpt
dropin-error-title = Betalingen er ikke tilgjengelig
dropin-retry = Prøv igjen

## Secure card frames (titles of the iframes)

secure-frame-title-number = Sikkert felt for kortnummer
secure-frame-title-expiry = Sikkert felt for utløpsdato
secure-frame-title-cvv = Sikkert felt for sikkerhetskode
secure-frame-title-holder = Sikkert felt for kortinnehaverens navn

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Utløper { $expiry }
stored-card-expired = Utløpt ({ $expiry })
stored-card-remove = Fjern kort
stored-card-remove-confirm = Vil du fjerne dette kortet?
stored-card-remove-yes = Fjern
stored-card-remove-cancel = Behold
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Kortet kunne ikke fjernes. { $reason }
stored-card-removed = Kortet er fjernet.
card-save-label = Lagre kortet til fremtidige betalinger
card-save-required = Dette er et abonnement: Kortet ditt blir lagret og belastet for fremtidige betalinger. Ved å betale godtar du dette.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Betal med kortet ditt.
method-hint-qr = Når du har trykket på Betal, skanner du QR-koden med { $method }-appen for å godkjenne betalingen.
method-hint-redirect = Når du har trykket på Betal, blir du sendt til { $method } for å godkjenne betalingen og deretter tilbake hit.
method-hint-wallet = Betal med { $method }.
qr-code-label = QR-kode for å betale med { $method }
qr-instructions = Åpne { $method }-appen, skann koden og godkjenn betalingen. Siden oppdateres automatisk.
qr-open-app = Åpne { $method }
qr-copy = Kopier betalingslenke
qr-copied = Betalingslenken er kopiert.
qr-reconnecting = Forbindelsen ble brutt. Vi sjekker fortsatt betalingen din …
qr-expires-in = Koden utløper om
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] Du har ett minutt igjen til å skanne koden.
       *[other] Du har { $minutes } minutter igjen til å skanne koden.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Betal med { $method }
wallet-buy-button = Kjøp med { $method }
wallet-checkout-button = Gå til kassen med { $method }
wallet-donate-button = Doner med { $method }
wallet-unavailable = { $method } kunne ikke åpnes. Velg en annen betalingsmåte.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Tilbake til { $merchant }
merchant-returning = Sender deg tilbake til { $merchant }…
