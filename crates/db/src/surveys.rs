//! Surveys: the survey and its questions, responses with their answers, tallies kept up to
//! date by every submission, one-time codes, saved drafts.

use agora_domain::consultation::Status;
use agora_domain::survey::{Access, Layout, SurveyChannel, SurveyStatus, Visibility};
use agora_domain::visibility;
use std::collections::HashMap;

use crate::rows::{Bind, InsertRows, Instant, Row, table_row};
use agora_domain::survey::{Condition, Item, Question, QuestionInput, QuestionKind, Spec, Tally, Text};
use chrono::{DateTime, NaiveDate, Utc};
use futures_util::TryStreamExt;
use sqlx::Transaction;

use crate::audit::{AuditEntry, audit_in_tx};
use crate::{BeginWrite, Db, DbError, DbResult, now};

/// The tally question id that counts responses.
pub const RESPONSES: i64 = 0;
/// The tally item that counts people who answered a question.
pub const ANSWERED: &str = "*";

/// A survey as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Survey {
    pub id: i64,
    /// URL name.
    pub slug: String,
    /// The consultation it belongs to, if any.
    pub consultation_id: Option<i64>,
    /// Unit running it.
    pub unit_id: i64,
    /// Title in Polish.
    pub title_pl: String,
    /// Title in English.
    pub title_en: String,
    /// Introduction in Polish (Markdown).
    pub intro_pl: String,
    /// Introduction in English.
    pub intro_en: String,
    /// draft, open or closed.
    pub status: SurveyStatus,
    /// Who may answer (see `agora_domain::survey::Access`).
    pub access: Access,
    /// Layout (see `agora_domain::survey::Layout`).
    pub layout: Layout,
    /// Results visibility (see `agora_domain::survey::Visibility`).
    pub visibility: Visibility,
    /// When answering ends by itself.
    pub closes_at: Option<DateTime<Utc>>,
    /// Raised on every change to the questions.
    pub version: i32,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// The status of the consultation it belongs to, which decides whether the public sees it.
    pub consultation_status: Option<Status>,
}

impl Survey {
    /// Title in `lang`, falling back to Polish.
    pub fn title(&self, lang: &str) -> &str {
        if lang == "en" && !self.title_en.trim().is_empty() { &self.title_en } else { &self.title_pl }
    }

    /// Introduction in `lang`, falling back to Polish.
    pub fn intro(&self, lang: &str) -> &str {
        if lang == "en" && !self.intro_en.trim().is_empty() { &self.intro_en } else { &self.intro_pl }
    }

    /// Whether answers are accepted at `at`.
    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        self.status == SurveyStatus::Open && self.closes_at.is_none_or(|c| at < c)
    }

    /// Whether answering has ended.
    pub fn is_closed(&self, at: DateTime<Utc>) -> bool {
        self.status == SurveyStatus::Closed
            || (self.status == SurveyStatus::Open && self.closes_at.is_some_and(|c| at >= c))
    }

    /// The survey's form, as the visibility rule sees it.
    pub fn as_item(&self) -> visibility::Item {
        visibility::Item::Survey { status: self.status, unit: self.unit_id, consultation: self.consultation_status }
    }

    /// The survey's results at `at`, as the visibility rule sees them.
    pub fn results_item(&self, at: DateTime<Utc>) -> visibility::Item {
        visibility::Item::SurveyResults {
            status: self.status,
            unit: self.unit_id,
            consultation: self.consultation_status,
            visibility: self.visibility,
            closed: self.is_closed(at),
        }
    }
}

/// The settings of a survey an organiser edits.
#[derive(Debug, Clone)]
pub struct SurveyFields {
    /// URL name.
    pub slug: String,
    pub consultation_id: Option<i64>,
    pub unit_id: i64,
    pub title: Text,
    pub intro: Text,
    /// Access mode name.
    pub access: Access,
    /// Layout name.
    pub layout: Layout,
    /// Visibility name.
    pub visibility: Visibility,
    /// End of answering.
    pub closes_at: Option<DateTime<Utc>>,
}

const SURVEY_COLUMNS: &str = "id, slug, consultation_id, unit_id, title_pl, title_en, intro_pl, intro_en, status, access, layout, visibility, closes_at, version, updated_at, \
    (SELECT c.status FROM consultations c WHERE c.id = surveys.consultation_id) AS consultation_status";

/// Creates a draft survey.
pub async fn create(db: &Db, f: &SurveyFields, created_by: Option<i64>, entry: &AuditEntry) -> DbResult<i64> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO surveys (slug, consultation_id, unit_id, title_pl, title_en, intro_pl, intro_en, status, access, layout, visibility, closes_at, version, created_by_id, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $9, $10, $11, 1, $12, $13, $13) RETURNING id",
        )
        .bind(&f.slug).bind(f.consultation_id).bind(f.unit_id).bind(&f.title.pl).bind(&f.title.en).bind(&f.intro.pl).bind(&f.intro.en)
        .bind(f.access).bind(f.layout).bind(f.visibility).bind(f.closes_at).bind(created_by).bind(at)
        .fetch_one(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Saves the settings of a survey.
pub async fn update(db: &Db, id: i64, f: &SurveyFields, entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query(
            "UPDATE surveys SET slug = $1, consultation_id = $2, unit_id = $3, title_pl = $4, title_en = $5, intro_pl = $6, intro_en = $7, \
             access = $8, layout = $9, visibility = $10, closes_at = $11, updated_at = $12 WHERE id = $13",
        )
        .bind(&f.slug).bind(f.consultation_id).bind(f.unit_id).bind(&f.title.pl).bind(&f.title.en).bind(&f.intro.pl).bind(&f.intro.en)
        .bind(f.access).bind(f.layout).bind(f.visibility).bind(f.closes_at).bind(now()).bind(id)
        .execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(())
    })
}

