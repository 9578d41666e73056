# PayKKa Checkout — 한국어(대한민국)

## Card form

card-number-label = 카드 번호
card-expiry-label = 유효기간
card-expiry-placeholder = MM/YY
card-cvv-label = 보안 코드
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] 카드 앞면의 숫자 { $digits }자리
       *[back] 카드 뒷면의 숫자 { $digits }자리
    }
card-holder-label = 카드 소유자 이름
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "₩49,900"
pay-button = { $amount } 결제
card-form-complete = 카드 정보 입력이 완료되었습니다.
card-form-invalid-generic = 일부 결제 정보를 확인해 주세요.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
       *[other] { $count }개 항목을 확인해 주세요.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = 카드 번호를 입력해 주세요.
error-number-incomplete = 카드 번호가 불완전합니다.
error-number-too-long = 카드 번호가 너무 깁니다.
error-number-invalid = 카드 번호가 유효하지 않습니다.
error-number-unsupported = 지원되지 않는 카드 브랜드입니다.
error-expiry-empty = 유효기간을 입력해 주세요.
error-expiry-incomplete = 유효기간이 불완전합니다.
error-expiry-month-invalid = 유효기간의 월은 01에서 12 사이여야 합니다.
error-expiry-in-past = 카드 유효기간이 지났습니다.
error-expiry-too-far = 유효기간이 너무 먼 미래입니다.
error-cvv-empty = 보안 코드를 입력해 주세요.
error-cvv-incomplete = 보안 코드가 불완전합니다.
error-holder-name-empty = 카드 소유자 이름을 입력해 주세요.
error-holder-name-invalid = 카드에 표시된 대로 이름을 입력해 주세요.
error-amount-invalid = 금액이 유효하지 않습니다.
error-amount-negative = 금액은 음수일 수 없습니다.
error-currency-unsupported = 지원되지 않는 통화입니다.

## Payment errors (flow and decline reasons)

error-network-unavailable = 결제 서비스에 연결할 수 없습니다. 인터넷 연결을 확인한 후 다시 시도해 주세요.
error-request-timed-out = 결제 서비스의 응답이 지연되고 있습니다. 다시 시도해 주세요.
error-server = 시스템에 문제가 발생했습니다. 다시 시도해 주세요.
error-invalid-response = 예상치 못한 응답을 받았습니다. 다시 시도해 주세요.
error-request-rejected = 이 결제를 처리할 수 없습니다. 입력한 정보를 확인해 주세요.
error-session-expired = 결제 페이지가 만료되었습니다. 상점으로 돌아가 다시 시작해 주세요.
error-session-not-found = 결제 페이지를 찾을 수 없습니다. 상점으로 돌아가 다시 시작해 주세요.
error-session-completed = 이미 결제가 완료된 주문입니다.
error-secure-fields-unavailable = 카드 정보 보안 입력란을 불러올 수 없습니다. 다시 시도해 주세요.
error-field-not-mounted = 이 페이지의 카드 양식에 필수 입력란이 없습니다. 상점에 문의해 주세요.
error-method-unavailable = 이 결제 수단을 불러올 수 없습니다. 다시 시도하거나 다른 결제 수단을 선택하세요.
error-randomness-unavailable = 이 브라우저에서는 지금 안전하게 결제할 수 없습니다. 브라우저를 업데이트하거나 다른 브라우저를 사용해 주세요.
error-too-many-requests = 시도 횟수가 너무 많습니다. 1분 정도 기다린 후 다시 시도해 주세요.
error-payment-pending = 이 주문의 결제가 아직 완료를 기다리고 있습니다. 결제를 완료하거나 몇 분 후에 다시 시도해 주세요.
error-card-data-expired = 보안을 위해 카드 정보를 다시 입력해 주세요.
error-card-declined = 카드가 거절되었습니다. 다른 카드를 사용하거나 카드사에 문의해 주세요.
error-insufficient-funds = 잔액 또는 한도 부족으로 카드가 거절되었습니다.
error-card-expired = 카드 유효기간이 지났습니다. 다른 카드를 사용해 주세요.
error-authentication-failed = 카드사에서 이 결제를 인증하지 못했습니다. 다시 시도해 주세요.
error-card-invalid = 카드 번호가 승인되지 않았습니다. 카드 번호를 확인해 주세요.
error-cvv-invalid = 보안 코드가 승인되지 않았습니다. 보안 코드를 확인해 주세요.
error-payment-expired = 제한 시간 내에 결제가 완료되지 않았습니다. 다시 시도해 주세요.
error-payment-failed = 결제를 완료할 수 없습니다. 다시 시도해 주세요.

