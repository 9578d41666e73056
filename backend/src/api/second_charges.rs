//! One order, one charge: a second charge of an order (a wallet approved late, two instances
//! racing), recorded by the store when the news of it arrives, is reversed here.

use super::upstream::gw_call;
use crate::state::AppState;
use paykka_protocol::Operation;
use serde_json::{Value, json};

/// Reverses every recorded second charge (see `Store::record_payment`): voids an
/// authorisation, refunds a capture, in full, and records which. A gateway that is down leaves
/// it for the next call (after the next payment news, and every hour).
pub(crate) async fn reverse_second_charges(st: &AppState) {
    let Ok(pending) = st.store.unresolved_second_charges().await else {
        return;
    };
    for (order_id, status, amount, currency) in pending {
        let (path, body, resolution) = if status == "AUTHORIZED" {
            (
                Operation::Void,
                json!({ "order_id": order_id, "reason": "second charge of one order" }),
                "VOIDED",
            )
        } else {
            (
                Operation::Refund,
                json!({ "refund_trans_id": format!("reverse-{order_id}"), "ori_order_id": order_id, "refund_amount": amount, "currency": currency, "reason": "second charge of one order" }),
                "REFUNDED",
            )
        };
        match gw_call::<_, Value>(st, path, &body, Some(&format!("reverse-{order_id}"))).await {
            Ok(r) if r.is_success() => {
                eprintln!("backend: second charge {order_id} ({status}) {resolution}");
                let _ = st.store.resolve_second_charge(&order_id, resolution).await;
            }
            Ok(r) => eprintln!(
                "backend: reversing second charge {order_id}: {} {}",
                r.ret_code, r.ret_msg
            ),
            Err(e) => eprintln!("backend: reversing second charge {order_id}: {e:?}"),
        }
    }
}
