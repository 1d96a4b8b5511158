//! Keeps the in-memory index in step with the database: it rebuilds when the listing version
//! (bumped in the same transaction as every write) changes. Each app server runs its own, so
//! servers stay stateless: a new one builds its index from the database at start.
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use super::index::Index;
use crate::db::{Db, DbError};
use crate::jobs::repo;

pub struct SearchHandle {
    index: RwLock<Arc<Index>>,
    version: AtomicI64,
}

async fn build(db: &Db) -> Result<(i64, Index), DbError> {
    // Read the version first: a write during the load bumps it again and triggers the next reload.
    let version = repo::listings_version(db).await?;
    let started = Instant::now();
    let index = super::load::load(db, chrono::Utc::now()).await?;
    let ms = started.elapsed().as_millis() as u64;
    tracing::info!(listings = index.len(), version, ms, "search index built");
    Ok((version, index))
}

impl SearchHandle {
    pub async fn load(db: &Db) -> Result<Arc<Self>, DbError> {
        let (version, index) = build(db).await?;
        Ok(Arc::new(Self { index: RwLock::new(Arc::new(index)), version: AtomicI64::new(version) }))
    }

    /// The index as of now; cheap (an `Arc` clone).
    pub fn current(&self) -> Arc<Index> {
        self.index.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone()
    }

    /// The listings version the current index was built from.
    pub fn version(&self) -> i64 {
        self.version.load(Ordering::Acquire)
    }

    /// Rebuilds if the listings changed since the last build; returns whether it did.
    pub async fn refresh(&self, db: &Db) -> Result<bool, DbError> {
        if repo::listings_version(db).await? == self.version.load(Ordering::Acquire) {
            return Ok(false);
        }
        let (version, index) = build(db).await?;
        *self.index.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(index);
        self.version.store(version, Ordering::Release);
        Ok(true)
    }

    /// Polls for changes every `every` until the process ends.
    pub fn spawn_refresher(self: &Arc<Self>, db: Db, every: Duration) {
        let handle = Arc::downgrade(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let Some(handle) = handle.upgrade() else { break };
                if let Err(error) = handle.refresh(&db).await {
                    tracing::warn!(%error, "search index refresh failed; keeping the previous index");
                }
            }
        });
    }
}
