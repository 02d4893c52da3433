//! Agora's storage. The only crate with SQL: one `Db` over SQLite or PostgreSQL,
//! chosen from the URL at run time, with an explicit arm wherever the dialects differ.

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

/// Runs the same body against whichever pool `db` holds; each arm is type-checked
/// for its own backend, so one query text serves both where the SQL agrees.
macro_rules! on {
    ($db:expr, $p:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite($p) => $body,
            $crate::Db::Postgres($p) => $body,
        }
    };
}

/// Like `on!` for statements run for their effect alone: both arms yield `()`.
macro_rules! exec {
    ($db:expr, $p:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite($p) => {
                $body;
            }
            $crate::Db::Postgres($p) => {
                $body;
            }
        }
    };
}

/// A value bound to a statement whose conditions are put together at run time (a list's
/// filters), in the order of its placeholders.
pub(crate) enum Val {
    I(i64),
    S(String),
    T(chrono::DateTime<chrono::Utc>),
    D(chrono::NaiveDate),
}

/// Binds every [`Val`] of `$vals` to the query `$q`, in order.
macro_rules! bind_all {
    ($q:expr, $vals:expr) => {{
        let mut q = $q;
        for v in $vals {
            q = match v {
                $crate::Val::I(x) => q.bind(*x),
                $crate::Val::S(x) => q.bind(x.clone()),
                $crate::Val::T(x) => q.bind(*x),
                $crate::Val::D(x) => q.bind(*x),
            };
        }
        q
    }};
}

/// A `LIKE` pattern matching `word` anywhere, for `ESCAPE '\'`.
pub(crate) fn contains_pattern(word: &str) -> String {
    format!("%{}%", word.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// Opens a write transaction: `BEGIN IMMEDIATE` on SQLite, so that two writers wait
/// for each other instead of failing when a read lock is upgraded.
trait BeginWrite {
    type Backend: sqlx::Database;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, Self::Backend>, sqlx::Error>;
}

impl BeginWrite for SqlitePool {
    type Backend = sqlx::Sqlite;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
        self.begin_with("BEGIN IMMEDIATE").await
    }
}

impl BeginWrite for PgPool {
    type Backend = sqlx::Postgres;
    async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error> {
        self.begin().await
    }
}

pub mod access_requests;
pub mod advice;
pub mod applications;
pub mod audit;
pub mod bodies;
pub mod centre;
pub mod consultation;
pub mod council;
pub mod documents;
pub mod events;
pub mod formal;
pub mod forum;
pub mod jobs;
pub mod limits;
pub mod meetings;
pub mod news;
pub mod newsletter;
pub mod pages;
pub mod polls;
pub mod programme;
pub mod recognition;
pub mod reference;
pub mod referrals;
pub mod remarks;
pub mod reports;
pub mod roles;
mod rows;
pub mod sessions;
pub mod settings;
pub mod signals;
pub mod subscriptions;
pub mod surveys;
pub mod testing;
pub mod tokens;
pub mod tracked;
pub mod users;

/// A database connection pool for one of the two supported backends.
#[derive(Clone, Debug)]
pub enum Db {
    /// An embedded SQLite file.
    Sqlite(SqlitePool),
    /// A PostgreSQL server.
    Postgres(PgPool),
}

/// What went wrong in the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The URL is neither `sqlite:` nor `postgres://`, or does not parse.
    #[error("unsupported or malformed database URL: {0}")]
    BadUrl(String),
    /// A uniqueness rule was broken; carries the constraint or column text.
    #[error("conflict: {0}")]
    Conflict(String),
    /// A migration failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// Any other database error.
    #[error(transparent)]
    Sqlx(sqlx::Error),
    /// A background writer is no longer running (the server is shutting down).
    #[error("the writer has stopped")]
    WriterStopped,
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(d) = &e
            && d.is_unique_violation()
        {
            return DbError::Conflict(d.message().to_owned());
        }
        DbError::Sqlx(e)
    }
}

/// Result of a storage operation.
pub type DbResult<T> = Result<T, DbError>;

