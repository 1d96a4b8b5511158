//! The allocator, and the runtime that keeps the memory it holds close to what is in use.
//!
//! mimalloc rather than glibc's malloc: rendering pages and searches allocate a lot, and mimalloc
//! serves that faster (the README's performance section has the figures). Two settings keep its
//! resident memory down:
//! - no transparent huge pages (`no_thp` in Cargo.toml): one touched byte would make 2 MiB resident,
//!   and freed memory could only be returned in 2 MiB pieces;
//! - worker threads collect their heaps when they park, at most once a second each, and idle workers
//!   are woken every two seconds to do so. mimalloc hands a block freed on another thread back to the
//!   thread that allocated it, which finds it only when it collects: after an index load (the database
//!   decodes on one thread, the index is built on another) idle workers would keep what it freed.
use std::cell::Cell;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A worker collects when it parks if it has not for this long: collecting on every park costs pages
/// per second, once a second does not.
const COLLECT_EVERY: Duration = Duration::from_secs(1);

/// Idle workers are woken this often, so that each parks again and collects.
const WAKE_EVERY: Duration = Duration::from_secs(2);

/// A worker's stack. SurrealDB's embedded engine runs each query on the stack of the task that
/// awaits it, which can need more than the default 2 MiB; the server gets the same room as the tests
/// (`.cargo/config.toml`). Only the touched part becomes resident.
const STACK: usize = 8 * 1024 * 1024;

/// The multi-threaded Tokio runtime the binary and the bench run on, its workers collecting their
/// heaps when they park.
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(STACK)
        .on_thread_park(collect_now_and_then)
        .build()?;
    let (handle, workers) = (runtime.handle().clone(), runtime.metrics().num_workers());
    // A task spawned from outside the runtime wakes an idle worker; one per worker wakes them all.
    std::thread::Builder::new().name("wake-to-collect".into()).spawn(move || {
        loop {
            std::thread::sleep(WAKE_EVERY);
            for _ in 0..workers {
                drop(handle.spawn(async {}));
            }
        }
    })?;
    Ok(runtime)
}

fn collect_now_and_then() {
    thread_local!(static LAST: Cell<Option<Instant>> = const { Cell::new(None) });
    let now = Instant::now();
    if LAST.get().is_none_or(|last| now.duration_since(last) >= COLLECT_EVERY) {
        LAST.set(Some(now));
        // SAFETY: `mi_collect` works on the calling thread's heap and the allocator's own state only.
        unsafe { libmimalloc_sys::mi_collect(true) }
    }
}
