# PayKKa Checkout — polski (Polska)

## Card form

card-number-label = Numer karty
card-expiry-label = Data ważności
card-expiry-placeholder = MM/RR
card-cvv-label = Kod zabezpieczający
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } cyfry na przedniej stronie karty
       *[back] { $digits } cyfry na odwrocie karty
    }
card-holder-label = Imię i nazwisko na karcie
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "$49.99"
pay-button = Zapłać { $amount }
card-form-complete = Dane karty są kompletne.
card-form-invalid-generic = Sprawdź niektóre dane płatności.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
        [one] Jedno pole wymaga poprawienia.
        [few] { $count } pola wymagają poprawienia.
        [many] { $count } pól wymaga poprawienia.
       *[other] { $count } pola wymaga poprawienia.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Wpisz numer karty.
error-number-incomplete = Numer karty jest niekompletny.
error-number-too-long = Numer karty jest za długi.
error-number-invalid = Numer karty jest nieprawidłowy.
error-number-unsupported = Ten rodzaj karty nie jest obsługiwany.
error-expiry-empty = Wpisz datę ważności.
error-expiry-incomplete = Data ważności jest niekompletna.
error-expiry-month-invalid = Miesiąc ważności musi mieścić się w zakresie od 01 do 12.
error-expiry-in-past = Karta straciła ważność.
error-expiry-too-far = Data ważności jest zbyt odległa.
error-cvv-empty = Wpisz kod zabezpieczający.
error-cvv-incomplete = Kod zabezpieczający jest niekompletny.
error-holder-name-empty = Wpisz imię i nazwisko widniejące na karcie.
error-holder-name-invalid = Wpisz imię i nazwisko tak, jak widnieją na karcie.
error-amount-invalid = Kwota jest nieprawidłowa.
error-amount-negative = Kwota nie może być ujemna.
error-currency-unsupported = Ta waluta nie jest obsługiwana.

## Payment errors (flow and decline reasons)

error-network-unavailable = Nie udało się połączyć z serwisem płatności. Sprawdź połączenie i spróbuj ponownie.
error-request-timed-out = Serwis płatności zbyt długo nie odpowiada. Spróbuj ponownie.
error-server = Coś poszło nie tak po naszej stronie. Spróbuj ponownie.
error-invalid-response = Otrzymaliśmy nieoczekiwaną odpowiedź. Spróbuj ponownie.
error-request-rejected = Nie udało się przetworzyć tej płatności. Sprawdź swoje dane.
error-session-expired = Ta sesja płatności wygasła. Wróć do sklepu, aby zacząć od nowa.
error-session-not-found = Nie znaleziono tej sesji płatności. Wróć do sklepu, aby zacząć od nowa.
error-session-completed = To zamówienie zostało już opłacone.
error-secure-fields-unavailable = Nie udało się załadować bezpiecznych pól karty. Spróbuj ponownie.
error-field-not-mounted = W formularzu karty na tej stronie brakuje wymaganego pola. Skontaktuj się ze sklepem.
error-method-unavailable = Nie udało się wczytać tej metody płatności. Spróbuj ponownie lub wybierz inną metodę płatności.
error-randomness-unavailable = Ta przeglądarka nie może teraz wykonać bezpiecznej płatności. Zaktualizuj przeglądarkę lub użyj innej.
error-too-many-requests = Zbyt wiele prób. Poczekaj minutę i spróbuj ponownie.
error-payment-pending = Płatność za to zamówienie wciąż czeka na dokończenie. Dokończ ją lub spróbuj ponownie za kilka minut.
error-card-data-expired = Ze względów bezpieczeństwa wprowadź ponownie dane karty.
error-card-declined = Karta została odrzucona. Użyj innej karty lub skontaktuj się z bankiem.
error-insufficient-funds = Karta została odrzucona z powodu braku wystarczających środków.
error-card-expired = Karta straciła ważność. Użyj innej karty.
error-authentication-failed = Bank nie mógł zweryfikować tej płatności. Spróbuj ponownie.
error-card-invalid = Numer karty nie został zaakceptowany. Sprawdź go.
error-cvv-invalid = Kod zabezpieczający nie został zaakceptowany. Sprawdź go.
error-payment-expired = Płatność nie została ukończona na czas. Spróbuj ponownie.
error-payment-failed = Nie udało się zrealizować płatności. Spróbuj ponownie.

