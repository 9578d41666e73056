# PayKKa Checkout — português (Portugal)

## Card form

card-number-label = Número do cartão
card-expiry-label = Data de validade
card-expiry-placeholder = MM/AA
card-cvv-label = Código de segurança
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } dígitos na frente do cartão
       *[back] { $digits } dígitos no verso do cartão
    }
card-holder-label = Nome no cartão
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "$49.99"
pay-button = Pagar { $amount }
card-form-complete = Dados do cartão completos.
card-form-invalid-generic = Alguns dados de pagamento precisam da sua atenção.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
        [one] Um campo precisa da sua atenção.
       *[other] { $count } campos precisam da sua atenção.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Introduza o número do cartão.
error-number-incomplete = O número do cartão está incompleto.
error-number-too-long = O número do cartão é demasiado longo.
error-number-invalid = O número do cartão é inválido.
error-number-unsupported = Esta marca de cartão não é aceite.
error-expiry-empty = Introduza a data de validade.
error-expiry-incomplete = A data de validade está incompleta.
error-expiry-month-invalid = O mês de validade deve estar entre 01 e 12.
error-expiry-in-past = O seu cartão expirou.
error-expiry-too-far = A data de validade está demasiado distante no futuro.
error-cvv-empty = Introduza o código de segurança.
error-cvv-incomplete = O código de segurança está incompleto.
error-holder-name-empty = Introduza o nome que consta do cartão.
error-holder-name-invalid = Introduza o nome tal como aparece no cartão.
error-amount-invalid = O montante é inválido.
error-amount-negative = O montante não pode ser negativo.
error-currency-unsupported = Esta moeda não é suportada.

## Payment errors (flow and decline reasons)

error-network-unavailable = Não foi possível contactar o serviço de pagamento. Verifique a sua ligação e tente novamente.
error-request-timed-out = O serviço de pagamento está a demorar demasiado a responder. Tente novamente.
error-server = Ocorreu um erro do nosso lado. Tente novamente.
error-invalid-response = Recebemos uma resposta inesperada. Tente novamente.
error-request-rejected = Não foi possível processar este pagamento. Verifique os seus dados.
error-session-expired = Esta sessão de pagamento expirou. Volte à loja para recomeçar.
error-session-not-found = Esta sessão de pagamento não foi encontrada. Volte à loja para recomeçar.
error-session-completed = Esta encomenda já foi paga.
error-secure-fields-unavailable = Não foi possível carregar os campos seguros do cartão. Tente novamente.
error-field-not-mounted = Falta um campo obrigatório no formulário do cartão desta página. Contacte a loja.
error-method-unavailable = Não foi possível carregar este método de pagamento. Tente novamente ou escolha outro método de pagamento.
error-randomness-unavailable = Este navegador não consegue efetuar um pagamento seguro neste momento. Atualize o navegador ou experimente outro.
error-too-many-requests = Demasiadas tentativas. Aguarde um minuto e tente novamente.
error-payment-pending = Um pagamento desta encomenda ainda aguarda conclusão. Conclua-o ou tente novamente dentro de alguns minutos.
error-card-data-expired = Para sua segurança, introduza novamente os dados do cartão.
error-card-declined = O seu cartão foi recusado. Experimente outro cartão ou contacte o seu banco.
error-insufficient-funds = O seu cartão foi recusado por saldo insuficiente.
error-card-expired = O seu cartão expirou. Utilize outro cartão.
error-authentication-failed = O seu banco não conseguiu verificar este pagamento. Tente novamente.
error-card-invalid = O número do cartão não foi aceite. Verifique-o.
error-cvv-invalid = O código de segurança não foi aceite. Verifique-o.
error-payment-expired = O pagamento não foi concluído a tempo. Tente novamente.
error-payment-failed = Não foi possível concluir o pagamento. Tente novamente.

## Drop-in

dropin-label = Pagamento
dropin-loading = A carregar o pagamento…
dropin-amount-label = Montante a pagar
dropin-methods-label = Método de pagamento
method-card = Cartão
dropin-no-methods = Não há nenhum método de pagamento disponível para esta encomenda.
dropin-processing = A processar o pagamento…
dropin-redirecting = A redirecionar para o seu banco…
dropin-awaiting-result = A confirmar o pagamento…
dropin-success-title = Pagamento concluído
dropin-authorized-title = Pagamento autorizado
dropin-authorized-detail = O seu cartão foi autorizado. A cobrança será feita quando a loja confirmar a sua encomenda.
# $order (string): the gateway's order reference
dropin-success-order = Referência da encomenda: { $order }
dropin-expired-title = Esta sessão de pagamento expirou
dropin-error-title = O pagamento não está disponível
dropin-retry = Tentar novamente

## Secure card frames (titles of the iframes)

secure-frame-title-number = Campo seguro do número do cartão
secure-frame-title-expiry = Campo seguro da data de validade
secure-frame-title-cvv = Campo seguro do código de segurança
secure-frame-title-holder = Campo seguro do nome do titular

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Válido até { $expiry }
stored-card-expired = Expirado ({ $expiry })
stored-card-remove = Remover cartão
stored-card-remove-confirm = Remover este cartão?
stored-card-remove-yes = Remover
stored-card-remove-cancel = Manter
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Não foi possível remover o cartão. { $reason }
stored-card-removed = Cartão removido.
card-save-label = Guardar este cartão para pagamentos futuros
card-save-required = Trata-se de uma subscrição: o seu cartão será guardado e debitado nos pagamentos futuros. Ao pagar, aceita estas condições.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Pague com o seu cartão.
method-hint-qr = Depois de carregar em Pagar, leia o código QR com a aplicação { $method } para aprovar o pagamento.
method-hint-redirect = Depois de carregar em Pagar, será redirecionado para { $method } para aprovar o pagamento e, em seguida, regressará a esta página.
method-hint-wallet = Pague com { $method }.
qr-code-label = Código QR para pagar com { $method }
qr-instructions = Abra a aplicação { $method }, leia este código e aprove o pagamento. Esta página é atualizada automaticamente.
qr-open-app = Abrir { $method }
qr-copy = Copiar link de pagamento
qr-copied = Link de pagamento copiado.
qr-reconnecting = A ligação foi perdida. Continuamos a verificar o seu pagamento…
qr-expires-in = O código expira em
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] Resta um minuto para ler o código.
       *[other] Restam { $minutes } minutos para ler o código.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Pagar com { $method }
wallet-buy-button = Comprar com { $method }
wallet-checkout-button = Finalizar compra com { $method }
wallet-donate-button = Doar com { $method }
wallet-unavailable = Não foi possível abrir { $method }. Escolha outro método de pagamento.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Voltar a { $merchant }
merchant-returning = A regressar a { $merchant }…
