//! Fresh databases for tests: a temporary SQLite file, or a new PostgreSQL schema when
//! `AGORA_TEST_DATABASE_URL` is set.

use crate::{Db, DbResult};
use rand::Rng;
use sqlx::ConnectOptions;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use std::str::FromStr;

/// The environment variable naming the PostgreSQL server the tests use.
pub const TEST_URL_VAR: &str = "AGORA_TEST_DATABASE_URL";

/// A new, migrated, empty database for one test.
pub async fn fresh() -> DbResult<Db> {
    let suffix: u64 = rand::rng().random();
    let db = match std::env::var(TEST_URL_VAR).ok().filter(|u| !u.is_empty()) {
        Some(url) => fresh_postgres(&url, &format!("t_{suffix:016x}")).await?,
        None => {
            let dir = std::env::temp_dir().join("agora-tests");
            std::fs::create_dir_all(&dir).map_err(|e| crate::DbError::BadUrl(e.to_string()))?;
            let path = dir.join(format!("{suffix:016x}.db"));
            Db::connect(&format!("sqlite://{}", path.display())).await?
        }
    };
    db.migrate().await?;
    Ok(db)
}

/// A fresh SQLite database, whatever the environment says (for the schema comparison).
pub async fn fresh_sqlite() -> DbResult<Db> {
    let suffix: u64 = rand::rng().random();
    let path = std::env::temp_dir().join(format!("agora-schema-{suffix:016x}.db"));
    let db = Db::connect(&format!("sqlite://{}", path.display())).await?;
    db.migrate().await?;
    Ok(db)
}

/// A subscriber as the sign-up pages leave one, for tests of what subscribers are mailed: its
/// address confirmed or not, in `lang`, linked to account `user` or not, following each
/// `(target kind, target id, frequency, confirmed)` of `follows` since now from `source`.
/// Returns its id, its manage key and the unsubscribe key of each of `follows`, in order.
pub async fn subscriber(
    db: &Db,
    email: &str,
    lang: &str,
    user: Option<i64>,
    confirmed: bool,
    follows: &[(&str, i64, &str, bool)],
    source: &str,
) -> DbResult<(i64, String, Vec<String>)> {
    let at = crate::now();
    let manage = crate::random_token();
    let id: i64 = on!(db, p => sqlx::query_scalar(
        "INSERT INTO subscribers (email, user_id, lang, manage_key, confirmed_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(email).bind(user).bind(lang).bind(&manage).bind(confirmed.then_some(at)).bind(at)
    .fetch_one(p).await?);
    let mut keys = Vec::new();
    for (kind, target, frequency, follow_confirmed) in follows {
        let key = crate::random_token();
        exec!(db, p => sqlx::query(
            "INSERT INTO subscriptions (subscriber_id, target_kind, target_id, frequency, unsubscribe_key, source, \
             created_at, confirmed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id).bind(kind).bind(target).bind(frequency).bind(&key).bind(source).bind(at)
        .bind(follow_confirmed.then_some(at))
        .execute(p).await?);
        keys.push(key);
    }
    Ok((id, manage, keys))
}

/// Sets a consultation's stored status to `raw`, a text the application never writes, so a test
/// can show what reading such a row back does.
pub async fn store_raw_status(db: &Db, consultation: i64, raw: &str) -> DbResult<()> {
    exec!(db, p => sqlx::query("UPDATE consultations SET status = $1 WHERE id = $2").bind(raw).bind(consultation).execute(p).await?);
    Ok(())
}

/// Moves forum post `id`'s times `hours` into the past, so a test can show what waiting that
/// long does (the moderators' alert) without waiting.
pub async fn age_forum_post(db: &Db, id: i64, hours: i64) -> DbResult<()> {
    let at = crate::now() - chrono::Duration::hours(hours);
    exec!(db, p => sqlx::query("UPDATE forum_posts SET created_at = $1, state_at = $1 WHERE id = $2").bind(at).bind(id).execute(p).await?);
    Ok(())
}

/// Moves tracked request `id` to have been sent on `opened_on` and be due on `due_on`, as if
/// it had waited that long.
pub async fn date_tracked(db: &Db, id: i64, opened_on: chrono::NaiveDate, due_on: chrono::NaiveDate) -> DbResult<()> {
    exec!(db, p => sqlx::query("UPDATE tracked_requests SET opened_on = $1, due_on = $2 WHERE id = $3")
        .bind(opened_on).bind(due_on).bind(id).execute(p).await?);
    Ok(())
}

/// Moves the day advice request `id`'s clock stopped to `paused_on`.
pub async fn date_advice_pause(db: &Db, id: i64, paused_on: chrono::NaiveDate) -> DbResult<()> {
    exec!(db, p => sqlx::query("UPDATE advice_requests SET paused_on = $1 WHERE id = $2")
        .bind(paused_on).bind(id).execute(p).await?);
    Ok(())
}

async fn fresh_postgres(url: &str, schema: &str) -> DbResult<Db> {
    let base = PgConnectOptions::from_str(url).map_err(|e| crate::DbError::BadUrl(e.to_string()))?;
    let mut admin = base.clone().connect().await?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}"))).execute(&mut admin).await?;
    let pool = PgPoolOptions::new().max_connections(4).connect_with(base.options([("search_path", schema)])).await?;
    Ok(Db::Postgres(pool))
}
