# PayKKa Checkout — Tiếng Việt (Việt Nam)

## Card form

card-number-label = Số thẻ
card-expiry-label = Ngày hết hạn
card-expiry-placeholder = MM/YY
card-cvv-label = Mã bảo mật
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } chữ số ở mặt trước thẻ
       *[back] { $digits } chữ số ở mặt sau thẻ
    }
card-holder-label = Tên chủ thẻ
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "499.000 ₫"
pay-button = Thanh toán { $amount }
card-form-complete = Đã nhập đầy đủ thông tin thẻ.
card-form-invalid-generic = Vui lòng kiểm tra lại một số thông tin thanh toán.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
       *[other] Vui lòng kiểm tra lại { $count } trường thông tin.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Vui lòng nhập số thẻ.
error-number-incomplete = Số thẻ chưa đầy đủ.
error-number-too-long = Số thẻ quá dài.
error-number-invalid = Số thẻ không hợp lệ.
error-number-unsupported = Loại thẻ này không được hỗ trợ.
error-expiry-empty = Vui lòng nhập ngày hết hạn.
error-expiry-incomplete = Ngày hết hạn chưa đầy đủ.
error-expiry-month-invalid = Tháng hết hạn phải nằm trong khoảng từ 01 đến 12.
error-expiry-in-past = Thẻ của bạn đã hết hạn.
error-expiry-too-far = Ngày hết hạn quá xa trong tương lai.
error-cvv-empty = Vui lòng nhập mã bảo mật.
error-cvv-incomplete = Mã bảo mật chưa đầy đủ.
error-holder-name-empty = Vui lòng nhập tên chủ thẻ.
error-holder-name-invalid = Vui lòng nhập tên đúng như in trên thẻ.
error-amount-invalid = Số tiền không hợp lệ.
error-amount-negative = Số tiền không được là số âm.
error-currency-unsupported = Loại tiền tệ này không được hỗ trợ.

## Payment errors (flow and decline reasons)

error-network-unavailable = Không thể kết nối với dịch vụ thanh toán. Vui lòng kiểm tra kết nối mạng và thử lại.
error-request-timed-out = Dịch vụ thanh toán phản hồi quá lâu. Vui lòng thử lại.
error-server = Hệ thống của chúng tôi đã gặp sự cố. Vui lòng thử lại.
error-invalid-response = Đã nhận được phản hồi không mong muốn. Vui lòng thử lại.
error-request-rejected = Không thể xử lý khoản thanh toán này. Vui lòng kiểm tra lại thông tin của bạn.
error-session-expired = Phiên thanh toán này đã hết hạn. Vui lòng quay lại cửa hàng để bắt đầu lại.
error-session-not-found = Không tìm thấy phiên thanh toán này. Vui lòng quay lại cửa hàng để bắt đầu lại.
error-session-completed = Đơn hàng này đã được thanh toán.
error-secure-fields-unavailable = Không thể tải các trường nhập thông tin thẻ bảo mật. Vui lòng thử lại.
error-field-not-mounted = Biểu mẫu thẻ trên trang này thiếu một trường bắt buộc. Vui lòng liên hệ cửa hàng.
error-method-unavailable = Không thể tải phương thức thanh toán này. Vui lòng thử lại hoặc chọn phương thức thanh toán khác.
error-randomness-unavailable = Trình duyệt này hiện không thể thực hiện thanh toán an toàn. Vui lòng cập nhật trình duyệt hoặc thử trình duyệt khác.
error-too-many-requests = Quá nhiều lần thử. Vui lòng đợi một phút rồi thử lại.
error-payment-pending = Một khoản thanh toán cho đơn hàng này vẫn đang chờ hoàn tất. Hãy hoàn tất hoặc thử lại sau vài phút.
error-card-data-expired = Vì lý do bảo mật, vui lòng nhập lại thông tin thẻ của bạn.
error-card-declined = Thẻ của bạn đã bị từ chối. Vui lòng thử thẻ khác hoặc liên hệ với ngân hàng của bạn.
error-insufficient-funds = Thẻ của bạn đã bị từ chối do không đủ số dư.
error-card-expired = Thẻ của bạn đã hết hạn. Vui lòng sử dụng thẻ khác.
error-authentication-failed = Ngân hàng của bạn không thể xác thực khoản thanh toán này. Vui lòng thử lại.
error-card-invalid = Số thẻ của bạn không được chấp nhận. Vui lòng kiểm tra lại.
error-cvv-invalid = Mã bảo mật của bạn không được chấp nhận. Vui lòng kiểm tra lại.
error-payment-expired = Thanh toán chưa được hoàn tất trong thời gian cho phép. Vui lòng thử lại.
error-payment-failed = Không thể hoàn tất thanh toán của bạn. Vui lòng thử lại.

