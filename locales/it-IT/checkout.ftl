# PayKKa Checkout — italiano (Italia)

## Card form

card-number-label = Numero della carta
card-expiry-label = Data di scadenza
card-expiry-placeholder = MM/AA
card-cvv-label = Codice di sicurezza
# $digits (number): 3 or 4; $location: "front" for American Express, "back" otherwise
card-cvv-hint =
    { $location ->
        [front] { $digits } cifre sul fronte della carta
       *[back] { $digits } cifre sul retro della carta
    }
card-holder-label = Nome del titolare
# $amount (string): the amount, already formatted for the shopper's locale, e.g. "49,99 €"
pay-button = Paga { $amount }
card-form-complete = Dati della carta completi.
card-form-invalid-generic = Alcuni dati di pagamento richiedono la tua attenzione.
# $count (number): how many fields need attention
card-form-invalid =
    { $count ->
        [one] Un campo richiede la tua attenzione.
       *[other] { $count } campi richiedono la tua attenzione.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Inserisci il numero della carta.
error-number-incomplete = Il numero della carta è incompleto.
error-number-too-long = Il numero della carta è troppo lungo.
error-number-invalid = Il numero della carta non è valido.
error-number-unsupported = Il circuito di questa carta non è supportato.
error-expiry-empty = Inserisci la data di scadenza.
error-expiry-incomplete = La data di scadenza è incompleta.
error-expiry-month-invalid = Il mese di scadenza deve essere compreso tra 01 e 12.
error-expiry-in-past = La tua carta è scaduta.
error-expiry-too-far = La data di scadenza è troppo lontana nel tempo.
error-cvv-empty = Inserisci il codice di sicurezza.
error-cvv-incomplete = Il codice di sicurezza è incompleto.
error-holder-name-empty = Inserisci il nome riportato sulla carta.
error-holder-name-invalid = Inserisci il nome esattamente come riportato sulla carta.
error-amount-invalid = L’importo non è valido.
error-amount-negative = L’importo non può essere negativo.
error-currency-unsupported = Questa valuta non è supportata.

## Payment errors (flow and decline reasons)

error-network-unavailable = Impossibile contattare il servizio di pagamento. Controlla la connessione e riprova.
error-request-timed-out = Il servizio di pagamento sta impiegando troppo tempo a rispondere. Riprova.
error-server = Si è verificato un errore da parte nostra. Riprova.
error-invalid-response = Abbiamo ricevuto una risposta inattesa. Riprova.
error-request-rejected = Non è stato possibile elaborare questo pagamento. Controlla i tuoi dati.
error-session-expired = Questa sessione di pagamento è scaduta. Torna al negozio per ricominciare.
error-session-not-found = Impossibile trovare questa sessione di pagamento. Torna al negozio per ricominciare.
error-session-completed = Questo ordine è già stato pagato.
error-secure-fields-unavailable = Impossibile caricare i campi sicuri della carta. Riprova.
error-field-not-mounted = Nel modulo della carta di questa pagina manca un campo obbligatorio. Contatta il negozio.
error-method-unavailable = Impossibile caricare questo metodo di pagamento. Riprova o scegli un altro metodo di pagamento.
error-randomness-unavailable = Questo browser non può effettuare un pagamento sicuro in questo momento. Aggiorna il browser o provane un altro.
error-too-many-requests = Troppi tentativi. Attendi un minuto, poi riprova.
error-payment-pending = Un pagamento per questo ordine è ancora in attesa di essere completato. Completalo o riprova tra qualche minuto.
error-card-data-expired = Per la tua sicurezza, inserisci di nuovo i dati della carta.
error-card-declined = La tua carta è stata rifiutata. Prova con un’altra carta o contatta la tua banca.
error-insufficient-funds = La tua carta è stata rifiutata per fondi insufficienti.
error-card-expired = La tua carta è scaduta. Usa un’altra carta.
error-authentication-failed = La tua banca non è riuscita a verificare questo pagamento. Riprova.
error-card-invalid = Il numero della carta non è stato accettato. Controllalo.
error-cvv-invalid = Il codice di sicurezza non è stato accettato. Controllalo.
error-payment-expired = Il pagamento non è stato completato in tempo. Riprova.
error-payment-failed = Non è stato possibile completare il pagamento. Riprova.

## Drop-in

dropin-label = Pagamento
dropin-loading = Caricamento del pagamento…
dropin-amount-label = Importo da pagare
dropin-methods-label = Metodo di pagamento
method-card = Carta
dropin-no-methods = Nessun metodo di pagamento disponibile per questo ordine.
dropin-processing = Elaborazione del pagamento…
dropin-redirecting = Reindirizzamento alla tua banca…
dropin-awaiting-result = Conferma del pagamento in corso…
dropin-success-title = Pagamento riuscito
dropin-authorized-title = Pagamento autorizzato
dropin-authorized-detail = La tua carta è stata autorizzata. L'addebito avverrà quando il negozio confermerà l'ordine.
# $order (string): the gateway's order reference
dropin-success-order = Riferimento ordine: { $order }
dropin-expired-title = Questa sessione di pagamento è scaduta
dropin-error-title = Il pagamento non è disponibile
dropin-retry = Riprova

## Secure card frames (titles of the iframes)

secure-frame-title-number = Campo sicuro per il numero della carta
secure-frame-title-expiry = Campo sicuro per la data di scadenza
secure-frame-title-cvv = Campo sicuro per il codice di sicurezza
secure-frame-title-holder = Campo sicuro per il nome del titolare

## Saved cards

# $brand (string): "Visa", "Mastercard"...; $last4 (string): the card's last four digits
stored-card-title = { $brand } •••• { $last4 }
# $expiry (string): "03/30"
stored-card-expires = Scadenza: { $expiry }
stored-card-expired = Scaduta: { $expiry }
stored-card-remove = Rimuovi carta
stored-card-remove-confirm = Rimuovere questa carta?
stored-card-remove-yes = Rimuovi
stored-card-remove-cancel = Mantieni
# $reason (string): why, as one of the error messages
stored-card-remove-failed = Impossibile rimuovere la carta. { $reason }
stored-card-removed = Carta rimossa.
card-save-label = Salva questa carta per i pagamenti futuri
card-save-required = Questo è un abbonamento: la tua carta verrà salvata e addebitata per i pagamenti futuri. Effettuando il pagamento, accetti queste condizioni.

## Other payment methods (QR wallets, redirects)

# $method (string): the method's brand name, e.g. "WeChat Pay"
method-hint-card = Paga con la tua carta.
method-hint-qr = Dopo aver premuto Paga, scansiona il codice QR con l’app { $method } per approvare il pagamento.
method-hint-redirect = Dopo aver premuto Paga, verrai reindirizzato a { $method } per approvare il pagamento e poi riportato qui.
method-hint-wallet = Paga con { $method }.
qr-code-label = Codice QR per pagare con { $method }
qr-instructions = Apri l’app { $method }, scansiona questo codice e approva il pagamento. Questa pagina si aggiorna automaticamente.
qr-open-app = Apri { $method }
qr-copy = Copia link di pagamento
qr-copied = Link di pagamento copiato.
qr-reconnecting = Connessione persa. Stiamo ancora verificando il tuo pagamento…
qr-expires-in = Il codice scade tra
# $minutes (number): whole minutes left
qr-time-left =
    { $minutes ->
        [one] Resta un minuto per scansionare il codice.
       *[other] Restano { $minutes } minuti per scansionare il codice.
    }

## Browser wallets (Apple Pay, Google Pay)

# $method (string): "Apple Pay" or "Google Pay"
wallet-pay-button = Paga con { $method }
wallet-buy-button = Acquista con { $method }
wallet-checkout-button = Concludi l'acquisto con { $method }
wallet-donate-button = Dona con { $method }
wallet-unavailable = Impossibile aprire { $method }. Scegli un altro metodo di pagamento.

## Back to the merchant (the hosted payment page)

# $merchant (string): the shop's name, e.g. "PayKKa Demo Store"
merchant-back = Torna a { $merchant }
merchant-returning = Ritorno a { $merchant } in corso…
