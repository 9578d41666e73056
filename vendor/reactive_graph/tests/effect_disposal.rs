// PayKKa patch: the test of the fix in `SubscriberSet::subscribe` (src/graph/sets.rs). An effect
// disposed with its owner must not stay in the subscriber list of a signal that outlives it: its
// entry kept the effect's allocation, so every mount and unmount of a view reading such a signal
// kept a few hundred bytes. Live heap bytes are counted by this test binary's allocator. Each
// "mount" is a root owner, as `leptos::mount::mount_to` makes one when called from outside any
// owner (a child owner would stay listed in its parent until the parent goes, another matter).
#![cfg(feature = "effects")]

use any_spawner::Executor;
use reactive_graph::{
    effect::{Effect, RenderEffect},
    owner::Owner,
    prelude::*,
    signal::RwSignal,
};
use std::{
    alloc::{GlobalAlloc, Layout, System},
    future::Future,
    sync::{
        Mutex,
        atomic::{AtomicIsize, Ordering},
    },
};
use tokio::task;

struct Counting;

static LIVE_BYTES: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE_BYTES.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE_BYTES.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The count is the process's: one test at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Live heap bytes gained over 1,000 runs of `cycle`, after 100 to warm up.
async fn growth<F: Future<Output = ()>>(cycle: impl Fn() -> F) -> isize {
    for _ in 0..100 {
        cycle().await;
    }
    let before = LIVE_BYTES.load(Ordering::Relaxed);
    for _ in 0..1000 {
        cycle().await;
    }
    LIVE_BYTES.load(Ordering::Relaxed) - before
}

#[tokio::test]
async fn effects_disposed_with_their_owner_leave_nothing_in_a_signal_that_outlives_them() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    _ = Executor::init_tokio();
    let app = Owner::new();
    task::LocalSet::new()
        .run_until(async {
            let shared = app.with(|| RwSignal::new(0));
            let grew = growth(|| {
                // A mount: its own owner, an effect reading the shared signal.
                let mount = Owner::new();
                async move {
                    mount.with(|| {
                        Effect::new(move || {
                            shared.get();
                        })
                    });
                    Executor::tick().await;
                    // The unmount.
                    mount.cleanup();
                    drop(mount);
                    Executor::tick().await;
                }
            })
            .await;
            assert!(grew < 16 * 1024, "1,000 disposed effects kept {grew} bytes");
            // The signal still works for a new subscriber.
            let seen = app.with(|| RwSignal::new(0));
            app.with(|| Effect::new(move || seen.set(shared.get())));
            Executor::tick().await;
            shared.set(7);
            Executor::tick().await;
            assert_eq!(seen.get_untracked(), 7);
        })
        .await
}

#[tokio::test]
async fn render_effects_dropped_leave_nothing_in_a_signal_that_outlives_them() {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    _ = Executor::init_tokio();
    let app = Owner::new();
    task::LocalSet::new()
        .run_until(async {
            let shared = app.with(|| RwSignal::new(0));
            let grew = growth(|| async move {
                let mount = Owner::new();
                let effect = mount.with(|| {
                    RenderEffect::new(move |_| {
                        shared.get();
                    })
                });
                Executor::tick().await;
                drop(effect);
                mount.cleanup();
                drop(mount);
                Executor::tick().await;
            })
            .await;
            assert!(
                grew < 16 * 1024,
                "1,000 dropped render effects kept {grew} bytes"
            );
        })
        .await
}
