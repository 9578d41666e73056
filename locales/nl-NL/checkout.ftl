# PayKKa Checkout — Nederlands (Nederland)

## Card form

card-number-label = Kaartnummer
card-expiry-label = Vervaldatum
card-expiry-placeholder = MM/JJ
card-cvv-label = Beveiligingscode
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } cijfers op de voorkant van de kaart
       *[back] { $digits } cijfers op de achterkant van de kaart
    }
card-holder-label = Naam op kaart
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "$49.99"
pay-button = Betaal { $amount }
card-form-complete = Kaartgegevens compleet.
card-form-invalid-generic = Sommige betaalgegevens moeten worden gecontroleerd.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
        [one] Eén veld moet worden gecontroleerd.
       *[other] { $count } velden moeten worden gecontroleerd.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Vul je kaartnummer in.
error-number-incomplete = Je kaartnummer is onvolledig.
error-number-too-long = Je kaartnummer is te lang.
error-number-invalid = Je kaartnummer is ongeldig.
error-number-unsupported = Dit kaartmerk wordt niet ondersteund.
error-expiry-empty = Vul de vervaldatum in.
error-expiry-incomplete = De vervaldatum is onvolledig.
error-expiry-month-invalid = De vervalmaand moet tussen 01 en 12 liggen.
error-expiry-in-past = Je kaart is verlopen.
error-expiry-too-far = De vervaldatum ligt te ver in de toekomst.
error-cvv-empty = Vul de beveiligingscode in.
error-cvv-incomplete = De beveiligingscode is onvolledig.
error-holder-name-empty = Vul de naam op de kaart in.
error-holder-name-invalid = Vul de naam in zoals die op de kaart staat.
error-amount-invalid = Het bedrag is ongeldig.
error-amount-negative = Het bedrag kan niet negatief zijn.
error-currency-unsupported = Deze valuta wordt niet ondersteund.

## Payment errors (flow and decline reasons)

error-network-unavailable = We konden de betaaldienst niet bereiken. Controleer je verbinding en probeer het opnieuw.
error-request-timed-out = De betaaldienst reageert te traag. Probeer het opnieuw.
error-server = Er is bij ons iets misgegaan. Probeer het opnieuw.
error-invalid-response = We hebben een onverwacht antwoord ontvangen. Probeer het opnieuw.
error-request-rejected = Deze betaling kon niet worden verwerkt. Controleer je gegevens.
error-session-expired = Deze betaalsessie is verlopen. Ga terug naar de winkel om opnieuw te beginnen.
error-session-not-found = Deze betaalsessie is niet gevonden. Ga terug naar de winkel om opnieuw te beginnen.
error-session-completed = Deze bestelling is al betaald.
error-secure-fields-unavailable = De beveiligde kaartvelden konden niet worden geladen. Probeer het opnieuw.
error-field-not-mounted = In het kaartformulier op deze pagina ontbreekt een verplicht veld. Neem contact op met de winkel.
error-method-unavailable = Deze betaalmethode kon niet worden geladen. Probeer het opnieuw of kies een andere betaalmethode.
error-randomness-unavailable = Deze browser kan nu geen veilige betaling uitvoeren. Werk je browser bij of probeer een andere browser.
error-too-many-requests = Te veel pogingen. Wacht een minuut en probeer het dan opnieuw.
error-payment-pending = Een betaling voor deze bestelling wacht nog op voltooiing. Rond die af, of probeer het over een paar minuten opnieuw.
error-card-data-expired = Voor je veiligheid vragen we je je kaartgegevens opnieuw in te voeren.
error-card-declined = Je kaart is geweigerd. Probeer een andere kaart of neem contact op met je bank.
error-insufficient-funds = Je kaart is geweigerd wegens onvoldoende saldo.
error-card-expired = Je kaart is verlopen. Gebruik een andere kaart.
error-authentication-failed = Je bank kon deze betaling niet verifiëren. Probeer het opnieuw.
error-card-invalid = Je kaartnummer is niet geaccepteerd. Controleer het nummer.
error-cvv-invalid = Je beveiligingscode is niet geaccepteerd. Controleer de code.
error-payment-expired = De betaling is niet op tijd afgerond. Probeer het opnieuw.
error-payment-failed = Je betaling kon niet worden voltooid. Probeer het opnieuw.

## Drop-in

dropin-label = Afrekenen
dropin-loading = Betaalpagina wordt geladen…
dropin-amount-label = Te betalen bedrag
dropin-methods-label = Betaalmethode
method-card = Kaart
dropin-no-methods = Er is geen betaalmethode beschikbaar voor deze bestelling.
dropin-processing = Je betaling wordt verwerkt…
dropin-redirecting = Je wordt doorgestuurd naar je bank…
dropin-awaiting-result = Je betaling wordt bevestigd…
dropin-success-title = Betaling geslaagd
dropin-authorized-title = Betaling geautoriseerd
dropin-authorized-detail = Je kaart is geautoriseerd. Het bedrag wordt afgeschreven zodra de winkel je bestelling bevestigt.
# $order (string): the gateway's order reference
dropin-success-order = Bestelreferentie: { $order }
dropin-expired-title = Deze betaalsessie is verlopen
dropin-error-title = Betalen is momenteel niet mogelijk
dropin-retry = Opnieuw proberen

## Secure card frames (titles of the iframes)

secure-frame-title-number = Beveiligd invoerveld voor kaartnummer
secure-frame-title-expiry = Beveiligd invoerveld voor vervaldatum
secure-frame-title-cvv = Beveiligd invoerveld voor beveiligingscode
secure-frame-title-holder = Beveiligd invoerveld voor naam kaarthouder

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Geldig t/m { $expiry }
stored-card-expired = Verlopen ({ $expiry })
stored-card-remove = Kaart verwijderen
stored-card-remove-confirm = Deze kaart verwijderen?
stored-card-remove-yes = Verwijderen
stored-card-remove-cancel = Behouden
# $reason (string): why, as one of the error messages
stored-card-remove-failed = De kaart kon niet worden verwijderd. { $reason }
stored-card-removed = Kaart verwijderd.
card-save-label = Deze kaart opslaan voor toekomstige betalingen
card-save-required = Dit is een abonnement: je kaart wordt opgeslagen en gebruikt voor de toekomstige betalingen ervan. Door te betalen ga je hiermee akkoord.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Betaal met je kaart.
method-hint-qr = Nadat je op Betaal hebt geklikt, scan je de QR-code met de { $method }-app om de betaling goed te keuren.
method-hint-redirect = Nadat je op Betaal hebt geklikt, word je doorgestuurd naar { $method } om de betaling goed te keuren. Daarna kom je weer hier terug.
method-hint-wallet = Betaal met { $method }.
qr-code-label = QR-code om te betalen met { $method }
qr-instructions = Open de { $method }-app, scan deze code en keur de betaling goed. Deze pagina wordt automatisch bijgewerkt.
qr-open-app = { $method } openen
qr-copy = Betaallink kopiëren
qr-copied = Betaallink gekopieerd.
qr-reconnecting = Verbinding verbroken. We blijven je betaling controleren…
qr-expires-in = De code verloopt over
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] Nog één minuut om de code te scannen.
       *[other] Nog { $minutes } minuten om de code te scannen.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Betaal met { $method }
wallet-buy-button = Kopen met { $method }
wallet-checkout-button = Afrekenen met { $method }
wallet-donate-button = Doneren met { $method }
wallet-unavailable = { $method } kon niet worden geopend. Kies een andere betaalmethode.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Terug naar { $merchant }
merchant-returning = Je wordt teruggestuurd naar { $merchant }…