/// Opens or closes a survey (or puts it back to draft).
pub async fn set_status(db: &Db, id: i64, status: SurveyStatus, entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("UPDATE surveys SET status = $1, updated_at = $2 WHERE id = $3").bind(status).bind(now()).bind(id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(id));
        tx.commit().await?;
        Ok(())
    })
}

/// The survey with `slug`.
pub async fn by_slug(db: &Db, slug: &str) -> DbResult<Option<Survey>> {
    let sql = format!("SELECT {SURVEY_COLUMNS} FROM surveys WHERE slug = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(slug).fetch_optional(p).await?))
}

/// The survey with `id`.
pub async fn by_id(db: &Db, id: i64) -> DbResult<Option<Survey>> {
    let sql = format!("SELECT {SURVEY_COLUMNS} FROM surveys WHERE id = $1");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(id).fetch_optional(p).await?))
}

/// Surveys of the given units (all when `units` is `None`), newest first.
pub async fn list(db: &Db, units: Option<&[i64]>) -> DbResult<Vec<Survey>> {
    let sql = format!("SELECT {SURVEY_COLUMNS} FROM surveys ORDER BY id DESC");
    let all: Vec<Survey> = on!(db, p => sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).fetch_all(p).await?);
    Ok(match units {
        None => all,
        Some(u) => all.into_iter().filter(|s| u.contains(&s.unit_id)).collect(),
    })
}

/// Surveys not tied to a consultation that are not drafts, for the public list: open ones
/// first, closing soonest first, then closed ones, latest first.
pub async fn standalone(db: &Db) -> DbResult<Vec<Survey>> {
    let sql = format!(
        "SELECT {SURVEY_COLUMNS} FROM surveys WHERE consultation_id IS NULL AND status <> 'draft' \
         ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, closes_at IS NULL, closes_at, id DESC"
    );
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).fetch_all(p).await?))
}

/// Surveys of a consultation that are not drafts.
pub async fn for_consultation(db: &Db, consultation_id: i64) -> DbResult<Vec<Survey>> {
    let sql =
        format!("SELECT {SURVEY_COLUMNS} FROM surveys WHERE consultation_id = $1 AND status <> 'draft' ORDER BY id");
    on!(db, p => Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(consultation_id).fetch_all(p).await?))
}

/// Whether a slug is taken by another survey.
pub async fn slug_taken(db: &Db, slug: &str, except: Option<i64>) -> DbResult<bool> {
    let n: i64 = on!(db, p => sqlx::query_scalar("SELECT COUNT(*) FROM surveys WHERE slug = $1 AND id <> $2").bind(slug).bind(except.unwrap_or(0)).fetch_one(p).await?);
    Ok(n > 0)
}

// ---- questions ----

#[derive(sqlx::FromRow)]
struct QuestionRow {
    id: i64,
    position: i32,
    page: i32,
    kind: String,
    required: bool,
    profile: bool,
    text_pl: String,
    text_en: String,
    help_pl: String,
    help_en: String,
    spec: String,
    show_if_question: Option<i64>,
    show_if_value: Option<String>,
    revision: i32,
}

impl QuestionRow {
    fn into_question(self) -> Option<Question> {
        Some(Question {
            id: self.id,
            kind: QuestionKind::parse(&self.kind)?,
            required: self.required,
            profile: self.profile,
            page: self.page,
            position: self.position,
            text: Text { pl: self.text_pl, en: self.text_en },
            help: Text { pl: self.help_pl, en: self.help_en },
            spec: serde_json::from_str::<Spec>(&self.spec).unwrap_or_default(),
            show_if: match (self.show_if_question, self.show_if_value) {
                (Some(question), Some(value)) => Some(Condition { question, value }),
                _ => None,
            },
            revision: self.revision,
        })
    }
}

/// The questions of a survey in order.
pub async fn questions(db: &Db, survey_id: i64) -> DbResult<Vec<Question>> {
    let rows: Vec<QuestionRow> = on!(db, p => sqlx::query_as(
        "SELECT id, position, page, kind, required, profile, text_pl, text_en, help_pl, help_en, spec, show_if_question, show_if_value, revision \
         FROM survey_questions WHERE survey_id = $1 ORDER BY position, id",
    ).bind(survey_id).fetch_all(p).await?);
    Ok(rows.into_iter().filter_map(QuestionRow::into_question).collect())
}

fn spec_json(spec: &Spec) -> String {
    serde_json::to_string(spec).unwrap_or_else(|_| "{}".into())
}

/// Adds a question at the end; the survey's version goes up.
pub async fn add_question(db: &Db, survey_id: i64, q: &QuestionInput, entry: &AuditEntry) -> DbResult<i64> {
    let spec = spec_json(&q.spec);
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO survey_questions (survey_id, position, page, kind, required, profile, text_pl, text_en, help_pl, help_en, spec, show_if_question, show_if_value, revision) \
             VALUES ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM survey_questions WHERE survey_id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1) RETURNING id",
        )
        .bind(survey_id).bind(q.page).bind(q.kind.as_str()).bind(q.required).bind(q.profile).bind(&q.text.pl).bind(&q.text.en)
        .bind(&q.help.pl).bind(&q.help.en).bind(&spec).bind(q.show_if.as_ref().map(|c| c.question)).bind(q.show_if.as_ref().map(|c| c.value.clone()))
        .fetch_one(&mut *tx).await?;
        sqlx::query("UPDATE surveys SET version = version + 1, updated_at = $1 WHERE id = $2").bind(now()).bind(survey_id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(survey_id));
        tx.commit().await?;
        Ok(id)
    })
}

