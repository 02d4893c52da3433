//! Following: double opt-in for visitors, at once for accounts, "my subscriptions", one-click
//! unsubscribe without signing in, instant notices and Warsaw-day digests that carry every item
//! once (also when the run is cut short and started again) and never a scheduled or withdrawn
//! one, the recipient's language, bulk mail kept behind transactional mail, and the feeds.

use crate::harness::{Client, TestApp, link_in};
use crate::news::district;
use agora_domain::permission::Grant;
use agora_domain::subscription::{Frequency, Period};
use agora_web::mail::Mail;
use axum::http::StatusCode;
use chrono::Utc;

/// Publishes a news post of `district` (now, or at a later Warsaw time given as `at`).
async fn news(editor: &mut Client, title: &str, district: i64, at: Option<&str>) -> i64 {
    let d = district.to_string();
    let mut fields = vec![
        ("news_title", title),
        ("news_lead", "Rada dzielnicy zaprasza mieszkańców."),
        ("news_body", "Szczegóły w siedzibie rady."),
        ("news_district", d.as_str()),
        ("publish", if at.is_some() { "schedule" } else { "now" }),
    ];
    if let Some(at) = at {
        fields.push(("news_publish_at", at));
    }
    let r = editor.post_multipart("/admin/aktualnosci/nowa", &fields, "news_image", "", b"").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().trim_start_matches("/admin/aktualnosci/").split('?').next().unwrap().parse().unwrap()
}

/// Collects notices and sends everything queued, both queues; the mail to `to` since `before`.
async fn mail_to(app: &TestApp, to: &str, before: usize) -> Vec<Mail> {
    agora_web::follow_mail::collect(&app.state, Utc::now()).await.unwrap();
    agora_web::jobs::run_bulk(&app.state).await.unwrap();
    app.mail().await.into_iter().skip(before).filter(|m| m.to == to).collect()
}

/// The path of a link in a mail starting with `prefix`.
fn link_with(mail: &Mail, prefix: &str) -> String {
    let at =
        mail.body.find(&format!("http://agora.test{prefix}")).unwrap_or_else(|| panic!("{prefix} in {}", mail.body));
    mail.body[at + "http://agora.test".len()..].split_whitespace().next().unwrap().to_owned()
}

