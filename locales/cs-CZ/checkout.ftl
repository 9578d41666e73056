# PayKKa Checkout — čeština (Česko)

## Card form

card-number-label = Číslo karty
card-expiry-label = Platnost do
card-expiry-placeholder = MM/RR
card-cvv-label = Bezpečnostní kód
card-cvv-hint =
    { $location ->
        [front] { $digits } číslice na přední straně karty
       *[back] { $digits } číslice na zadní straně karty
    }
card-holder-label = Jméno na kartě
pay-button = Zaplatit { $amount }
card-form-complete = Údaje o kartě jsou kompletní.
card-form-invalid-generic = Některé platební údaje vyžadují vaši pozornost.
card-form-invalid =
    { $count ->
        [one] Jedno pole vyžaduje vaši pozornost.
        [few] { $count } pole vyžadují vaši pozornost.
        [many] { $count } pole vyžaduje vaši pozornost.
       *[other] { $count } polí vyžaduje vaši pozornost.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Zadejte číslo karty.
error-number-incomplete = Číslo karty je neúplné.
error-number-too-long = Číslo karty je příliš dlouhé.
error-number-invalid = Číslo karty je neplatné.
error-number-unsupported = Karty této značky nejsou podporovány.
error-expiry-empty = Zadejte datum platnosti.
error-expiry-incomplete = Datum platnosti je neúplné.
error-expiry-month-invalid = Měsíc platnosti musí být mezi 01 a 12.
error-expiry-in-past = Platnost vaší karty vypršela.
error-expiry-too-far = Datum platnosti je příliš daleko v budoucnosti.
error-cvv-empty = Zadejte bezpečnostní kód.
error-cvv-incomplete = Bezpečnostní kód je neúplný.
error-holder-name-empty = Zadejte jméno uvedené na kartě.
error-holder-name-invalid = Zadejte jméno přesně tak, jak je uvedeno na kartě.
error-amount-invalid = Částka je neplatná.
error-amount-negative = Částka nemůže být záporná.
error-currency-unsupported = Tato měna není podporována.

## Payment errors (flow and decline reasons)

error-network-unavailable = Nepodařilo se spojit s platební službou. Zkontrolujte připojení a zkuste to znovu.
error-request-timed-out = Platební služba odpovídá příliš dlouho. Zkuste to prosím znovu.
error-server = Na naší straně došlo k chybě. Zkuste to prosím znovu.
error-invalid-response = Obdrželi jsme neočekávanou odpověď. Zkuste to prosím znovu.
error-request-rejected = Tuto platbu nebylo možné zpracovat. Zkontrolujte prosím zadané údaje.
error-session-expired = Platnost této platby vypršela. Vraťte se prosím do obchodu a začněte znovu.
error-session-not-found = Tuto platbu se nepodařilo najít. Vraťte se prosím do obchodu a začněte znovu.
error-session-completed = Tato objednávka již byla zaplacena.
error-secure-fields-unavailable = Zabezpečená pole pro zadání karty se nepodařilo načíst. Zkuste to prosím znovu.
error-field-not-mounted = Ve formuláři karty na této stránce chybí povinné pole. Kontaktujte prosím obchod.
error-method-unavailable = Tento způsob platby se nepodařilo načíst. Zkuste to znovu nebo zvolte jiný způsob platby.
error-randomness-unavailable = Tento prohlížeč teď nemůže provést bezpečnou platbu. Aktualizujte prosím prohlížeč nebo zkuste jiný.
error-too-many-requests = Příliš mnoho pokusů. Počkejte prosím minutu a zkuste to znovu.
error-payment-pending = Platba za tuto objednávku stále čeká na dokončení. Dokončete ji, nebo to zkuste znovu za několik minut.
error-card-data-expired = Z bezpečnostních důvodů zadejte prosím údaje karty znovu.
error-card-declined = Vaše karta byla zamítnuta. Zkuste jinou kartu nebo kontaktujte svou banku.
error-insufficient-funds = Vaše karta byla zamítnuta z důvodu nedostatku prostředků.
error-card-expired = Platnost vaší karty vypršela. Použijte prosím jinou kartu.
error-authentication-failed = Vaše banka nemohla tuto platbu ověřit. Zkuste to prosím znovu.
error-card-invalid = Číslo vaší karty nebylo přijato. Zkontrolujte ho prosím.
error-cvv-invalid = Váš bezpečnostní kód nebyl přijat. Zkontrolujte ho prosím.
error-payment-expired = Platba nebyla dokončena včas. Zkuste to prosím znovu.
error-payment-failed = Vaši platbu se nepodařilo dokončit. Zkuste to prosím znovu.

## Drop-in

dropin-label = Platba
dropin-loading = Načítání platby…
dropin-amount-label = Částka k úhradě
dropin-methods-label = Platební metoda
method-card = Karta
dropin-no-methods = Pro tuto objednávku není k dispozici žádná platební metoda.
dropin-processing = Zpracováváme vaši platbu…
dropin-redirecting = Přesměrováváme vás do vaší banky…
dropin-awaiting-result = Potvrzujeme vaši platbu…
dropin-success-title = Platba proběhla úspěšně
dropin-authorized-title = Platba autorizována
dropin-authorized-detail = Vaše karta byla autorizována. Částka bude stržena, až obchod potvrdí vaši objednávku.
dropin-success-order = Číslo objednávky: { $order }
dropin-expired-title = Platnost této platby vypršela
dropin-error-title = Platba není k dispozici
dropin-retry = Zkusit znovu

## Secure card frames (titles of the iframes)

secure-frame-title-number = Zabezpečené pole pro číslo karty
secure-frame-title-expiry = Zabezpečené pole pro datum platnosti
secure-frame-title-cvv = Zabezpečené pole pro bezpečnostní kód
secure-frame-title-holder = Zabezpečené pole pro jméno držitele karty

## Saved cards

stored-card-title = { $brand } •••• { $last4 }
stored-card-expires = Platnost do { $expiry }
stored-card-expired = Platnost vypršela { $expiry }
stored-card-remove = Odebrat kartu
stored-card-remove-confirm = Odebrat tuto kartu?
stored-card-remove-yes = Odebrat
stored-card-remove-cancel = Ponechat
stored-card-remove-failed = Kartu se nepodařilo odebrat. { $reason }
stored-card-removed = Karta byla odebrána.
card-save-label = Uložit kartu pro budoucí platby
card-save-required = Jedná se o předplatné: vaše karta bude uložena a budou z ní hrazeny další platby. Zaplacením s tím souhlasíte.

## Other payment methods (QR wallets, redirects)

method-hint-card = Zaplaťte kartou.
method-hint-qr = Po stisknutí tlačítka Zaplatit naskenujte QR kód v aplikaci { $method } a platbu schvalte.
method-hint-redirect = Po stisknutí tlačítka Zaplatit budete přesměrováni do služby { $method }, kde platbu schválíte, a poté se vrátíte sem.
method-hint-wallet = Zaplaťte pomocí { $method }.
qr-code-label = QR kód pro platbu pomocí { $method }
qr-instructions = Otevřete aplikaci { $method }, naskenujte tento kód a schvalte platbu. Stránka se aktualizuje automaticky.
qr-open-app = Otevřít { $method }
qr-copy = Kopírovat platební odkaz
qr-copied = Platební odkaz byl zkopírován.
qr-reconnecting = Spojení bylo přerušeno. Platbu stále ověřujeme…
qr-expires-in = Platnost kódu vyprší za
qr-time-left =
    { $minutes ->
        [one] Na naskenování kódu zbývá jedna minuta.
        [few] Na naskenování kódu zbývají { $minutes } minuty.
        [many] Na naskenování kódu zbývá { $minutes } minuty.
       *[other] Na naskenování kódu zbývá { $minutes } minut.
    }

## Browser wallets (Apple Pay, Google Pay)

wallet-pay-button = Zaplatit pomocí { $method }
wallet-buy-button = Koupit pomocí { $method }
wallet-checkout-button = Dokončit nákup pomocí { $method }
wallet-donate-button = Darovat pomocí { $method }
wallet-unavailable = { $method } se nepodařilo otevřít. Zvolte prosím jinou platební metodu.

## Back to the merchant (the hosted payment page)

merchant-back = Zpět do obchodu { $merchant }
merchant-returning = Vracíme vás do obchodu { $merchant }…
