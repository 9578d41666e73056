# PayKKa Checkout — العربية

## Card form

card-number-label = رقم البطاقة
card-expiry-label = تاريخ انتهاء الصلاحية
card-expiry-placeholder = MM/YY
card-cvv-label = رمز الأمان
card-cvv-hint =
    { $location ->
        [front] { $digits } أرقام على وجه البطاقة
       *[back] { $digits } أرقام على ظهر البطاقة
    }
card-holder-label = الاسم على البطاقة
pay-button = ادفع { $amount }
card-form-complete = اكتملت بيانات البطاقة.
card-form-invalid-generic = بعض بيانات الدفع تحتاج إلى مراجعة.
card-form-invalid =
    { $count ->
        [zero] لا توجد حقول تحتاج إلى مراجعة.
        [one] يُرجى مراجعة حقل واحد.
        [two] يُرجى مراجعة حقلين.
        [few] يُرجى مراجعة { $count } حقول.
        [many] يُرجى مراجعة { $count } حقلًا.
       *[other] يُرجى مراجعة { $count } حقل.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = أدخل رقم البطاقة.
error-number-incomplete = رقم البطاقة غير مكتمل.
error-number-too-long = رقم البطاقة طويل جدًا.
error-number-invalid = رقم البطاقة غير صالح.
error-number-unsupported = نوع البطاقة هذا غير مدعوم.
error-expiry-empty = أدخل تاريخ انتهاء الصلاحية.
error-expiry-incomplete = تاريخ انتهاء الصلاحية غير مكتمل.
error-expiry-month-invalid = يجب أن يكون شهر انتهاء الصلاحية بين 01 و12.
error-expiry-in-past = انتهت صلاحية بطاقتك.
error-expiry-too-far = تاريخ انتهاء الصلاحية بعيد جدًا في المستقبل.
error-cvv-empty = أدخل رمز الأمان.
error-cvv-incomplete = رمز الأمان غير مكتمل.
error-holder-name-empty = أدخل الاسم المدوّن على البطاقة.
error-holder-name-invalid = أدخل الاسم كما يظهر على البطاقة.
error-amount-invalid = المبلغ غير صالح.
error-amount-negative = لا يمكن أن يكون المبلغ سالبًا.
error-currency-unsupported = هذه العملة غير مدعومة.

## Payment errors (flow and decline reasons)

error-network-unavailable = تعذّر الاتصال بخدمة الدفع. تحقّق من اتصالك بالإنترنت وحاول مرة أخرى.
error-request-timed-out = تستغرق خدمة الدفع وقتًا طويلًا للرد. يُرجى المحاولة مرة أخرى.
error-server = حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى.
error-invalid-response = تلقّينا ردًا غير متوقع. يُرجى المحاولة مرة أخرى.
error-request-rejected = تعذّرت معالجة هذه الدفعة. يُرجى التحقق من بياناتك.
error-session-expired = انتهت صلاحية جلسة الدفع هذه. يُرجى العودة إلى المتجر للبدء من جديد.
error-session-not-found = تعذّر العثور على جلسة الدفع هذه. يُرجى العودة إلى المتجر للبدء من جديد.
error-session-completed = تم دفع هذا الطلب بالفعل.
error-secure-fields-unavailable = تعذّر تحميل حقول البطاقة الآمنة. يُرجى المحاولة مرة أخرى.
error-field-not-mounted = نموذج البطاقة في هذه الصفحة ينقصه حقل مطلوب. يُرجى التواصل مع المتجر.
error-method-unavailable = تعذّر تحميل طريقة الدفع هذه. يُرجى المحاولة مرة أخرى أو اختيار طريقة دفع أخرى.
error-randomness-unavailable = لا يمكن لهذا المتصفح إجراء دفعة آمنة الآن. يُرجى تحديث المتصفح أو تجربة متصفح آخر.
error-too-many-requests = محاولات كثيرة جدًا. يُرجى الانتظار دقيقة ثم المحاولة مرة أخرى.
error-payment-pending = لا تزال هناك عملية دفع لهذا الطلب بانتظار الإكمال. أكملها، أو حاول مرة أخرى بعد بضع دقائق.
error-card-data-expired = حفاظًا على أمانك، يُرجى إدخال بيانات بطاقتك مرة أخرى.
error-card-declined = تم رفض بطاقتك. جرّب بطاقة أخرى أو تواصل مع البنك المُصدِر.
error-insufficient-funds = تم رفض بطاقتك بسبب عدم كفاية الرصيد.
error-card-expired = انتهت صلاحية بطاقتك. يُرجى استخدام بطاقة أخرى.
error-authentication-failed = تعذّر على البنك التحقق من هذه الدفعة. يُرجى المحاولة مرة أخرى.
error-card-invalid = لم يتم قبول رقم بطاقتك. يُرجى التحقق منه.
error-cvv-invalid = لم يتم قبول رمز الأمان. يُرجى التحقق منه.
error-payment-expired = لم تكتمل الدفعة في الوقت المحدد. يُرجى المحاولة مرة أخرى.
error-payment-failed = تعذّر إتمام الدفعة. يُرجى المحاولة مرة أخرى.

## Drop-in

dropin-label = الدفع
dropin-loading = جارٍ تحميل صفحة الدفع…
dropin-amount-label = المبلغ المستحق
dropin-methods-label = طريقة الدفع
method-card = بطاقة
dropin-no-methods = لا تتوفر أي طريقة دفع لهذا الطلب.
dropin-processing = جارٍ معالجة الدفعة…
dropin-redirecting = جارٍ تحويلك إلى البنك…
dropin-awaiting-result = جارٍ تأكيد الدفعة…
dropin-success-title = تمت عملية الدفع بنجاح
dropin-authorized-title = تم تفويض الدفع
dropin-authorized-detail = تم تفويض بطاقتك. سيُخصم المبلغ عندما يؤكد المتجر طلبك.
dropin-success-order = رقم الطلب: { $order }
dropin-expired-title = انتهت صلاحية جلسة الدفع هذه
dropin-error-title = صفحة الدفع غير متاحة
dropin-retry = إعادة المحاولة

## Secure card frames (titles of the iframes)

secure-frame-title-number = حقل آمن لإدخال رقم البطاقة
secure-frame-title-expiry = حقل آمن لإدخال تاريخ انتهاء الصلاحية
secure-frame-title-cvv = حقل آمن لإدخال رمز الأمان
secure-frame-title-holder = حقل آمن لإدخال اسم حامل البطاقة

## Saved cards

stored-card-title = { $brand } •••• { $last4 }
stored-card-expires = تنتهي في { $expiry }
stored-card-expired = انتهت في { $expiry }
stored-card-remove = إزالة البطاقة
stored-card-remove-confirm = هل تريد إزالة هذه البطاقة؟
stored-card-remove-yes = إزالة
stored-card-remove-cancel = الاحتفاظ بها
stored-card-remove-failed = تعذّرت إزالة البطاقة. { $reason }
stored-card-removed = تمت إزالة البطاقة.
card-save-label = حفظ هذه البطاقة للمدفوعات المستقبلية
card-save-required = هذا اشتراك: سيتم حفظ بطاقتك وخصم دفعات الاشتراك المستقبلية منها. بإتمام الدفع، فإنك توافق على ذلك.

## Other payment methods (QR wallets, redirects)

method-hint-card = ادفع باستخدام بطاقتك.
method-hint-qr = بعد الضغط على «ادفع»، امسح رمز QR ضوئيًا باستخدام تطبيق { $method } للموافقة على الدفعة.
method-hint-redirect = بعد الضغط على «ادفع»، سيتم تحويلك إلى { $method } للموافقة على الدفعة، ثم إعادتك إلى هنا.
method-hint-wallet = ادفع باستخدام { $method }.
qr-code-label = رمز QR للدفع باستخدام { $method }
qr-instructions = افتح تطبيق { $method } وامسح هذا الرمز ضوئيًا ثم وافق على الدفعة. يتم تحديث هذه الصفحة تلقائيًا.
qr-open-app = فتح { $method }
qr-copy = نسخ رابط الدفع
qr-copied = تم نسخ رابط الدفع.
qr-reconnecting = انقطع الاتصال. ما زلنا نتحقق من دفعتك…
qr-expires-in = تنتهي صلاحية الرمز خلال
qr-time-left =
    { $minutes ->
        [zero] الوقت المتبقي لمسح الرمز: أقل من دقيقة.
        [one] الوقت المتبقي لمسح الرمز: دقيقة واحدة.
        [two] الوقت المتبقي لمسح الرمز: دقيقتان.
        [few] الوقت المتبقي لمسح الرمز: { $minutes } دقائق.
        [many] الوقت المتبقي لمسح الرمز: { $minutes } دقيقة.
       *[other] الوقت المتبقي لمسح الرمز: { $minutes } دقيقة.
    }

## Browser wallets (Apple Pay, Google Pay)

wallet-pay-button = ادفع باستخدام { $method }
wallet-buy-button = اشترِ باستخدام { $method }
wallet-checkout-button = أكمل الشراء باستخدام { $method }
wallet-donate-button = تبرّع باستخدام { $method }
wallet-unavailable = تعذّر فتح { $method }. يُرجى اختيار طريقة دفع أخرى.

## Back to the merchant (the hosted payment page)

merchant-back = العودة إلى { $merchant }
merchant-returning = جارٍ إعادتك إلى { $merchant }…
