//! The dataset. `agora migrate` and `agora demo` lay down the schema, the reference data
//! (districts, units, categories) and the staff accounts through the application's own code;
//! the bulk — consultations in every status, events, documents, remarks with answers and
//! reports, residents with sessions — is then written by set-based SQL in one transaction.
//! Ids are given explicitly (offset past the demo rows) so that every table can compute
//! its foreign keys arithmetically instead of looking them up row by row.

use anyhow::{Context, Result, bail};
use sqlx::{ConnectOptions, Connection, PgConnection, SqliteConnection};
use std::str::FromStr;
use std::time::{Duration, Instant};

/// How much data to generate.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Consultations, in every status.
    pub consultations: i64,
    /// Events (meetings, workshops, duty hours), spread over the consultations.
    pub events: i64,
    /// Remarks in all, each in its own submission.
    pub remarks: i64,
    /// Of those, how many in the one large consultation.
    pub big_remarks: i64,
    /// Resident accounts.
    pub users: i64,
    /// Live sessions of residents, used by the signed-in scenarios.
    pub sessions: i64,
    /// Surveys (once surveys exist).
    pub surveys: i64,
    /// Survey responses in all (once surveys exist).
    pub survey_responses: i64,
    /// Of those, how many in the one large survey.
    pub big_survey_responses: i64,
    /// Opinions and recommendations in the city's answers ledger, awaiting or answered.
    pub tracked: i64,
    /// Posts and replies in the one long forum thread.
    pub forum_posts: i64,
    /// Published news posts, about the districts and the Centre.
    pub news: i64,
}

impl Scale {
    /// The planned sizes, for the report.
    pub fn describe(&self) -> String {
        format!(
            "{} consultations, {} events, {} remarks ({} in one consultation), {} users ({} signed in), {} surveys with {} responses ({} in one), {} opinions in the ledger, {} posts in one forum thread, {} news posts",
            self.consultations,
            self.events,
            self.remarks,
            self.big_remarks,
            self.users,
            self.sessions,
            self.surveys,
            self.survey_responses,
            self.big_survey_responses,
            self.tracked,
            self.forum_posts,
            self.news
        )
    }

    /// The figures of issue 7.
    pub const FULL: Scale = Scale {
        consultations: 5_000,
        events: 50_000,
        remarks: 200_000,
        big_remarks: 10_000,
        users: 50_000,
        sessions: 1_000,
        surveys: 100,
        survey_responses: 300_000,
        big_survey_responses: 250_000,
        tracked: 10_000,
        forum_posts: 20_000,
        news: 2_000,
    };

    /// Enough of everything for every page to have content, generated in a second or two.
    pub const SMOKE: Scale = Scale {
        consultations: 200,
        events: 1_000,
        remarks: 3_000,
        big_remarks: 1_000,
        users: 500,
        sessions: 50,
        surveys: 5,
        survey_responses: 2_000,
        big_survey_responses: 1_000,
        tracked: 300,
        forum_posts: 400,
        news: 60,
    };
}

/// The slug of the consultation with the most remarks (its report is published).
pub const BIG_SLUG: &str = "projekt-planu-ogolnego-miasta";
/// The slug of the open consultation that the submission scenarios post to.
pub const TARGET_SLUG: &str = "zasady-budzetu-obywatelskiego-2027";
/// Requests per page of the city's answers ledger, as the site pages it.
pub const LEDGER_PAGE: i64 = 50;
/// Top-level posts per page of a forum thread, as the site pages it.
pub const FORUM_PAGE: i64 = 20;
/// The password of every generated resident.
pub const PASSWORD: &str = "bench-haslo-2026";

/// Which SQL dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite: timestamps are RFC 3339 text, as sqlx writes them.
    Sqlite,
    /// PostgreSQL: timestamptz and date.
    Postgres,
}

impl Backend {
    /// The name used in options and tables.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// One connection to the benchmark database, of either backend.
pub enum Conn {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

impl Conn {
    /// Connects to `url` (`sqlite://…` or `postgres://…`).
    pub async fn open(url: &str) -> Result<Conn> {
        if url.starts_with("sqlite:") {
            let opts = sqlx::sqlite::SqliteConnectOptions::from_str(url)?.busy_timeout(Duration::from_secs(30));
            Ok(Conn::Sqlite(opts.connect().await.with_context(|| format!("opening {url}"))?))
        } else {
            Ok(Conn::Postgres(PgConnection::connect(url).await.with_context(|| format!("connecting to {url}"))?))
        }
    }

    /// The dialect.
    pub fn backend(&self) -> Backend {
        match self {
            Conn::Sqlite(_) => Backend::Sqlite,
            Conn::Postgres(_) => Backend::Postgres,
        }
    }

    /// Runs one statement without parameters; returns the rows it changed.
    pub async fn exec(&mut self, sql: &str) -> Result<u64> {
        let q = sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()));
        let n = match self {
            Conn::Sqlite(c) => q.execute(c).await.map(|r| r.rows_affected()),
            Conn::Postgres(c) => q.execute(c).await.map(|r| r.rows_affected()),
        };
        n.with_context(|| format!("SQL failed: {}", sql.chars().take(600).collect::<String>()))
    }

    /// The single integer `sql` returns.
    pub async fn int(&mut self, sql: &str) -> Result<i64> {
        let q = sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.to_owned()));
        let n = match self {
            Conn::Sqlite(c) => sqlx::query_scalar::<_, i64>(sqlx::AssertSqlSafe(sql.to_owned())).fetch_one(c).await,
            Conn::Postgres(c) => q.fetch_one(c).await,
        };
        n.with_context(|| format!("SQL failed: {sql}"))
    }

    /// The first column of every row, as text.
    pub async fn strings(&mut self, sql: &str) -> Result<Vec<String>> {
        let v = match self {
            Conn::Sqlite(c) => sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql.to_owned())).fetch_all(c).await,
            Conn::Postgres(c) => {
                sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql.to_owned())).fetch_all(c).await
            }
        };
        v.with_context(|| format!("SQL failed: {sql}"))
    }

    /// Whether the schema has table `name`.
    pub async fn table_exists(&mut self, name: &str) -> Result<bool> {
        let sql = match self.backend() {
            Backend::Sqlite => format!("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{name}'"),
            Backend::Postgres => format!(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{name}'"
            ),
        };
        Ok(self.int(&sql).await? > 0)
    }

    /// Closes the connection cleanly.
    pub async fn close(self) {
        let _ = match self {
            Conn::Sqlite(c) => c.close().await,
            Conn::Postgres(c) => c.close().await,
        };
    }
}

/// What the scenarios need to know about the data.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Id of the open consultation that takes the submissions.
    pub target_id: i64,
    /// Session tokens (cookie values) of residents.
    pub sessions: Vec<String>,
    /// A resident's e-mail, for one real sign-in.
    pub user_email: String,
    /// Catalogue URLs with filters, all answering 200.
    pub catalogue_paths: Vec<String>,
    /// Pages of the big consultation's remark list.
    pub remark_pages: i64,
    /// Pages of the city's answers ledger.
    pub ledger_pages: i64,
    /// The long forum thread, and how many pages of top-level posts it has.
    pub forum_thread: i64,
    pub forum_pages: i64,
    /// News pages: the list with filters, posts and district pages, all answering 200.
    pub news_paths: Vec<String>,
    /// The certificate form of the member with a long record, when bodies exist.
    pub certificate_path: Option<String>,
    /// An event a month ahead taking registrations, and its places.
    pub event: i64,
    pub event_capacity: i64,
    /// Rows per table after generation.
    pub counts: Vec<(String, i64)>,
    /// What was not generated, and why.
    pub notes: Vec<String>,
    /// How long the bulk SQL took.
    pub took: Duration,
}

