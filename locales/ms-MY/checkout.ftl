# PayKKa Checkout — Bahasa Melayu (Malaysia)

## Card form

card-number-label = Nombor kad
card-expiry-label = Tarikh tamat tempoh
card-expiry-placeholder = BB/TT
card-cvv-label = Kod keselamatan
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } digit di bahagian hadapan kad
       *[back] { $digits } digit di bahagian belakang kad
    }
card-holder-label = Nama pada kad
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "RM49.90"
pay-button = Bayar { $amount }
card-form-complete = Butiran kad lengkap.
card-form-invalid-generic = Sesetengah butiran pembayaran memerlukan perhatian anda.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
       *[other] { $count } medan memerlukan perhatian anda.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Masukkan nombor kad anda.
error-number-incomplete = Nombor kad anda tidak lengkap.
error-number-too-long = Nombor kad anda terlalu panjang.
error-number-invalid = Nombor kad anda tidak sah.
error-number-unsupported = Jenama kad ini tidak disokong.
error-expiry-empty = Masukkan tarikh tamat tempoh.
error-expiry-incomplete = Tarikh tamat tempoh tidak lengkap.
error-expiry-month-invalid = Bulan tamat tempoh mestilah antara 01 hingga 12.
error-expiry-in-past = Kad anda telah tamat tempoh.
error-expiry-too-far = Tarikh tamat tempoh terlalu jauh pada masa hadapan.
error-cvv-empty = Masukkan kod keselamatan.
error-cvv-incomplete = Kod keselamatan tidak lengkap.
error-holder-name-empty = Masukkan nama pada kad.
error-holder-name-invalid = Masukkan nama seperti yang tertera pada kad.
error-amount-invalid = Jumlah tidak sah.
error-amount-negative = Jumlah tidak boleh negatif.
error-currency-unsupported = Mata wang ini tidak disokong.

## Payment errors (flow and decline reasons)

error-network-unavailable = Kami tidak dapat menghubungi perkhidmatan pembayaran. Semak sambungan anda dan cuba lagi.
error-request-timed-out = Perkhidmatan pembayaran mengambil masa terlalu lama untuk membalas. Sila cuba lagi.
error-server = Berlaku ralat di pihak kami. Sila cuba lagi.
error-invalid-response = Kami menerima respons yang tidak dijangka. Sila cuba lagi.
error-request-rejected = Pembayaran ini tidak dapat diproses. Sila semak butiran anda.
error-session-expired = Sesi pembayaran ini telah tamat tempoh. Sila kembali ke kedai untuk bermula semula.
error-session-not-found = Sesi pembayaran ini tidak ditemui. Sila kembali ke kedai untuk bermula semula.
error-session-completed = Pesanan ini telah pun dibayar.
error-secure-fields-unavailable = Medan kad selamat tidak dapat dimuatkan. Sila cuba lagi.
error-field-not-mounted = Borang kad di halaman ini tiada medan yang diperlukan. Sila hubungi kedai.
error-method-unavailable = Kaedah pembayaran ini tidak dapat dimuatkan. Sila cuba lagi atau pilih kaedah pembayaran lain.
error-randomness-unavailable = Pelayar ini tidak dapat membuat pembayaran selamat sekarang. Sila kemas kini pelayar anda atau cuba pelayar lain.
error-too-many-requests = Terlalu banyak percubaan. Sila tunggu seminit, kemudian cuba lagi.
error-payment-pending = Pembayaran untuk pesanan ini masih menunggu untuk diselesaikan. Selesaikannya, atau cuba lagi dalam beberapa minit.
error-card-data-expired = Demi keselamatan anda, sila masukkan butiran kad anda sekali lagi.
error-card-declined = Kad anda ditolak. Cuba kad lain atau hubungi bank anda.
error-insufficient-funds = Kad anda ditolak kerana baki tidak mencukupi.
error-card-expired = Kad anda telah tamat tempoh. Sila gunakan kad lain.
error-authentication-failed = Bank anda tidak dapat mengesahkan pembayaran ini. Sila cuba lagi.
error-card-invalid = Nombor kad anda tidak diterima. Sila semak semula.
error-cvv-invalid = Kod keselamatan anda tidak diterima. Sila semak semula.
error-payment-expired = Pembayaran tidak diselesaikan dalam masa yang ditetapkan. Sila cuba lagi.
error-payment-failed = Pembayaran anda tidak dapat diselesaikan. Sila cuba lagi.