/// Replaces a question's content; its revision and the survey's version go up.
pub async fn update_question(
    db: &Db,
    survey_id: i64,
    question_id: i64,
    q: &QuestionInput,
    entry: &AuditEntry,
) -> DbResult<()> {
    let spec = spec_json(&q.spec);
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query(
            "UPDATE survey_questions SET page = $1, kind = $2, required = $3, profile = $4, text_pl = $5, text_en = $6, help_pl = $7, help_en = $8, \
             spec = $9, show_if_question = $10, show_if_value = $11, revision = revision + 1 WHERE id = $12 AND survey_id = $13",
        )
        .bind(q.page).bind(q.kind.as_str()).bind(q.required).bind(q.profile).bind(&q.text.pl).bind(&q.text.en).bind(&q.help.pl).bind(&q.help.en)
        .bind(&spec).bind(q.show_if.as_ref().map(|c| c.question)).bind(q.show_if.as_ref().map(|c| c.value.clone())).bind(question_id).bind(survey_id)
        .execute(&mut *tx).await?;
        sqlx::query("UPDATE surveys SET version = version + 1, updated_at = $1 WHERE id = $2").bind(now()).bind(survey_id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(survey_id));
        tx.commit().await?;
        Ok(())
    })
}

/// Removes a question (and conditions that pointed at it).
pub async fn remove_question(db: &Db, survey_id: i64, question_id: i64, entry: &AuditEntry) -> DbResult<()> {
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        sqlx::query("UPDATE survey_questions SET show_if_question = NULL, show_if_value = NULL, revision = revision + 1 WHERE survey_id = $1 AND show_if_question = $2")
            .bind(survey_id).bind(question_id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM survey_questions WHERE id = $1 AND survey_id = $2").bind(question_id).bind(survey_id).execute(&mut *tx).await?;
        sqlx::query("UPDATE surveys SET version = version + 1, updated_at = $1 WHERE id = $2").bind(now()).bind(survey_id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(survey_id));
        tx.commit().await?;
        Ok(())
    })
}

/// Swaps a question with its neighbour above (`up`) or below.
pub async fn move_question(db: &Db, survey_id: i64, question_id: i64, up: bool, entry: &AuditEntry) -> DbResult<()> {
    let qs = questions(db, survey_id).await?;
    let Some(i) = qs.iter().position(|q| q.id == question_id) else { return Ok(()) };
    let j = if up { i.checked_sub(1) } else { Some(i + 1).filter(|j| *j < qs.len()) };
    let Some(j) = j else { return Ok(()) };
    // Positions are rewritten as 1..n so that equal positions left by older edits can't stall a move.
    let mut order: Vec<i64> = qs.iter().map(|q| q.id).collect();
    order.swap(i, j);
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        for (pos, id) in order.iter().enumerate() {
            sqlx::query("UPDATE survey_questions SET position = $1 WHERE id = $2").bind(pos as i32 + 1).bind(id).execute(&mut *tx).await?;
        }
        sqlx::query("UPDATE surveys SET version = version + 1, updated_at = $1 WHERE id = $2").bind(now()).bind(survey_id).execute(&mut *tx).await?;
        audit_in_tx!(tx, entry, Some(survey_id));
        tx.commit().await?;
        Ok(())
    })
}

/// Copies a survey and its questions as a new draft; conditions point at the copies.
pub async fn duplicate(
    db: &Db,
    id: i64,
    slug: &str,
    title_suffix: &str,
    created_by: Option<i64>,
    entry: &AuditEntry,
) -> DbResult<Option<i64>> {
    let Some(s) = by_id(db, id).await? else { return Ok(None) };
    let qs = questions(db, id).await?;
    let fields = SurveyFields {
        slug: slug.to_owned(),
        consultation_id: s.consultation_id,
        unit_id: s.unit_id,
        title: Text {
            pl: format!("{} {title_suffix}", s.title_pl),
            en: if s.title_en.is_empty() { String::new() } else { format!("{} {title_suffix}", s.title_en) },
        },
        intro: Text { pl: s.intro_pl.clone(), en: s.intro_en.clone() },
        access: s.access,
        layout: s.layout,
        visibility: s.visibility,
        closes_at: None,
    };
    let new_id = create(db, &fields, created_by, entry).await?;
    let mut ids: HashMap<i64, i64> = HashMap::new();
    for q in qs {
        let input = QuestionInput {
            kind: q.kind,
            required: q.required,
            profile: q.profile,
            page: q.page,
            text: q.text,
            help: q.help,
            spec: q.spec,
            show_if: q.show_if.and_then(|c| ids.get(&c.question).map(|n| Condition { question: *n, value: c.value })),
        };
        let nid = add_question(db, new_id, &input, entry).await?;
        ids.insert(q.id, nid);
    }
    Ok(Some(new_id))
}

// ---- responses ----

/// A response ready to store.
#[derive(Debug, Clone)]
pub struct NewResponse {
    pub survey_id: i64,
    /// Channel name.
    pub channel: SurveyChannel,
    /// Guard against the same form sent twice.
    pub form_key: String,
    /// The respondent's account (online, signed in).
    pub user_id: Option<i64>,
    /// A one-time code given.
    pub code: Option<String>,
    /// Interviewer (street poll) or the person keying in paper.
    pub interviewer: Option<String>,
    /// Where it was collected.
    pub place: Option<String>,
    /// When it was collected (paper, street poll) or submitted.
    pub collected_at: DateTime<Utc>,
    /// The local day it counts for in the results.
    pub day: NaiveDate,
    /// Staff member who keyed it in.
    pub entered_by: Option<i64>,
    /// Survey version the person answered.
    pub version: i32,
    /// Answers: (question id, stored rows).
    pub items: Vec<(i64, Vec<Item>)>,
}

/// What happened to one submitted response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Stored with this id.
    Stored(i64),
    /// The same form was already stored (a double click).
    Duplicate,
    /// This account already answered.
    AlreadyAnswered,
    /// The one-time code is unknown or used.
    CodeRejected,
}

table_row! {
    /// A response as stored, by both of its inserts: the batch's and a checked response's own.
    struct ResponseInsert<'a> in "survey_responses" {
        survey_id: i64 as "bigint",
        channel: &'a str as "text",
        form_key: &'a str as "text",
        user_id: Option<i64> as "bigint",
        code_id: Option<i64> as "bigint",
        interviewer: Option<&'a str> as "text",
        place: Option<&'a str> as "text",
        collected_at: Instant as "timestamptz",
        submitted_at: Instant as "timestamptz",
        entered_by_id: Option<i64> as "bigint",
        survey_version: i32 as "integer",
    }
}

