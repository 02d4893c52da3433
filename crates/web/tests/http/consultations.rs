//! Consultations: the organiser's forms, the rules profile, the scheduler, the public
//! catalogue and page, documents, calendar feeds.

use crate::harness::{Client, TestApp};
use agora_db::audit::AuditEntry;
use agora_db::consultation::{self, Links};
use agora_db::reference;
use agora_domain::consultation::{ConsultationForm, ConsultationInput, Status};
use agora_domain::permission::Grant;
use agora_domain::reference::{DistrictInput, UnitInput};
use axum::http::StatusCode;
use chrono::{Duration, Utc};

pub fn entry() -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "test".into(), action: "test", entity: "test", details: String::new() }
}

pub async fn unit(app: &TestApp, code: &str) -> i64 {
    reference::save_unit(
        app.db(),
        None,
        &UnitInput::parse(code, &format!("Jednostka {code}"), "", "").unwrap(),
        &entry(),
    )
    .await
    .unwrap()
}

async fn district(app: &TestApp, n: i32, name: &str) -> i64 {
    reference::save_district(app.db(), None, &DistrictInput::parse(&n.to_string(), name).unwrap(), &entry())
        .await
        .unwrap()
}

/// A consultation stored directly, moved to `status` through the real transitions.
pub async fn stored(
    app: &TestApp,
    unit: i64,
    title: &str,
    status: Status,
    opens_in_days: i64,
    districts: Vec<i64>,
) -> i64 {
    let now = Utc::now();
    let f = ConsultationForm {
        title: title.into(),
        summary: format!("Streszczenie konsultacji {title}."),
        legal_basis: "optional".into(),
        scope: if districts.is_empty() { "city".into() } else { "districts".into() },
        contact_name: "Jan Nowak".into(),
        opens_at: "x".into(),
        closes_at: "x".into(),
        ..Default::default()
    };
    let opens = now + Duration::days(opens_in_days);
    let input = ConsultationInput::parse(&f, Some(opens), Some(opens + Duration::days(21))).unwrap();
    let links = Links { districts, ..Default::default() };
    let id = consultation::create(app.db(), &input, unit, "pl", &links, &entry()).await.unwrap();
    let path: &[Status] = match status {
        Status::Draft => &[],
        Status::Announced => &[Status::Announced],
        Status::Open => &[Status::Announced, Status::Open],
        Status::Closed => &[Status::Announced, Status::Open, Status::Closed],
        Status::ReportPublished => &[Status::Announced, Status::Open, Status::Closed, Status::ReportPublished],
        Status::Archived => {
            &[Status::Announced, Status::Open, Status::Closed, Status::ReportPublished, Status::Archived]
        }
        Status::Cancelled => &[Status::Announced, Status::Cancelled],
    };
    let mut from = Status::Draft;
    for to in path {
        assert!(consultation::transition(app.db(), id, from, *to, None, &entry()).await.unwrap());
        from = *to;
    }
    id
}

fn form<'a>(title: &'a str, slug: &'a str, unit: &'a str, opens: &'a str, closes: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        ("slug", slug),
        ("summary", "Miasto pyta mieszkańców o nowy układ ulicy."),
        ("description", "## Cel\n\nPrzebudowa ulicy. <script>alert('x')</script>"),
        ("subject", "Koncepcja przebudowy"),
        ("legal_basis", "optional"),
        ("enabling_act", ""),
        ("unit_id", unit),
        ("scope", "city"),
        ("languages", "pl"),
        ("contact_name", "Anna Nowak"),
        ("contact_email", "anna@example.org"),
        ("contact_phone", "12 616 12 34"),
        ("privacy_notice", "Administratorem danych jest Prezydent Miasta."),
        ("opens_at", opens),
        ("closes_at", closes),
    ]
}

async fn organiser(app: &TestApp) -> (Client, i64) {
    let ztp = unit(app, "ZTP").await;
    (app.signed_in("org@example.pl", &[Grant::Organiser(ztp)]).await, ztp)
}