## Drop-in

dropin-label = Pembayaran
dropin-loading = Memuatkan pembayaran…
dropin-amount-label = Jumlah yang perlu dibayar
dropin-methods-label = Kaedah pembayaran
method-card = Kad
dropin-no-methods = Tiada kaedah pembayaran tersedia untuk pesanan ini.
dropin-processing = Memproses pembayaran anda…
dropin-redirecting = Membawa anda ke bank anda…
dropin-awaiting-result = Mengesahkan pembayaran anda…
dropin-success-title = Pembayaran berjaya
dropin-authorized-title = Pembayaran dibenarkan
dropin-authorized-detail = Kad anda telah dibenarkan. Anda akan dicaj apabila kedai mengesahkan pesanan anda.
# $order (string): the gateway's order reference
dropin-success-order = Rujukan pesanan: { $order }
dropin-expired-title = Sesi pembayaran ini telah tamat tempoh
dropin-error-title = Pembayaran tidak tersedia
dropin-retry = Cuba lagi

## Secure card frames (titles of the iframes)

secure-frame-title-number = Medan selamat untuk nombor kad
secure-frame-title-expiry = Medan selamat untuk tarikh tamat tempoh
secure-frame-title-cvv = Medan selamat untuk kod keselamatan
secure-frame-title-holder = Medan selamat untuk nama pemegang kad

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Tamat tempoh { $expiry }
stored-card-expired = Telah tamat tempoh { $expiry }
stored-card-remove = Alih keluar kad
stored-card-remove-confirm = Alih keluar kad ini?
stored-card-remove-yes = Alih keluar
stored-card-remove-cancel = Kekalkan
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Kad tidak dapat dialih keluar. { $reason }
stored-card-removed = Kad dialih keluar.
card-save-label = Simpan kad ini untuk pembayaran akan datang
card-save-required = Ini ialah langganan: kad anda akan disimpan dan dicaj untuk pembayaran akan datang. Dengan membuat pembayaran, anda bersetuju dengan perkara ini.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Bayar dengan kad anda.
method-hint-qr = Selepas anda menekan Bayar, imbas kod QR dengan aplikasi { $method } untuk meluluskan pembayaran.
method-hint-redirect = Selepas anda menekan Bayar, anda akan dibawa ke { $method } untuk meluluskan pembayaran, kemudian dibawa kembali ke sini.
method-hint-wallet = Bayar dengan { $method }.
qr-code-label = Kod QR untuk membayar dengan { $method }
qr-instructions = Buka aplikasi { $method }, imbas kod ini dan luluskan pembayaran. Halaman ini akan dikemas kini secara automatik.
qr-open-app = Buka { $method }
qr-copy = Salin pautan pembayaran
qr-copied = Pautan pembayaran disalin.
qr-reconnecting = Sambungan terputus. Kami masih menyemak pembayaran anda…
qr-expires-in = Kod tamat tempoh dalam
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
       *[other] Tinggal { $minutes } minit untuk mengimbas kod.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Bayar dengan { $method }
wallet-buy-button = Beli dengan { $method }
wallet-checkout-button = Daftar keluar dengan { $method }
wallet-donate-button = Derma dengan { $method }
wallet-unavailable = { $method } tidak dapat dibuka. Sila pilih kaedah pembayaran lain.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Kembali ke { $merchant }
merchant-returning = Membawa anda kembali ke { $merchant }…
