# PayKKa Checkout — हिन्दी (भारत)

## Card form

card-number-label = कार्ड नंबर
card-expiry-label = समाप्ति तिथि
card-expiry-placeholder = MM/YY
card-cvv-label = सुरक्षा कोड
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] कार्ड के आगे की ओर { $digits } अंक
       *[back] कार्ड के पीछे की ओर { $digits } अंक
    }
card-holder-label = कार्ड पर लिखा नाम
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "₹499.00"
pay-button = { $amount } का भुगतान करें
card-form-complete = कार्ड की जानकारी पूरी है।
card-form-invalid-generic = भुगतान की कुछ जानकारी पर ध्यान देना ज़रूरी है।
# $count (number): how many fields need attention
# Hindi "one" covers 0 and 1: both variants show the number.
card-form-invalid =
    { $count ->
        [one] { $count } फ़ील्ड पर ध्यान देना ज़रूरी है।
       *[other] { $count } फ़ील्ड पर ध्यान देना ज़रूरी है।
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = अपना कार्ड नंबर डालें।
error-number-incomplete = आपका कार्ड नंबर अधूरा है।
error-number-too-long = आपका कार्ड नंबर बहुत लंबा है।
error-number-invalid = आपका कार्ड नंबर अमान्य है।
error-number-unsupported = इस ब्रांड का कार्ड स्वीकार नहीं किया जाता।
error-expiry-empty = समाप्ति तिथि डालें।
error-expiry-incomplete = समाप्ति तिथि अधूरी है।
error-expiry-month-invalid = समाप्ति का महीना 01 से 12 के बीच होना चाहिए।
error-expiry-in-past = आपका कार्ड एक्सपायर हो चुका है।
error-expiry-too-far = समाप्ति तिथि भविष्य में बहुत आगे की है।
error-cvv-empty = सुरक्षा कोड डालें।
error-cvv-incomplete = सुरक्षा कोड अधूरा है।
error-holder-name-empty = कार्ड पर लिखा नाम डालें।
error-holder-name-invalid = नाम ठीक वैसे ही डालें जैसा कार्ड पर लिखा है।
error-amount-invalid = राशि अमान्य है।
error-amount-negative = राशि ऋणात्मक नहीं हो सकती।
error-currency-unsupported = यह मुद्रा स्वीकार नहीं की जाती।

## Payment errors (flow and decline reasons)

error-network-unavailable = हम भुगतान सेवा से कनेक्ट नहीं कर पाए। अपना कनेक्शन जाँचें और फिर से कोशिश करें।
error-request-timed-out = भुगतान सेवा जवाब देने में बहुत समय ले रही है। कृपया फिर से कोशिश करें।
error-server = हमारी ओर से कोई गड़बड़ी हुई। कृपया फिर से कोशिश करें।
error-invalid-response = हमें एक अनपेक्षित जवाब मिला। कृपया फिर से कोशिश करें।
error-request-rejected = यह भुगतान प्रोसेस नहीं हो सका। कृपया अपनी जानकारी जाँचें।
error-session-expired = इस चेकआउट की समय-सीमा समाप्त हो गई है। फिर से शुरू करने के लिए कृपया स्टोर पर वापस जाएँ।
error-session-not-found = यह चेकआउट नहीं मिला। फिर से शुरू करने के लिए कृपया स्टोर पर वापस जाएँ।
error-session-completed = इस ऑर्डर का भुगतान पहले ही हो चुका है।
error-secure-fields-unavailable = सुरक्षित कार्ड फ़ील्ड लोड नहीं हो सके। कृपया फिर से कोशिश करें।
error-field-not-mounted = इस पेज के कार्ड फ़ॉर्म में एक ज़रूरी फ़ील्ड नहीं है। कृपया स्टोर से संपर्क करें।
error-method-unavailable = यह भुगतान विधि लोड नहीं हो सकी। कृपया फिर से प्रयास करें या कोई अन्य भुगतान विधि चुनें।
error-randomness-unavailable = यह ब्राउज़र अभी सुरक्षित भुगतान नहीं कर सकता। कृपया अपना ब्राउज़र अपडेट करें या कोई दूसरा ब्राउज़र आज़माएँ।
error-too-many-requests = बहुत अधिक प्रयास। कृपया एक मिनट प्रतीक्षा करें, फिर दोबारा कोशिश करें।
error-payment-pending = इस ऑर्डर का एक भुगतान अभी पूरा होने की प्रतीक्षा में है। उसे पूरा करें, या कुछ मिनट बाद दोबारा कोशिश करें।
error-card-data-expired = आपकी सुरक्षा के लिए, कृपया अपने कार्ड का विवरण फिर से दर्ज करें।
error-card-declined = आपका कार्ड अस्वीकार कर दिया गया। कोई दूसरा कार्ड आज़माएँ या अपने बैंक से संपर्क करें।
error-insufficient-funds = अपर्याप्त बैलेंस के कारण आपका कार्ड अस्वीकार कर दिया गया।
error-card-expired = आपका कार्ड एक्सपायर हो चुका है। कृपया कोई दूसरा कार्ड इस्तेमाल करें।
error-authentication-failed = आपका बैंक इस भुगतान को सत्यापित नहीं कर सका। कृपया फिर से कोशिश करें।
error-card-invalid = आपका कार्ड नंबर स्वीकार नहीं किया गया। कृपया इसे जाँचें।
error-cvv-invalid = आपका सुरक्षा कोड स्वीकार नहीं किया गया। कृपया इसे जाँचें।
error-payment-expired = भुगतान समय पर पूरा नहीं हुआ। कृपया फिर से कोशिश करें।
error-payment-failed = आपका भुगतान पूरा नहीं हो सका। कृपया फिर से कोशिश करें।

## Drop-in

dropin-label = चेकआउट
dropin-loading = चेकआउट लोड हो रहा है…
dropin-amount-label = देय राशि
dropin-methods-label = भुगतान का तरीका
method-card = कार्ड
dropin-no-methods = इस ऑर्डर के लिए भुगतान का कोई तरीका उपलब्ध नहीं है।
dropin-processing = आपका भुगतान प्रोसेस हो रहा है…
dropin-redirecting = आपको आपके बैंक पर ले जाया जा रहा है…
dropin-awaiting-result = आपके भुगतान की पुष्टि की जा रही है…
dropin-success-title = भुगतान सफल रहा
dropin-authorized-title = भुगतान अधिकृत
dropin-authorized-detail = आपका कार्ड अधिकृत कर दिया गया है। दुकान द्वारा आपका ऑर्डर पुष्ट करने पर आपसे शुल्क लिया जाएगा।
# $order (string): the gateway's order reference
dropin-success-order = ऑर्डर रेफ़रेंस: { $order }
dropin-expired-title = इस चेकआउट की समय-सीमा समाप्त हो गई है
dropin-error-title = चेकआउट उपलब्ध नहीं है
dropin-retry = फिर से कोशिश करें

## Secure card frames (titles of the iframes)

secure-frame-title-number = कार्ड नंबर के लिए सुरक्षित इनपुट
secure-frame-title-expiry = समाप्ति तिथि के लिए सुरक्षित इनपुट
secure-frame-title-cvv = सुरक्षा कोड के लिए सुरक्षित इनपुट
secure-frame-title-holder = कार्डधारक के नाम के लिए सुरक्षित इनपुट

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = { $expiry } तक मान्य
stored-card-expired = { $expiry } में एक्सपायर हो चुका
stored-card-remove = कार्ड हटाएँ
stored-card-remove-confirm = यह कार्ड हटाएँ?
stored-card-remove-yes = हटाएँ
stored-card-remove-cancel = रहने दें
# $reason (string): why, as one of the error messages
stored-card-remove-failed = कार्ड हटाया नहीं जा सका। { $reason }
stored-card-removed = कार्ड हटा दिया गया।
card-save-label = आगे के भुगतानों के लिए यह कार्ड सेव करें
card-save-required = यह एक सब्सक्रिप्शन है: आपका कार्ड सेव किया जाएगा और आगे के भुगतान इसी से लिए जाएँगे। भुगतान करके, आप इसके लिए सहमति देते हैं।

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = अपने कार्ड से भुगतान करें।
method-hint-qr = “भुगतान करें” दबाने के बाद, भुगतान स्वीकृत करने के लिए { $method } ऐप से QR कोड स्कैन करें।
method-hint-redirect = “भुगतान करें” दबाने के बाद, भुगतान स्वीकृत करने के लिए आपको { $method } पर ले जाया जाएगा, फिर यहाँ वापस लाया जाएगा।
method-hint-wallet = { $method } से भुगतान करें।
qr-code-label = { $method } से भुगतान करने के लिए QR कोड
qr-instructions = { $method } ऐप खोलें, यह कोड स्कैन करें और भुगतान स्वीकृत करें। यह पेज अपने-आप अपडेट हो जाएगा।
qr-open-app = { $method } खोलें
qr-copy = भुगतान लिंक कॉपी करें
qr-copied = भुगतान लिंक कॉपी हो गया।
qr-reconnecting = कनेक्शन टूट गया। हम अब भी आपके भुगतान की जाँच कर रहे हैं…
qr-expires-in = कोड एक्सपायर होने में बाकी समय:
# $minutes (number): whole minutes left
# Hindi "one" covers 0 and 1: it shows the number.
qr-time-left =
    { $minutes ->
        [one] कोड स्कैन करने के लिए { $minutes } मिनट बचा है।
       *[other] कोड स्कैन करने के लिए { $minutes } मिनट बचे हैं।
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = { $method } से भुगतान करें
wallet-buy-button = { $method } से खरीदें
wallet-checkout-button = { $method } से चेकआउट करें
wallet-donate-button = { $method } से दान करें
wallet-unavailable = { $method } नहीं खुल सका। कृपया भुगतान का कोई दूसरा तरीका चुनें।

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = { $merchant } पर वापस जाएँ
merchant-returning = आपको { $merchant } पर वापस ले जाया जा रहा है…
