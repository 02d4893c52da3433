//! Mail delivered through a real SMTP server and read back as a mail client shows it (the
//! server and how to read it: mailbox.rs): the recipient, the subject and body in the person's
//! language, links that work, attachments with their type, and one-click unsubscribe only on
//! mail sent under a subscription.

use crate::harness::{Client, PASSWORD, TestApp};
use crate::mailbox::{Delivered, address};
use agora_domain::permission::Grant;
use agora_web::mail::Mail;
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use chrono_tz::Europe::Warsaw;

const TITLE: &str = "Warsztaty o zieleni w Podgórzu";

/// The one message the server holds for `to`.
async fn only_message(app: &TestApp, to: &str) -> Delivered {
    let mut all = app.delivered(to).await;
    assert_eq!(all.len(), 1, "one message to {to}: {all:#?}");
    all.pop().unwrap()
}

/// Mail a person gets because of something they did: no list to leave.
fn assert_transactional(m: &Delivered) {
    assert!(m.header("List-Unsubscribe").is_none(), "{}", m.raw);
    assert!(m.header("List-Unsubscribe-Post").is_none(), "{}", m.raw);
}

/// An event with registration, created by the Centre's editor; returns its id.
async fn event(app: &TestApp) -> i64 {
    let mut centre = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;
    let day = (Utc::now() + Duration::days(10)).with_timezone(&Warsaw).date_naive().format("%Y-%m-%d");
    let (starts, ends) = (format!("{day}T17:00"), format!("{day}T19:00"));
    let form = [
        ("event_kind", "workshop"),
        ("event_title", TITLE),
        ("event_organiser", "centre"),
        ("event_starts_at", &starts),
        ("event_ends_at", &ends),
        ("event_address", "ul. Rynek Podgórski 1, sala 2"),
        ("event_description", "Zbieramy pomysły na nowe skwery i drzewa przy ulicach."),
        ("registration", "on"),
        ("reg_capacity", "10"),
    ];
    let r = centre.post("/admin/wydarzenia/nowe", &form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    r.location().trim_start_matches("/admin/wydarzenia/").split('/').next().unwrap().parse().unwrap()
}

/// Registers on the event's page as `name` at `email`.
async fn register(c: &mut Client, event: i64, name: &str, email: &str) {
    let fields = [("participant_name", name), ("participant_email", email)];
    let r = c.post(&format!("/wydarzenia/{event}/zapisy"), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
}

#[tokio::test]
async fn an_event_confirmation_arrives_in_the_registrants_language_with_its_calendar_file() {
    let Some(app) = TestApp::with_smtp().await else { return };
    let id = event(&app).await;

    // In Polish, the site's language.
    let ala = address("ala.nowak");
    let mut c = app.client();
    register(&mut c, id, "Ala Żółkiewska", &ala).await;
    let m = only_message(&app, &ala).await;
    assert_eq!(m.header("To"), Some(ala.as_str()));
    assert_eq!(m.header("From"), Some("Agora <dialog@agora.test>"));
    assert_eq!(m.subject, format!("Potwierdzenie: {TITLE}"));
    assert!(m.body.starts_with("Dzień dobry, Ala Żółkiewska,"), "{}", m.body);
    assert!(m.body.contains("Kod wejścia:") && m.body.contains("W załączniku jest plik do kalendarza"), "{}", m.body);
    assert_transactional(&m);
    let [ics] = m.attachments.as_slice() else { panic!("one attachment: {:#?}", m.attachments) };
    assert_eq!(ics.content_type, "text/calendar");
    assert_eq!(ics.filename, format!("wydarzenie-{id}.ics"));
    let calendar = String::from_utf8(ics.content.clone()).unwrap();
    assert!(calendar.contains("BEGIN:VEVENT") && calendar.contains(&format!("SUMMARY:{TITLE}")), "{calendar}");
    // The link in the mail opens her registration, from any browser.
    let page = app.client().get(&m.link()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("Masz miejsce"), "{}", page.text());

    // In English, chosen with the language switch before registering.
    let celina = address("celina.kot");
    let mut c = app.client();
    let r = c.get(&format!("/jezyk/en?next=/wydarzenia/{id}")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    register(&mut c, id, "Celina Kot", &celina).await;
    let m = only_message(&app, &celina).await;
    assert_eq!(m.header("To"), Some(celina.as_str()));
    assert_eq!(m.subject, format!("Confirmed: {TITLE}"));
    assert!(m.body.starts_with("Hello Celina Kot,"), "{}", m.body);
    assert!(m.body.contains("Entry code:") && !m.body.contains("Kod wejścia"), "{}", m.body);
    assert_transactional(&m);
    assert_eq!(m.attachments.len(), 1);
    assert_eq!(m.attachments[0].content_type, "text/calendar");
    let page = c.get(&m.link()).await;
    assert!(page.text().contains("You have a place"), "{}", page.text());
    assert_eq!(app.delivered(&ala).await.len(), 1, "nothing more to Ala");
}

#[tokio::test]
async fn a_sign_up_confirmation_arrives_in_the_browsers_language_and_its_link_confirms() {
    let Some(app) = TestApp::with_smtp().await else { return };
    for (lang, name, subject, greeting, confirmed) in [
        (
            "pl",
            "Łucja Wąsik",
            "Potwierdź adres e-mail w serwisie Agora",
            "Dzień dobry, Łucja Wąsik!",
            "Adres potwierdzony",
        ),
        ("en", "Jan Kowalski", "Confirm your e-mail address for Agora", "Hello Jan Kowalski,", "Address confirmed"),
    ] {
        let to = address(&format!("sign-up.{lang}"));
        let mut c = app.client();
        c.get(&format!("/jezyk/{lang}?next=/konto/rejestracja")).await;
        let fields = [
            ("display_name", name),
            ("email", to.as_str()),
            ("password", PASSWORD),
            ("password_repeat", PASSWORD),
            ("accept", "yes"),
        ];
        let r = c.post("/konto/rejestracja", &fields).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());

        let m = only_message(&app, &to).await;
        assert_eq!(m.header("To"), Some(to.as_str()));
        assert_eq!(m.subject, subject);
        assert!(m.body.starts_with(greeting), "{}", m.body);
        assert!(m.attachments.is_empty());
        assert_transactional(&m);
        let link = m.link();
        assert!(link.starts_with("/konto/potwierdz/"), "{link}");
        let r = c.get(&link).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.text().contains(confirmed), "{}", r.text());
        let r = c.post("/konto/logowanie", &[("email", to.as_str()), ("password", PASSWORD)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "the confirmed account signs in: {}", r.text());
    }
}

#[tokio::test]
async fn mail_under_a_subscription_carries_one_click_unsubscribe_through_the_server() {
    let Some(app) = TestApp::with_smtp().await else { return };
    let to = address("subscriber");
    let url = "http://agora.test/wypisz/9c1f0e2d3b4a59687a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f";
    let mail = Mail {
        to: to.clone(),
        subject: "Nowe konsultacje w Podgórzu".into(),
        body: "Dzień dobry,\n\nw Podgórzu ruszyły konsultacje o zieleni.\n".into(),
        attachments: Vec::new(),
        unsubscribe: Some(url.into()),
    };
    agora_web::jobs::queue_mail(&app.state, mail.clone()).await.unwrap();
    let m = only_message(&app, &to).await;
    assert_eq!(m.header("List-Unsubscribe"), Some(format!("<{url}>").as_str()), "{}", m.raw);
    assert_eq!(m.header("List-Unsubscribe-Post"), Some("List-Unsubscribe=One-Click"), "{}", m.raw);
    assert_eq!(m.subject, mail.subject);
    assert_eq!(m.body, mail.body.trim_end());
}

/// Following without an account, by a real mail client's eyes: the confirmation is in English
/// and transactional; the notice that follows says why it came, is in English, leaves out a
/// post scheduled for later, and carries RFC 8058's headers, whose address unsubscribes
/// with one anonymous POST.
#[tokio::test]
async fn a_followers_notice_arrives_in_their_language_with_one_click_unsubscribe() {
    let Some(app) = TestApp::with_smtp().await else { return };
    let podgorze = crate::news::district(&app, "13", "Podgórze").await;
    let mut editor = app.signed_in("rada13.smtp@example.org", &[Grant::DistrictEditor(podgorze)]).await;
    let to = address("follower");
    let mut visitor = app.client();
    visitor.get("/jezyk/en?next=/").await;
    let id = podgorze.to_string();
    let r = visitor
        .post(
            "/obserwuj",
            &[("cel", "district"), ("id", id.as_str()), ("email", to.as_str()), ("frequency", "instant")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let confirm = only_message(&app, &to).await;
    assert_transactional(&confirm);
    assert!(confirm.subject.starts_with("Confirm following"), "{}", confirm.subject);
    let link = confirm.link();
    assert_eq!(visitor.post(&link, &[]).await.status, StatusCode::OK);

    let publish = |title: &'static str, at: Option<String>| {
        let mut fields = vec![
            ("news_title", title.to_owned()),
            ("news_lead", "Rada dzielnicy zaprasza.".to_owned()),
            ("news_body", "Szczegóły w siedzibie rady.".to_owned()),
            ("news_district", id.clone()),
            ("publish", if at.is_some() { "schedule" } else { "now" }.to_owned()),
        ];
        if let Some(at) = at {
            fields.push(("news_publish_at", at));
        }
        fields
    };
    for (title, at) in [
        ("Sprzątanie Parku Bednarskiego", None),
        ("Zapowiedź na przyszły miesiąc", Some(agora_web::time::input_value(Utc::now() + Duration::days(30)))),
    ] {
        let fields = publish(title, at);
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = editor.post_multipart("/admin/aktualnosci/nowa", &pairs, "news_image", "", b"").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    agora_web::follow_mail::collect(&app.state, Utc::now()).await.unwrap();
    let all = app.delivered(&to).await;
    assert_eq!(all.len(), 2, "the confirmation and one notice: {all:#?}");
    let notice = &all[1];
    assert_eq!(notice.subject, "News: Sprzątanie Parku Bednarskiego");
    assert!(notice.body.contains("because you follow: District – Podgórze"), "{}", notice.body);
    assert!(!notice.body.contains("Zapowiedź"), "a scheduled post is never mailed");
    assert!(notice.header("Message-ID").is_some(), "{}", notice.raw);
    assert_eq!(notice.header("List-Unsubscribe-Post"), Some("List-Unsubscribe=One-Click"));
    let header = notice.header("List-Unsubscribe").expect("List-Unsubscribe").to_owned();
    let url = header.trim_start_matches('<').trim_end_matches('>');
    assert!(url.starts_with("http://agora.test/wypisz/"), "{url}");
    let path = url.trim_start_matches("http://agora.test");
    let mut provider: Client = app.client().with_header("origin", "https://mail.example.net");
    let r = provider.post_raw(path, &[("List-Unsubscribe", "One-Click")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let fields = publish("Po wypisaniu", None);
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    editor.post_multipart("/admin/aktualnosci/nowa", &pairs, "news_image", "", b"").await;
    agora_web::follow_mail::collect(&app.state, Utc::now()).await.unwrap();
    assert_eq!(app.delivered(&to).await.len(), 2, "nothing after unsubscribing");
}

/// The two kinds of bulk mail through a real server, to a resident reading English: the day's
/// digest carries the published post and never the one scheduled for later or the one taken
/// back to a draft; the newsletter comes in English, never a draft issue; both say why they
/// came and carry one-click unsubscribe for their own subscription.
#[tokio::test]
async fn a_digest_and_a_newsletter_arrive_with_only_public_items_and_their_own_unsubscribe() {
    let Some(app) = TestApp::with_smtp().await else { return };
    let krowodrza = crate::news::district(&app, "5", "Krowodrza").await;
    let mut editor = app.signed_in("rada5.smtp@example.org", &[Grant::DistrictEditor(krowodrza)]).await;
    let to = address("digest.reader");
    let mut reader = app.signed_in(&to, &[]).await;
    reader.get("/jezyk/en?next=/").await;
    let id = krowodrza.to_string();
    for (cel, id, frequency) in [("district", id.as_str(), "daily"), ("newsletter", "0", "weekly")] {
        let r = reader.post("/obserwuj", &[("cel", cel), ("id", id), ("frequency", frequency)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{cel}: {}", r.body);
    }
    let post = |title: &'static str, publish: &'static str, at: Option<String>| {
        let mut fields = vec![
            ("news_title", title.to_owned()),
            ("news_lead", "Rada dzielnicy zaprasza.".to_owned()),
            ("news_body", "Szczegóły w siedzibie rady.".to_owned()),
            ("news_district", id.clone()),
            ("publish", publish.to_owned()),
        ];
        fields.extend(at.map(|at| ("news_publish_at", at)));
        fields
    };
    let mut ids = Vec::new();
    for fields in [
        post("Nowe stojaki rowerowe", "now", None),
        post(
            "Zapowiedź na przyszły miesiąc",
            "schedule",
            Some(agora_web::time::input_value(Utc::now() + Duration::days(30))),
        ),
        post("Wiadomość wycofana", "now", None),
    ] {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = editor.post_multipart("/admin/aktualnosci/nowa", &pairs, "news_image", "", b"").await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        ids.push(r.location().trim_start_matches("/admin/aktualnosci/").split('?').next().unwrap().to_owned());
    }
    agora_web::follow_mail::collect(&app.state, Utc::now()).await.unwrap();
    // Taken back after it was collected: the digest asks again before it is built.
    let fields = post("Wiadomość wycofana", "draft", None);
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = editor.post_multipart(&format!("/admin/aktualnosci/{}", ids[2]), &pairs, "news_image", "", b"").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let today =
        agora_domain::subscription::Period::containing(agora_domain::subscription::Frequency::Daily, Utc::now())
            .unwrap();
    assert_eq!(agora_web::follow_mail::digest(&app.state, today, Utc::now(), None).await.unwrap(), 1);
    let digest = only_message(&app, &to).await;
    assert!(digest.subject.starts_with("Daily digest of"), "{}", digest.subject);
    assert!(digest.body.contains("Nowe stojaki rowerowe"), "{}", digest.body);
    assert!(!digest.body.contains("Zapowiedź"), "a scheduled post is never mailed: {}", digest.body);
    assert!(!digest.body.contains("wycofana"), "a post taken back is never mailed: {}", digest.body);
    assert!(digest.body.contains("because you follow: District – Krowodrza"), "{}", digest.body);
    assert_eq!(digest.header("List-Unsubscribe-Post"), Some("List-Unsubscribe=One-Click"), "{}", digest.raw);
    let district_unsubscribe = digest.header("List-Unsubscribe").expect("List-Unsubscribe").to_owned();

    let mut centre = app.signed_in("centrum.smtp@example.org", &[Grant::CentreEditor]).await;
    let r = centre.post("/admin/newsletter/tempo", &[("newsletter_per_minute", "60000")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mut issue_id = Vec::new();
    for subject in ["Biuletyn na grudzień", "Szkic na styczeń"] {
        let r = centre
            .post(
                "/admin/newsletter/nowy",
                &[
                    ("newsletter_subject", subject),
                    ("newsletter_body", "W grudniu **dwie konsultacje**."),
                    ("newsletter_subject_en", "December newsletter"),
                    ("newsletter_body_en", "In December, **two consultations**."),
                    ("newsletter_audience", "all"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        issue_id.push(r.location().trim_start_matches("/admin/newsletter/").split('?').next().unwrap().to_owned());
    }
    let r = centre.post(&format!("/admin/newsletter/{}/wyslij", issue_id[0]), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    agora_web::jobs::run_bulk(&app.state).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let all = app.delivered(&to).await;
    assert_eq!(all.len(), 2, "the digest and one issue, never the draft: {all:#?}");
    let issue = &all[1];
    assert_eq!(issue.subject, "December newsletter");
    assert!(issue.body.contains("two consultations"), "{}", issue.body);
    assert!(!issue.body.contains("konsultacje"), "in the reader's language only: {}", issue.body);
    assert!(issue.header("Message-ID").is_some(), "{}", issue.raw);
    assert_eq!(issue.header("List-Unsubscribe-Post"), Some("List-Unsubscribe=One-Click"), "{}", issue.raw);
    let newsletter_unsubscribe = issue.header("List-Unsubscribe").expect("List-Unsubscribe");
    assert_ne!(newsletter_unsubscribe, district_unsubscribe, "each leaves its own subscription");
}
