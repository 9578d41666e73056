//! Signals of one mount, read from signals that outlive it.
//!
//! Leptos's reactive core (reactive_graph 0.2.16, as published) never takes a disposed effect
//! out of the subscriber list of a signal it read: the entry, and the effect's allocation behind
//! it, stay for as long as the signal lives. A view that reads its checkout's signals, such as a
//! Component-mode field mounted and unmounted while its checkout lives on, would keep a few
//! hundred bytes per mount in every app that depends on the published crate (our vendored
//! reactive_graph prunes such entries; an app's build does not have that patch).
//!
//! So such a view reads them through [`mount_signal`]: a memo of the mount, the one subscriber
//! the mount puts on the long-lived signals, which it takes back off them when the mount is
//! cleaned up. The mount's own effects subscribe to the memo alone, and their entries go with it.

use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};

/// `read`'s value as a signal owned by the current mount: `read` may read signals that outlive
/// the mount, and on the mount's cleanup they forget it (see the module's documentation).
pub fn mount_signal<T>(read: impl Fn() -> T + Send + Sync + 'static) -> Signal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let memo = ArcMemo::new(move |_| read());
    let detach = memo.clone();
    on_cleanup(move || detach.clear_sources(&detach.to_any_subscriber()));
    memo.into()
}
