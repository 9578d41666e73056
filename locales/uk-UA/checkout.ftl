# PayKKa Checkout — українська (Україна)

## Card form

card-number-label = Номер картки
card-expiry-label = Термін дії
card-expiry-placeholder = ММ/РР
card-cvv-label = Код безпеки
card-cvv-hint =
    { $location ->
        [front] { $digits } цифри на лицьовому боці картки
       *[back] { $digits } цифри на зворотному боці картки
    }
card-holder-label = Ім’я власника картки
pay-button = Сплатити { $amount }
card-form-complete = Дані картки заповнено.
card-form-invalid-generic = Перевірте деякі платіжні дані.
card-form-invalid =
    { $count ->
        [one] Перевірте { $count } поле.
        [few] Перевірте { $count } поля.
        [many] Перевірте { $count } полів.
       *[other] Перевірте { $count } поля.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Введіть номер картки.
error-number-incomplete = Номер картки введено не повністю.
error-number-too-long = Номер картки задовгий.
error-number-invalid = Недійсний номер картки.
error-number-unsupported = Картки цієї платіжної системи не приймаються.
error-expiry-empty = Введіть термін дії картки.
error-expiry-incomplete = Термін дії введено не повністю.
error-expiry-month-invalid = Місяць має бути від 01 до 12.
error-expiry-in-past = Термін дії вашої картки минув.
error-expiry-too-far = Вказано занадто віддалений термін дії.
error-cvv-empty = Введіть код безпеки.
error-cvv-incomplete = Код безпеки введено не повністю.
error-holder-name-empty = Введіть ім’я, зазначене на картці.
error-holder-name-invalid = Введіть ім’я так, як його зазначено на картці.
error-amount-invalid = Недійсна сума.
error-amount-negative = Сума не може бути від’ємною.
error-currency-unsupported = Ця валюта не підтримується.

## Payment errors (flow and decline reasons)

error-network-unavailable = Не вдалося зв’язатися з платіжним сервісом. Перевірте підключення до інтернету й спробуйте ще раз.
error-request-timed-out = Платіжний сервіс надто довго не відповідає. Спробуйте ще раз.
error-server = На нашому боці сталася помилка. Спробуйте ще раз.
error-invalid-response = Отримано неочікувану відповідь. Спробуйте ще раз.
error-request-rejected = Не вдалося обробити платіж. Перевірте введені дані.
error-session-expired = Сеанс оплати завершився. Поверніться до магазину й почніть спочатку.
error-session-not-found = Сеанс оплати не знайдено. Поверніться до магазину й почніть спочатку.
error-session-completed = Це замовлення вже оплачено.
error-secure-fields-unavailable = Не вдалося завантажити захищені поля для введення даних картки. Спробуйте ще раз.
error-field-not-mounted = У формі картки на цій сторінці бракує обов’язкового поля. Зверніться до магазину.
error-method-unavailable = Не вдалося завантажити цей спосіб оплати. Спробуйте ще раз або виберіть інший спосіб оплати.
error-randomness-unavailable = Цей браузер зараз не може здійснити безпечний платіж. Оновіть браузер або скористайтеся іншим.
error-too-many-requests = Забагато спроб. Зачекайте хвилину й спробуйте ще раз.
error-payment-pending = Платіж за це замовлення ще очікує завершення. Завершіть його або спробуйте ще раз за кілька хвилин.
error-card-data-expired = З міркувань безпеки введіть дані картки ще раз.
error-card-declined = Вашу картку відхилено. Спробуйте іншу картку або зверніться до свого банку.
error-insufficient-funds = Вашу картку відхилено: недостатньо коштів.
error-card-expired = Термін дії вашої картки минув. Скористайтеся іншою карткою.
error-authentication-failed = Ваш банк не зміг підтвердити цей платіж. Спробуйте ще раз.
error-card-invalid = Номер вашої картки не прийнято. Перевірте його.
error-cvv-invalid = Код безпеки не прийнято. Перевірте його.
error-payment-expired = Платіж не було завершено вчасно. Спробуйте ще раз.
error-payment-failed = Не вдалося завершити платіж. Спробуйте ще раз.

## Drop-in

dropin-label = Оплата
dropin-loading = Завантаження сторінки оплати…
dropin-amount-label = Сума до сплати
dropin-methods-label = Спосіб оплати
method-card = Картка
dropin-no-methods = Для цього замовлення немає доступних способів оплати.
dropin-processing = Обробка платежу…
dropin-redirecting = Перехід на сайт вашого банку…
dropin-awaiting-result = Підтвердження платежу…
dropin-success-title = Оплата успішна
dropin-authorized-title = Платіж авторизовано
dropin-authorized-detail = Вашу картку авторизовано. Кошти буде списано, коли магазин підтвердить замовлення.
dropin-success-order = Номер замовлення: { $order }
dropin-expired-title = Сеанс оплати завершився
dropin-error-title = Оплата недоступна
dropin-retry = Спробувати ще раз

## Secure card frames (titles of the iframes)

secure-frame-title-number = Захищене поле номера картки
secure-frame-title-expiry = Захищене поле терміну дії
secure-frame-title-cvv = Захищене поле коду безпеки
secure-frame-title-holder = Захищене поле імені власника картки

## Saved cards

stored-card-title = { $brand } •••• { $last4 }
stored-card-expires = Дійсна до { $expiry }
stored-card-expired = Термін дії минув: { $expiry }
stored-card-remove = Видалити картку
stored-card-remove-confirm = Видалити цю картку?
stored-card-remove-yes = Видалити
stored-card-remove-cancel = Залишити
stored-card-remove-failed = Не вдалося видалити картку. { $reason }
stored-card-removed = Картку видалено.
card-save-label = Зберегти картку для майбутніх платежів
card-save-required = Це підписка: вашу картку буде збережено, і з неї списуватимуться наступні платежі за підпискою. Здійснюючи оплату, ви погоджуєтеся з цим.

## Other payment methods (QR wallets, redirects)

method-hint-card = Сплатіть карткою.
method-hint-qr = Після натискання кнопки «Сплатити» відскануйте QR-код у застосунку { $method }, щоб підтвердити платіж.
method-hint-redirect = Після натискання кнопки «Сплатити» ви перейдете до { $method } для підтвердження платежу, а потім повернетеся сюди.
method-hint-wallet = Сплатіть через { $method }.
qr-code-label = QR-код для оплати через { $method }
qr-instructions = Відкрийте застосунок { $method }, відскануйте цей код і підтвердьте платіж. Сторінка оновиться автоматично.
qr-open-app = Відкрити { $method }
qr-copy = Скопіювати посилання на оплату
qr-copied = Посилання на оплату скопійовано.
qr-reconnecting = З’єднання втрачено. Ми й далі перевіряємо ваш платіж…
qr-expires-in = Код діє ще
qr-time-left =
    { $minutes ->
        [one] На сканування коду залишилася { $minutes } хвилина.
        [few] На сканування коду залишилося { $minutes } хвилини.
        [many] На сканування коду залишилося { $minutes } хвилин.
       *[other] На сканування коду залишилося { $minutes } хвилини.
    }

## Browser wallets (Apple Pay, Google Pay)

wallet-pay-button = Сплатити через { $method }
wallet-buy-button = Купити через { $method }
wallet-checkout-button = Оформити замовлення через { $method }
wallet-donate-button = Пожертвувати через { $method }
wallet-unavailable = Не вдалося відкрити { $method }. Виберіть інший спосіб оплати.

## Back to the merchant (the hosted payment page)

merchant-back = Повернутися до магазину { $merchant }
merchant-returning = Повертаємо вас до магазину { $merchant }…
