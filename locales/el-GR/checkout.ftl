# PayKKa Checkout — Ελληνικά (Ελλάδα)

## Card form

card-number-label = Αριθμός κάρτας
card-expiry-label = Ημερομηνία λήξης
card-expiry-placeholder = ΜΜ/ΕΕ
card-cvv-label = Κωδικός ασφαλείας
card-cvv-hint =
    { $location ->
        [front] { $digits } ψηφία στην μπροστινή πλευρά της κάρτας
       *[back] { $digits } ψηφία στην πίσω πλευρά της κάρτας
    }
card-holder-label = Όνομα κατόχου κάρτας
pay-button = Πληρωμή { $amount }
card-form-complete = Τα στοιχεία της κάρτας είναι πλήρη.
card-form-invalid-generic = Ορισμένα στοιχεία πληρωμής χρειάζονται την προσοχή σας.
card-form-invalid =
    { $count ->
        [one] Ένα πεδίο χρειάζεται την προσοχή σας.
       *[other] { $count } πεδία χρειάζονται την προσοχή σας.
    }

## Errors (one per variant of the core's CheckoutError)

error-number-empty = Εισαγάγετε τον αριθμό της κάρτας σας.
error-number-incomplete = Ο αριθμός της κάρτας σας είναι ελλιπής.
error-number-too-long = Ο αριθμός της κάρτας σας είναι πολύ μεγάλος.
error-number-invalid = Ο αριθμός της κάρτας σας δεν είναι έγκυρος.
error-number-unsupported = Αυτός ο τύπος κάρτας δεν υποστηρίζεται.
error-expiry-empty = Εισαγάγετε την ημερομηνία λήξης.
error-expiry-incomplete = Η ημερομηνία λήξης είναι ελλιπής.
error-expiry-month-invalid = Ο μήνας λήξης πρέπει να είναι από 01 έως 12.
error-expiry-in-past = Η κάρτα σας έχει λήξει.
error-expiry-too-far = Η ημερομηνία λήξης είναι πολύ μακριά στο μέλλον.
error-cvv-empty = Εισαγάγετε τον κωδικό ασφαλείας.
error-cvv-incomplete = Ο κωδικός ασφαλείας είναι ελλιπής.
error-holder-name-empty = Εισαγάγετε το όνομα που αναγράφεται στην κάρτα.
error-holder-name-invalid = Εισαγάγετε το όνομα ακριβώς όπως αναγράφεται στην κάρτα.
error-amount-invalid = Το ποσό δεν είναι έγκυρο.
error-amount-negative = Το ποσό δεν μπορεί να είναι αρνητικό.
error-currency-unsupported = Αυτό το νόμισμα δεν υποστηρίζεται.

## Payment errors (flow and decline reasons)

error-network-unavailable = Δεν ήταν δυνατή η σύνδεση με την υπηρεσία πληρωμών. Ελέγξτε τη σύνδεσή σας και δοκιμάστε ξανά.
error-request-timed-out = Η υπηρεσία πληρωμών αργεί πολύ να απαντήσει. Δοκιμάστε ξανά.
error-server = Παρουσιάστηκε πρόβλημα από την πλευρά μας. Δοκιμάστε ξανά.
error-invalid-response = Λάβαμε μη αναμενόμενη απάντηση. Δοκιμάστε ξανά.
error-request-rejected = Δεν ήταν δυνατή η επεξεργασία αυτής της πληρωμής. Ελέγξτε τα στοιχεία σας.
error-session-expired = Αυτή η συνεδρία πληρωμής έχει λήξει. Επιστρέψτε στο κατάστημα για να ξεκινήσετε ξανά.
error-session-not-found = Δεν βρέθηκε αυτή η συνεδρία πληρωμής. Επιστρέψτε στο κατάστημα για να ξεκινήσετε ξανά.
error-session-completed = Αυτή η παραγγελία έχει ήδη πληρωθεί.
error-secure-fields-unavailable = Δεν ήταν δυνατή η φόρτωση των ασφαλών πεδίων κάρτας. Δοκιμάστε ξανά.
error-field-not-mounted = Από τη φόρμα κάρτας αυτής της σελίδας λείπει ένα υποχρεωτικό πεδίο. Επικοινωνήστε με το κατάστημα.
error-method-unavailable = Δεν ήταν δυνατή η φόρτωση αυτού του τρόπου πληρωμής. Δοκιμάστε ξανά ή επιλέξτε άλλο τρόπο πληρωμής.
error-randomness-unavailable = Αυτό το πρόγραμμα περιήγησης δεν μπορεί να πραγματοποιήσει ασφαλή πληρωμή αυτήν τη στιγμή. Ενημερώστε το πρόγραμμα περιήγησης ή δοκιμάστε κάποιο άλλο.
error-too-many-requests = Πάρα πολλές προσπάθειες. Περιμένετε ένα λεπτό και δοκιμάστε ξανά.
error-payment-pending = Μια πληρωμή για αυτήν την παραγγελία περιμένει ακόμη να ολοκληρωθεί. Ολοκληρώστε την ή δοκιμάστε ξανά σε λίγα λεπτά.
error-card-data-expired = Για την ασφάλειά σας, εισαγάγετε ξανά τα στοιχεία της κάρτας σας.
error-card-declined = Η κάρτα σας απορρίφθηκε. Δοκιμάστε άλλη κάρτα ή επικοινωνήστε με την τράπεζά σας.
error-insufficient-funds = Η κάρτα σας απορρίφθηκε λόγω ανεπαρκούς υπολοίπου.
error-card-expired = Η κάρτα σας έχει λήξει. Χρησιμοποιήστε άλλη κάρτα.
error-authentication-failed = Η τράπεζά σας δεν μπόρεσε να επαληθεύσει αυτή την πληρωμή. Δοκιμάστε ξανά.
error-card-invalid = Ο αριθμός της κάρτας σας δεν έγινε δεκτός. Ελέγξτε τον.
error-cvv-invalid = Ο κωδικός ασφαλείας σας δεν έγινε δεκτός. Ελέγξτε τον.
error-payment-expired = Η πληρωμή δεν ολοκληρώθηκε εγκαίρως. Δοκιμάστε ξανά.
error-payment-failed = Δεν ήταν δυνατή η ολοκλήρωση της πληρωμής σας. Δοκιμάστε ξανά.

