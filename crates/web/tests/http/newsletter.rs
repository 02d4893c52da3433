//! The newsletter: who an issue reaches (only people who opted in, narrowed to its audience),
//! each message in its recipient's language with its reason and its unsubscribe address, a
//! mailing cut off and started again that mails nobody twice, bad input refused with the form
//! kept, the test message to the editor alone, and an archive with nothing but sent issues.

use crate::consultations::entry;
use crate::harness::{Client, Resp, TestApp};
use crate::news::district;
use agora_db::bodies;
use agora_db::newsletter as db;
use agora_db::reference;
use agora_db::subscriptions::queue_mailing;
use agora_domain::body::{Account, MembershipForm};
use agora_domain::newsletter::{Status, delivery_key};
use agora_domain::permission::Grant;
use agora_domain::reference::UnitInput;
use agora_web::mail::Mail;
use axum::http::StatusCode;
use chrono::{Duration, Utc};

const EDITOR: &str = "centrum@example.org";

/// The subscribers of every kind the audiences tell apart, and what they are part of.
struct World {
    podgorze: i64,
    huta: i64,
    transport: i64,
    body: i64,
    /// Each subscriber's address, manage key and newsletter unsubscribe key, by name.
    people: Vec<(&'static str, String, String)>,
}

impl World {
    fn keys(&self, email: &str) -> (&str, &str) {
        let p = self.people.iter().find(|p| p.0 == email).unwrap_or_else(|| panic!("no {email}"));
        (&p.1, &p.2)
    }
}

/// The newsletter subscription as the sign-up form leaves it, confirmed or not.
fn newsletter(confirmed: bool) -> (&'static str, i64, &'static str, bool) {
    ("newsletter", 0, "weekly", confirmed)
}

/// A subscriber with `follows`, from the archive's form; its address, manage key and first
/// subscription's unsubscribe key.
async fn subscribe(
    app: &TestApp,
    email: &'static str,
    lang: &str,
    user: Option<i64>,
    confirmed: bool,
    follows: &[(&str, i64, &str, bool)],
) -> (&'static str, String, String) {
    let (_, manage, keys) =
        agora_db::testing::subscriber(app.db(), email, lang, user, confirmed, follows, "newsletter").await.unwrap();
    (email, manage, keys.first().cloned().unwrap_or_default())
}

async fn world(app: &TestApp) -> World {
    let podgorze = district(app, "13", "Podgórze").await;
    let huta = district(app, "18", "Nowa Huta").await;
    let transport = crate::bodies::category(app, "Transport i komunikacja").await;
    let unit = UnitInput::parse("SO", "Wydział ds. Społeczeństwa Obywatelskiego", "", "").unwrap();
    let so = reference::save_unit(app.db(), None, &unit, &entry()).await.unwrap();
    let body = crate::bodies::body(app, "Młodzieżowa Rada Krakowa", "mrk", "youth_council", so, transport).await;
    let member = app.user("radna@example.org", &[]).await;
    let former = app.user("byly.radny@example.org", &[]).await;
    let today = agora_web::time::local_date(Utc::now());
    for (user, ends) in [(member, String::new()), (former, (today - Duration::days(1)).to_string())] {
        let f = MembershipForm {
            name: "Członek Rady".into(),
            role: "member".into(),
            voting: Some("yes".into()),
            starts_on: "2024-01-01".into(),
            ends_on: ends,
            ..MembershipForm::default()
        };
        let input = f.parse(&[], Account::Found(user)).unwrap();
        bodies::add_membership(app.db(), body, &input, &entry()).await.unwrap();
    }
    let people = vec![
        // Everyone's: subscribed and confirmed.
        subscribe(app, "anna@example.org", "pl", None, true, &[newsletter(true)]).await,
        // Also follows Podgórze, and reads English.
        subscribe(app, "bob@example.org", "en", None, true, &[newsletter(true), ("district", podgorze, "daily", true)])
            .await,
        // Follows the topic; followed Nowa Huta but turned it off.
        subscribe(
            app,
            "celina@example.org",
            "pl",
            None,
            true,
            &[newsletter(true), ("category", transport, "weekly", true), ("district", huta, "off", true)],
        )
        .await,
        // A current member of the youth council.
        subscribe(app, "radna@example.org", "pl", Some(member), true, &[newsletter(true)]).await,
        // A member no longer.
        subscribe(app, "byly.radny@example.org", "pl", Some(former), true, &[newsletter(true)]).await,
        // Never confirmed the address.
        subscribe(app, "niepotwierdzony@example.org", "pl", None, false, &[newsletter(false)]).await,
        // Confirmed the address (following Podgórze), never the newsletter.
        subscribe(
            app,
            "bez-zgody@example.org",
            "pl",
            None,
            true,
            &[newsletter(false), ("district", podgorze, "instant", true)],
        )
        .await,
        // Turned the newsletter off.
        subscribe(app, "wylaczony@example.org", "pl", None, true, &[("newsletter", 0, "off", true)]).await,
        // Follows Podgórze without the newsletter.
        subscribe(app, "tylko-dzielnica@example.org", "pl", None, true, &[("district", podgorze, "daily", true)]).await,
    ];
    World { podgorze, huta, transport, body, people }
}

/// The addresses every issue for everyone reaches in `world`.
const EVERYONE: [&str; 5] =
    ["anna@example.org", "bob@example.org", "celina@example.org", "radna@example.org", "byly.radny@example.org"];

fn issue<'a>(subject: &'a str, audience: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("newsletter_subject", subject),
        ("newsletter_body", "W marcu **trzy konsultacje** i jedno spotkanie otwarte.\n\n- park\n- ulica"),
        ("newsletter_audience", audience),
    ]
}

