//! The audit log: who changed what, written in the same transaction as the change.

use crate::{Db, DbResult, Page};
use chrono::{DateTime, Utc};

/// Who did something and what, before the entity id is known.
#[derive(Debug, Clone)]
pub struct AuditEntry {
    /// The acting account; `None` for the command line or the system.
    pub actor_id: Option<i64>,
    /// How the actor is shown in the log (their name at the time).
    pub actor_label: String,
    /// A dotted action name, e.g. `unit.create`.
    pub action: &'static str,
    /// The kind of entity changed, e.g. `unit`.
    pub entity: &'static str,
    /// A short human-readable account of the change.
    pub details: String,
}

/// Writes one audit row inside an open transaction `$tx` for entity `$id`.
macro_rules! audit_in_tx {
    ($tx:expr, $entry:expr, $id:expr) => {{
        let e: &$crate::audit::AuditEntry = $entry;
        let id: Option<i64> = $id;
        sqlx::query(
            "INSERT INTO audit_log (at, actor_id, actor_label, action, entity, entity_id, details) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind($crate::now())
        .bind(e.actor_id)
        .bind(&e.actor_label)
        .bind(e.action)
        .bind(e.entity)
        .bind(id)
        .bind(&e.details)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use audit_in_tx;

/// One row of the audit log.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRow {
    /// Row id.
    pub id: i64,
    /// When it happened.
    pub at: DateTime<Utc>,
    /// The actor's account, if it still exists.
    pub actor_id: Option<i64>,
    /// The actor as shown.
    pub actor_label: String,
    /// The action name.
    pub action: String,
    /// The entity kind.
    pub entity: String,
    /// The entity id.
    pub entity_id: Option<i64>,
    /// What changed.
    pub details: String,
}

/// Filters for browsing the audit log; empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only this actor.
    pub actor_id: Option<i64>,
    /// Only actions starting with this prefix (e.g. `unit.`).
    pub action_prefix: Option<String>,
    /// Only this entity kind.
    pub entity: Option<String>,
    /// Only at or after this time.
    pub from: Option<DateTime<Utc>>,
    /// Only before this time.
    pub until: Option<DateTime<Utc>>,
}

/// The WHERE clause shared by listing, counting and exporting; parameters $1..$5
/// are bound in the same order by [`bind_filter`].
const FILTER_SQL: &str = " WHERE ($1 IS NULL OR actor_id = $1) \
     AND ($2 IS NULL OR action LIKE $2) \
     AND ($3 IS NULL OR entity = $3) \
     AND ($4 IS NULL OR at >= $4) \
     AND ($5 IS NULL OR at < $5)";

macro_rules! bind_filter {
    ($q:expr, $f:expr) => {
        $q.bind($f.actor_id)
            .bind($f.action_prefix.as_ref().map(|p| format!("{p}%")))
            .bind($f.entity.clone())
            .bind($f.from)
            .bind($f.until)
    };
}

/// Writes an audit row on its own, for events that change nothing else in the database.
pub async fn record(db: &Db, entry: &AuditEntry, entity_id: Option<i64>) -> DbResult<()> {
    use crate::BeginWrite;
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        audit_in_tx!(tx, entry, entity_id);
        tx.commit().await?;
    });
    Ok(())
}

/// One page of the log, newest first.
pub async fn list(db: &Db, f: &AuditFilter, limit: i64, offset: i64) -> DbResult<Page<AuditRow>> {
    // PostgreSQL cannot infer the type of an untyped NULL parameter compared with IS NULL,
    // so its variant casts each one.
    let (list_sql, count_sql) = match db {
        Db::Sqlite(_) => (
            format!(
                "SELECT id, at, actor_id, actor_label, action, entity, entity_id, details FROM audit_log{FILTER_SQL} ORDER BY at DESC, id DESC LIMIT $6 OFFSET $7"
            ),
            format!("SELECT COUNT(*) FROM audit_log{FILTER_SQL}"),
        ),
        Db::Postgres(_) => {
            let pg = pg_filter();
            (
                format!(
                    "SELECT id, at, actor_id, actor_label, action, entity, entity_id, details FROM audit_log{pg} ORDER BY at DESC, id DESC LIMIT $6 OFFSET $7"
                ),
                format!("SELECT COUNT(*) FROM audit_log{pg}"),
            )
        }
    };
    on!(db, p => {
        let items: Vec<AuditRow> = bind_filter!(sqlx::query_as(sqlx::AssertSqlSafe(list_sql)), f)
            .bind(limit)
            .bind(offset)
            .fetch_all(p)
            .await?;
        let total: i64 = bind_filter!(sqlx::query_scalar(sqlx::AssertSqlSafe(count_sql)), f)
            .fetch_one(p)
            .await?;
        Ok(Page { items, total })
    })
}

fn pg_filter() -> String {
    FILTER_SQL
        .replace("$1 IS NULL", "$1::bigint IS NULL")
        .replace("$2 IS NULL", "$2::text IS NULL")
        .replace("$3 IS NULL", "$3::text IS NULL")
        .replace("$4 IS NULL", "$4::timestamptz IS NULL")
        .replace("$5 IS NULL", "$5::timestamptz IS NULL")
}

/// Every row matching the filter, oldest first, handed to `each` one at a time
/// so that an export never holds the whole log in memory.
pub async fn for_each<F, Fut>(db: &Db, f: &AuditFilter, mut each: F) -> DbResult<()>
where
    F: FnMut(AuditRow) -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    use futures_util::TryStreamExt;
    let filter = match db {
        Db::Sqlite(_) => FILTER_SQL.to_owned(),
        Db::Postgres(_) => pg_filter(),
    };
    let sql = format!(
        "SELECT id, at, actor_id, actor_label, action, entity, entity_id, details FROM audit_log{filter} ORDER BY at, id"
    );
    on!(db, p => {
        let mut rows = bind_filter!(sqlx::query_as::<_, AuditRow>(sqlx::AssertSqlSafe(sql)), f).fetch(p);
        while let Some(row) = rows.try_next().await? {
            if !each(row).await {
                break;
            }
        }
    });
    Ok(())
}

/// The distinct entity kinds in the log, for the filter's drop-down.
pub async fn entities(db: &Db) -> DbResult<Vec<String>> {
    on!(db, p => Ok(sqlx::query_scalar("SELECT DISTINCT entity FROM audit_log ORDER BY entity").fetch_all(p).await?))
}
