//! Role grants.

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbResult, now};
use agora_domain::permission::{Grant, RoleKind, ScopeKind};

/// A grant as listed in the administration, with the names needed to show it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct GrantRow {
    /// Grant id.
    pub id: i64,
    /// The account.
    pub user_id: i64,
    /// The account's address.
    pub email: String,
    /// The account's name.
    pub display_name: String,
    /// Role name.
    pub role: RoleKind,
    /// The scope's id, if any.
    pub scope_id: Option<i64>,
    /// The scope's name, if any.
    pub scope_name: Option<String>,
}

impl GrantRow {
    /// The domain grant; `None` for a row a later version no longer understands.
    pub fn grant(&self) -> Option<Grant> {
        Grant::from_parts(self.role, self.scope_id)
    }
}

const SELECT: &str = "SELECT g.id, g.user_id, u.email, u.display_name, g.role, \
     COALESCE(g.unit_id, g.district_id, g.body_id) AS scope_id, \
     COALESCE(un.code || ' ' || un.name_pl, d.name, b.name_pl) AS scope_name \
     FROM role_grants g JOIN users u ON u.id = g.user_id \
     LEFT JOIN units un ON un.id = g.unit_id \
     LEFT JOIN districts d ON d.id = g.district_id \
     LEFT JOIN dialogue_bodies b ON b.id = g.body_id";

/// The grants of one account (what the permission check needs).
pub async fn of_user(db: &Db, user_id: i64) -> DbResult<Vec<Grant>> {
    let rows: Vec<(String, Option<i64>)> = on!(db, p => sqlx::query_as(
        "SELECT role, COALESCE(unit_id, district_id, body_id) FROM role_grants WHERE user_id = $1",
    ).bind(user_id).fetch_all(p).await?);
    Ok(rows.into_iter().filter_map(|(r, s)| Grant::from_parts(RoleKind::parse(&r)?, s)).collect())
}

/// Every grant of a staff role, by account, for the administration.
pub async fn all(db: &Db) -> DbResult<Vec<GrantRow>> {
    let sql = format!("{SELECT} ORDER BY u.email, g.role");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).fetch_all(p).await?))
}

/// Grants a role; `Conflict` when the account holds it already.
pub async fn grant(db: &Db, user_id: i64, g: &Grant, entry: &AuditEntry) -> DbResult<i64> {
    let scope = g.scope();
    let (unit, district, body) = match g.kind().scope_kind() {
        Some(ScopeKind::Unit) => (scope, None, None),
        Some(ScopeKind::District) => (None, scope, None),
        Some(ScopeKind::Body) => (None, None, scope),
        None => (None, None, None),
    };
    let scope_key = scope.map(|s| s.to_string()).unwrap_or_default();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO role_grants (user_id, role, unit_id, district_id, body_id, scope_key, granted_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(user_id).bind(g.kind().as_str()).bind(unit).bind(district).bind(body).bind(&scope_key).bind(now())
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(user_id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Revokes one grant; returns whether it existed.
pub async fn revoke(db: &Db, grant_id: i64, entry: &AuditEntry) -> DbResult<bool> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let user: Option<i64> = sqlx::query_scalar("DELETE FROM role_grants WHERE id = $1 RETURNING user_id")
            .bind(grant_id).fetch_optional(&mut *tx).await?;
        if user.is_some() {
            audit_in_tx!(tx, entry, user);
        }
        tx.commit().await?;
        Ok(user.is_some())
    })
}

/// One grant with names.
pub async fn by_id(db: &Db, grant_id: i64) -> DbResult<Option<GrantRow>> {
    let sql = format!("{SELECT} WHERE g.id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(grant_id).fetch_optional(p).await?))
}

/// The moderators and administrators whose address is confirmed, for mail about the
/// moderation queue: (address, language), each once.
pub async fn moderators(db: &Db) -> DbResult<Vec<(String, String)>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT DISTINCT u.email, u.locale FROM role_grants g JOIN users u ON u.id = g.user_id \
         WHERE g.role IN ('moderator', 'administrator') AND u.email_confirmed_at IS NOT NULL ORDER BY u.email",
    ).fetch_all(p).await?))
}

/// The staff of every department, for mail to departments: (unit id, address, language) of
/// each organiser whose address is confirmed, by unit.
pub async fn unit_staff(db: &Db) -> DbResult<Vec<(i64, String, String)>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT g.unit_id, u.email, u.locale FROM role_grants g JOIN users u ON u.id = g.user_id \
         WHERE g.role = 'organiser' AND g.unit_id IS NOT NULL AND u.email_confirmed_at IS NOT NULL \
         ORDER BY g.unit_id, u.email",
    ).fetch_all(p).await?))
}
