# PayKKa Checkout — Deutsch (Deutschland)

## Card form

card-number-label = Kartennummer
card-expiry-label = Ablaufdatum
card-expiry-placeholder = MM/JJ
card-cvv-label = Sicherheitscode
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } Ziffern auf der Vorderseite der Karte
       *[back] { $digits } Ziffern auf der Rückseite der Karte
    }
card-holder-label = Name auf der Karte
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "49,99 €"
pay-button = { $amount } bezahlen
card-form-complete = Kartendaten vollständig.
card-form-invalid-generic = Einige Zahlungsangaben erfordern Ihre Aufmerksamkeit.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
        [one] Ein Feld erfordert Ihre Aufmerksamkeit.
       *[other] { $count } Felder erfordern Ihre Aufmerksamkeit.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Geben Sie Ihre Kartennummer ein.
error-number-incomplete = Ihre Kartennummer ist unvollständig.
error-number-too-long = Ihre Kartennummer ist zu lang.
error-number-invalid = Ihre Kartennummer ist ungültig.
error-number-unsupported = Dieser Kartentyp wird nicht unterstützt.
error-expiry-empty = Geben Sie das Ablaufdatum ein.
error-expiry-incomplete = Das Ablaufdatum ist unvollständig.
error-expiry-month-invalid = Der Ablaufmonat muss zwischen 01 und 12 liegen.
error-expiry-in-past = Ihre Karte ist abgelaufen.
error-expiry-too-far = Das Ablaufdatum liegt zu weit in der Zukunft.
error-cvv-empty = Geben Sie den Sicherheitscode ein.
error-cvv-incomplete = Der Sicherheitscode ist unvollständig.
error-holder-name-empty = Geben Sie den Namen auf der Karte ein.
error-holder-name-invalid = Geben Sie den Namen so ein, wie er auf der Karte steht.
error-amount-invalid = Der Betrag ist ungültig.
error-amount-negative = Der Betrag darf nicht negativ sein.
error-currency-unsupported = Diese Währung wird nicht unterstützt.

## Payment errors (flow and decline reasons)

error-network-unavailable = Der Zahlungsdienst ist nicht erreichbar. Überprüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-request-timed-out = Der Zahlungsdienst antwortet zu langsam. Bitte versuchen Sie es erneut.
error-server = Bei uns ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.
error-invalid-response = Wir haben eine unerwartete Antwort erhalten. Bitte versuchen Sie es erneut.
error-request-rejected = Diese Zahlung konnte nicht verarbeitet werden. Bitte überprüfen Sie Ihre Angaben.
error-session-expired = Dieser Bezahlvorgang ist abgelaufen. Bitte kehren Sie zum Shop zurück, um neu zu beginnen.
error-session-not-found = Dieser Bezahlvorgang wurde nicht gefunden. Bitte kehren Sie zum Shop zurück, um neu zu beginnen.
error-session-completed = Diese Bestellung wurde bereits bezahlt.
error-secure-fields-unavailable = Die sicheren Kartenfelder konnten nicht geladen werden. Bitte versuchen Sie es erneut.
error-field-not-mounted = Im Kartenformular auf dieser Seite fehlt ein Pflichtfeld. Bitte wenden Sie sich an den Shop.
error-method-unavailable = Diese Zahlungsart konnte nicht geladen werden. Bitte versuchen Sie es erneut oder wählen Sie eine andere Zahlungsart.
error-randomness-unavailable = Dieser Browser kann gerade keine sichere Zahlung ausführen. Bitte aktualisieren Sie Ihren Browser oder verwenden Sie einen anderen.
error-too-many-requests = Zu viele Versuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.
error-payment-pending = Eine Zahlung für diese Bestellung wartet noch auf ihren Abschluss. Schließen Sie sie ab oder versuchen Sie es in ein paar Minuten erneut.
error-card-data-expired = Zu Ihrer Sicherheit geben Sie Ihre Kartendaten bitte erneut ein.
error-card-declined = Ihre Karte wurde abgelehnt. Verwenden Sie eine andere Karte oder wenden Sie sich an Ihre Bank.
error-insufficient-funds = Ihre Karte wurde wegen unzureichender Deckung abgelehnt.
error-card-expired = Ihre Karte ist abgelaufen. Bitte verwenden Sie eine andere Karte.
error-authentication-failed = Ihre Bank konnte diese Zahlung nicht bestätigen. Bitte versuchen Sie es erneut.
error-card-invalid = Ihre Kartennummer wurde nicht akzeptiert. Bitte überprüfen Sie sie.
error-cvv-invalid = Ihr Sicherheitscode wurde nicht akzeptiert. Bitte überprüfen Sie ihn.
error-payment-expired = Die Zahlung wurde nicht rechtzeitig abgeschlossen. Bitte versuchen Sie es erneut.
error-payment-failed = Ihre Zahlung konnte nicht abgeschlossen werden. Bitte versuchen Sie es erneut.

