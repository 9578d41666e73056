# PayKKa Checkout — Bahasa Indonesia (Indonesia)

## Card form

card-number-label = Nomor kartu
card-expiry-label = Tanggal kedaluwarsa
card-expiry-placeholder = BB/TT
card-cvv-label = Kode keamanan
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } digit di bagian depan kartu
       *[back] { $digits } digit di bagian belakang kartu
    }
card-holder-label = Nama pada kartu
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "Rp 499.000"
pay-button = Bayar { $amount }
card-form-complete = Detail kartu sudah lengkap.
card-form-invalid-generic = Beberapa detail pembayaran perlu Anda periksa.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
       *[other] { $count } kolom perlu Anda periksa.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Masukkan nomor kartu Anda.
error-number-incomplete = Nomor kartu Anda belum lengkap.
error-number-too-long = Nomor kartu Anda terlalu panjang.
error-number-invalid = Nomor kartu Anda tidak valid.
error-number-unsupported = Jenis kartu ini tidak didukung.
error-expiry-empty = Masukkan tanggal kedaluwarsa.
error-expiry-incomplete = Tanggal kedaluwarsa belum lengkap.
error-expiry-month-invalid = Bulan kedaluwarsa harus antara 01 dan 12.
error-expiry-in-past = Kartu Anda sudah kedaluwarsa.
error-expiry-too-far = Tanggal kedaluwarsa terlalu jauh di masa depan.
error-cvv-empty = Masukkan kode keamanan.
error-cvv-incomplete = Kode keamanan belum lengkap.
error-holder-name-empty = Masukkan nama pada kartu.
error-holder-name-invalid = Masukkan nama sesuai yang tertera pada kartu.
error-amount-invalid = Jumlah tidak valid.
error-amount-negative = Jumlah tidak boleh negatif.
error-currency-unsupported = Mata uang ini tidak didukung.

## Payment errors (flow and decline reasons)

error-network-unavailable = Kami tidak dapat terhubung ke layanan pembayaran. Periksa koneksi Anda dan coba lagi.
error-request-timed-out = Layanan pembayaran terlalu lama merespons. Silakan coba lagi.
error-server = Terjadi kesalahan di sistem kami. Silakan coba lagi.
error-invalid-response = Kami menerima respons yang tidak terduga. Silakan coba lagi.
error-request-rejected = Pembayaran ini tidak dapat diproses. Silakan periksa detail Anda.
error-session-expired = Sesi pembayaran ini telah berakhir. Silakan kembali ke toko untuk memulai lagi.
error-session-not-found = Sesi pembayaran ini tidak ditemukan. Silakan kembali ke toko untuk memulai lagi.
error-session-completed = Pesanan ini sudah dibayar.
error-secure-fields-unavailable = Kolom kartu yang aman tidak dapat dimuat. Silakan coba lagi.
error-field-not-mounted = Formulir kartu di halaman ini tidak memiliki kolom yang wajib diisi. Silakan hubungi toko.
error-method-unavailable = Metode pembayaran ini tidak dapat dimuat. Silakan coba lagi atau pilih metode pembayaran lain.
error-randomness-unavailable = Browser ini tidak dapat melakukan pembayaran yang aman saat ini. Silakan perbarui browser Anda atau coba browser lain.
error-too-many-requests = Terlalu banyak percobaan. Harap tunggu sebentar, lalu coba lagi.
error-payment-pending = Pembayaran untuk pesanan ini masih menunggu diselesaikan. Selesaikan, atau coba lagi dalam beberapa menit.
error-card-data-expired = Demi keamanan Anda, masukkan kembali detail kartu Anda.
error-card-declined = Kartu Anda ditolak. Coba kartu lain atau hubungi bank Anda.
error-insufficient-funds = Kartu Anda ditolak karena saldo tidak mencukupi.
error-card-expired = Kartu Anda sudah kedaluwarsa. Silakan gunakan kartu lain.
error-authentication-failed = Bank Anda tidak dapat memverifikasi pembayaran ini. Silakan coba lagi.
error-card-invalid = Nomor kartu Anda tidak diterima. Silakan periksa kembali.
error-cvv-invalid = Kode keamanan Anda tidak diterima. Silakan periksa kembali.
error-payment-expired = Pembayaran tidak diselesaikan tepat waktu. Silakan coba lagi.
error-payment-failed = Pembayaran Anda tidak dapat diselesaikan. Silakan coba lagi.