/// Saves an issue through the form; returns its id.
async fn create(c: &mut Client, fields: &[(&str, &str)]) -> i64 {
    let r = c.post("/admin/newsletter/nowy", fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().trim_start_matches("/admin/newsletter/").split('?').next().unwrap().parse().unwrap()
}

/// The recipients line of an issue's preview.
fn recipients(r: &Resp) -> String {
    let marker = "id=\"newsletter-recipients\">";
    let start = r.body.find(marker).unwrap_or_else(|| panic!("no count in {}", r.body)) + marker.len();
    r.body[start..].split('<').next().unwrap().to_owned()
}

/// Sends everything on the bulk queue that is due, after the pace's last slot has come.
async fn deliver_bulk(app: &TestApp) -> Vec<Mail> {
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    agora_web::jobs::run_bulk(&app.state).await.unwrap();
    app.mailer.sent()
}

/// The fastest pace, so a test's mailing is due at once.
async fn fast(editor: &mut Client) {
    let r = editor.post("/admin/newsletter/tempo", &[("newsletter_per_minute", "60000")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

#[tokio::test]
async fn the_count_before_sending_follows_the_audience_and_counts_only_people_who_opted_in() {
    let app = TestApp::new().await;
    let w = world(&app).await;
    let mut editor = app.signed_in(EDITOR, &[Grant::CentreEditor]).await;
    let (podgorze, huta, transport, body) =
        (w.podgorze.to_string(), w.huta.to_string(), w.transport.to_string(), w.body.to_string());
    let cases: [(&str, &str, &str, &str); 6] = [
        ("all", "", "", "Dziś otrzymałoby go 5 osób"),
        ("district", "newsletter_district", &podgorze, "Dziś otrzymałaby go 1 osoba"),
        ("district", "newsletter_district", &huta, "Dziś otrzymałoby go 0 osób"),
        ("category", "newsletter_category", &transport, "Dziś otrzymałaby go 1 osoba"),
        ("body", "newsletter_body_id", &body, "Dziś otrzymałaby go 1 osoba"),
        // A field of another audience is ignored.
        ("all", "newsletter_district", &podgorze, "Dziś otrzymałoby go 5 osób"),
    ];
    for (audience, field, value, expected) in cases {
        let mut fields = issue("Co słychać w dialogu", audience);
        if !field.is_empty() {
            fields.push((field, value));
        }
        let id = create(&mut editor, &fields).await;
        let preview = editor.get(&format!("/admin/newsletter/{id}")).await;
        assert_eq!(preview.status, StatusCode::OK);
        assert_eq!(recipients(&preview), expected, "{audience} {value}");
        assert!(preview.body.contains("<strong>trzy konsultacje</strong>"), "the Markdown as the archive shows it");
    }
    // The same statement counts and sends.
    let today = agora_web::time::local_date(Utc::now());
    let all = db::recipients(app.db(), agora_domain::newsletter::Recipients::All, today, 0, 100).await.unwrap();
    let mut emails: Vec<&str> = all.iter().map(|r| r.email.as_str()).collect();
    emails.sort_unstable();
    let mut everyone = EVERYONE.to_vec();
    everyone.sort_unstable();
    assert_eq!(emails, everyone);
    // Keyset batches read each recipient once, in order.
    let first = db::recipients(app.db(), agora_domain::newsletter::Recipients::All, today, 0, 2).await.unwrap();
    let rest = db::recipients(app.db(), agora_domain::newsletter::Recipients::All, today, first[1].subscriber_id, 10)
        .await
        .unwrap();
    assert_eq!(first.len() + rest.len(), all.len());
    // Nobody in the group: sending now is refused, and says why.
    let id =
        create(&mut editor, &[issue("Nowa Huta", "district"), vec![("newsletter_district", huta.as_str())]].concat())
            .await;
    let r = editor.post(&format!("/admin/newsletter/{id}/wyslij"), &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("Nikt by go teraz nie otrzymał"), "{}", r.text());
    assert_eq!(db::get(app.db(), id).await.unwrap().unwrap().status, Status::Draft);
}

#[tokio::test]
async fn each_subscriber_gets_one_message_in_their_language_saying_why_with_its_unsubscribe_address() {
    let app = TestApp::new().await;
    let w = world(&app).await;
    let mut editor = app.signed_in(EDITOR, &[Grant::CentreEditor]).await;
    fast(&mut editor).await;
    let mut fields = issue("Co słychać w dialogu", "all");
    fields.push(("newsletter_subject_en", "Dialogue news"));
    fields.push(("newsletter_body_en", "In March **three consultations** and an open meeting."));
    let id = create(&mut editor, &fields).await;
    let mut anon = app.client();
    assert!(!anon.get("/newsletter").await.body.contains("Co słychać"), "kept in memory before it is sent");

    let r = editor.post(&format!("/admin/newsletter/{id}/wyslij"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(r.location(), format!("/admin/newsletter/{id}?ok=flash-newsletter-sending"));
    // The sending job and its messages are bulk mail, run by the bulk worker, never ahead of a
    // receipt: the transactional worker sends none of it.
    agora_web::jobs::run_due(&app.state).await.unwrap();
    assert!(app.mailer.sent().is_empty(), "no newsletter work on the main queue");
    agora_web::jobs::run_bulk(&app.state).await.unwrap();
    let stored = db::get(app.db(), id).await.unwrap().unwrap();
    assert_eq!((stored.status, stored.recipients), (Status::Sent, Some(5)));
    let sent = deliver_bulk(&app).await;
    let mut to: Vec<&str> = sent.iter().map(|m| m.to.as_str()).collect();
    to.sort_unstable();
    let mut everyone = EVERYONE.to_vec();
    everyone.sort_unstable();
    assert_eq!(to, everyone, "each opted-in subscriber once, nobody else");

    let to_anna = sent.iter().find(|m| m.to == "anna@example.org").unwrap();
    let (manage, unsubscribe) = w.keys("anna@example.org");
    assert_eq!(to_anna.subject, "Co słychać w dialogu");
    assert!(to_anna.body.starts_with("W marcu **trzy konsultacje**"), "the Markdown as typed: {}", to_anna.body);
    assert!(to_anna.body.contains(&format!("http://agora.test/newsletter/{id}")));
    assert!(to_anna.body.contains("zapisano ten adres na biuletyn"), "{}", to_anna.body);
    assert!(to_anna.body.contains("(źródło: formularz zapisu na stronie biuletynu)"), "{}", to_anna.body);
    assert!(to_anna.body.contains(&format!("http://agora.test/subskrypcje/{manage}")));
    assert!(to_anna.body.contains(&format!("http://agora.test/wypisz/{unsubscribe}")));
    assert_eq!(to_anna.unsubscribe, Some(format!("http://agora.test/wypisz/{unsubscribe}")));

    let to_bob = sent.iter().find(|m| m.to == "bob@example.org").unwrap();
    let (manage, unsubscribe) = w.keys("bob@example.org");
    assert_eq!(to_bob.subject, "Dialogue news");
    assert!(to_bob.body.starts_with("In March **three consultations**"));
    assert!(to_bob.body.contains("because this address was subscribed to the Civic Dialogue Centre's newsletter"));
    assert!(to_bob.body.contains(&format!("http://agora.test/subskrypcje/{manage}")));
    assert_eq!(to_bob.unsubscribe, Some(format!("http://agora.test/wypisz/{unsubscribe}")));

    // In the archive at once, for every visitor, in their language.
    let list = anon.get("/newsletter").await;
    assert!(list.body.contains(&format!("<a href=\"/newsletter/{id}\">Co słychać w dialogu</a>")), "{}", list.body);
    let en = app.client().with_header("accept-language", "en").get(&format!("/newsletter/{id}")).await;
    assert!(en.body.contains("<strong>three consultations</strong>"));
    assert!(en.body.contains("<article class=\"news-post\">"), "the English text is not marked Polish");
    let admin = editor.get("/admin/newsletter").await;
    assert!(admin.text().contains("Co słychać w dialogu Wszyscy subskrybenci biuletynu Wysłany"), "{}", admin.text());
    // A sent issue is not edited, scheduled or sent again.
    assert_eq!(editor.get(&format!("/admin/newsletter/{id}/edycja")).await.status, StatusCode::CONFLICT);
    let again = editor.post(&format!("/admin/newsletter/{id}/edycja"), &issue("Inny temat", "all")).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(editor.post(&format!("/admin/newsletter/{id}/wyslij"), &[]).await.status, StatusCode::CONFLICT);
    assert_eq!(db::get(app.db(), id).await.unwrap().unwrap().subject, "Co słychać w dialogu");
    assert!(app.mail().await.len() == 5 && deliver_bulk(&app).await.len() == 5, "nothing more went out");
}

#[tokio::test]
async fn a_mailing_cut_off_half_way_and_started_again_mails_nobody_twice() {
    let app = TestApp::new().await;
    let w = world(&app).await;
    let mut editor = app.signed_in(EDITOR, &[Grant::CentreEditor]).await;
    fast(&mut editor).await;
    let id = create(&mut editor, &issue("Numer przerwany w połowie", "all")).await;
    // The first run is killed after its first batch: the issue is sending, two messages queued.
    let now = agora_db::now();
    db::schedule(app.db(), id, now - Duration::seconds(1), None, &entry()).await.unwrap();
    let n = db::begin(app.db(), id, now, &entry()).await.unwrap().unwrap();
    assert_eq!(n.status, Status::Sending);
    let today = agora_web::time::local_date(now);
    let audience = agora_domain::newsletter::Recipients::All;
    let first = db::recipients(app.db(), audience, today, 0, 2).await.unwrap();
    let messages = first
        .iter()
        .map(|r| {
            let why = agora_web::newsletter_mail::Why { recipient: r, audience: None };
            let mail =
                agora_web::newsletter_mail::message("http://agora.test", Default::default(), &n, &r.email, Some(why));
            (delivery_key(id, r.subscriber_id), agora_web::mail::payload(&mail))
        })
        .collect::<Vec<_>>();
    let interval = chrono::Duration::milliseconds(1);
    let queued = queue_mailing(app.db(), "mail", 2, messages.clone(), now, interval).await.unwrap();
    assert_eq!(queued, 2);
    // The same batch again (the batch's transaction was retried) queues nothing.
    assert_eq!(queue_mailing(app.db(), "mail", 2, messages, now, interval).await.unwrap(), 0);

    // Started again: the job resumes; run twice over, and its scheduled job runs too.
    agora_web::newsletter_mail::run(&app.state, id).await.unwrap();
    agora_web::newsletter_mail::run(&app.state, id).await.unwrap();
    app.mail().await;
    let stored = db::get(app.db(), id).await.unwrap().unwrap();
    assert_eq!((stored.status, stored.recipients), (Status::Sent, Some(5)));
    let sent = deliver_bulk(&app).await;
    for email in EVERYONE {
        assert_eq!(sent.iter().filter(|m| m.to == email).count(), 1, "{email}");
    }
    assert_eq!(sent.len(), 5);
    assert!(w.keys("anna@example.org").1.len() == 64);
}

#[tokio::test]
async fn a_scheduled_issue_goes_out_at_its_time_and_one_called_back_never() {
    let app = TestApp::new().await;
    world(&app).await;
    let mut editor = app.signed_in(EDITOR, &[Grant::CentreEditor]).await;
    fast(&mut editor).await;
    let kept = create(&mut editor, &issue("Numer zaplanowany", "all")).await;
    let called_back = create(&mut editor, &issue("Numer odwołany", "all")).await;

    // Through the form, a time ahead (minutes are the form's least step).
    let ahead = agora_web::time::input_value(Utc::now() + Duration::days(2));
    let r =
        editor.post(&format!("/admin/newsletter/{called_back}/zaplanuj"), &[("newsletter_scheduled_at", &ahead)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let preview = editor.get(&format!("/admin/newsletter/{called_back}?ok=flash-newsletter-scheduled")).await;
    assert!(preview.body.contains("Zaplanowano wysyłkę."));
    assert_eq!(preview.input_value("newsletter_scheduled_at").as_deref(), Some(ahead.as_str()));
    let r = editor.post(&format!("/admin/newsletter/{called_back}/anuluj"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(db::get(app.db(), called_back).await.unwrap().unwrap().status, Status::Draft);
    // A draft has no schedule to call off.
    let r = editor.post(&format!("/admin/newsletter/{called_back}/anuluj"), &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    // A second ahead (set through the database; the form takes whole minutes).
    let soon = agora_db::now() + Duration::seconds(1);
    db::schedule(app.db(), kept, soon, None, &entry()).await.unwrap();
    app.mail().await;
    assert_eq!(db::get(app.db(), kept).await.unwrap().unwrap().status, Status::Scheduled, "not before its time");
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    app.mail().await;
    assert_eq!(db::get(app.db(), kept).await.unwrap().unwrap().status, Status::Sent);
    let sent = deliver_bulk(&app).await;
    assert_eq!(sent.len(), 5);
    assert!(sent.iter().all(|m| m.subject == "Numer zaplanowany"));
    assert_eq!(db::get(app.db(), called_back).await.unwrap().unwrap().status, Status::Draft);
}

#[tokio::test]
async fn no_audience_or_a_past_schedule_is_refused_with_the_form_kept_and_nothing_changed() {
    let app = TestApp::new().await;
    let w = world(&app).await;
    let mut editor = app.signed_in(EDITOR, &[Grant::CentreEditor]).await;

    let r = editor.post("/admin/newsletter/nowy", &issue("Bez odbiorców", "")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("newsletter_audience").unwrap().contains("Wybierz, do kogo wysłać ten numer"));
    assert!(r.body.contains("<a href=\"#newsletter_audience\">Do kogo wysłać: Wybierz, do kogo"), "{}", r.body);
    assert!(r.body.contains("id=\"newsletter_audience\""), "the summary's link lands on the first choice");
    assert_eq!(r.input_value("newsletter_subject").as_deref(), Some("Bez odbiorców"));
    assert!(r.body.contains("W marcu **trzy konsultacje**"), "the text is kept");
    let r = editor.post("/admin/newsletter/nowy", &issue("Bez dzielnicy", "district")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("newsletter_district").unwrap().contains("Wybierz dzielnicę"));
    assert!(r.body.contains("value=\"district\" checked"), "the choice is kept");
    let unknown = [issue("Obca dzielnica", "district"), vec![("newsletter_district", "99999")]].concat();
    let r = editor.post("/admin/newsletter/nowy", &unknown).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(db::list(app.db(), 10, 0).await.unwrap().total, 0, "nothing stored");

    let id = create(&mut editor, &issue("Numer na marzec", "all")).await;
    let jobs_before = agora_db::jobs::counts(app.db()).await.unwrap();
    for (typed, message) in [
        ("2020-05-01T10:00", "Ten czas już minął"),
        (&agora_web::time::input_value(Utc::now() - Duration::minutes(5))[..], "Ten czas już minął"),
        ("jutro rano", "Wpisz datę i godzinę"),
        ("", "To pole jest wymagane"),
    ] {
        let r = editor.post(&format!("/admin/newsletter/{id}/zaplanuj"), &[("newsletter_scheduled_at", typed)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{typed}");
        assert!(
            r.field_error("newsletter_scheduled_at").unwrap().contains(message),
            "{typed}: {:?}",
            r.field_error("newsletter_scheduled_at")
        );
        assert_eq!(r.input_value("newsletter_scheduled_at").as_deref(), Some(typed));
        assert!(r.body.contains("<strong>trzy konsultacje</strong>"), "the preview stays");
    }
    let stored = db::get(app.db(), id).await.unwrap().unwrap();
    assert_eq!((stored.status, stored.scheduled_at), (Status::Draft, None));
    assert_eq!(agora_db::jobs::counts(app.db()).await.unwrap(), jobs_before, "no job queued");
    // The pace: a whole number within bounds, kept when refused.
    let r = editor.post("/admin/newsletter/tempo", &[("newsletter_per_minute", "0")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("newsletter_per_minute").unwrap().contains("od 1 do 60"));
    assert_eq!(r.input_value("newsletter_per_minute").as_deref(), Some("0"));
    assert!(agora_db::settings::get(app.db(), db::PACE_SETTING).await.unwrap().is_none());

    // Only the Centre's editors (and administrators) write it.
    let mut district_editor = app.signed_in("rada13@example.org", &[Grant::DistrictEditor(w.podgorze)]).await;
    assert_eq!(district_editor.get("/admin/newsletter").await.status, StatusCode::FORBIDDEN);
    assert_eq!(district_editor.get(&format!("/admin/newsletter/{id}")).await.status, StatusCode::FORBIDDEN);
    let r = district_editor.post(&format!("/admin/newsletter/{id}/wyslij"), &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = district_editor.post("/admin/newsletter/nowy", &issue("Cudzy numer", "all")).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(db::get(app.db(), id).await.unwrap().unwrap().status, Status::Draft);
    assert_eq!(app.client().get("/admin/newsletter").await.status, StatusCode::SEE_OTHER, "sign in first");
    let mut admin = app.signed_in("admin@example.org", &[Grant::Administrator]).await;
    assert_eq!(admin.get("/admin/newsletter").await.status, StatusCode::OK);
    assert!(admin.get("/admin").await.body.contains("href=\"/admin/newsletter\""));
}

#[tokio::test]
async fn a_test_message_goes_to_the_editor_alone_and_changes_nothing() {
    let app = TestApp::new().await;
    world(&app).await;
    let mut editor = app.signed_in(EDITOR, &[Grant::CentreEditor]).await;
    let id = create(&mut editor, &issue("Numer do sprawdzenia", "all")).await;
    let r = editor.post(&format!("/admin/newsletter/{id}/test"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let sent = app.mail().await;
    assert_eq!(sent.iter().map(|m| m.to.as_str()).collect::<Vec<_>>(), [EDITOR]);
    assert_eq!(sent[0].subject, "[PRÓBA] Numer do sprawdzenia");
    assert!(sent[0].body.starts_with("W marcu **trzy konsultacje**"));
    assert!(sent[0].body.contains("To wiadomość próbna wysłana tylko do Ciebie"));
    assert_eq!(sent[0].unsubscribe, None);
    assert!(deliver_bulk(&app).await.len() == 1, "no subscriber got it");
    let stored = db::get(app.db(), id).await.unwrap().unwrap();
    assert_eq!((stored.status, stored.recipients), (Status::Draft, None));
    assert_eq!(db::delivered(app.db(), id).await.unwrap(), 0);
    let page = editor.get(&format!("/admin/newsletter/{id}?ok=flash-newsletter-test-sent")).await;
    assert!(page.body.contains("Wysłano wiadomość próbną na Twój adres."));
}

#[tokio::test]
async fn the_archive_shows_sent_issues_only_and_offers_the_sign_up_form() {
    let app = TestApp::new().await;
    world(&app).await;
    let mut editor = app.signed_in(EDITOR, &[Grant::CentreEditor]).await;
    fast(&mut editor).await;
    let draft = create(&mut editor, &issue("Szkic numeru", "all")).await;
    let scheduled = create(&mut editor, &issue("Numer na przyszły tydzień", "all")).await;
    let ahead = agora_web::time::input_value(Utc::now() + Duration::days(7));
    editor.post(&format!("/admin/newsletter/{scheduled}/zaplanuj"), &[("newsletter_scheduled_at", &ahead)]).await;
    let mut fields = issue("Numer wysłany", "all");
    fields[1] =
        ("newsletter_body", "Tekst z **pogrubieniem** <script>alert(1)</script> i [linkiem](javascript:alert(1)).");
    let sent = create(&mut editor, &fields).await;
    editor.post(&format!("/admin/newsletter/{sent}/wyslij"), &[]).await;
    app.mail().await;

    let mut anon = app.client();
    let list = anon.get("/newsletter").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Numer wysłany"));
    assert!(list.text().contains("1 numer"));
    for hidden in ["Szkic numeru", "Numer na przyszły tydzień"] {
        assert!(!list.body.contains(hidden), "{hidden}");
        assert!(!editor.get("/newsletter").await.body.contains(hidden), "{hidden} for its editor too");
    }
    assert_eq!(anon.get(&format!("/newsletter/{draft}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(anon.get(&format!("/newsletter/{scheduled}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(anon.get("/newsletter/999999").await.status, StatusCode::NOT_FOUND);
    let page = anon.get(&format!("/newsletter/{sent}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<strong>pogrubieniem</strong>"));
    assert!(!page.body.contains("<script>alert") && !page.body.contains("javascript:"), "sanitised");
    let en = app.client().with_header("accept-language", "en").get(&format!("/newsletter/{sent}")).await;
    assert!(en.body.contains("<article class=\"news-post\" lang=\"pl\">"), "Polish text on an English page");

    // The sign-up form the subscription pages answer.
    let form = list.body.split("<form method=\"post\" action=\"/obserwuj\"").nth(1).expect("sign-up form");
    let form = form.split("</form>").next().unwrap();
    assert!(form.contains("<input type=\"hidden\" name=\"cel\" value=\"newsletter\">"));
    assert!(form.contains("<input type=\"hidden\" name=\"id\" value=\"0\">"));
    assert!(form.contains("<label for=\"newsletter-email\">Adres e-mail <span class=\"required\">(wymagane)</span>"));
    assert!(form.contains("id=\"newsletter-email\" name=\"email\" type=\"email\""));
    assert!(form.contains("name=\"csrf\""));
    assert!(anon.get("/").await.body.contains("<a href=\"/newsletter\">Biuletyn</a>"), "in the footer");
    // Pages past the last are empty, not errors.
    assert_eq!(anon.get("/newsletter?strona=99").await.status, StatusCode::OK);
}

#[tokio::test]
async fn signing_up_on_the_archive_and_confirming_brings_the_next_issue_until_one_click_ends_it() {
    let app = TestApp::new().await;
    let mut editor = app.signed_in(EDITOR, &[Grant::CentreEditor]).await;
    fast(&mut editor).await;
    let mut visitor = app.client();
    assert!(visitor.get("/newsletter").await.body.contains("action=\"/obserwuj\""));
    let r = visitor.post("/obserwuj", &[("cel", "newsletter"), ("id", "0"), ("email", "ewa@example.org")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);

    // Asked, not confirmed: not a recipient yet.
    let first = create(&mut editor, &issue("Pierwszy numer", "all")).await;
    let preview = format!("/admin/newsletter/{first}");
    assert_eq!(recipients(&editor.get(&preview).await), "Dziś otrzymałoby go 0 osób");
    let confirmation = app.last_mail_to("ewa@example.org").await;
    let link = crate::harness::link_in(&confirmation);
    assert!(link.starts_with("/subskrypcje/potwierdz/"), "{link}");
    assert_eq!(visitor.post(&link, &[]).await.status, StatusCode::OK);
    assert_eq!(recipients(&editor.get(&preview).await), "Dziś otrzymałaby go 1 osoba");

    editor.post(&format!("{preview}/wyslij"), &[]).await;
    app.mail().await;
    let sent = deliver_bulk(&app).await;
    let got = sent.iter().find(|m| m.to == "ewa@example.org" && m.subject == "Pierwszy numer").expect("the issue");
    assert!(got.body.contains("(źródło: formularz zapisu na stronie biuletynu)"), "{}", got.body);

    // The List-Unsubscribe address, posted as a mail provider does, ends the subscription.
    let one_click = got.unsubscribe.clone().expect("List-Unsubscribe");
    let r = app.client().post(one_click.trim_start_matches("http://agora.test"), &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let second = create(&mut editor, &issue("Drugi numer", "all")).await;
    assert_eq!(recipients(&editor.get(&format!("/admin/newsletter/{second}")).await), "Dziś otrzymałoby go 0 osób");
}
