//! One order's money moves one operation at a time, whichever instance serves it. A capture or
//! a refund reads the balance from the gateway and then acts on it: two at once (on two
//! instances, or one) could both read the same balance and together take more than the
//! order's amount. The lock is a lease in the database (`operation_locks`), so it holds across
//! instances, and one a crashed instance left is taken over once stale (`STALE_LOCK_MS`).

use super::error::{ApiError, internal};
use crate::cleanup::Release;
use crate::state::Shared;
use crate::support::random_bytes;
use axum::http::StatusCode;
use paykka_protocol::hex;
use std::time::Duration;

/// How long a request waits for the order's lock before answering 409.
const WAIT: Duration = Duration::from_secs(30);

/// Runs `op` holding the lock of `order_id`'s money. In its own task: a merchant's server that
/// hangs up mid-call does not cut a gateway call short, nor leave the lock held.
pub(super) async fn with_order_lock<T, F, Fut>(
    st: &Shared,
    order_id: &str,
    op: F,
) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(Shared) -> Fut + Send + 'static,
    Fut: Future<Output = Result<T, ApiError>> + Send,
{
    let holder = hex(&random_bytes::<16>().map_err(|_| internal())?);
    let name = format!("money:{order_id}");
    let st = st.clone();
    let task = tokio::spawn(async move {
        let deadline = tokio::time::Instant::now() + WAIT;
        while !st.store.lock_operation(&name, &holder).await? {
            if tokio::time::Instant::now() >= deadline {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "operation_in_progress",
                    "another capture, void or refund of this payment is in progress; retry later",
                ));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let out = op(st.clone()).await;
        st.releases
            .release(&st.store, Release::Operation(name, holder))
            .await;
        out
    });
    task.await.unwrap_or_else(|_| Err(internal()))
}
