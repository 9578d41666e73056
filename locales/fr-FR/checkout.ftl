# PayKKa Checkout — français (France)

## Card form

card-number-label = Numéro de carte
card-expiry-label = Date d’expiration
card-expiry-placeholder = MM/AA
card-cvv-label = Code de sécurité
card-cvv-hint =
    { $location ->
        [front] { $digits } chiffres au recto de la carte
       *[back] { $digits } chiffres au verso de la carte
    }
card-holder-label = Nom sur la carte
pay-button = Payer { $amount }
card-form-invalid-generic = Certaines informations de paiement sont à corriger.
card-form-complete = Informations de carte complètes.
card-form-invalid =
    { $count ->
        [one] Un champ demande votre attention.
       *[other] { $count } champs demandent votre attention.
    }

## Errors

error-number-empty = Saisissez votre numéro de carte.
error-number-incomplete = Votre numéro de carte est incomplet.
error-number-too-long = Votre numéro de carte est trop long.
error-number-invalid = Votre numéro de carte n’est pas valide.
error-number-unsupported = Cette marque de carte n’est pas acceptée.
error-expiry-empty = Saisissez la date d’expiration.
error-expiry-incomplete = La date d’expiration est incomplète.
error-expiry-month-invalid = Le mois d’expiration doit être compris entre 01 et 12.
error-expiry-in-past = Votre carte a expiré.
error-expiry-too-far = La date d’expiration est trop éloignée.
error-cvv-empty = Saisissez le code de sécurité.
error-cvv-incomplete = Le code de sécurité est incomplet.
error-holder-name-empty = Saisissez le nom figurant sur la carte.
error-holder-name-invalid = Saisissez le nom tel qu’il figure sur la carte.
error-amount-invalid = Le montant n’est pas valide.
error-amount-negative = Le montant ne peut pas être négatif.
error-currency-unsupported = Cette devise n’est pas acceptée.

## Payment errors (flow and decline reasons)

error-network-unavailable = Impossible de joindre le service de paiement. Vérifiez votre connexion et réessayez.
error-request-timed-out = Le service de paiement met trop de temps à répondre. Veuillez réessayer.
error-server = Une erreur est survenue de notre côté. Veuillez réessayer.
error-invalid-response = Nous avons reçu une réponse inattendue. Veuillez réessayer.
error-request-rejected = Ce paiement n’a pas pu être traité. Vérifiez vos informations.
error-session-expired = Ce paiement a expiré. Revenez à la boutique pour recommencer.
error-session-not-found = Ce paiement est introuvable. Revenez à la boutique pour recommencer.
error-session-completed = Cette commande a déjà été payée.
error-secure-fields-unavailable = Les champs de carte sécurisés n’ont pas pu être chargés. Veuillez réessayer.
error-field-not-mounted = Il manque un champ obligatoire au formulaire de carte de cette page. Veuillez contacter la boutique.
error-method-unavailable = Ce moyen de paiement n’a pas pu être chargé. Veuillez réessayer ou choisir un autre moyen de paiement.
error-randomness-unavailable = Ce navigateur ne peut pas effectuer de paiement sécurisé pour le moment. Veuillez mettre à jour votre navigateur ou en utiliser un autre.
error-too-many-requests = Trop de tentatives. Veuillez patienter une minute, puis réessayer.
error-payment-pending = Un paiement de cette commande attend encore d'être finalisé. Finalisez-le, ou réessayez dans quelques minutes.
error-card-data-expired = Pour votre sécurité, veuillez saisir à nouveau les informations de votre carte.
error-card-declined = Votre carte a été refusée. Essayez une autre carte ou contactez votre banque.
error-insufficient-funds = Votre carte a été refusée pour provision insuffisante.
error-card-expired = Votre carte a expiré. Veuillez utiliser une autre carte.
error-authentication-failed = Votre banque n’a pas pu vérifier ce paiement. Veuillez réessayer.
error-card-invalid = Votre numéro de carte n’a pas été accepté. Veuillez le vérifier.
error-cvv-invalid = Votre code de sécurité n’a pas été accepté. Veuillez le vérifier.
error-payment-expired = Le paiement n’a pas été finalisé à temps. Veuillez réessayer.
error-payment-failed = Votre paiement n’a pas pu aboutir. Veuillez réessayer.

