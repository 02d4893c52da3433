//! The city's answers ledger through HTTP: a body's secretary sends an opinion, it shows in
//! the public ledger with its due date, only the department addressed may answer it, a
//! stale step is refused without losing the text, and the answer is public.

use crate::consultations::{entry, unit};
use crate::harness::{Resp, TestApp};
use agora_db::reference::{self, NamedKind};
use agora_domain::permission::Grant;
use agora_domain::reference::NamedInput;
use axum::http::StatusCode;

async fn body(app: &TestApp, name: &str) -> i64 {
    let n = NamedInput::parse(name, "").unwrap();
    reference::save_named(app.db(), NamedKind::Body, None, &n, &entry()).await.unwrap()
}

fn opinion<'a>(unit: &'a str, adopted: &'a str, votes_for: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kind", "opinion"),
        ("title", "Opinia o projekcie programu współpracy"),
        ("unit_id", unit),
        ("text", "Komisja popiera projekt i prosi o **dłuższy** termin konsultacji z organizacjami."),
        ("adopted_on", adopted),
        ("votes_for", votes_for),
        ("votes_against", "2"),
        ("votes_abstaining", "1"),
    ]
}

fn id_from(r: &Resp) -> i64 {
    let loc = r.location();
    loc.trim_start_matches("/odpowiedzi-miasta/").split('?').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn an_opinion_goes_to_the_ledger_and_only_its_department_answers_it() {
    let app = TestApp::new().await;
    let wso = unit(&app, "WSO").await;
    let ztp = unit(&app, "ZTP").await;
    let krdpp = body(&app, "Krakowska Rada Działalności Pożytku Publicznego").await;
    let other = body(&app, "Młodzieżowa Rada Krakowa").await;
    let mut secretary = app.signed_in("sekretarz@example.pl", &[Grant::BodySecretary(krdpp)]).await;
    let wso_s = wso.to_string();
    let path = format!("/admin/ciala-dialogu/{krdpp}/opinie/nowa");

    // A rejected vote and a day in the future: both named, the text kept, nothing stored.
    let tomorrow = (chrono::Utc::now() + chrono::Duration::days(2)).date_naive().to_string();
    let bad = secretary.post(&path, &opinion(&wso_s, &tomorrow, "1")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.field_error("adopted_on").as_deref(), Some("Data nie może być późniejsza niż dzisiejsza."));
    assert_eq!(bad.field_error("votes_for").as_deref(), Some("Opinia bez większości głosów za nie została przyjęta."));
    assert!(bad.text().contains("Data przyjęcia: Data nie może być"), "the summary names the field");
    assert_eq!(bad.input_value("title").as_deref(), Some("Opinia o projekcie programu współpracy"));
    let mut anon = app.client();
    assert!(anon.get("/odpowiedzi-miasta").await.text().contains("Brak spraw spełniających kryteria."));

    // Another body's secretary may not send in this body's name.
    let forbidden =
        secretary.post(&format!("/admin/ciala-dialogu/{other}/opinie/nowa"), &opinion(&wso_s, "2026-01-05", "9")).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);

    // Adopted on Monday 5 January 2026: 30 days end on Wednesday 4 February.
    let sent = secretary.post(&path, &opinion(&wso_s, "2026-01-05", "9")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.text());
    let id = id_from(&sent);

    let ledger = anon.get("/odpowiedzi-miasta").await;
    assert_eq!(ledger.status, StatusCode::OK);
    let text = ledger.text();
    assert!(text.contains("Opinia o projekcie programu współpracy"), "{text}");
    assert!(text.contains("4 lutego 2026"), "due date shown: {text}");
    assert!(text.contains("dni roboczych po terminie"), "the old opinion is overdue: {text}");
    assert!(text.contains("Na odpowiedź czeka 1 sprawa."), "{text}");
    let filtered = anon.get(&format!("/odpowiedzi-miasta?cialo={other}")).await.text();
    assert!(!filtered.contains("Opinia o projekcie"), "the body filter holds");

    let page = anon.get(&format!("/odpowiedzi-miasta/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<strong>dłuższy</strong>"), "the opinion's Markdown is rendered");
    assert!(page.text().contains("9 za, 2 przeciw, 1 wstrzymujących się"), "{}", page.text());

    // Another department's organiser: refused; the department addressed: allowed.
    let mut stranger = app.signed_in("ztp@example.pl", &[Grant::Organiser(ztp)]).await;
    assert_eq!(stranger.get(&format!("/admin/odpowiedzi/{id}")).await.status, StatusCode::FORBIDDEN);
    let refused = stranger
        .post(&format!("/admin/odpowiedzi/{id}"), &[("to", "answered"), ("note", "x".repeat(30).as_str())])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(!stranger.get("/admin/odpowiedzi").await.text().contains("Opinia o projekcie"));

    let mut staff = app.signed_in("wso@example.pl", &[Grant::Organiser(wso)]).await;
    assert!(staff.get("/admin/odpowiedzi").await.text().contains("Opinia o projekcie"));
    let short = staff.post(&format!("/admin/odpowiedzi/{id}"), &[("to", "answered"), ("note", "Nie.")]).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(short.text().contains("Odpowiedź i jej uzasadnienie:"), "the summary names the answer field");
    assert_eq!(
        agora_db::tracked::get(app.db(), id).await.unwrap().unwrap().state,
        agora_domain::tracked::TrackedState::Sent
    );

    let ack = staff.post(&format!("/admin/odpowiedzi/{id}"), &[("to", "acknowledged"), ("note", "")]).await;
    assert_eq!(ack.status, StatusCode::SEE_OTHER, "{}", ack.text());
    // A second tab still showing "sent" tries to acknowledge again: refused, the text kept.
    let stale = staff.post(&format!("/admin/odpowiedzi/{id}"), &[("to", "acknowledged"), ("note", "Przyjęto")]).await;
    assert_eq!(stale.status, StatusCode::UNPROCESSABLE_ENTITY);

    let answer = "Wydłużymy konsultacje programu do 35 dni i zaprosimy organizacje na spotkanie.";
    let done = staff.post(&format!("/admin/odpowiedzi/{id}"), &[("to", "answered"), ("note", answer)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    let page = anon.get(&format!("/odpowiedzi-miasta/{id}")).await.text();
    assert!(page.contains(answer) && page.contains("Odpowiedziano"), "{page}");
    let ledger = anon.get("/odpowiedzi-miasta?stan=czeka").await.text();
    assert!(!ledger.contains("Opinia o projekcie"), "answered ones leave the awaiting list: {ledger}");
    let audit = agora_db::audit::list(
        app.db(),
        &agora_db::audit::AuditFilter { action_prefix: Some("tracked.".into()), ..Default::default() },
        10,
        0,
    )
    .await
    .unwrap();
    assert_eq!(audit.items.len(), 3, "sent, acknowledged, answered are in the audit log");
}

#[tokio::test]
async fn the_ledger_pages_with_a_fixed_number_of_rows() {
    let app = TestApp::new().await;
    let wso = unit(&app, "WSO").await;
    let krdpp = body(&app, "Krakowska Rada Seniorów").await;
    let mut secretary = app.signed_in("sekretarz@example.pl", &[Grant::BodySecretary(krdpp)]).await;
    let wso_s = wso.to_string();
    for _ in 0..51 {
        let r = secretary
            .post(&format!("/admin/ciala-dialogu/{krdpp}/opinie/nowa"), &opinion(&wso_s, "2026-01-05", "9"))
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let mut anon = app.client();
    let first = anon.get("/odpowiedzi-miasta").await;
    assert!(first.text().contains("51 spraw"));
    assert_eq!(first.body.matches("href=\"/odpowiedzi-miasta/").count(), 50);
    assert!(first.body.contains("strona=2"), "a link to the second page");
    let second = anon.get("/odpowiedzi-miasta?cialo=&wydzial=&stan=&strona=2").await;
    assert_eq!(second.body.matches("href=\"/odpowiedzi-miasta/").count(), 1);
}

#[tokio::test]
async fn each_department_is_mailed_once_a_week_what_it_owes_in_its_staffs_language() {
    use chrono::TimeZone;
    let app = TestApp::new().await;
    let wso = unit(&app, "WSO").await;
    let ztp = unit(&app, "ZTP").await;
    let krdpp = body(&app, "Krakowska Rada Działalności Pożytku Publicznego").await;
    let mut secretary = app.signed_in("sekretarz@example.pl", &[Grant::BodySecretary(krdpp)]).await;
    app.user("wso@example.pl", &[Grant::Organiser(wso)]).await;
    let en = agora_db::users::create(app.db(), "wso.en@example.pl", "Staff", "x", "en", true).await.unwrap();
    agora_db::roles::grant(app.db(), en, &Grant::Organiser(wso), &entry()).await.unwrap();
    app.user("ztp@example.pl", &[Grant::Organiser(ztp)]).await;
    let wso_s = wso.to_string();
    let path = format!("/admin/ciala-dialogu/{krdpp}/opinie/nowa");
    // One long overdue, one not yet due.
    assert_eq!(secretary.post(&path, &opinion(&wso_s, "2026-01-05", "9")).await.status, StatusCode::SEE_OTHER);
    let recent = chrono::Utc::now().date_naive().to_string();
    assert_eq!(secretary.post(&path, &opinion(&wso_s, &recent, "9")).await.status, StatusCode::SEE_OTHER);
    let sent_before = app.mail().await.len();

    // Early on Monday (Warsaw time) nothing goes yet; from 7:00 each of the department's staff
    // gets one message, and the department that owes nothing gets none.
    use chrono::Datelike;
    let warsaw = chrono_tz::Europe::Warsaw;
    let today = chrono::Utc::now().with_timezone(&warsaw).date_naive();
    let next_monday = today + chrono::Duration::days(7 - i64::from(today.weekday().num_days_from_monday()));
    let at = |h, m| {
        let t = next_monday.and_hms_opt(h, m, 0).unwrap();
        warsaw.from_local_datetime(&t).unwrap().with_timezone(&chrono::Utc)
    };
    let (monday_early, monday) = (at(6, 30), at(7, 5));
    assert_eq!(agora_web::reminders::run(&app.state, monday_early).await.unwrap(), 0);
    assert_eq!(agora_web::reminders::run(&app.state, monday).await.unwrap(), 2);
    let mail = app.mail().await;
    let new: Vec<_> = mail[sent_before..].to_vec();
    assert_eq!(new.len(), 2, "{new:?}");
    let pl = new.iter().find(|m| m.to == "wso@example.pl").expect("mail to the Polish-speaking staff");
    assert_eq!(pl.subject, "Jednostka WSO: 2 sprawy czekają na odpowiedź miasta");
    assert!(pl.body.contains("1 jest już po terminie."), "{}", pl.body);
    assert!(pl.body.contains("/admin/odpowiedzi"), "{}", pl.body);
    let english = new.iter().find(|m| m.to == "wso.en@example.pl").expect("mail to the English-speaking staff");
    assert!(english.subject.ends_with("2 items await the city's answer"), "{}", english.subject);
    assert!(!new.iter().any(|m| m.to == "ztp@example.pl"), "ZTP owes nothing");

    // Later the same week, and on another instance, nothing is sent again; next week it is.
    let friday = monday + chrono::Duration::days(4);
    assert_eq!(agora_web::reminders::run(&app.state, friday).await.unwrap(), 0);
    assert_eq!(agora_web::reminders::run(&app.state, monday + chrono::Duration::days(7)).await.unwrap(), 2);
}

#[tokio::test]
async fn current_members_cosign_their_bodys_opinion_once_and_nobody_else_can() {
    let app = TestApp::new().await;
    let wso = unit(&app, "WSO").await;
    let krdpp = body(&app, "Krakowska Rada Działalności Pożytku Publicznego").await;
    let mut secretary = app.signed_in("sekretarz@example.pl", &[Grant::BodySecretary(krdpp)]).await;
    let mut member = app.signed_in("czlonkini@example.pl", &[]).await;
    let mut former = app.signed_in("byly@example.pl", &[]).await;
    let mut stranger = app.signed_in("obcy@example.pl", &[]).await;
    let members = format!("/admin/ciala-dialogu/{krdpp}/czlonkowie");
    let today = chrono::Utc::now().date_naive();
    let add = |name: &'static str, email: &'static str, org: &'static str, ends: String| {
        vec![
            ("name", name.to_owned()),
            ("email", email.to_owned()),
            ("role", "member".to_owned()),
            ("voting", "yes".to_owned()),
            ("organisation", org.to_owned()),
            ("starts_on", "2025-01-01".to_owned()),
            ("ends_on", ends),
        ]
    };
    for fields in [
        add("Anna Nowak", "czlonkini@example.pl", "Fundacja Wspólna Droga", String::new()),
        add("Jan Były", "byly@example.pl", "", (today - chrono::Duration::days(30)).to_string()),
    ] {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = secretary.post(&members, &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    }
    let sent = secretary
        .post(&format!("/admin/ciala-dialogu/{krdpp}/opinie/nowa"), &opinion(&wso.to_string(), "2026-11-30", "9"))
        .await;
    let id = id_from(&sent);
    let item = format!("/odpowiedzi-miasta/{id}");

    // The current member is offered the button; a former member and a stranger are not, and
    // their posts are refused.
    assert!(member.get(&item).await.text().contains("Podpisz jako członek lub członkini"));
    assert!(!former.get(&item).await.text().contains("Podpisz jako"));
    assert!(!stranger.get(&item).await.text().contains("Podpisz jako"));
    assert_eq!(former.post(&format!("{item}/podpis"), &[]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(stranger.post(&format!("{item}/podpis"), &[]).await.status, StatusCode::FORBIDDEN);

    // Signing twice keeps one signature; the public page names the member and organisation.
    for _ in 0..2 {
        let r = member.post(&format!("{item}/podpis"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    }
    let signed = agora_db::tracked::signatures(app.db(), id).await.unwrap();
    assert_eq!(signed.len(), 1);
    let page = app.client().get(&item).await.text();
    assert!(page.contains("Podpisali członkowie Anna Nowak (Fundacja Wspólna Droga)"), "{page}");
    assert!(!member.get(&item).await.text().contains("Podpisz jako"), "signed already");
}
