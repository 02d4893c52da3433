//! Surveys: `scale.surveys` surveys of ten questions each (every kind that is counted, plus
//! text), `scale.big_survey_responses` responses in the one [`SURVEY_SLUG`] names and the rest
//! spread over the others, their answers and the tallies the application keeps, all written
//! by set-based SQL; the URLs of the survey scenarios; and the wrk script posting responses.

use crate::data::{Backend, Conn, Scale, SqlFor};
use anyhow::Result;

/// The slug of the survey with `big_survey_responses` responses.
pub const SURVEY_SLUG: &str = "ankieta-jakosc-zycia-w-dzielnicach";

/// The table whose presence means the application has surveys.
const TABLE: &str = "surveys";

/// A fixed token for a staff session, so the export scenarios can sign in: the benchmark's
/// database is thrown away after the run.
const STAFF_TOKEN: &str = "b3e1c0a5f0d4c9e8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4";

fn staff_hash() -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(STAFF_TOKEN.as_bytes()))
}

fn options(labels: &[&str]) -> String {
    let items: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{{\"code\":\"{}\",\"label\":{{\"pl\":\"{l}\",\"en\":\"\"}}}}", i + 1))
        .collect();
    items.join(",")
}

/// One question: (kind, page, text, spec JSON, profile, required, condition on question k).
type QuestionSpec = (&'static str, i32, &'static str, String, bool, bool, Option<(i64, &'static str)>);

/// The ten questions.
fn questions() -> Vec<QuestionSpec> {
    let districts = options(&[
        "I Stare Miasto",
        "II Grzegórzki",
        "III Prądnik Czerwony",
        "IV Prądnik Biały",
        "V Krowodrza",
        "VI Bronowice",
    ]);
    let ages = options(&["poniżej 18", "18–29", "30–44", "45–59", "60–74", "75 i więcej"]);
    let needs = options(&["Zieleń", "Chodniki", "Drogi rowerowe", "Komunikacja", "Parkingi", "Ławki"]);
    let scale =
        options(&["zdecydowanie źle", "raczej źle", "trudno powiedzieć", "raczej dobrze", "zdecydowanie dobrze"]);
    let rows = options(&["Czystość", "Bezpieczeństwo", "Hałas"]);
    let rank = options(&["Parki", "Szkoły", "Przychodnie", "Kultura"]);
    vec![
        ("single", 1, "W której dzielnicy mieszkasz?", format!("{{\"options\":[{districts}]}}"), true, true, None),
        ("dropdown", 1, "Ile masz lat?", format!("{{\"options\":[{ages}]}}"), true, true, None),
        (
            "multiple",
            1,
            "Czego brakuje w okolicy? (najwyżej 2)",
            format!("{{\"options\":[{needs}],\"max\":2}}"),
            false,
            true,
            None,
        ),
        (
            "rating",
            2,
            "Jak oceniasz życie w dzielnicy?",
            "{\"max\":5,\"low\":{\"pl\":\"bardzo źle\",\"en\":\"\"},\"high\":{\"pl\":\"bardzo dobrze\",\"en\":\"\"}}"
                .into(),
            false,
            true,
            None,
        ),
        (
            "likert",
            2,
            "Jak oceniasz w dzielnicy:",
            format!("{{\"options\":[{scale}],\"rows\":[{rows}]}}"),
            false,
            true,
            None,
        ),
        ("ranking", 2, "Uszereguj, w co inwestować najpierw.", format!("{{\"options\":[{rank}]}}"), false, false, None),
        ("number", 3, "Ile lat mieszkasz w dzielnicy?", "{\"min\":0,\"max\":100}".into(), false, true, None),
        ("yes_no", 3, "Czy korzystasz z roweru?", "{}".into(), false, true, None),
        ("short_text", 3, "Gdzie brakuje stojaków na rowery?", "{}".into(), false, false, Some((8, "yes"))),
        ("long_text", 3, "Co jeszcze chcesz przekazać?", "{}".into(), false, false, None),
    ]
}

/// Writes the survey data; returns why nothing was written, if nothing was.
pub async fn generate(c: &mut Conn, sql: &SqlFor, scale: Scale) -> Result<Option<String>> {
    if !c.table_exists(TABLE).await? {
        return Ok(Some("the application has no surveys table".into()));
    }
    let b = c.backend();
    let sb = c.int("SELECT COALESCE(MAX(id), 0) FROM surveys").await?;
    let qb = c.int("SELECT COALESCE(MAX(id), 0) FROM survey_questions").await?;
    let rb = c.int("SELECT COALESCE(MAX(id), 0) FROM survey_responses").await?;
    let n_s = scale.surveys.max(2);
    let (n_r, n_big) = (scale.survey_responses, scale.big_survey_responses.min(scale.survey_responses));
    let unit = c.int("SELECT MIN(id) FROM units").await?;
    let now = sql.at("0");
    c.exec(&format!(
        "INSERT INTO surveys (id, slug, consultation_id, unit_id, title_pl, title_en, intro_pl, intro_en, status, access, layout, visibility, closes_at, version, created_by_id, created_at, updated_at) \
         SELECT {sb} + n, CASE WHEN n = 1 THEN '{SURVEY_SLUG}' ELSE 'ankieta-bench-' || n END, NULL, {unit}, \
           CASE WHEN n = 1 THEN 'Jakość życia w dzielnicach' ELSE 'Ankieta nr ' || n END, '', \
           'Ankieta o tym, jak się żyje w dzielnicach Krakowa.', '', 'open', 'anyone', 'one_page', 'while_open', NULL, 1, NULL, {now}, {now} \
         FROM bench_seq WHERE n <= {n_s}"
    ))
    .await?;
    for (k, (kind, page, text, spec, profile, required, cond)) in questions().into_iter().enumerate() {
        let k = k as i64 + 1;
        let (cq, cv) = match cond {
            Some((q, v)) => (format!("{qb} + (n - 1) * 10 + {q}"), format!("'{v}'")),
            None => ("NULL".into(), "NULL".into()),
        };
        let (profile, required) = (if profile { "TRUE" } else { "FALSE" }, if required { "TRUE" } else { "FALSE" });
        c.exec(&format!(
            "INSERT INTO survey_questions (id, survey_id, position, page, kind, required, profile, text_pl, text_en, help_pl, help_en, spec, show_if_question, show_if_value, revision) \
             SELECT {qb} + (n - 1) * 10 + {k}, {sb} + n, {k}, {page}, '{kind}', {required}, {profile}, '{text}', '', '', '', '{spec}', {cq}, {cv}, 1 \
             FROM bench_seq WHERE n <= {n_s}"
        ))
        .await?;
    }
    // Responses: the first n_big to the big survey, the rest round-robin over the others;
    // spread over the last 60 days at noon UTC, so the UTC day is also the Warsaw day.
    let survey_of = format!("CASE WHEN n <= {n_big} THEN {sb} + 1 ELSE {sb} + 2 + (n - {n_big}) % {} END", n_s - 1);
    let at = sql.at("-(n % 60) * 86400 + 12 * 3600");
    c.exec(&format!(
        "INSERT INTO survey_responses (id, survey_id, channel, form_key, user_id, code_id, interviewer, place, collected_at, submitted_at, entered_by_id, survey_version) \
         SELECT {rb} + n, {survey_of}, CASE WHEN n % 10 < 2 THEN 'paper' WHEN n % 10 = 2 THEN 'street_poll' ELSE 'online' END, 'bench-' || n, NULL, NULL, \
           CASE WHEN n % 10 < 3 THEN 'Ankieter ' || (n % 7) END, CASE WHEN n % 10 = 2 THEN 'Rynek Podgórski' END, {at}, {at}, NULL, 1 \
         FROM bench_seq WHERE n <= {n_r}"
    ))
    .await?;
    let q = |k: i64| format!("{qb} + (r.survey_id - {sb} - 1) * 10 + {k}");
    let txt = |e: &str| format!("CAST({e} AS TEXT)");
    let answer = |k: i64, item: String, num: &str, text: &str, cond: &str| {
        format!(
            "INSERT INTO survey_answers (response_id, question_id, item, num, text) SELECT r.id, {}, {item}, {num}, {text} FROM survey_responses r WHERE r.id > {rb}{cond}",
            q(k)
        )
    };
    let steps = [
        answer(1, txt("(r.id * 7) % 6 + 1"), "NULL", "NULL", ""),
        answer(2, txt("(r.id * 11) % 6 + 1"), "NULL", "NULL", ""),
        answer(3, txt("r.id % 6 + 1"), "NULL", "NULL", ""),
        answer(3, txt("(r.id % 6 + 1 + (r.id / 6) % 5) % 6 + 1"), "NULL", "NULL", " AND r.id % 3 <> 0"),
        answer(4, txt("(r.id * 13) % 5 + 1"), "(r.id * 13) % 5 + 1", "NULL", ""),
        answer(5, format!("'1:' || {}", txt("(r.id * 3) % 5 + 1")), "(r.id * 3) % 5 + 1", "NULL", ""),
        answer(5, format!("'2:' || {}", txt("(r.id * 7) % 5 + 1")), "(r.id * 7) % 5 + 1", "NULL", ""),
        answer(5, format!("'3:' || {}", txt("(r.id * 17) % 5 + 1")), "(r.id * 17) % 5 + 1", "NULL", ""),
        answer(6, txt("r.id % 4 + 1"), "1", "NULL", " AND r.id % 7 <> 0"),
        answer(6, txt("(r.id % 4 + 1) % 4 + 1"), "2", "NULL", " AND r.id % 7 <> 0"),
        answer(7, txt("r.id % 31"), "r.id % 31", "NULL", ""),
        answer(8, "CASE WHEN r.id % 3 = 0 THEN 'yes' ELSE 'no' END".into(), "NULL", "NULL", ""),
        answer(9, "''".into(), "NULL", "'Przy szkole nr ' || (r.id % 90 + 1)", " AND r.id % 3 = 0 AND r.id % 5 = 0"),
        answer(
            10,
            "''".into(),
            "NULL",
            "'Proszę o więcej drzew przy ulicy nr ' || (r.id % 200 + 1) || '.'",
            " AND r.id % 10 = 0",
        ),
    ];
    for s in steps {
        c.exec(&s).await?;
    }
    let day = match b {
        Backend::Sqlite => "substr(r.collected_at, 1, 10)",
        Backend::Postgres => "to_char(r.collected_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
    };
    // The tallies the application keeps at each submission, built here in one pass.
    c.exec(&format!(
        "INSERT INTO survey_tallies (survey_id, question_id, item, channel, day, n, total) \
         SELECT r.survey_id, a.question_id, a.item, r.channel, {day}, COUNT(*), COALESCE(SUM(a.num), 0) \
         FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.id > {rb} AND a.item <> '' \
         GROUP BY r.survey_id, a.question_id, a.item, r.channel, {day}"
    ))
    .await?;
    c.exec(&format!(
        "INSERT INTO survey_tallies (survey_id, question_id, item, channel, day, n, total) \
         SELECT r.survey_id, a.question_id, '*', r.channel, {day}, COUNT(DISTINCT a.response_id), 0 \
         FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.id > {rb} \
         GROUP BY r.survey_id, a.question_id, r.channel, {day}"
    ))
    .await?;
    c.exec(&format!(
        "INSERT INTO survey_tallies (survey_id, question_id, item, channel, day, n, total) \
         SELECT r.survey_id, 0, '*', r.channel, {day}, COUNT(*), 0 FROM survey_responses r WHERE r.id > {rb} \
         GROUP BY r.survey_id, r.channel, {day}"
    ))
    .await?;
    if b == Backend::Postgres {
        // Rows were written with explicit ids: move the sequences past them, as the app's own
        // inserts take their ids from there.
        for t in ["surveys", "survey_questions", "survey_responses"] {
            c.exec(&format!("SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT MAX(id) FROM {t}))")).await?;
        }
    }
    // A staff session for the exports, on the demo administrator's account.
    c.exec(&format!(
        "INSERT INTO sessions (id_hash, user_id, created_at, expires_at) SELECT '{}', id, {now}, {} FROM users WHERE email = 'admin@agora.test'",
        staff_hash(),
        sql.at("30 * 86400")
    ))
    .await?;
    Ok(None)
}

/// Where the survey scenarios point.
#[derive(Debug, Clone)]
pub struct SurveyPaths {
    /// The public results page of the big survey.
    pub results: String,
    /// The response form's page, fetched once before the load to check it answers.
    pub form: String,
    /// The CSV export of every response.
    pub csv: String,
    /// The XLSX export of every response.
    pub xlsx: String,
    /// A staff session cookie for the exports.
    pub staff_cookie: String,
    /// Field names of the big survey's answers: (single, dropdown, multiple, rating, likert rows, number, yes/no).
    questions: Vec<i64>,
}

/// The survey URLs, or why the survey scenarios cannot run.
pub async fn paths(c: &mut Conn) -> Result<Result<SurveyPaths, String>> {
    if !c.table_exists(TABLE).await? {
        return Ok(Err("the application has no surveys table".into()));
    }
    let id = c.int(&format!("SELECT COALESCE(MAX(id), 0) FROM surveys WHERE slug = '{SURVEY_SLUG}'")).await?;
    if id == 0 {
        return Ok(Err("the big survey was not generated".into()));
    }
    let questions = c
        .strings(&format!("SELECT CAST(id AS TEXT) FROM survey_questions WHERE survey_id = {id} ORDER BY position"))
        .await?;
    Ok(Ok(SurveyPaths {
        results: format!("/ankiety/{SURVEY_SLUG}/wyniki"),
        form: format!("/ankiety/{SURVEY_SLUG}"),
        csv: format!("/admin/ankiety/{id}/odpowiedzi.csv"),
        xlsx: format!("/admin/ankiety/{id}/odpowiedzi.xlsx"),
        staff_cookie: format!("agora_session={STAFF_TOKEN}"),
        questions: questions.iter().filter_map(|q| q.parse().ok()).collect(),
    }))
}

/// The wrk script posting survey responses: one new response per request, 200/303 counted
/// as acknowledged in the global `acks`. Only the CSRF cookie is sent: a response from a
/// signed-in account would be its one response, and the rest would be refused.
pub fn post_script(paths: &SurveyPaths, _cookies: &[String], csrf: &str, nonce: &str) -> Result<String, String> {
    let q = &paths.questions;
    if q.len() < 10 {
        return Err("the big survey has fewer than ten questions".into());
    }
    let fixed = format!(
        "csrf={csrf}&v=1&s=0&nav=submit&q{a}=2&q{b}=3&q{c}=1&q{c}=4&q{d}=4&q{e}_1=2&q{e}_2=4&q{e}_3=5&q{f}_1=1&q{f}_3=2&q{g}=12&q{h}=yes&q{i}=Przy+szkole&q{j}=Wi%C4%99cej+zieleni",
        a = q[0],
        b = q[1],
        c = q[2],
        d = q[3],
        e = q[4],
        f = q[5],
        g = q[6],
        h = q[7],
        i = q[8],
        j = q[9]
    );
    Ok(format!(
        r#"
local path = "{path}"
local fixed = "{fixed}"
local nonce = "{nonce}"
local cookie = "agora_csrf={csrf}"
acks = 0
local n = 0
function request()
  n = n + 1
  local key = nonce .. string.format("%08x%024x", tid or 0, n)
  local headers = {{}}
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["Cookie"] = cookie
  return wrk.format("POST", path, headers, "form_key=" .. key .. "&" .. fixed)
end
function response(status, headers, body)
  if status == 200 or status == 303 then
    acks = acks + 1
  end
end
{footer}"#,
        path = paths.form,
        footer = crate::load::FOOTER,
    ))
}
