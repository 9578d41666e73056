# PayKKa Checkout — svenska (Sverige)

## Card form

card-number-label = Kortnummer
card-expiry-label = Utgångsdatum
card-expiry-placeholder = MM/ÅÅ
card-cvv-label = Säkerhetskod
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } siffror på kortets framsida
       *[back] { $digits } siffror på kortets baksida
    }
card-holder-label = Namn på kortet
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "$49.99"
pay-button = Betala { $amount }
card-form-complete = Kortuppgifterna är kompletta.
card-form-invalid-generic = Vissa betalningsuppgifter behöver ses över.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
        [one] Ett fält behöver ses över.
       *[other] { $count } fält behöver ses över.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Ange ditt kortnummer.
error-number-incomplete = Kortnumret är ofullständigt.
error-number-too-long = Kortnumret är för långt.
error-number-invalid = Kortnumret är ogiltigt.
error-number-unsupported = Den här korttypen stöds inte.
error-expiry-empty = Ange utgångsdatumet.
error-expiry-incomplete = Utgångsdatumet är ofullständigt.
error-expiry-month-invalid = Utgångsmånaden måste vara mellan 01 och 12.
error-expiry-in-past = Ditt kort har gått ut.
error-expiry-too-far = Utgångsdatumet ligger för långt fram i tiden.
error-cvv-empty = Ange säkerhetskoden.
error-cvv-incomplete = Säkerhetskoden är ofullständig.
error-holder-name-empty = Ange namnet på kortet.
error-holder-name-invalid = Ange namnet som det står på kortet.
error-amount-invalid = Beloppet är ogiltigt.
error-amount-negative = Beloppet kan inte vara negativt.
error-currency-unsupported = Den här valutan stöds inte.

## Payment errors (flow and decline reasons)

error-network-unavailable = Vi kunde inte nå betaltjänsten. Kontrollera din anslutning och försök igen.
error-request-timed-out = Betaltjänsten tar för lång tid att svara. Försök igen.
error-server = Något gick fel hos oss. Försök igen.
error-invalid-response = Vi fick ett oväntat svar. Försök igen.
error-request-rejected = Betalningen kunde inte behandlas. Kontrollera dina uppgifter.
error-session-expired = Betalningssessionen har gått ut. Gå tillbaka till butiken och börja om.
error-session-not-found = Betalningssessionen hittades inte. Gå tillbaka till butiken och börja om.
error-session-completed = Den här beställningen är redan betald.
error-secure-fields-unavailable = De säkra kortfälten kunde inte laddas. Försök igen.
error-field-not-mounted = Kortformuläret på den här sidan saknar ett obligatoriskt fält. Kontakta butiken.
error-method-unavailable = Det gick inte att läsa in den här betalningsmetoden. Försök igen eller välj en annan betalningsmetod.
error-randomness-unavailable = Den här webbläsaren kan inte genomföra en säker betalning just nu. Uppdatera webbläsaren eller prova en annan.
error-too-many-requests = För många försök. Vänta en minut och försök sedan igen.
error-payment-pending = En betalning för den här beställningen väntar fortfarande på att slutföras. Slutför den eller försök igen om några minuter.
error-card-data-expired = Av säkerhetsskäl behöver du ange dina kortuppgifter igen.
error-card-declined = Ditt kort nekades. Prova ett annat kort eller kontakta din bank.
error-insufficient-funds = Ditt kort nekades på grund av otillräckligt saldo.
error-card-expired = Ditt kort har gått ut. Använd ett annat kort.
error-authentication-failed = Din bank kunde inte verifiera betalningen. Försök igen.
error-card-invalid = Ditt kortnummer godkändes inte. Kontrollera det.
error-cvv-invalid = Din säkerhetskod godkändes inte. Kontrollera den.
error-payment-expired = Betalningen slutfördes inte i tid. Försök igen.
error-payment-failed = Betalningen kunde inte genomföras. Försök igen.

## Drop-in

dropin-label = Kassa
dropin-loading = Laddar kassan…
dropin-amount-label = Att betala
dropin-methods-label = Betalningssätt
method-card = Kort
dropin-no-methods = Det finns inget tillgängligt betalningssätt för den här beställningen.
dropin-processing = Betalningen behandlas…
dropin-redirecting = Du skickas vidare till din bank…
dropin-awaiting-result = Betalningen bekräftas…
dropin-success-title = Betalningen är genomförd
dropin-authorized-title = Betalningen är godkänd
dropin-authorized-detail = Ditt kort har auktoriserats. Du debiteras när butiken bekräftar din beställning.
# $order (string): the gateway's order reference
dropin-success-order = Orderreferens: { $order }
dropin-expired-title = Betalningssessionen har gått ut
dropin-error-title = Kassan är inte tillgänglig
dropin-retry = Försök igen

## Secure card frames (titles of the iframes)

secure-frame-title-number = Säkert fält för kortnummer
secure-frame-title-expiry = Säkert fält för utgångsdatum
secure-frame-title-cvv = Säkert fält för säkerhetskod
secure-frame-title-holder = Säkert fält för kortinnehavarens namn

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Går ut { $expiry }
stored-card-expired = Har gått ut ({ $expiry })
stored-card-remove = Ta bort kort
stored-card-remove-confirm = Vill du ta bort det här kortet?
stored-card-remove-yes = Ta bort
stored-card-remove-cancel = Behåll
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Kortet kunde inte tas bort. { $reason }
stored-card-removed = Kortet har tagits bort.
card-save-label = Spara kortet för framtida betalningar
card-save-required = Det här är en prenumeration: ditt kort sparas och debiteras för kommande betalningar. Genom att betala godkänner du detta.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Betala med ditt kort.
method-hint-qr = När du har tryckt på Betala skannar du QR-koden med { $method }-appen för att godkänna betalningen.
method-hint-redirect = När du har tryckt på Betala skickas du till { $method } för att godkänna betalningen och sedan tillbaka hit.
method-hint-wallet = Betala med { $method }.
qr-code-label = QR-kod för att betala med { $method }
qr-instructions = Öppna { $method }-appen, skanna koden och godkänn betalningen. Sidan uppdateras automatiskt.
qr-open-app = Öppna { $method }
qr-copy = Kopiera betalningslänk
qr-copied = Betalningslänken har kopierats.
qr-reconnecting = Anslutningen bröts. Vi kontrollerar fortfarande din betalning …
qr-expires-in = Koden går ut om
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] En minut kvar att skanna koden.
       *[other] { $minutes } minuter kvar att skanna koden.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Betala med { $method }
wallet-buy-button = Köp med { $method }
wallet-checkout-button = Gå till kassan med { $method }
wallet-donate-button = Donera med { $method }
wallet-unavailable = { $method } kunde inte öppnas. Välj ett annat betalningssätt.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Tillbaka till { $merchant }
merchant-returning = Du skickas tillbaka till { $merchant }…