#[tokio::test]
async fn an_organiser_creates_a_draft_with_clear_errors_and_only_they_see_it() {
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let u = ztp.to_string();
    let r = org
        .post("/admin/konsultacje/nowa", &form("Ul", "Zła Ścieżka", &u, "2027-02-10T10:00", "2027-02-01T10:00"))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("title").as_deref(), Some("Wpisz co najmniej 5 znaków."));
    assert!(r.field_error("slug").unwrap().starts_with("Adres może zawierać tylko małe litery"));
    assert_eq!(r.field_error("closes_at").as_deref(), Some("Koniec musi być później niż początek."));
    assert_eq!(r.input_value("opens_at").as_deref(), Some("2027-02-10T10:00"));
    assert!(r.body.contains("Przebudowa ulicy. &#60;script&#62;"), "the textarea keeps the text, escaped");

    let r = org
        .post(
            "/admin/konsultacje/nowa",
            &form("Przebudowa ul. Podzamcze", "", &u, "2027-02-01T10:00", "2027-02-28T18:00"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let c =
        consultation::by_slug(app.db(), "przebudowa-ul-podzamcze").await.unwrap().expect("slug made from the title");
    assert_eq!(c.status, Status::Draft);
    assert_eq!(c.opens_at.to_rfc3339(), "2027-02-01T09:00:00+00:00", "typed in Warsaw time");

    let r = org
        .post(
            "/admin/konsultacje/nowa",
            &form("Inna konsultacja", "przebudowa-ul-podzamcze", &u, "2027-02-01T10:00", "2027-02-28T18:00"),
        )
        .await;
    assert_eq!(r.field_error("slug").as_deref(), Some("Ten adres ma już inna konsultacja. Wybierz inny."));

    assert_eq!(app.client().get("/konsultacje/przebudowa-ul-podzamcze").await.status, StatusCode::NOT_FOUND);
    let r = org.get("/konsultacje/przebudowa-ul-podzamcze").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("<h2 id=\"about-heading\">") && !r.body.contains("<script>alert"),
        "markdown rendered and sanitised"
    );

    let other = unit(&app, "SZ").await;
    let mut stranger = app.signed_in("sz@example.pl", &[Grant::Organiser(other)]).await;
    assert_eq!(stranger.get(&format!("/admin/konsultacje/{}", c.id)).await.status, StatusCode::FORBIDDEN);
    let r = stranger
        .post("/admin/konsultacje/nowa", &form("Cudza konsultacja", "", &u, "2027-02-01T10:00", "2027-02-28T18:00"))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "cannot create for another unit");
    assert!(r.field_error("unit_id").is_some());
}

