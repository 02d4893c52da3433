//! Demo events: the Centre's conference on civic dialogue with registration full and people on
//! the waiting list (one of them named accessibility needs), Podgórze's cycle of district
//! debates, a series of the academy's trainings with a question for participants, a study
//! visit and an integration picnic, and a Forum Dialogu session held last month with its
//! summary, materials and recording. The people are invented. Loading it
//! twice changes nothing: with any event stored, nothing is added.

use agora_db::audit::AuditEntry;
use agora_db::events::{self, EventFilter, NewRegistration};
use agora_db::{Db, reference};
use agora_domain::event::{AccessNeed, CityEventInput, EventKind, Organiser, Registration, SeriesInput, code_from};
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Warsaw;

fn entry(action: &'static str, details: &str) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity: "city_event", details: details.into() }
}

/// `days` from today at `hour`:`minute` Warsaw time.
fn at(days: i64, hour: u32, minute: u32) -> anyhow::Result<DateTime<Utc>> {
    let day = Utc::now().with_timezone(&Warsaw).date_naive() + Duration::days(days);
    let time = NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(|| anyhow::anyhow!("bad time"))?;
    Warsaw
        .from_local_datetime(&day.and_time(time))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| anyhow::anyhow!("no such Warsaw time"))
}

struct Spec {
    kind: EventKind,
    title: &'static str,
    description: &'static str,
    organiser: Organiser,
    district: Option<i64>,
    series: Option<i64>,
    /// Days from today, start hour, length in hours.
    when: (i64, u32, i64),
    address: &'static str,
    online_url: Option<&'static str>,
    /// Places, when people register; `Some(None)` for registration without a limit.
    capacity: Option<Option<u32>>,
    questions: &'static [&'static str],
}

async fn add(db: &Db, s: &Spec) -> anyhow::Result<i64> {
    let starts_at = at(s.when.0, s.when.1, 0)?;
    let input = CityEventInput {
        kind: s.kind,
        title: s.title.into(),
        organiser: s.organiser,
        series_id: s.series,
        consultation_id: None,
        district_id: s.district,
        starts_at,
        ends_at: starts_at + Duration::hours(s.when.2),
        address: Some(s.address.into()),
        online_url: s.online_url.map(Into::into),
        description: s.description.into(),
        registration: s.capacity.map(|capacity| Registration {
            capacity,
            opens_at: Utc::now() - Duration::days(7),
            closes_at: starts_at - Duration::hours(2),
        }),
        questions: s.questions.iter().map(|q| (*q).to_owned()).collect(),
    };
    events::save(db, None, &input, &entry("event.create", s.title)).await?.ok_or_else(|| anyhow::anyhow!("not stored"))
}

const PEOPLE: &[&str] = &[
    "Anna Zielińska",
    "Piotr Mazur",
    "Katarzyna Wójcik",
    "Michał Kaczmarek",
    "Magdalena Lewandowska",
    "Jakub Dudek",
    "Natalia Sikora",
    "Paweł Baran",
    "Joanna Pawlak",
    "Marcin Szewczyk",
    "Ewa Wróbel",
    "Tomasz Jabłoński",
    "Aleksandra Majewska",
    "Krzysztof Olszewski",
    "Monika Jaworska",
    "Łukasz Malinowski",
    "Agata Stępień",
    "Grzegorz Górecki",
    "Karolina Witkowska",
    "Rafał Walczak",
    "Zofia Rutkowska",
    "Bartosz Michalak",
    "Weronika Sobczak",
    "Adam Czarnecki",
    "Julia Kowalczyk",
    "Szymon Wieczorek",
];

