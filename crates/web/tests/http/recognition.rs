//! Recognition of dialogue body members through HTTP: only the member shows or hides their
//! record on the body's page, which then counts their meetings, co-signed opinions and terms;
//! a certificate of participation for a period, asked for by the member or issued by the
//! body's secretary and refused to anyone else; and the body's yearly activity report as a
//! page and as a PDF whose text is read back; and the days the city has to answer, set by
//! administrators per kind of body, dating the next opinion only; and an opinion drafted at a
//! meeting, whose vote cannot outnumber the voting members present.

use crate::bodies::{body, category};
use crate::consultations::{entry, unit};
use crate::harness::{Client, Resp, TestApp};
use agora_db::bodies;
use agora_domain::body::{Account, MembershipForm, TermForm};
use agora_domain::permission::Grant;
use axum::http::StatusCode;
use chrono::{Datelike, Duration, NaiveDate, Utc};

struct Setup {
    id: i64,
    secretary: Client,
    anna: Client,
    jan: Client,
    /// Anna's and Jan's memberships.
    anna_mid: i64,
    jan_mid: i64,
    meeting_day: NaiveDate,
    meeting: i64,
    term_start: NaiveDate,
}

fn local(t: chrono::DateTime<Utc>) -> String {
    t.with_timezone(&chrono_tz::Europe::Warsaw).format("%Y-%m-%dT%H:%M").to_string()
}

async fn member(app: &TestApp, body: i64, term: i64, name: &str, email: &str, role: &str, from: &str) -> i64 {
    let user = agora_db::users::by_email(app.db(), email).await.unwrap().unwrap().id;
    let f = MembershipForm {
        name: name.into(),
        role: role.into(),
        voting: Some("yes".into()),
        organisation: "Fundacja Wspólne Miasto".into(),
        term_id: term.to_string(),
        starts_on: from.into(),
        ..MembershipForm::default()
    };
    bodies::add_membership(app.db(), body, &f.parse(&[term], Account::Found(user)).unwrap(), &entry()).await.unwrap()
}