table_row! {
    /// One stored row of a response's answer to a question.
    struct AnswerInsert<'a> in "survey_answers" {
        response_id: i64 as "bigint",
        question_id: i64 as "bigint",
        item: &'a str as "text",
        num: Option<f64> as "double precision",
        text: Option<&'a str> as "text",
    }
}

table_row! {
    /// What a batch adds to one tally; added to the stored one when it exists.
    struct TallyInsert in "survey_tallies" {
        survey_id: i64 as "bigint",
        question_id: i64 as "bigint",
        item: String as "text",
        channel: &'static str as "text",
        day: String as "text",
        n: i64 as "bigint",
        total: f64 as "double precision",
    }
}

impl<'a> ResponseInsert<'a> {
    /// The row of response `r`, submitted `at`, with the one-time code it used.
    fn of(r: &'a NewResponse, code_id: Option<i64>, at: DateTime<Utc>) -> Self {
        ResponseInsert {
            survey_id: r.survey_id,
            channel: r.channel.as_str(),
            form_key: &r.form_key,
            user_id: r.user_id,
            code_id,
            interviewer: r.interviewer.as_deref(),
            place: r.place.as_deref(),
            collected_at: Instant(r.collected_at),
            submitted_at: Instant(at),
            entered_by_id: r.entered_by,
            survey_version: r.version,
        }
    }
}

/// Stores a batch of responses in one transaction, each with its answers and the tallies;
/// one commit for many responses is what lets a busy survey keep up with durable writes.
pub async fn submit_batch(db: &Db, batch: &[NewResponse]) -> DbResult<Vec<Outcome>> {
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        // The plain responses together (see `crate::rows`); a form key already stored, or
        // repeated in the batch, inserts nothing the second time.
        let plain = plain_rows(batch, at);
        let stored: Vec<(i64, i64, String)> = InsertRows::insert_rows(&mut tx, PLAIN_TAIL, &plain).await?;
        let mut outcomes = plain_outcomes(batch, stored);
        for (i, r) in batch.iter().enumerate().filter(|(_, r)| !is_plain(r)) {
            outcomes[i] = Some(store_checked(&mut tx, r, at).await?);
        }
        // The answers and tallies of the whole batch together.
        InsertRows::insert_rows::<_, ()>(&mut tx, "", &answer_rows(batch, &outcomes)).await?;
        InsertRows::insert_rows::<_, ()>(&mut tx, TALLY_TAIL, &tally_rows(batch, &outcomes)).await?;
        tx.commit().await?;
        // Every response got its outcome above.
        outcomes.into_iter().map(|o| o.ok_or_else(|| DbError::Conflict("survey response".into()))).collect()
    })
}

/// Whether a response has neither a one-time code nor an account, and so needs no check of
/// its own before it is stored.
fn is_plain(r: &NewResponse) -> bool {
    r.code.is_none() && r.user_id.is_none()
}

/// What the plain responses' insert does with a form key stored before, and returns.
const PLAIN_TAIL: &str = "ON CONFLICT (survey_id, form_key) DO NOTHING RETURNING id, survey_id, form_key";

/// The plain responses' rows, submitted `at`.
fn plain_rows(batch: &[NewResponse], at: DateTime<Utc>) -> Vec<ResponseInsert<'_>> {
    batch.iter().filter(|r| is_plain(r)).map(|r| ResponseInsert::of(r, None, at)).collect()
}

/// The plain responses' outcomes from what their insert returned, (id, survey, form key) for
/// each row it stored; the other responses' are left to be decided. The first response of a
/// form key the insert stored is that row; any other, or one whose key it did not store
/// (stored before), is a duplicate.
fn plain_outcomes(batch: &[NewResponse], stored: Vec<(i64, i64, String)>) -> Vec<Option<Outcome>> {
    let mut inserted: HashMap<(i64, &str), i64> = HashMap::new();
    for (id, survey, key) in stored {
        if let Some(r) = batch.iter().find(|r| is_plain(r) && r.survey_id == survey && r.form_key == key) {
            inserted.insert((survey, r.form_key.as_str()), id);
        }
    }
    batch
        .iter()
        .map(|r| {
            is_plain(r).then(|| match inserted.remove(&(r.survey_id, r.form_key.as_str())) {
                Some(id) => Outcome::Stored(id),
                None => Outcome::Duplicate,
            })
        })
        .collect()
}