/// Registers the first `n` demo people for event `id`, in order.
async fn fill(db: &Db, id: i64, n: usize, answer: Option<&str>) -> anyhow::Result<()> {
    let batch: Vec<NewRegistration> = PEOPLE
        .iter()
        .take(n)
        .enumerate()
        .map(|(i, name)| NewRegistration {
            event_id: id,
            account_id: None,
            name: (*name).into(),
            email: format!("uczestnik{}.{id}@example.org", i + 1),
            lang: if i % 5 == 4 { "en".into() } else { "pl".into() },
            needs: match i {
                3 => vec![AccessNeed::SignLanguage],
                7 => vec![AccessNeed::StepFree, AccessNeed::InductionLoop],
                _ => Vec::new(),
            },
            need_other: None,
            answers: answer.map(|a| vec![a.to_owned()]).unwrap_or_default(),
            token: agora_db::random_token(),
            code: code_from(&rand::random()),
        })
        .collect();
    events::register(db, &batch).await?;
    Ok(())
}

/// Loads the demo events unless there are events already.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    if events::list(db, &EventFilter::default(), 1, 0).await?.total > 0 {
        return Ok(());
    }
    let districts = reference::districts(db).await?;
    let podgorze = districts.iter().find(|d| d.number == 13).map(|d| d.id);
    let centre = Organiser::Centre;
    let conference = add(
        db,
        &Spec {
            kind: EventKind::Conference,
            title: "Konferencja „Dialog obywatelski w Krakowie 2027”",
            description: "Coroczna konferencja dla ciał dialogu obywatelskiego, organizacji pozarządowych, radnych \
                          dzielnic i urzędników.\n\n- podsumowanie roku konsultacji,\n- dobre praktyki komisji \
                          dialogu obywatelskiego,\n- warsztaty w grupach.",
            organiser: centre,
            district: None,
            series: None,
            when: (21, 9, 7),
            address: "Centrum Kongresowe ICE Kraków, ul. Marii Konopnickiej 17, sala audytoryjna",
            online_url: None,
            capacity: Some(Some(20)),
            questions: &["Jaką organizację lub ciało dialogu reprezentujesz?"],
        },
    )
    .await?;
    // Full, with six people waiting.
    fill(db, conference, 26, Some("Stowarzyszenie mieszkańców")).await?;

    if let Some(d) = podgorze {
        let debates = SeriesInput {
            title: "Debaty podgórskie".into(),
            description: "Co miesiąc rada dzielnicy zaprasza mieszkańców do rozmowy o jednej sprawie Podgórza.".into(),
            organiser: Organiser::District(d),
            academy: None,
        };
        let series = events::add_series(db, &debates, &entry("event.series", "Debaty podgórskie")).await?;
        for (days, title) in [
            (6, "Debata podgórska: Zabłocie po przebudowie"),
            (34, "Debata podgórska: zieleń nad Wisłą"),
            (62, "Debata podgórska: parkowanie wokół Rynku Podgórskiego"),
        ] {
            add(
                db,
                &Spec {
                    kind: EventKind::Debate,
                    title,
                    description: "Otwarta debata rady dzielnicy z mieszkańcami. Nie trzeba się zapisywać: wystarczy przyjść.",
                    organiser: Organiser::District(d),
                    district: Some(d),
                    series: Some(series),
                    when: (days, 18, 2),
                    address: "Rada Dzielnicy XIII Podgórze, ul. Rynek Podgórski 1, sala sesyjna",
                    online_url: None,
                    capacity: None,
                    questions: &[],
                },
            )
            .await?;
        }
    }

    let training = SeriesInput {
        title: "Akademia Konsultacji: jak przygotować i poprowadzić konsultacje".into(),
        description: "Cykl trzech szkoleń dla urzędników, radnych dzielnic i liderów lokalnych: od planu konsultacji, \
                      przez spotkania z mieszkańcami, po raport z odpowiedziami na uwagi. Ukończenie całego cyklu daje \
                      zaświadczenie."
            .into(),
        organiser: centre,
        academy: Some("urzędnicy, radni dzielnic, liderzy lokalni".into()),
    };
    let academy = events::add_series(db, &training, &entry("event.series", "Akademia Konsultacji")).await?;
    for (n, (days, title)) in [
        (9, "Plan konsultacji i analiza interesariuszy"),
        (16, "Spotkania i warsztaty z mieszkańcami"),
        (23, "Raport z konsultacji"),
    ]
    .into_iter()
    .enumerate()
    {
        let id = add(
            db,
            &Spec {
                kind: EventKind::Training,
                title,
                description: "Szkolenie Akademii Konsultacji. Materiały dostaniesz po zajęciach.",
                organiser: centre,
                district: None,
                series: Some(academy),
                when: (days, 10, 4),
                address: "Centrum Obywatelskie, ul. Reformacka 3, sala szkoleniowa",
                online_url: None,
                capacity: Some(Some(25)),
                questions: &["Jakie masz doświadczenie z konsultacjami?"],
            },
        )
        .await?;
        fill(db, id, 12 - 3 * n, Some("Prowadziłem jedne konsultacje w dzielnicy.")).await?;
    }

    add(
        db,
        &Spec {
            kind: EventKind::StudyVisit,
            title: "Wizyta studyjna: budżet obywatelski w Gdańsku",
            description: "Dwa dni w Gdańsku z urzędnikami i radą budżetu obywatelskiego. Dojazd zapewnia organizator.",
            organiser: centre,
            district: None,
            series: None,
            when: (40, 7, 36),
            address: "Zbiórka: Dworzec Główny w Krakowie, hala główna",
            online_url: None,
            capacity: Some(Some(15)),
            questions: &[],
        },
    )
    .await?;
    add(
        db,
        &Spec {
            kind: EventKind::Integration,
            title: "Piknik sąsiedzki na Bulwarach",
            description: "Spotkanie mieszkańców, organizacji i rad dzielnic przy muzyce i grach dla dzieci.",
            organiser: centre,
            district: podgorze,
            series: None,
            when: (30, 14, 5),
            address: "Bulwar Podgórski, przy Kładce Ojca Bernatka",
            online_url: None,
            capacity: None,
            questions: &[],
        },
    )
    .await?;

    // An open meeting of the public benefit council with organisations, on its page.
    if let Some(krdpp) = agora_db::bodies::by_slug(db, "krdpp").await? {
        add(
            db,
            &Spec {
                kind: EventKind::Debate,
                title: "Otwarte spotkanie KRDPP z organizacjami pozarządowymi",
                description: "Rada Działalności Pożytku Publicznego zaprasza organizacje do rozmowy o projekcie \
                              programu współpracy na przyszły rok.",
                organiser: Organiser::Body(krdpp.body.id),
                district: None,
                series: None,
                when: (12, 16, 2),
                address: "Urząd Miasta Krakowa, pl. Wszystkich Świętych 3-4, sala 200",
                online_url: None,
                capacity: Some(Some(60)),
                questions: &["Jaką organizację reprezentujesz?"],
            },
        )
        .await?;
    }

    // A session held last month, with what came afterwards and the people who came.
    let held = add(
        db,
        &Spec {
            kind: EventKind::ForumSession,
            title: "Sesja Forum Dialogu: współpraca z organizacjami pozarządowymi",
            description: "Sesja Forum Dialogu Obywatelskiego o programie współpracy miasta z organizacjami.",
            organiser: centre,
            district: None,
            series: None,
            when: (-30, 17, 3),
            address: "Urząd Miasta Krakowa, pl. Wszystkich Świętych 3-4, Sala Obrad",
            online_url: Some("https://www.youtube.com/@MiastoKrakow"),
            capacity: None,
            questions: &[],
        },
    )
    .await?;
    events::save_afterwards(
        db,
        held,
        Some("- prezentacja programu współpracy (PDF w Biuletynie Informacji Publicznej)\n- lista wniosków z sesji"),
        Some("https://www.youtube.com/@MiastoKrakow"),
        Some(
            "Na sesję przyszło 48 osób z 31 organizacji. Najwięcej uwag dotyczyło terminów otwartych konkursów ofert; \
             miasto zobowiązało się odpowiedzieć na nie w raporcie z konsultacji programu.",
        ),
        &entry("event.afterwards", "Sesja Forum Dialogu"),
    )
    .await?;
    Ok(())
}
