//! The `surreal` binary, exactly as SurrealDB ships it, with in-memory storage only.
fn main() -> std::process::ExitCode {
    surrealdb_server::init(surrealdb_server::core::CommunityComposer())
}
