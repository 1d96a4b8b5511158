use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use parking_lot::{Condvar, Mutex};
use surrealdb_kvs::err::{Error, Result};
use surrealkv::Tree;
use tokio::sync::oneshot::{self, Sender};
use tracing::info;

use super::TARGET;
use crate::SurrealKvConfig;

/// Shared state for producer-consumer communication between transaction submitters and the batcher.
///
/// This structure implements the synchronization primitives for a multi-producer, single-consumer
/// pattern where multiple threads can wait for WAL synchronization while a single background
/// thread (the [`CommitBatcher`]) performs grouped fsync operations.
///
/// # Communication Protocol
///
/// **Producers** ([`CommitCoordinator::wait_for_sync`]):
/// 1. Commit their SurrealKV transaction on the caller thread
/// 2. Lock the `buffer` mutex
/// 3. Check the `shutdown` flag to ensure the coordinator is still running
/// 4. Push a [`SyncRequest`] into the buffer
/// 5. Signal the `condvar` to wake the batcher
/// 6. Release the lock and await the response channel
///
/// **Consumer** ([`CommitBatcher::run`]):
/// 1. Lock the `buffer` mutex
/// 2. Wait on the `condvar` until the buffer is non-empty or shutdown is signaled
/// 3. Drain sync requests from the buffer (up to `max_batch_size`)
/// 4. Release the lock
/// 5. Perform a single `flush_wal(true)` for all waiters
/// 6. Send results back through each request's response channel
///
/// # Thread Safety
///
/// All fields are protected by appropriate synchronization primitives (`Mutex` and `Condvar`)
/// to ensure safe concurrent access from multiple threads. The condition variable prevents
/// busy-waiting and ensures efficient wake-up semantics.
struct SharedState {
	/// Set once shutdown has begun. Checked before a commit applies (so no
	/// new commit runs during shutdown) and by the batcher to stop enqueuing
	/// new sync requests.
	shutdown: Arc<AtomicBool>,
	/// Buffer of pending sync requests awaiting batch processing
	buffer: Mutex<Vec<SyncRequest>>,
	/// Condition variable to wake the batcher thread when work arrives
	condvar: Condvar,
}

/// A request to wait for WAL synchronization.
///
/// This structure encapsulates a response channel that will be notified once the
/// WAL has been flushed to disk. Transactions are committed on the caller thread,
/// and this request only participates in the grouped fsync operation.
struct SyncRequest {
	/// The channel to send the result of the WAL flush
	channel: Sender<Result<()>>,
}

/// Coordinator for batching WAL synchronization with adaptive grouping.
///
/// This coordinator allows multiple threads to commit their SurrealKV transactions in parallel
/// on their own threads, while batching the expensive `fsync` operations. When synced writes
/// are enabled, multiple waiters are grouped together and woken up after a single `flush_wal(true)`
/// operation, significantly improving throughput while maintaining durability guarantees.
///
/// ## Configuration
///
/// Grouped commit is configured via the `sync` query parameter on the connection string:
/// - `surrealkv:///path?sync=every` -- groups transaction commits together and wait for sync
///
/// Batching behavior is controlled by environment variables:
/// - `SURREAL_SURREALKV_GROUPED_COMMIT_TIMEOUT`: Maximum wait time for collecting a batch
///   (nanoseconds)
/// - `SURREAL_SURREALKV_GROUPED_COMMIT_WAIT_THRESHOLD`: Waiter count to trigger waiting
/// - `SURREAL_SURREALKV_GROUPED_COMMIT_MAX_BATCH_SIZE`: Maximum waiters per batch
///
/// # Design Philosophy
///
/// Unlike traditional grouped commit implementations that serialize all commit operations,
/// this coordinator:
/// - Allows **parallel commits**: Each thread commits its SurrealKV transaction independently
/// - Groups **only the fsync**: Multiple threads wait together for a single WAL flush
/// - Maximizes **CPU parallelism**: No single-threaded commit bottleneck
///
/// # Adaptive Batching
///
/// The coordinator employs an adaptive batching algorithm that balances latency and throughput:
///
/// - **Low load** (< `wait_threshold`): Flushes immediately for low latency
/// - **Moderate load** (>= `wait_threshold`, < `max_batch_size`): Waits up to `timeout` to collect
///   more waiters for better batching efficiency
/// - **High load** (>= `max_batch_size`): Flushes immediately to maintain high throughput
///
/// # Durability
///
/// When enabled, this coordinator provides full durability guarantees. All committed transactions
/// are fully persisted to disk and will survive system crashes or power failures. This is achieved
/// by explicitly flushing the WAL to disk after each batch.
pub(super) struct CommitCoordinator {
	/// Shared state for communication with the batcher
	shared: Arc<SharedState>,
	/// Handle to the background batcher thread
	handle: Mutex<Option<thread::JoinHandle<()>>>,
}

