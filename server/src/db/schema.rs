//! Applies `schema/*.surql` in order, once each, and records the version reached.
//! Every statement is idempotent too (`IF NOT EXISTS` / `UPSERT`), so a start that
//! crashed half-way, or several app servers starting at once, end in the same state.
use app::db::{Db, DbError, rows};

/// (version, SurrealQL), in order. Add new files at the end; never edit an applied one.
pub const MIGRATIONS: &[(u32, &str)] = &[
    (1, include_str!("../../../schema/0001_init.surql")),
    (2, include_str!("../../../schema/0002_reference_data.surql")),
    (3, include_str!("../../../schema/0003_listing_version.surql")),
    (4, include_str!("../../../schema/0004_favourites_accounts.surql")),
    (5, include_str!("../../../schema/0005_drop_unread_job_indexes.surql")),
    (6, include_str!("../../../schema/0006_listing_carries_employer_and_place.surql")),
    (7, include_str!("../../../schema/0007_imported_listings.surql")),
    (8, include_str!("../../../schema/0008_import_runs.surql")),
    (9, include_str!("../../../schema/0009_sources_freshness.surql")),
    (10, include_str!("../../../schema/0010_reports.surql")),
    (11, include_str!("../../../schema/0011_favourite_lists.surql")),
    (12, include_str!("../../../schema/0012_lean_listing_writes.surql")),
];

/// Applies what is missing and returns the schema version now in force.
pub async fn apply_schema(db: &Db) -> Result<u32, DbError> {
    db.query("DEFINE TABLE IF NOT EXISTS schema_migration SCHEMALESS").await?.check()?;
    let current = schema_version(db).await?;
    for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current) {
        tracing::info!(version, "applying schema migration");
        db.query(*sql).await?.check()?;
        db.query("UPSERT type::record('schema_migration', $v) SET version = $v, applied_at = time::now()")
            .bind(("v", i64::from(*version)))
            .await?
            .check()?;
    }
    schema_version(db).await
}

pub async fn schema_version(db: &Db) -> Result<u32, DbError> {
    #[derive(serde::Deserialize)]
    struct Row {
        version: Option<u32>,
    }
    let mut response = db.query("SELECT math::max(version) AS version FROM schema_migration GROUP ALL").await?;
    let found: Vec<Row> = rows(&mut response, 0)?;
    Ok(found.first().and_then(|r| r.version).unwrap_or(0))
}
