//! Reading signals that outlive a mount, without leaving anything in them.
//!
//! Leptos's reactive core (reactive_graph 0.2.16, as published) never takes a disposed effect
//! out of the subscriber list of a signal it read: the entry, and the effect's allocation behind
//! it, stay for as long as the signal lives. A view that reads its checkout's signals, such as a
//! Component-mode field mounted and unmounted while its checkout lives on, would keep a few
//! hundred bytes per mount in every app that depends on the published crate (our vendored
//! reactive_graph prunes such entries; an app's build does not have that patch).
//!
//! So such a view watches them through [`mount_watch`]: one memo of the mount, the only
//! subscriber the mount puts on the long-lived signals, which takes itself back off them when
//! the mount is cleaned up. The mount's own effects read the memo, then the signals untracked:
//! their entries are in the memo's list, and go with it.

use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};

/// A memo of the current mount that changes each time a signal `track` reads changes (its value
/// means nothing): read it with `.get()` (`.track()` would not compute it), then those signals
/// untracked. When the mount is cleaned up it unsubscribes from them. A `bool` memo, a type the
/// bundle has anyway: the SDK grew by 450 B brotli for this, against 640 B with a memo of each
/// value read.
pub fn mount_watch(track: Box<dyn Fn() + Send + Sync>) -> Memo<bool> {
    // (Boxed: one copy of the memo's code for every caller.)
    let memo = ArcMemo::new_owning(move |seen: Option<bool>| {
        track();
        (!seen.unwrap_or(false), true)
    });
    let detach = memo.clone();
    on_cleanup(move || detach.clear_sources(&detach.to_any_subscriber()));
    memo.into()
}
