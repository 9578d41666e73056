# PayKKa Checkout — 简体中文（中国大陆）

## Card form

card-number-label = 卡号
card-expiry-label = 有效期
card-expiry-placeholder = MM/YY
card-cvv-label = 安全码
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] 卡片正面的 { $digits } 位数字
       *[back] 卡片背面的 { $digits } 位数字
    }
card-holder-label = 持卡人姓名
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "¥49.99"
pay-button = 支付 { $amount }
card-form-complete = 银行卡信息已填写完整。
card-form-invalid-generic = 部分支付信息需要您检查。
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
       *[other] 有 { $count } 个字段需要您检查。
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = 请输入卡号。
error-number-incomplete = 卡号不完整。
error-number-too-long = 卡号过长。
error-number-invalid = 卡号无效。
error-number-unsupported = 不支持该卡品牌。
error-expiry-empty = 请输入有效期。
error-expiry-incomplete = 有效期不完整。
error-expiry-month-invalid = 有效期月份必须介于 01 到 12 之间。
error-expiry-in-past = 您的卡已过期。
error-expiry-too-far = 有效期距今太远。
error-cvv-empty = 请输入安全码。
error-cvv-incomplete = 安全码不完整。
error-holder-name-empty = 请输入持卡人姓名。
error-holder-name-invalid = 请按卡面上的姓名输入。
error-amount-invalid = 金额无效。
error-amount-negative = 金额不能为负数。
error-currency-unsupported = 不支持该币种。

## Payment errors (flow and decline reasons)

error-network-unavailable = 无法连接支付服务。请检查网络连接后重试。
error-request-timed-out = 支付服务响应超时。请重试。
error-server = 我们这边出了点问题。请重试。
error-invalid-response = 收到了意外的响应。请重试。
error-request-rejected = 无法处理此笔支付。请检查您填写的信息。
error-session-expired = 本次结账已过期。请返回商家页面重新开始。
error-session-not-found = 找不到本次结账。请返回商家页面重新开始。
error-session-completed = 该订单已支付。
error-secure-fields-unavailable = 无法加载安全卡信息输入框。请重试。
error-field-not-mounted = 此页面的银行卡表单缺少必填字段。请联系商家。
error-method-unavailable = 无法加载此支付方式。请重试或选择其他支付方式。
error-randomness-unavailable = 此浏览器当前无法进行安全支付。请更新浏览器或换用其他浏览器。
error-too-many-requests = 尝试次数过多。请稍等一分钟后再试。
error-payment-pending = 此订单的一笔付款仍在等待完成。请完成该付款，或几分钟后再试。
error-card-data-expired = 为了您的安全，请重新输入银行卡信息。
error-card-declined = 您的卡被拒绝。请换一张卡或联系您的发卡银行。
error-insufficient-funds = 您的卡因余额不足被拒绝。
error-card-expired = 您的卡已过期。请使用其他卡。
error-authentication-failed = 您的银行无法验证此笔支付。请重试。
error-card-invalid = 您的卡号未被接受。请检查后重试。
error-cvv-invalid = 您的安全码未被接受。请检查后重试。
error-payment-expired = 支付未在规定时间内完成。请重试。
error-payment-failed = 您的支付未能完成。请重试。

## Drop-in

dropin-label = 结账
dropin-loading = 正在加载结账页面…
dropin-amount-label = 支付金额
dropin-methods-label = 支付方式
method-card = 银行卡
dropin-no-methods = 此订单暂无可用的支付方式。
dropin-processing = 正在处理您的支付…
dropin-redirecting = 正在跳转至您的银行…
dropin-awaiting-result = 正在确认您的支付…
dropin-success-title = 支付成功
dropin-authorized-title = 付款已授权
dropin-authorized-detail = 您的银行卡已完成授权。商家确认订单后才会扣款。
# $order (string): the gateway's order reference
dropin-success-order = 订单号：{ $order }
dropin-expired-title = 本次结账已过期
dropin-error-title = 结账暂不可用
dropin-retry = 重试

## Secure card frames (titles of the iframes)

secure-frame-title-number = 受保护的卡号输入框
secure-frame-title-expiry = 受保护的有效期输入框
secure-frame-title-cvv = 受保护的安全码输入框
secure-frame-title-holder = 受保护的持卡人姓名输入框

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = 有效期至 { $expiry }
stored-card-expired = 已于 { $expiry } 过期
stored-card-remove = 删除卡
stored-card-remove-confirm = 要删除这张卡吗？
stored-card-remove-yes = 删除
stored-card-remove-cancel = 保留
# $reason (string): why, as one of the error messages
stored-card-remove-failed = 无法删除该卡。{ $reason }
stored-card-removed = 卡已删除。
card-save-label = 保存此卡以便日后支付
card-save-required = 这是一项订阅：您的卡将被保存，并用于后续扣款。付款即表示您同意此安排。

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = 使用银行卡支付。
method-hint-qr = 点击“支付”后，请使用 { $method } App 扫描二维码以确认支付。
method-hint-redirect = 点击“支付”后，您将跳转至 { $method } 确认支付，完成后会返回此页面。
method-hint-wallet = 使用 { $method } 支付。
qr-code-label = 使用 { $method } 支付的二维码
qr-instructions = 打开 { $method } App，扫描此二维码并确认支付。本页面将自动更新。
qr-open-app = 打开 { $method }
qr-copy = 复制支付链接
qr-copied = 支付链接已复制。
qr-reconnecting = 连接已中断。我们仍在确认您的付款…
qr-expires-in = 二维码剩余有效时间
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
       *[other] 还剩 { $minutes } 分钟可扫描二维码。
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = 使用 { $method } 支付
wallet-buy-button = 使用 { $method } 购买
wallet-checkout-button = 使用 { $method } 结账
wallet-donate-button = 使用 { $method } 捐款
wallet-unavailable = 无法打开 { $method }。请选择其他支付方式。

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = 返回 { $merchant }
merchant-returning = 正在返回 { $merchant }…
