# PayKKa Checkout — español (México)

## Card form

card-number-label = Número de tarjeta
card-expiry-label = Fecha de vencimiento
card-expiry-placeholder = MM/AA
card-cvv-label = Código de seguridad
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } dígitos en el frente de la tarjeta
       *[back] { $digits } dígitos en el reverso de la tarjeta
    }
card-holder-label = Nombre del titular
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "$499.00"
pay-button = Pagar { $amount }
card-form-complete = Datos de la tarjeta completos.
card-form-invalid-generic = Revisa algunos datos del pago.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
        [one] Un campo requiere tu atención.
       *[other] { $count } campos requieren tu atención.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Ingresa el número de tu tarjeta.
error-number-incomplete = El número de tu tarjeta está incompleto.
error-number-too-long = El número de tu tarjeta es demasiado largo.
error-number-invalid = El número de tu tarjeta no es válido.
error-number-unsupported = No se acepta esta marca de tarjeta.
error-expiry-empty = Ingresa la fecha de vencimiento.
error-expiry-incomplete = La fecha de vencimiento está incompleta.
error-expiry-month-invalid = El mes de vencimiento debe estar entre 01 y 12.
error-expiry-in-past = Tu tarjeta está vencida.
error-expiry-too-far = La fecha de vencimiento es demasiado lejana.
error-cvv-empty = Ingresa el código de seguridad.
error-cvv-incomplete = El código de seguridad está incompleto.
error-holder-name-empty = Ingresa el nombre que aparece en la tarjeta.
error-holder-name-invalid = Ingresa el nombre tal como aparece en la tarjeta.
error-amount-invalid = El monto no es válido.
error-amount-negative = El monto no puede ser negativo.
error-currency-unsupported = No se acepta esta moneda.

## Payment errors (flow and decline reasons)

error-network-unavailable = No pudimos conectarnos con el servicio de pago. Verifica tu conexión e inténtalo de nuevo.
error-request-timed-out = El servicio de pago está tardando demasiado en responder. Inténtalo de nuevo.
error-server = Ocurrió un error de nuestro lado. Inténtalo de nuevo.
error-invalid-response = Recibimos una respuesta inesperada. Inténtalo de nuevo.
error-request-rejected = No se pudo procesar este pago. Verifica tus datos.
error-session-expired = Esta sesión de pago venció. Regresa a la tienda para empezar de nuevo.
error-session-not-found = No se encontró esta sesión de pago. Regresa a la tienda para empezar de nuevo.
error-session-completed = Este pedido ya fue pagado.
error-secure-fields-unavailable = No se pudieron cargar los campos seguros de la tarjeta. Inténtalo de nuevo.
error-field-not-mounted = Al formulario de la tarjeta de esta página le falta un campo obligatorio. Comunícate con la tienda.
error-method-unavailable = No se pudo cargar este método de pago. Inténtalo de nuevo o elige otro método de pago.
error-randomness-unavailable = Este navegador no puede realizar un pago seguro en este momento. Actualiza tu navegador o usa otro.
error-too-many-requests = Demasiados intentos. Espera un minuto y vuelve a intentarlo.
error-payment-pending = Un pago de este pedido sigue pendiente de completarse. Complétalo o vuelve a intentarlo en unos minutos.
error-card-data-expired = Por tu seguridad, vuelve a ingresar los datos de tu tarjeta.
error-card-declined = Tu tarjeta fue rechazada. Intenta con otra tarjeta o comunícate con tu banco.
error-insufficient-funds = Tu tarjeta fue rechazada por fondos insuficientes.
error-card-expired = Tu tarjeta está vencida. Usa otra tarjeta.
error-authentication-failed = Tu banco no pudo verificar este pago. Inténtalo de nuevo.
error-card-invalid = No se aceptó el número de tu tarjeta. Verifícalo.
error-cvv-invalid = No se aceptó tu código de seguridad. Verifícalo.
error-payment-expired = El pago no se completó a tiempo. Inténtalo de nuevo.
error-payment-failed = No se pudo completar tu pago. Inténtalo de nuevo.

## Drop-in

dropin-label = Pago
dropin-loading = Cargando el pago…
dropin-amount-label = Monto a pagar
dropin-methods-label = Método de pago
method-card = Tarjeta
dropin-no-methods = No hay ningún método de pago disponible para este pedido.
dropin-processing = Procesando tu pago…
dropin-redirecting = Te estamos llevando a tu banco…
dropin-awaiting-result = Confirmando tu pago…
dropin-success-title = Pago exitoso
dropin-authorized-title = Pago autorizado
dropin-authorized-detail = Se autorizó tu tarjeta. Se te cobrará cuando la tienda confirme tu pedido.
# $order (string): the gateway's order reference
dropin-success-order = Referencia del pedido: { $order }
dropin-expired-title = Esta sesión de pago venció
dropin-error-title = El pago no está disponible
dropin-retry = Intentar de nuevo

## Secure card frames (titles of the iframes)

secure-frame-title-number = Campo seguro del número de tarjeta
secure-frame-title-expiry = Campo seguro de la fecha de vencimiento
secure-frame-title-cvv = Campo seguro del código de seguridad
secure-frame-title-holder = Campo seguro del nombre del titular

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Vence en { $expiry }
stored-card-expired = Venció en { $expiry }
stored-card-remove = Eliminar tarjeta
stored-card-remove-confirm = ¿Eliminar esta tarjeta?
stored-card-remove-yes = Eliminar
stored-card-remove-cancel = Conservarla
# $reason (string): why, as one of the error messages
stored-card-remove-failed = No se pudo eliminar la tarjeta. { $reason }
stored-card-removed = Tarjeta eliminada.
card-save-label = Guardar esta tarjeta para pagos futuros
card-save-required = Esta es una suscripción: tu tarjeta se guardará y se usará para cobrar los pagos futuros. Al pagar, aceptas esta condición.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Paga con tu tarjeta.
method-hint-qr = Después de presionar Pagar, escanea el código QR con la app de { $method } para autorizar el pago.
method-hint-redirect = Después de presionar Pagar, te llevaremos a { $method } para autorizar el pago y luego volverás aquí.
method-hint-wallet = Paga con { $method }.
qr-code-label = Código QR para pagar con { $method }
qr-instructions = Abre la app de { $method }, escanea este código y autoriza el pago. Esta página se actualiza automáticamente.
qr-open-app = Abrir { $method }
qr-copy = Copiar enlace de pago
qr-copied = Enlace de pago copiado.
qr-reconnecting = Se perdió la conexión. Seguimos verificando tu pago…
qr-expires-in = El código vence en
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] Queda un minuto para escanear el código.
       *[other] Quedan { $minutes } minutos para escanear el código.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Pagar con { $method }
wallet-buy-button = Comprar con { $method }
wallet-checkout-button = Finalizar compra con { $method }
wallet-donate-button = Donar con { $method }
wallet-unavailable = No se pudo abrir { $method }. Elige otro método de pago.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Regresar a { $merchant }
merchant-returning = Regresando a { $merchant }…
