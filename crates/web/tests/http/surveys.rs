//! Surveys: the builder, answering with conditions and bad input, changes while answering,
//! paper entry, results, exports and quick polls.

use crate::consultations::{entry, stored, unit};
use crate::harness::{Client, TestApp};
use agora_domain::consultation::Status;
use agora_domain::permission::Grant;
use axum::http::StatusCode;

/// The id in a `/admin/ankiety/{id}…` redirect.
fn survey_id(location: &str) -> String {
    location.trim_start_matches("/admin/ankiety/").split(['?', '/', '#']).next().unwrap().to_owned()
}

/// Builds and opens a one-page survey with a yes/no question, a text question shown only
/// after "yes", a 1–5 rating and a multiple choice of at most two.
pub(crate) async fn built(app: &TestApp, org: &mut Client, unit: i64, layout: &str) -> String {
    let unit = unit.to_string();
    let r = org
        .post(
            "/admin/ankiety/nowa",
            &[
                ("title_pl", "Ankieta o zieleni"),
                ("slug", "ankieta-o-zieleni"),
                ("unit_id", &unit),
                ("access", "anyone"),
                ("layout", layout),
                ("visibility", "while_open"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let id = survey_id(r.location());
    let add = |kind: &'static str, text: &'static str, extra: Vec<(&'static str, String)>| {
        let mut v: Vec<(&'static str, String)> =
            vec![("kind", kind.into()), ("text_pl", text.into()), ("required", "on".into())];
        v.extend(extra);
        v
    };
    let path = format!("/admin/ankiety/{id}/pytania/nowe");
    post(org, &path, add("yes_no", "Czy masz ogród?", vec![("page", "1".into())])).await;
    let qs = agora_db::surveys::questions(app.db(), id.parse().unwrap()).await.unwrap();
    post(
        org,
        &path,
        add("short_text", "Co w nim rośnie?", vec![("page", "1".into()), ("show_if", format!("{}:yes", qs[0].id))]),
    )
    .await;
    post(org, &path, add("rating", "Jak oceniasz parki?", vec![("page", "2".into()), ("max", "5".into())])).await;
    post(
        org,
        &path,
        add(
            "multiple",
            "Co dodać w parkach?",
            vec![("page", "2".into()), ("options", "Ławki\nDrzewa\nToalety".into()), ("max", "2".into())],
        ),
    )
    .await;
    let r = org.post(&format!("/admin/ankiety/{id}/status"), &[("to", "open")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    id
}

async fn post(org: &mut Client, path: &str, fields: Vec<(&'static str, String)>) {
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = org.post(path, &f).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
}

pub(crate) fn answers(qs: &[agora_domain::survey::Question], values: &[(usize, &str)]) -> Vec<(String, String)> {
    values.iter().map(|(i, v)| (format!("q{}", qs[*i].id), (*v).to_owned())).collect()
}

pub(crate) async fn form_fields(c: &mut Client, slug: &str) -> Vec<(String, String)> {
    let page = c.get(&format!("/ankiety/{slug}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    ["form_key", "v", "rev", "s"].iter().map(|k| ((*k).to_owned(), page.input_value(k).unwrap())).collect()
}

pub(crate) async fn send(
    c: &mut Client,
    slug: &str,
    hidden: &[(String, String)],
    answers: &[(String, String)],
    nav: &str,
) -> crate::harness::Resp {
    let mut all: Vec<(&str, &str)> = hidden.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    all.extend(answers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    all.push(("nav", nav));
    c.post(&format!("/ankiety/{slug}"), &all).await
}

#[tokio::test]
async fn an_organiser_builds_a_survey_and_residents_answer_it_once() {
    let app = TestApp::new().await;
    let u = unit(&app, "WKS").await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let id = built(&app, &mut org, u, "one_page").await;
    let qs = agora_db::surveys::questions(app.db(), id.parse().unwrap()).await.unwrap();

    let mut anna = app.client();
    let page = anna.get("/ankiety/ankieta-o-zieleni").await;
    assert!(
        page.text().contains("Odpowiedz tylko, jeśli w pytaniu „Czy masz ogród?” wybrano „Tak”."),
        "{}",
        page.text()
    );
    let hidden = form_fields(&mut anna, "ankieta-o-zieleni").await;
    let r = send(
        &mut anna,
        "ankieta-o-zieleni",
        &hidden,
        &answers(&qs, &[(0, "yes"), (1, "Pomidory"), (2, "4"), (3, "1"), (3, "2")]),
        "submit",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.text().contains("Twoje odpowiedzi zostały zapisane"), "{}", r.text());
    assert!(r.body.contains("href=\"/\">Wróć na stronę główną"), "a survey of its own leads home");
    let again =
        send(&mut anna, "ankieta-o-zieleni", &hidden, &answers(&qs, &[(0, "no"), (2, "1"), (3, "3")]), "submit").await;
    assert!(again.text().contains("Ta ankieta ma już Twoje odpowiedzi"), "the same browser can't answer twice");

    let mut jan = app.client();
    let hidden = form_fields(&mut jan, "ankieta-o-zieleni").await;
    // "No" to the garden: the text typed into the hidden-by-condition question is dropped.
    let r = send(
        &mut jan,
        "ankieta-o-zieleni",
        &hidden,
        &answers(&qs, &[(0, "no"), (1, "Nic"), (2, "2"), (3, "2")]),
        "submit",
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    // The same form sent twice (a double click) stores one response.
    let r =
        send(&mut jan, "ankieta-o-zieleni", &hidden, &answers(&qs, &[(0, "no"), (2, "2"), (3, "2")]), "submit").await;
    assert_eq!(r.status, StatusCode::OK);

    let results = app.client().get("/ankiety/ankieta-o-zieleni/wyniki").await;
    assert_eq!(results.status, StatusCode::OK);
    let t = results.text();
    assert!(t.contains("2 wypełnione ankiety"), "{t}");
    assert!(t.contains("średnia 3,00") && t.contains("mediana 3,00"), "{t}");
    assert!(t.contains("Drzewa 2 100,0%"), "both chose trees: {t}");
    assert!(t.contains("Pomidory") && !t.contains("Nic"), "{t}");
    assert!(
        results.body.contains("role=\"img\"") && results.body.contains("<title id=\"r"),
        "charts are labelled images"
    );
    let n: i64 =
        agora_db::surveys::channel_counts(app.db(), id.parse().unwrap()).await.unwrap().iter().map(|c| c.1).sum();
    assert_eq!(n, 2);
}

#[tokio::test]
async fn bad_answers_are_explained_next_to_the_field_and_kept() {
    let app = TestApp::new().await;
    let u = unit(&app, "WKS").await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let id = built(&app, &mut org, u, "one_page").await;
    let qs = agora_db::surveys::questions(app.db(), id.parse().unwrap()).await.unwrap();
    let mut c = app.client();
    let hidden = form_fields(&mut c, "ankieta-o-zieleni").await;
    let r = send(
        &mut c,
        "ankieta-o-zieleni",
        &hidden,
        &answers(&qs, &[(0, "yes"), (1, "Róże"), (2, "7"), (3, "1"), (3, "2"), (3, "3")]),
        "submit",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error(&format!("q{}", qs[2].id)).unwrap(), "Wybierz ocenę od 1 do 5.");
    assert_eq!(r.field_error(&format!("q{}", qs[3].id)).unwrap(), "Zaznacz najwyżej 2 odpowiedzi.");
    assert_eq!(r.input_value(&format!("q{}", qs[1].id)).unwrap(), "Róże", "typed text is kept");
    assert!(r.body.contains(&format!("href=\"#q{}\"", qs[2].id)), "the summary links to the field");

    let unknown = send(&mut c, "ankieta-o-zieleni", &hidden, &[("q999999".to_owned(), "1".to_owned())], "submit").await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.text().contains("pytania, których nie ma w tej ankiecie"), "{}", unknown.text());

    org.post(&format!("/admin/ankiety/{id}/status"), &[("to", "closed")]).await;
    let closed =
        send(&mut c, "ankieta-o-zieleni", &hidden, &answers(&qs, &[(0, "no"), (2, "3"), (3, "1")]), "submit").await;
    assert_eq!(closed.status, StatusCode::FORBIDDEN);
    assert!(closed.text().contains("nie przyjmuje już odpowiedzi"));
    let n: i64 =
        agora_db::surveys::channel_counts(app.db(), id.parse().unwrap()).await.unwrap().iter().map(|c| c.1).sum();
    assert_eq!(n, 0, "nothing was stored");
}

#[tokio::test]
async fn a_survey_changed_while_answering_keeps_the_unchanged_answers() {
    let app = TestApp::new().await;
    let u = unit(&app, "WKS").await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let id = built(&app, &mut org, u, "one_page").await;
    let qs = agora_db::surveys::questions(app.db(), id.parse().unwrap()).await.unwrap();
    let mut c = app.client();
    let hidden = form_fields(&mut c, "ankieta-o-zieleni").await;
    // Meanwhile the organiser rewords the rating question.
    let r = org
        .post(
            &format!("/admin/ankiety/{id}/pytania/{}", qs[2].id),
            &[
                ("kind", "rating"),
                ("text_pl", "Jak oceniasz parki w dzielnicy?"),
                ("max", "5"),
                ("page", "2"),
                ("required", "on"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let r = send(
        &mut c,
        "ankieta-o-zieleni",
        &hidden,
        &answers(&qs, &[(0, "yes"), (1, "Jabłoń"), (2, "4"), (3, "1")]),
        "submit",
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.text());
    assert!(r.text().contains("zmienione pytanie: „Jak oceniasz parki w dzielnicy?”"), "{}", r.text());
    assert_eq!(r.input_value(&format!("q{}", qs[1].id)).unwrap(), "Jabłoń", "answers to unchanged questions are kept");
    assert!(r.body.contains(&format!("name=\"q{}\" value=\"1\" checked", qs[3].id)));
}

#[tokio::test]
async fn a_paged_survey_goes_screen_by_screen_and_a_resident_can_resume() {
    let app = TestApp::new().await;
    let u = unit(&app, "WKS").await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let id = built(&app, &mut org, u, "pages").await;
    let qs = agora_db::surveys::questions(app.db(), id.parse().unwrap()).await.unwrap();
    let mut ewa = app.signed_in("ewa@agora.test", &[]).await;
    let hidden = form_fields(&mut ewa, "ankieta-o-zieleni").await;
    let page1 = ewa.get("/ankiety/ankieta-o-zieleni").await;
    assert!(page1.text().contains("Krok 1 z 2"));
    let r = send(&mut ewa, "ankieta-o-zieleni", &hidden, &answers(&qs, &[(0, "yes")]), "next").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "the conditional question is now required");
    let r = send(&mut ewa, "ankieta-o-zieleni", &hidden, &answers(&qs, &[(0, "yes"), (1, "Lawenda")]), "next").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.text().contains("Krok 2 z 2") && r.text().contains("Jak oceniasz parki?"));
    // Leaving and coming back later resumes at step 2 with the first answers.
    let back = ewa.get("/ankiety/ankieta-o-zieleni").await;
    assert!(
        back.text().contains("Wczytaliśmy zapisane wcześniej odpowiedzi") && back.text().contains("Krok 2 z 2"),
        "{}",
        back.text()
    );
    assert!(back.body.contains("value=\"Lawenda\""));
    let mut hidden2 = form_fields(&mut ewa, "ankieta-o-zieleni").await;
    hidden2.retain(|(k, _)| k != "s");
    hidden2.push(("s".into(), "1".into()));
    let r = send(
        &mut ewa,
        "ankieta-o-zieleni",
        &hidden2,
        &answers(&qs, &[(0, "yes"), (1, "Lawenda"), (2, "5"), (3, "3")]),
        "submit",
    )
    .await;
    assert!(r.text().contains("Twoje odpowiedzi zostały zapisane"), "{}", r.text());
    let ewa_id = agora_db::users::by_email(app.db(), "ewa@agora.test").await.unwrap().unwrap().id;
    assert!(
        agora_db::surveys::draft(app.db(), id.parse().unwrap(), ewa_id).await.unwrap().is_none(),
        "the draft is gone once sent"
    );
    let again = ewa.get("/ankiety/ankieta-o-zieleni").await;
    assert!(again.text().contains("Ta ankieta ma już Twoje odpowiedzi"));
}

#[tokio::test]
async fn staff_key_in_paper_questionnaires_and_export_them() {
    let app = TestApp::new().await;
    let u = unit(&app, "WKS").await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let id = built(&app, &mut org, u, "one_page").await;
    let qs = agora_db::surveys::questions(app.db(), id.parse().unwrap()).await.unwrap();
    let entry = org.get(&format!("/admin/ankiety/{id}/wprowadz")).await;
    assert_eq!(entry.status, StatusCode::OK);
    let key = entry.input_value("form_key").unwrap();
    let mut f: Vec<(String, String)> = vec![
        ("form_key".into(), key),
        ("channel".into(), "street_poll".into()),
        ("interviewer".into(), "Anna Kowal".into()),
        ("place".into(), "Rynek Podgórski".into()),
        ("collected_at".into(), "2026-05-04T10:30".into()),
    ];
    f.extend(answers(&qs, &[(0, "yes"), (1, "Zioła, \"mięta\""), (2, "3"), (3, "1"), (3, "3")]));
    let fr: Vec<(&str, &str)> = f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = org.post(&format!("/admin/ankiety/{id}/wprowadz"), &fr).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(r.location().contains("ankieter=Anna+Kowal"), "the next form keeps the interviewer");
    let bad: Vec<(&str, &str)> =
        fr.iter().map(|(k, v)| if *k == "collected_at" { (*k, "jutro") } else { (*k, *v) }).collect();
    let r = org.post(&format!("/admin/ankiety/{id}/wprowadz"), &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    // For Excel in Polish by default: a byte-order mark and semicolons; commas on request.
    let results = org.get("/ankiety/ankieta-o-zieleni/wyniki").await;
    assert!(results.text().contains("Pobierz odpowiedzi (CSV, średniki — dla Excela po polsku)"), "{}", results.text());
    assert!(results.body.contains(&format!("href=\"/admin/ankiety/{id}/odpowiedzi.csv?separator=przecinek\"")));
    let (status, ct, bytes) = org.get_bytes(&format!("/admin/ankiety/{id}/odpowiedzi.csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ct.starts_with("text/csv"));
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let csv = String::from_utf8(bytes).unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with("Q1;Q2;Q3;Q4_1;Q4_2;Q4_3"));
    let row = lines.next().unwrap();
    assert!(row.ends_with("yes;\"Zioła, \"\"mięta\"\"\";3;1;0;1"), "{row}");
    let (_, _, bytes) = org.get_bytes(&format!("/admin/ankiety/{id}/odpowiedzi.csv?separator=przecinek")).await;
    let csv = String::from_utf8(bytes).unwrap();
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    assert!(header.ends_with("Q1,Q2,Q3,Q4_1,Q4_2,Q4_3"), "{header}");
    let row = lines.next().unwrap();
    assert!(row.contains("street_poll") && row.contains("Anna Kowal") && row.contains("2026-05-04 10:30"), "{row}");
    assert!(row.ends_with("yes,\"Zioła, \"\"mięta\"\"\",3,1,0,1"), "{row}");
    assert!(lines.next().is_none());

    let (status, ct, bytes) = org.get_bytes(&format!("/admin/ankiety/{id}/odpowiedzi.xlsx")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ct.contains("spreadsheetml"));
    assert_eq!(&bytes[..2], b"PK");
    // Exports are for staff only.
    let (status, _, _) = app.client().get_bytes(&format!("/admin/ankiety/{id}/odpowiedzi.csv")).await;
    assert_ne!(status, StatusCode::OK);
}

#[tokio::test]
async fn a_consultation_report_carries_its_survey_results() {
    let app = TestApp::new().await;
    let u = unit(&app, "ZTP").await;
    let cid = stored(&app, u, "Przebudowa ul. Podzamcze", Status::Open, -1, vec![]).await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let id = built(&app, &mut org, u, "one_page").await;
    let s = agora_db::surveys::by_id(app.db(), id.parse().unwrap()).await.unwrap().unwrap();
    let fields = agora_db::surveys::SurveyFields {
        slug: s.slug.clone(),
        consultation_id: Some(cid),
        unit_id: u,
        title: agora_domain::survey::Text { pl: s.title_pl.clone(), en: String::new() },
        intro: agora_domain::survey::Text::default(),
        access: s.access,
        layout: s.layout,
        visibility: s.visibility,
        closes_at: None,
    };
    let entry = agora_db::audit::AuditEntry {
        actor_id: None,
        actor_label: "test".into(),
        action: "survey.update",
        entity: "survey",
        details: String::new(),
    };
    agora_db::surveys::update(app.db(), s.id, &fields, &entry).await.unwrap();
    let qs = agora_db::surveys::questions(app.db(), s.id).await.unwrap();
    let mut c = app.client();
    let hidden = form_fields(&mut c, "ankieta-o-zieleni").await;
    send(&mut c, "ankieta-o-zieleni", &hidden, &answers(&qs, &[(0, "no"), (2, "5"), (3, "2")]), "submit").await;
    let page = app.client().get("/konsultacje/przebudowa-ul-podzamcze").await.text();
    assert!(page.contains("Ankiety") && page.contains("Ankieta o zieleni"), "{page}");
    let report = org.get("/konsultacje/przebudowa-ul-podzamcze/raport").await.text();
    assert!(
        report.contains("Wyniki ankiety: Ankieta o zieleni") && report.contains("1 wypełniona ankieta"),
        "{report}"
    );
}

#[tokio::test]
async fn a_quick_poll_takes_one_vote_per_browser_and_shows_results_after() {
    let app = TestApp::new().await;
    let mut admin = app.signed_in("admin@agora.test", &[Grant::Administrator]).await;
    let r = admin
        .post(
            "/admin/sondy",
            &[
                ("question_pl", "Czy zamykać bulwary dla hulajnóg?"),
                ("options", "Tak\nNie"),
                ("placement", "home"),
                ("vote_mode", "cookie"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let bad = admin
        .post(
            "/admin/sondy",
            &[("question_pl", "Pytanie?"), ("options", "Tak"), ("placement", "home"), ("vote_mode", "cookie")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.field_error("options").unwrap(), "Wpisz co najmniej 2 wiersze.");

    let mut c = app.client();
    let home = c.get("/").await;
    assert!(home.text().contains("Czy zamykać bulwary dla hulajnóg?") && home.body.contains("name=\"option\""));
    let id = home.body.split("action=\"/sondy/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let r = c.post(&format!("/sondy/{id}"), &[("option", "1"), ("back", "/")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let home = c.get("/").await;
    assert!(home.text().contains("Tak 100% (1)") && home.text().contains("1 głos"), "{}", home.text());
    let again = c.post(&format!("/sondy/{id}"), &[("option", "2"), ("back", "/")]).await;
    assert!(again.text().contains("Twój głos w tej sondzie był już zapisany"));
    let wrong = app.client().post(&format!("/sondy/{id}"), &[("option", "9"), ("back", "https://example.com")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(agora_db::polls::results(app.db(), id.parse().unwrap()).await.unwrap(), vec![("1".to_owned(), 1)]);
}

#[tokio::test]
async fn a_sample_survey_takes_each_one_time_code_once_one_question_per_screen() {
    let app = TestApp::new().await;
    let u = unit(&app, "WKS").await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let id = built(&app, &mut org, u, "each_question").await;
    let sid: i64 = id.parse().unwrap();
    let s = agora_db::surveys::by_id(app.db(), sid).await.unwrap().unwrap();
    let unit_id = u.to_string();
    let r = org
        .post(
            &format!("/admin/ankiety/{id}"),
            &[
                ("title_pl", &s.title_pl),
                ("slug", &s.slug),
                ("unit_id", &unit_id),
                ("access", "codes"),
                ("layout", "each_question"),
                ("visibility", "staff"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let r = org.post(&format!("/admin/ankiety/{id}/kody"), &[("n", "3")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let codes = agora_db::surveys::codes(app.db(), sid).await.unwrap();
    assert_eq!(codes.len(), 3);
    let sheet = org.get(&format!("/admin/ankiety/{id}/kody")).await.text();
    assert!(sheet.contains(&codes[0].0), "the printable sheet lists the codes");
    let qs = agora_db::surveys::questions(app.db(), sid).await.unwrap();

    let mut c = app.client();
    let hidden = form_fields(&mut c, "ankieta-o-zieleni").await;
    let with = |code: &str| {
        let mut h = hidden.clone();
        h.push(("kod".into(), code.to_owned()));
        h
    };
    let r = send(&mut c, "ankieta-o-zieleni", &with("ZZZZ2222"), &answers(&qs, &[(0, "no")]), "next").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("kod").unwrap(), "Ten kod jest nieznany albo został już użyty.");
    let code = codes[0].0.to_lowercase();
    let r = send(&mut c, "ankieta-o-zieleni", &with(&code), &answers(&qs, &[(0, "no")]), "next").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.text().contains("Krok 2 z 4"), "one question per screen: {}", r.text());
    let mut last = with(&code);
    last.retain(|(k, _)| k != "s");
    last.push(("s".into(), "3".into()));
    let r = send(&mut c, "ankieta-o-zieleni", &last, &answers(&qs, &[(0, "no"), (2, "2"), (3, "1")]), "submit").await;
    assert!(r.text().contains("Twoje odpowiedzi zostały zapisane"), "{}", r.text());
    assert!(!r.text().contains("Zobacz wyniki"), "results are for staff only");
    let mut other = app.client();
    let hidden = form_fields(&mut other, "ankieta-o-zieleni").await;
    let mut again = hidden.clone();
    again.push(("kod".into(), code.clone()));
    let r = send(&mut other, "ankieta-o-zieleni", &again, &answers(&qs, &[(0, "no")]), "next").await;
    assert_eq!(r.field_error("kod").unwrap(), "Ten kod jest nieznany albo został już użyty.", "a used code is refused");
    assert_eq!(app.client().get("/ankiety/ankieta-o-zieleni/wyniki").await.status, StatusCode::FORBIDDEN);
    assert_eq!(org.get("/ankiety/ankieta-o-zieleni/wyniki").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_district_page_shows_its_consultations_and_poll() {
    let app = TestApp::new().await;
    let d = agora_db::reference::save_district(
        app.db(),
        None,
        &agora_domain::reference::DistrictInput::parse("13", "Podgórze").unwrap(),
        &agora_db::audit::AuditEntry {
            actor_id: None,
            actor_label: "test".into(),
            action: "district.create",
            entity: "district",
            details: String::new(),
        },
    )
    .await
    .unwrap();
    let u = unit(&app, "ZTP").await;
    stored(&app, u, "Park Zakrzówek", Status::Open, -1, vec![d]).await;
    let mut admin = app.signed_in("admin@agora.test", &[Grant::Administrator]).await;
    let ds = d.to_string();
    let r = admin
        .post(
            "/admin/sondy",
            &[
                ("question_pl", "Czy potrzebny jest nowy przystanek?"),
                ("options", "Tak\nNie"),
                ("placement", "district"),
                ("district_id", &ds),
                ("vote_mode", "signed_in"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let page = app.client().get(&format!("/dzielnice/{d}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let t = page.text();
    assert!(
        t.contains("Dzielnica XIII Podgórze")
            && t.contains("Park Zakrzówek")
            && t.contains("Czy potrzebny jest nowy przystanek?"),
        "{t}"
    );
    assert!(t.contains("Aby zagłosować, zaloguj się."));
    assert_eq!(app.client().get("/dzielnice/999999").await.status, StatusCode::NOT_FOUND);
}

/// Creates a survey with `settings` added to its required fields, adds `questions` (builder
/// forms) and opens it; returns its id.
async fn survey_of(
    org: &mut Client,
    unit: i64,
    slug: &str,
    settings: &[(&str, &str)],
    questions: Vec<Vec<(&'static str, String)>>,
) -> String {
    let unit = unit.to_string();
    let mut f = vec![
        ("title_pl", "Ankieta testowa"),
        ("slug", slug),
        ("unit_id", unit.as_str()),
        ("access", "anyone"),
        ("layout", "one_page"),
        ("visibility", "while_open"),
    ];
    for (k, v) in settings {
        f.retain(|(name, _)| name != k);
        f.push((k, v));
    }
    let r = org.post("/admin/ankiety/nowa", &f).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let id = survey_id(r.location());
    for q in questions {
        post(org, &format!("/admin/ankiety/{id}/pytania/nowe"), q).await;
    }
    let r = org.post(&format!("/admin/ankiety/{id}/status"), &[("to", "open")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    id
}

/// The chart of the question with `qid` on a results page.
fn chart_of(body: &str, qid: i64) -> String {
    let at = body.find(&format!("aria-labelledby=\"r{qid}-t\"")).expect("the question has a chart");
    let start = body[..at].rfind("<svg").unwrap();
    let end = body[at..].find("</svg>").unwrap() + at;
    body[start..end].to_owned()
}

#[tokio::test]
async fn a_matrix_chart_shows_row_means_and_a_date_question_only_dates() {
    let app = TestApp::new().await;
    let u = unit(&app, "WKS").await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let q = |kind: &'static str, text: &'static str, extra: Vec<(&'static str, &str)>| {
        let mut v: Vec<(&'static str, String)> = vec![("kind", kind.into()), ("text_pl", text.into())];
        v.extend(extra.into_iter().map(|(k, x)| (k, x.to_owned())));
        v
    };
    let id = survey_of(
        &mut org,
        u,
        "ankieta-macierz",
        &[],
        vec![
            q(
                "likert",
                "Jak oceniasz ulicę?",
                vec![("options", "Źle\nRaczej źle\nŚrednio\nRaczej dobrze\nDobrze"), ("rows", "Chodniki\nZieleń")],
            ),
            q("date", "Kiedy byłeś tu ostatnio?", vec![]),
        ],
    )
    .await;
    let qs = agora_db::surveys::questions(app.db(), id.parse().unwrap()).await.unwrap();
    let (likert, date) = (qs[0].id, qs[1].id);
    let mut c = app.client();
    let hidden = form_fields(&mut c, "ankieta-macierz").await;
    let r = send(
        &mut c,
        "ankieta-macierz",
        &hidden,
        &[(format!("q{likert}_1"), "5".into()), (format!("q{date}"), "2026-05-04".into())],
        "submit",
    )
    .await;
    assert!(r.text().contains("Twoje odpowiedzi zostały zapisane"), "{}", r.text());

    let results = app.client().get("/ankiety/ankieta-macierz/wyniki").await;
    assert_eq!(results.status, StatusCode::OK);
    let chart = chart_of(&results.body, likert);
    assert!(chart.contains(">średnia 5,00<"), "the chart writes the row's mean: {chart}");
    assert!(!chart.contains("500"), "the mean is not written as a count of 500: {chart}");
    assert!(chart.contains(">brak odpowiedzi<"), "a row nobody answered says so: {chart}");
    let t = results.text();
    assert!(t.contains("2026-05-04 1 100,0%"), "{t}");
    assert!(!t.contains("* 1 100,0%"), "no row for the count of people who answered: {t}");
    let chart = chart_of(&results.body, date);
    assert_eq!(chart.matches("class=\"chart-bar\"").count(), 1, "one bar, for the one date: {chart}");
}

#[tokio::test]
async fn charts_keep_their_text_size_on_a_narrow_screen() {
    let app = TestApp::new().await;
    let u = unit(&app, "WKS").await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let id = built(&app, &mut org, u, "one_page").await;
    let qs = agora_db::surveys::questions(app.db(), id.parse().unwrap()).await.unwrap();
    let mut c = app.client();
    let hidden = form_fields(&mut c, "ankieta-o-zieleni").await;
    send(&mut c, "ankieta-o-zieleni", &hidden, &answers(&qs, &[(0, "no"), (2, "4"), (3, "2")]), "submit").await;
    let results = app.client().get("/ankiety/ankieta-o-zieleni/wyniki").await;
    let chart = chart_of(&results.body, qs[3].id);
    // A chart drawn on a fixed 720-unit canvas and scaled to a 320 px screen shrinks its text to
    // well under half its size; one without a viewBox fills the width and keeps the page's text.
    assert!(!chart.contains("viewBox"), "{chart}");
    assert!(chart.contains("width=\"100%\""), "{chart}");
    assert!(chart.contains("width=\"60%\""), "the longest bar is measured in per cent: {chart}");
}

#[tokio::test]
async fn a_survey_of_a_consultation_takes_answers_only_once_the_consultation_opens() {
    let app = TestApp::new().await;
    let u = unit(&app, "ZTP").await;
    // Its opening time has passed, but it was not opened yet.
    let cid = stored(&app, u, "Przebudowa ul. Podzamcze", Status::Announced, -1, vec![]).await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let cid_s = cid.to_string();
    let id = survey_of(
        &mut org,
        u,
        "ankieta-podzamcze",
        &[("consultation_id", &cid_s)],
        vec![vec![("kind", "yes_no".into()), ("text_pl", "Czy jeździsz tędy rowerem?".into())]],
    )
    .await;
    let qs = agora_db::surveys::questions(app.db(), id.parse().unwrap()).await.unwrap();
    let mut c = app.client();
    let page = c.get("/ankiety/ankieta-podzamcze").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "{}", page.text());
    assert!(page.text().contains("Ta ankieta jest częścią konsultacji „Przebudowa ul. Podzamcze”"), "{}", page.text());
    let consultation = app.client().get("/konsultacje/przebudowa-ul-podzamcze").await.text();
    assert!(!consultation.contains("trwa, weź udział"), "not offered as open: {consultation}");
    let hidden: Vec<(String, String)> = vec![("v".into(), "1".into()), ("s".into(), "0".into())];
    let r = send(&mut c, "ankieta-podzamcze", &hidden, &answers(&qs, &[(0, "yes")]), "submit").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    let n: i64 =
        agora_db::surveys::channel_counts(app.db(), id.parse().unwrap()).await.unwrap().iter().map(|c| c.1).sum();
    assert_eq!(n, 0, "nothing was stored");

    let r = org.post(&format!("/admin/konsultacje/{cid}/status"), &[("to", "open")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let hidden = form_fields(&mut c, "ankieta-podzamcze").await;
    let r = send(&mut c, "ankieta-podzamcze", &hidden, &answers(&qs, &[(0, "yes")]), "submit").await;
    assert!(r.text().contains("Twoje odpowiedzi zostały zapisane"), "{}", r.text());
    assert!(
        r.body.contains("href=\"/konsultacje/przebudowa-ul-podzamcze\">Wróć do konsultacji „Przebudowa ul. Podzamcze”"),
        "the thank-you page leads back to the consultation: {}",
        r.body
    );
    // The consultation now offers remarks at the top, not only under "how to take part".
    let page = app.client().get("/konsultacje/przebudowa-ul-podzamcze").await.body;
    let top = page
        .split("<article class=\"consultation\">")
        .nth(1)
        .and_then(|a| a.split("</header>").next())
        .unwrap_or_default();
    assert!(top.contains("href=\"/konsultacje/przebudowa-ul-podzamcze/uwagi/nowa\">Zgłoś uwagi</a>"), "{top}");
}

#[tokio::test]
async fn the_builder_names_the_survey_address_and_previews_it_step_by_step() {
    let app = TestApp::new().await;
    let u = unit(&app, "WKS").await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let form = org.get("/admin/ankiety/nowa").await;
    let hint = form.body.split("id=\"slug-hint\">").nth(1).unwrap().split('<').next().unwrap().to_owned();
    assert!(hint.contains("/ankiety/") && !hint.contains("/konsultacje/"), "{hint}");

    let id = built(&app, &mut org, u, "pages").await;
    let first = org.get(&format!("/admin/ankiety/{id}/podglad")).await;
    assert_eq!(first.status, StatusCode::OK);
    let t = first.text();
    assert!(t.contains("Krok 1 z 2"), "{t}");
    assert!(t.contains("Czy masz ogród?") && t.contains("Co w nim rośnie?"), "{t}");
    assert!(!t.contains("Jak oceniasz parki?"), "the second page is not on the first: {t}");
    let next = format!("/admin/ankiety/{id}/podglad?strona=2");
    assert!(first.body.contains(&format!("href=\"{next}\"")), "a link to the next step");
    let second = org.get(&next).await.text();
    assert!(second.contains("Krok 2 z 2") && second.contains("Jak oceniasz parki?"), "{second}");
    assert!(!second.contains("Czy masz ogród?"), "{second}");
}

#[tokio::test]
async fn district_editors_run_their_district_polls_and_organisers_see_only_their_own() {
    let app = TestApp::new().await;
    let e = agora_db::audit::AuditEntry {
        actor_id: None,
        actor_label: "test".into(),
        action: "district.create",
        entity: "district",
        details: String::new(),
    };
    let parse = agora_domain::reference::DistrictInput::parse;
    let d = agora_db::reference::save_district(app.db(), None, &parse("13", "Podgórze").unwrap(), &e).await.unwrap();
    let other =
        agora_db::reference::save_district(app.db(), None, &parse("1", "Stare Miasto").unwrap(), &e).await.unwrap();
    let poll = |district: i64, question: &'static str| {
        let ds = district.to_string();
        move || {
            vec![
                ("question_pl", question.to_owned()),
                ("options", "Tak\nNie".to_owned()),
                ("placement", "district".to_owned()),
                ("district_id", ds.clone()),
                ("vote_mode", "cookie".to_owned()),
            ]
        }
    };
    let mut editor = app.signed_in("rada13@agora.test", &[Grant::DistrictEditor(d)]).await;
    assert_eq!(editor.get("/admin/sondy").await.status, StatusCode::OK);
    let own = poll(d, "Czy otworzyć nowy skwer?")();
    let own: Vec<(&str, &str)> = own.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(editor.post("/admin/sondy", &own).await.status, StatusCode::SEE_OTHER);
    let theirs = poll(other, "Czy zamknąć Rynek dla aut?")();
    let theirs: Vec<(&str, &str)> = theirs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(editor.post("/admin/sondy", &theirs).await.status, StatusCode::FORBIDDEN);
    assert!(editor.get("/admin/sondy").await.text().contains("Czy otworzyć nowy skwer?"));
    // Another unit's organiser neither sees the district poll nor its live totals.
    let u = unit(&app, "ZTP").await;
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    let list = org.get("/admin/sondy").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(!list.text().contains("Czy otworzyć nowy skwer?"), "{}", list.text());
    let mut moderator = app.signed_in("mod@agora.test", &[Grant::Moderator]).await;
    assert_eq!(moderator.get("/admin/sondy").await.status, StatusCode::FORBIDDEN);
}

/// A survey stored as its organiser would have left it.
async fn standalone_survey(
    app: &TestApp,
    unit: i64,
    slug: &str,
    title: &str,
    consultation: Option<i64>,
    visibility: agora_domain::survey::Visibility,
    status: agora_domain::survey::SurveyStatus,
) {
    let fields = agora_db::surveys::SurveyFields {
        slug: slug.into(),
        consultation_id: consultation,
        unit_id: unit,
        title: agora_domain::survey::Text { pl: title.into(), en: String::new() },
        intro: agora_domain::survey::Text::default(),
        access: agora_domain::survey::Access::Anyone,
        layout: agora_domain::survey::Layout::OnePage,
        visibility,
        closes_at: None,
    };
    let id = agora_db::surveys::create(app.db(), &fields, None, &entry()).await.unwrap();
    if status != agora_domain::survey::SurveyStatus::Draft {
        agora_db::surveys::set_status(app.db(), id, status, &entry()).await.unwrap();
    }
}

#[tokio::test]
async fn standalone_surveys_are_listed_with_their_results_where_public() {
    use agora_domain::survey::{SurveyStatus, Visibility};
    let app = TestApp::new().await;
    let u = unit(&app, "SO").await;
    let cid = stored(&app, u, "Konsultacja z ankietą", Status::Open, -1, vec![]).await;
    standalone_survey(
        &app,
        u,
        "ocena-centrum",
        "Jak oceniasz Centrum?",
        None,
        Visibility::WhileOpen,
        SurveyStatus::Open,
    )
    .await;
    standalone_survey(&app, u, "badanie-2025", "Badanie 2025", None, Visibility::Staff, SurveyStatus::Closed).await;
    standalone_survey(&app, u, "szkic", "Ankieta w przygotowaniu", None, Visibility::WhileOpen, SurveyStatus::Draft)
        .await;
    standalone_survey(
        &app,
        u,
        "z-konsultacji",
        "Ankieta konsultacji",
        Some(cid),
        Visibility::WhileOpen,
        SurveyStatus::Open,
    )
    .await;
    let mut anon = app.client();
    let r = anon.get("/ankiety").await;
    assert_eq!(r.status, StatusCode::OK);
    let open = r.body.split("id=\"surveys-open-heading\"").nth(1).unwrap().split("</section>").next().unwrap();
    assert!(open.contains("<a href=\"/ankiety/ocena-centrum\">Jak oceniasz Centrum?</a>"));
    assert!(open.contains("<a href=\"/ankiety/ocena-centrum/wyniki\">"), "results public while open");
    let closed = r.body.split("id=\"surveys-closed-heading\"").nth(1).unwrap().split("</section>").next().unwrap();
    assert!(closed.contains("Badanie 2025") && closed.contains("wyniki nie są publiczne"));
    assert!(!closed.contains("/ankiety/badanie-2025/wyniki"));
    assert!(!r.body.contains("Ankieta w przygotowaniu"), "a draft is not listed");
    assert!(!r.body.contains("Ankieta konsultacji"), "a consultation's survey is on its page");
    assert!(anon.get("/").await.body.contains("<a href=\"/ankiety\">Wszystkie ankiety</a>"));
}