/// Stores a response with a one-time code or from an account, on its own: whether it may be
/// stored depends on the responses stored before it, in this batch too. Its code is used up
/// only if it is stored, and an account answers once.
async fn store_checked<'b, DB>(
    tx: &mut Transaction<'static, DB>,
    r: &'b NewResponse,
    at: DateTime<Utc>,
) -> Result<Outcome, sqlx::Error>
where
    DB: sqlx::Database,
    for<'c> &'c mut DB::Connection: sqlx::Executor<'c, Database = DB>,
    DB::Arguments: sqlx::IntoArguments<DB>,
    DateTime<Utc>: for<'q> sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    i64: for<'q> sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    &'b str: for<'q> sqlx::Encode<'q, DB> + sqlx::Type<DB>,
    (i64,): for<'r> sqlx::FromRow<'r, DB::Row>,
    ResponseInsert<'b>: Bind<DB>,
{
    let code_id: Option<i64> = match &r.code {
        Some(code) => {
            let id: Option<i64> = sqlx::query_scalar(
                "UPDATE survey_codes SET used_at = $1 WHERE survey_id = $2 AND code = $3 AND used_at IS NULL RETURNING id",
            )
            .bind(at)
            .bind(r.survey_id)
            .bind(code.as_str())
            .fetch_optional(&mut **tx)
            .await?;
            if id.is_none() {
                return Ok(Outcome::CodeRejected);
            }
            id
        }
        None => None,
    };
    let answered: Option<i64> = match r.user_id {
        Some(user) => {
            sqlx::query_scalar("SELECT id FROM survey_responses WHERE survey_id = $1 AND user_id = $2")
                .bind(r.survey_id)
                .bind(user)
                .fetch_optional(&mut **tx)
                .await?
        }
        None => None,
    };
    let outcome = if answered.is_some() {
        Outcome::AlreadyAnswered
    } else {
        // Only the form key may collide quietly (a double click); any other conflict is an
        // error, never a response acknowledged but not stored.
        let sql = format!(
            "{} VALUES ({}) ON CONFLICT (survey_id, form_key) DO NOTHING RETURNING id",
            crate::rows::insert_into::<ResponseInsert<'_>>(),
            crate::Marks::Numbered.list(1, ResponseInsert::COLUMNS.len())
        );
        let row = ResponseInsert::of(r, code_id, at);
        let id: Option<(i64,)> = row.bind(sqlx::query_as(sqlx::AssertSqlSafe(sql))).fetch_optional(&mut **tx).await?;
        id.map_or(Outcome::Duplicate, |(id,)| Outcome::Stored(id))
    };
    // A code is given back when its response is not stored, so that it can be used again.
    if let Some(c) = code_id
        && !matches!(outcome, Outcome::Stored(_))
    {
        sqlx::query("UPDATE survey_codes SET used_at = NULL WHERE id = $1").bind(c).execute(&mut **tx).await?;
    }
    Ok(outcome)
}

/// The responses stored by this batch, with their ids.
fn stored<'b>(batch: &'b [NewResponse], outcomes: &[Option<Outcome>]) -> impl Iterator<Item = (i64, &'b NewResponse)> {
    batch.iter().zip(outcomes).filter_map(|(r, o)| match o {
        Some(Outcome::Stored(id)) => Some((*id, r)),
        _ => None,
    })
}

/// The answer rows of the responses this batch stored.
fn answer_rows<'b>(batch: &'b [NewResponse], outcomes: &[Option<Outcome>]) -> Vec<AnswerInsert<'b>> {
    stored(batch, outcomes)
        .flat_map(|(id, r)| {
            r.items.iter().flat_map(move |(q, items)| {
                items.iter().map(move |i| AnswerInsert {
                    response_id: id,
                    question_id: *q,
                    item: &i.item,
                    num: i.num,
                    text: i.text.as_deref(),
                })
            })
        })
        .collect()
}

/// A tally's survey, question, item, channel and day.
type TallyKey = (i64, i64, String, SurveyChannel, String);

/// What adds a batch's counts to the tallies already stored.
const TALLY_TAIL: &str = "ON CONFLICT (survey_id, question_id, item, channel, day) \
    DO UPDATE SET n = survey_tallies.n + excluded.n, total = survey_tallies.total + excluded.total";

/// What the responses this batch stored add to the tallies, one row per tally: each response
/// counts once under [`RESPONSES`], once as answering each question it answered, and once for
/// each item it chose, with the item's number added to its total.
fn tally_rows(batch: &[NewResponse], outcomes: &[Option<Outcome>]) -> Vec<TallyInsert> {
    let mut tallies: HashMap<TallyKey, (i64, f64)> = HashMap::new();
    for (_, r) in stored(batch, outcomes) {
        let day = r.day.format("%Y-%m-%d").to_string();
        let mut bump = |q: i64, item: &str, total: f64| {
            let e = tallies.entry((r.survey_id, q, item.to_owned(), r.channel, day.clone())).or_insert((0, 0.0));
            e.0 += 1;
            e.1 += total;
        };
        bump(RESPONSES, ANSWERED, 0.0);
        for (q, items) in &r.items {
            bump(*q, ANSWERED, 0.0);
            for i in items.iter().filter(|i| !i.item.is_empty()) {
                bump(*q, &i.item, i.num.unwrap_or(0.0));
            }
        }
    }
    tallies
        .into_iter()
        .map(|((survey_id, question_id, item, channel, day), (n, total))| TallyInsert {
            survey_id,
            question_id,
            item,
            channel: channel.as_str(),
            day,
            n,
            total,
        })
        .collect()
}

/// Filters on responses for results and exports.
#[derive(Debug, Clone, Default)]
pub struct ResponseFilter {
    /// Only this channel.
    pub channel: Option<SurveyChannel>,
    /// From this local day (tallies are kept per local day).
    pub from: Option<NaiveDate>,
    /// To this local day, inclusive.
    pub to: Option<NaiveDate>,
    /// The instant the first day starts, for filtering stored responses.
    pub from_at: Option<DateTime<Utc>>,
    /// The instant after the last day ends.
    pub to_at: Option<DateTime<Utc>>,
}

/// Tallies of a survey by (question id, item), summed over the filter's channels and days.
pub async fn tallies(db: &Db, survey_id: i64, f: &ResponseFilter) -> DbResult<HashMap<i64, Vec<Tally>>> {
    let from = f.from.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "0000-00-00".into());
    let to = f.to.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "9999-99-99".into());
    let channel = f.channel.map_or("", SurveyChannel::as_str);
    let sql = "SELECT question_id, item, CAST(SUM(n) AS BIGINT), CAST(SUM(total) AS DOUBLE PRECISION) FROM survey_tallies \
               WHERE survey_id = $1 AND ($2 = '' OR channel = $2) AND day >= $3 AND day <= $4 GROUP BY question_id, item";
    let sqlite_sql = sql.replace("DOUBLE PRECISION", "REAL");
    let rows: Vec<(i64, String, i64, f64)> = match db {
        Db::Sqlite(p) => {
            sqlx::query_as(sqlx::AssertSqlSafe(sqlite_sql.clone()))
                .bind(survey_id)
                .bind(channel)
                .bind(&from)
                .bind(&to)
                .fetch_all(p)
                .await?
        }
        Db::Postgres(p) => {
            sqlx::query_as(sqlx::AssertSqlSafe(sql))
                .bind(survey_id)
                .bind(channel)
                .bind(&from)
                .bind(&to)
                .fetch_all(p)
                .await?
        }
    };
    let mut out: HashMap<i64, Vec<Tally>> = HashMap::new();
    for (q, item, n, total) in rows {
        out.entry(q).or_default().push(Tally { item, n, total });
    }
    Ok(out)
}