## Drop-in

dropin-label = Paiement
dropin-loading = Chargement du paiement…
dropin-amount-label = Montant à payer
dropin-methods-label = Moyen de paiement
method-card = Carte
dropin-no-methods = Aucun moyen de paiement n’est disponible pour cette commande.
dropin-processing = Paiement en cours…
dropin-redirecting = Redirection vers votre banque…
dropin-awaiting-result = Confirmation de votre paiement…
dropin-success-title = Paiement réussi
dropin-authorized-title = Paiement autorisé
dropin-authorized-detail = Votre carte a été autorisée. Vous serez débité lorsque la boutique confirmera votre commande.
dropin-success-order = Référence de commande : { $order }
dropin-expired-title = Ce paiement a expiré
dropin-error-title = Le paiement n’est pas disponible
dropin-retry = Réessayer

## Secure card frames (titles of the iframes)

secure-frame-title-number = Champ sécurisé du numéro de carte
secure-frame-title-expiry = Champ sécurisé de la date d’expiration
secure-frame-title-cvv = Champ sécurisé du code de sécurité
secure-frame-title-holder = Champ sécurisé du nom du titulaire

## Cartes enregistrées

stored-card-title = { $brand } •••• { $last4 }
stored-card-expires = Expire fin { $expiry }
stored-card-expired = Expirée depuis { $expiry }
stored-card-remove = Supprimer la carte
stored-card-remove-confirm = Supprimer cette carte ?
stored-card-remove-yes = Supprimer
stored-card-remove-cancel = La garder
stored-card-remove-failed = La carte n’a pas pu être supprimée. { $reason }
stored-card-removed = Carte supprimée.
card-save-label = Enregistrer cette carte pour mes prochains paiements
card-save-required = Ceci est un abonnement : votre carte sera enregistrée et débitée pour ses prochains paiements. En payant, vous l’acceptez.

## Autres moyens de paiement (portefeuilles QR, redirections)

method-hint-card = Payez avec votre carte.
method-hint-qr = Après avoir appuyé sur Payer, scannez le code QR avec l’application { $method } pour approuver le paiement.
method-hint-redirect = Après avoir appuyé sur Payer, vous serez redirigé vers { $method } pour approuver le paiement, puis ramené ici.
method-hint-wallet = Payez avec { $method }.
qr-code-label = Code QR pour payer avec { $method }
qr-instructions = Ouvrez l’application { $method }, scannez ce code et approuvez le paiement. Cette page se met à jour toute seule.
qr-open-app = Ouvrir { $method }
qr-copy = Copier le lien de paiement
qr-copied = Lien de paiement copié.
qr-reconnecting = Connexion perdue. Nous continuons de vérifier votre paiement…
qr-expires-in = Le code expire dans
qr-time-left =
    { $minutes ->
        [one] Plus qu’une minute pour scanner le code.
       *[other] Plus que { $minutes } minutes pour scanner le code.
    }

## Portefeuilles du navigateur (Apple Pay, Google Pay)

wallet-pay-button = Payer avec { $method }
wallet-buy-button = Acheter avec { $method }
wallet-checkout-button = Commander avec { $method }
wallet-donate-button = Faire un don avec { $method }
wallet-unavailable = { $method } n’a pas pu s’ouvrir. Veuillez choisir un autre moyen de paiement.

## Retour chez le marchand (page de paiement hébergée)

merchant-back = Retour à { $merchant }
merchant-returning = Retour vers { $merchant }…
