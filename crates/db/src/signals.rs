//! Change signals between instances sharing one PostgreSQL database: each instance keeps
//! rendered pages in memory, and a change made by one must reach the others' caches.

use crate::{Db, DbResult};
use sqlx::postgres::PgListener;

/// The channel the signals travel on.
pub const CHANNEL: &str = "agora_changes";

/// Sends `payload` to every instance listening (PostgreSQL only; SQLite does nothing here).
pub async fn notify(db: &Db, payload: &str) -> DbResult<()> {
    if let Db::Postgres(p) = db {
        sqlx::query("SELECT pg_notify($1, $2)").bind(CHANNEL).bind(payload).execute(p).await?;
    }
    Ok(())
}

/// A subscription to the signals of other instances.
pub struct Listener(PgListener);

impl Listener {
    /// Subscribes, when the database is PostgreSQL.
    pub async fn start(db: &Db) -> DbResult<Option<Listener>> {
        match db {
            Db::Postgres(p) => {
                let mut l = PgListener::connect_with(p).await?;
                l.listen(CHANNEL).await?;
                Ok(Some(Listener(l)))
            }
            Db::Sqlite(_) => Ok(None),
        }
    }

    /// The next payload, or `None` when the connection was lost and signals may have been
    /// missed (it reconnects on the next call).
    pub async fn recv(&mut self) -> DbResult<Option<String>> {
        Ok(self.0.try_recv().await?.map(|n| n.payload().to_owned()))
    }
}
