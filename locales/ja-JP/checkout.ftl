# PayKKa Checkout — 日本語（日本）

## Card form

card-number-label = カード番号
card-expiry-label = 有効期限
card-expiry-placeholder = MM/YY
card-cvv-label = セキュリティコード
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] カード表面の { $digits } 桁の数字
       *[back] カード裏面の { $digits } 桁の数字
    }
card-holder-label = カード名義人
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "￥4,999"
pay-button = { $amount } を支払う
card-form-complete = カード情報の入力が完了しました。
card-form-invalid-generic = 一部のお支払い情報をご確認ください。
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
       *[other] { $count } 件の項目をご確認ください。
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = カード番号を入力してください。
error-number-incomplete = カード番号が不完全です。
error-number-too-long = カード番号が長すぎます。
error-number-invalid = カード番号が無効です。
error-number-unsupported = このカードブランドはご利用いただけません。
error-expiry-empty = 有効期限を入力してください。
error-expiry-incomplete = 有効期限が不完全です。
error-expiry-month-invalid = 有効期限の月は 01 から 12 の間で入力してください。
error-expiry-in-past = カードの有効期限が切れています。
error-expiry-too-far = 有効期限が先すぎます。
error-cvv-empty = セキュリティコードを入力してください。
error-cvv-incomplete = セキュリティコードが不完全です。
error-holder-name-empty = カード名義人を入力してください。
error-holder-name-invalid = カードに記載されているとおりに名義を入力してください。
error-amount-invalid = 金額が無効です。
error-amount-negative = 金額にマイナスの値は指定できません。
error-currency-unsupported = この通貨はご利用いただけません。

## Payment errors (flow and decline reasons)

error-network-unavailable = 決済サービスに接続できませんでした。通信環境をご確認のうえ、もう一度お試しください。
error-request-timed-out = 決済サービスの応答に時間がかかっています。もう一度お試しください。
error-server = システムで問題が発生しました。もう一度お試しください。
error-invalid-response = 予期しない応答を受信しました。もう一度お試しください。
error-request-rejected = このお支払いを処理できませんでした。入力内容をご確認ください。
error-session-expired = このお支払い画面の有効期限が切れました。ショップに戻って最初からやり直してください。
error-session-not-found = このお支払い画面が見つかりませんでした。ショップに戻って最初からやり直してください。
error-session-completed = このご注文はすでにお支払い済みです。
error-secure-fields-unavailable = カード情報の安全な入力欄を読み込めませんでした。もう一度お試しください。
error-field-not-mounted = このページのカード入力フォームに必須の項目がありません。ショップにお問い合わせください。
error-method-unavailable = この支払い方法を読み込めませんでした。もう一度お試しいただくか、別の支払い方法を選択してください。
error-randomness-unavailable = このブラウザでは現在、安全なお支払いができません。ブラウザを更新するか、別のブラウザをお試しください。
error-too-many-requests = 試行回数が多すぎます。1分ほど待ってから、もう一度お試しください。
error-payment-pending = この注文の支払いがまだ完了を待っています。支払いを完了するか、数分後にもう一度お試しください。
error-card-data-expired = セキュリティのため、カード情報をもう一度入力してください。
error-card-declined = カードが承認されませんでした。別のカードをお試しいただくか、カード発行会社にお問い合わせください。
error-insufficient-funds = ご利用可能枠または残高が不足しているため、カードが承認されませんでした。
error-card-expired = カードの有効期限が切れています。別のカードをご利用ください。
error-authentication-failed = カード発行会社でこのお支払いを確認できませんでした。もう一度お試しください。
error-card-invalid = カード番号が受け付けられませんでした。ご確認ください。
error-cvv-invalid = セキュリティコードが受け付けられませんでした。ご確認ください。
error-payment-expired = お支払いが時間内に完了しませんでした。もう一度お試しください。
error-payment-failed = お支払いを完了できませんでした。もう一度お試しください。

## Drop-in

dropin-label = お支払い
dropin-loading = お支払い画面を読み込んでいます…
dropin-amount-label = お支払い金額
dropin-methods-label = お支払い方法
method-card = カード
dropin-no-methods = このご注文でご利用いただけるお支払い方法はありません。
dropin-processing = お支払いを処理しています…
dropin-redirecting = ご利用の金融機関のページに移動しています…
dropin-awaiting-result = お支払いを確認しています…
dropin-success-title = お支払いが完了しました
dropin-authorized-title = 支払いが承認されました
dropin-authorized-detail = カードのオーソリが完了しました。ショップが注文を確定した時点で請求されます。
# $order (string): the gateway's order reference
dropin-success-order = 注文番号：{ $order }
dropin-expired-title = このお支払い画面の有効期限が切れました
dropin-error-title = お支払い画面をご利用いただけません
dropin-retry = もう一度試す

## Secure card frames (titles of the iframes)

secure-frame-title-number = カード番号の安全な入力欄
secure-frame-title-expiry = 有効期限の安全な入力欄
secure-frame-title-cvv = セキュリティコードの安全な入力欄
secure-frame-title-holder = カード名義人の安全な入力欄

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = 有効期限 { $expiry }
stored-card-expired = 有効期限切れ（{ $expiry }）
stored-card-remove = カードを削除
stored-card-remove-confirm = このカードを削除しますか？
stored-card-remove-yes = 削除する
stored-card-remove-cancel = 削除しない
# $reason (string): why, as one of the error messages
stored-card-remove-failed = カードを削除できませんでした。{ $reason }
stored-card-removed = カードを削除しました。
card-save-label = 今後のお支払いのためにこのカードを保存する
card-save-required = これは定期購入です。カードは保存され、今後のお支払いに使用されます。お支払いを行うことで、これに同意したものとみなされます。

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = カードでお支払いください。
method-hint-qr = 「支払う」を押した後、{ $method } アプリで QR コードを読み取り、お支払いを承認してください。
method-hint-redirect = 「支払う」を押すと { $method } に移動します。お支払いを承認すると、このページに戻ります。
method-hint-wallet = { $method } でお支払いください。
qr-code-label = { $method } で支払うための QR コード
qr-instructions = { $method } アプリを開き、このコードを読み取ってお支払いを承認してください。このページは自動的に更新されます。
qr-open-app = { $method } を開く
qr-copy = お支払いリンクをコピー
qr-copied = お支払いリンクをコピーしました。
qr-reconnecting = 接続が切れました。お支払いの確認を続けています…
qr-expires-in = コードの有効期限まで残り
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
       *[other] コードの読み取り期限まで残り { $minutes } 分です。
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = { $method } で支払う
wallet-buy-button = { $method } で購入
wallet-checkout-button = { $method } でチェックアウト
wallet-donate-button = { $method } で寄付する
wallet-unavailable = { $method } を開けませんでした。別のお支払い方法をお選びください。

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = { $merchant } に戻る
merchant-returning = { $merchant } に戻ります…
