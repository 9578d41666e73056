# PayKKa Checkout — source locale (en-US). Every other locale defines exactly these messages.

## Card form

card-number-label = Card number
card-expiry-label = Expiry date
card-expiry-placeholder = MM/YY
card-cvv-label = Security code
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } digits on the front of the card
       *[back] { $digits } digits on the back of the card
    }
card-holder-label = Name on card
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "$49.99"
pay-button = Pay { $amount }
card-form-complete = Card details complete.
card-form-invalid-generic = Some payment details need your attention.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
        [one] One field needs your attention.
       *[other] { $count } fields need your attention.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Enter your card number.
error-number-incomplete = Your card number is incomplete.
error-number-too-long = Your card number is too long.
error-number-invalid = Your card number is invalid.
error-number-unsupported = This card brand is not supported.
error-expiry-empty = Enter the expiry date.
error-expiry-incomplete = The expiry date is incomplete.
error-expiry-month-invalid = The expiry month must be between 01 and 12.
error-expiry-in-past = Your card has expired.
error-expiry-too-far = The expiry date is too far in the future.
error-cvv-empty = Enter the security code.
error-cvv-incomplete = The security code is incomplete.
error-holder-name-empty = Enter the name on the card.
error-holder-name-invalid = Enter the name as it appears on the card.
error-amount-invalid = The amount is invalid.
error-amount-negative = The amount cannot be negative.
error-currency-unsupported = This currency is not supported.

## Payment errors (flow and decline reasons)

error-network-unavailable = We could not reach the payment service. Check your connection and try again.
error-request-timed-out = The payment service is taking too long to answer. Please try again.
error-server = Something went wrong on our side. Please try again.
error-invalid-response = We received an unexpected answer. Please try again.
error-request-rejected = This payment could not be processed. Please check your details.
error-session-expired = This checkout has expired. Please return to the shop to start again.
error-session-not-found = This checkout could not be found. Please return to the shop to start again.
error-session-completed = This order has already been paid.
error-secure-fields-unavailable = The secure card fields could not be loaded. Please try again.
error-field-not-mounted = The card form on this page is missing a required field. Please contact the store.
error-method-unavailable = This payment method could not be loaded. Please try again or choose another payment method.
error-randomness-unavailable = This browser cannot make a secure payment right now. Please update your browser or try another one.
error-too-many-requests = Too many attempts. Please wait a minute, then try again.
error-payment-pending = A payment for this order is still waiting to be completed. Finish it, or try again in a few minutes.
error-card-data-expired = For your security, please enter your card details again.
error-card-declined = Your card was declined. Try another card or contact your bank.
error-insufficient-funds = Your card was declined for insufficient funds.
error-card-expired = Your card has expired. Please use another card.
error-authentication-failed = Your bank could not verify this payment. Please try again.
error-card-invalid = Your card number was not accepted. Please check it.
error-cvv-invalid = Your security code was not accepted. Please check it.
error-payment-expired = The payment was not completed in time. Please try again.
error-payment-failed = Your payment could not be completed. Please try again.

## Drop-in

dropin-label = Checkout
dropin-loading = Loading checkout…
dropin-amount-label = Amount to pay
dropin-methods-label = Payment method
method-card = Card
dropin-no-methods = No payment method is available for this order.
dropin-processing = Processing your payment…
dropin-redirecting = Redirecting you to your bank…
dropin-awaiting-result = Confirming your payment…
dropin-success-title = Payment successful
dropin-authorized-title = Payment authorized
dropin-authorized-detail = Your card has been authorized. You will be charged when the shop confirms your order.
# $order (string): the gateway's order reference
dropin-success-order = Order reference: { $order }
dropin-expired-title = This checkout has expired
dropin-error-title = The checkout is not available
dropin-retry = Try again

## Secure card frames (titles of the iframes)

secure-frame-title-number = Secure card number input
secure-frame-title-expiry = Secure expiry date input
secure-frame-title-cvv = Secure security code input
secure-frame-title-holder = Secure cardholder name input

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Expires { $expiry }
stored-card-expired = Expired { $expiry }
stored-card-remove = Remove card
stored-card-remove-confirm = Remove this card?
stored-card-remove-yes = Remove
stored-card-remove-cancel = Keep it
# $reason (string): why, as one of the error messages
stored-card-remove-failed = The card could not be removed. { $reason }
stored-card-removed = Card removed.
card-save-label = Save this card for future payments
card-save-required = This is a subscription: your card will be saved and charged for its future payments. By paying, you agree to this.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Pay with your card.
method-hint-qr = After you press Pay, scan the QR code with the { $method } app to approve the payment.
method-hint-redirect = After you press Pay, you will be taken to { $method } to approve the payment, then brought back here.
method-hint-wallet = Pay with { $method }.
qr-code-label = QR code to pay with { $method }
qr-instructions = Open the { $method } app, scan this code and approve the payment. This page updates by itself.
qr-open-app = Open { $method }
qr-copy = Copy payment link
qr-copied = Payment link copied.
qr-reconnecting = Connection lost. Still checking for your payment…
qr-expires-in = The code expires in
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] One minute left to scan the code.
       *[other] { $minutes } minutes left to scan the code.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Pay with { $method }
wallet-buy-button = Buy with { $method }
wallet-checkout-button = Check out with { $method }
wallet-donate-button = Donate with { $method }
wallet-unavailable = { $method } could not be opened. Please choose another payment method.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Back to { $merchant }
merchant-returning = Taking you back to { $merchant }…
