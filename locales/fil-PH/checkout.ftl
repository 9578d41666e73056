# PayKKa Checkout — Filipino (Pilipinas)

## Card form

card-number-label = Numero ng card
card-expiry-label = Petsa ng expiration
card-expiry-placeholder = MM/YY
card-cvv-label = Security code
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } digit sa harap ng card
       *[back] { $digits } digit sa likod ng card
    }
card-holder-label = Pangalan sa card
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "₱499.00"
pay-button = Magbayad ng { $amount }
card-form-complete = Kumpleto na ang detalye ng card.
card-form-invalid-generic = May ilang detalye ng bayad na kailangang ayusin.
# $count (number): how many fields need attention
# Filipino "one" also covers 2, 3, 5, 7, 8, 10, 11…: both variants show the number.
card-form-invalid =
    { $count ->
        [one] May { $count } field na kailangang ayusin.
       *[other] May { $count } field na kailangang ayusin.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Ilagay ang numero ng iyong card.
error-number-incomplete = Hindi kumpleto ang numero ng iyong card.
error-number-too-long = Masyadong mahaba ang numero ng iyong card.
error-number-invalid = Hindi valid ang numero ng iyong card.
error-number-unsupported = Hindi suportado ang brand ng card na ito.
error-expiry-empty = Ilagay ang petsa ng expiration.
error-expiry-incomplete = Hindi kumpleto ang petsa ng expiration.
error-expiry-month-invalid = Dapat nasa pagitan ng 01 at 12 ang buwan ng expiration.
error-expiry-in-past = Expired na ang iyong card.
error-expiry-too-far = Masyadong malayo sa hinaharap ang petsa ng expiration.
error-cvv-empty = Ilagay ang security code.
error-cvv-incomplete = Hindi kumpleto ang security code.
error-holder-name-empty = Ilagay ang pangalan sa card.
error-holder-name-invalid = Ilagay ang pangalan ayon sa nakasulat sa card.
error-amount-invalid = Hindi valid ang halaga.
error-amount-negative = Hindi puwedeng negatibo ang halaga.
error-currency-unsupported = Hindi suportado ang currency na ito.

## Payment errors (flow and decline reasons)

error-network-unavailable = Hindi namin makontak ang payment service. Tingnan ang iyong koneksyon at subukang muli.
error-request-timed-out = Masyadong matagal sumagot ang payment service. Pakisubukang muli.
error-server = Nagkaproblema sa aming panig. Pakisubukang muli.
error-invalid-response = Nakatanggap kami ng hindi inaasahang sagot. Pakisubukang muli.
error-request-rejected = Hindi ma-process ang bayad na ito. Pakitingnan ang iyong mga detalye.
error-session-expired = Nag-expire na ang checkout na ito. Bumalik sa shop para magsimulang muli.
error-session-not-found = Hindi mahanap ang checkout na ito. Bumalik sa shop para magsimulang muli.
error-session-completed = Bayad na ang order na ito.
error-secure-fields-unavailable = Hindi ma-load ang mga secure na field ng card. Pakisubukang muli.
error-field-not-mounted = May kulang na kinakailangang field ang card form sa page na ito. Pakikontak ang tindahan.
error-method-unavailable = Hindi ma-load ang paraan ng pagbabayad na ito. Pakisubukang muli o pumili ng ibang paraan ng pagbabayad.
error-randomness-unavailable = Hindi makagawa ng secure na pagbabayad ang browser na ito ngayon. Pakiupdate ang iyong browser o sumubok ng ibang browser.
error-too-many-requests = Masyadong maraming pagsubok. Maghintay ng isang minuto, saka subukang muli.
error-payment-pending = May bayad para sa order na ito na naghihintay pa ring makumpleto. Tapusin ito, o subukang muli pagkalipas ng ilang minuto.
error-card-data-expired = Para sa iyong seguridad, pakilagay muli ang mga detalye ng iyong card.
error-card-declined = Na-decline ang iyong card. Sumubok ng ibang card o makipag-ugnayan sa iyong bangko.
error-insufficient-funds = Na-decline ang iyong card dahil kulang ang pondo.
error-card-expired = Expired na ang iyong card. Pakigamit ang ibang card.
error-authentication-failed = Hindi ma-verify ng iyong bangko ang bayad na ito. Pakisubukang muli.
error-card-invalid = Hindi tinanggap ang numero ng iyong card. Pakitingnan ito.
error-cvv-invalid = Hindi tinanggap ang iyong security code. Pakitingnan ito.
error-payment-expired = Hindi natapos ang bayad sa takdang oras. Pakisubukang muli.
error-payment-failed = Hindi makumpleto ang iyong bayad. Pakisubukang muli.

## Drop-in

dropin-label = Checkout
dropin-loading = Nilo-load ang checkout…
dropin-amount-label = Halagang babayaran
dropin-methods-label = Paraan ng pagbabayad
method-card = Card
dropin-no-methods = Walang available na paraan ng pagbabayad para sa order na ito.
dropin-processing = Pinoproseso ang iyong bayad…
dropin-redirecting = Dinadala ka sa iyong bangko…
dropin-awaiting-result = Kinukumpirma ang iyong bayad…
dropin-success-title = Matagumpay ang pagbabayad
dropin-authorized-title = Na-authorize ang bayad
dropin-authorized-detail = Na-authorize ang iyong card. Sisingilin ka kapag kinumpirma ng tindahan ang iyong order.
# $order (string): the gateway's order reference
dropin-success-order = Reference ng order: { $order }
dropin-expired-title = Nag-expire na ang checkout na ito
dropin-error-title = Hindi available ang checkout
dropin-retry = Subukang muli

## Secure card frames (titles of the iframes)

secure-frame-title-number = Secure na field para sa numero ng card
secure-frame-title-expiry = Secure na field para sa petsa ng expiration
secure-frame-title-cvv = Secure na field para sa security code
secure-frame-title-holder = Secure na field para sa pangalan ng cardholder

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Mag-e-expire sa { $expiry }
stored-card-expired = Nag-expire noong { $expiry }
stored-card-remove = Alisin ang card
stored-card-remove-confirm = Alisin ang card na ito?
stored-card-remove-yes = Alisin
stored-card-remove-cancel = Huwag alisin
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Hindi maalis ang card. { $reason }
stored-card-removed = Naalis na ang card.
card-save-label = I-save ang card na ito para sa mga susunod na bayad
card-save-required = Isa itong subscription: ise-save ang iyong card at sisingilin ito para sa mga susunod na bayad. Sa pagbabayad, pumapayag ka rito.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Magbayad gamit ang iyong card.
method-hint-qr = Pagkatapos pindutin ang Magbayad, i-scan ang QR code gamit ang { $method } app para aprubahan ang bayad.
method-hint-redirect = Pagkatapos pindutin ang Magbayad, dadalhin ka sa { $method } para aprubahan ang bayad, at pagkatapos ay ibabalik ka rito.
method-hint-wallet = Magbayad gamit ang { $method }.
qr-code-label = QR code para magbayad gamit ang { $method }
qr-instructions = Buksan ang { $method } app, i-scan ang code na ito, at aprubahan ang bayad. Kusang mag-a-update ang page na ito.
qr-open-app = Buksan ang { $method }
qr-copy = Kopyahin ang payment link
qr-copied = Nakopya na ang payment link.
qr-reconnecting = Nawala ang koneksyon. Patuloy pa rin naming sinusuri ang iyong bayad…
qr-expires-in = Mag-e-expire ang code sa loob ng
# $minutes (number): whole minutes left
# Filipino "one" also covers 2, 3, 5, 7, 8, 10, 11…: both variants show the number.
qr-time-left =
    { $minutes ->
        [one] { $minutes } minuto na lang para i-scan ang code.
       *[other] { $minutes } minuto na lang para i-scan ang code.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Magbayad gamit ang { $method }
wallet-buy-button = Bumili gamit ang { $method }
wallet-checkout-button = Mag-checkout gamit ang { $method }
wallet-donate-button = Mag-donate gamit ang { $method }
wallet-unavailable = Hindi mabuksan ang { $method }. Pumili ng ibang paraan ng pagbabayad.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Bumalik sa { $merchant }
merchant-returning = Ibinabalik ka sa { $merchant }…