/// How much of an SQLite database file each connection maps into memory for reading.
pub const SQLITE_MMAP_BYTES: u64 = 268_435_456;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Db {
    /// Connects to `url`: `sqlite://path` (created when missing) or `postgres://…`.
    pub async fn connect(url: &str) -> DbResult<Db> {
        if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url).map_err(|e| DbError::BadUrl(e.to_string()))?;
            Self::connect_sqlite(opts).await
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts = PgConnectOptions::from_str(url).map_err(|e| DbError::BadUrl(e.to_string()))?;
            Self::connect_postgres(opts).await
        } else {
            Err(DbError::BadUrl(url.to_owned()))
        }
    }

    async fn connect_sqlite(opts: SqliteConnectOptions) -> DbResult<Db> {
        let opts = opts
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // Reads through a memory map skip a system call per page and need no cache of
            // their own; the cache holds what writes change, and is SQLite's default size per
            // connection: a larger one stayed filled on every connection after a busy hour,
            // private memory on top of which a large report then peaked.
            .pragma("mmap_size", SQLITE_MMAP_BYTES.to_string())
            .pragma("cache_size", "-2000");
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(opts)
            .await?;
        Ok(Db::Sqlite(pool))
    }

    async fn connect_postgres(opts: PgConnectOptions) -> DbResult<Db> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(opts)
            .await?;
        Ok(Db::Postgres(pool))
    }

    /// Applies the migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> DbResult<()> {
        match self {
            Db::Sqlite(p) => SQLITE_MIGRATIONS.run(p).await?,
            Db::Postgres(p) => POSTGRES_MIGRATIONS.run(p).await?,
        }
        Ok(())
    }

    /// Whether the database answers a trivial query.
    pub async fn ping(&self) -> bool {
        on!(self, p => sqlx::query("SELECT 1").execute(p).await.is_ok())
    }

    /// The backend's name, for logs and the readiness page.
    pub fn backend(&self) -> &'static str {
        match self {
            Db::Sqlite(_) => "sqlite",
            Db::Postgres(_) => "postgres",
        }
    }

    /// Closes every connection, waiting for those in use to be returned.
    pub async fn close(&self) {
        on!(self, p => p.close().await)
    }

    /// Every table and its columns, sorted; used to prove both schemas match.
    pub async fn schema_columns(&self) -> DbResult<Vec<(String, String)>> {
        let mut cols: Vec<(String, String)> = match self {
            Db::Sqlite(p) => {
                sqlx::query_as(
                    "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c \
                     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(p)
                .await?
            }
            Db::Postgres(p) => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
                )
                .fetch_all(p)
                .await?
            }
        };
        cols.sort();
        Ok(cols)
    }
}

/// How a statement built at run time marks its parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marks {
    /// `$1, $2, …`, as PostgreSQL needs.
    Numbered,
    /// `?, ?, …` in order, on SQLite: sqlx finds each numbered parameter by its name, a linear
    /// search in SQLite, so a statement with a thousand `$n` spent much of its time finding
    /// them.
    InOrder,
}

impl Marks {
    /// `n` parameters separated by commas, the first of them number `first` (from 1).
    pub(crate) fn list(self, first: usize, n: usize) -> String {
        let mut sql = String::with_capacity(n * 5);
        for k in 0..n {
            if k > 0 {
                sql.push_str(", ");
            }
            match self {
                Marks::Numbered => {
                    sql.push('$');
                    sql.push_str(&(first + k).to_string());
                }
                Marks::InOrder => sql.push('?'),
            }
        }
        sql
    }
}

impl Db {
    /// How statements built at run time mark their parameters on this database.
    pub(crate) fn marks(&self) -> Marks {
        match self {
            Db::Sqlite(_) => Marks::InOrder,
            Db::Postgres(_) => Marks::Numbered,
        }
    }
}

/// A random token for a URL or cookie, and the hash under which it is stored.
pub fn new_token() -> (String, String) {
    let token = random_token();
    let hash = hash_token(&token);
    (token, hash)
}

/// 32 random bytes in hex, for tokens that are never stored (a form's CSRF token).
pub fn random_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The stored form of a token: a database leak does not reveal live sessions or links.
pub fn hash_token(token: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The texts of `values` as an SQL list (`'a', 'b'`), for filters taken from the domain's rules
/// (e.g. `Status::PUBLIC`), so the SQL cannot drift from them. The texts are the enum's own
/// constants, never user input.
pub(crate) fn text_list<T: agora_domain::TextEnum>(values: &[T]) -> String {
    values.iter().map(|v| format!("'{}'", v.text())).collect::<Vec<_>>().join(", ")
}

/// One page of a list, with the total for the pager.
#[derive(Debug, Clone)]
pub struct Page<T> {
    /// The rows on this page.
    pub items: Vec<T>,
    /// How many rows match in all.
    pub total: i64,
}

/// The current time rounded to microseconds, which both backends store exactly.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_lists_quote_each_value() {
        use agora_domain::remark::ModerationState;
        assert_eq!(text_list(&ModerationState::LISTED), "'published', 'hidden'");
    }

    #[test]
    fn parameters_are_numbered_or_taken_in_order() {
        assert_eq!(Marks::Numbered.list(2, 3), "$2, $3, $4");
        assert_eq!(Marks::InOrder.list(2, 3), "?, ?, ?");
    }
}
