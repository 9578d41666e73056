# PayKKa Checkout — português (Brasil)

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
card-holder-label = Nome impresso no cartão
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

error-number-empty = Digite o número do cartão.
error-number-incomplete = O número do cartão está incompleto.
error-number-too-long = O número do cartão é muito longo.
error-number-invalid = O número do cartão é inválido.
error-number-unsupported = Esta bandeira de cartão não é aceita.
error-expiry-empty = Digite a data de validade.
error-expiry-incomplete = A data de validade está incompleta.
error-expiry-month-invalid = O mês de validade deve estar entre 01 e 12.
error-expiry-in-past = Seu cartão está vencido.
error-expiry-too-far = A data de validade está muito distante no futuro.
error-cvv-empty = Digite o código de segurança.
error-cvv-incomplete = O código de segurança está incompleto.
error-holder-name-empty = Digite o nome impresso no cartão.
error-holder-name-invalid = Digite o nome exatamente como aparece no cartão.
error-amount-invalid = O valor é inválido.
error-amount-negative = O valor não pode ser negativo.
error-currency-unsupported = Esta moeda não é aceita.

## Payment errors (flow and decline reasons)

error-network-unavailable = Não foi possível conectar ao serviço de pagamento. Verifique sua conexão e tente novamente.
error-request-timed-out = O serviço de pagamento está demorando muito para responder. Tente novamente.
error-server = Algo deu errado do nosso lado. Tente novamente.
error-invalid-response = Recebemos uma resposta inesperada. Tente novamente.
error-request-rejected = Não foi possível processar este pagamento. Verifique seus dados.
error-session-expired = Esta sessão de pagamento expirou. Volte à loja para começar de novo.
error-session-not-found = Esta sessão de pagamento não foi encontrada. Volte à loja para começar de novo.
error-session-completed = Este pedido já foi pago.
error-secure-fields-unavailable = Não foi possível carregar os campos seguros do cartão. Tente novamente.
error-field-not-mounted = Falta um campo obrigatório no formulário do cartão desta página. Entre em contato com a loja.
error-method-unavailable = Não foi possível carregar esta forma de pagamento. Tente novamente ou escolha outra forma de pagamento.
error-randomness-unavailable = Este navegador não consegue fazer um pagamento seguro agora. Atualize o navegador ou tente outro.
error-too-many-requests = Muitas tentativas. Aguarde um minuto e tente novamente.
error-payment-pending = Um pagamento deste pedido ainda aguarda conclusão. Conclua-o ou tente novamente em alguns minutos.
error-card-data-expired = Para sua segurança, digite os dados do cartão novamente.
error-card-declined = Seu cartão foi recusado. Tente outro cartão ou entre em contato com seu banco.
error-insufficient-funds = Seu cartão foi recusado por saldo insuficiente.
error-card-expired = Seu cartão está vencido. Use outro cartão.
error-authentication-failed = Seu banco não conseguiu verificar este pagamento. Tente novamente.
error-card-invalid = O número do seu cartão não foi aceito. Verifique o número.
error-cvv-invalid = Seu código de segurança não foi aceito. Verifique o código.
error-payment-expired = O pagamento não foi concluído a tempo. Tente novamente.
error-payment-failed = Não foi possível concluir seu pagamento. Tente novamente.

## Drop-in

dropin-label = Pagamento
dropin-loading = Carregando o pagamento…
dropin-amount-label = Valor a pagar
dropin-methods-label = Forma de pagamento
method-card = Cartão
dropin-no-methods = Nenhuma forma de pagamento está disponível para este pedido.
dropin-processing = Processando seu pagamento…
dropin-redirecting = Redirecionando você para seu banco…
dropin-awaiting-result = Confirmando seu pagamento…
dropin-success-title = Pagamento realizado
dropin-authorized-title = Pagamento autorizado
dropin-authorized-detail = Seu cartão foi autorizado. A cobrança será feita quando a loja confirmar seu pedido.
# $order (string): the gateway's order reference
dropin-success-order = Referência do pedido: { $order }
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
stored-card-expires = Vence em { $expiry }
stored-card-expired = Vencido ({ $expiry })
stored-card-remove = Remover cartão
stored-card-remove-confirm = Remover este cartão?
stored-card-remove-yes = Remover
stored-card-remove-cancel = Manter
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Não foi possível remover o cartão. { $reason }
stored-card-removed = Cartão removido.
card-save-label = Salvar este cartão para pagamentos futuros
card-save-required = Esta é uma assinatura: seu cartão será salvo e cobrado nos próximos pagamentos. Ao pagar, você concorda com isso.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Pague com seu cartão.
method-hint-qr = Depois de clicar em Pagar, escaneie o QR code com o app { $method } para aprovar o pagamento.
method-hint-redirect = Depois de clicar em Pagar, você será direcionado para { $method } para aprovar o pagamento e depois voltará para esta página.
method-hint-wallet = Pague com { $method }.
qr-code-label = QR code para pagar com { $method }
qr-instructions = Abra o app { $method }, escaneie este código e aprove o pagamento. Esta página será atualizada automaticamente.
qr-open-app = Abrir { $method }
qr-copy = Copiar link de pagamento
qr-copied = Link de pagamento copiado.
qr-reconnecting = A conexão caiu. Ainda estamos verificando seu pagamento…
qr-expires-in = O código expira em
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] Falta um minuto para escanear o código.
       *[other] Faltam { $minutes } minutos para escanear o código.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Pagar com { $method }
wallet-buy-button = Comprar com { $method }
wallet-checkout-button = Finalizar compra com { $method }
wallet-donate-button = Doar com { $method }
wallet-unavailable = Não foi possível abrir { $method }. Escolha outra forma de pagamento.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Voltar para { $merchant }
merchant-returning = Voltando para { $merchant }…