## Drop-in

dropin-label = Bezahlung
dropin-loading = Bezahlung wird geladen…
dropin-amount-label = Zu zahlender Betrag
dropin-methods-label = Zahlungsmethode
method-card = Karte
dropin-no-methods = Für diese Bestellung ist keine Zahlungsmethode verfügbar.
dropin-processing = Ihre Zahlung wird verarbeitet…
dropin-redirecting = Sie werden zu Ihrer Bank weitergeleitet…
dropin-awaiting-result = Ihre Zahlung wird bestätigt…
dropin-success-title = Zahlung erfolgreich
dropin-authorized-title = Zahlung autorisiert
dropin-authorized-detail = Ihre Karte wurde autorisiert. Die Belastung erfolgt, sobald der Shop Ihre Bestellung bestätigt.
# $order (string): the gateway's order reference
dropin-success-order = Bestellreferenz: { $order }
dropin-expired-title = Dieser Bezahlvorgang ist abgelaufen
dropin-error-title = Die Bezahlung ist nicht verfügbar
dropin-retry = Erneut versuchen

## Secure card frames (titles of the iframes)

secure-frame-title-number = Sicheres Eingabefeld für die Kartennummer
secure-frame-title-expiry = Sicheres Eingabefeld für das Ablaufdatum
secure-frame-title-cvv = Sicheres Eingabefeld für den Sicherheitscode
secure-frame-title-holder = Sicheres Eingabefeld für den Namen des Karteninhabers

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Gültig bis { $expiry }
stored-card-expired = Abgelaufen: { $expiry }
stored-card-remove = Karte entfernen
stored-card-remove-confirm = Diese Karte entfernen?
stored-card-remove-yes = Entfernen
stored-card-remove-cancel = Behalten
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Die Karte konnte nicht entfernt werden. { $reason }
stored-card-removed = Karte entfernt.
card-save-label = Karte für zukünftige Zahlungen speichern
card-save-required = Dies ist ein Abonnement: Ihre Karte wird gespeichert und für die künftigen Zahlungen belastet. Mit Ihrer Zahlung stimmen Sie dem zu.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Bezahlen Sie mit Ihrer Karte.
method-hint-qr = Scannen Sie nach dem Klick auf „Bezahlen“ den QR-Code mit der { $method }-App, um die Zahlung zu bestätigen.
method-hint-redirect = Nach dem Klick auf „Bezahlen“ werden Sie zu { $method } weitergeleitet, um die Zahlung zu bestätigen, und anschließend hierher zurückgeleitet.
method-hint-wallet = Bezahlen Sie mit { $method }.
qr-code-label = QR-Code zum Bezahlen mit { $method }
qr-instructions = Öffnen Sie die { $method }-App, scannen Sie diesen Code und bestätigen Sie die Zahlung. Diese Seite aktualisiert sich automatisch.
qr-open-app = { $method } öffnen
qr-copy = Zahlungslink kopieren
qr-copied = Zahlungslink kopiert.
qr-reconnecting = Verbindung unterbrochen. Wir prüfen Ihre Zahlung weiterhin …
qr-expires-in = Der Code läuft ab in
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] Noch eine Minute, um den Code zu scannen.
       *[other] Noch { $minutes } Minuten, um den Code zu scannen.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Mit { $method } bezahlen
wallet-buy-button = Mit { $method } kaufen
wallet-checkout-button = Weiter mit { $method }
wallet-donate-button = Mit { $method } spenden
wallet-unavailable = { $method } konnte nicht geöffnet werden. Bitte wählen Sie eine andere Zahlungsmethode.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Zurück zu { $merchant }
merchant-returning = Sie werden zu { $merchant } zurückgeleitet…
