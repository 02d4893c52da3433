//! The forum through HTTP, as residents, staff and moderators use it: threads of two levels
//! with permalinks, the rules on writing (closed threads, links from new accounts, the hourly
//! limit, one support), editing with its history, the city's position tracked in the ledger,
//! posts turned into remarks, and moderation that tells the author why and the reporter what
//! came of it, in the open.

use crate::consultations::{stored, unit};
use crate::harness::{Client, TestApp};
use agora_db::audit::AuditEntry;
use agora_domain::consultation::Status;
use agora_domain::permission::Grant;
use axum::http::StatusCode;

fn entry() -> AuditEntry {
    AuditEntry {
        actor_id: None,
        actor_label: "test".into(),
        action: "test.setup",
        entity: "forum",
        details: String::new(),
    }
}

/// An administrator, and a general category where residents start threads.
pub async fn category(app: &TestApp) -> Client {
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let r = admin
        .post(
            "/admin/forum/przestrzenie/nowa",
            &[("name", "Transport i komunikacja"), ("slug", "transport"), ("residents_start", "on")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    admin
}

/// Settings with `changes` over the defaults, saved by the administrator.
async fn settings(admin: &mut Client, changes: &[(&str, &str)]) {
    let mut fields = vec![
        ("edit_minutes", "30"),
        ("reports_to_hold", "3"),
        ("alert_hours", "24"),
        ("posts_per_hour", "30"),
        ("days_before_links", "0"),
    ];
    fields.retain(|(k, _)| !changes.iter().any(|(c, _)| c == k));
    fields.extend_from_slice(changes);
    let r = admin.post("/admin/forum", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
}

/// Starts a thread in `space` and returns its id.
pub async fn thread(c: &mut Client, space: &str, title: &str, text: &str) -> i64 {
    let r = c.post(&format!("/forum/{space}/nowy-watek"), &[("title", title), ("post_text", text)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let loc = r.location().to_owned();
    loc.trim_start_matches("/forum/watki/").split('?').next().unwrap().parse().unwrap()
}

/// Sends a post (a reply when `reply_to` is given) and returns its id.
async fn post(c: &mut Client, thread: i64, text: &str, reply_to: Option<i64>) -> i64 {
    let to = reply_to.map(|r| r.to_string()).unwrap_or_default();
    let r = c.post(&format!("/forum/watki/{thread}"), &[("post_text", text), ("reply_to", &to)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    r.location().trim_start_matches("/forum/wpisy/").parse().unwrap()
}

#[tokio::test]
async fn residents_talk_in_two_levels_with_permalinks_and_the_author_hears_of_replies() {
    let app = TestApp::new().await;
    let _admin = category(&app).await;
    let mut anna = app.signed_in("anna@example.pl", &[Grant::Resident]).await;
    let mut piotr = app.signed_in("piotr@example.pl", &[Grant::Resident]).await;
    let t = thread(&mut anna, "transport", "Nocne tramwaje do Nowej Huty", "Czy da się dodać kurs o 2:00?").await;
    let first = post(&mut piotr, t, "Popieram, wracam z pracy o tej porze.", None).await;
    let reply = post(&mut anna, t, "Dziękuję, zbierzmy podpisy.", Some(first)).await;
    // The thread and its space, kept in memory for visitors, are never older than a post.
    let mut visitor = app.client();
    assert!(visitor.get(&format!("/forum/watki/{t}")).await.text().contains("zbierzmy podpisy"));
    assert!(visitor.get("/forum/transport").await.body.contains("</td><td>3</td>"), "three posts listed");
    // A reply to a reply goes under the same post and says whom it answers.
    let deeper = post(&mut piotr, t, "Mogę pomóc w zbieraniu.", Some(reply)).await;
    assert!(visitor.get("/forum/transport").await.body.contains("</td><td>4</td>"), "a post shows at once");

    let page = visitor.get(&format!("/forum/watki/{t}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    assert!(body.contains("Nocne tramwaje do Nowej Huty") && body.contains("Czy da się dodać kurs o 2:00?"));
    let replies_list = body.find("class=\"replies\"").expect("replies are listed under their post");
    assert!(body[replies_list..].contains(&format!("id=\"wpis-{deeper}\"")), "the deeper reply is at the second level");
    assert!(body.contains(&format!("href=\"/forum/wpisy/{reply}\"")), "it links to the post it answers");
    assert!(page.text().contains("w odpowiedzi na: Test User"));
    assert!(page.text().contains("Zaloguj się, aby pisać na forum."), "no reply form for a visitor");
    assert!(!body.contains("name=\"post_text\""));

    let link = visitor.get(&format!("/forum/wpisy/{deeper}")).await;
    assert_eq!(link.status, StatusCode::SEE_OTHER);
    assert_eq!(link.location(), format!("/forum/watki/{t}?strona=1#wpis-{deeper}"));

    let mail = app.mail().await;
    let to_anna: Vec<_> = mail.iter().filter(|m| m.to == "anna@example.pl").collect();
    assert_eq!(to_anna.len(), 2, "the thread's author hears of each reply by someone else: {to_anna:?}");
    assert!(to_anna[0].subject.contains("Nocne tramwaje do Nowej Huty") && to_anna[0].body.contains("Popieram"));
    let to_piotr: Vec<_> = mail.iter().filter(|m| m.to == "piotr@example.pl").collect();
    assert_eq!(to_piotr.len(), 1, "the author of the post replied to hears of the reply: {to_piotr:?}");
    assert_eq!(app.mail().await.len(), mail.len(), "running the jobs again sends nothing twice");
}

#[tokio::test]
async fn bad_posts_come_back_with_the_text_kept_and_markup_is_made_safe() {
    let app = TestApp::new().await;
    let mut admin = category(&app).await;
    let mut anna = app.signed_in("anna@example.pl", &[Grant::Resident]).await;
    let t = thread(&mut anna, "transport", "Rowery miejskie", "Gdzie stacje?").await;
    let url = format!("/forum/watki/{t}");

    let empty = anna.post(&url, &[("post_text", "   ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.field_error("post_text").as_deref(), Some("To pole jest wymagane."));
    let huge = "a".repeat(10_001);
    let r = anna.post(&url, &[("post_text", &huge)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(&huge), "the typed text is kept");

    let linked = "Więcej na https://example.org/oferta";
    let r = anna.post(&url, &[("post_text", linked)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "a new account posts no links");
    assert!(r.field_error("post_text").unwrap().contains("Nowe konta nie mogą jeszcze wstawiać linków"));
    assert!(r.body.contains("Więcej na https://example.org/oferta"));
    settings(&mut admin, &[("days_before_links", "0")]).await;
    post(&mut anna, t, linked, None).await;

    let gone = anna.post(&url, &[("post_text", "Odpowiedź"), ("reply_to", "999999")]).await;
    assert_eq!(gone.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(gone.field_error("post_text").unwrap().contains("nie ma już w wątku"));

    post(&mut anna, t, "**ważne** <script>alert(1)</script>", None).await;
    let page = app.client().get(&url).await;
    assert!(page.body.contains("<strong>ważne</strong>") && !page.body.contains("<script>alert(1)"));
    assert!(
        page.text().contains("3 wpisy"),
        "the first post, the link once allowed and the marked-up one: {}",
        page.text()
    );
}

#[tokio::test]
async fn one_support_per_person_never_for_ones_own_and_an_hourly_limit() {
    let app = TestApp::new().await;
    let mut admin = category(&app).await;
    settings(&mut admin, &[("posts_per_hour", "3")]).await;
    let mut anna = app.signed_in("anna@example.pl", &[Grant::Resident]).await;
    let mut piotr = app.signed_in("piotr@example.pl", &[Grant::Resident]).await;
    let t = thread(&mut anna, "transport", "Ławki na Plantach", "Potrzeba więcej ławek.").await;
    let p = post(&mut anna, t, "Zwłaszcza przy Wawelu.", None).await;

    let r = piotr.post(&format!("/forum/wpisy/{p}/poparcie"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let twice = piotr.post(&format!("/forum/wpisy/{p}/poparcie"), &[]).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert!(twice.text().contains("Już popierasz ten wpis"));
    let own = anna.post(&format!("/forum/wpisy/{p}/poparcie"), &[]).await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = app.client().get(&format!("/forum/watki/{t}?kolejnosc=poparcie")).await.text();
    assert!(page.contains("1 poparcie"), "{page}");

    post(&mut anna, t, "Trzeci wpis w godzinie.", None).await;
    let over = anna.post(&format!("/forum/watki/{t}"), &[("post_text", "Czwarty wpis w godzinie.")]).await;
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(over.field_error("post_text").unwrap().contains("3 wpisy na godzinę"));
    assert!(over.body.contains("Czwarty wpis w godzinie."));
}

#[tokio::test]
async fn the_author_edits_within_the_window_and_the_history_shows_what_was_there() {
    let app = TestApp::new().await;
    let mut admin = category(&app).await;
    let mut anna = app.signed_in("anna@example.pl", &[Grant::Resident]).await;
    let mut piotr = app.signed_in("piotr@example.pl", &[Grant::Resident]).await;
    let t = thread(&mut anna, "transport", "Parking przy Czyżynach", "Pierwsza wersja").await;
    let p = post(&mut anna, t, "Tekst z literówką", None).await;

    assert_eq!(piotr.get(&format!("/forum/wpisy/{p}/edycja")).await.status, StatusCode::FORBIDDEN);
    let r = anna.post(&format!("/forum/wpisy/{p}/edycja"), &[("post_text", "Tekst bez literówki")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let history = app.client().get(&format!("/forum/wpisy/{p}/historia")).await.text();
    assert!(history.contains("Tekst bez literówki") && history.contains("Tekst z literówką"), "{history}");
    let page = app.client().get(&format!("/forum/watki/{t}")).await.text();
    assert!(page.contains("Tekst bez literówki") && page.contains("edytowano"));

    settings(&mut admin, &[("edit_minutes", "0")]).await;
    let late = anna.post(&format!("/forum/wpisy/{p}/edycja"), &[("post_text", "Za późno")]).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(late.text().contains("Czas na edycję minął"));
    assert!(!app.client().get(&format!("/forum/watki/{t}")).await.text().contains("Za późno"));
}

#[tokio::test]
async fn the_city_owes_its_position_in_the_ledger_and_the_author_is_told() {
    let app = TestApp::new().await;
    let _admin = category(&app).await;
    let ztp = unit(&app, "ZTP").await;
    let other = unit(&app, "WS").await;
    let mut anna = app.signed_in("anna@example.pl", &[Grant::Resident]).await;
    let mut official = app.signed_in("urzednik@example.pl", &[Grant::Organiser(ztp)]).await;
    let t = thread(&mut anna, "transport", "Buspas na Alejach", "Kiedy buspas?").await;

    let refused = anna.post(&format!("/forum/watki/{t}/oczekuje"), &[("await_unit", &ztp.to_string())]).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "a resident cannot speak for a department");
    let foreign = official
        .post(&format!("/forum/watki/{t}/oczekuje"), &[("await_unit", &other.to_string()), ("due_on", "2099-01-10")])
        .await;
    assert_eq!(foreign.status, StatusCode::UNPROCESSABLE_ENTITY, "only one's own department");
    assert!(foreign.field_error("await_unit").is_some());
    let past = official
        .post(&format!("/forum/watki/{t}/oczekuje"), &[("await_unit", &ztp.to_string()), ("due_on", "2020-01-10")])
        .await;
    assert_eq!(past.field_error("due_on").as_deref(), Some("Termin nie może być wcześniejszy niż dziś."));
    let ok = official
        .post(&format!("/forum/watki/{t}/oczekuje"), &[("await_unit", &ztp.to_string()), ("due_on", "2099-01-10")])
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text());
    let ledger = app.client().get("/odpowiedzi-miasta").await.text();
    assert!(ledger.contains("Buspas na Alejach") && ledger.contains("Stanowisko miasta na forum"), "{ledger}");
    let page = app.client().get(&format!("/forum/watki/{t}")).await.text();
    assert!(page.contains("Czeka na stanowisko miasta: Jednostka ZTP, termin 10 stycznia 2099"), "{page}");

    let r = official
        .post(
            &format!("/forum/watki/{t}/stanowisko"),
            &[("position_unit", &ztp.to_string()), ("position_text", "Buspas powstanie w 2027 roku.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let page = app.client().get(&format!("/forum/watki/{t}")).await.text();
    assert!(page.contains("Stanowisko miasta Jednostka ZTP Test User"), "{page}");
    assert!(!page.contains("Czeka na stanowisko miasta"));
    let answered = app.client().get("/odpowiedzi-miasta?status=odpowiedziane").await.text();
    assert!(answered.contains("Buspas na Alejach"), "{answered}");
    let mail = app.last_mail_to("anna@example.pl").await;
    assert!(mail.subject.contains("Stanowisko miasta") && mail.body.contains("Buspas powstanie w 2027 roku."));
}

#[tokio::test]
async fn reports_hold_a_post_and_the_decision_reaches_author_and_reporters_in_the_open() {
    let app = TestApp::new().await;
    let mut admin = category(&app).await;
    settings(&mut admin, &[("reports_to_hold", "2")]).await;
    let mut anna = app.signed_in("anna@example.pl", &[Grant::Resident]).await;
    let mut troll = app.signed_in("troll@example.pl", &[Grant::Resident]).await;
    let mut r1 = app.signed_in("r1@example.pl", &[Grant::Resident]).await;
    let mut r2 = app.signed_in("r2@example.pl", &[Grant::Resident]).await;
    let mut moderator = app.signed_in("moderator@example.pl", &[Grant::Moderator]).await;
    let t = thread(&mut anna, "transport", "Hałas na Zabłociu", "Ciężarówki w nocy.").await;
    let bad = post(&mut troll, t, "Obraźliwy wpis o sąsiadach", None).await;
    let answer = post(&mut anna, t, "Proszę o kulturę.", Some(bad)).await;

    let no_reason = r1.post(&format!("/forum/wpisy/{bad}/zgloszenie"), &[("report_reason", "")]).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.field_error("report_reason").is_some());
    let own = troll.post(&format!("/forum/wpisy/{bad}/zgloszenie"), &[("report_reason", "spam")]).await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY);
    for r in [&mut r1, &mut r2] {
        let done = r.post(&format!("/forum/wpisy/{bad}/zgloszenie"), &[("report_reason", "abuse")]).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.text());
    }
    let twice = r1.post(&format!("/forum/wpisy/{bad}/zgloszenie"), &[("report_reason", "abuse")]).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    let held = app.client().get(&format!("/forum/watki/{t}")).await.text();
    assert!(!held.contains("Obraźliwy wpis"), "two reports hold the post for review");

    let queue = moderator.get("/admin/moderacja").await.text();
    assert!(queue.contains("Obraźliwy wpis") && queue.contains("2 zgłoszenia"), "{queue}");
    let missing = moderator.post(&format!("/admin/moderacja/{bad}"), &[("mod_decision", "hide")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.field_error("mod_reason").is_some());
    let hide = moderator
        .post(
            &format!("/admin/moderacja/{bad}"),
            &[("mod_decision", "hide"), ("mod_reason", "abuse"), ("mod_statement", "Wpis obraża sąsiadów.")],
        )
        .await;
    assert_eq!(hide.status, StatusCode::SEE_OTHER, "{}", hide.text());

    let page = app.client().get(&format!("/forum/watki/{t}")).await.text();
    assert!(page.contains("Wpis ukryty przez moderatora") && page.contains("obraźliwe treści lub nękanie"), "{page}");
    assert!(page.contains("Proszę o kulturę."), "the reply to a hidden post stays");
    assert!(!page.contains("Obraźliwy wpis"));
    let reply = anna
        .post(&format!("/forum/watki/{t}"), &[("post_text", "Jeszcze jedno"), ("reply_to", &bad.to_string())])
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "no reply to a hidden post");
    let _ = answer;

    let mail = app.mail().await;
    let hidden = mail.iter().find(|m| m.to == "troll@example.pl" && m.subject.contains("został ukryty"));
    let hidden = hidden.unwrap_or_else(|| panic!("no statement of reasons: {mail:?}"));
    assert!(hidden.body.contains("Wpis obraża sąsiadów.") && hidden.body.contains("/odwolanie"), "{hidden:?}");
    for who in ["r1@example.pl", "r2@example.pl"] {
        let m = app.last_mail_to(who).await;
        assert!(m.body.contains("wpis został ukryty"), "{m:?}");
    }
    let log = app.client().get("/moderacja").await.text();
    assert!(log.contains("wpis ukryty") && log.contains("obraźliwe treści lub nękanie"), "{log}");
    assert!(log.contains("wpis wstrzymany po zgłoszeniach"));
    assert!(!log.contains("r1@example.pl") && !log.contains("moderator@example.pl") && !log.contains("Test User"));

    let appeal =
        troll.post(&format!("/forum/wpisy/{bad}/odwolanie"), &[("appeal_text", "To była ironia, nie obraza.")]).await;
    assert_eq!(appeal.status, StatusCode::SEE_OTHER, "{}", appeal.text());
    let again = troll.post(&format!("/forum/wpisy/{bad}/odwolanie"), &[("appeal_text", "Jeszcze raz proszę.")]).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "one appeal");
    let restore = moderator.post(&format!("/admin/moderacja/{bad}"), &[("mod_decision", "restore")]).await;
    assert_eq!(restore.status, StatusCode::SEE_OTHER, "{}", restore.text());
    assert!(app.client().get(&format!("/forum/watki/{t}")).await.text().contains("Obraźliwy wpis"));
    assert!(app.last_mail_to("troll@example.pl").await.subject.contains("przywrócono"));
}

#[tokio::test]
async fn a_closed_thread_has_no_reply_form_and_takes_no_post() {
    let app = TestApp::new().await;
    let mut admin = category(&app).await;
    let mut anna = app.signed_in("anna@example.pl", &[Grant::Resident]).await;
    let t = thread(&mut anna, "transport", "Zimowe utrzymanie chodników", "Kto odśnieża?").await;
    let not_staff =
        anna.post(&format!("/forum/watki/{t}/zamkniecie"), &[("thread_summary", "Koniec rozmowy tutaj.")]).await;
    assert_eq!(not_staff.status, StatusCode::FORBIDDEN);
    let short = admin.post(&format!("/forum/watki/{t}/zamkniecie"), &[("thread_summary", "")]).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = admin
        .post(
            &format!("/forum/watki/{t}/zamkniecie"),
            &[("thread_summary", "Zarząd Dróg odpowiedział w piśmie z 3 marca.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let page = anna.get(&format!("/forum/watki/{t}")).await;
    assert!(
        page.text().contains("Zarząd Dróg odpowiedział w piśmie z 3 marca.")
            && page.text().contains("Wątek jest zamknięty.")
    );
    assert!(!page.body.contains("name=\"post_text\""), "no form where a reply would be refused");
    let late = anna.post(&format!("/forum/watki/{t}"), &[("post_text", "A jednak piszę.")]).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(late.body.contains("A jednak piszę."));
}

#[tokio::test]
async fn a_post_in_an_open_consultation_becomes_a_remark_with_its_author_and_a_link() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let c = stored(&app, ztp, "Park Zakrzówek", Status::Open, -1, vec![]).await;
    agora_db::programme::add_method(app.db(), c, "online_discussion", "Dyskusja na forum.", None, None, &entry())
        .await
        .unwrap();
    let mut anna = app.signed_in("anna@example.pl", &[Grant::Resident]).await;
    let mut piotr = app.signed_in("piotr@example.pl", &[Grant::Resident]).await;
    let page = app.client().get("/konsultacje/park-zakrzowek").await.text();
    assert!(page.contains("Dyskusja online"), "{page}");
    let t = thread(&mut anna, "konsultacja-park-zakrzowek", "Kąpielisko", "Potrzebne ratownicy.").await;
    let p = post(&mut piotr, t, "Więcej koszy na śmieci przy wejściu.", None).await;
    let foreign = anna.post(&format!("/forum/wpisy/{p}/uwaga"), &[]).await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN, "only the author or the consultation's staff");
    let r = piotr.post(&format!("/forum/wpisy/{p}/uwaga"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let twice = piotr.post(&format!("/forum/wpisy/{p}/uwaga"), &[]).await;
    assert_eq!(twice.status, StatusCode::CONFLICT);

    let mut organiser = app.signed_in("organizator@example.pl", &[Grant::Organiser(ztp)]).await;
    let remarks = organiser.get(&format!("/admin/konsultacje/{c}/uwagi")).await.text();
    assert!(remarks.contains("Więcej koszy na śmieci przy wejściu.") && remarks.contains("Wpis na forum"), "{remarks}");
    assert!(remarks.contains(&format!("/forum/wpisy/{p}")), "the remark links back to the post");
    let page = app.client().get(&format!("/forum/watki/{t}")).await.text();
    assert!(page.contains("Ten wpis jest też uwagą w konsultacjach"));
}

#[tokio::test]
async fn a_bodys_members_space_is_for_its_members() {
    let app = TestApp::new().await;
    let so = unit(&app, "SO").await;
    let theme = agora_db::reference::save_named(
        app.db(),
        agora_db::reference::NamedKind::Category,
        None,
        &agora_domain::reference::NamedInput::parse("NGO", "").unwrap(),
        &entry(),
    )
    .await
    .unwrap();
    let f = agora_domain::body::BodyForm {
        name_pl: "Rada Seniorów".into(),
        slug: "rada-seniorow".into(),
        kind: "seniors_council".into(),
        units: vec![so.to_string()],
        categories: vec![theme.to_string()],
        ..Default::default()
    };
    let body = agora_db::bodies::save(app.db(), None, &f.parse(&[so], &[theme]).unwrap(), &entry()).await.unwrap();
    let member_id = app.user("czlonek@example.pl", &[Grant::Resident]).await;
    let m = agora_domain::body::MembershipForm {
        name: "Maria Członek".into(),
        role: "member".into(),
        voting: Some("yes".into()),
        starts_on: "2020-01-01".into(),
        ..Default::default()
    };
    let input = m.parse(&[], agora_domain::body::Account::Found(member_id)).unwrap();
    agora_db::bodies::add_membership(app.db(), body, &input, &entry()).await.unwrap();

    let space = "/forum/cialo-rada-seniorow-czlonkowie";
    assert_eq!(app.client().get(space).await.status, StatusCode::NOT_FOUND);
    let mut outsider = app.signed_in("obcy@example.pl", &[Grant::Resident]).await;
    assert_eq!(outsider.get(space).await.status, StatusCode::NOT_FOUND);
    let mut member = app.client();
    let r = member
        .post("/konto/logowanie", &[("email", "czlonek@example.pl"), ("password", crate::harness::PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let t = thread(&mut member, "cialo-rada-seniorow-czlonkowie", "Porządek obrad na maj", "Propozycje punktów?").await;
    assert_eq!(outsider.get(&format!("/forum/watki/{t}")).await.status, StatusCode::NOT_FOUND);
    assert!(!app.client().get("/forum").await.text().contains("Porządek obrad na maj"));
    let mut secretary = app.signed_in("sekretarz@example.pl", &[Grant::BodySecretary(body)]).await;
    assert_eq!(secretary.get(&format!("/forum/watki/{t}")).await.status, StatusCode::OK);
    // The public space of the body takes threads from its secretary, not from residents.
    let public = outsider.get("/forum/cialo-rada-seniorow").await.text();
    assert!(public.contains("Wątki w tej przestrzeni zakładają pracownicy."), "{public}");
}

#[tokio::test]
async fn a_pre_moderated_space_holds_posts_and_moderators_hear_of_long_waits() {
    let app = TestApp::new().await;
    let mut admin = category(&app).await;
    settings(&mut admin, &[("alert_hours", "2")]).await;
    let set = admin
        .post(
            "/admin/forum/przestrzenie/transport",
            &[("name", "Transport i komunikacja"), ("residents_start", "on"), ("premoderated", "on")],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.text());
    let mut anna = app.signed_in("anna@example.pl", &[Grant::Resident]).await;
    let mut moderator = app.signed_in("moderator@example.pl", &[Grant::Moderator]).await;
    let r = anna
        .post(
            "/forum/transport/nowy-watek",
            &[("title", "Ścieżka rowerowa na Kapelance"), ("post_text", "Brakuje łącznika.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().ends_with("?ok=flash-forum-held"), "{}", r.location());
    let t: i64 = r.location().trim_start_matches("/forum/watki/").split('?').next().unwrap().parse().unwrap();
    let held = anna.post(&format!("/forum/watki/{t}"), &[("post_text", "Dopisuję: także oświetlenie.")]).await;
    assert_eq!(held.location(), format!("/forum/watki/{t}?ok=flash-forum-held"));
    let page = app.client().get(&format!("/forum/watki/{t}")).await.text();
    assert!(!page.contains("Brakuje łącznika.") && !page.contains("także oświetlenie"), "{page}");

    let queue = moderator.get("/admin/moderacja").await;
    let text = queue.text();
    assert!(text.contains("wpis do sprawdzenia") && text.contains("Brakuje łącznika."), "{text}");
    let first =
        queue.body.split("/admin/moderacja/").nth(1).unwrap().split('"').next().unwrap().parse::<i64>().unwrap();
    assert_eq!(forum_mail_alerts(&app).await, 0, "nothing has waited two hours yet");
    agora_db::testing::age_forum_post(app.db(), first, 3).await.unwrap();
    assert_eq!(forum_mail_alerts(&app).await, 2, "the moderator and the administrator are told once each");
    assert_eq!(forum_mail_alerts(&app).await, 0, "and not again");
    let alert = app.last_mail_to("moderator@example.pl").await;
    assert!(alert.subject.contains("czekają na moderację") && alert.body.contains("/admin/moderacja"));

    let ok = moderator.post(&format!("/admin/moderacja/{first}"), &[("mod_decision", "approve")]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.text());
    assert!(app.client().get(&format!("/forum/watki/{t}")).await.text().contains("Brakuje łącznika."));
    assert!(app.last_mail_to("anna@example.pl").await.subject.contains("opublikowany"));
    let log = app.client().get("/moderacja").await.text();
    assert!(log.contains("wpis dopuszczony"), "{log}");
}

async fn forum_mail_alerts(app: &TestApp) -> usize {
    agora_web::forum_mail::moderation_alerts(&app.state).await.unwrap()
}
