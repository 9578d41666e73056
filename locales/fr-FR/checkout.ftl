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
