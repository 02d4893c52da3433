//! Many rows into one table in as few statements as each backend does best. A batch of
//! submissions stores its rows of each table together; each statement is a round trip, and
//! the batch writer, one at a time, sets the pace of durable submissions.
//!
//! A row is a struct declared with [`table_row!`]: each field is a column, named and typed
//! once beside its PostgreSQL type, and the column list, the JSON PostgreSQL reads and the
//! values SQLite binds all follow that one list, so a value cannot land in another column.

use chrono::{DateTime, Utc};
use sqlx::query::QueryAs;
use sqlx::{Postgres, Sqlite, Transaction};

/// A table's column and its PostgreSQL type, as a [`Row`] declares them.
pub(crate) type Column = (&'static str, &'static str);

/// One row of a table, its fields in the order of [`Row::COLUMNS`]. Serialised, it is the
/// JSON array of its values in that order, which PostgreSQL reads by position.
pub(crate) trait Row: serde::Serialize {
    /// The table the row goes into.
    const TABLE: &'static str;
    /// The columns, in the order the row's values are given.
    const COLUMNS: &'static [Column];
}

/// Binding a row's values, in column order, to a statement on backend `DB`.
pub(crate) trait Bind<DB: sqlx::Database> {
    /// Adds this row's values to the parameters of `q`.
    fn bind<'q, O>(&'q self, q: QueryAs<'q, DB, O, DB::Arguments>) -> QueryAs<'q, DB, O, DB::Arguments>;
}

/// Declares a row struct of a table: `struct Name<'a> in "table" { column: Type as "pg type", … }`.
/// The fields are named after the columns, so the column list, the JSON array PostgreSQL reads
/// and the values SQLite binds are all derived from this one list and cannot disagree.
macro_rules! table_row {
    // One backend's binding, written out for each: an impl for every backend would have to bind
    // each field for any statement lifetime, which an `Option` of a borrowed field cannot.
    (@bind $db:path, $name:ident $(<$lt:lifetime>)?, $($column:ident)+) => {
        impl $(<$lt>)? $crate::rows::Bind<$db> for $name $(<$lt>)? {
            fn bind<'q, O>(
                &'q self,
                q: sqlx::query::QueryAs<'q, $db, O, <$db as sqlx::Database>::Arguments>,
            ) -> sqlx::query::QueryAs<'q, $db, O, <$db as sqlx::Database>::Arguments> {
                q $(.bind(&self.$column))+
            }
        }
    };
    (
        $(#[$meta:meta])*
        struct $name:ident $(<$lt:lifetime>)? in $table:literal {
            $($column:ident: $ty:ty as $pg:literal,)+
        }
    ) => {
        $(#[$meta])*
        pub(crate) struct $name $(<$lt>)? {
            $(pub(crate) $column: $ty,)+
        }

        impl $(<$lt>)? $crate::rows::Row for $name $(<$lt>)? {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [$crate::rows::Column] = &[$((stringify!($column), $pg)),+];
        }

        impl $(<$lt>)? serde::Serialize for $name $(<$lt>)? {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeTuple;
                let mut row = serializer.serialize_tuple(<Self as $crate::rows::Row>::COLUMNS.len())?;
                $(row.serialize_element(&self.$column)?;)+
                row.end()
            }
        }

        $crate::rows::table_row!(@bind sqlx::Sqlite, $name $(<$lt>)?, $($column)+);
        $crate::rows::table_row!(@bind sqlx::Postgres, $name $(<$lt>)?, $($column)+);
    };
}
pub(crate) use table_row;

/// Inserting many rows of one table.
pub(crate) trait InsertRows: sqlx::Database {
    /// Inserts `rows`, then `tail` (an optional `ON CONFLICT …` and `RETURNING …`), and
    /// returns what `RETURNING` gives.
    async fn insert_rows<R, T>(
        tx: &mut Transaction<'static, Self>,
        tail: &str,
        rows: &[R],
    ) -> Result<Vec<T>, sqlx::Error>
    where
        R: Row + Bind<Self> + Sync,
        T: Send + Unpin + for<'r> sqlx::FromRow<'r, Self::Row>;
}

/// `INSERT INTO table (columns)` of row type `R`.
pub(crate) fn insert_into<R: Row>() -> String {
    let names: Vec<&str> = R::COLUMNS.iter().map(|(name, _)| *name).collect();
    format!("INSERT INTO {} ({})", R::TABLE, names.join(", "))
}

/// PostgreSQL's statement for any number of rows of `R`, given as one JSON array of arrays.
fn postgres_sql<R: Row>(tail: &str) -> String {
    let values: Vec<String> = R::COLUMNS.iter().enumerate().map(|(k, (_, t))| format!("(r ->> {k})::{t}")).collect();
    format!(
        "{} SELECT {} FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS j(r, n) ORDER BY n {tail}",
        insert_into::<R>(),
        values.join(", ")
    )
}

/// SQLite's statement for `rows` rows of `R`, every value a parameter of its own.
fn sqlite_sql<R: Row>(rows: usize, tail: &str) -> String {
    let row = format!("({})", vec!["?"; R::COLUMNS.len()].join(", "));
    format!("{} VALUES {} {tail}", insert_into::<R>(), vec![row.as_str(); rows].join(", "))
}

