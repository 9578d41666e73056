# PayKKa Checkout — dansk (Danmark)

## Card form

card-number-label = Kortnummer
card-expiry-label = Udløbsdato
card-expiry-placeholder = MM/ÅÅ
card-cvv-label = Sikkerhedskode
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } cifre på kortets forside
       *[back] { $digits } cifre på kortets bagside
    }
card-holder-label = Navn på kortet
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "$49.99"
pay-button = Betal { $amount }
card-form-complete = Kortoplysningerne er udfyldt.
card-form-invalid-generic = Nogle af betalingsoplysningerne skal rettes.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
        [one] Ét felt skal rettes.
       *[other] { $count } felter skal rettes.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Indtast dit kortnummer.
error-number-incomplete = Kortnummeret er ufuldstændigt.
error-number-too-long = Kortnummeret er for langt.
error-number-invalid = Kortnummeret er ugyldigt.
error-number-unsupported = Denne korttype understøttes ikke.
error-expiry-empty = Indtast udløbsdatoen.
error-expiry-incomplete = Udløbsdatoen er ufuldstændig.
error-expiry-month-invalid = Udløbsmåneden skal være mellem 01 og 12.
error-expiry-in-past = Dit kort er udløbet.
error-expiry-too-far = Udløbsdatoen ligger for langt ude i fremtiden.
error-cvv-empty = Indtast sikkerhedskoden.
error-cvv-incomplete = Sikkerhedskoden er ufuldstændig.
error-holder-name-empty = Indtast navnet på kortet.
error-holder-name-invalid = Indtast navnet, som det står på kortet.
error-amount-invalid = Beløbet er ugyldigt.
error-amount-negative = Beløbet kan ikke være negativt.
error-currency-unsupported = Denne valuta understøttes ikke.

## Payment errors (flow and decline reasons)

error-network-unavailable = Vi kunne ikke få forbindelse til betalingstjenesten. Tjek din forbindelse, og prøv igen.
error-request-timed-out = Betalingstjenesten er for længe om at svare. Prøv igen.
error-server = Der opstod en fejl hos os. Prøv igen.
error-invalid-response = Vi modtog et uventet svar. Prøv igen.
error-request-rejected = Betalingen kunne ikke behandles. Tjek dine oplysninger.
error-session-expired = Betalingssessionen er udløbet. Gå tilbage til butikken for at starte forfra.
error-session-not-found = Betalingssessionen blev ikke fundet. Gå tilbage til butikken for at starte forfra.
error-session-completed = Denne ordre er allerede betalt.
error-secure-fields-unavailable = De sikre kortfelter kunne ikke indlæses. Prøv igen.
error-field-not-mounted = Kortformularen på denne side mangler et obligatorisk felt. Kontakt butikken.
error-method-unavailable = Denne betalingsmetode kunne ikke indlæses. Prøv igen, eller vælg en anden betalingsmetode.
error-randomness-unavailable = Denne browser kan ikke gennemføre en sikker betaling lige nu. Opdater din browser, eller prøv en anden.
error-too-many-requests = For mange forsøg. Vent et minut, og prøv derefter igen.
error-payment-pending = En betaling for denne ordre venter stadig på at blive gennemført. Gennemfør den, eller prøv igen om et par minutter.
error-card-data-expired = Af hensyn til din sikkerhed skal du indtaste dine kortoplysninger igen.
error-card-declined = Dit kort blev afvist. Prøv et andet kort, eller kontakt din bank.
error-insufficient-funds = Dit kort blev afvist på grund af manglende dækning.
error-card-expired = Dit kort er udløbet. Brug et andet kort.
error-authentication-failed = Din bank kunne ikke bekræfte betalingen. Prøv igen.
error-card-invalid = Dit kortnummer blev ikke godkendt. Tjek det.
error-cvv-invalid = Din sikkerhedskode blev ikke godkendt. Tjek den.
error-payment-expired = Betalingen blev ikke gennemført i tide. Prøv igen.
error-payment-failed = Din betaling kunne ikke gennemføres. Prøv igen.

## Drop-in

dropin-label = Betaling
dropin-loading = Indlæser betaling…
dropin-amount-label = Beløb til betaling
dropin-methods-label = Betalingsmetode
method-card = Kort
dropin-no-methods = Der er ingen tilgængelige betalingsmetoder til denne ordre.
dropin-processing = Behandler din betaling…
dropin-redirecting = Sender dig videre til din bank…
dropin-awaiting-result = Bekræfter din betaling…
dropin-success-title = Betalingen er gennemført
dropin-authorized-title = Betaling godkendt
dropin-authorized-detail = Dit kort er blevet godkendt. Du bliver trukket, når butikken bekræfter din ordre.
# $order (string): the gateway's order reference
dropin-success-order = Ordrereference: { $order }
dropin-expired-title = Betalingssessionen er udløbet
dropin-error-title = Betalingen er ikke tilgængelig
dropin-retry = Prøv igen

## Secure card frames (titles of the iframes)

secure-frame-title-number = Sikkert felt til kortnummer
secure-frame-title-expiry = Sikkert felt til udløbsdato
secure-frame-title-cvv = Sikkert felt til sikkerhedskode
secure-frame-title-holder = Sikkert felt til kortholders navn

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Udløber { $expiry }
stored-card-expired = Udløbet ({ $expiry })
stored-card-remove = Fjern kort
stored-card-remove-confirm = Vil du fjerne dette kort?
stored-card-remove-yes = Fjern
stored-card-remove-cancel = Behold
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Kortet kunne ikke fjernes. { $reason }
stored-card-removed = Kortet er fjernet.
card-save-label = Gem kortet til fremtidige betalinger
card-save-required = Dette er et abonnement: Dit kort bliver gemt og trukket ved fremtidige betalinger. Når du betaler, accepterer du dette.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Betal med dit kort.
method-hint-qr = Når du har trykket på Betal, skal du scanne QR-koden med { $method }-appen for at godkende betalingen.
method-hint-redirect = Når du har trykket på Betal, bliver du sendt videre til { $method } for at godkende betalingen og derefter sendt tilbage hertil.
method-hint-wallet = Betal med { $method }.
qr-code-label = QR-kode til betaling med { $method }
qr-instructions = Åbn { $method }-appen, scan koden, og godkend betalingen. Siden opdateres automatisk.
qr-open-app = Åbn { $method }
qr-copy = Kopiér betalingslink
qr-copied = Betalingslinket er kopieret.
qr-reconnecting = Forbindelsen blev afbrudt. Vi tjekker stadig din betaling …
qr-expires-in = Koden udløber om
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] Du har ét minut til at scanne koden.
       *[other] Du har { $minutes } minutter til at scanne koden.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Betal med { $method }
wallet-buy-button = Køb med { $method }
wallet-checkout-button = Gå til betaling med { $method }
wallet-donate-button = Donér med { $method }
wallet-unavailable = { $method } kunne ikke åbnes. Vælg en anden betalingsmetode.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Tilbage til { $merchant }
merchant-returning = Sender dig tilbage til { $merchant }…