/// A council with a term, Anna and Jan as members with accounts, its secretary, a meeting ten
/// days ago that Anna attended and Jan missed, and an opinion Anna co-signed.
async fn setup(app: &TestApp) -> Setup {
    let so = unit(app, "SO").await;
    let theme = category(app, "Organizacje pozarządowe").await;
    let id = body(app, "Rada Pożytku", "rada-pozytku", "public_benefit_council", so, theme).await;
    let today = Utc::now().date_naive();
    let term_start = today - Duration::days(400);
    let term = TermForm {
        term_name: "Kadencja 2025–2029".into(),
        term_starts_on: term_start.to_string(),
        term_ends_on: (term_start + Duration::days(1460)).to_string(),
    };
    let term = bodies::add_term(app.db(), id, &term.parse().unwrap(), &entry()).await.unwrap();
    let mut secretary = app.signed_in("sekretarz@example.pl", &[Grant::BodySecretary(id)]).await;
    let mut anna = app.signed_in("anna@example.pl", &[]).await;
    let jan = app.signed_in("jan@example.pl", &[]).await;
    let from = term_start.to_string();
    let anna_mid = member(app, id, term, "Anna Nowak", "anna@example.pl", "chair", &from).await;
    let jan_mid = member(app, id, term, "Jan Kowalski", "jan@example.pl", "member", &from).await;

    let start = Utc::now() - Duration::days(10);
    let (s, e) = (local(start), local(start + Duration::hours(2)));
    let fields = [
        ("title", "Posiedzenie nr 7"),
        ("meeting_starts_at", s.as_str()),
        ("meeting_ends_at", e.as_str()),
        ("meeting_place", "Urząd Miasta, sala 201"),
    ];
    let r = secretary.post(&format!("/admin/ciala-dialogu/{id}/posiedzenia"), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let mid: i64 = r.location().rsplit('/').next().unwrap().split('?').next().unwrap().parse().unwrap();
    let present = anna_mid.to_string();
    let r = secretary
        .post(&format!("/admin/ciala-dialogu/{id}/posiedzenia/{mid}/obecnosc"), &[("present", present.as_str())])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());

    let adopted = (today - Duration::days(10)).to_string();
    let so_s = so.to_string();
    let opinion = [
        ("kind", "opinion"),
        ("title", "Opinia o programie współpracy na 2027 rok"),
        ("unit_id", so_s.as_str()),
        ("text", "Rada pozytywnie opiniuje projekt programu współpracy z organizacjami."),
        ("adopted_on", adopted.as_str()),
        ("votes_for", "2"),
        ("votes_against", "0"),
        ("votes_abstaining", "0"),
    ];
    let r = secretary.post(&format!("/admin/ciala-dialogu/{id}/opinie/nowa"), &opinion).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let opinion_path = r.location().split('?').next().unwrap().to_owned();
    let r = anna.post(&format!("{opinion_path}/podpis"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    Setup { id, secretary, anna, jan, anna_mid, jan_mid, meeting_day: start.date_naive(), meeting: mid, term_start }
}

fn records(r: &Resp) -> Option<String> {
    let start = r.body.find("id=\"member-records\"")?;
    let end = r.body[start..].find("</table>").map_or(r.body.len(), |e| e + start);
    Some(r.body[start..end].to_owned())
}

async fn audit_count(app: &TestApp, prefix: &str) -> usize {
    let f = agora_db::audit::AuditFilter { action_prefix: Some(prefix.into()), ..Default::default() };
    agora_db::audit::list(app.db(), &f, 100, 0).await.unwrap().items.len()
}

fn pdf_text(bytes: &[u8]) -> String {
    pdf_extract::extract_text_from_mem(bytes).expect("readable PDF").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn only_the_member_shows_their_record_which_counts_meetings_opinions_and_terms() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let mut visitor = app.client();
    let page = visitor.get("/ciala-dialogu/rada-pozytku").await;
    assert!(records(&page).is_none(), "nothing shown without consent");
    assert!(page.text().contains("Żaden z członków nie zgodził się jeszcze na pokazanie swojego udziału."));
    assert!(!page.text().contains("Pokaż mój udział publicznie"), "no switch for a visitor");

    // The secretary keeps the memberships but cannot consent for anyone.
    let r = s.secretary.post("/ciala-dialogu/rada-pozytku/moj-udzial", &[("show", "yes")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut stranger = app.signed_in("obcy@example.pl", &[]).await;
    let r = stranger.post("/ciala-dialogu/rada-pozytku/moj-udzial", &[("show", "yes")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    let mine = s.anna.get("/ciala-dialogu/rada-pozytku").await;
    assert!(mine.text().contains("Twój udział nie jest widoczny publicznie."), "{}", mine.text());
    let r = s.anna.post("/ciala-dialogu/rada-pozytku/moj-udzial", &[("show", "yes")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/ciala-dialogu/rada-pozytku?ok=flash-record-shown#udzial");

    // Kept in memory before, never stale after: Anna's record, and not Jan's.
    let page = visitor.get("/ciala-dialogu/rada-pozytku").await;
    let table = records(&page).expect("the records table");
    assert!(table.contains("Anna Nowak"), "{table}");
    assert!(table.contains("Przewodniczący(-a)"), "{table}");
    assert!(table.contains("Kadencja 2025–2029"), "{table}");
    assert!(table.contains("<td>1</td><td>1</td>"), "one meeting attended, one opinion co-signed: {table}");
    assert!(!table.contains("Jan Kowalski"), "Jan has not consented: {table}");

    // Jan shows his from his account page: no meeting, no signature.
    let account = s.jan.get("/konto/ciala-dialogu").await;
    assert!(account.text().contains("Rada Pożytku"), "{}", account.text());
    let r = s.jan.post("/ciala-dialogu/rada-pozytku/moj-udzial", &[("show", "yes"), ("back", "konto")]).await;
    assert_eq!(r.location(), "/konto/ciala-dialogu?ok=flash-record-shown");
    let table = records(&visitor.get("/ciala-dialogu/rada-pozytku").await).unwrap();
    assert!(table.contains("Jan Kowalski") && table.contains("<td>0</td><td>0</td>"), "{table}");

    let r = s.anna.post("/ciala-dialogu/rada-pozytku/moj-udzial", &[("show", "no")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let table = records(&visitor.get("/ciala-dialogu/rada-pozytku").await).unwrap();
    assert!(!table.contains("Anna Nowak"), "withdrawn at once: {table}");
    assert_eq!(audit_count(&app, "body_record.").await, 3, "every switch is in the audit log");
}

#[tokio::test]
async fn a_certificate_lists_the_period_and_goes_to_the_member_or_their_secretary_only() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let path = "/ciala-dialogu/rada-pozytku/zaswiadczenie";
    let from = s.term_start.to_string();
    let to = Utc::now().date_naive().to_string();

    let form = s.anna.get(path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text().contains("Zaświadczenie dla: Anna Nowak"), "{}", form.text());
    let (status, ct, bytes) = {
        let r = s.anna.post(path, &[("from_on", from.as_str()), ("to_on", to.as_str())]).await;
        let ct = r.headers.get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
        (r.status, ct, r.bytes.clone())
    };
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ct.as_deref(), Some("application/pdf"));
    let text = pdf_text(&bytes);
    for expected in [
        "Zaświadczenie o udziale w pracach ciała dialogu obywatelskiego",
        "Imię i nazwisko Anna Nowak",
        "Ciało dialogu Rada Pożytku",
        "Kadencja 2025–2029",
        "Posiedzenia z obecnością (1)",
        "Posiedzenie nr 7",
        "Współpodpisane opinie i rekomendacje (1)",
        "Opinia o programie współpracy na 2027 rok",
        "Numer zaświadczenia ZU/",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from {text}");
    }

    // A period that ended before the meeting lists no meeting.
    let before = (s.meeting_day - Duration::days(2)).to_string();
    let r = s.anna.post(path, &[("from_on", from.as_str()), ("to_on", before.as_str())]).await;
    assert!(pdf_text(&r.bytes).contains("Posiedzenia z obecnością (0)"));

    // Bad periods: named by the fields, what was typed kept.
    let r = s.anna.post(path, &[("from_on", to.as_str()), ("to_on", from.as_str())]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("to_on").as_deref(), Some("Koniec okresu nie może być wcześniejszy niż jego początek."));
    assert!(r.text().contains("Do dnia: Koniec okresu"), "the summary names the field");
    assert_eq!(r.input_value("from_on").as_deref(), Some(to.as_str()));
    let long_ago = (s.term_start - Duration::days(100)).to_string();
    let r = s.anna.post(path, &[("from_on", long_ago.as_str()), ("to_on", long_ago.as_str())]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("from_on").unwrap().contains("nie była członkiem"), "{:?}", r.field_error("from_on"));
    let r = s.anna.post(path, &[("from_on", "2025-13-01"), ("to_on", "")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("from_on").is_some() && r.field_error("to_on").is_some());

    // A member cannot have one issued for someone else; strangers and other bodies' staff
    // cannot reach the form at all.
    let jan = s.jan_mid.to_string();
    let r = s.anna.post(path, &[("from_on", from.as_str()), ("to_on", to.as_str()), ("member", jan.as_str())]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut stranger = app.signed_in("obcy@example.pl", &[]).await;
    assert_eq!(stranger.get(path).await.status, StatusCode::FORBIDDEN);
    let r = stranger.post(path, &[("from_on", from.as_str()), ("to_on", to.as_str())]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let so = agora_db::reference::units(app.db()).await.unwrap()[0].id;
    let other_body =
        body(&app, "Rada Seniorów", "rada-seniorow", "seniors_council", so, category(&app, "Seniorzy").await).await;
    let mut other = app.signed_in("inny@example.pl", &[Grant::BodySecretary(other_body)]).await;
    assert_eq!(other.get(path).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.client().get(path).await.status, StatusCode::SEE_OTHER, "sign in first");

    // The secretary issues one for Jan, who missed the meeting and signed nothing.
    let form = s.secretary.get(path).await;
    assert!(form.body.contains(&format!("<option value=\"{}\">Jan Kowalski", s.jan_mid)), "{}", form.body);
    let r = s.secretary.post(path, &[("from_on", from.as_str()), ("to_on", to.as_str())]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "the secretary names the person");
    assert_eq!(r.field_error("member").as_deref(), Some("Wybierz osobę, dla której wystawiasz zaświadczenie."));
    let r =
        s.secretary.post(path, &[("from_on", from.as_str()), ("to_on", to.as_str()), ("member", jan.as_str())]).await;
    assert_eq!(r.status, StatusCode::OK);
    let text = pdf_text(&r.bytes);
    assert!(text.contains("Imię i nazwisko Jan Kowalski") && text.contains("Posiedzenia z obecnością (0)"), "{text}");
    let anna = s.anna_mid.to_string();
    let r =
        s.secretary.post(path, &[("from_on", from.as_str()), ("to_on", to.as_str()), ("member", anna.as_str())]).await;
    assert!(pdf_text(&r.bytes).contains("Posiedzenia z obecnością (1)"));
    assert_eq!(audit_count(&app, "certificate.issue").await, 4, "every certificate issued is in the audit log");
}

#[tokio::test]
async fn the_yearly_report_lists_members_meetings_and_opinions_as_a_page_and_a_pdf() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let year = s.meeting_day.year();
    let mut visitor = app.client();
    let page = visitor.get("/ciala-dialogu/rada-pozytku").await;
    let link = format!("/ciala-dialogu/rada-pozytku/sprawozdanie/{year}");
    assert!(page.body.contains(&format!("href=\"{link}\"")), "the body page links the year");

    let r = visitor.get(&link).await;
    assert_eq!(r.status, StatusCode::OK);
    let text = r.text();
    let title = format!("Rada Pożytku: sprawozdanie z działalności za rok {year}");
    for expected in [
        title.as_str(),
        "Anna Nowak (Fundacja Wspólne Miasto)",
        "Posiedzenie nr 7",
        "obecnych 1 z 2; bez kworum",
        "Opinia o programie współpracy na 2027 rok",
        "czeka na odpowiedź do",
        "podpisy członków: 1",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from {text}");
    }

    // A second opinion shows at once in the kept page.
    let so = agora_db::reference::units(app.db()).await.unwrap()[0].id.to_string();
    let adopted = s.meeting_day.to_string();
    let opinion = [
        ("kind", "recommendation"),
        ("title", "Rekomendacja w sprawie małych grantów"),
        ("unit_id", so.as_str()),
        ("text", "Rada rekomenduje uproszczenie wniosków o małe granty dla organizacji."),
        ("adopted_on", adopted.as_str()),
        ("votes_for", "2"),
    ];
    let sent = s.secretary.post(&format!("/admin/ciala-dialogu/{}/opinie/nowa", s.id), &opinion).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text());
    let text = visitor.get(&link).await.text();
    assert!(text.contains("Rekomendacja w sprawie małych grantów"), "never stale: {text}");

    let (status, ct, bytes) = visitor.get_bytes(&format!("{link}.pdf")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ct, "application/pdf");
    let text = pdf_text(&bytes);
    for expected in ["sprawozdanie z działalności za rok", "Odbyte posiedzenia 1", "Posiedzenie nr 7", "małych grantów"]
    {
        assert!(text.contains(expected), "{expected:?} missing from {text}");
    }
    assert_eq!(visitor.get(&format!("/ciala-dialogu/rada-pozytku/sprawozdanie/{}", year + 2)).await.status, 404);
    assert_eq!(visitor.get("/ciala-dialogu/rada-pozytku/sprawozdanie/rok").await.status, 404);
    assert_eq!(visitor.get(&format!("/ciala-dialogu/nie-ma/sprawozdanie/{year}")).await.status, 404);
}

/// An opinion of the council adopted on Monday 5 January 2026, sent by its secretary; its id.
async fn opinion_of_5_january(app: &TestApp, s: &mut Setup, title: &str) -> i64 {
    let so = agora_db::reference::units(app.db()).await.unwrap()[0].id.to_string();
    let fields = [
        ("kind", "opinion"),
        ("title", title),
        ("unit_id", so.as_str()),
        ("text", "Rada opiniuje projekt uchwały pozytywnie, z jedną uwagą do paragrafu drugiego."),
        ("adopted_on", "2026-01-05"),
        ("votes_for", "2"),
    ];
    let r = s.secretary.post(&format!("/admin/ciala-dialogu/{}/opinie/nowa", s.id), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    r.location().trim_start_matches("/odpowiedzi-miasta/").split('?').next().unwrap().parse().unwrap()
}

async fn due(app: &TestApp, id: i64) -> NaiveDate {
    agora_db::tracked::get(app.db(), id).await.unwrap().unwrap().due_on
}

#[tokio::test]
async fn a_changed_answer_rule_sets_the_due_date_of_the_next_opinion_only() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let before = opinion_of_5_january(&app, &mut s, "Opinia przed zmianą terminu").await;
    assert_eq!(due(&app, before).await, NaiveDate::from_ymd_opt(2026, 2, 4).unwrap(), "30 days by default");

    let path = "/admin/ciala-dialogu/terminy-odpowiedzi";
    assert_eq!(s.secretary.get(path).await.status, StatusCode::FORBIDDEN);
    assert_eq!(s.secretary.post(path, &[("days_public_benefit_council", "45")]).await.status, StatusCode::FORBIDDEN);
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let page = admin.get(path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.input_value("days_public_benefit_council").as_deref(), Some("30"));

    let kinds = [
        "kdo",
        "public_benefit_council",
        "youth_council",
        "seniors_council",
        "district_body",
        "working_group",
        "other",
    ];
    let fields = |pbc: &'static str, kdo: &'static str| -> Vec<(String, &'static str)> {
        kinds
            .iter()
            .map(|k| {
                let v = match *k {
                    "public_benefit_council" => pbc,
                    "kdo" => kdo,
                    _ => "30",
                };
                (format!("days_{k}"), v)
            })
            .collect()
    };
    let bad = fields("45", "0");
    let bad: Vec<(&str, &str)> = bad.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let r = admin.post(path, &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("days_kdo").as_deref(), Some("Wpisz liczbę dni od 1 do 365."));
    assert!(
        r.text().contains("Komisja Dialogu Obywatelskiego") || r.text().contains("KDO"),
        "the summary names the kind"
    );
    assert_eq!(r.input_value("days_public_benefit_council").as_deref(), Some("45"), "what was typed is kept");
    assert_eq!(audit_count(&app, "answer_rules.").await, 0, "nothing stored");

    let good = fields("45", "30");
    let good: Vec<(&str, &str)> = good.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let r = admin.post(path, &good).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(audit_count(&app, "answer_rules.").await, 1);

    let after = opinion_of_5_january(&app, &mut s, "Opinia po zmianie terminu").await;
    assert_eq!(due(&app, after).await, NaiveDate::from_ymd_opt(2026, 2, 19).unwrap(), "45 days for the council now");
    assert_eq!(
        due(&app, before).await,
        NaiveDate::from_ymd_opt(2026, 2, 4).unwrap(),
        "the earlier opinion keeps its date"
    );
}

async fn post_pairs(c: &mut Client, path: &str, fields: &[(String, String)]) -> Resp {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    c.post(path, &fields).await
}

async fn ledger_total(app: &TestApp) -> i64 {
    agora_db::tracked::ledger(app.db(), &Default::default(), 10, 0).await.unwrap().total
}

#[tokio::test]
async fn an_opinion_from_a_meeting_counts_no_more_votes_than_voters_present_and_links_it() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let so = agora_db::reference::units(app.db()).await.unwrap()[0].id;
    let theme = category(&app, "Młodzież").await;
    let youth = body(&app, "Młodzieżowa Rada", "mlodziezowa-rada", "youth_council", so, theme).await;
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let start = Utc::now() - Duration::days(3);
    let (st, en) = (local(start), local(start + Duration::hours(2)));
    let fields = [
        ("title", "Sesja Młodzieżowej Rady"),
        ("meeting_starts_at", st.as_str()),
        ("meeting_ends_at", en.as_str()),
        ("meeting_place", "Pałac Młodzieży"),
    ];
    let r = admin.post(&format!("/admin/ciala-dialogu/{youth}/posiedzenia"), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let elsewhere: String = r.location().rsplit('/').next().unwrap().split('?').next().unwrap().to_owned();

    let path = format!("/admin/ciala-dialogu/{}/opinie/nowa", s.id);
    let form = s.secretary.get(&path).await;
    assert!(form.text().contains("Posiedzenie nr 7"), "the body's meeting is offered: {}", form.text());
    assert!(!form.text().contains("Sesja Młodzieżowej Rady"), "another body's is not");
    let so = so.to_string();
    let meeting = s.meeting.to_string();
    let adopted = s.meeting_day.to_string();
    let opinion = |meeting: &str, votes: &str| -> Vec<(String, String)> {
        [
            ("kind", "opinion"),
            ("title", "Opinia z posiedzenia nr 7"),
            ("unit_id", so.as_str()),
            ("text", "Rada na posiedzeniu nr 7 pozytywnie zaopiniowała projekt regulaminu."),
            ("adopted_on", adopted.as_str()),
            ("votes_for", votes),
            ("meeting_id", meeting),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
    };
    let before = ledger_total(&app).await;

    // Anna alone was present with a vote: two votes are one too many.
    let r = post_pairs(&mut s.secretary, &path, &opinion(&meeting, "2")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.field_error("votes_for").as_deref(),
        Some("Głosów jest więcej niż członków z prawem głosu obecnych na tym posiedzeniu (1).")
    );
    assert_eq!(r.input_value("title").as_deref(), Some("Opinia z posiedzenia nr 7"));
    let r = post_pairs(&mut s.secretary, &path, &opinion(&elsewhere, "1")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("meeting_id").as_deref(), Some("Wybierz posiedzenie tego ciała, które już się odbyło."));
    assert!(r.text().contains("Przyjęta na posiedzeniu: Wybierz"), "the summary names the field");
    assert_eq!(ledger_total(&app).await, before, "nothing stored");

    let r = post_pairs(&mut s.secretary, &path, &opinion(&meeting, "1")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let opinion_path = r.location().split('?').next().unwrap().to_owned();
    let meeting_path = format!("/ciala-dialogu/rada-pozytku/posiedzenia/{}", s.meeting);
    let mut visitor = app.client();
    let page = visitor.get(&opinion_path).await;
    assert!(page.body.contains(&format!("href=\"{meeting_path}\"")), "the opinion links its meeting");
    let page = visitor.get(&meeting_path).await;
    assert!(page.body.contains(&format!("href=\"{opinion_path}\"")), "the meeting links its opinion");
}

#[tokio::test]
async fn a_granted_request_fills_the_new_body_form_and_leads_to_the_body_created_once() {
    let app = TestApp::new().await;
    let wso = unit(&app, "WSO").await;
    let wso_s = wso.to_string();
    let mut requester = app.signed_in("kdo@example.pl", &[]).await;
    let fields = [
        ("name", "Komisja Dialogu Obywatelskiego ds. Zieleni"),
        ("kind", "kdo"),
        ("justification", "Organizacje zajmujące się zielenią chcą opiniować plany nasadzeń i parków."),
        ("unit_id", wso_s.as_str()),
        ("organisation", ""),
    ];
    let made = requester.post("/ciala-dialogu/wniosek", &fields).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.text());
    let page_path = made.location().split('?').next().unwrap().to_owned();
    let rid = page_path.rsplit('/').next().unwrap().to_owned();
    assert_eq!(requester.post(&format!("{page_path}/zloz"), &[]).await.status, StatusCode::SEE_OTHER);
    let tracked = agora_db::applications::request(app.db(), rid.parse().unwrap()).await.unwrap().unwrap().tracked_id;

    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let new_path = format!("/admin/ciala-dialogu/nowe?wniosek={rid}");
    assert_eq!(admin.get(&new_path).await.status, StatusCode::NOT_FOUND, "not granted yet");
    assert!(!admin.get(&page_path).await.text().contains("Utwórz ciało na podstawie wniosku"));
    let mut staff = app.signed_in("wso@example.pl", &[Grant::Organiser(wso)]).await;
    let reasons = [("to", "granted"), ("note", "Komisja zostanie powołana zarządzeniem Prezydenta.")];
    let r = staff.post(&format!("/admin/odpowiedzi/{}", tracked.unwrap()), &reasons).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());

    let page = admin.get(&page_path).await;
    assert!(page.body.contains(&format!("href=\"{new_path}\"")), "the administrator is offered the form");
    assert!(!requester.get(&page_path).await.text().contains("Utwórz ciało"), "the requester is not");
    assert_eq!(staff.get(&new_path).await.status, StatusCode::FORBIDDEN, "administrators create bodies");
    let form = admin.get(&new_path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.input_value("name_pl").as_deref(), Some("Komisja Dialogu Obywatelskiego ds. Zieleni"));
    assert!(form.body.contains("<option value=\"kdo\" selected"), "the kind is the one requested");
    assert!(form.body.contains(&format!("value=\"{wso}\" checked")), "the department is the one requested");
    assert_eq!(form.input_value("request_id").as_deref(), Some(rid.as_str()));

    let body = [
        ("name_pl", "Komisja Dialogu Obywatelskiego ds. Zieleni"),
        ("slug", "kdo-zielen"),
        ("kind", "kdo"),
        ("units", wso_s.as_str()),
        ("request_id", rid.as_str()),
    ];
    let r = admin.post("/admin/ciala-dialogu/nowe", &body).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let page = app.client().get(&page_path).await;
    assert!(page.body.contains("href=\"/ciala-dialogu/kdo-zielen\""), "the request leads to the body");
    assert_eq!(admin.get(&new_path).await.status, StatusCode::NOT_FOUND, "a request makes one body");
    let again = [("name_pl", "Druga komisja"), ("slug", "druga"), ("kind", "kdo"), ("request_id", rid.as_str())];
    assert_eq!(admin.post("/admin/ciala-dialogu/nowe", &again).await.status, StatusCode::NOT_FOUND);
}
