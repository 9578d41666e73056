// The browsers' payment sheets, the one thing the e2e tests stand in for (no wallet, no Apple
// device here): init scripts that replace `ApplePaySession` and `PaymentRequest` in a page.
// Everything past them is real (the checkout, the backend's Apple Pay validation, the gateway).

// Safari's ApplePaySession, as far as the Drop-in uses it. `window.__applePay` records the calls.
export const APPLE_PAY_DOUBLE = ({ cancel }) => {
  window.__applePay = { calls: [] };
  window.ApplePaySession = class {
    static STATUS_SUCCESS = 0;
    static STATUS_FAILURE = 1;
    static canMakePayments() { return true; }
    constructor(version, request) {
      window.__applePay.version = version;
      window.__applePay.request = request;
    }
    begin() {
      window.__applePay.calls.push('begin');
      setTimeout(() => {
        if (cancel) this.oncancel({});
        else this.onvalidatemerchant({ validationURL: 'https://apple-pay-gateway.apple.com/paymentservices/startSession' });
      }, 20);
    }
    completeMerchantValidation(merchantSession) {
      window.__applePay.merchantSession = merchantSession;
      setTimeout(() => this.onpaymentauthorized({
        payment: { token: { paymentData: { version: 'EC_v1', data: 'c2FuZGJveA==' }, paymentMethod: { network: 'Visa', type: 'debit' }, transactionIdentifier: 'T-1' } },
      }), 20);
    }
    completePayment(status) { window.__applePay.completed = status; }
    abort() { window.__applePay.calls.push('abort'); }
  };
};

// The Payment Request API answering as Google Pay would.
export const GOOGLE_PAY_DOUBLE = () => {
  window.__googlePay = {};
  window.PaymentRequest = class {
    constructor(methods, details) { window.__googlePay.methods = methods; window.__googlePay.details = details; }
    canMakePayment() { return Promise.resolve(true); }
    show() {
      return Promise.resolve({
        details: { apiVersion: 2, apiVersionMinor: 0, paymentMethodData: { type: 'CARD', tokenizationData: { type: 'PAYMENT_GATEWAY', token: '{"signature":"sandbox"}' } } },
        complete(result) { window.__googlePay.completed = result; return Promise.resolve(); },
      });
    }
  };
};
