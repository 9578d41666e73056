# PayKKa Checkout — 繁體中文（香港）

## Card form

card-number-label = 卡號
card-expiry-label = 到期日
card-expiry-placeholder = MM/YY
card-cvv-label = 保安碼
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] 卡正面的 { $digits } 位數字
       *[back] 卡背面的 { $digits } 位數字
    }
card-holder-label = 持卡人姓名
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "HK$49.99"
pay-button = 付款 { $amount }
card-form-complete = 已填妥卡資料。
card-form-invalid-generic = 部分付款資料需要您檢查。
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
       *[other] 有 { $count } 個欄位需要您檢查。
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = 請輸入卡號。
error-number-incomplete = 卡號不完整。
error-number-too-long = 卡號過長。
error-number-invalid = 卡號無效。
error-number-unsupported = 不支援此卡類型。
error-expiry-empty = 請輸入到期日。
error-expiry-incomplete = 到期日不完整。
error-expiry-month-invalid = 到期月份必須介乎 01 至 12。
error-expiry-in-past = 您的卡已過期。
error-expiry-too-far = 到期日距今太遠。
error-cvv-empty = 請輸入保安碼。
error-cvv-incomplete = 保安碼不完整。
error-holder-name-empty = 請輸入持卡人姓名。
error-holder-name-invalid = 請按卡上所示輸入姓名。
error-amount-invalid = 金額無效。
error-amount-negative = 金額不可為負數。
error-currency-unsupported = 不支援此貨幣。

## Payment errors (flow and decline reasons)

error-network-unavailable = 無法連接付款服務。請檢查網絡連線，然後重試。
error-request-timed-out = 付款服務回應時間過長。請重試。
error-server = 我們的系統出現問題。請重試。
error-invalid-response = 收到意外的回應。請重試。
error-request-rejected = 無法處理此付款。請檢查您的資料。
error-session-expired = 本次結帳已逾時。請返回商店重新開始。
error-session-not-found = 找不到本次結帳。請返回商店重新開始。
error-session-completed = 此訂單已付款。
error-secure-fields-unavailable = 無法載入安全的卡資料欄位。請重試。
error-field-not-mounted = 此頁面的卡資料表格缺少必填欄位。請聯絡商店。
error-method-unavailable = 無法載入此付款方式。請重試或選擇其他付款方式。
error-randomness-unavailable = 此瀏覽器目前無法進行安全付款。請更新瀏覽器或改用其他瀏覽器。
error-too-many-requests = 嘗試次數過多。請稍等一分鐘後再試。
error-payment-pending = 此訂單的一筆付款仍在等待完成。請完成該付款，或數分鐘後再試。
error-card-data-expired = 為了您的安全，請重新輸入銀行卡資料。
error-card-declined = 您的卡被拒絕。請使用其他卡或聯絡您的銀行。
error-insufficient-funds = 您的卡因結餘不足被拒絕。
error-card-expired = 您的卡已過期。請使用其他卡。
error-authentication-failed = 您的銀行未能驗證此付款。請重試。
error-card-invalid = 您的卡號不獲接納。請檢查後重試。
error-cvv-invalid = 您的保安碼不獲接納。請檢查後重試。
error-payment-expired = 付款未能在限時內完成。請重試。
error-payment-failed = 未能完成您的付款。請重試。

## Drop-in

dropin-label = 結帳
dropin-loading = 正在載入結帳頁面…
dropin-amount-label = 付款金額
dropin-methods-label = 付款方式
method-card = 信用卡／扣賬卡
dropin-no-methods = 此訂單沒有可用的付款方式。
dropin-processing = 正在處理您的付款…
dropin-redirecting = 正在轉往您的銀行…
dropin-awaiting-result = 正在確認您的付款…
dropin-success-title = 付款成功
dropin-authorized-title = 付款已授權
dropin-authorized-detail = 您的銀行卡已完成授權。商店確認訂單後才會扣款。
# $order (string): the gateway's order reference
dropin-success-order = 訂單編號：{ $order }
dropin-expired-title = 本次結帳已逾時
dropin-error-title = 暫時無法使用結帳服務
dropin-retry = 重試

## Secure card frames (titles of the iframes)

secure-frame-title-number = 受保護的卡號輸入欄
secure-frame-title-expiry = 受保護的到期日輸入欄
secure-frame-title-cvv = 受保護的保安碼輸入欄
secure-frame-title-holder = 受保護的持卡人姓名輸入欄

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = 到期日 { $expiry }
stored-card-expired = 已於 { $expiry } 到期
stored-card-remove = 移除卡
stored-card-remove-confirm = 要移除此卡嗎？
stored-card-remove-yes = 移除
stored-card-remove-cancel = 保留
# $reason (string): why, as one of the error messages
stored-card-remove-failed = 無法移除此卡。{ $reason }
stored-card-removed = 已移除卡。
card-save-label = 儲存此卡以供日後付款
card-save-required = 此為訂閱服務：您的卡將被儲存，並用於日後的扣款。付款即表示您同意此安排。

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = 以卡付款。
method-hint-qr = 按「付款」後，請用 { $method } 應用程式掃描二維碼以確認付款。
method-hint-redirect = 按「付款」後，您將被轉往 { $method } 確認付款，完成後會返回此頁面。
method-hint-wallet = 以 { $method } 付款。
qr-code-label = 以 { $method } 付款的二維碼
qr-instructions = 開啟 { $method } 應用程式，掃描此二維碼並確認付款。此頁面會自動更新。
qr-open-app = 開啟 { $method }
qr-copy = 複製付款連結
qr-copied = 已複製付款連結。
qr-reconnecting = 連線已中斷。我們仍在確認你的付款…
qr-expires-in = 二維碼剩餘有效時間
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
       *[other] 尚餘 { $minutes } 分鐘可掃描二維碼。
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = 以 { $method } 付款
wallet-buy-button = 以 { $method } 購買
wallet-checkout-button = 以 { $method } 結帳
wallet-donate-button = 以 { $method } 捐款
wallet-unavailable = 無法開啟 { $method }。請選擇其他付款方式。

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = 返回 { $merchant }
merchant-returning = 正在返回 { $merchant }…