## Drop-in

dropin-label = Πληρωμή
dropin-loading = Φόρτωση πληρωμής…
dropin-amount-label = Ποσό πληρωμής
dropin-methods-label = Τρόπος πληρωμής
method-card = Κάρτα
dropin-no-methods = Δεν υπάρχει διαθέσιμος τρόπος πληρωμής για αυτή την παραγγελία.
dropin-processing = Επεξεργασία της πληρωμής σας…
dropin-redirecting = Μεταφορά στην τράπεζά σας…
dropin-awaiting-result = Επιβεβαίωση της πληρωμής σας…
dropin-success-title = Η πληρωμή ολοκληρώθηκε
dropin-authorized-title = Η πληρωμή εγκρίθηκε
dropin-authorized-detail = Η κάρτα σας εγκρίθηκε. Θα χρεωθείτε όταν το κατάστημα επιβεβαιώσει την παραγγελία σας.
dropin-success-order = Κωδικός παραγγελίας: { $order }
dropin-expired-title = Αυτή η συνεδρία πληρωμής έχει λήξει
dropin-error-title = Η πληρωμή δεν είναι διαθέσιμη
dropin-retry = Δοκιμάστε ξανά

## Secure card frames (titles of the iframes)

secure-frame-title-number = Ασφαλές πεδίο αριθμού κάρτας
secure-frame-title-expiry = Ασφαλές πεδίο ημερομηνίας λήξης
secure-frame-title-cvv = Ασφαλές πεδίο κωδικού ασφαλείας
secure-frame-title-holder = Ασφαλές πεδίο ονόματος κατόχου κάρτας

## Saved cards

stored-card-title = { $brand } •••• { $last4 }
stored-card-expires = Λήγει { $expiry }
stored-card-expired = Έληξε { $expiry }
stored-card-remove = Αφαίρεση κάρτας
stored-card-remove-confirm = Να αφαιρεθεί αυτή η κάρτα;
stored-card-remove-yes = Αφαίρεση
stored-card-remove-cancel = Διατήρηση
stored-card-remove-failed = Δεν ήταν δυνατή η αφαίρεση της κάρτας. { $reason }
stored-card-removed = Η κάρτα αφαιρέθηκε.
card-save-label = Αποθήκευση της κάρτας για μελλοντικές πληρωμές
card-save-required = Πρόκειται για συνδρομή: η κάρτα σας θα αποθηκευτεί και θα χρεώνεται για τις μελλοντικές πληρωμές της συνδρομής. Με την πληρωμή, αποδέχεστε αυτόν τον όρο.

## Other payment methods (QR wallets, redirects)

method-hint-card = Πληρώστε με την κάρτα σας.
method-hint-qr = Αφού πατήσετε «Πληρωμή», σαρώστε τον κωδικό QR με την εφαρμογή { $method } για να εγκρίνετε την πληρωμή.
method-hint-redirect = Αφού πατήσετε «Πληρωμή», θα μεταφερθείτε στο { $method } για να εγκρίνετε την πληρωμή και στη συνέχεια θα επιστρέψετε εδώ.
method-hint-wallet = Πληρώστε με { $method }.
qr-code-label = Κωδικός QR για πληρωμή με { $method }
qr-instructions = Ανοίξτε την εφαρμογή { $method }, σαρώστε αυτόν τον κωδικό και εγκρίνετε την πληρωμή. Η σελίδα ενημερώνεται αυτόματα.
qr-open-app = Άνοιγμα { $method }
qr-copy = Αντιγραφή συνδέσμου πληρωμής
qr-copied = Ο σύνδεσμος πληρωμής αντιγράφηκε.
qr-reconnecting = Η σύνδεση χάθηκε. Συνεχίζουμε να ελέγχουμε την πληρωμή σας…
qr-expires-in = Ο κωδικός λήγει σε
qr-time-left =
    { $minutes ->
        [one] Απομένει ένα λεπτό για τη σάρωση του κωδικού.
       *[other] Απομένουν { $minutes } λεπτά για τη σάρωση του κωδικού.
    }

## Browser wallets (Apple Pay, Google Pay)

wallet-pay-button = Πληρωμή με { $method }
wallet-buy-button = Αγορά με { $method }
wallet-checkout-button = Ολοκλήρωση αγοράς με { $method }
wallet-donate-button = Δωρεά με { $method }
wallet-unavailable = Δεν ήταν δυνατό το άνοιγμα του { $method }. Επιλέξτε άλλον τρόπο πληρωμής.

## Back to the merchant (the hosted payment page)

merchant-back = Επιστροφή στο κατάστημα { $merchant }
merchant-returning = Επιστροφή στο κατάστημα { $merchant }…