impl InsertRows for Postgres {
    /// One statement whatever the number of rows, its rows in one JSON parameter: over the
    /// network each statement costs a round trip, which chunks of fixed shapes multiplied.
    async fn insert_rows<R, T>(
        tx: &mut Transaction<'static, Self>,
        tail: &str,
        rows: &[R],
    ) -> Result<Vec<T>, sqlx::Error>
    where
        R: Row + Bind<Self> + Sync,
        T: Send + Unpin + for<'r> sqlx::FromRow<'r, Self::Row>,
    {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let rows = serde_json::to_string(rows).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        sqlx::query_as(sqlx::AssertSqlSafe(postgres_sql::<R>(tail))).bind(rows).fetch_all(&mut **tx).await
    }
}

impl InsertRows for Sqlite {
    /// Multi-row `VALUES` of up to 64 rows, every value bound. SQLite is in process: a
    /// statement costs no round trip, and reading the rows out of JSON cost it more than the
    /// statements it saved (see BENCHMARKS.md), as did chunks of four fixed shapes (more
    /// statements per batch).
    async fn insert_rows<R, T>(
        tx: &mut Transaction<'static, Self>,
        tail: &str,
        rows: &[R],
    ) -> Result<Vec<T>, sqlx::Error>
    where
        R: Row + Bind<Self> + Sync,
        T: Send + Unpin + for<'r> sqlx::FromRow<'r, Self::Row>,
    {
        let mut out = Vec::new();
        for chunk in rows.chunks(64) {
            let mut q = sqlx::query_as::<_, T>(sqlx::AssertSqlSafe(sqlite_sql::<R>(chunk.len(), tail)));
            for row in chunk {
                q = row.bind(q);
            }
            out.extend(q.fetch_all(&mut **tx).await?);
        }
        Ok(out)
    }
}

/// An instant as a row value. On SQLite it is the text sqlx itself stores for a
/// `DateTime<Utc>` (so that comparisons with bound instants stay right), in PostgreSQL's JSON
/// rows the same text, which it reads as a `timestamptz`; bound on PostgreSQL it is a
/// `timestamptz` as sqlx binds one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Instant(pub(crate) DateTime<Utc>);

impl Instant {
    /// The text SQLite stores and PostgreSQL's JSON rows carry.
    fn text(self) -> String {
        self.0.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
    }
}

impl serde::Serialize for Instant {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text())
    }
}

impl sqlx::Type<Sqlite> for Instant {
    fn type_info() -> sqlx::sqlite::SqliteTypeInfo {
        <String as sqlx::Type<Sqlite>>::type_info()
    }
}

impl sqlx::Encode<'_, Sqlite> for Instant {
    fn encode_by_ref(
        &self,
        buf: &mut sqlx::sqlite::SqliteArgumentsBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        sqlx::Encode::<Sqlite>::encode(self.text(), buf)
    }
}

impl sqlx::Type<Postgres> for Instant {
    fn type_info() -> sqlx::postgres::PgTypeInfo {
        <DateTime<Utc> as sqlx::Type<Postgres>>::type_info()
    }
}

impl sqlx::Encode<'_, Postgres> for Instant {
    fn encode_by_ref(
        &self,
        buf: &mut sqlx::postgres::PgArgumentBuffer,
    ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
        sqlx::Encode::<Postgres>::encode_by_ref(&self.0, buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    table_row! {
        /// A row of every kind of value the batches store.
        struct Sample<'a> in "samples" {
            id: i64 as "bigint",
            label: &'a str as "text",
            note: Option<&'a str> as "text",
            position: Option<i32> as "integer",
            num: Option<f64> as "double precision",
            at: Instant as "timestamptz",
        }
    }

    fn sample() -> Sample<'static> {
        use chrono::TimeZone;
        let at = Utc.with_ymd_and_hms(2025, 3, 1, 12, 30, 0).single().unwrap() + chrono::Duration::microseconds(250);
        Sample { id: 7, label: "a \"b\"", note: None, position: Some(3), num: Some(2.5), at: Instant(at) }
    }

    #[test]
    fn a_row_is_a_json_array_of_its_columns_values_in_order() {
        let json = serde_json::to_string(&[sample()]).unwrap();
        assert_eq!(json, r#"[[7,"a \"b\"",null,3,2.5,"2025-03-01T12:30:00.000250+00:00"]]"#);
    }

    #[tokio::test]
    async fn an_instant_binds_on_sqlite_as_the_text_sqlx_binds_for_the_same_instant() {
        use sqlx::Connection;
        let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:").await.unwrap();
        let at = sample().at;
        let (ours, sqlx_own): (String, String) =
            sqlx::query_as("SELECT ?, ?").bind(at).bind(at.0).fetch_one(&mut conn).await.unwrap();
        assert_eq!(ours, sqlx_own);
        assert_eq!(ours, "2025-03-01T12:30:00.000250+00:00");
    }

    #[test]
    fn each_backend_gets_its_own_statement_shape() {
        assert_eq!(
            postgres_sql::<Sample<'_>>("RETURNING id"),
            "INSERT INTO samples (id, label, note, position, num, at) SELECT (r ->> 0)::bigint, (r ->> 1)::text, \
             (r ->> 2)::text, (r ->> 3)::integer, (r ->> 4)::double precision, (r ->> 5)::timestamptz \
             FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS j(r, n) ORDER BY n RETURNING id"
        );
        assert_eq!(
            sqlite_sql::<Sample<'_>>(2, ""),
            "INSERT INTO samples (id, label, note, position, num, at) VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?) "
        );
    }
}
