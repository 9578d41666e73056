// Adyen Web's Core + Drop-in + Card, as its size-limit config measures them (ES build, tree-shaken).
import { AdyenCheckout, Dropin, Card } from '@adyen/adyen-web';

window.adyenBench = { AdyenCheckout, Dropin, Card };