/// Responses of every survey, by survey id (from the tallies, one query).
pub async fn response_counts(db: &Db) -> DbResult<HashMap<i64, i64>> {
    let rows: Vec<(i64, i64)> = on!(db, p => sqlx::query_as(
        "SELECT survey_id, CAST(SUM(n) AS BIGINT) FROM survey_tallies WHERE question_id = 0 GROUP BY survey_id",
    ).fetch_all(p).await?);
    Ok(rows.into_iter().collect())
}

/// Responses per channel (unfiltered).
pub async fn channel_counts(db: &Db, survey_id: i64) -> DbResult<Vec<(String, i64)>> {
    on!(db, p => Ok(sqlx::query_as(
        "SELECT channel, CAST(SUM(n) AS BIGINT) FROM survey_tallies WHERE survey_id = $1 AND question_id = 0 GROUP BY channel ORDER BY channel",
    ).bind(survey_id).fetch_all(p).await?))
}

/// The filter as SQL on `r` (survey_responses) with its three binds starting at `$first`.
fn filter_sql(f: &ResponseFilter, first: usize) -> (String, (String, DateTime<Utc>, DateTime<Utc>)) {
    let sql = format!(
        " AND (${a} = '' OR r.channel = ${a}) AND r.collected_at >= ${b} AND r.collected_at < ${c}",
        a = first,
        b = first + 1,
        c = first + 2
    );
    // Bounds both backends store and compare alike (SQLite compares the text).
    use chrono::TimeZone;
    let lo = f.from_at.unwrap_or_else(|| Utc.with_ymd_and_hms(1900, 1, 1, 0, 0, 0).single().unwrap_or_default());
    let hi = f.to_at.unwrap_or_else(|| Utc.with_ymd_and_hms(9999, 1, 1, 0, 0, 0).single().unwrap_or_default());
    (sql, (f.channel.map_or("", SurveyChannel::as_str).to_owned(), lo, hi))
}

/// A page of text answers to a question, newest first, optionally containing `search`, with
/// their total when `count` is set.
pub async fn texts(
    db: &Db,
    question_id: i64,
    search: &str,
    f: &ResponseFilter,
    offset: i64,
    limit: i64,
    count: bool,
) -> DbResult<(Vec<(i64, String)>, i64)> {
    let pattern = format!("%{}%", search.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
    let (extra, binds) = filter_sql(f, 3);
    let where_ = format!("a.question_id = $1 AND a.text IS NOT NULL AND LOWER(a.text) LIKE $2 ESCAPE '\\'{extra}");
    let list_sql = format!(
        "SELECT a.response_id, a.text FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE {where_} ORDER BY a.response_id DESC LIMIT {limit} OFFSET {offset}"
    );
    let count_sql =
        format!("SELECT COUNT(*) FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE {where_}");
    on!(db, p => {
        let mut q = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(list_sql.clone())).bind(question_id).bind(&pattern);
        let mut c = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(count_sql.clone())).bind(question_id).bind(&pattern);
        q = q.bind(&binds.0).bind(binds.1).bind(binds.2);
        c = c.bind(&binds.0).bind(binds.1).bind(binds.2);
        let rows = q.fetch_all(p).await?;
        // The results page shows the latest few and needs no total: counting every text answer
        // of a large survey would cost more than the rest of the page.
        let total = if count { c.fetch_one(p).await? } else { rows.len() as i64 };
        Ok((rows, total))
    })
}

/// Cross-tab of a question by a profile question: (item, profile item, people).
pub async fn crosstab(
    db: &Db,
    question_id: i64,
    profile_id: i64,
    f: &ResponseFilter,
) -> DbResult<Vec<(String, String, i64)>> {
    let (extra, binds) = filter_sql(f, 3);
    let sql = format!(
        "SELECT a.item, b.item, COUNT(*) FROM survey_answers a \
         JOIN survey_answers b ON b.response_id = a.response_id AND b.question_id = $2 \
         JOIN survey_responses r ON r.id = a.response_id \
         WHERE a.question_id = $1 AND a.item <> ''{extra} GROUP BY a.item, b.item"
    );
    on!(db, p => {
        let mut q = sqlx::query_as::<_, (String, String, i64)>(sqlx::AssertSqlSafe(sql.clone())).bind(question_id).bind(profile_id);
        q = q.bind(&binds.0).bind(binds.1).bind(binds.2);
        Ok(q.fetch_all(p).await?)
    })
}

/// A stored response's own fields, as exports list them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ResponseRow {
    pub id: i64,
    pub channel: SurveyChannel,
    pub collected_at: DateTime<Utc>,
    pub interviewer: Option<String>,
    pub place: Option<String>,
}

#[derive(sqlx::FromRow)]
struct FlatRow {
    id: i64,
    channel: SurveyChannel,
    collected_at: DateTime<Utc>,
    interviewer: Option<String>,
    place: Option<String>,
    question_id: Option<i64>,
    item: Option<String>,
    num: Option<f64>,
    text: Option<String>,
}

