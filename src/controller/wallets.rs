//! Apple Pay and Google Pay: which ones this browser can pay with, and paying through their
//! sheets.

use leptos::prelude::*;
use leptos::task::spawn_local;
use paykka_core::flow::PaymentFlow;
use paykka_core::methods::{self, MethodFlow};

use super::PaymentController;
use crate::components::wallet::Wallet;
use crate::components::wallet::{self, SendWalletPayment, SheetEnd, SheetPayment, WalletRequest};

/// The wallet's name as shoppers know it.
pub fn wallet_name(wallet: Wallet) -> &'static str {
    methods::lookup(wallet.code()).map_or(wallet.code(), |m| m.name)
}

impl PaymentController {
    /// What the wallet sheets show and need: the merchant, the amount, the card brands taken.
    fn wallet_request(&self) -> WalletRequest {
        self.setup.with_value(|s| WalletRequest {
            merchant_name: s
                .session
                .merchant_name
                .clone()
                .unwrap_or_else(|| s.context.t("dropin-label")),
            amount: s.session.amount,
            country: s
                .session
                .merchant_country
                .clone()
                .unwrap_or_else(|| "HK".into()),
            brands: s
                .session
                .methods
                .iter()
                .find(|m| m.flow == "card")
                .map(|m| m.brands.clone())
                .unwrap_or_default(),
            gateway_merchant_id: s.session.merchant_id.clone().unwrap_or_default(),
        })
    }

    /// Finds out once which of the session's wallets this browser can pay with, after loading
    /// the wallets' code (a wallet whose code cannot be loaded is not offered, as one this
    /// browser cannot pay with).
    pub(super) fn find_wallets(&self) {
        let wallets: Vec<Wallet> = self.setup.with_value(|s| {
            s.other_methods
                .iter()
                .filter(|m| m.flow == MethodFlow::Wallet)
                .filter_map(|m| Wallet::from_code(m.code))
                .filter(|w| wallet::browser_has_api(*w))
                .collect()
        });
        if wallets.is_empty() {
            return;
        }
        let this = *self;
        spawn_local(async move {
            let Ok(code) = wallet::wallet_code().await else {
                return;
            };
            if this
                .setup
                .try_update_value(|s| s.wallet_code = Some(code))
                .is_none()
            {
                return; // Unmounted meanwhile.
            }
            for wallet in wallets {
                if this.setup.is_disposed() {
                    return;
                }
                let request = this.wallet_request();
                let ready = this.wallets_ready;
                spawn_local(async move {
                    if (code.available)(wallet, request).await {
                        let _ = ready.try_update(|ready| ready.push(wallet.code()));
                    }
                });
            }
        });
    }

    /// Pays with Apple Pay or Google Pay. The sheet opens inside the click (browsers require
    /// the gesture), so this runs synchronously up to the sheet, then waits for the shopper's
    /// authorisation. A wallet is only offered once its code is loaded (see `find_wallets`).
    pub fn pay_with_wallet(&self, wallet: Wallet) {
        let this = *self;
        let Some((client, code)) = self
            .setup
            .with_value(|s| s.client.clone().zip(s.wallet_code))
        else {
            return;
        };
        let Some(key) = self.begin() else {
            return;
        };
        let send_client = client.clone();
        let send: SendWalletPayment = Box::new(move |wallet_data| {
            Box::pin(async move {
                let client = send_client;
                let (session_id, return_url) = this
                    .setup
                    .try_with_value(|s| (s.session.id.clone(), s.return_url.clone()))?;
                Some(
                    client
                        .pay_with_wallet(
                            &session_id,
                            &key,
                            wallet.code(),
                            &wallet_data,
                            &return_url,
                        )
                        .await,
                )
            })
        });
        let Ok(payment) = (code.pay)(wallet, self.wallet_request(), client, send) else {
            self.wallet_unavailable(wallet);
            return;
        };
        spawn_local(async move {
            match payment.await {
                SheetPayment::Answered(answer) => this.settle(answer),
                // The shopper closed the sheet: as if Pay had not been pressed.
                SheetPayment::Ended(SheetEnd::Cancelled) => {
                    let _ = this.flow.try_update(PaymentFlow::cancel_submit);
                }
                SheetPayment::Ended(SheetEnd::Failed) => {
                    if !this.flow.is_disposed() {
                        this.wallet_unavailable(wallet);
                    }
                }
                SheetPayment::Abandoned => {}
            }
        });
    }

    fn wallet_unavailable(&self, wallet: Wallet) {
        self.flow.update(PaymentFlow::cancel_submit);
        self.setup.with_value(|s| {
            s.context.announce(s.context.i18n().t_with(
                "wallet-unavailable",
                &[("method", wallet_name(wallet).into())],
            ));
        });
    }
}
