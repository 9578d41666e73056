# PayKKa Checkout — español (España)

## Card form

card-number-label = Número de tarjeta
card-expiry-label = Fecha de caducidad
card-expiry-placeholder = MM/AA
card-cvv-label = Código de seguridad
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } dígitos en la parte delantera de la tarjeta
       *[back] { $digits } dígitos en la parte trasera de la tarjeta
    }
card-holder-label = Nombre del titular
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "49,99 €"
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

error-number-empty = Introduce el número de tu tarjeta.
error-number-incomplete = El número de tu tarjeta está incompleto.
error-number-too-long = El número de tu tarjeta es demasiado largo.
error-number-invalid = El número de tu tarjeta no es válido.
error-number-unsupported = No se admite esta marca de tarjeta.
error-expiry-empty = Introduce la fecha de caducidad.
error-expiry-incomplete = La fecha de caducidad está incompleta.
error-expiry-month-invalid = El mes de caducidad debe estar entre 01 y 12.
error-expiry-in-past = Tu tarjeta ha caducado.
error-expiry-too-far = La fecha de caducidad es demasiado lejana.
error-cvv-empty = Introduce el código de seguridad.
error-cvv-incomplete = El código de seguridad está incompleto.
error-holder-name-empty = Introduce el nombre que aparece en la tarjeta.
error-holder-name-invalid = Introduce el nombre tal como aparece en la tarjeta.
error-amount-invalid = El importe no es válido.
error-amount-negative = El importe no puede ser negativo.
error-currency-unsupported = No se admite esta divisa.

## Payment errors (flow and decline reasons)

error-network-unavailable = No hemos podido conectar con el servicio de pago. Comprueba tu conexión y vuelve a intentarlo.
error-request-timed-out = El servicio de pago está tardando demasiado en responder. Vuelve a intentarlo.
error-server = Se ha producido un error por nuestra parte. Vuelve a intentarlo.
error-invalid-response = Hemos recibido una respuesta inesperada. Vuelve a intentarlo.
error-request-rejected = No se ha podido procesar este pago. Comprueba tus datos.
error-session-expired = Esta sesión de pago ha caducado. Vuelve a la tienda para empezar de nuevo.
error-session-not-found = No se ha encontrado esta sesión de pago. Vuelve a la tienda para empezar de nuevo.
error-session-completed = Este pedido ya se ha pagado.
error-secure-fields-unavailable = No se han podido cargar los campos seguros de la tarjeta. Vuelve a intentarlo.
error-field-not-mounted = Al formulario de la tarjeta de esta página le falta un campo obligatorio. Ponte en contacto con la tienda.
error-method-unavailable = No se ha podido cargar este método de pago. Inténtalo de nuevo o elige otro método de pago.
error-randomness-unavailable = Este navegador no puede realizar un pago seguro en este momento. Actualiza el navegador o prueba con otro.
error-too-many-requests = Demasiados intentos. Espera un minuto y vuelve a intentarlo.
error-payment-pending = Un pago de este pedido sigue pendiente de completarse. Complétalo o vuelve a intentarlo en unos minutos.
error-card-data-expired = Por tu seguridad, vuelve a introducir los datos de tu tarjeta.
error-card-declined = Tu tarjeta ha sido rechazada. Prueba con otra tarjeta o ponte en contacto con tu banco.
error-insufficient-funds = Tu tarjeta ha sido rechazada por saldo insuficiente.
error-card-expired = Tu tarjeta ha caducado. Usa otra tarjeta.
error-authentication-failed = Tu banco no ha podido verificar este pago. Vuelve a intentarlo.
error-card-invalid = No se ha aceptado el número de tu tarjeta. Compruébalo.
error-cvv-invalid = No se ha aceptado tu código de seguridad. Compruébalo.
error-payment-expired = El pago no se ha completado a tiempo. Vuelve a intentarlo.
error-payment-failed = No se ha podido completar tu pago. Vuelve a intentarlo.

## Drop-in

dropin-label = Pago
dropin-loading = Cargando el pago…
dropin-amount-label = Importe a pagar
dropin-methods-label = Método de pago
method-card = Tarjeta
dropin-no-methods = No hay ningún método de pago disponible para este pedido.
dropin-processing = Procesando tu pago…
dropin-redirecting = Redirigiéndote a tu banco…
dropin-awaiting-result = Confirmando tu pago…
dropin-success-title = Pago realizado correctamente
dropin-authorized-title = Pago autorizado
dropin-authorized-detail = Se ha autorizado tu tarjeta. Se te cobrará cuando la tienda confirme tu pedido.
# $order (string): the gateway's order reference
dropin-success-order = Referencia del pedido: { $order }
dropin-expired-title = Esta sesión de pago ha caducado
dropin-error-title = El pago no está disponible
dropin-retry = Volver a intentarlo

## Secure card frames (titles of the iframes)

secure-frame-title-number = Campo seguro del número de tarjeta
secure-frame-title-expiry = Campo seguro de la fecha de caducidad
secure-frame-title-cvv = Campo seguro del código de seguridad
secure-frame-title-holder = Campo seguro del nombre del titular

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Caduca en { $expiry }
stored-card-expired = Caducó en { $expiry }
stored-card-remove = Eliminar tarjeta
stored-card-remove-confirm = ¿Eliminar esta tarjeta?
stored-card-remove-yes = Eliminar
stored-card-remove-cancel = Conservarla
# $reason (string): why, as one of the error messages
stored-card-remove-failed = No se ha podido eliminar la tarjeta. { $reason }
stored-card-removed = Tarjeta eliminada.
card-save-label = Guardar esta tarjeta para futuros pagos
card-save-required = Esto es una suscripción: tu tarjeta se guardará y se usará para cobrar los próximos pagos. Al pagar, lo aceptas.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Paga con tu tarjeta.
method-hint-qr = Después de pulsar Pagar, escanea el código QR con la aplicación de { $method } para aprobar el pago.
method-hint-redirect = Después de pulsar Pagar, se te redirigirá a { $method } para aprobar el pago y, a continuación, volverás aquí.
method-hint-wallet = Paga con { $method }.
qr-code-label = Código QR para pagar con { $method }
qr-instructions = Abre la aplicación de { $method }, escanea este código y aprueba el pago. Esta página se actualiza automáticamente.
qr-open-app = Abrir { $method }
qr-copy = Copiar enlace de pago
qr-copied = Enlace de pago copiado.
qr-reconnecting = Se ha perdido la conexión. Seguimos comprobando tu pago…
qr-expires-in = El código caduca en
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
wallet-unavailable = No se ha podido abrir { $method }. Elige otro método de pago.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Volver a { $merchant }
merchant-returning = Volviendo a { $merchant }…
