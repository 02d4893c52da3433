//! Many rows into one table in as few statements as each backend does best. A batch of
//! submissions stores its rows of each table together; each statement is a round trip, and
//! the batch writer, one at a time, sets the pace of durable submissions.

use serde_json::Value;
use sqlx::{Postgres, Sqlite, Transaction};

/// A table's column and its PostgreSQL type, as the rows of [`InsertRows`] give them.
pub(crate) type Column = (&'static str, &'static str);

/// Inserting many rows given as JSON arrays, one per row, values in column order.
pub(crate) trait InsertRows: sqlx::Database {
    /// Inserts `rows` into `table`'s `columns`, then `tail` (an optional `ON CONFLICT …` and
    /// `RETURNING …`), and returns what `RETURNING` gives.
    async fn insert_rows<T>(
        tx: &mut Transaction<'static, Self>,
        table: &str,
        columns: &[Column],
        tail: &str,
        rows: &[Value],
    ) -> Result<Vec<T>, sqlx::Error>
    where
        T: Send + Unpin + for<'r> sqlx::FromRow<'r, Self::Row>;
}

/// `INSERT INTO table (columns)`.
fn insert_into(table: &str, columns: &[Column]) -> String {
    format!("INSERT INTO {table} ({})", names(columns))
}

/// The columns' names, separated by commas.
pub(crate) fn names(columns: &[Column]) -> String {
    columns.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ")
}

impl InsertRows for Postgres {
    /// One statement whatever the number of rows, its rows in one JSON parameter: over the
    /// network each statement costs a round trip, and chunks of fixed shapes took twenty.
    async fn insert_rows<T>(
        tx: &mut Transaction<'static, Self>,
        table: &str,
        columns: &[Column],
        tail: &str,
        rows: &[Value],
    ) -> Result<Vec<T>, sqlx::Error>
    where
        T: Send + Unpin + for<'r> sqlx::FromRow<'r, Self::Row>,
    {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let values: Vec<String> = columns.iter().enumerate().map(|(k, (_, t))| format!("(r ->> {k})::{t}")).collect();
        let sql = format!(
            "{} SELECT {} FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS j(r, n) ORDER BY n {tail}",
            insert_into(table, columns),
            values.join(", ")
        );
        let rows = serde_json::to_string(rows).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(rows).fetch_all(&mut **tx).await
    }
}

impl InsertRows for Sqlite {
    /// Multi-row `VALUES` of up to 64 rows, every value bound. SQLite is in process: a
    /// statement costs no round trip, and reading the rows out of JSON cost it more than the
    /// statements it saved (survey submissions at 50 connections: 7,500–7,900/s against
    /// 9,500–10,100/s), as did chunks of four fixed shapes (more statements per batch).
    async fn insert_rows<T>(
        tx: &mut Transaction<'static, Self>,
        table: &str,
        columns: &[Column],
        tail: &str,
        rows: &[Value],
    ) -> Result<Vec<T>, sqlx::Error>
    where
        T: Send + Unpin + for<'r> sqlx::FromRow<'r, Self::Row>,
    {
        let into = insert_into(table, columns);
        let row = format!("({})", vec!["?"; columns.len()].join(", "));
        let mut out = Vec::new();
        for chunk in rows.chunks(64) {
            let sql = format!("{into} VALUES {} {tail}", vec![row.as_str(); chunk.len()].join(", "));
            let mut q = sqlx::query_as::<_, T>(sqlx::AssertSqlSafe(sql));
            for value in chunk.iter().flat_map(|r| r.as_array().map(Vec::as_slice).unwrap_or_default()) {
                q = match value {
                    Value::Null => q.bind(None::<i64>),
                    Value::Bool(b) => q.bind(*b),
                    Value::Number(n) => match n.as_i64() {
                        Some(i) => q.bind(i),
                        None => q.bind(n.as_f64()),
                    },
                    Value::String(s) => q.bind(s.as_str()),
                    other => q.bind(other.to_string()),
                };
            }
            out.extend(q.fetch_all(&mut **tx).await?);
        }
        Ok(out)
    }
}

/// An instant as a row value: the text sqlx itself stores on SQLite (so that comparisons
/// with bound instants stay right), which PostgreSQL reads as a `timestamptz`.
pub(crate) fn instant(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
}