#[tokio::test]
async fn publishing_checks_the_rules_profile() {
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let id = stored(&app, ztp, "Nowy rozkład jazdy", Status::Draft, 3, vec![]).await;

    let r = org.post(&format!("/admin/konsultacje/{id}/status"), &[("to", "announced")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let text = r.text();
    assert!(text.contains("zasady wymagają co najmniej 7 dni akcji informacyjnej"), "{text}");
    assert!(text.contains("Konsultacja ma 0 form, a zasady wymagają co najmniej 3."));
    assert!(text.contains("Spotkanie otwarte, Warsztaty"));
    let r =
        org.post(&format!("/admin/konsultacje/{id}/status"), &[("to", "announced"), ("justification", "krótko")]).await;
    assert_eq!(r.field_error("justification").as_deref(), Some("Wpisz co najmniej 20 znaków."));
    assert_eq!(consultation::by_id(app.db(), id).await.unwrap().unwrap().status, Status::Draft);

    let why = "Termin wynika z harmonogramu prac Rady Miasta.";
    let r = org.post(&format!("/admin/konsultacje/{id}/status"), &[("to", "announced"), ("justification", why)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let c = consultation::by_id(app.db(), id).await.unwrap().unwrap();
    assert_eq!((c.status, c.rules_justification.as_deref()), (Status::Announced, Some(why)));
    let log = agora_db::audit::list(
        app.db(),
        &agora_db::audit::AuditFilter { action_prefix: Some("consultation.status".into()), ..Default::default() },
        5,
        0,
    )
    .await
    .unwrap();
    assert!(log.items[0].details.contains(why));

    // An administrator makes the profile strict: then publishing is refused outright.
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let r = admin
        .post(
            "/admin/zasady",
            &[("min_open_days", "abc"), ("min_notice_days", "7"), ("min_methods", "3"), ("on_violation", "refuse")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.input_value("min_open_days").as_deref(), Some("abc"));
    let r = admin
        .post(
            "/admin/zasady",
            &[
                ("min_open_days", "30"),
                ("min_notice_days", "7"),
                ("min_methods", "3"),
                ("required_one_of", "workshop"),
                ("on_violation", "refuse"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let strict = stored(&app, ztp, "Plan miejscowy Zabłocie", Status::Draft, 3, vec![]).await;
    let r = org.post(&format!("/admin/konsultacje/{strict}/status"), &[("to", "open"), ("justification", why)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("Konsultacja trwa 21 dni, a zasady wymagają co najmniej 30 dni."));
    assert!(r.text().contains("Zasady nie pozwalają opublikować"));
    assert_eq!(consultation::by_id(app.db(), strict).await.unwrap().unwrap().status, Status::Draft);
}

#[tokio::test]
async fn programme_then_a_clean_publication_and_the_public_page() {
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let id = stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Draft, 10, vec![]).await;
    let base = format!("/admin/konsultacje/{id}");

    let r = org
        .post(
            &format!("{base}/wydarzenia"),
            &[
                ("event_kind", "workshop"),
                ("event_title", "Warsztaty projektowe"),
                ("event_starts_at", "2027-03-10T18:00"),
                ("event_ends_at", "2027-03-10T17:00"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("event_ends_at").as_deref(), Some("Koniec musi być później niż początek."));
    assert_eq!(r.field_error("event_address").as_deref(), Some("Podaj adres, link do spotkania online albo telefon."));
    assert_eq!(r.input_value("event_title").as_deref(), Some("Warsztaty projektowe"));

    for (kind, desc) in [("collecting_remarks", "Formularz online"), ("workshop", "Warsztaty"), ("survey", "Ankieta")] {
        let r = org
            .post(
                &format!("{base}/metody"),
                &[("method_kind", kind), ("method_description", desc), ("method_address", "uwagi@example.org")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let start = crate::consultations::local_in(12);
    let end = crate::consultations::local_in_hours(12, 2);
    let r = org
        .post(
            &format!("{base}/wydarzenia"),
            &[
                ("event_kind", "workshop"),
                ("event_title", "Warsztaty projektowe"),
                ("event_starts_at", &start),
                ("event_ends_at", &end),
                ("event_address", "ul. Podzamcze 1"),
                ("event_accessibility", "Sala bez progów"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = org
        .post(&format!("{base}/harmonogram"), &[("step_title", "Zbieranie uwag"), ("step_starts_on", "2020-01-01")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r =
        org.post(&format!("{base}/harmonogram"), &[("step_title", "Raport"), ("step_starts_on", "2099-01-01")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    let r = org.post(&format!("{base}/status"), &[("to", "announced")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "no rule broken: {}", r.text());

    let mut visitor = app.client();
    let r = visitor.get("/konsultacje/przebudowa-ul-podzamcze").await;
    assert_eq!(r.status, StatusCode::OK);
    let text = r.text();
    assert!(text.contains("Zapowiedziana. Rozpocznie się"), "{text}");
    assert!(text.contains("za 10 dni"));
    assert!(text.contains("Warsztaty projektowe") && text.contains("Sala bez progów"));
    assert!(text.contains("Zbieranie uwag") && text.contains("uwagi@example.org"));
    assert!(r.body.contains("aria-current=\"step\""), "the current schedule step is marked");

    let ics = visitor.get("/konsultacje/przebudowa-ul-podzamcze/kalendarz.ics").await;
    assert_eq!(ics.headers["content-type"], "text/calendar; charset=utf-8");
    assert!(
        ics.body.starts_with("BEGIN:VCALENDAR\r\n")
            && ics.body.contains("BEGIN:VEVENT\r\n")
            && ics.body.contains("DTSTART;TZID=Europe/Warsaw:")
    );
    let all = visitor.get("/kalendarz.ics").await;
    assert!(all.body.contains("Warsztaty projektowe"));
    let cal = visitor.get("/kalendarz").await;
    assert!(cal.text().contains("Warsztaty projektowe") && cal.text().contains("Przebudowa ul. Podzamcze"));

    let atom = visitor.get("/konsultacje.atom").await;
    assert_eq!(atom.headers["content-type"], "application/atom+xml; charset=utf-8");
    assert!(atom.body.contains("<title type=\"text\">Ogłoszono: Przebudowa ul. Podzamcze</title>"), "{}", atom.body);
}

/// A `datetime-local` value `days` from now, in Warsaw time.
pub fn local_in(days: i64) -> String {
    agora_web::time::input_value(Utc::now() + Duration::days(days))
}

/// As [`local_in`], `hours` later.
pub fn local_in_hours(days: i64, hours: i64) -> String {
    agora_web::time::input_value(Utc::now() + Duration::days(days) + Duration::hours(hours))
}

#[tokio::test]
async fn the_scheduler_opens_and_closes_on_time_and_the_feed_says_so() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let soon = stored(&app, ztp, "Zapowiedziana konsultacja", Status::Announced, 1, vec![]).await;
    let open = stored(&app, ztp, "Trwająca konsultacja", Status::Open, -2, vec![]).await;
    assert_eq!(agora_web::scheduler::run(&app.state, Utc::now()).await.unwrap(), 0);
    let later = Utc::now() + Duration::days(20);
    assert_eq!(agora_web::scheduler::run(&app.state, later).await.unwrap(), 2);
    assert_eq!(consultation::by_id(app.db(), soon).await.unwrap().unwrap().status, Status::Open);
    assert_eq!(consultation::by_id(app.db(), open).await.unwrap().unwrap().status, Status::Closed);
    assert_eq!(agora_web::scheduler::run(&app.state, later).await.unwrap(), 0, "nothing moves twice");
    let atom = app.client().get("/konsultacje.atom").await.body;
    assert!(
        atom.contains("Zakończono: Trwająca konsultacja") && atom.contains("Rozpoczęto: Zapowiedziana konsultacja")
    );
}

#[tokio::test]
async fn the_catalogue_filters_sorts_and_pages_with_shareable_urls() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let sz = unit(&app, "SZ").await;
    let podgorze = district(&app, 13, "Podgórze").await;
    let huta = district(&app, 18, "Nowa Huta").await;
    stored(&app, ztp, "Ścieżka rowerowa w Nowej Hucie", Status::Open, -3, vec![huta]).await;
    stored(&app, ztp, "Zieleń na Podgórzu", Status::Open, -4, vec![podgorze]).await;
    stored(&app, sz, "Program dla seniorów", Status::Open, -5, vec![]).await;
    stored(&app, sz, "Zapowiedź: szkoły", Status::Announced, 5, vec![]).await;
    stored(&app, sz, "Archiwalna konsultacja", Status::Archived, -100, vec![]).await;
    stored(&app, sz, "Odwołana konsultacja", Status::Cancelled, 5, vec![]).await;
    stored(&app, sz, "Szkic niewidoczny", Status::Draft, 5, vec![]).await;
    for i in 0..22 {
        stored(&app, ztp, &format!("Zakończona konsultacja {i:02}"), Status::Closed, -40 - i, vec![]).await;
    }
    let mut c = app.client();
    let titles = |r: &crate::harness::Resp| -> Vec<String> {
        r.body
            .split("<h3 class=\"card-title\"><a href=\"/konsultacje/")
            .skip(1)
            .map(|s| s.split('>').nth(1).unwrap().split('<').next().unwrap().to_owned())
            .collect()
    };

    let r = c.get("/konsultacje").await;
    assert_eq!(
        titles(&r),
        vec!["Program dla seniorów", "Zieleń na Podgórzu", "Ścieżka rowerowa w Nowej Hucie"],
        "open ones, closing soonest first"
    );
    assert!(r.text().contains("3 konsultacje"));
    let home = c.get("/").await.text();
    assert!(
        home.contains("Trwające konsultacje")
            && home.contains("Program dla seniorów")
            && home.contains("Zapowiedź: szkoły")
    );
    assert!(home.contains("Zobacz wszystkie 3 trwające konsultacje"));
    let r = c.get(&format!("/konsultacje?status=trwajace&dzielnica={podgorze}")).await;
    assert_eq!(
        titles(&r),
        vec!["Program dla seniorów", "Zieleń na Podgórzu"],
        "a district sees its own and the city-wide ones"
    );
    let r = c.get(&format!("/konsultacje?jednostka={sz}")).await;
    assert_eq!(titles(&r), vec!["Program dla seniorów"]);
    let r = c.get("/konsultacje?jednostka=ztp&q=ŚCIEŻKA").await;
    assert_eq!(
        titles(&r),
        vec!["Ścieżka rowerowa w Nowej Hucie"],
        "unit by code, text in any case with Polish letters"
    );
    let r = c.get("/konsultacje?status=planowane").await;
    assert_eq!(titles(&r), vec!["Zapowiedź: szkoły"]);
    // A search that finds nothing in this tab says which tab holds its results.
    let r = c.get("/konsultacje?status=planowane&q=ścieżka").await;
    assert!(titles(&r).is_empty());
    let text = r.text();
    assert!(
        text.contains("Trwające (1 wynik)")
            && text.contains("Planowane (0 wyników)")
            && text.contains("Pasującą konsultację znajdziesz w zakładce: Trwające"),
        "{text}"
    );
    assert!(r.body.contains("href=\"/konsultacje?status=trwajace&#38;q=%C5%9Bcie%C5%BCka\""), "{}", r.body);

    let r = c.get("/konsultacje?status=zakonczone").await;
    assert!(r.text().contains("24 konsultacje"));
    assert_eq!(titles(&r).len(), 20);
    assert!(!titles(&r).iter().any(|t| t.contains("Szkic")));
    assert!(r.body.contains("href=\"/konsultacje?status=zakonczone&amp;strona=2\""));
    let r2 = c.get("/konsultacje?status=zakonczone&strona=2").await;
    assert_eq!(titles(&r2).len(), 4);
    let r = c.get("/konsultacje?status=zakonczone&sortuj=tytul&strona=2").await;
    assert_eq!(titles(&r).last().map(String::as_str), Some("Zakończona konsultacja 21"));
    let this_year = agora_web::time::local_date(Utc::now()).format("%Y").to_string();
    let r = c.get(&format!("/konsultacje?status=zakonczone&rok={this_year}&sortuj=tytul")).await;
    assert!(
        titles(&r)
            .iter()
            .all(|t| t.starts_with("Zakończona") || t.starts_with("Odwołana") || t.starts_with("Archiwalna"))
    );

    for junk in [
        "/konsultacje?strona=abc",
        "/konsultacje?strona=-5&dzielnica=xyz&rok=99999&sortuj=%3Cscript%3E",
        "/konsultacje?q=%25%25_",
    ] {
        assert_eq!(c.get(junk).await.status, StatusCode::OK, "{junk}");
    }
}

#[tokio::test]
async fn documents_are_checked_by_content_versioned_and_downloaded_as_attachments() {
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let id = stored(&app, ztp, "Konsultacja z dokumentami", Status::Open, -1, vec![]).await;
    let url = format!("/admin/konsultacje/{id}/dokumenty");

    let r = org
        .post_file(
            &url,
            &[("title", "Projekt uchwały"), ("kind", "draft")],
            "projekt.pdf",
            b"<html><script>alert(1)</script></html>",
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("file").unwrap().starts_with("Ten typ pliku nie jest dozwolony"));
    assert_eq!(r.input_value("title").as_deref(), Some("Projekt uchwały"));
    let r = org
        .post_file(
            &url,
            &[("title", "Obraz"), ("kind", "other")],
            "a.svg",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>",
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF";
    let r = org.post_file(&url, &[("title", "Projekt uchwały"), ("kind", "draft")], "projekt uchwały.pdf", pdf).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let docs = agora_db::documents::list(app.db(), id).await.unwrap();
    assert_eq!(docs.len(), 1);
    let doc = docs[0].id;
    let r = org.post_file(&url, &[("document", &doc.to_string())], "v2.pdf", b"%PDF-1.7 second").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    let mut visitor = app.client();
    let page = visitor.get("/konsultacje/konsultacja-z-dokumentami").await;
    assert!(
        page.text().contains("Projekt uchwały")
            && page.text().contains("wersja 2")
            && page.text().contains("Poprzednie wersje")
    );
    let v1 = visitor.get(&format!("/konsultacje/konsultacja-z-dokumentami/dokumenty/{doc}/1")).await;
    assert_eq!(v1.status, StatusCode::OK);
    assert_eq!(v1.body.as_bytes(), pdf);
    assert_eq!(v1.headers["content-type"], "application/pdf");
    assert!(v1.headers["content-disposition"].to_str().unwrap().starts_with("attachment;"));
    assert_eq!(
        visitor.get(&format!("/konsultacje/konsultacja-z-dokumentami/dokumenty/{doc}/3")).await.status,
        StatusCode::NOT_FOUND
    );

    let big = vec![b'%'; agora_domain::document::MAX_FILE_BYTES + 10];
    let r = org.post_file(&url, &[("title", "Za duży"), ("kind", "other")], "big.pdf", &big).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("file").as_deref(), Some("Plik jest za duży. Największy dopuszczalny rozmiar to 25 MB."));
    assert_eq!(agora_db::documents::list(app.db(), id).await.unwrap().len(), 1, "nothing stored half-way");
}

#[tokio::test]
async fn a_consultation_point_open_for_weeks_shows_both_ends_and_its_hours_to_staff() {
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let id = stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Draft, 10, vec![]).await;
    let r = org
        .post(
            &format!("/admin/konsultacje/{id}/wydarzenia"),
            &[
                ("event_kind", "consultation_point"),
                ("event_title", "Punkt konsultacyjny w bibliotece"),
                ("event_starts_at", "2027-02-01T09:00"),
                ("event_ends_at", "2027-02-28T17:00"),
                ("event_address", "ul. Podzamcze 3"),
                ("event_opening_hours", "pon.–pt. 9:00–17:00"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let t = org.get(&format!("/admin/konsultacje/{id}/program")).await.text();
    assert!(t.contains("1 lutego 2027, 09:00 – 28 lutego 2027, 17:00"), "both ends of four weeks: {t}");
    assert!(t.contains("pon.–pt. 9:00–17:00"), "and its opening hours: {t}");
}

#[tokio::test]
async fn an_organiser_edits_schedule_steps_methods_and_events() {
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let id = stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Draft, 10, vec![]).await;
    let other = stored(&app, ztp, "Inna konsultacja", Status::Draft, 10, vec![]).await;
    let base = format!("/admin/konsultacje/{id}");
    let event = [
        ("event_kind", "workshop"),
        ("event_title", "Warsztaty projektowe"),
        ("event_starts_at", "2027-03-10T17:00"),
        ("event_ends_at", "2027-03-10T19:00"),
        ("event_address", "ul. Podzamcze 1"),
    ];
    assert_eq!(org.post(&format!("{base}/wydarzenia"), &event).await.status, StatusCode::SEE_OTHER);
    let step = [("step_title", "Zbieranie uwag"), ("step_starts_on", "2027-03-01")];
    assert_eq!(org.post(&format!("{base}/harmonogram"), &step).await.status, StatusCode::SEE_OTHER);
    let method = [("method_kind", "collecting_remarks"), ("method_description", "Online")];
    assert_eq!(org.post(&format!("{base}/metody"), &method).await.status, StatusCode::SEE_OTHER);
    let e = agora_db::programme::events(app.db(), id).await.unwrap()[0].id;
    let step = agora_db::programme::schedule(app.db(), id).await.unwrap()[0].id;
    let method = agora_db::programme::methods(app.db(), id).await.unwrap()[0].id;

    let page = org.get(&format!("{base}/program")).await;
    let edit = format!("{base}/program/wydarzenia/{e}");
    assert!(page.body.contains(&format!("href=\"{edit}\"")), "each item has an edit link");
    let form = org.get(&edit).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.input_value("event_title").as_deref(), Some("Warsztaty projektowe"));
    assert_eq!(form.input_value("event_starts_at").as_deref(), Some("2027-03-10T17:00"));

    let mut changed = event.to_vec();
    changed.retain(|(k, _)| *k != "event_ends_at");
    changed.extend([("event_ends_at", "2027-03-10T16:00"), ("event_room", "sala 12")]);
    let r = org.post(&edit, &changed).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("href=\"#event_ends_at\""), "the summary names the field");
    assert_eq!(r.field_error("event_ends_at").as_deref(), Some("Koniec musi być później niż początek."));
    assert_eq!(r.input_value("event_room").as_deref(), Some("sala 12"), "what was typed is kept");
    changed.retain(|(k, _)| *k != "event_ends_at");
    changed.push(("event_ends_at", "2027-03-10T20:00"));
    let r = org.post(&edit, &changed).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let stored_event = agora_db::programme::event(app.db(), id, e).await.unwrap().unwrap();
    assert_eq!(stored_event.room.as_deref(), Some("sala 12"));
    assert_eq!(agora_web::time::input_value(stored_event.ends_at), "2027-03-10T20:00");

    let r = org
        .post(
            &format!("{base}/program/harmonogram/{step}"),
            &[
                ("step_title", "Zbieranie uwag i spotkania"),
                ("step_starts_on", "2027-03-01"),
                ("step_ends_on", "2027-03-21"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let s = agora_db::programme::schedule_item(app.db(), id, step).await.unwrap().unwrap();
    assert_eq!(
        (s.title.as_str(), s.ends_on.map(|d| d.to_string())),
        ("Zbieranie uwag i spotkania", Some("2027-03-21".into()))
    );
    let r = org
        .post(
            &format!("{base}/program/metody/{method}"),
            &[
                ("method_kind", "collecting_remarks"),
                ("method_description", "Formularz online"),
                ("method_address", "uwagi@example.org"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let m = agora_db::programme::method(app.db(), id, method).await.unwrap().unwrap();
    assert_eq!(m.channel_address.as_deref(), Some("uwagi@example.org"));

    // Another consultation's item is not found through this one.
    assert_eq!(
        org.get(&format!("/admin/konsultacje/{other}/program/wydarzenia/{e}")).await.status,
        StatusCode::NOT_FOUND
    );
    let r = org.post(&format!("/admin/konsultacje/{other}/program/wydarzenia/{e}"), &changed).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_draft_is_deleted_after_a_confirmation_and_a_published_one_is_not() {
    use object_store::ObjectStoreExt;
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let draft = stored(&app, ztp, "Szkic do usunięcia", Status::Draft, 10, vec![]).await;
    let pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF";
    let url = format!("/admin/konsultacje/{draft}/dokumenty");
    let r = org.post_file(&url, &[("title", "Projekt uchwały"), ("kind", "draft")], "projekt.pdf", pdf).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let doc = agora_db::documents::list(app.db(), draft).await.unwrap();
    let key = object_store::path::Path::from(doc[0].versions[0].storage_key.as_str());

    let edit = org.get(&format!("/admin/konsultacje/{draft}")).await;
    assert!(edit.body.contains(&format!("href=\"/admin/konsultacje/{draft}/usun\"")), "the draft offers deletion");
    let confirm = org.get(&format!("/admin/konsultacje/{draft}/usun")).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.text().contains("Tego nie można cofnąć"), "{}", confirm.text());
    assert!(
        confirm.body.contains(&format!("action=\"/admin/konsultacje/{draft}/usun\""))
            && confirm.body.contains("name=\"csrf\"")
    );
    assert!(agora_db::consultation::by_id(app.db(), draft).await.unwrap().is_some(), "looking deletes nothing");
    let r = org.post(&format!("/admin/konsultacje/{draft}/usun"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/admin/konsultacje?ok=flash-consultation-deleted");
    assert!(agora_db::consultation::by_id(app.db(), draft).await.unwrap().is_none());
    assert!(app.state.storage.head(&key).await.is_err(), "its file is gone too");
    assert!(org.get(r.location()).await.text().contains("Szkic konsultacji został usunięty."));

    let open = stored(&app, ztp, "Otwarta konsultacja", Status::Open, -1, vec![]).await;
    let edit = org.get(&format!("/admin/konsultacje/{open}")).await;
    assert!(!edit.body.contains(&format!("/admin/konsultacje/{open}/usun\"")), "no deletion offered");
    assert_eq!(org.get(&format!("/admin/konsultacje/{open}/usun")).await.status, StatusCode::CONFLICT);
    assert_eq!(org.post(&format!("/admin/konsultacje/{open}/usun"), &[]).await.status, StatusCode::CONFLICT);
    assert!(agora_db::consultation::by_id(app.db(), open).await.unwrap().is_some());
    // Someone else's draft stays out of reach.
    let other = unit(&app, "WKS").await;
    let theirs = stored(&app, other, "Cudzy szkic", Status::Draft, 10, vec![]).await;
    assert_ne!(org.post(&format!("/admin/konsultacje/{theirs}/usun"), &[]).await.status, StatusCode::SEE_OTHER);
    assert!(agora_db::consultation::by_id(app.db(), theirs).await.unwrap().is_some());
}

#[tokio::test]
async fn cancelling_takes_a_confirmation_with_a_reason_shown_publicly() {
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let id = stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Open, -1, vec![]).await;
    let edit = org.get(&format!("/admin/konsultacje/{id}")).await;
    assert!(!edit.body.contains("name=\"to\" value=\"cancelled\""), "no one-click cancelling");
    assert!(edit.body.contains(&format!("href=\"/admin/konsultacje/{id}/odwolaj\"")));
    // A form sent the old way only leads to the confirmation.
    let r = org.post(&format!("/admin/konsultacje/{id}/status"), &[("to", "cancelled")]).await;
    assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, format!("/admin/konsultacje/{id}/odwolaj").as_str()));
    let status = |app: &TestApp| {
        let db = app.db().clone();
        async move { agora_db::consultation::by_id(&db, id).await.unwrap().unwrap().status }
    };
    assert_eq!(status(&app).await, Status::Open);

    let page = org.get(&format!("/admin/konsultacje/{id}/odwolaj")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("name=\"csrf\"") && page.body.contains("aria-required=\"true\""));
    assert!(page.text().contains("Powód odwołania (wymagane)"), "{}", page.text());
    let r = org.post(&format!("/admin/konsultacje/{id}/odwolaj"), &[("reason", "  ")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("id=\"error-summary\"") && r.body.contains("href=\"#reason\""),
        "the summary names the field"
    );
    assert_eq!(r.field_error("reason").as_deref(), Some("Wpisz powód odwołania."));
    assert_eq!(status(&app).await, Status::Open);
    let reason = "Projekt wycofano z budżetu miasta na ten rok.";
    let r = org.post(&format!("/admin/konsultacje/{id}/odwolaj"), &[("reason", reason)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(status(&app).await, Status::Cancelled);
    let public = app.client().get("/konsultacje/przebudowa-ul-podzamcze").await.text();
    assert!(public.contains(&format!("Powód odwołania: {reason}")), "{public}");
    assert_eq!(org.get(&format!("/admin/konsultacje/{id}/odwolaj")).await.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn districts_ticked_for_the_whole_city_are_not_dropped_silently() {
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let d = district(&app, 13, "Podgórze").await.to_string();
    let u = ztp.to_string();
    let mut f = form("Park nad Wilgą", "park-nad-wilga", &u, "2027-02-01T10:00", "2027-03-01T10:00");
    f.push(("districts", &d));
    let r = org.post("/admin/konsultacje/nowa", &f).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("scope").unwrap().contains("Całe miasto"), "{:?}", r.field_error("scope"));
    assert!(
        r.body.contains(&format!("id=\"districts-{d}\" name=\"districts\" value=\"{d}\" checked")),
        "the ticks stay"
    );
    for (k, v) in f.iter_mut() {
        if *k == "scope" {
            *v = "districts";
        }
    }
    let r = org.post("/admin/konsultacje/nowa", &f).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let id = agora_db::consultation::by_slug(app.db(), "park-nad-wilga").await.unwrap().unwrap().id;
    assert_eq!(consultation::links(app.db(), id).await.unwrap().districts, vec![d.parse::<i64>().unwrap()]);
}

#[tokio::test]
async fn a_consultation_calendar_carries_remark_collection_and_where_and_how_to_come() {
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let id = stored(&app, ztp, "Przebudowa ul. Podzamcze", Status::Announced, 10, vec![]).await;
    let r = org
        .post(
            &format!("/admin/konsultacje/{id}/wydarzenia"),
            &[
                ("event_kind", "consultation_point"),
                ("event_title", "Punkt konsultacyjny"),
                ("event_starts_at", "2027-02-01T09:00"),
                ("event_ends_at", "2027-02-28T17:00"),
                ("event_address", "ul. Podzamcze 1"),
                ("event_room", "sala 12"),
                ("event_opening_hours", "pon.–pt. 9:00–17:00"),
                ("event_accessibility", "Winda, pętla indukcyjna"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let ics = app.client().get("/konsultacje/przebudowa-ul-podzamcze/kalendarz.ics").await.body.replace("\r\n ", "");
    let events: Vec<&str> = ics.split("BEGIN:VEVENT").skip(1).collect();
    let c = consultation::by_id(app.db(), id).await.unwrap().unwrap();
    let wall = |t: chrono::DateTime<Utc>| {
        t.with_timezone(&chrono_tz::Europe::Warsaw).format("DTSTART;TZID=Europe/Warsaw:%Y%m%dT%H%M%S").to_string()
    };
    let find = |summary: &str| {
        *events
            .iter()
            .find(|e| e.contains(&format!("\r\nSUMMARY:{summary}\r\n")))
            .unwrap_or_else(|| panic!("no {summary}: {ics}"))
    };
    let opens = find("Początek zbierania uwag: Przebudowa ul. Podzamcze");
    assert!(opens.contains(&format!("\r\n{}\r\n", wall(c.opens_at))), "{opens}");
    let closes = find("Koniec zbierania uwag: Przebudowa ul. Podzamcze");
    assert!(closes.contains(&format!("\r\n{}\r\n", wall(c.closes_at))), "{closes}");
    let point = find("Punkt konsultacyjny");
    assert!(point.contains("\r\nLOCATION:ul. Podzamcze 1\\, sala 12\r\n"), "the room: {point}");
    assert!(point.contains("Godziny otwarcia: pon.–pt. 9:00–17:00"), "the hours: {point}");
    assert!(point.contains("Informacje o dostępności: Winda\\, pętla indukcyjna"), "accessibility: {point}");
    assert!(point.contains("\r\nDTEND;TZID=Europe/Warsaw:20270228T170000\r\n"), "{point}");
}

#[tokio::test]
async fn a_consultation_ended_early_shows_its_real_end_everywhere() {
    use agora_web::i18n::Lang;
    use agora_web::time::{day, local_date};
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let id = stored(&app, ztp, "Zieleń na Kazimierzu", Status::Open, -2, vec![]).await;
    let planned = consultation::by_id(app.db(), id).await.unwrap().unwrap().closes_at;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(ztp)]).await;
    let r = org.post(&format!("/admin/konsultacje/{id}/status"), &[("to", "closed")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let (planned_day, today) = (day(Lang::Pl, local_date(planned)), day(Lang::Pl, local_date(Utc::now())));
    let page = app.client().get("/konsultacje/zielen-na-kazimierzu").await.text();
    assert!(page.contains(&format!("Zakończona {today}")), "{page}");
    assert!(!page.contains(&planned_day), "the planned end {planned_day} is still shown");
    let ics = app.client().get("/konsultacje/zielen-na-kazimierzu/kalendarz.ics").await.text();
    let planned_stamp = planned.format("%Y%m%d").to_string();
    assert!(!ics.contains(&planned_stamp), "{ics}");
    // The report being written gives the real end as its "Termin", in every format.
    let report = org.get("/konsultacje/zielen-na-kazimierzu/raport").await;
    assert_eq!(report.status, StatusCode::OK);
    let text = report.text();
    assert!(text.contains(&today) && !text.contains(&planned_day), "{text}");
    for ext in ["pdf", "docx"] {
        let (status, _, bytes) = org.get_bytes(&format!("/konsultacje/zielen-na-kazimierzu/raport.{ext}")).await;
        assert_eq!(status, StatusCode::OK, "{ext}");
        let text = crate::report::document_text(ext, &bytes);
        assert!(text.contains(&today), "{ext} gives the real end: {text}");
        assert!(!text.contains(&planned_day), "{ext} still gives the planned end {planned_day}");
    }
}

#[tokio::test]
async fn dates_of_a_published_consultation_keep_to_the_rules_and_a_sane_range() {
    use agora_web::time::input_value;
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let id = stored(&app, ztp, "Rozkład nocny", Status::Announced, 10, vec![]).await;
    let c = consultation::by_id(app.db(), id).await.unwrap().unwrap();
    let (unit, opens) = (ztp.to_string(), input_value(c.opens_at));
    let path = format!("/admin/konsultacje/{id}");
    let one_day = input_value(c.opens_at + Duration::days(1));
    let r = org.post(&path, &form("Rozkład nocny", "rozklad-nocny", &unit, &opens, &one_day)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    let e = r.field_error("closes_at").unwrap_or_default();
    assert!(e.contains("1 dzień") || e.contains("dni"), "{e}");
    assert_eq!(r.input_value("closes_at").as_deref(), Some(one_day.as_str()), "the typed date is kept");
    for bad in ["9999-01-01T10:00", "-2026-01-01T10:00", "1899-12-31T10:00"] {
        let r = org.post(&path, &form("Rozkład nocny", "rozklad-nocny", &unit, &opens, bad)).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert!(r.field_error("closes_at").is_some(), "{bad}");
    }
    assert_eq!(consultation::by_id(app.db(), id).await.unwrap().unwrap().closes_at, c.closes_at, "nothing stored");
    let longer = input_value(c.closes_at + Duration::days(7));
    let r = org.post(&path, &form("Rozkład nocny", "rozklad-nocny", &unit, &opens, &longer)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
}

#[tokio::test]
async fn the_status_buttons_say_what_each_of_them_does() {
    let app = TestApp::new().await;
    let (mut org, ztp) = organiser(&app).await;
    let draft = stored(&app, ztp, "Szkic rozkładu", Status::Draft, 10, vec![]).await;
    let announced = stored(&app, ztp, "Zapowiedź rozkładu", Status::Announced, 10, vec![]).await;
    let d = org.get(&format!("/admin/konsultacje/{draft}")).await.text();
    assert!(d.contains("Ogłoś Publikuje zapowiedź: konsultacja pojawia się w serwisie"), "{d}");
    let a = org.get(&format!("/admin/konsultacje/{announced}")).await.text();
    assert!(a.contains("Otwórz zbieranie uwag Od razu otwiera zbieranie uwag"), "{a}");
    assert!(!a.contains("Publikuje zapowiedź"), "an announced consultation is not announced again: {a}");
}
