//! How news of a payment (a query answer, a webhook) changes the records, the same for both
//! engines. Notifications and query answers can arrive late or out of order, so nothing here
//! goes backwards:
//! - an attempt's own status only moves forward: `SUCCESS` then a late `PROCESSING` stays
//!   `SUCCESS`, `REFUNDED` then a late `SUCCESS` stays `REFUNDED`, and of two outcomes of equal
//!   rank (`SUCCESS` / `FAILURE` / `CANCELED`) the first one recorded stays;
//! - the order follows its current attempt the same way. Another attempt takes the order over
//!   only if the order is not settled (paid, authorised, refunded, ...) and that attempt is
//!   settled or newer (first recorded after the current one): a late `FAILURE` of an earlier
//!   attempt never replaces a newer attempt or a paid order.

/// How far along its life a transaction status is. A payment goes PROCESSING → AUTHORIZED →
/// SUCCESS (capture) → PARTIALLY_REVERSED (void of the uncaptured rest) → PARTIALLY_REFUNDED →
/// REFUNDED; PROCESSING → SUCCESS / FAILURE directly; AUTHORIZED → CANCELED (void). Unknown
/// statuses count as pending.
pub fn status_rank(status: &str) -> u8 {
    match status {
        "AUTHORIZED" => 1,
        "SUCCESS" | "FAILURE" | "CANCELED" => 2,
        "PARTIALLY_REVERSED" => 3,
        "PARTIALLY_REFUNDED" => 4,
        "REFUNDED" => 5,
        _ => 0,
    }
}

/// Does `new` replace `current` as one payment attempt's status? Only moving forward; the
/// same status again is kept (a second partial refund); between two different statuses of the
/// same rank (`SUCCESS` and `FAILURE`, two pending ones) the first recorded stays.
pub fn supersedes(new: &str, current: &str) -> bool {
    new == current || status_rank(new) > status_rank(current)
}

/// Is an order with this status settled (money moved or reserved), so that another attempt's
/// notification must not take it over?
fn settled(status: &str) -> bool {
    status_rank(status) > 0 && status != "FAILURE"
}

/// What news of an attempt does to the attempt's own row.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum AttemptWrite {
    /// First news of this attempt.
    Insert,
    /// The status moves forward.
    Update,
    /// Late news: nothing moves, the order included.
    Nothing,
}

pub(super) fn attempt_write(before: Option<&str>, status: &str) -> AttemptWrite {
    match before {
        None => AttemptWrite::Insert,
        Some(cur) if supersedes(status, cur) => AttemptWrite::Update,
        Some(_) => AttemptWrite::Nothing,
    }
}

/// What news of attempt `order_id` (now `status`) does to its session's order.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum OrderChange {
    /// The order follows this attempt.
    Take,
    Keep,
    /// This attempt charged the shopper although another one had already paid the order (a
    /// wallet approved late, two instances racing): one order, two charges. Recorded in the
    /// same transaction; the backend reverses it (`api::second_charges`).
    SecondCharge,
}

/// `order_status` and `current` are the order's; `newer`: was `order_id` first heard of after
/// `current` (asked only when they differ).
pub(super) fn order_change(
    order_status: &str,
    current: Option<&str>,
    order_id: &str,
    status: &str,
    newer: impl FnOnce() -> bool,
) -> OrderChange {
    let take = match current {
        None => true,
        Some(cur) if cur == order_id => supersedes(status, order_status),
        Some(_) if settled(order_status) => {
            return if matches!(status, "SUCCESS" | "AUTHORIZED") {
                OrderChange::SecondCharge
            } else {
                OrderChange::Keep
            };
        }
        Some(_) => settled(status) || newer(),
    };
    if take {
        OrderChange::Take
    } else {
        OrderChange::Keep
    }
}