impl CommitCoordinator {
	/// Create a new commit coordinator.
	pub fn new(db: Arc<Tree>, config: &SurrealKvConfig) -> Result<Self> {
		// Get the batched commit configuration options
		let timeout = config.grouped_commit_timeout;
		let wait_threshold = config.grouped_commit_wait_threshold;
		let max_batch_size = config.grouped_commit_max_batch_size;
		// Log the batched group commit configuration options
		info!(target: TARGET, "Grouped commit: enabled (timeout={}ns, wait_threshold={}, max_batch_size={})",
			timeout,
			wait_threshold,
			max_batch_size,
		);
		// Create shared state with pre-allocated buffer
		let shared = Arc::new(SharedState {
			shutdown: Arc::new(AtomicBool::new(false)),
			buffer: Mutex::new(Vec::with_capacity(max_batch_size)),
			condvar: Condvar::new(),
		});
		// Create a new commit batcher
		let batcher = CommitBatcher {
			shared: Arc::clone(&shared),
			db,
			wait_threshold,
			max_batch_size,
			timeout: Duration::from_nanos(timeout),
		};
		// Spawn the background commit coordinator thread
		let handle = thread::Builder::new()
			.name("surrealkv-commit-coordinator".to_string())
			.spawn(move || {
				batcher.run();
			})
			.map_err(|_| {
				Error::Datastore("failed to spawn SurrealKV commit coordinator thread".to_string())
			})?;
		// Create a new commit coordinator
		Ok(Self {
			shared,
			handle: Mutex::new(Some(handle)),
		})
	}

	/// Whether shutdown has begun.
	///
	/// Callers check this before applying a commit: once shutdown has begun
	/// the grouped fsync can no longer confirm durability, so the commit is
	/// refused before it applies rather than run while the datastore is
	/// stopping. Treating shutdown as a controlled crash — no writes past
	/// this point — keeps recovery simple: the store is already required to
	/// be consistent after any crash.
	pub fn is_shutting_down(&self) -> bool {
		self.shared.shutdown.load(Ordering::Acquire)
	}

	/// Wait for the next grouped WAL flush.
	///
	/// This should be called after the transaction has been committed on the caller thread.
	/// The caller will block until the background batcher performs a `flush_wal(true)` operation,
	/// ensuring that the transaction is durably persisted to disk.
	pub async fn wait_for_sync(&self) -> Result<()> {
		// Create a new oneshot response channel
		let (tx, rx) = oneshot::channel();
		// Create a new sync request
		let request = SyncRequest {
			channel: tx,
		};
		// Add to shared buffer and notify batcher
		let should_notify = {
			// Lock the buffer
			let mut buffer = self.shared.buffer.lock();
			// If shutdown completed while the batcher exited, do not enqueue: the
			// request would never be flushed and `rx.await` would hang forever.
			// The pre-apply `is_shutting_down` check refuses almost all commits
			// before they reach this point; this covers the narrow race where
			// shutdown begins after that check but before the sync wait. The
			// commit has already been applied by the caller thread, so
			// `Error::Shutdown` marks a shutdown-induced interruption rather
			// than a permanent transaction error, and background work (such as
			// a concurrent index build) stays resumable after restart instead
			// of recording a durable failure.
			if self.is_shutting_down() {
				return Err(Error::Shutdown);
			}
			// Check if buffer is currently empty
			let was_empty = buffer.is_empty();
			// Add the request to the buffer
			buffer.push(request);
			// Only notify if the batcher was waiting
			was_empty
		};
		// Notify the batcher that work is available
		if should_notify {
			self.shared.condvar.notify_one();
		}
		// Wait for the WAL flush to complete
		rx.await
			.map_err(|_| Error::Transaction("commit coordinator response channel closed".into()))?
	}

	/// Shutdown the commit coordinator.
	pub fn shutdown(&self) -> Result<()> {
		// Signal shutdown while holding the buffer lock so the batcher
		// cannot miss the notification. Without this, the batcher could
		// be between its `buffer.is_empty()` check and `condvar.wait()`
		// while shutdown sets the flag and calls `notify_all()` — with
		// no waiter registered yet the notification is dropped and the
		// batcher parks forever on the condvar. Setting the flag here also
		// makes `is_shutting_down` refuse any commit that has not applied
		// yet, so no new commit runs once shutdown has begun.
		{
			let _guard = self.shared.buffer.lock();
			self.shared.shutdown.store(true, Ordering::Release);
		}
		// Notify the batcher
		self.shared.condvar.notify_all();
		// Wait for thread to finish
		if let Some(handle) = self.handle.lock().take() {
			let _ = handle.join();
		}
		// All good
		Ok(())
	}
}