## Drop-in

dropin-label = Płatność
dropin-loading = Ładowanie płatności…
dropin-amount-label = Kwota do zapłaty
dropin-methods-label = Metoda płatności
method-card = Karta
dropin-no-methods = Brak dostępnych metod płatności dla tego zamówienia.
dropin-processing = Przetwarzanie płatności…
dropin-redirecting = Przekierowanie do banku…
dropin-awaiting-result = Potwierdzanie płatności…
dropin-success-title = Płatność zakończona powodzeniem
dropin-authorized-title = Płatność autoryzowana
dropin-authorized-detail = Twoja karta została autoryzowana. Obciążenie nastąpi, gdy sklep potwierdzi zamówienie.
# $order (string): the gateway's order reference
dropin-success-order = Numer referencyjny zamówienia: { $order }
dropin-expired-title = Ta sesja płatności wygasła
dropin-error-title = Płatność jest niedostępna
dropin-retry = Spróbuj ponownie

## Secure card frames (titles of the iframes)

secure-frame-title-number = Bezpieczne pole numeru karty
secure-frame-title-expiry = Bezpieczne pole daty ważności
secure-frame-title-cvv = Bezpieczne pole kodu zabezpieczającego
secure-frame-title-holder = Bezpieczne pole imienia i nazwiska posiadacza karty

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Ważna do { $expiry }
stored-card-expired = Utraciła ważność ({ $expiry })
stored-card-remove = Usuń kartę
stored-card-remove-confirm = Usunąć tę kartę?
stored-card-remove-yes = Usuń
stored-card-remove-cancel = Zachowaj
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Nie udało się usunąć karty. { $reason }
stored-card-removed = Karta została usunięta.
card-save-label = Zapisz tę kartę do przyszłych płatności
card-save-required = To jest subskrypcja: karta zostanie zapisana i obciążana kolejnymi płatnościami. Płacąc, wyrażasz na to zgodę.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Zapłać kartą.
method-hint-qr = Po naciśnięciu „Zapłać” zeskanuj kod QR w aplikacji { $method }, aby zatwierdzić płatność.
method-hint-redirect = Po naciśnięciu „Zapłać” nastąpi przekierowanie do serwisu { $method } w celu zatwierdzenia płatności, a następnie powrót na tę stronę.
method-hint-wallet = Zapłać przez { $method }.
qr-code-label = Kod QR do płatności przez { $method }
qr-instructions = Otwórz aplikację { $method }, zeskanuj ten kod i zatwierdź płatność. Ta strona odświeży się automatycznie.
qr-open-app = Otwórz { $method }
qr-copy = Kopiuj link do płatności
qr-copied = Skopiowano link do płatności.
qr-reconnecting = Utracono połączenie. Nadal sprawdzamy Twoją płatność…
qr-expires-in = Kod wygaśnie za
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] Została minuta na zeskanowanie kodu.
        [few] Zostały { $minutes } minuty na zeskanowanie kodu.
        [many] Zostało { $minutes } minut na zeskanowanie kodu.
       *[other] Zostało { $minutes } minuty na zeskanowanie kodu.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Zapłać przez { $method }
wallet-buy-button = Kup przez { $method }
wallet-checkout-button = Przejdź do kasy przez { $method }
wallet-donate-button = Przekaż darowiznę przez { $method }
wallet-unavailable = Nie udało się otworzyć { $method }. Wybierz inną metodę płatności.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Wróć do { $merchant }
merchant-returning = Przekierowanie do { $merchant }…