## Drop-in

dropin-label = Pembayaran
dropin-loading = Memuat pembayaran…
dropin-amount-label = Total pembayaran
dropin-methods-label = Metode pembayaran
method-card = Kartu
dropin-no-methods = Tidak ada metode pembayaran yang tersedia untuk pesanan ini.
dropin-processing = Memproses pembayaran Anda…
dropin-redirecting = Mengarahkan Anda ke bank Anda…
dropin-awaiting-result = Mengonfirmasi pembayaran Anda…
dropin-success-title = Pembayaran berhasil
dropin-authorized-title = Pembayaran diotorisasi
dropin-authorized-detail = Kartu Anda telah diotorisasi. Anda akan ditagih saat toko mengonfirmasi pesanan Anda.
# $order (string): the gateway's order reference
dropin-success-order = Referensi pesanan: { $order }
dropin-expired-title = Sesi pembayaran ini telah berakhir
dropin-error-title = Pembayaran tidak tersedia
dropin-retry = Coba lagi

## Secure card frames (titles of the iframes)

secure-frame-title-number = Kolom aman untuk nomor kartu
secure-frame-title-expiry = Kolom aman untuk tanggal kedaluwarsa
secure-frame-title-cvv = Kolom aman untuk kode keamanan
secure-frame-title-holder = Kolom aman untuk nama pemegang kartu

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Berlaku hingga { $expiry }
stored-card-expired = Kedaluwarsa { $expiry }
stored-card-remove = Hapus kartu
stored-card-remove-confirm = Hapus kartu ini?
stored-card-remove-yes = Hapus
stored-card-remove-cancel = Tetap simpan
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Kartu tidak dapat dihapus. { $reason }
stored-card-removed = Kartu dihapus.
card-save-label = Simpan kartu ini untuk pembayaran berikutnya
card-save-required = Ini adalah langganan: kartu Anda akan disimpan dan ditagih untuk pembayaran berikutnya. Dengan membayar, Anda menyetujui hal ini.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Bayar dengan kartu Anda.
method-hint-qr = Setelah menekan Bayar, pindai kode QR dengan aplikasi { $method } untuk menyetujui pembayaran.
method-hint-redirect = Setelah menekan Bayar, Anda akan diarahkan ke { $method } untuk menyetujui pembayaran, lalu dikembalikan ke halaman ini.
method-hint-wallet = Bayar dengan { $method }.
qr-code-label = Kode QR untuk membayar dengan { $method }
qr-instructions = Buka aplikasi { $method }, pindai kode ini, lalu setujui pembayaran. Halaman ini akan diperbarui secara otomatis.
qr-open-app = Buka { $method }
qr-copy = Salin tautan pembayaran
qr-copied = Tautan pembayaran disalin.
qr-reconnecting = Koneksi terputus. Kami masih memeriksa pembayaran Anda…
qr-expires-in = Kode kedaluwarsa dalam
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
       *[other] Sisa waktu { $minutes } menit untuk memindai kode.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Bayar dengan { $method }
wallet-buy-button = Beli dengan { $method }
wallet-checkout-button = Checkout dengan { $method }
wallet-donate-button = Donasi dengan { $method }
wallet-unavailable = { $method } tidak dapat dibuka. Silakan pilih metode pembayaran lain.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Kembali ke { $merchant }
merchant-returning = Mengarahkan Anda kembali ke { $merchant }…