/// Background worker thread that performs grouped WAL flushes.
///
/// The `CommitBatcher` runs in a dedicated thread and implements the core batching logic
/// for grouped WAL synchronization. It continuously receives sync requests from the
/// [`CommitCoordinator`], accumulates them into batches, and performs a single WAL flush
/// for the entire batch to minimize disk synchronization overhead.
///
/// # Important Design Note
///
/// This batcher does **not** commit transactions. Each caller thread commits its own
/// SurrealKV transaction before calling `wait_for_sync()`. This allows transaction commits
/// to happen in parallel across all CPU cores, while only the expensive fsync operation
/// is serialized and batched.
///
/// # Batching Algorithm
///
/// The batcher implements an adaptive strategy based on the current waiter load:
///
/// 1. **Wait for work**: The batcher sleeps on a condition variable until waiters arrive
/// 2. **Collect initial batch**: Drains up to `max_batch_size` sync requests from the buffer
/// 3. **Adaptive waiting**:
///    - If batch size < `wait_threshold`: Flush immediately (optimize for latency)
///    - If batch size >= `wait_threshold` and < `max_batch_size`: Wait up to `timeout` for more
///      waiters to arrive (optimize for throughput)
///    - If batch size >= `max_batch_size`: Flush immediately (prevent unbounded growth)
/// 4. **Flush WAL**: Perform a single `flush_wal(true)` to sync all commits to disk
/// 5. **Send results**: Notify all waiting callers through their response channels
///
/// # Shutdown
///
/// The batcher monitors the shutdown flag and gracefully terminates after processing
/// all remaining sync requests in the buffer.
struct CommitBatcher {
	/// Shared state for receiving commit requests
	shared: Arc<SharedState>,
	/// Reference to the database for explicit WAL flushing
	db: Arc<Tree>,
	/// Maximum time to wait for collecting a batch
	timeout: Duration,
	/// Threshold for deciding whether to wait for more transactions
	wait_threshold: usize,
	/// Maximum number of transactions in a single batch
	max_batch_size: usize,
}

impl CommitBatcher {
	/// Run the background batcher loop.
	///
	/// Behavior:
	/// - Wakes when sync requests arrive
	/// - If few waiters (below `wait_threshold`): flushes immediately (low latency)
	/// - If some waiters (above `wait_threshold`): waits up to `timeout` (better batching)
	/// - If many waiters (up to `max_batch_size`): flushes immediately (high throughput)
	/// - Batches capped at `max_batch_size` to prevent unbounded growth
	fn run(self) {
		// Pre-allocate batch vector once
		let mut batch = Vec::with_capacity(self.max_batch_size);
		// Loop continuously until shutdown
		loop {
			// Wait for work to be available
			{
				let mut buffer = self.shared.buffer.lock();
				// Wait for items or shutdown
				loop {
					// Check if we have work to do
					if !buffer.is_empty() {
						break;
					}
					// Check shutdown flag *before* waiting: without this,
					// a shutdown that races with the buffer-empty check
					// above could `notify_all()` before the batcher has
					// registered itself as a waiter, causing the notify
					// to be dropped and the batcher to park forever.
					if self.shared.shutdown.load(Ordering::Acquire) {
						return;
					}
					// Wait for notification
					self.shared.condvar.wait(&mut buffer);
					// After wakeup: exit only when shutdown is set *and* there is
					// no pending work. If the buffer holds `SyncRequest`s they must
					// be drained before returning, otherwise `wait_for_sync` hangs
					// on `rx.await` (e.g. push completed before `shutdown()` set
					// the flag, then both threads notified the batcher).
					if self.shared.shutdown.load(Ordering::Acquire) && buffer.is_empty() {
						return;
					}
				}
				// Initially drain up to max_batch_size items
				let take = buffer.len().min(self.max_batch_size);
				// Drain the buffer items into the batch
				batch.extend(buffer.drain(..take));
			}
			// We wait if batch is above threshold and below max size
			let should_wait =
				batch.len() >= self.wait_threshold && batch.len() < self.max_batch_size;
			// If we should wait, collect more requests with timeout
			if should_wait {
				// Calculate the timeout deadline
				let deadline = Instant::now() + self.timeout;
				// Wait for more items until timeout
				loop {
					// Wait on condvar with timeout
					let mut buffer = self.shared.buffer.lock();
					// Get the current instant
					let now = Instant::now();
					// Calculate the remaining time
					let wait = deadline.saturating_duration_since(now);
					// Check if deadline is reached
					if wait.is_zero() {
						break;
					}
					// Wait for items or timeout
					if self.shared.condvar.wait_for(&mut buffer, wait).timed_out() {
						break;
					}
					// Shutdown may have been signalled while waiting; exit the inner
					// loop promptly instead of sleeping out the remaining deadline.
					if self.shared.shutdown.load(Ordering::Acquire) {
						break;
					}
					// Take available items up to the maximum batch size
					if !buffer.is_empty() {
						// Calculate the number of transactions to take
						let take = (self.max_batch_size - batch.len()).min(buffer.len());
						// Drain any pending items up to the maximum batch size
						batch.extend(buffer.drain(..take));
					}
					// Break if we've reached maximum batch size
					if batch.len() >= self.max_batch_size {
						break;
					}
				}
			}
			// Perform a single WAL flush and disk sync for all commits
			let flush_result = self.db.flush_wal(true);
			// Send the result to all waiters
			if let Err(e) = flush_result {
				// Convert error to a string
				let err = e.to_string();
				// Send the error to all waiters
				for request in batch.drain(..) {
					let _ = request.channel.send(Err(Error::Transaction(err.clone())));
				}
			} else {
				// Send success to all waiters
				for request in batch.drain(..) {
					let _ = request.channel.send(Ok(()));
				}
			}
		}
	}
}
