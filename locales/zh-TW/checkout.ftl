# PayKKa Checkout — 繁體中文（台灣）

## Card form

card-number-label = 卡號
card-expiry-label = 有效期限
card-expiry-placeholder = MM/YY
card-cvv-label = 安全碼
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] 卡片正面的 { $digits } 位數字
       *[back] 卡片背面的 { $digits } 位數字
    }
card-holder-label = 持卡人姓名
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "$49.99"
pay-button = 付款 { $amount }
card-form-complete = 信用卡資料已填寫完成。
card-form-invalid-generic = 部分付款資料需要您確認。
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
       *[other] 有 { $count } 個欄位需要您確認。
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = 請輸入卡號。
error-number-incomplete = 卡號不完整。
error-number-too-long = 卡號過長。
error-number-invalid = 卡號無效。
error-number-unsupported = 不支援此信用卡品牌。
error-expiry-empty = 請輸入有效期限。
error-expiry-incomplete = 有效期限不完整。
error-expiry-month-invalid = 有效期限的月份必須介於 01 到 12 之間。
error-expiry-in-past = 您的信用卡已過期。
error-expiry-too-far = 有效期限距今過遠。
error-cvv-empty = 請輸入安全碼。
error-cvv-incomplete = 安全碼不完整。
error-holder-name-empty = 請輸入持卡人姓名。
error-holder-name-invalid = 請依卡片上的姓名輸入。
error-amount-invalid = 金額無效。
error-amount-negative = 金額不得為負數。
error-currency-unsupported = 不支援此幣別。

## Payment errors (flow and decline reasons)

error-network-unavailable = 無法連線至付款服務。請檢查您的網路連線後再試一次。
error-request-timed-out = 付款服務回應逾時。請再試一次。
error-server = 我們的系統發生問題。請再試一次。
error-invalid-response = 收到非預期的回應。請再試一次。
error-request-rejected = 無法處理這筆付款。請檢查您填寫的資料。
error-session-expired = 本次結帳已逾時。請返回商店重新開始。
error-session-not-found = 找不到本次結帳。請返回商店重新開始。
error-session-completed = 這筆訂單已完成付款。
error-secure-fields-unavailable = 無法載入安全的信用卡欄位。請再試一次。
error-field-not-mounted = 此頁面的信用卡表單缺少必填欄位。請聯絡商店。
error-method-unavailable = 無法載入此付款方式。請重試或選擇其他付款方式。
error-randomness-unavailable = 此瀏覽器目前無法進行安全付款。請更新瀏覽器或改用其他瀏覽器。
error-too-many-requests = 嘗試次數過多。請稍候一分鐘後再試。
error-payment-pending = 此訂單的一筆付款仍在等待完成。請完成該付款，或幾分鐘後再試。
error-card-data-expired = 為了您的安全，請重新輸入信用卡資料。
error-card-declined = 您的信用卡遭到拒絕。請改用其他信用卡，或聯絡您的發卡銀行。
error-insufficient-funds = 您的信用卡因額度或餘額不足遭到拒絕。
error-card-expired = 您的信用卡已過期。請改用其他信用卡。
error-authentication-failed = 您的銀行無法驗證這筆付款。請再試一次。
error-card-invalid = 您的卡號未被接受。請檢查後再試一次。
error-cvv-invalid = 您的安全碼未被接受。請檢查後再試一次。
error-payment-expired = 付款未在時限內完成。請再試一次。
error-payment-failed = 無法完成您的付款。請再試一次。

## Drop-in

dropin-label = 結帳
dropin-loading = 正在載入結帳頁面…
dropin-amount-label = 付款金額
dropin-methods-label = 付款方式
method-card = 信用卡
dropin-no-methods = 此訂單目前沒有可用的付款方式。
dropin-processing = 正在處理您的付款…
dropin-redirecting = 正在將您導向銀行頁面…
dropin-awaiting-result = 正在確認您的付款…
dropin-success-title = 付款成功
dropin-authorized-title = 付款已授權
dropin-authorized-detail = 您的信用卡已完成授權。商店確認訂單後才會扣款。
# $order (string): the gateway's order reference
dropin-success-order = 訂單編號：{ $order }
dropin-expired-title = 本次結帳已逾時
dropin-error-title = 目前無法使用結帳服務
dropin-retry = 再試一次

## Secure card frames (titles of the iframes)

secure-frame-title-number = 受保護的卡號輸入欄位
secure-frame-title-expiry = 受保護的有效期限輸入欄位
secure-frame-title-cvv = 受保護的安全碼輸入欄位
secure-frame-title-holder = 受保護的持卡人姓名輸入欄位

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = 有效期限 { $expiry }
stored-card-expired = 已於 { $expiry } 過期
stored-card-remove = 移除信用卡
stored-card-remove-confirm = 要移除這張信用卡嗎？
stored-card-remove-yes = 移除
stored-card-remove-cancel = 保留
# $reason (string): why, as one of the error messages
stored-card-remove-failed = 無法移除這張信用卡。{ $reason }
stored-card-removed = 已移除信用卡。
card-save-label = 儲存這張信用卡，方便日後付款
card-save-required = 此為訂閱服務：您的信用卡將被儲存，並用於後續的扣款。付款即表示您同意此安排。

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = 使用信用卡付款。
method-hint-qr = 點選「付款」後，請使用 { $method } App 掃描 QR Code 以核准付款。
method-hint-redirect = 點選「付款」後，系統會將您導向 { $method } 核准付款，完成後再返回此頁面。
method-hint-wallet = 使用 { $method } 付款。
qr-code-label = 使用 { $method } 付款的 QR Code
qr-instructions = 開啟 { $method } App，掃描此 QR Code 並核准付款。此頁面將自動更新。
qr-open-app = 開啟 { $method }
qr-copy = 複製付款連結
qr-copied = 已複製付款連結。
qr-reconnecting = 連線已中斷。我們仍在確認您的付款…
qr-expires-in = QR Code 剩餘有效時間
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
       *[other] 剩餘 { $minutes } 分鐘可掃描 QR Code。
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = 使用 { $method } 付款
wallet-buy-button = 使用 { $method } 購買
wallet-checkout-button = 使用 { $method } 結帳
wallet-donate-button = 使用 { $method } 捐款
wallet-unavailable = 無法開啟 { $method }。請選擇其他付款方式。

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = 返回 { $merchant }
merchant-returning = 正在返回 { $merchant }…
