# PayKKa Checkout — Türkçe (Türkiye)

## Card form

card-number-label = Kart numarası
card-expiry-label = Son kullanma tarihi
card-expiry-placeholder = AA/YY
card-cvv-label = Güvenlik kodu
card-cvv-hint =
    { $location ->
        [front] Kartın ön yüzündeki { $digits } haneli kod
       *[back] Kartın arka yüzündeki { $digits } haneli kod
    }
card-holder-label = Kart üzerindeki isim
pay-button = { $amount } Öde
card-form-complete = Kart bilgileri eksiksiz.
card-form-invalid-generic = Bazı ödeme bilgilerinin kontrol edilmesi gerekiyor.
card-form-invalid =
    { $count ->
        [one] Bir alanın kontrol edilmesi gerekiyor.
       *[other] { $count } alanın kontrol edilmesi gerekiyor.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Kart numaranızı girin.
error-number-incomplete = Kart numaranız eksik.
error-number-too-long = Kart numaranız çok uzun.
error-number-invalid = Kart numaranız geçersiz.
error-number-unsupported = Bu kart markası desteklenmiyor.
error-expiry-empty = Son kullanma tarihini girin.
error-expiry-incomplete = Son kullanma tarihi eksik.
error-expiry-month-invalid = Son kullanma ayı 01 ile 12 arasında olmalıdır.
error-expiry-in-past = Kartınızın süresi dolmuş.
error-expiry-too-far = Son kullanma tarihi çok ileri bir tarih.
error-cvv-empty = Güvenlik kodunu girin.
error-cvv-incomplete = Güvenlik kodu eksik.
error-holder-name-empty = Kart üzerindeki ismi girin.
error-holder-name-invalid = İsmi kartın üzerinde yazdığı şekilde girin.
error-amount-invalid = Tutar geçersiz.
error-amount-negative = Tutar negatif olamaz.
error-currency-unsupported = Bu para birimi desteklenmiyor.

## Payment errors (flow and decline reasons)

error-network-unavailable = Ödeme hizmetine ulaşılamadı. Bağlantınızı kontrol edip tekrar deneyin.
error-request-timed-out = Ödeme hizmetinin yanıt vermesi çok uzun sürüyor. Lütfen tekrar deneyin.
error-server = Bizden kaynaklanan bir sorun oluştu. Lütfen tekrar deneyin.
error-invalid-response = Beklenmeyen bir yanıt alındı. Lütfen tekrar deneyin.
error-request-rejected = Bu ödeme işlenemedi. Lütfen bilgilerinizi kontrol edin.
error-session-expired = Bu ödeme oturumunun süresi doldu. Baştan başlamak için lütfen mağazaya dönün.
error-session-not-found = Bu ödeme oturumu bulunamadı. Baştan başlamak için lütfen mağazaya dönün.
error-session-completed = Bu siparişin ödemesi zaten yapılmış.
error-secure-fields-unavailable = Güvenli kart alanları yüklenemedi. Lütfen tekrar deneyin.
error-field-not-mounted = Bu sayfadaki kart formunda zorunlu bir alan eksik. Lütfen mağazayla iletişime geçin.
error-method-unavailable = Bu ödeme yöntemi yüklenemedi. Lütfen tekrar deneyin veya başka bir ödeme yöntemi seçin.
error-randomness-unavailable = Bu tarayıcı şu anda güvenli bir ödeme yapamıyor. Lütfen tarayıcınızı güncelleyin veya başka bir tarayıcı deneyin.
error-too-many-requests = Çok fazla deneme yapıldı. Lütfen bir dakika bekleyip yeniden deneyin.
error-payment-pending = Bu siparişe ait bir ödeme hâlâ tamamlanmayı bekliyor. Ödemeyi tamamlayın veya birkaç dakika sonra yeniden deneyin.
error-card-data-expired = Güvenliğiniz için lütfen kart bilgilerinizi yeniden girin.
error-card-declined = Kartınız reddedildi. Başka bir kart deneyin veya bankanızla iletişime geçin.
error-insufficient-funds = Kartınız yetersiz bakiye nedeniyle reddedildi.
error-card-expired = Kartınızın süresi dolmuş. Lütfen başka bir kart kullanın.
error-authentication-failed = Bankanız bu ödemeyi doğrulayamadı. Lütfen tekrar deneyin.
error-card-invalid = Kart numaranız kabul edilmedi. Lütfen kontrol edin.
error-cvv-invalid = Güvenlik kodunuz kabul edilmedi. Lütfen kontrol edin.
error-payment-expired = Ödeme zamanında tamamlanmadı. Lütfen tekrar deneyin.
error-payment-failed = Ödemeniz tamamlanamadı. Lütfen tekrar deneyin.

## Drop-in

dropin-label = Ödeme
dropin-loading = Ödeme sayfası yükleniyor…
dropin-amount-label = Ödenecek tutar
dropin-methods-label = Ödeme yöntemi
method-card = Kart
dropin-no-methods = Bu sipariş için kullanılabilir bir ödeme yöntemi yok.
dropin-processing = Ödemeniz işleniyor…
dropin-redirecting = Bankanıza yönlendiriliyorsunuz…
dropin-awaiting-result = Ödemeniz onaylanıyor…
dropin-success-title = Ödeme başarılı
dropin-authorized-title = Ödeme onaylandı
dropin-authorized-detail = Kartınız için provizyon alındı. Mağaza siparişinizi onayladığında ödeme tahsil edilecek.
dropin-success-order = Sipariş numarası: { $order }
dropin-expired-title = Bu ödeme oturumunun süresi doldu
dropin-error-title = Ödeme sayfası kullanılamıyor
dropin-retry = Tekrar dene

## Secure card frames (titles of the iframes)

secure-frame-title-number = Kart numarası için güvenli alan
secure-frame-title-expiry = Son kullanma tarihi için güvenli alan
secure-frame-title-cvv = Güvenlik kodu için güvenli alan
secure-frame-title-holder = Kart sahibinin adı için güvenli alan

## Saved cards

stored-card-title = { $brand } •••• { $last4 }
stored-card-expires = Son kullanma: { $expiry }
stored-card-expired = Süresi doldu: { $expiry }
stored-card-remove = Kartı kaldır
stored-card-remove-confirm = Bu kart kaldırılsın mı?
stored-card-remove-yes = Kaldır
stored-card-remove-cancel = Vazgeç
stored-card-remove-failed = Kart kaldırılamadı. { $reason }
stored-card-removed = Kart kaldırıldı.
card-save-label = Bu kartı sonraki ödemeler için kaydet
card-save-required = Bu bir aboneliktir: kartınız kaydedilecek ve aboneliğin sonraki ödemeleri bu karttan tahsil edilecektir. Ödeme yaparak bunu kabul etmiş olursunuz.

## Other payment methods (QR wallets, redirects)

method-hint-card = Kartınızla ödeyin.
method-hint-qr = Öde'ye bastıktan sonra ödemeyi onaylamak için QR kodu { $method } uygulamasıyla tarayın.
method-hint-redirect = Öde'ye bastıktan sonra ödemeyi onaylamak için { $method } sayfasına yönlendirilecek, ardından buraya geri getirileceksiniz.
method-hint-wallet = { $method } ile ödeyin.
qr-code-label = { $method } ile ödeme için QR kod
qr-instructions = { $method } uygulamasını açın, bu kodu tarayın ve ödemeyi onaylayın. Bu sayfa kendiliğinden güncellenir.
qr-open-app = { $method } uygulamasını aç
qr-copy = Ödeme bağlantısını kopyala
qr-copied = Ödeme bağlantısı kopyalandı.
qr-reconnecting = Bağlantı kesildi. Ödemenizi kontrol etmeye devam ediyoruz…
qr-expires-in = Kodun kalan geçerlilik süresi:
qr-time-left =
    { $minutes ->
        [one] Kodu taramak için bir dakika kaldı.
       *[other] Kodu taramak için { $minutes } dakika kaldı.
    }

## Browser wallets (Apple Pay, Google Pay)

wallet-pay-button = { $method } ile öde
wallet-buy-button = { $method } ile satın al
wallet-checkout-button = { $method } ile alışverişi tamamla
wallet-donate-button = { $method } ile bağış yap
wallet-unavailable = { $method } açılamadı. Lütfen başka bir ödeme yöntemi seçin.

## Back to the merchant (the hosted payment page)

merchant-back = { $merchant } mağazasına dön
merchant-returning = { $merchant } mağazasına yönlendiriliyorsunuz…