## Drop-in

dropin-label = 결제
dropin-loading = 결제 화면을 불러오는 중…
dropin-amount-label = 결제 금액
dropin-methods-label = 결제 수단
method-card = 카드
dropin-no-methods = 이 주문에 사용할 수 있는 결제 수단이 없습니다.
dropin-processing = 결제를 처리하는 중…
dropin-redirecting = 은행 페이지로 이동하는 중…
dropin-awaiting-result = 결제를 확인하는 중…
dropin-success-title = 결제 완료
dropin-authorized-title = 결제 승인됨
dropin-authorized-detail = 카드가 승인되었습니다. 상점이 주문을 확정하면 청구됩니다.
# $order (string): the gateway's order reference
dropin-success-order = 주문 번호: { $order }
dropin-expired-title = 결제 페이지가 만료되었습니다
dropin-error-title = 결제를 진행할 수 없습니다
dropin-retry = 다시 시도

## Secure card frames (titles of the iframes)

secure-frame-title-number = 카드 번호 보안 입력란
secure-frame-title-expiry = 유효기간 보안 입력란
secure-frame-title-cvv = 보안 코드 보안 입력란
secure-frame-title-holder = 카드 소유자 이름 보안 입력란

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = 유효기간 { $expiry }
stored-card-expired = 유효기간 만료({ $expiry })
stored-card-remove = 카드 삭제
stored-card-remove-confirm = 이 카드를 삭제하시겠습니까?
stored-card-remove-yes = 삭제
stored-card-remove-cancel = 유지
# $reason (string): why, as one of the error messages
stored-card-remove-failed = 카드를 삭제할 수 없습니다. { $reason }
stored-card-removed = 카드가 삭제되었습니다.
card-save-label = 다음 결제를 위해 이 카드 저장
card-save-required = 정기 결제 상품입니다. 카드가 저장되며 이후 결제 시 자동으로 청구됩니다. 결제하시면 이에 동의하는 것으로 간주됩니다.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = 카드로 결제하세요.
method-hint-qr = 결제 버튼을 누른 후 { $method } 앱으로 QR 코드를 스캔하여 결제를 승인해 주세요.
method-hint-redirect = 결제 버튼을 누르면 { $method } 페이지로 이동하여 결제를 승인한 후 이 페이지로 돌아옵니다.
method-hint-wallet = { $method }(으)로 결제하세요.
qr-code-label = { $method } 결제용 QR 코드
qr-instructions = { $method } 앱을 열고 이 코드를 스캔한 후 결제를 승인해 주세요. 이 페이지는 자동으로 업데이트됩니다.
qr-open-app = { $method } 열기
qr-copy = 결제 링크 복사
qr-copied = 결제 링크가 복사되었습니다.
qr-reconnecting = 연결이 끊겼습니다. 결제를 계속 확인하고 있습니다…
qr-expires-in = 코드 만료까지 남은 시간
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
       *[other] 코드를 스캔할 수 있는 시간이 { $minutes }분 남았습니다.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = { $method }로 결제
wallet-buy-button = { $method }로 구매
wallet-checkout-button = { $method }로 결제 진행
wallet-donate-button = { $method }로 기부
wallet-unavailable = { $method } 결제창을 열 수 없습니다. 다른 결제 수단을 선택해 주세요.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = { $merchant }(으)로 돌아가기
merchant-returning = { $merchant }(으)로 돌아가는 중…