/// Places of the generated event with registration.
const EVENT_CAPACITY: i64 = 500;

/// SQL text helpers for the two dialects, with times relative to one fixed instant.
struct Sql {
    b: Backend,
    /// The day the data is generated, 00:00 UTC, as `YYYY-MM-DD`.
    day: String,
}

impl Sql {
    /// The instant `secs` seconds after midnight of the generation day.
    fn at(&self, secs: &str) -> String {
        match self.b {
            Backend::Sqlite => {
                format!("strftime('%Y-%m-%dT%H:%M:%S+00:00', '{} 00:00:00', ({secs}) || ' seconds')", self.day)
            }
            Backend::Postgres => format!("(TIMESTAMPTZ '{} 00:00:00+00' + ({secs}) * INTERVAL '1 second')", self.day),
        }
    }

    /// The date `days` days after the generation day.
    fn date(&self, days: &str) -> String {
        match self.b {
            Backend::Sqlite => format!("date('{}', ({days}) || ' days')", self.day),
            Backend::Postgres => format!("(DATE '{}' + ({days})::int)", self.day),
        }
    }

    /// `e` as decimal text zero-padded to `w` digits.
    fn pad(&self, e: &str, w: usize) -> String {
        match self.b {
            Backend::Sqlite => format!("printf('%0{w}d', {e})"),
            Backend::Postgres => format!("lpad(({e})::text, {w}, '0')"),
        }
    }
}