/// Calls `each` for every response in id order with its answers, reading rows as a stream
/// so that memory stays flat however many responses there are. `each` returns false to stop.
pub async fn for_each_response<F, Fut>(db: &Db, survey_id: i64, f: &ResponseFilter, mut each: F) -> DbResult<()>
where
    F: FnMut(ResponseRow, HashMap<i64, Vec<Item>>) -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let (extra, binds) = filter_sql(f, 2);
    let sql = format!(
        "SELECT r.id, r.channel, r.collected_at, r.interviewer, r.place, a.question_id, a.item, a.num, a.text \
         FROM survey_responses r LEFT JOIN survey_answers a ON a.response_id = r.id \
         WHERE r.survey_id = $1{extra} ORDER BY r.id"
    );
    let mut current: Option<(ResponseRow, HashMap<i64, Vec<Item>>)> = None;
    macro_rules! stream_rows {
        ($conn:expr) => {{
            let mut rows = sqlx::query_as::<_, FlatRow>(sqlx::AssertSqlSafe(sql.clone()))
                .bind(survey_id)
                .bind(&binds.0)
                .bind(binds.1)
                .bind(binds.2)
                .fetch($conn);
            let mut stopped = false;
            while let Some(row) = rows.try_next().await? {
                if current.as_ref().is_some_and(|(r, _)| r.id != row.id)
                    && let Some((r, a)) = current.take()
                    && !each(r, a).await
                {
                    stopped = true;
                    break;
                }
                let entry = current.get_or_insert_with(|| {
                    (
                        ResponseRow {
                            id: row.id,
                            channel: row.channel,
                            collected_at: row.collected_at,
                            interviewer: row.interviewer,
                            place: row.place,
                        },
                        HashMap::new(),
                    )
                });
                if let (Some(q), Some(item)) = (row.question_id, row.item) {
                    entry.1.entry(q).or_default().push(Item { item, num: row.num, text: row.text });
                }
            }
            stopped
        }};
    }
    let stopped = match db {
        Db::Sqlite(p) => {
            // A whole-survey read would otherwise pull the database file into this process's
            // memory map; an export reads through the page cache instead, so its memory stays
            // flat however large the survey is.
            let mut conn = p.acquire().await?;
            sqlx::query("PRAGMA mmap_size = 0").execute(&mut *conn).await?;
            let result: DbResult<bool> = async { Ok(stream_rows!(&mut *conn)) }.await;
            sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA mmap_size = {}", crate::SQLITE_MMAP_BYTES)))
                .execute(&mut *conn)
                .await?;
            result?
        }
        Db::Postgres(p) => stream_rows!(p),
    };
    if !stopped && let Some((r, a)) = current.take() {
        each(r, a).await;
    }
    Ok(())
}

/// The answers of the respondent's stored response to a survey, if any.
pub async fn response_of_user(db: &Db, survey_id: i64, user_id: i64) -> DbResult<Option<i64>> {
    on!(db, p => Ok(sqlx::query_scalar("SELECT id FROM survey_responses WHERE survey_id = $1 AND user_id = $2").bind(survey_id).bind(user_id).fetch_optional(p).await?))
}

/// The response stored for a form key, if any.
pub async fn response_by_form_key(db: &Db, survey_id: i64, form_key: &str) -> DbResult<Option<i64>> {
    on!(db, p => Ok(sqlx::query_scalar("SELECT id FROM survey_responses WHERE survey_id = $1 AND form_key = $2").bind(survey_id).bind(form_key).fetch_optional(p).await?))
}

// ---- codes ----

/// Makes `n` new one-time codes and returns them.
pub async fn generate_codes(db: &Db, survey_id: i64, n: usize, entry: &AuditEntry) -> DbResult<Vec<String>> {
    use rand::Rng;
    // No 0/O or 1/I/L: codes are read off paper and typed in.
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    let codes: Vec<String> = {
        let mut rng = rand::rng();
        (0..n).map(|_| (0..8).map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char).collect()).collect()
    };
    let at = now();
    on!(db, p => {
        let mut tx = p.begin_write().await?;
        for c in &codes {
            sqlx::query("INSERT INTO survey_codes (survey_id, code, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
                .bind(survey_id).bind(c).bind(at).execute(&mut *tx).await?;
        }
        audit_in_tx!(tx, entry, Some(survey_id));
        tx.commit().await?;
    });
    Ok(codes)
}

/// Every code of a survey with whether it was used: (code, used).
pub async fn codes(db: &Db, survey_id: i64) -> DbResult<Vec<(String, bool)>> {
    on!(db, p => Ok(sqlx::query_as("SELECT code, used_at IS NOT NULL FROM survey_codes WHERE survey_id = $1 ORDER BY id").bind(survey_id).fetch_all(p).await?))
}

/// Whether a code exists and is unused.
pub async fn code_usable(db: &Db, survey_id: i64, code: &str) -> DbResult<bool> {
    let n: i64 = on!(db, p => sqlx::query_scalar("SELECT COUNT(*) FROM survey_codes WHERE survey_id = $1 AND code = $2 AND used_at IS NULL").bind(survey_id).bind(code).fetch_one(p).await?);
    Ok(n > 0)
}

// ---- drafts ----

/// Saves a signed-in respondent's unfinished answers (form pairs as JSON) and screen.
pub async fn save_draft(
    db: &Db,
    survey_id: i64,
    user_id: i64,
    pairs: &[(String, String)],
    screen: i32,
) -> DbResult<()> {
    let json = serde_json::to_string(pairs).unwrap_or_else(|_| "[]".into());
    exec!(db, p => sqlx::query(
        "INSERT INTO survey_drafts (survey_id, user_id, answers, screen, updated_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (survey_id, user_id) DO UPDATE SET answers = excluded.answers, screen = excluded.screen, updated_at = excluded.updated_at",
    ).bind(survey_id).bind(user_id).bind(&json).bind(screen).bind(now()).execute(p).await?);
    Ok(())
}

/// A saved draft: (form pairs, screen).
pub async fn draft(db: &Db, survey_id: i64, user_id: i64) -> DbResult<Option<(Vec<(String, String)>, i32)>> {
    let row: Option<(String, i32)> = on!(db, p => sqlx::query_as("SELECT answers, screen FROM survey_drafts WHERE survey_id = $1 AND user_id = $2")
        .bind(survey_id).bind(user_id).fetch_optional(p).await?);
    Ok(row.map(|(a, s)| (serde_json::from_str(&a).unwrap_or_default(), s)))
}