## Drop-in

dropin-label = Thanh toán
dropin-loading = Đang tải trang thanh toán…
dropin-amount-label = Số tiền cần thanh toán
dropin-methods-label = Phương thức thanh toán
method-card = Thẻ
dropin-no-methods = Không có phương thức thanh toán nào khả dụng cho đơn hàng này.
dropin-processing = Đang xử lý thanh toán của bạn…
dropin-redirecting = Đang chuyển bạn đến ngân hàng…
dropin-awaiting-result = Đang xác nhận thanh toán của bạn…
dropin-success-title = Thanh toán thành công
dropin-authorized-title = Đã ủy quyền thanh toán
dropin-authorized-detail = Thẻ của bạn đã được ủy quyền. Bạn sẽ bị trừ tiền khi cửa hàng xác nhận đơn hàng.
# $order (string): the gateway's order reference
dropin-success-order = Mã đơn hàng: { $order }
dropin-expired-title = Phiên thanh toán này đã hết hạn
dropin-error-title = Trang thanh toán hiện không khả dụng
dropin-retry = Thử lại

## Secure card frames (titles of the iframes)

secure-frame-title-number = Ô nhập số thẻ được bảo vệ
secure-frame-title-expiry = Ô nhập ngày hết hạn được bảo vệ
secure-frame-title-cvv = Ô nhập mã bảo mật được bảo vệ
secure-frame-title-holder = Ô nhập tên chủ thẻ được bảo vệ

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Hết hạn { $expiry }
stored-card-expired = Đã hết hạn vào { $expiry }
stored-card-remove = Xóa thẻ
stored-card-remove-confirm = Xóa thẻ này?
stored-card-remove-yes = Xóa
stored-card-remove-cancel = Giữ lại
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Không thể xóa thẻ. { $reason }
stored-card-removed = Đã xóa thẻ.
card-save-label = Lưu thẻ này cho các lần thanh toán sau
card-save-required = Đây là gói đăng ký định kỳ: thẻ của bạn sẽ được lưu lại và bị trừ tiền cho các kỳ thanh toán tiếp theo. Khi thanh toán, bạn đồng ý với điều này.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Thanh toán bằng thẻ của bạn.
method-hint-qr = Sau khi nhấn “Thanh toán”, hãy quét mã QR bằng ứng dụng { $method } để xác nhận thanh toán.
method-hint-redirect = Sau khi nhấn “Thanh toán”, bạn sẽ được chuyển đến { $method } để xác nhận thanh toán, rồi quay lại trang này.
method-hint-wallet = Thanh toán bằng { $method }.
qr-code-label = Mã QR để thanh toán bằng { $method }
qr-instructions = Mở ứng dụng { $method }, quét mã này và xác nhận thanh toán. Trang này sẽ tự động cập nhật.
qr-open-app = Mở { $method }
qr-copy = Sao chép liên kết thanh toán
qr-copied = Đã sao chép liên kết thanh toán.
qr-reconnecting = Mất kết nối. Chúng tôi vẫn đang kiểm tra khoản thanh toán của bạn…
qr-expires-in = Mã sẽ hết hạn sau
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
       *[other] Còn { $minutes } phút để quét mã.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Thanh toán bằng { $method }
wallet-buy-button = Mua bằng { $method }
wallet-checkout-button = Thanh toán đơn hàng bằng { $method }
wallet-donate-button = Quyên góp bằng { $method }
wallet-unavailable = Không thể mở { $method }. Vui lòng chọn phương thức thanh toán khác.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Quay lại { $merchant }
merchant-returning = Đang đưa bạn quay lại { $merchant }…
