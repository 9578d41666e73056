# PayKKa Checkout — русский (Россия)

## Card form

card-number-label = Номер карты
card-expiry-label = Срок действия
card-expiry-placeholder = ММ/ГГ
card-cvv-label = Код безопасности
card-cvv-hint =
    { $location ->
        [front] { $digits } цифры на лицевой стороне карты
       *[back] { $digits } цифры на обратной стороне карты
    }
card-holder-label = Имя владельца карты
pay-button = Оплатить { $amount }
card-form-complete = Данные карты заполнены.
card-form-invalid-generic = Проверьте некоторые платёжные данные.
card-form-invalid =
    { $count ->
        [one] Проверьте { $count } поле.
        [few] Проверьте { $count } поля.
        [many] Проверьте { $count } полей.
       *[other] Проверьте { $count } поля.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Введите номер карты.
error-number-incomplete = Номер карты введён не полностью.
error-number-too-long = Номер карты слишком длинный.
error-number-invalid = Неверный номер карты.
error-number-unsupported = Карты этой платёжной системы не принимаются.
error-expiry-empty = Введите срок действия карты.
error-expiry-incomplete = Срок действия введён не полностью.
error-expiry-month-invalid = Месяц должен быть от 01 до 12.
error-expiry-in-past = Срок действия вашей карты истёк.
error-expiry-too-far = Указан слишком отдалённый срок действия.
error-cvv-empty = Введите код безопасности.
error-cvv-incomplete = Код безопасности введён не полностью.
error-holder-name-empty = Введите имя, указанное на карте.
error-holder-name-invalid = Введите имя так, как оно указано на карте.
error-amount-invalid = Неверная сумма.
error-amount-negative = Сумма не может быть отрицательной.
error-currency-unsupported = Эта валюта не поддерживается.

## Payment errors (flow and decline reasons)

error-network-unavailable = Не удалось связаться с платёжным сервисом. Проверьте подключение к интернету и повторите попытку.
error-request-timed-out = Платёжный сервис слишком долго не отвечает. Повторите попытку.
error-server = На нашей стороне произошла ошибка. Повторите попытку.
error-invalid-response = Получен непредвиденный ответ. Повторите попытку.
error-request-rejected = Не удалось обработать платёж. Проверьте введённые данные.
error-session-expired = Сеанс оплаты истёк. Вернитесь в магазин и начните заново.
error-session-not-found = Сеанс оплаты не найден. Вернитесь в магазин и начните заново.
error-session-completed = Этот заказ уже оплачен.
error-secure-fields-unavailable = Не удалось загрузить защищённые поля для ввода данных карты. Повторите попытку.
error-field-not-mounted = В форме карты на этой странице не хватает обязательного поля. Обратитесь в магазин.
error-method-unavailable = Не удалось загрузить этот способ оплаты. Попробуйте ещё раз или выберите другой способ оплаты.
error-randomness-unavailable = Этот браузер сейчас не может провести безопасный платёж. Обновите браузер или воспользуйтесь другим.
error-too-many-requests = Слишком много попыток. Подождите минуту и попробуйте снова.
error-payment-pending = Платёж по этому заказу ещё ожидает завершения. Завершите его или повторите попытку через несколько минут.
error-card-data-expired = В целях безопасности введите данные карты ещё раз.
error-card-declined = Ваша карта отклонена. Попробуйте другую карту или обратитесь в свой банк.
error-insufficient-funds = Ваша карта отклонена: недостаточно средств.
error-card-expired = Срок действия вашей карты истёк. Используйте другую карту.
error-authentication-failed = Ваш банк не смог подтвердить этот платёж. Повторите попытку.
error-card-invalid = Номер вашей карты не принят. Проверьте его.
error-cvv-invalid = Код безопасности не принят. Проверьте его.
error-payment-expired = Платёж не был завершён вовремя. Повторите попытку.
error-payment-failed = Не удалось завершить платёж. Повторите попытку.

## Drop-in

dropin-label = Оплата
dropin-loading = Загрузка страницы оплаты…
dropin-amount-label = Сумма к оплате
dropin-methods-label = Способ оплаты
method-card = Карта
dropin-no-methods = Для этого заказа нет доступных способов оплаты.
dropin-processing = Обработка платежа…
dropin-redirecting = Переход на сайт вашего банка…
dropin-awaiting-result = Подтверждение платежа…
dropin-success-title = Оплата прошла успешно
dropin-authorized-title = Платёж авторизован
dropin-authorized-detail = Ваша карта авторизована. Списание произойдёт, когда магазин подтвердит заказ.
dropin-success-order = Номер заказа: { $order }
dropin-expired-title = Сеанс оплаты истёк
dropin-error-title = Оплата недоступна
dropin-retry = Повторить попытку

## Secure card frames (titles of the iframes)

secure-frame-title-number = Защищённое поле номера карты
secure-frame-title-expiry = Защищённое поле срока действия
secure-frame-title-cvv = Защищённое поле кода безопасности
secure-frame-title-holder = Защищённое поле имени владельца карты

## Saved cards

stored-card-title = { $brand } •••• { $last4 }
stored-card-expires = Действует до { $expiry }
stored-card-expired = Срок действия истёк: { $expiry }
stored-card-remove = Удалить карту
stored-card-remove-confirm = Удалить эту карту?
stored-card-remove-yes = Удалить
stored-card-remove-cancel = Оставить
stored-card-remove-failed = Не удалось удалить карту. { $reason }
stored-card-removed = Карта удалена.
card-save-label = Сохранить карту для будущих платежей
card-save-required = Это подписка: ваша карта будет сохранена, и с неё будут списываться следующие платежи по подписке. Оплачивая, вы соглашаетесь с этим.

## Other payment methods (QR wallets, redirects)

method-hint-card = Оплатите картой.
method-hint-qr = После нажатия кнопки «Оплатить» отсканируйте QR-код в приложении { $method }, чтобы подтвердить платёж.
method-hint-redirect = После нажатия кнопки «Оплатить» вы перейдёте в { $method } для подтверждения платежа, а затем вернётесь сюда.
method-hint-wallet = Оплатите через { $method }.
qr-code-label = QR-код для оплаты через { $method }
qr-instructions = Откройте приложение { $method }, отсканируйте этот код и подтвердите платёж. Страница обновится автоматически.
qr-open-app = Открыть { $method }
qr-copy = Скопировать ссылку на оплату
qr-copied = Ссылка на оплату скопирована.
qr-reconnecting = Соединение потеряно. Мы продолжаем проверять ваш платёж…
qr-expires-in = Код действует ещё
qr-time-left =
    { $minutes ->
        [one] На сканирование кода осталась { $minutes } минута.
        [few] На сканирование кода осталось { $minutes } минуты.
        [many] На сканирование кода осталось { $minutes } минут.
       *[other] На сканирование кода осталось { $minutes } минуты.
    }

## Browser wallets (Apple Pay, Google Pay)

wallet-pay-button = Оплатить через { $method }
wallet-buy-button = Купить через { $method }
wallet-checkout-button = Оформить заказ через { $method }
wallet-donate-button = Пожертвовать через { $method }
wallet-unavailable = Не удалось открыть { $method }. Выберите другой способ оплаты.

## Back to the merchant (the hosted payment page)

merchant-back = Вернуться в магазин { $merchant }
merchant-returning = Возвращаем вас в магазин { $merchant }…
