# PayKKa Checkout — עברית (ישראל)

## Card form

card-number-label = מספר כרטיס
card-expiry-label = תוקף
card-expiry-placeholder = MM/YY
card-cvv-label = קוד אבטחה
card-cvv-hint =
    { $location ->
        [front] { $digits } ספרות בחזית הכרטיס
       *[back] { $digits } ספרות בגב הכרטיס
    }
card-holder-label = השם שעל הכרטיס
pay-button = תשלום { $amount }
card-form-complete = פרטי הכרטיס מלאים.
card-form-invalid-generic = יש לבדוק חלק מפרטי התשלום.
card-form-invalid =
    { $count ->
        [one] יש לבדוק שדה אחד.
        [two] יש לבדוק שני שדות.
       *[other] יש לבדוק { $count } שדות.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = יש להזין את מספר הכרטיס.
error-number-incomplete = מספר הכרטיס אינו מלא.
error-number-too-long = מספר הכרטיס ארוך מדי.
error-number-invalid = מספר הכרטיס אינו תקין.
error-number-unsupported = סוג הכרטיס הזה אינו נתמך.
error-expiry-empty = יש להזין את תוקף הכרטיס.
error-expiry-incomplete = תוקף הכרטיס אינו מלא.
error-expiry-month-invalid = חודש התוקף חייב להיות בין 01 ל-12.
error-expiry-in-past = תוקף הכרטיס פג.
error-expiry-too-far = תוקף הכרטיס רחוק מדי בעתיד.
error-cvv-empty = יש להזין את קוד האבטחה.
error-cvv-incomplete = קוד האבטחה אינו מלא.
error-holder-name-empty = יש להזין את השם שעל הכרטיס.
error-holder-name-invalid = יש להזין את השם בדיוק כפי שהוא מופיע על הכרטיס.
error-amount-invalid = הסכום אינו תקין.
error-amount-negative = הסכום לא יכול להיות שלילי.
error-currency-unsupported = המטבע הזה אינו נתמך.

## Payment errors (flow and decline reasons)

error-network-unavailable = לא ניתן להתחבר לשירות התשלומים. יש לבדוק את החיבור לאינטרנט ולנסות שוב.
error-request-timed-out = שירות התשלומים מגיב לאט מדי. נא לנסות שוב.
error-server = משהו השתבש אצלנו. נא לנסות שוב.
error-invalid-response = התקבלה תגובה לא צפויה. נא לנסות שוב.
error-request-rejected = לא ניתן היה לעבד את התשלום. יש לבדוק את הפרטים.
error-session-expired = תוקף דף התשלום פג. יש לחזור לחנות ולהתחיל מחדש.
error-session-not-found = דף התשלום לא נמצא. יש לחזור לחנות ולהתחיל מחדש.
error-session-completed = ההזמנה הזו כבר שולמה.
error-secure-fields-unavailable = לא ניתן היה לטעון את שדות הכרטיס המאובטחים. נא לנסות שוב.
error-field-not-mounted = בטופס הכרטיס בדף זה חסר שדה חובה. נא לפנות לחנות.
error-method-unavailable = לא ניתן היה לטעון את אמצעי התשלום הזה. נסו שוב או בחרו אמצעי תשלום אחר.
error-randomness-unavailable = הדפדפן הזה לא יכול לבצע תשלום מאובטח כרגע. נא לעדכן את הדפדפן או לנסות דפדפן אחר.
error-too-many-requests = יותר מדי ניסיונות. יש להמתין דקה ולנסות שוב.
error-payment-pending = תשלום עבור הזמנה זו עדיין ממתין להשלמה. יש להשלים אותו או לנסות שוב בעוד כמה דקות.
error-card-data-expired = למען אבטחתך, יש להזין שוב את פרטי הכרטיס.
error-card-declined = הכרטיס נדחה. אפשר לנסות כרטיס אחר או לפנות לבנק.
error-insufficient-funds = הכרטיס נדחה בשל יתרה לא מספיקה.
error-card-expired = תוקף הכרטיס פג. נא להשתמש בכרטיס אחר.
error-authentication-failed = הבנק לא הצליח לאמת את התשלום. נא לנסות שוב.
error-card-invalid = מספר הכרטיס לא אושר. יש לבדוק אותו.
error-cvv-invalid = קוד האבטחה לא אושר. יש לבדוק אותו.
error-payment-expired = התשלום לא הושלם בזמן. נא לנסות שוב.
error-payment-failed = לא ניתן היה להשלים את התשלום. נא לנסות שוב.

## Drop-in

dropin-label = תשלום
dropin-loading = דף התשלום נטען…
dropin-amount-label = סכום לתשלום
dropin-methods-label = אמצעי תשלום
method-card = כרטיס
dropin-no-methods = אין אמצעי תשלום זמין להזמנה הזו.
dropin-processing = מעבדים את התשלום…
dropin-redirecting = מעבירים אותך לבנק…
dropin-awaiting-result = מאשרים את התשלום…
dropin-success-title = התשלום בוצע בהצלחה
dropin-authorized-title = התשלום אושר
dropin-authorized-detail = הכרטיס שלך אושר. החיוב יבוצע כשהחנות תאשר את ההזמנה.
dropin-success-order = מספר הזמנה: { $order }
dropin-expired-title = תוקף דף התשלום פג
dropin-error-title = דף התשלום אינו זמין
dropin-retry = לנסות שוב

## Secure card frames (titles of the iframes)

secure-frame-title-number = שדה מאובטח למספר הכרטיס
secure-frame-title-expiry = שדה מאובטח לתוקף הכרטיס
secure-frame-title-cvv = שדה מאובטח לקוד האבטחה
secure-frame-title-holder = שדה מאובטח לשם שעל הכרטיס

## Saved cards

stored-card-title = { $brand } •••• { $last4 }
stored-card-expires = בתוקף עד { $expiry }
stored-card-expired = פג תוקף: { $expiry }
stored-card-remove = הסרת הכרטיס
stored-card-remove-confirm = להסיר את הכרטיס הזה?
stored-card-remove-yes = הסרה
stored-card-remove-cancel = להשאיר
stored-card-remove-failed = לא ניתן היה להסיר את הכרטיס. { $reason }
stored-card-removed = הכרטיס הוסר.
card-save-label = שמירת הכרטיס לתשלומים הבאים
card-save-required = זהו מינוי: הכרטיס יישמר ויחויב בתשלומים הבאים של המינוי. ביצוע התשלום מהווה הסכמה לכך.

## Other payment methods (QR wallets, redirects)

method-hint-card = תשלום בכרטיס.
method-hint-qr = אחרי הלחיצה על "תשלום", יש לסרוק את קוד ה-QR באפליקציית { $method } כדי לאשר את התשלום.
method-hint-redirect = אחרי הלחיצה על "תשלום", נעביר אותך אל { $method } לאישור התשלום, ואחר כך בחזרה לכאן.
method-hint-wallet = תשלום באמצעות { $method }.
qr-code-label = קוד QR לתשלום באמצעות { $method }
qr-instructions = יש לפתוח את אפליקציית { $method }, לסרוק את הקוד ולאשר את התשלום. הדף יתעדכן אוטומטית.
qr-open-app = פתיחת { $method }
qr-copy = העתקת קישור התשלום
qr-copied = קישור התשלום הועתק.
qr-reconnecting = החיבור נותק. אנחנו ממשיכים לבדוק את התשלום…
qr-expires-in = תוקף הקוד יפוג בעוד
qr-time-left =
    { $minutes ->
        [one] נותרה דקה אחת לסריקת הקוד.
        [two] נותרו שתי דקות לסריקת הקוד.
       *[other] נותרו { $minutes } דקות לסריקת הקוד.
    }

## Browser wallets (Apple Pay, Google Pay)

wallet-pay-button = תשלום באמצעות { $method }
wallet-buy-button = קנייה באמצעות { $method }
wallet-checkout-button = מעבר לתשלום באמצעות { $method }
wallet-donate-button = תרומה באמצעות { $method }
wallet-unavailable = לא ניתן היה לפתוח את { $method }. יש לבחור אמצעי תשלום אחר.

## Back to the merchant (the hosted payment page)

merchant-back = חזרה אל { $merchant }
merchant-returning = מעבירים אותך בחזרה אל { $merchant }…