#[tokio::test]
async fn a_visitor_confirms_by_mail_gets_each_notice_and_leaves_with_one_click() {
    let app = TestApp::new().await;
    let podgorze = district(&app, "13", "Podgórze").await;
    let mut editor = app.signed_in("rada13@example.org", &[Grant::DistrictEditor(podgorze)]).await;
    let mut visitor = app.client();
    let page = format!("/obserwuj?cel=district&id={podgorze}");
    let form = visitor.get(&page).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Dzielnica Podgórze"));
    assert!(
        visitor
            .get(&format!("/dzielnice/{podgorze}"))
            .await
            .body
            .contains(&format!("href=\"/obserwuj?cel=district&amp;id={podgorze}\""))
    );
    // Unknown things cannot be followed.
    assert_eq!(visitor.get("/obserwuj?cel=district&id=99999").await.status, StatusCode::NOT_FOUND);
    assert_eq!(visitor.get("/obserwuj?cel=planet&id=1").await.status, StatusCode::NOT_FOUND);

    // A bad address: named beside the field, the typed text kept, nothing stored.
    let id = podgorze.to_string();
    let bad = [("cel", "district"), ("id", id.as_str()), ("email", "ala@"), ("frequency", "instant")];
    let r = visitor.post("/obserwuj", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("href=\"#email\""), "the summary names the field");
    assert_eq!(r.input_value("email").as_deref(), Some("ala@"));

    let me = "ala.follow@example.org";
    let fields = [("cel", "district"), ("id", id.as_str()), ("email", me), ("frequency", "instant")];
    let r = visitor.post("/obserwuj", &fields).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Sprawdź skrzynkę"));
    let confirm = app.last_mail_to(me).await;
    assert!(confirm.unsubscribe.is_none(), "a confirmation is transactional mail");
    assert!(confirm.body.contains("Dzielnica Podgórze"));

    // Before confirming, nothing is sent.
    let before = app.mail().await.len();
    news(&mut editor, "Festyn w Podgórzu", podgorze, None).await;
    assert!(mail_to(&app, me, before).await.is_empty(), "unconfirmed addresses get nothing");

    // The link shows a button (a scanner fetching it confirms nothing); posting confirms.
    let link = link_in(&confirm);
    let shown = visitor.get(&link).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("Potwierdzam"));
    let done = visitor.post(&link, &[]).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(done.body.contains("Obserwujesz: Dzielnica Podgórze"));
    assert_eq!(visitor.post(&link, &[]).await.status, StatusCode::NOT_FOUND, "a used link is unknown");
    assert_eq!(visitor.get("/subskrypcje/potwierdz/forged").await.status, StatusCode::NOT_FOUND);

    // Following twice is refused, the form kept.
    let again = visitor.post("/obserwuj", &fields).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.body.contains("Ten adres już to obserwuje"));

    // A published post is mailed at once; a scheduled one is not, until its time.
    let before = app.mail().await.len();
    news(&mut editor, "Dyżur rady w Podgórzu", podgorze, None).await;
    let later = agora_web::time::input_value(Utc::now() + chrono::Duration::days(2));
    news(&mut editor, "Zapowiedź na przyszły tydzień", podgorze, Some(&later)).await;
    let got = mail_to(&app, me, before).await;
    assert_eq!(got.len(), 1, "{got:#?}");
    let m = &got[0];
    assert_eq!(m.subject, "Aktualność: Dyżur rady w Podgórzu");
    assert!(m.body.contains("http://agora.test/aktualnosci/"));
    assert!(m.body.contains("bo obserwujesz: Dzielnica – Podgórze"), "{}", m.body);
    assert!(!m.body.contains("Zapowiedź na przyszły tydzień"));
    // Collected again, nothing is sent twice.
    assert!(mail_to(&app, me, app.mailer.sent().len()).await.is_empty());

    // "My subscriptions" behind the mail's link, without signing in; a forged key finds nothing.
    let manage = link_with(m, "/subskrypcje/");
    let list = app.client().get(&manage).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Podgórze") && list.body.contains(me));
    assert_eq!(app.client().get("/subskrypcje/forged-key").await.status, StatusCode::NOT_FOUND);

    // One-click unsubscribe as a mail provider posts it: another site, no cookie, no token.
    let url = m.unsubscribe.clone().expect("List-Unsubscribe address");
    let path = url.trim_start_matches("http://agora.test").to_owned();
    assert_eq!(path, link_with(m, "/wypisz/"), "the header and the body give the same address");
    let mut provider = app.client().with_header("origin", "https://mail.example.net");
    let r = provider.post_raw(&path, &[("List-Unsubscribe", "One-Click")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Nie będziemy już pisać"));
    let r = provider.post_raw("/wypisz/forged", &[("List-Unsubscribe", "One-Click")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // Other forms still need their token.
    assert_eq!(provider.post_raw("/obserwuj", &fields).await.status, StatusCode::FORBIDDEN);
    let before = app.mail().await.len();
    news(&mut editor, "Po wypisaniu", podgorze, None).await;
    assert!(mail_to(&app, me, before).await.is_empty(), "nothing after unsubscribing");
}

#[tokio::test]
async fn an_account_follows_at_once_and_manages_its_subscriptions() {
    let app = TestApp::new().await;
    let huta = district(&app, "18", "Nowa Huta").await;
    let mut c = app.signed_in("basia.follow@example.org", &[]).await;
    let id = huta.to_string();
    let form = c.get(&format!("/obserwuj?cel=district&id={huta}")).await;
    assert!(form.body.contains("basia.follow@example.org"), "no address asked of an account");
    let r = c.post("/obserwuj", &[("cel", "district"), ("id", id.as_str()), ("frequency", "sometimes")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Wybierz, jak często mamy pisać"));
    let r = c.post("/obserwuj", &[("cel", "district"), ("id", id.as_str()), ("frequency", "weekly")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = c.get(r.location()).await;
    assert!(page.body.contains("Nowa Huta"));
    assert!(page.body.contains("<option value=\"weekly\" selected>"));
    let r = c.post("/obserwuj", &[("cel", "district"), ("id", id.as_str()), ("frequency", "daily")]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // Choosing English for the account makes what it follows come in English.
    let r = c.post("/konto/profil", &[("display_name", "Basia"), ("locale", "en")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mut editor = app.signed_in("rada18.lang@example.org", &[Grant::DistrictEditor(huta)]).await;
    news(&mut editor, "Festyn w Nowej Hucie", huta, None).await;
    agora_web::follow_mail::collect(&app.state, Utc::now()).await.unwrap();
    let week = Period::containing(Frequency::Weekly, Utc::now()).unwrap();
    assert_eq!(agora_web::follow_mail::digest(&app.state, week, Utc::now(), None).await.unwrap(), 1);
    let digest = app.last_mail_to("basia.follow@example.org").await;
    assert!(digest.subject.starts_with("Weekly digest"), "{}", digest.subject);

    // Change how often, then stop following; another person's subscription is out of reach.
    let sub = page.body.split("action=\"/konto/subskrypcje/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let r = c.post(&format!("/konto/subskrypcje/{sub}"), &[("frequency", "daily")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(c.get("/konto/subskrypcje").await.body.contains("<option value=\"daily\" selected>"));
    let mut other = app.signed_in("cezary.follow@example.org", &[]).await;
    other.post("/obserwuj", &[("cel", "district"), ("id", id.as_str()), ("frequency", "daily")]).await;
    assert_eq!(
        other.post(&format!("/konto/subskrypcje/{sub}"), &[("remove", "1")]).await.status,
        StatusCode::NOT_FOUND
    );
    let r = c.post(&format!("/konto/subskrypcje/{sub}"), &[("remove", "1")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(c.get("/konto/subskrypcje").await.body.contains("You do not follow anything yet"));
    assert!(app.client().get("/konto/subskrypcje").await.status.is_redirection(), "signing in is needed");
}

/// Three accounts follow a district daily, one in English; the day's digest is cut short after
/// one batch and started again, and everyone still gets exactly one message with every item once.
#[tokio::test]
async fn the_daily_digest_carries_each_item_once_in_the_readers_language_even_when_restarted() {
    let app = TestApp::new().await;
    let krowodrza = district(&app, "5", "Krowodrza").await;
    let mut editor = app.signed_in("rada5@example.org", &[Grant::DistrictEditor(krowodrza)]).await;
    let id = krowodrza.to_string();
    let people = ["d1.digest@example.org", "d2.digest@example.org", "d3.digest@example.org"];
    for (n, who) in people.iter().enumerate() {
        let mut c = app.signed_in(who, &[]).await;
        if n == 2 {
            c.get("/jezyk/en?wroc=/").await;
        }
        let r = c.post("/obserwuj", &[("cel", "district"), ("id", id.as_str()), ("frequency", "daily")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    let first = news(&mut editor, "Pierwsza wiadomość", krowodrza, None).await;
    news(&mut editor, "Druga wiadomość", krowodrza, None).await;
    let withdrawn = news(&mut editor, "Wycofana wiadomość", krowodrza, None).await;
    agora_web::follow_mail::collect(&app.state, Utc::now()).await.unwrap();
    // Withdrawn after it was collected: back to a draft, it must not be mailed.
    let r = editor
        .post_multipart(
            &format!("/admin/aktualnosci/{withdrawn}"),
            &[
                ("news_title", "Wycofana wiadomość"),
                ("news_lead", "Rada dzielnicy zaprasza mieszkańców."),
                ("news_body", "Szczegóły w siedzibie rady."),
                ("news_district", id.as_str()),
                ("publish", "draft"),
            ],
            "news_image",
            "",
            b"",
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(first > 0);
    // Instant followers there are none: nothing goes out before the digest.
    let before = app.mail().await.len();
    agora_web::jobs::run_bulk(&app.state).await.unwrap();
    assert_eq!(app.mailer.sent().len(), before);

    let today = Period::containing(Frequency::Daily, Utc::now()).unwrap();
    let cut = agora_web::follow_mail::digest_in_batches(&app.state, today, Utc::now(), 1, Some(1)).await.unwrap();
    assert_eq!(cut, 1, "one subscriber's digest before the cut");
    let rest = agora_web::follow_mail::digest_in_batches(&app.state, today, Utc::now(), 1, None).await.unwrap();
    assert_eq!(rest, 2, "the restarted run queues only the other two");
    assert_eq!(
        agora_web::follow_mail::digest(&app.state, today, Utc::now(), None).await.unwrap(),
        0,
        "a third run queues nothing"
    );
    agora_web::jobs::run_bulk(&app.state).await.unwrap();
    let sent = app.mailer.sent();
    for (n, who) in people.iter().enumerate() {
        let mine: Vec<&Mail> = sent.iter().filter(|m| m.to == *who).collect();
        assert_eq!(mine.len(), 1, "{who}: {mine:#?}");
        let m = mine[0];
        assert_eq!(m.body.matches("Pierwsza wiadomość").count(), 1);
        assert_eq!(m.body.matches("Druga wiadomość").count(), 1);
        assert!(!m.body.contains("Wycofana"), "a withdrawn item is never mailed");
        assert!(m.unsubscribe.is_some());
        if n == 2 {
            assert!(m.subject.starts_with("Daily digest of"), "{}", m.subject);
            assert!(m.body.contains("because you follow: District – Krowodrza"), "{}", m.body);
        } else {
            assert!(m.subject.starts_with("Dzienne zestawienie z"), "{}", m.subject);
            assert!(m.subject.ends_with("2 nowości"), "{}", m.subject);
        }
    }
}

#[tokio::test]
async fn bulk_mail_waits_behind_transactional_mail_and_feeds_show_only_public_items() {
    let app = TestApp::new().await;
    let czyzyny = district(&app, "14", "Czyżyny").await;
    let mut editor = app.signed_in("rada14@example.org", &[Grant::DistrictEditor(czyzyny)]).await;
    let id = czyzyny.to_string();
    for n in 0..30 {
        let who = format!("bulk{n}@example.org");
        let mut c = app.signed_in(&who, &[]).await;
        c.post("/obserwuj", &[("cel", "district"), ("id", id.as_str()), ("frequency", "instant")]).await;
    }
    news(&mut editor, "Wiadomość dla wszystkich", czyzyny, None).await;
    let later = agora_web::time::input_value(Utc::now() + chrono::Duration::days(3));
    news(&mut editor, "Jeszcze nie teraz", czyzyny, Some(&later)).await;
    agora_web::follow_mail::collect(&app.state, Utc::now()).await.unwrap();
    // The notice's job fans out into thirty messages on the bulk queue.
    agora_web::jobs::run_bulk(&app.state).await.unwrap_or_default();
    let before = app.mailer.sent().len();
    // A receipt queued now is sent by the transactional worker, which takes no bulk mail.
    let mut visitor = app.client();
    let r = visitor
        .post(
            "/obserwuj",
            &[("cel", "district"), ("id", id.as_str()), ("email", "fresh@example.org"), ("frequency", "daily")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    agora_web::jobs::run_due(&app.state).await.unwrap();
    let sent: Vec<Mail> = app.mailer.sent().into_iter().skip(before).collect();
    assert_eq!(sent.len(), 1, "only the confirmation: {sent:#?}");
    assert_eq!(sent[0].to, "fresh@example.org");

    let feed = app.client().get("/powiadomienia/news.atom").await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.body.contains("Wiadomość dla wszystkich"));
    assert!(!feed.body.contains("Jeszcze nie teraz"));
    let of_district = app.client().get(&format!("/powiadomienia/wszystko.atom?cel=district&id={czyzyny}")).await;
    assert!(of_district.body.contains("Wiadomość dla wszystkich"));
    assert!(!app.client().get("/powiadomienia/wszystko.atom?cel=district&id=1234567").await.body.contains("Wiadomość"));
    assert_eq!(app.client().get("/powiadomienia/nothing.atom").await.status, StatusCode::NOT_FOUND);
    let index = app.client().get("/powiadomienia").await;
    assert!(index.body.contains("/powiadomienia/news.atom"));
}

#[tokio::test]
async fn sign_up_offers_the_district_and_topics_which_start_with_the_confirmed_account() {
    let app = TestApp::new().await;
    let debniki = district(&app, "8", "Dębniki").await;
    let green = crate::bodies::category(&app, "Zieleń").await;
    let transport = crate::bodies::category(&app, "Transport").await;
    let mut c = app.client();
    let form = c.get("/konto/rejestracja").await;
    assert!(form.body.contains("Bądź na bieżąco (opcjonalnie)"));
    assert!(form.body.contains("Dębniki") && form.body.contains("Zieleń"));
    let (d, g, t) = (debniki.to_string(), green.to_string(), transport.to_string());
    let who = "ewa.signup@example.org";
    // A refused form keeps the choices.
    let mut fields = vec![
        ("display_name", "Ewa Nowak"),
        ("email", who),
        ("password", crate::harness::PASSWORD),
        ("password_repeat", "inne hasło 12345"),
        ("accept", "yes"),
        ("district", d.as_str()),
        ("topics", g.as_str()),
        ("topics", t.as_str()),
    ];
    let r = c.post("/konto/rejestracja", &fields).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(&format!("<option value=\"{d}\" selected>")));
    assert!(r.body.contains(&format!("value=\"{g}\" checked")) && r.body.contains(&format!("value=\"{t}\" checked")));
    fields[3] = ("password_repeat", crate::harness::PASSWORD);
    assert_eq!(c.post("/konto/rejestracja", &fields).await.status, StatusCode::OK);

    // Nothing is sent before the account's address is confirmed.
    let editor_grant = [Grant::DistrictEditor(debniki)];
    let mut editor = app.signed_in("rada8@example.org", &editor_grant).await;
    let confirm = app.last_mail_to(who).await;
    let link = link_in(&confirm);
    let r = c.get(&link).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = c.post("/konto/logowanie", &[("email", who), ("password", crate::harness::PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mine = c.get("/konto/subskrypcje").await;
    assert!(
        mine.body.contains("Dębniki") && mine.body.contains("Zieleń") && mine.body.contains("Transport"),
        "{}",
        mine.body
    );
    assert!(!mine.body.contains("czeka na potwierdzenie"), "confirmed with the account");
    assert_eq!(mine.body.matches("<option value=\"weekly\" selected>").count(), 3);
    news(&mut editor, "Spacer po Dębnikach", debniki, None).await;
    agora_web::follow_mail::collect(&app.state, Utc::now()).await.unwrap();
    let week = Period::containing(Frequency::Weekly, Utc::now()).unwrap();
    assert_eq!(agora_web::follow_mail::digest(&app.state, week, Utc::now(), None).await.unwrap(), 1);
    agora_web::jobs::run_bulk(&app.state).await.unwrap();
    let digest = app.last_mail_to(who).await;
    assert!(digest.subject.starts_with("Tygodniowe zestawienie"), "{}", digest.subject);
    assert!(digest.body.contains("Spacer po Dębnikach"));
}

#[tokio::test]
async fn an_old_confirmation_link_has_expired_and_changes_nothing() {
    let app = TestApp::new().await;
    let bronowice = district(&app, "6", "Bronowice").await;
    let id = bronowice.to_string();
    let who = "late.confirm@example.org";
    let mut visitor = app.client();
    let fields = [("cel", "district"), ("id", id.as_str()), ("email", who), ("frequency", "weekly")];
    assert_eq!(visitor.post("/obserwuj", &fields).await.status, StatusCode::OK);
    let link = link_in(&app.last_mail_to(who).await);
    let key = link.trim_start_matches("/subskrypcje/potwierdz/");
    // Eight days on, the link is refused and the subscription still waits.
    let later = Utc::now() + chrono::Duration::days(agora_db::subscriptions::CONFIRM_DAYS + 1);
    let expired = agora_db::subscriptions::confirm(app.db(), key, later).await.unwrap();
    assert_eq!(expired, agora_db::subscriptions::Confirmation::Expired);
    assert!(agora_db::subscriptions::confirm_key_known(app.db(), key).await.unwrap());
    // Asking again sends a fresh link; the old one is then unknown.
    assert_eq!(visitor.post("/obserwuj", &fields).await.status, StatusCode::OK);
    let fresh = link_in(&app.last_mail_to(who).await);
    assert_ne!(fresh, link);
    assert_eq!(visitor.post(&link, &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(visitor.post(&fresh, &[]).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_deleted_account_takes_what_it_followed_with_it() {
    let app = TestApp::new().await;
    let zwierzyniec = district(&app, "7", "Zwierzyniec").await;
    let id = zwierzyniec.to_string();
    let who = "leaving.follow@example.org";
    let mut c = app.signed_in(who, &[]).await;
    let fields = [("cel", "district"), ("id", id.as_str()), ("frequency", "daily")];
    assert_eq!(c.post("/obserwuj", &fields).await.status, StatusCode::SEE_OTHER);
    let r = c.post("/konto/usun", &[("delete_password", crate::harness::PASSWORD), ("delete_confirm", "yes")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // The address follows nothing any more: following it again needs a new confirmation.
    let mut anon = app.client();
    let again = [("cel", "district"), ("id", id.as_str()), ("email", who), ("frequency", "daily")];
    let r = anon.post("/obserwuj", &again).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("Sprawdź skrzynkę"));
}

/// Where one simulated stretch of the worker's life starts: the Friday before a clock change.
fn clock_change_windows() -> Vec<chrono::DateTime<Utc>> {
    // The next 23-hour and 25-hour Warsaw days after a week from now, so that the items can
    // still be scheduled ahead whenever the test runs.
    let mut windows = Vec::new();
    let mut day = Period::containing(Frequency::Daily, Utc::now() + chrono::Duration::days(7)).unwrap();
    let mut lengths = std::collections::HashSet::new();
    for _ in 0..400 {
        let (from, to) = day.bounds().unwrap();
        let hours = (to - from).num_hours();
        if hours != 24 && lengths.insert(hours) {
            windows.push(from - chrono::Duration::days(2));
        }
        day = day.next().unwrap();
    }
    assert_eq!(lengths, [23, 25].into(), "a spring and an autumn change within the year");
    windows
}

/// The earliest ended period of `frequency` whose digest is not built yet by `at`: what a
/// worker waking then would start with.
async fn first_due(app: &TestApp, frequency: Frequency, at: chrono::DateTime<Utc>) -> Option<Period> {
    // Later than the worker's own grace, so the period has ended for it too.
    let mut p = Period::last_ended(frequency, at - chrono::Duration::minutes(10));
    let mut first = None;
    // As far back as the worker looks: a week of days, or seven weeks.
    for _ in 0..7 {
        let Some(q) = p else { break };
        if agora_db::subscriptions::digest_done(app.db(), frequency, q.start).await.unwrap() {
            break;
        }
        first = Some(q);
        p = q.previous();
    }
    first
}

/// One case: news posts at `items` (minutes after the window's start), a worker waking every
/// `step` minutes that collects and builds the digests, killed after one subscriber's batch
/// whenever `kills` says so (never twice running) and started again at its next waking.
async fn digests_across_a_clock_change(window: chrono::DateTime<Utc>, items: &[u32], step: u32, kills: &[bool]) {
    let app = TestApp::new().await;
    let bronowice = district(&app, "6", "Bronowice").await;
    let mut editor = app.signed_in("rada6@example.org", &[Grant::DistrictEditor(bronowice)]).await;
    let id = bronowice.to_string();
    let readers = [
        ("codziennie1@example.org", "daily"),
        ("codziennie2@example.org", "daily"),
        ("tygodniowo1@example.org", "weekly"),
        ("tygodniowo2@example.org", "weekly"),
    ];
    for (who, frequency) in readers {
        let mut c = app.signed_in(who, &[]).await;
        let r = c.post("/obserwuj", &[("cel", "district"), ("id", id.as_str()), ("frequency", frequency)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    let mut titles = Vec::new();
    for (n, minutes) in items.iter().enumerate() {
        let title = format!("Sprawa nr {n:02} z Bronowic");
        let at = agora_web::time::input_value(window + chrono::Duration::minutes(i64::from(*minutes)));
        news(&mut editor, &title, bronowice, Some(&at)).await;
        titles.push(title);
    }
    // Long enough for the week after the change to end and be mailed.
    let end = window + chrono::Duration::days(12);
    let mut t = window;
    let (mut wakes, mut killed) = (0, false);
    while t < end {
        agora_web::follow_mail::collect(&app.state, t).await.unwrap();
        // A worker killed comes back and runs at its next waking; one killed at every waking
        // would never get past its first subscriber.
        killed = kills[wakes % kills.len()] && !killed;
        if killed {
            for frequency in [Frequency::Daily, Frequency::Weekly] {
                if let Some(p) = first_due(&app, frequency, t).await {
                    agora_web::follow_mail::digest_in_batches(&app.state, p, t, 1, Some(1)).await.unwrap();
                }
            }
        } else {
            agora_web::follow_mail::digests(&app.state, t).await.unwrap();
        }
        t += chrono::Duration::minutes(i64::from(step));
        wakes += 1;
    }
    agora_web::follow_mail::digests(&app.state, t).await.unwrap();
    agora_web::jobs::run_bulk(&app.state).await.unwrap();
    let sent = app.mailer.sent();
    for (who, frequency) in readers {
        let mine: Vec<&Mail> = sent.iter().filter(|m| m.to == who).collect();
        let body: String = mine.iter().map(|m| m.body.as_str()).collect();
        for title in &titles {
            assert_eq!(body.matches(title.as_str()).count(), 1, "{who}: {title} in {mine:#?}");
        }
        let prefix = if frequency == "daily" { "Dzienne zestawienie" } else { "Tygodniowe zestawienie" };
        assert!(mine.iter().all(|m| m.subject.starts_with(prefix)), "{who}: {mine:#?}");
        let subjects: std::collections::HashSet<&str> = mine.iter().map(|m| m.subject.as_str()).collect();
        assert_eq!(subjects.len(), mine.len(), "{who}: one message a period");
    }
}

#[test]
fn across_the_clock_changes_every_item_is_in_one_digest_per_subscriber_even_when_killed() {
    use proptest::prelude::*;
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let windows = clock_change_windows();
    // Each case is a database and a fortnight of a worker's wakings: a few cases, no file of
    // failures kept in the tree.
    let config = ProptestConfig { cases: 3, failure_persistence: None, ..ProptestConfig::default() };
    for window in windows {
        let cases = (
            proptest::collection::vec(0u32..4 * 24 * 60, 1..8),
            90u32..300,
            proptest::collection::vec(proptest::bool::weighted(0.3), 1..6),
        );
        proptest::test_runner::TestRunner::new(config.clone())
            .run(&cases, |(items, step, kills)| {
                rt.block_on(digests_across_a_clock_change(window, &items, step, &kills));
                Ok(())
            })
            .unwrap();
    }
}

/// A thread's follower hears of the city's position there at once, in their language, with
/// the position's address; replies by residents are not notices.
#[tokio::test]
async fn a_threads_follower_hears_of_the_citys_position() {
    let app = TestApp::new().await;
    let _admin = crate::forum::category(&app).await;
    let ztp = crate::consultations::unit(&app, "ZTP").await;
    let mut anna = app.signed_in("anna.watek@example.org", &[Grant::Resident]).await;
    let t = crate::forum::thread(&mut anna, "transport", "Tramwaj na Górkę Narodową", "Kiedy tramwaj?").await;
    let mut reader = app.signed_in("czytelnik.watku@example.org", &[]).await;
    reader.get("/jezyk/en?wroc=/").await;
    let id = t.to_string();
    let r = reader.post("/obserwuj", &[("cel", "thread"), ("id", id.as_str()), ("frequency", "instant")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let before = app.mail().await.len();
    let r = anna.post(&format!("/forum/watki/{t}"), &[("post_text", "Też czekam."), ("reply_to", "")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mut official = app.signed_in("urzednik.watku@example.org", &[Grant::Organiser(ztp)]).await;
    let r = official
        .post(
            &format!("/forum/watki/{t}/stanowisko"),
            &[("position_unit", &ztp.to_string()), ("position_text", "Tramwaj pojedzie w 2028 roku.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mail = mail_to(&app, "czytelnik.watku@example.org", before).await;
    assert_eq!(mail.len(), 1, "the position only: {mail:#?}");
    assert!(mail[0].subject.starts_with("The city's position"), "{}", mail[0].subject);
    assert!(mail[0].subject.contains("Tramwaj na Górkę Narodową"), "{}", mail[0].subject);
    assert!(mail[0].body.contains("http://agora.test/forum/wpisy/"), "{}", mail[0].body);
    assert!(mail[0].body.contains("because you follow: Forum thread"), "{}", mail[0].body);
    assert!(mail[0].unsubscribe.is_some());
}

/// Each kind of thing offers its follow form with its name, takes a signed-in follower at
/// once and shows under "my subscriptions"; a draft consultation cannot be followed.
#[tokio::test]
async fn every_kind_of_thing_can_be_followed_and_is_listed() {
    use agora_domain::consultation::Status;
    let app = TestApp::new().await;
    let _admin = crate::forum::category(&app).await;
    let so = crate::consultations::unit(&app, "SO").await;
    let open = crate::consultations::stored(&app, so, "Zieleń w Czyżynach", Status::Open, -1, vec![]).await;
    let draft = crate::consultations::stored(&app, so, "Szkic planu", Status::Draft, 5, vec![]).await;
    let district = district(&app, "14", "Czyżyny").await;
    let topic = crate::bodies::category(&app, "Zieleń miejska").await;
    let body = crate::bodies::body(&app, "Rada ds. Zieleni", "zielen", "youth_council", so, topic).await;
    let mut anna = app.signed_in("anna.obserwuje@example.org", &[Grant::Resident]).await;
    let thread = crate::forum::thread(&mut anna, "transport", "Nocne autobusy", "Czy będą częściej?").await;
    let mut centre = app.signed_in("centrum.obserwuje@example.org", &[Grant::CentreEditor]).await;
    let series = [
        ("series_title", "Spacery badawcze"),
        ("series_description", "Spacery z mieszkańcami po dzielnicach."),
        ("series_organiser", "centre"),
    ];
    assert_eq!(centre.post("/admin/wydarzenia/serie", &series).await.status, StatusCode::SEE_OTHER);
    let series = agora_db::events::series(app.db()).await.unwrap()[0].id;
    let mut reader = app.signed_in("czytelnik.wszystkiego@example.org", &[]).await;
    for (cel, id, name) in [
        ("consultation", open, "Zieleń w Czyżynach"),
        ("district", district, "Czyżyny"),
        ("category", topic, "Zieleń miejska"),
        ("body", body, "Rada ds. Zieleni"),
        ("thread", thread, "Nocne autobusy"),
        ("series", series, "Spacery badawcze"),
    ] {
        let id = id.to_string();
        let form = reader.get(&format!("/obserwuj?cel={cel}&id={id}")).await;
        assert_eq!(form.status, StatusCode::OK, "{cel}: {}", form.body);
        assert!(form.text().contains(name), "{cel}: {}", form.text());
        let r = reader.post("/obserwuj", &[("cel", cel), ("id", id.as_str()), ("frequency", "weekly")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{cel}: {}", r.body);
    }
    let mine = reader.get("/konto/subskrypcje").await.text();
    for name in
        ["Zieleń w Czyżynach", "Czyżyny", "Zieleń miejska", "Rada ds. Zieleni", "Nocne autobusy", "Spacery badawcze"]
    {
        assert!(mine.contains(name), "{name} in {mine}");
    }
    let draft = draft.to_string();
    assert_eq!(reader.get(&format!("/obserwuj?cel=consultation&id={draft}")).await.status, StatusCode::NOT_FOUND);
    let r = reader.post("/obserwuj", &[("cel", "consultation"), ("id", draft.as_str()), ("frequency", "weekly")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