/// Forgets a draft once the response is stored.
pub async fn delete_draft(db: &Db, survey_id: i64, user_id: i64) -> DbResult<()> {
    exec!(db, p => sqlx::query("DELETE FROM survey_drafts WHERE survey_id = $1 AND user_id = $2").bind(survey_id).bind(user_id).execute(p).await?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(survey_id: i64, key: &str, items: Vec<(i64, Vec<Item>)>) -> NewResponse {
        NewResponse {
            survey_id,
            channel: SurveyChannel::Online,
            form_key: key.into(),
            user_id: None,
            code: None,
            interviewer: None,
            place: None,
            collected_at: now(),
            day: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
            entered_by: None,
            version: 1,
            items,
        }
    }

    fn item(item: &str, num: Option<f64>, text: Option<&str>) -> Item {
        Item { item: item.into(), num, text: text.map(Into::into) }
    }

    #[test]
    fn the_first_plain_response_of_a_stored_form_key_is_stored_and_the_rest_are_repeats() {
        let coded = NewResponse { code: Some("ABCD2345".into()), ..response(1, "c", vec![]) };
        let batch = [
            response(1, "a", vec![]),
            response(1, "b", vec![]),
            response(1, "a", vec![]),
            coded,
            response(1, "d", vec![]),
        ];
        let stored = vec![(10, 1, "a".to_owned()), (11, 1, "b".to_owned())];
        assert_eq!(
            plain_outcomes(&batch, stored),
            vec![
                Some(Outcome::Stored(10)),
                Some(Outcome::Stored(11)),
                Some(Outcome::Duplicate),
                None,
                Some(Outcome::Duplicate)
            ]
        );
    }

    #[test]
    fn only_stored_responses_give_answers_and_tallies() {
        let batch = [
            response(1, "a", vec![(5, vec![item("yes", None, None)]), (6, vec![item("", None, Some("more trees"))])]),
            response(1, "b", vec![(5, vec![item("yes", Some(2.0), None), item("no", Some(3.0), None)])]),
            response(1, "a", vec![(5, vec![item("no", Some(9.0), None)])]),
        ];
        let outcomes = [Some(Outcome::Stored(10)), Some(Outcome::Stored(11)), Some(Outcome::Duplicate)];
        let answers: Vec<_> = answer_rows(&batch, &outcomes)
            .iter()
            .map(|a| (a.response_id, a.question_id, a.item, a.num, a.text))
            .collect();
        assert_eq!(
            answers,
            vec![
                (10, 5, "yes", None, None),
                (10, 6, "", None, Some("more trees")),
                (11, 5, "yes", Some(2.0), None),
                (11, 5, "no", Some(3.0), None),
            ]
        );
        let mut tallies: Vec<_> = tally_rows(&batch, &outcomes)
            .into_iter()
            .map(|t| (t.survey_id, t.question_id, t.item, t.channel, t.day, t.n, t.total))
            .collect();
        tallies.sort_by(|a, b| (a.1, &a.2).cmp(&(b.1, &b.2)));
        let row = |q: i64, item: &str, n: i64, total: f64| {
            (1, q, item.to_owned(), "online", "2025-03-01".to_owned(), n, total)
        };
        assert_eq!(
            tallies,
            vec![
                row(RESPONSES, ANSWERED, 2, 0.0),
                row(5, ANSWERED, 2, 0.0),
                row(5, "no", 1, 3.0),
                row(5, "yes", 2, 2.0),
                row(6, ANSWERED, 1, 0.0),
            ]
        );
    }

    #[tokio::test]
    async fn a_code_is_used_once_and_given_back_unused_and_an_account_answers_once() {
        use agora_domain::reference::UnitInput;
        let db = crate::testing::fresh().await.unwrap();
        let entry = AuditEntry {
            actor_id: None,
            actor_label: "test".into(),
            action: "survey.create",
            entity: "survey",
            details: String::new(),
        };
        let unit_input = UnitInput::parse("zdmk", "Zarząd Dróg", "", "").unwrap();
        let unit = crate::reference::save_unit(&db, None, &unit_input, &entry).await.unwrap();
        let text = |s: &str| Text { pl: s.into(), en: String::new() };
        let fields = SurveyFields {
            slug: "ankieta".into(),
            consultation_id: None,
            unit_id: unit,
            title: text("Ankieta"),
            intro: text(""),
            access: Access::Codes,
            layout: Layout::OnePage,
            visibility: Visibility::WhileOpen,
            closes_at: None,
        };
        let id = create(&db, &fields, None, &entry).await.unwrap();
        let codes = generate_codes(&db, id, 2, &entry).await.unwrap();
        let user = crate::users::create(&db, "ewa@example.pl", "Ewa", "hash", "pl", false).await.unwrap();
        let checked = |key: &str, code: Option<&String>, user_id: Option<i64>| NewResponse {
            code: code.cloned(),
            user_id,
            ..response(id, key, vec![])
        };
        let batch = [
            checked("a", Some(&codes[0]), None),
            checked("b", Some(&codes[0]), None),
            checked("a", Some(&codes[1]), None),
            checked("c", None, Some(user)),
            checked("d", None, Some(user)),
            checked("e", Some(&codes[1]), Some(user)),
        ];
        let out = submit_batch(&db, &batch).await.unwrap();
        assert!(
            matches!(
                out[..],
                [
                    Outcome::Stored(_),
                    Outcome::CodeRejected,
                    Outcome::Duplicate,
                    Outcome::Stored(_),
                    Outcome::AlreadyAnswered,
                    Outcome::AlreadyAnswered
                ]
            ),
            "{out:?}"
        );
        assert!(!code_usable(&db, id, &codes[0]).await.unwrap(), "the stored response used its code");
        assert!(code_usable(&db, id, &codes[1]).await.unwrap(), "responses not stored gave their code back");
    }
}