/// `CASE expr WHEN 0 THEN 'a' WHEN 1 THEN 'b' … END`, the i-th text for `expr % len`.
fn pick(expr: &str, items: &[&str]) -> String {
    let mut s = format!("CASE ({expr}) % {}", items.len());
    for (i, t) in items.iter().enumerate() {
        s.push_str(&format!(" WHEN {i} THEN '{}'", t.replace('\'', "''")));
    }
    s.push_str(" END");
    s
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

const TOPICS: [(&str, &str, &str); 16] = [
    (
        "Program ochrony powietrza",
        "program-ochrony-powietrza",
        "Jak szybciej ograniczyć smog z domowych pieców i ruchu samochodowego.",
    ),
    (
        "Przebudowa ulicy z nowymi przejściami dla pieszych",
        "przebudowa-ulicy",
        "Nowy przekrój ulicy, szersze chodniki, drzewa i bezpieczne przejścia.",
    ),
    (
        "Park kieszonkowy",
        "park-kieszonkowy",
        "Mały park sąsiedzki na miejscu nieużywanego placu: co ma się w nim znaleźć.",
    ),
    (
        "Miejscowy plan zagospodarowania przestrzennego",
        "plan-miejscowy",
        "Projekt planu miejscowego: wysokość zabudowy, zieleń, drogi i usługi.",
    ),
    ("Zmiany w sieci szkół", "siec-szkol", "Nowe obwody szkół podstawowych i organizacja dowozu uczniów."),
    (
        "Nowy układ linii tramwajowych",
        "linie-tramwajowe",
        "Zmiany tras i częstotliwości tramwajów po otwarciu nowej trasy.",
    ),
    ("Strefa płatnego parkowania", "strefa-parkowania", "Granice strefy, opłaty i abonamenty dla mieszkańców."),
    (
        "Program współpracy z organizacjami pozarządowymi",
        "wspolpraca-ngo",
        "Priorytety i formy współpracy miasta z organizacjami na kolejny rok.",
    ),
    (
        "Rewitalizacja placu",
        "rewitalizacja-placu",
        "Jak ma wyglądać plac po remoncie: zieleń, ławki, woda i miejsce na targ.",
    ),
    (
        "Budżet obywatelski — regulamin",
        "budzet-obywatelski",
        "Zasady zgłaszania i wyboru projektów budżetu obywatelskiego.",
    ),
    ("Trasy rowerowe", "trasy-rowerowe", "Przebieg nowych dróg rowerowych i parkingi dla rowerów."),
    (
        "Program polityki senioralnej",
        "polityka-senioralna",
        "Kluby seniora, opieka wytchnieniowa i transport dla osób starszych.",
    ),
    ("Zieleń przyuliczna", "zielen-przyuliczna", "Które ulice obsadzić drzewami i jak chronić istniejące."),
    ("Statut dzielnicy", "statut-dzielnicy", "Zmiany w statucie: kompetencje rady dzielnicy i sposób konsultowania."),
    ("Zagospodarowanie bulwarów", "bulwary", "Ścieżki, plaże miejskie i gastronomia nad rzeką."),
    (
        "Strategia rozwoju kultury",
        "strategia-kultury",
        "Domy kultury, biblioteki i wydarzenia w dzielnicach do 2030 roku.",
    ),
];

const DESCRIPTION: &str = "## Cel konsultacji\n\nMiasto przygotowało projekt i chce poznać opinie mieszkańców, organizacji i instytucji, \
zanim dokument trafi pod obrady Rady Miasta. Każda uwaga zostanie rozpatrzona, a odpowiedź na nią znajdzie się w raporcie z konsultacji.\n\n\
## Co proponujemy\n\n- uporządkowanie zasad i terminów, tak aby były zrozumiałe dla każdego,\n- lepszą dostępność dla osób z niepełnosprawnościami, \
seniorów i rodzin z małymi dziećmi,\n- więcej zieleni i miejsc do odpoczynku w przestrzeni publicznej,\n- jasny harmonogram prac i sposób informowania \
mieszkańców o postępach.\n\n## Dlaczego teraz\n\nDotychczasowe rozwiązania obowiązują od kilku lat. Z ankiet, spotkań w dzielnicach i zgłoszeń \
do Miejskiego Centrum Dialogu wynika, że wymagają zmian. Projekt uwzględnia wnioski z poprzednich konsultacji oraz analizy przygotowane przez \
wydziały merytoryczne.\n\n## Jak wziąć udział\n\nUwagi można zgłaszać przez formularz na tej stronie, pocztą elektroniczną, listownie albo \
osobiście w punkcie konsultacyjnym. Zapraszamy też na spotkania otwarte i warsztaty, których terminy podajemy niżej. Spotkania odbywają się \
w budynkach dostępnych dla osób poruszających się na wózkach; na prośbę zgłoszoną z wyprzedzeniem zapewniamy tłumacza polskiego języka migowego.\n\n\
## Co dalej\n\nPo zakończeniu konsultacji opublikujemy raport ze wszystkimi uwagami i stanowiskiem miasta wobec każdej z nich. \
Na podstawie raportu projekt zostanie poprawiony i przekazany Radzie Miasta.";

const FIRST_NAMES: [&str; 20] = [
    "Anna",
    "Piotr",
    "Katarzyna",
    "Tomasz",
    "Magdalena",
    "Paweł",
    "Agnieszka",
    "Michał",
    "Joanna",
    "Krzysztof",
    "Zofia",
    "Jan",
    "Małgorzata",
    "Marek",
    "Ewa",
    "Łukasz",
    "Barbara",
    "Jakub",
    "Aleksandra",
    "Wojciech",
];
const LAST_NAMES: [&str; 20] = [
    "Nowak",
    "Kowalska",
    "Wiśniewski",
    "Wójcik",
    "Kowalczyk",
    "Kamińska",
    "Lewandowski",
    "Zielińska",
    "Szymański",
    "Woźniak",
    "Dąbrowska",
    "Kozłowski",
    "Jankowska",
    "Mazur",
    "Kwiatkowska",
    "Krawczyk",
    "Piotrowska",
    "Grabowski",
    "Nowakowska",
    "Pawłowski",
];
const ORGANISATIONS: [&str; 8] = [
    "Stowarzyszenie Mieszkańców Podgórza",
    "Fundacja Miasto Dla Ludzi",
    "Rada Osiedla Ruczaj",
    "Krakowski Alarm Smogowy — grupa lokalna",
    "Polski Związek Niewidomych, koło Kraków",
    "Towarzystwo Przyjaciół Nowej Huty",
    "Spółdzielnia Mieszkaniowa Prądnik",
    "Klub Sportowy Wawel Juniorzy",
];
const PROPOSALS: [&str; 12] = [
    "Proszę o dodatkowe przejście dla pieszych z sygnalizacją przy szkole.",
    "Należy zachować istniejące drzewa i wpisać ich ochronę do projektu.",
    "Proponuję wydłużenie godzin otwarcia punktu konsultacyjnego do 19:00.",
    "Wnoszę o obniżenie maksymalnej wysokości zabudowy do czterech kondygnacji.",
    "Trzeba przewidzieć miejsca postojowe dla osób z niepełnosprawnościami.",
    "Proszę o zwiększenie częstotliwości kursów w godzinach szczytu.",
    "Postuluję budowę wydzielonej drogi rowerowej zamiast pasa na jezdni.",
    "Warto dodać toalety publiczne i poidełka z wodą pitną.",
    "Należy doprecyzować, kto odpowiada za utrzymanie zieleni po zakończeniu prac.",
    "Proponuję, aby projekt obejmował także sąsiednie podwórka.",
    "Wnoszę o publikację harmonogramu prac z podziałem na etapy.",
    "Proszę o lepsze oświetlenie ciągów pieszych wieczorem.",
];
const DETAILS: [&str; 7] = [
    "Dotyczy to szczególnie odcinka przy przystanku.",
    "Mieszkańcy zgłaszali ten problem od lat.",
    "Podobne rozwiązanie sprawdziło się w innych dzielnicach.",
    "Koszt jest niewielki w porównaniu z korzyściami.",
    "Bez tej zmiany projekt nie rozwiąże głównego problemu.",
    "Zmiana poprawi bezpieczeństwo dzieci i seniorów.",
    "Proszę o odniesienie się do tej propozycji w raporcie.",
];
const JUSTIFICATIONS: [&str; 9] = [
    "Codziennie przechodzę tamtędy z dziećmi i ruch jest bardzo duży.",
    "Drzewa dają cień i obniżają temperaturę latem.",
    "Wiele osób pracuje do późna i nie zdąży przyjść wcześniej.",
    "Wysoka zabudowa zasłoni światło w istniejących budynkach.",
    "Obecnie takich miejsc brakuje, co utrudnia codzienne sprawy.",
    "Autobusy są przepełnione, a ludzie rezygnują z komunikacji.",
    "Pas na jezdni nie daje poczucia bezpieczeństwa.",
    "Latem brakuje miejsc, gdzie można się napić wody.",
    "Bez jasnego podziału obowiązków zieleń szybko zniszczeje.",
];
const DECISIONS: [&str; 5] = ["accepted", "partially_accepted", "rejected", "rejected", "not_applicable"];
const ANSWERS: [&str; 5] = [
    "Uwzględniono. Zapis zostanie zmieniony zgodnie z propozycją.",
    "Uwzględniono częściowo: rozwiązanie zostanie wdrożone etapami, w miarę dostępnych środków.",
    "Nie uwzględniono: propozycja jest sprzeczna z przepisami odrębnymi, które wiążą miasto.",
    "Nie uwzględniono: koszt rozwiązania przekracza możliwości budżetu w najbliższych latach.",
    "Uwaga nie dotyczy przedmiotu konsultacji; przekazano ją do właściwej jednostki.",
];
const STREETS: [&str; 10] = [
    "Wielicka",
    "Kalwaryjska",
    "Dobrego Pasterza",
    "Bulwarowa",
    "Pachońskiego",
    "Zakopiańska",
    "Rydlówka",
    "Krowoderska",
    "Nowohucka",
    "Bora-Komorowskiego",
];

/// A tiny but valid PDF, stored once and pointed at by every generated document version.
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n\
3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// Hashes the residents' password once with the application's production cost (argon2id,
/// 19 MiB, 2 passes), so that a real sign-in verifies as it would in production.
fn password_hash() -> Result<String> {
    use argon2::password_hash::PasswordHasher;
    let params = argon2::Params::new(19 * 1024, 2, 1, None).map_err(|e| anyhow::anyhow!("{e}"))?;
    let h = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    Ok(h.hash_password(PASSWORD.as_bytes()).map_err(|e| anyhow::anyhow!("{e}"))?.to_string())
}

/// A session token and the hash the application stores for it.
fn session_token() -> (String, String) {
    use rand::RngCore;
    use sha2::Digest;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    let hash = hex::encode(sha2::Sha256::digest(token.as_bytes()));
    (token, hash)
}

/// Writes the bulk data into a database that `agora demo` has just filled.
pub async fn generate(url: &str, data_dir: &std::path::Path, scale: Scale) -> Result<Dataset> {
    let started = Instant::now();
    let mut c = Conn::open(url).await?;
    let b = c.backend();
    let s = Sql { b, day: chrono::Utc::now().format("%Y-%m-%d").to_string() };
    let pdf_dir = data_dir.join("files").join("bench");
    std::fs::create_dir_all(&pdf_dir)?;
    std::fs::write(pdf_dir.join("dokument.pdf"), PDF)?;
    let hash = password_hash()?;

    let nu = c.int("SELECT COUNT(*) FROM units").await?;
    let nd = c.int("SELECT COUNT(*) FROM districts").await?;
    let ncat = c.int("SELECT COUNT(*) FROM categories").await?;
    if nu == 0 || nd == 0 || ncat == 0 {
        bail!("no reference data: `agora demo` should have loaded units, districts and categories");
    }
    let mut base = std::collections::HashMap::new();
    for t in [
        "consultations",
        "events",
        "documents",
        "document_versions",
        "document_sections",
        "users",
        "submissions",
        "remarks",
    ] {
        base.insert(t, c.int(&format!("SELECT COALESCE(MAX(id), 0) FROM {t}")).await?);
    }
    let (cb, eb, db_, dvb, secb, ub, sb, rb) = (
        base["consultations"],
        base["events"],
        base["documents"],
        base["document_versions"],
        base["document_sections"],
        base["users"],
        base["submissions"],
        base["remarks"],
    );
    let n_c = scale.consultations;
    let max_seq = [
        scale.consultations,
        scale.events,
        scale.remarks,
        scale.users,
        scale.survey_responses,
        scale.tracked,
        scale.forum_posts,
        scale.news,
        10,
    ]
    .into_iter()
    .max()
    .unwrap_or(10);

    let mut steps: Vec<String> = Vec::new();
    steps.push("BEGIN".into());
    // Helper tables: a number series, and the reference rows numbered from 0 so that
    // `n % count` picks one.
    match b {
        Backend::Sqlite => {
            steps.push("CREATE TEMP TABLE bench_seq (n INTEGER PRIMARY KEY)".into());
            steps.push(format!(
                "INSERT INTO bench_seq (n) WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < {max_seq}) SELECT n FROM s"
            ));
        }
        Backend::Postgres => {
            steps.push("CREATE TEMP TABLE bench_seq (n BIGINT PRIMARY KEY)".into());
            steps.push(format!("INSERT INTO bench_seq (n) SELECT generate_series(1, {max_seq})"));
        }
    }
    for (t, src) in [("bu", "units"), ("bd", "districts"), ("bcat", "categories"), ("bbody", "dialogue_bodies")] {
        steps.push(format!("CREATE TEMP TABLE {t} (i INTEGER PRIMARY KEY, id BIGINT NOT NULL)"));
        steps.push(format!("INSERT INTO {t} (i, id) SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, id FROM {src}"));
    }
    // The plan: each consultation's status and its opening day and length relative to today,
    // chosen so that the scheduler finds nothing to move while the benchmark runs.
    steps.push("CREATE TEMP TABLE bplan (n INTEGER PRIMARY KEY, status TEXT NOT NULL, od INTEGER NOT NULL, dur INTEGER NOT NULL)".into());
    steps.push(format!(
        "INSERT INTO bplan (n, status, od, dur) SELECT n, status, \
         CASE status WHEN 'draft' THEN 30 + n % 60 WHEN 'announced' THEN 1 + n % 28 WHEN 'open' THEN -(1 + n % 20) \
           WHEN 'archived' THEN -(400 + (n * 37) % 2000) ELSE -(60 + (n * 37) % 2400) END, \
         CASE WHEN status = 'open' THEN 22 + n % 30 ELSE 21 + n % 21 END \
         FROM (SELECT n, CASE WHEN n = 1 THEN 'report_published' WHEN n = 2 THEN 'open' WHEN n % 100 < 2 THEN 'draft' \
           WHEN n % 100 < 12 THEN 'announced' WHEN n % 100 < 32 THEN 'open' WHEN n % 100 < 47 THEN 'closed' \
           WHEN n % 100 < 82 THEN 'report_published' WHEN n % 100 < 95 THEN 'archived' ELSE 'cancelled' END AS status \
           FROM bench_seq WHERE n <= {n_c}) x"
    ));
    let opens = s.at("p.od * 86400 + 7 * 3600");
    let closes = s.at("(p.od + p.dur) * 86400 + 22 * 3600 + 59 * 60");
    let announced = s.at("(p.od - 10) * 86400 + 9 * 3600");
    let topic_titles: Vec<&str> = TOPICS.iter().map(|t| t.0).collect();
    let topic_slugs: Vec<&str> = TOPICS.iter().map(|t| t.1).collect();
    let topic_summaries: Vec<&str> = TOPICS.iter().map(|t| t.2).collect();
    let contacts: Vec<String> = (0..10).map(|i| format!("{} {}", FIRST_NAMES[i * 2], LAST_NAMES[i * 3 % 20])).collect();
    let contacts: Vec<&str> = contacts.iter().map(String::as_str).collect();
    steps.push(format!(
        "INSERT INTO consultations (id, slug, title, summary, description, subject, legal_basis, enabling_act, unit_id, scope_citywide, languages, \
         contact_name, contact_email, contact_phone, require_email, require_address, allow_anonymous, privacy_notice, easy_read, sign_language_url, \
         status, announced_at, opens_at, closes_at, rules_justification, search_text, created_at, updated_at, premoderation, defect_days) \
         SELECT {cb} + p.n, \
           CASE WHEN p.n = 1 THEN '{BIG_SLUG}' WHEN p.n = 2 THEN '{TARGET_SLUG}' ELSE ({slug}) || '-' || p.n END, \
           CASE WHEN p.n = 1 THEN 'Projekt planu ogólnego miasta' WHEN p.n = 2 THEN 'Zasady budżetu obywatelskiego na 2027 rok' \
             ELSE ({title}) || ' — ' || d.name END, \
           CASE WHEN p.n = 1 THEN 'Jak ma się rozwijać miasto: gdzie budować, co chronić, gdzie zieleń, a gdzie usługi. Dotyczy całego Krakowa.' \
             WHEN p.n = 2 THEN 'Zasady zgłaszania, oceny i wyboru projektów budżetu obywatelskiego w 2027 roku.' \
             ELSE ({summary}) || ' Dotyczy: ' || d.name || '.' END, \
           '{description}', \
           'Projekt dokumentu: ' || ({title}), \
           CASE WHEN p.n % 3 = 0 THEN 'optional' ELSE 'statutory' END, \
           CASE WHEN p.n % 3 = 0 THEN NULL ELSE 'Uchwała nr ' || (p.n % 90 + 1) || '/' || (2019 + p.n % 8) || ' Rady Miasta Krakowa' END, \
           u.id, (p.n % 4 = 0), CASE WHEN p.n % 10 = 0 THEN 'pl,en' ELSE 'pl' END, \
           {contact}, 'konsultacje' || (p.n % 40) || '@example.org', '12 616 ' || {phone}, \
           FALSE, FALSE, TRUE, \
           'Administratorem danych jest Prezydent Miasta Krakowa. Dane przetwarzamy wyłącznie w celu przeprowadzenia konsultacji.', \
           CASE WHEN p.n % 7 = 0 THEN 'Miasto chce zmienić zasady. Możesz powiedzieć, co o tym myślisz. Napisz do nas albo przyjdź na spotkanie.' END, \
           CASE WHEN p.n % 11 = 0 THEN 'https://video.example.org/pjm/' || p.n END, \
           p.status, CASE WHEN p.status = 'draft' THEN NULL ELSE {announced} END, {opens}, {closes}, NULL, '', \
           {created}, {created}, FALSE, 3 \
         FROM bplan p JOIN bu u ON u.i = p.n % {nu} JOIN bd d0 ON d0.i = p.n % {nd} JOIN districts d ON d.id = d0.id",
        slug = pick("p.n", &topic_slugs),
        title = pick("p.n", &topic_titles),
        summary = pick("p.n", &topic_summaries),
        description = DESCRIPTION.replace('\'', "''"),
        contact = pick("p.n", &contacts),
        phone = s.pad("p.n % 100", 2) + " || ' ' || " + &s.pad("p.n % 97", 2),
        created = s.at("(p.od - 20) * 86400"),
    ));
    steps.push(format!(
        "UPDATE consultations SET search_text = lower(title || ' ' || summary || ' ' || subject) WHERE id > {cb}"
    ));
    steps.push(format!(
        "INSERT INTO consultation_units (consultation_id, unit_id) SELECT {cb} + p.n, u.id FROM bplan p JOIN bu u ON u.i = (p.n + 3) % {nu} \
         WHERE p.n % 5 = 0 AND (p.n + 3) % {nu} <> p.n % {nu}"
    ));
    steps.push(format!(
        "INSERT INTO consultation_districts (consultation_id, district_id) SELECT {cb} + p.n, d.id FROM bplan p JOIN bd d ON d.i = p.n % {nd} \
         WHERE p.n % 4 <> 0"
    ));
    steps.push(format!(
        "INSERT INTO consultation_districts (consultation_id, district_id) SELECT {cb} + p.n, d.id FROM bplan p JOIN bd d ON d.i = (p.n + 5) % {nd} \
         WHERE p.n % 4 <> 0 AND p.n % 3 = 0 AND (p.n + 5) % {nd} <> p.n % {nd}"
    ));
    steps.push(format!(
        "INSERT INTO consultation_categories (consultation_id, category_id) SELECT {cb} + p.n, k.id FROM bplan p JOIN bcat k ON k.i = p.n % {ncat}"
    ));
    steps.push(format!(
        "INSERT INTO consultation_categories (consultation_id, category_id) SELECT {cb} + p.n, k.id FROM bplan p JOIN bcat k ON k.i = (p.n + 1) % {ncat} \
         WHERE p.n % 2 = 0 AND (p.n + 1) % {ncat} <> p.n % {ncat}"
    ));
    // The public history that the Atom feed shows.
    for (from, to, when, statuses) in [
        (
            "draft",
            "announced",
            announced.clone(),
            "'announced', 'open', 'closed', 'report_published', 'archived', 'cancelled'",
        ),
        ("announced", "open", opens.clone(), "'open', 'closed', 'report_published', 'archived'"),
        ("open", "closed", closes.clone(), "'closed', 'report_published', 'archived'"),
        (
            "closed",
            "report_published",
            s.at("(p.od + p.dur + 14) * 86400 + 10 * 3600"),
            "'report_published', 'archived'",
        ),
        ("report_published", "archived", s.at("(p.od + p.dur + 180) * 86400"), "'archived'"),
        ("announced", "cancelled", s.at("(p.od - 2) * 86400"), "'cancelled'"),
    ] {
        steps.push(format!(
            "INSERT INTO consultation_transitions (consultation_id, from_status, to_status, at, actor_label) \
             SELECT {cb} + p.n, '{from}', '{to}', {when}, 'system' FROM bplan p WHERE p.status IN ({statuses})"
        ));
    }
    steps.push(format!(
        "INSERT INTO schedule_items (consultation_id, position, title, starts_on, ends_on, description) \
         SELECT {cb} + p.n, k.n, {title}, {starts}, CASE WHEN k.n = 2 THEN {ends} END, {desc} \
         FROM bplan p JOIN bench_seq k ON k.n <= 3",
        title = pick("k.n - 1", &["Ogłoszenie konsultacji", "Zbieranie uwag", "Raport z konsultacji"]),
        starts = s.date("CASE k.n WHEN 1 THEN p.od - 10 WHEN 2 THEN p.od ELSE p.od + p.dur + 14 END"),
        ends = s.date("p.od + p.dur"),
        desc = pick(
            "k.n - 1",
            &[
                "Informacja o konsultacjach na stronie, w biuletynie i w siedzibach rad dzielnic.",
                "Formularz, e-mail, poczta, spotkania i dyżury ekspertów.",
                "Raport ze wszystkimi uwagami i odpowiedziami miasta.",
            ]
        ),
    ));
    steps.push(format!(
        "INSERT INTO methods (consultation_id, kind, description, channel_address, deadline, position) \
         SELECT {cb} + p.n, CASE k.n WHEN 1 THEN 'collecting_remarks' WHEN 2 THEN 'open_meeting' ELSE {third} END, {desc}, \
           CASE WHEN k.n = 1 THEN 'formularz na tej stronie, konsultacje@example.org, ul. Wszystkich Świętych 3-4, 31-004 Kraków' END, NULL, k.n \
         FROM bplan p JOIN bench_seq k ON k.n <= 3",
        third = pick("p.n", &["workshop", "expert_duty", "study_walk"]),
        desc = pick("k.n - 1", &[
            "Uwagi przyjmujemy przez formularz, e-mailem, pocztą i osobiście.",
            "Spotkanie otwarte z prezentacją projektu i dyskusją.",
            "Praca w małych grupach nad konkretnymi rozwiązaniami.",
        ]),
    ));
    let n_e = scale.events;
    let ev_start = s.at("(p.od + 1 + ((e.n - 1) / {n_c}) * 2) * 86400 + 16 * 3600").replace("{n_c}", &n_c.to_string());
    let ev_end = s.at("(p.od + 1 + ((e.n - 1) / {n_c}) * 2) * 86400 + 18 * 3600").replace("{n_c}", &n_c.to_string());
    steps.push(format!(
        "INSERT INTO events (id, consultation_id, kind, title, starts_at, ends_at, address, room, accessibility, online_url, phone, opening_hours, \
         description, attendance, updated_at) \
         SELECT {eb} + e.n, {cb} + p.n, {kind}, {title}, {ev_start}, {ev_end}, \
           'ul. ' || ({street}) || ' ' || (e.n % 120 + 1) || ', Kraków', 'sala ' || (e.n % 30 + 1), \
           CASE WHEN e.n % 2 = 0 THEN 'Budynek bez barier, pętla indukcyjna, tłumacz PJM na prośbę zgłoszoną 3 dni wcześniej.' END, \
           CASE WHEN e.n % 4 = 0 THEN 'https://spotkania.example.org/k' || e.n END, \
           CASE WHEN e.n % 5 = 2 THEN '12 616 ' || {phone} END, \
           CASE WHEN e.n % 5 = 3 THEN 'pon.–pt. 10:00–18:00' END, \
           'Przedstawimy projekt i odpowiemy na pytania. Prosimy o wcześniejsze zgłoszenie udziału.', \
           CASE WHEN p.status IN ('closed', 'report_published', 'archived') THEN 15 + e.n % 80 END, {opens} \
         FROM bench_seq e JOIN bplan p ON p.n = 1 + (e.n - 1) % {n_c} WHERE e.n <= {n_e}",
        kind = pick("e.n", &["open_meeting", "workshop", "expert_duty", "consultation_point", "study_walk"]),
        title = pick("e.n", &["Spotkanie otwarte z mieszkańcami", "Warsztaty projektowe", "Dyżur eksperta", "Punkt konsultacyjny", "Spacer studyjny"]),
        street = pick("e.n", &STREETS),
        phone = s.pad("e.n % 100", 2) + " || ' ' || " + &s.pad("e.n % 89", 2),
    ));
    steps.push(format!(
        "INSERT INTO documents (id, consultation_id, kind, title, created_at) \
         SELECT {db_} + (p.n - 1) * 2 + k.n, {cb} + p.n, CASE k.n WHEN 1 THEN 'draft' ELSE 'presentation' END, \
           CASE k.n WHEN 1 THEN 'Projekt dokumentu' ELSE 'Prezentacja ze spotkania otwartego' END, {announced} \
         FROM bplan p JOIN bench_seq k ON k.n <= 2"
    ));
    steps.push(format!(
        "INSERT INTO document_versions (id, document_id, version, filename, content_type, size_bytes, storage_key, uploaded_at, uploaded_by) \
         SELECT {dvb} + (p.n - 1) * 2 + k.n, {db_} + (p.n - 1) * 2 + k.n, 1, CASE k.n WHEN 1 THEN 'projekt.pdf' ELSE 'prezentacja.pdf' END, \
           'application/pdf', {size}, 'bench/dokument.pdf', {announced}, 'Miejskie Centrum Dialogu' \
         FROM bplan p JOIN bench_seq k ON k.n <= 2",
        size = PDF.len(),
    ));
    steps.push(format!(
        "INSERT INTO document_sections (id, consultation_id, label, position) \
         SELECT {secb} + (p.n - 1) * 4 + k.n, {cb} + p.n, {label}, k.n FROM bplan p JOIN bench_seq k ON k.n <= 4",
        label =
            pick("k.n - 1", &["§ 1. Przepisy ogólne", "§ 2. Zakres zmian", "Rozdział 3. Finansowanie", "Uzasadnienie"]),
    ));
    // Residents: one password hash for all, e-mail confirmed.
    let n_u = scale.users;
    steps.push(format!(
        "INSERT INTO users (id, email, display_name, password_hash, email_confirmed_at, locale, created_at) \
         SELECT {ub} + n, 'mieszkaniec' || n || '@example.org', ({first}) || ' ' || ({last}), {hash}, {confirmed}, \
           CASE WHEN n % 20 = 0 THEN 'en' ELSE 'pl' END, {created} \
         FROM bench_seq WHERE n <= {n_u}",
        first = pick("n", &FIRST_NAMES),
        last = pick("n / 20", &LAST_NAMES),
        hash = quote(&hash),
        confirmed = s.at("-(n % 900) * 86400 + 3600"),
        created = s.at("-(n % 900) * 86400"),
    ));
    let sessions: Vec<(String, String)> = (0..scale.sessions.min(n_u)).map(|_| session_token()).collect();
    for chunk in sessions.chunks(500).enumerate() {
        let (ci, rows) = chunk;
        let values: Vec<String> = rows
            .iter()
            .enumerate()
            .map(|(i, (_, h))| {
                format!("('{h}', {}, {}, {})", ub + 1 + (ci * 500 + i) as i64, s.at("-3600"), s.at("30 * 86400"))
            })
            .collect();
        steps.push(format!(
            "INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES {}",
            values.join(", ")
        ));
    }
    // Which consultation each remark goes to: the first big_remarks to the big one, the
    // rest spread round-robin over every consultation that has taken remarks.
    let (n_r, n_rb) = (scale.remarks, scale.big_remarks.min(scale.remarks));
    steps.push("CREATE TEMP TABLE be (i INTEGER PRIMARY KEY, n INTEGER NOT NULL)".into());
    steps.push(
        "INSERT INTO be (i, n) SELECT ROW_NUMBER() OVER (ORDER BY n) - 1, n FROM bplan \
         WHERE status IN ('open', 'closed', 'report_published', 'archived') AND n <> 1"
            .into(),
    );
    steps.push(
        "CREATE TEMP TABLE bmap (m INTEGER PRIMARY KEY, cn INTEGER NOT NULL, num INTEGER NOT NULL, status TEXT NOT NULL, od INTEGER NOT NULL, dur INTEGER NOT NULL)"
            .into(),
    );
    steps.push(format!(
        "INSERT INTO bmap (m, cn, num, status, od, dur) SELECT s.n, 1, s.n, p.status, p.od, p.dur FROM bench_seq s JOIN bplan p ON p.n = 1 WHERE s.n <= {n_rb}"
    ));
    steps.push(format!(
        "INSERT INTO bmap (m, cn, num, status, od, dur) \
         SELECT s.n, p.n, (s.n - {n_rb} - 1) / {{NE}} + 1, p.status, p.od, p.dur \
         FROM bench_seq s JOIN be e ON e.i = (s.n - {n_rb} - 1) % {{NE}} JOIN bplan p ON p.n = e.n WHERE s.n > {n_rb} AND s.n <= {n_r}"
    ));
    let received = s.at("b.od * 86400 + 7 * 3600 + (b.m * 97) % 86400");
    steps.push(format!(
        "INSERT INTO submissions (id, consultation_id, receipt, form_key, channel, received_at, entered_by_id, entered_by, user_id, submitter_kind, \
         person_number, name, organisation, district_id, address, email, formal_status, defect_reason, correct_by, attachment_key, attachment_name, \
         attachment_type, created_at) \
         SELECT {sb} + b.m, {cb} + b.cn, 'UW/' || ({cb} + b.cn) || '/' || {num}, {key}, {channel}, {received}, NULL, \
           CASE WHEN b.m % 10 >= 6 THEN 'Anna Nowak (MCD)' END, \
           CASE WHEN b.m % 10 < 6 AND b.m % 3 = 0 THEN {ub} + 1 + b.m % {n_u} END, \
           CASE b.m % 10 WHEN 3 THEN 'organisation' WHEN 7 THEN 'anonymous' ELSE 'person' END, \
           CASE WHEN b.m % 10 NOT IN (3, 7) THEN b.num END, \
           CASE WHEN b.m % 10 <> 7 THEN ({first}) || ' ' || ({last}) END, \
           CASE WHEN b.m % 10 = 3 THEN {org} END, \
           CASE WHEN b.m % 2 = 0 THEN d.id END, NULL, \
           CASE WHEN b.m % 10 < 6 AND b.m % 10 <> 3 THEN 'mieszkaniec' || b.m || '@example.org' END, \
           CASE WHEN b.m % 50 = 7 THEN 'defective' ELSE 'valid' END, CASE WHEN b.m % 50 = 7 THEN 'Brak podpisu na piśmie.' END, \
           NULL, NULL, NULL, NULL, {received} \
         FROM bmap b JOIN bd d ON d.i = b.m % {nd}",
        num = s.pad("b.num", 5),
        key = s.pad("b.m", 64),
        channel = pick("b.m", &["online", "online", "online", "online", "online", "online", "email", "post", "epuap", "meeting"]),
        first = pick("b.m", &FIRST_NAMES),
        last = pick("b.m / 7", &LAST_NAMES),
        org = pick("b.m", &ORGANISATIONS),
    ));
    let answered = "(b.status IN ('report_published', 'archived') OR (b.status = 'closed' AND b.m % 2 = 0) OR (b.status = 'open' AND b.m % 5 = 0))";
    steps.push(format!(
        "INSERT INTO remarks (id, consultation_id, submission_id, number, section_id, section_text, proposed_change, justification, moderation, \
         hidden_reason, group_id, decision, decision_justification, answered_at, answered_by) \
         SELECT {rb} + b.m, {cb} + b.cn, {sb} + b.m, b.num, \
           CASE WHEN b.m % 3 = 0 THEN NULL ELSE {secb} + (b.cn - 1) * 4 + 1 + b.m % 4 END, \
           CASE WHEN b.m % 3 = 0 THEN 'str. ' || (b.m % 40 + 1) || ' projektu' END, \
           ({proposal}) || ' ' || ({detail}), {justification}, \
           CASE WHEN b.m % 97 = 0 THEN 'hidden' ELSE 'published' END, \
           CASE WHEN b.m % 97 = 0 THEN 'Uwaga zawierała dane osobowe osób trzecich.' END, NULL, \
           CASE WHEN {answered} THEN {decision} END, CASE WHEN {answered} THEN {answer} END, \
           CASE WHEN {answered} THEN CASE WHEN b.status = 'open' THEN {recent} ELSE {after} END END, \
           CASE WHEN {answered} THEN 'Zespół ds. konsultacji' END \
         FROM bmap b",
        proposal = pick("b.m", &PROPOSALS),
        detail = pick("b.m / 12", &DETAILS),
        justification = pick("b.m / 3", &JUSTIFICATIONS),
        decision = pick("b.m", &DECISIONS),
        answer = pick("b.m", &ANSWERS),
        recent = s.at("-3600"),
        after = s.at("(b.od + b.dur + 7) * 86400 + 12 * 3600"),
    ));
    steps.push(format!(
        "INSERT INTO moderation_log (consultation_id, remark_id, remark_number, action, reason, actor_label, at) \
         SELECT r.consultation_id, r.id, r.number, 'hide', r.hidden_reason, 'Moderator MCD', {at} \
         FROM remarks r JOIN bmap b ON b.m = r.id - {rb} WHERE r.id > {rb} AND r.moderation = 'hidden'",
        at = s.at("(b.od + 2) * 86400 + 10 * 3600"),
    ));
    steps.push(format!(
        "INSERT INTO reports (consultation_id, version, introduction, conclusions, published_at, published_by, created_at) \
         SELECT {cb} + p.n, 1, \
           'Konsultacje trwały ' || p.dur || ' dni. Odbyły się spotkania otwarte, warsztaty i dyżury ekspertów. Raport zawiera wszystkie uwagi wraz ze stanowiskiem miasta.', \
           'Projekt zostanie poprawiony zgodnie z uwzględnionymi uwagami i przekazany Radzie Miasta.', {published}, 'Miejskie Centrum Dialogu', {published} \
         FROM bplan p WHERE p.status IN ('report_published', 'archived')",
        published = s.at("(p.od + p.dur + 14) * 86400 + 10 * 3600"),
    ));
    steps.push(format!(
        "UPDATE consultations SET \
           next_remark_number = 1 + COALESCE((SELECT MAX(r.number) FROM remarks r WHERE r.consultation_id = consultations.id), 0), \
           next_person_number = 1 + COALESCE((SELECT MAX(x.person_number) FROM submissions x WHERE x.consultation_id = consultations.id), 0) \
         WHERE id > {cb}"
    ));
    // The ledger: opinions and recommendations of the demo bodies to every department, adopted
    // over the last two years; those of the last 40 days await the city (some overdue), the
    // older ones are answered, a few recommendations carried out.
    let nbody = c.int("SELECT COUNT(*) FROM dialogue_bodies").await?;
    if nbody > 0 {
        let n_t = scale.tracked;
        let opened = s.date("-(n % 730)");
        let due = s.date("-(n % 730) + 30");
        let answered = s.date("-(n % 730) + 20");
        let created = s.at("-(n % 730) * 86400 + 36000");
        steps.push(format!(
            "INSERT INTO tracked_requests (kind, title, body_id, unit_id, opened_on, due_on, state, answered_on, public, created_at, updated_at) \
             SELECT CASE WHEN n % 4 = 0 THEN 'recommendation' ELSE 'opinion' END, ({title}) || ' (' || n || ')', bb.id, bu.id, \
               {opened}, {due}, \
               CASE WHEN n % 730 < 40 THEN CASE WHEN n % 3 = 0 THEN 'acknowledged' ELSE 'sent' END \
                 WHEN n % 4 = 0 AND n % 8 = 0 THEN 'implemented' ELSE 'answered' END, \
               CASE WHEN n % 730 < 40 THEN NULL ELSE {answered} END, TRUE, {created}, {created} \
             FROM bench_seq JOIN bu ON bu.i = n % {nu} JOIN bbody bb ON bb.i = n % {nbody} WHERE n <= {n_t}",
            title = pick("n", &["Opinia o projekcie uchwały", "Opinia o programie", "Rekomendacja zespołu", "Opinia o strategii"]),
        ));
        steps.extend(crate::recognition::steps(ub + 1, &s.date("-1095"), &|secs: &str| s.at(secs)));
    }
    // The forum: one long thread in the demo's transport category, a top-level post and three
    // replies to it in turn, by the generated residents, over the ten days before today (so
    // that none counts against a poster's hourly limit). The limit itself is raised for the
    // posting scenario, which sends more in a second than a person does in a year.
    let forum_space = c.int("SELECT COALESCE((SELECT id FROM forum_spaces WHERE slug = 'transport'), 0)").await?;
    let forum_thread = c.int("SELECT COALESCE(MAX(id), 0) FROM forum_threads").await? + 1;
    let pb = c.int("SELECT COALESCE(MAX(id), 0) FROM forum_posts").await?;
    let n_f = scale.forum_posts;
    if forum_space > 0 {
        let first = s.at("-10 * 86400");
        steps.push(format!(
            "INSERT INTO forum_threads (id, space_id, title, author_id, author_name, created_at, last_post_at, posts) \
             VALUES ({forum_thread}, {forum_space}, 'Jak poprawić komunikację nocną?', {ub} + 1, 'Mieszkaniec', {first}, {first}, {n_f})"
        ));
        steps.push(format!(
            "INSERT INTO forum_posts (id, thread_id, parent_id, reply_to_id, author_id, author_name, text, created_at, state, supports, reports, form_key, lang) \
             SELECT {pb} + n, {forum_thread}, CASE WHEN n % 4 = 1 THEN NULL ELSE {pb} + n - (n - 1) % 4 END, \
               CASE WHEN n % 4 = 1 THEN NULL ELSE {pb} + n - 1 END, {ub} + 1 + n % {n_u}, 'Mieszkaniec ' || (n % {n_u}), \
               ({text}) || ' (' || n || ')', {at}, 'visible', n % 7, 0, 'bench-' || n, 'pl' \
             FROM bench_seq WHERE n <= {n_f}",
            text = pick("n", &["Potrzebny nocny tramwaj w weekendy.", "Autobusy nocne jeżdżą za rzadko.", "Zgadzam się z przedmówcą.", "Warto sprawdzić, jak to działa w Poznaniu."]),
            at = s.at("-10 * 86400 + n * 20"),
            n_u = scale.users.max(1),
        ));
        steps.push(
            "INSERT INTO settings (key, value, updated_at) VALUES ('forum', \
             '{\"edit_minutes\":30,\"reports_to_hold\":3,\"alert_hours\":24,\"posts_per_hour\":100000000,\"days_before_links\":2}', \
             CURRENT_TIMESTAMP) ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                .into(),
        );
    }
    // An event a month ahead with registration open and places for the first of the load, so
    // that the registration scenario fills them and then the waiting list.
    let event = c.int("SELECT COALESCE(MAX(id), 0) FROM city_events").await? + 1;
    steps.push(format!(
        "INSERT INTO city_events (id, kind, title, description, organiser_kind, starts_at, ends_at, address, capacity, \
           reg_opens_at, reg_closes_at, questions, created_at, updated_at) \
         VALUES ({event}, 'conference', 'Konferencja z zapisami', 'Zapisy pod obciążeniem.', 'centre', {starts}, {ends}, \
           'ul. Reformacka 3', {EVENT_CAPACITY}, {opens}, {starts}, '', {opens}, {opens})",
        starts = s.at("30 * 86400"),
        ends = s.at("30 * 86400 + 7200"),
        opens = s.at("-86400"),
    ));
    // News: one post every few hours over the last 400 days up to today, two in three about a
    // district (in turn), the rest the Centre's own; the address part starts with the id, as
    // the site makes it.
    let nb = c.int("SELECT COALESCE(MAX(id), 0) FROM news").await?;
    let n_n = scale.news;
    steps.push(format!(
        "INSERT INTO news (id, slug, title, lead, body, search_text, district_id, publish_at, author_name, created_at, updated_at) \
         SELECT {nb} + n, CAST({nb} + n AS TEXT) || '-wiadomosc-' || CAST(n AS TEXT), ({title}) || ' (' || CAST(n AS TEXT) || ')', \
           'Rada dzielnicy i Centrum Dialogu zapraszają mieszkańców na spotkanie w sprawie zmian w okolicy.', \
           'Spotkanie odbędzie się w **siedzibie rady**. Zapraszamy wszystkich zainteresowanych.\n\n- program spotkania,\n- pytania mieszkańców.', \
           lower(({title}) || ' rada dzielnicy i centrum dialogu zapraszają mieszkańców'), \
           CASE WHEN n % 3 = 0 THEN NULL ELSE (SELECT id FROM districts WHERE number = 1 + n % 18) END, {at}, 'Redakcja', {at}, {at} \
         FROM bench_seq WHERE n <= {n_n}",
        title = pick("n", &["Dyżur radnych dzielnicy", "Zaproszenie na debatę", "Nowy park kieszonkowy", "Wyniki konsultacji w dzielnicy"]),
        at = s.at(&format!("-400 * 86400 + n * {}", 400 * 86400 / n_n.max(1))),
    ));
    if b == Backend::Postgres {
        for t in ["forum_threads", "forum_posts", "news", "city_events"] {
            steps.push(format!(
                "SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT GREATEST(MAX(id), 1) FROM {t}))"
            ));
        }
        for t in [
            "consultations",
            "events",
            "documents",
            "document_versions",
            "document_sections",
            "users",
            "submissions",
            "remarks",
        ] {
            steps.push(format!("SELECT setval(pg_get_serial_sequence('{t}', 'id'), (SELECT MAX(id) FROM {t}))"));
        }
    }

    let mut ne: Option<i64> = None;
    for step in steps {
        let step = if step.contains("{NE}") {
            let n = match ne {
                Some(n) => n,
                None => {
                    let n = c.int("SELECT COUNT(*) FROM be").await?;
                    ne = Some(n);
                    n
                }
            };
            if n == 0 {
                bail!("no consultation besides the big one can take remarks; generate more consultations");
            }
            step.replace("{NE}", &n.to_string())
        } else {
            step
        };
        c.exec(&step).await?;
        if b == Backend::Postgres && step.starts_with("INSERT INTO b") {
            // Temporary tables get no statistics from autovacuum; without them the planner
            // guesses badly for the joins that follow.
            let table = step.split_whitespace().nth(2).unwrap_or_default().to_owned();
            c.exec(&format!("ANALYZE {table}")).await?;
        }
    }
    let surveys_note = crate::surveys::generate(&mut c, &SqlFor { backend: b, day: s.day.clone() }, scale).await?;
    for t in ["bmap", "be", "bplan", "bcat", "bd", "bu", "bbody", "bench_seq"] {
        c.exec(&format!("DROP TABLE {t}")).await?;
    }
    c.exec("COMMIT").await?;
    if b == Backend::Postgres {
        // Left to the server, the vacuum after a bulk load of this size and the checkpoint
        // that writes it out run during the scenarios, on the cores the server and wrk share.
        c.exec("VACUUM (ANALYZE)").await?;
        c.exec("CHECKPOINT").await?;
    } else {
        c.exec("ANALYZE").await?;
    }
    if b == Backend::Sqlite {
        c.exec("PRAGMA wal_checkpoint(TRUNCATE)").await?;
    }

    let mut counts = Vec::new();
    for t in [
        "consultations",
        "events",
        "documents",
        "remarks",
        "submissions",
        "users",
        "sessions",
        "reports",
        "tracked_requests",
        "forum_posts",
        "news",
    ] {
        counts.push((t.to_owned(), c.int(&format!("SELECT COUNT(*) FROM {t}")).await?));
    }
    let target_id = c.int(&format!("SELECT id FROM consultations WHERE slug = '{TARGET_SLUG}'")).await?;
    let districts = c.strings("SELECT CAST(id AS TEXT) FROM districts ORDER BY id").await?;
    let categories = c.strings("SELECT CAST(id AS TEXT) FROM categories ORDER BY id").await?;
    let units = c.strings("SELECT code FROM units ORDER BY id").await?;
    // Published ones only: the demo schedules one for next week, and its address answers 404.
    let news_slugs = c
        .strings(&format!(
            "SELECT slug FROM news WHERE publish_at <= {} ORDER BY publish_at DESC, id DESC LIMIT 3",
            s.at("0")
        ))
        .await?;
    let certificate_path = c
        .strings("SELECT slug FROM dialogue_bodies ORDER BY id LIMIT 1")
        .await?
        .first()
        .map(|slug| format!("/ciala-dialogu/{slug}/zaswiadczenie"));
    c.close().await;

    let d = |i: usize| districts[i % districts.len()].clone();
    let k = |i: usize| categories[i % categories.len()].clone();
    let year = chrono::Utc::now().format("%Y").to_string().parse::<i32>().unwrap_or(2026);
    let catalogue_paths = vec![
        "/konsultacje".to_owned(),
        format!("/konsultacje?status=trwajace&dzielnica={}", d(0)),
        format!("/konsultacje?status=trwajace&kategoria={}", k(1)),
        format!("/konsultacje?status=zakonczone&dzielnica={}&kategoria={}", d(3), k(2)),
        format!("/konsultacje?status=zakonczone&dzielnica={}&strona=2", d(5)),
        format!("/konsultacje?status=planowane&jednostka={}", units[0]),
        format!("/konsultacje?status=wszystkie&rok={}", year - 2),
        "/konsultacje?status=wszystkie&q=park".to_owned(),
        format!("/konsultacje?status=zakonczone&sortuj=tytul&strona=3&kategoria={}", k(4)),
        format!("/konsultacje?status=trwajace&dzielnica={}&kategoria={}&sortuj=najnowsze", d(7), k(0)),
        format!("/konsultacje?status=zakonczone&jednostka={}&rok={}", units[1 % units.len()], year - 1),
        "/konsultacje?status=wszystkie&q=plan+miejscowy&strona=2".to_owned(),
    ];
    let mut news_paths = vec![
        "/aktualnosci".to_owned(),
        "/aktualnosci?strona=2".to_owned(),
        format!("/aktualnosci?dzielnica={}", d(12)),
        format!("/aktualnosci?rok={year}"),
        format!("/dzielnice/{}", d(12)),
        format!("/dzielnice/{}", d(0)),
        "/dzielnice/podgorze/rada".to_owned(),
        "/dzielnice/stare-miasto/rada".to_owned(),
        "/aktualnosci?q=debat".to_owned(),
    ];
    news_paths.extend(news_slugs.iter().map(|slug| format!("/aktualnosci/{slug}")));
    Ok(Dataset {
        news_paths,
        target_id,
        sessions: sessions.into_iter().map(|(t, _)| t).collect(),
        user_email: "mieszkaniec1@example.org".into(),
        catalogue_paths,
        remark_pages: (n_rb + 49) / 50,
        ledger_pages: (scale.tracked + LEDGER_PAGE - 1) / LEDGER_PAGE,
        forum_thread: if forum_space > 0 { forum_thread } else { 0 },
        forum_pages: ((n_f + 3) / 4 + FORUM_PAGE - 1) / FORUM_PAGE,
        certificate_path,
        event,
        event_capacity: EVENT_CAPACITY,
        counts,
        notes: surveys_note.map(|n| format!("survey data: {n}")).into_iter().collect(),
        took: started.elapsed(),
    })
}

/// SQL text helpers exposed to the survey generator.
pub struct SqlFor {
    /// The dialect.
    pub backend: Backend,
    /// The generation day, `YYYY-MM-DD`.
    pub day: String,
}

#[expect(dead_code, reason = "the survey generator will use these; see surveys.rs")]
impl SqlFor {
    /// The instant `secs` seconds after midnight of the generation day.
    pub fn at(&self, secs: &str) -> String {
        Sql { b: self.backend, day: self.day.clone() }.at(secs)
    }

    /// `CASE expr % len …` picking one of `items`.
    pub fn pick(&self, expr: &str, items: &[&str]) -> String {
        pick(expr, items)
    }
}

/// Drops and re-creates the PostgreSQL database `name` on the server of `admin_url`;
/// returns the URL of the new database.
pub async fn recreate_postgres(admin_url: &str, name: &str) -> Result<String> {
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        bail!("--pg-database {name:?}: use letters, digits and _ only");
    }
    let mut admin = PgConnection::connect(admin_url).await.with_context(|| format!("connecting to {admin_url}"))?;
    let current: String = sqlx::query_scalar("SELECT current_database()::text").fetch_one(&mut admin).await?;
    if current == name {
        bail!("--pg-url points at the database {name} itself; point it at another database on the same server");
    }
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
        .execute(&mut admin)
        .await?;
    sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut admin).await?;
    admin.close().await?;
    Ok(with_database(admin_url, name))
}

/// `url` with its database name replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let base = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    format!("{base}/{name}{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_name_is_replaced() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/test", "bench"),
            "postgres://postgres@127.0.0.1:5432/bench"
        );
        assert_eq!(with_database("postgres://h", "bench"), "postgres://h/bench");
        assert_eq!(with_database("postgres://u@h/db?sslmode=disable", "bench"), "postgres://u@h/bench?sslmode=disable");
    }

    #[test]
    fn pick_cycles_and_escapes() {
        assert_eq!(pick("n", &["a", "b'c"]), "CASE (n) % 2 WHEN 0 THEN 'a' WHEN 1 THEN 'b''c' END");
    }
}
