//! Standalone events: organisers publish them, residents register, places are taken in order
//! with a waiting list behind them, a freed place is offered to the first person waiting, codes
//! are checked at the door, and every step is mailed in the person's language.

use crate::harness::{Client, TestApp, link_in};
use crate::news::district;
use agora_domain::permission::Grant;
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use chrono_tz::Europe::Warsaw;

/// A moment `days` from now as a `datetime-local` field takes it, at `hour` Warsaw time.
fn local(days: i64, hour: u32) -> String {
    let d = (Utc::now() + Duration::days(days)).with_timezone(&Warsaw).date_naive();
    format!("{}T{hour:02}:00", d.format("%Y-%m-%d"))
}

/// The fields of an event form, with `extra` replacing or adding fields.
fn event_form<'a>(
    organiser: &'a str,
    starts: &'a str,
    ends: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut f = vec![
        ("event_kind", "workshop"),
        ("event_title", "Warsztaty o zieleni w Podgórzu"),
        ("event_organiser", organiser),
        ("event_starts_at", starts),
        ("event_ends_at", ends),
        ("event_address", "ul. Rynek Podgórski 1, sala 2"),
        ("event_description", "Zbieramy pomysły na nowe skwery i drzewa przy ulicach."),
        ("registration", "on"),
    ];
    for (k, v) in extra {
        f.retain(|(name, _)| name != k);
        f.push((k, v));
    }
    f
}

/// Creates an event through the form; returns its id.
async fn create(c: &mut Client, fields: &[(&str, &str)]) -> i64 {
    let r = c.post("/admin/wydarzenia/nowe", fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    r.location().trim_start_matches("/admin/wydarzenia/").split('/').next().unwrap().parse().unwrap()
}

/// Registers on the event's page; returns the response.
async fn register(c: &mut Client, event: i64, name: &str, email: &str, extra: &[(&str, &str)]) -> crate::harness::Resp {
    let mut f = vec![("participant_name", name), ("participant_email", email)];
    f.extend_from_slice(extra);
    c.post(&format!("/wydarzenia/{event}/zapisy"), &f).await
}

#[tokio::test]
async fn places_go_in_order_the_waiting_list_gets_freed_places_and_codes_open_the_door() {
    let app = TestApp::new().await;
    let mut centre = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;
    let (starts, ends) = (local(10, 17), local(10, 19));

    // Bad input: the end before the start, places that are no number; the typed text is kept.
    let bad = event_form("centre", &starts, &starts, &[("reg_capacity", "dziesięć")]);
    let r = centre.post("/admin/wydarzenia/nowe", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("event_ends_at").is_some());
    assert!(r.field_error("reg_capacity").is_some());
    assert_eq!(r.input_value("event_title").as_deref(), Some("Warsztaty o zieleni w Podgórzu"));
    assert!(r.text().contains("Liczba miejsc"), "the summary names the field");
    let (before, before_end) = (local(-1, 17), local(-1, 19));
    let past = event_form("centre", &before, &before_end, &[]);
    let r = centre.post("/admin/wydarzenia/nowe", &past).await;
    assert!(r.field_error("event_starts_at").unwrap().contains("w przyszłości"));

    let id = create(
        &mut centre,
        &event_form(
            "centre",
            &starts,
            &ends,
            &[("reg_capacity", "2"), ("reg_questions", "Z jakiej jesteś dzielnicy?")],
        ),
    )
    .await;

    // Residents register; the third joins the waiting list.
    let mut ala = app.client();
    let r = register(&mut ala, id, "Ala Nowak", "ala@example.org", &[("needs", "pjm"), ("answer_1", "Podgórze")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let ala_link = r.location().to_owned();
    let page = ala.get(&ala_link).await;
    assert!(page.text().contains("Masz miejsce"), "{}", page.text());
    let mail = app.last_mail_to("ala@example.org").await;
    assert!(mail.subject.contains("Warsztaty o zieleni"));
    let code = agora_db::events::by_token(app.db(), ala_link.rsplit('/').next().unwrap()).await.unwrap().unwrap().code;
    assert!(mail.body.contains(&format!("{}-{}", &code[..4], &code[4..])), "{}", mail.body);
    let ics = &mail.attachments[0];
    assert!(ics.content_type.starts_with("text/calendar"));
    assert!(ics.content.contains("SUMMARY:Warsztaty o zieleni w Podgórzu"), "{}", ics.content);

    let mut bolek = app.client();
    assert_eq!(register(&mut bolek, id, "Bolek Lis", "bolek@example.org", &[]).await.status, StatusCode::SEE_OTHER);
    let mut celina = app.client().with_header("accept-language", "en");
    let r = register(&mut celina, id, "Celina Kot", "celina@example.org", &[]).await;
    let celina_link = r.location().to_owned();
    assert!(celina.get(&celina_link).await.text().contains("waiting list"));
    assert!(app.last_mail_to("celina@example.org").await.subject.starts_with("Waiting list"), "mail in her language");
    assert!(app.client().get(&format!("/wydarzenia/{id}")).await.text().contains("Brak wolnych miejsc"));

    // The same address twice, in other letters: refused beside the field, the name kept.
    let r = register(&mut app.client(), id, "Ala N.", "ALA@example.org", &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.field_error("participant_email").unwrap().contains("już zapisany"));
    assert_eq!(r.input_value("participant_name").as_deref(), Some("Ala N."));
    // An answer longer than allowed: refused beside its question.
    let long = "x".repeat(1_001);
    let r = register(&mut app.client(), id, "Darek", "darek@example.org", &[("answer_1", &long)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("Z jakiej jesteś dzielnicy?"), "the summary names the question");

    // Ala withdraws: Celina is offered the place, by a mail with her link.
    let r = ala.post(&format!("{ala_link}/rezygnacja"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let offer = app.last_mail_to("celina@example.org").await;
    assert!(offer.subject.starts_with("A place is free"), "{}", offer.subject);
    assert_eq!(link_in(&offer), celina_link);
    let r = celina.post(&format!("{celina_link}/przyjmij"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(celina.get(&celina_link).await.text().contains("You have a place"));
    // Taking it twice says so.
    assert_eq!(celina.post(&format!("{celina_link}/przyjmij"), &[]).await.status, StatusCode::GONE);

    // At the door: a code is checked once; another event's or a garbled code is refused.
    let bolek_code = agora_db::events::registrations(app.db(), id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.email == "bolek@example.org")
        .unwrap()
        .code;
    let door = format!("/admin/wydarzenia/{id}/obecnosc");
    let typed = format!("{}-{}", &bolek_code[..4], &bolek_code[4..]).to_lowercase();
    let r = centre.post(&door, &[("checkin_code", &typed)]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.text().contains("Obecność potwierdzona: Bolek Lis"));
    let r = centre.post(&door, &[("checkin_code", &bolek_code)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("checkin_code").unwrap().contains("Nie liczymy jej drugi raz"));
    assert!(r.text().contains("obecnych: 1"), "{}", r.text());
    assert!(
        centre
            .post(&door, &[("checkin_code", "2345-6789")])
            .await
            .field_error("checkin_code")
            .unwrap()
            .contains("Nikt")
    );
    assert!(centre.post(&door, &[("checkin_code", "abc")]).await.field_error("checkin_code").is_some());
    let other = create(&mut centre, &event_form("centre", &local(12, 17), &local(12, 19), &[])).await;
    let r = centre.post(&format!("/admin/wydarzenia/{other}/obecnosc"), &[("checkin_code", &bolek_code)]).await;
    assert!(r.field_error("checkin_code").unwrap().contains("Nikt"));

    // The organiser sees the needs summed up and the answers.
    let list = centre.get(&format!("/admin/wydarzenia/{id}/uczestnicy")).await.text();
    assert!(list.contains("Z jakiej jesteś dzielnicy?"));
    assert!(!list.contains("Tłumacz polskiego języka migowego (PJM): 1"), "Ala withdrew: her needs no longer count");
}

#[tokio::test]
async fn an_offer_runs_out_and_goes_to_the_next_person_waiting() {
    let app = TestApp::new().await;
    let mut centre = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;
    let id = create(&mut centre, &event_form("centre", &local(5, 10), &local(5, 12), &[("reg_capacity", "1")])).await;
    let mut links = Vec::new();
    for who in ["a", "b", "c"] {
        let r = register(&mut app.client(), id, "Osoba Testowa", &format!("{who}@example.org"), &[]).await;
        links.push(r.location().to_owned());
    }
    let mut first = app.client();
    first.post(&format!("{}/rezygnacja", links[0]), &[]).await;
    assert!(app.last_mail_to("b@example.org").await.subject.starts_with("Zwolniło się miejsce"));
    // Two days later the offer has run out: the place goes to the next one.
    let n = agora_db::events::expire_offers(app.db(), Utc::now() + Duration::hours(49)).await.unwrap();
    assert_eq!(n, 1);
    let r = app.client().post(&format!("{}/przyjmij", links[1]), &[]).await;
    assert_eq!(r.status, StatusCode::GONE);
    assert!(r.text().contains("minął"));
    assert!(app.last_mail_to("c@example.org").await.subject.starts_with("Zwolniło się miejsce"));
    let regs = agora_db::events::registrations(app.db(), id).await.unwrap();
    let states: Vec<&str> = regs.iter().map(|r| r.placement.as_str()).collect();
    assert_eq!(states, ["cancelled", "cancelled", "offered"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_hundred_registrations_at_once_for_ten_places_give_ten_places_and_ninety_waiting() {
    let app = TestApp::new().await;
    let mut centre = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;
    let id = create(&mut centre, &event_form("centre", &local(7, 9), &local(7, 15), &[("reg_capacity", "10")])).await;
    let mut clients = Vec::new();
    for _ in 0..100 {
        let mut c = app.client();
        c.get(&format!("/wydarzenia/{id}")).await;
        clients.push(c);
    }
    let sent = clients.into_iter().enumerate().map(|(i, mut c)| {
        tokio::spawn(async move {
            let email = format!("osoba{i}@example.org");
            register(&mut c, id, "Osoba Testowa", &email, &[]).await.status
        })
    });
    let statuses: Vec<StatusCode> =
        futures_util::future::join_all(sent).await.into_iter().map(Result::unwrap).collect();
    assert!(statuses.iter().all(|s| *s == StatusCode::SEE_OTHER), "{statuses:?}");
    let regs = agora_db::events::registrations(app.db(), id).await.unwrap();
    let confirmed = regs.iter().filter(|r| r.placement.as_str() == "confirmed").count();
    let waiting = regs.iter().filter(|r| r.placement.as_str() == "waiting").count();
    assert_eq!((regs.len(), confirmed, waiting), (100, 10, 90));
    // Nobody overtook: the places went to the first ten stored.
    assert!(regs.iter().take(10).all(|r| r.placement.as_str() == "confirmed"));
    let codes: std::collections::HashSet<&str> = regs.iter().map(|r| r.code.as_str()).collect();
    assert_eq!(codes.len(), 100, "every code is different");
}

#[tokio::test]
async fn organisers_keep_only_their_own_events_and_residents_find_them_everywhere() {
    let app = TestApp::new().await;
    let podgorze = district(&app, "13", "Podgórze").await;
    let huta = district(&app, "18", "Nowa Huta").await;
    let mut editor = app.signed_in("rada13@example.org", &[Grant::DistrictEditor(podgorze)]).await;
    let mut centre = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;
    let mine = format!("district:{podgorze}");
    let theirs = format!("district:{huta}");
    let (s, e) = (local(3, 18), local(3, 20));

    // Another district's name as organiser is refused; its own is taken and concerns it.
    let r = editor.post("/admin/wydarzenia/nowe", &event_form(&theirs, &s, &e, &[("event_kind", "debate")])).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("event_organiser").is_some());
    let debate = create(
        &mut editor,
        &event_form(
            &mine,
            &s,
            &e,
            &[("event_kind", "debate"), ("event_title", "Debata o Zabłociu"), ("registration", "")],
        ),
    )
    .await;
    let conference = create(
        &mut centre,
        &event_form(
            "centre",
            &local(4, 9),
            &local(4, 16),
            &[("event_kind", "conference"), ("event_title", "Konferencja dialogu")],
        ),
    )
    .await;
    assert_eq!(editor.get(&format!("/admin/wydarzenia/{conference}")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(editor.get(&format!("/admin/wydarzenia/{conference}/uczestnicy")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(centre.get(&format!("/admin/wydarzenia/{debate}")).await.status, StatusCode::OK, "the Centre keeps all");
    let mut resident = app.signed_in("ola@example.org", &[]).await;
    assert_eq!(resident.get("/admin/wydarzenia").await.status, StatusCode::FORBIDDEN);
    let anon = app.client().get("/admin/wydarzenia/nowe").await;
    assert_eq!(anon.status, StatusCode::SEE_OTHER);

    // The list filters by kind, district and organiser; both are in the calendar and its feed.
    let mut anyone = app.client();
    let all = anyone.get("/wydarzenia").await.text();
    assert!(all.contains("Debata o Zabłociu") && all.contains("Konferencja dialogu"));
    let debates = anyone.get("/wydarzenia?rodzaj=debate").await.text();
    assert!(debates.contains("Debata o Zabłociu") && !debates.contains("Konferencja dialogu"));
    let local_ones = anyone.get(&format!("/wydarzenia?dzielnica={podgorze}")).await.text();
    assert!(local_ones.contains("Debata o Zabłociu") && !local_ones.contains("Konferencja dialogu"));
    let by_centre = anyone.get("/wydarzenia?organizator=centre").await.text();
    assert!(!by_centre.contains("Debata o Zabłociu") && by_centre.contains("Konferencja dialogu"));
    assert!(anyone.get("/wydarzenia?archiwum=1").await.text().contains("Brak wydarzeń"));
    let calendar = anyone.get("/kalendarz").await.text();
    assert!(calendar.contains("Debata o Zabłociu") && calendar.contains("Konferencja dialogu"), "{calendar}");
    let feed = anyone.get("/kalendarz.ics").await.body;
    assert!(feed.contains("SUMMARY:Debata o Zabłociu"));

    // No registration for an event one just comes to; a cancelled event takes none and tells
    // those registered.
    let r = register(&mut anyone, debate, "Ola", "ola@example.org", &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("wystarczy przyjść"));
    let r = register(&mut resident, conference, "Ola Kowalska", "ola@example.org", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mine_page = resident.get("/konto/wydarzenia").await.text();
    assert!(mine_page.contains("Konferencja dialogu") && mine_page.contains("Masz miejsce"), "{mine_page}");
    assert_eq!(
        centre.post(&format!("/admin/wydarzenia/{conference}/odwolaj"), &[]).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(app.last_mail_to("ola@example.org").await.subject.starts_with("Odwołane"));
    let r = register(&mut anyone, conference, "Jan", "jan@example.org", &[]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.text().contains("odwołane"));
    assert!(
        !anyone.get("/kalendarz").await.text().contains("Konferencja dialogu"),
        "cancelled events leave the calendar"
    );
}

#[tokio::test]
async fn the_day_before_everyone_with_a_place_is_reminded_once() {
    let app = TestApp::new().await;
    let mut centre = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;
    let id = create(&mut centre, &event_form("centre", &local(1, 12), &local(1, 14), &[("reg_capacity", "1")])).await;
    register(&mut app.client(), id, "Ala Nowak", "ala@example.org", &[]).await;
    register(&mut app.client(), id, "Bolek Lis", "bolek@example.org", &[]).await;
    assert_eq!(agora_web::event_mail::remind(&app.state, Utc::now()).await.unwrap(), 1, "only the one with a place");
    assert_eq!(agora_web::event_mail::remind(&app.state, Utc::now()).await.unwrap(), 0, "and only once");
    let m = app.last_mail_to("ala@example.org").await;
    assert!(m.subject.starts_with("Jutro"), "{}", m.subject);
    assert!(m.attachments.iter().any(|a| a.content.contains("BEGIN:VEVENT")));
    assert!(app.mail().await.iter().filter(|m| m.to == "bolek@example.org").all(|m| !m.subject.starts_with("Jutro")));
}

#[tokio::test]
async fn the_door_has_a_sheet_attendees_get_certificates_and_the_academy_certifies_a_whole_series() {
    let app = TestApp::new().await;
    let mut centre = app.signed_in("centrum@example.org", &[Grant::CentreEditor]).await;

    // A series of the academy must say whom it is for.
    let series = [
        ("series_title", "Akademia Dobrego Dialogu"),
        ("series_description", "Dwa spotkania o prowadzeniu dialogu w dzielnicy."),
        ("series_organiser", "centre"),
        ("series_academy", "on"),
    ];
    let r = centre.post("/admin/wydarzenia/serie", &series).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("series_audience").is_some());
    assert_eq!(r.input_value("series_title").as_deref(), Some("Akademia Dobrego Dialogu"));
    let mut with_audience = series.to_vec();
    with_audience.push(("series_audience", "radni dzielnic"));
    assert_eq!(centre.post("/admin/wydarzenia/serie", &with_audience).await.status, StatusCode::SEE_OTHER);
    let sid = agora_db::events::academy(app.db()).await.unwrap()[0].id.to_string();

    let (s1, e1, s2, e2) = (local(2, 10), local(2, 12), local(3, 10), local(3, 12));
    let titles = ["Zajęcia 1: słuchanie", "Zajęcia 2: moderacja"];
    let mut sessions = Vec::new();
    for (title, s, e) in [(titles[0], &s1, &e1), (titles[1], &s2, &e2)] {
        let f =
            event_form("centre", s, e, &[("event_kind", "training"), ("event_title", title), ("event_series", &sid)]);
        sessions.push(create(&mut centre, &f).await);
    }
    let academy = app.client().get("/akademia").await.text();
    assert!(academy.contains("Akademia Dobrego Dialogu") && academy.contains("radni dzielnic"));
    assert!(academy.contains(titles[0]) && academy.contains(titles[1]));

    let mut links = Vec::new();
    for id in &sessions {
        let r = register(&mut app.client(), *id, "Ala Nowak", "ala@example.org", &[]).await;
        links.push(r.location().to_owned());
    }
    register(&mut app.client(), sessions[0], "Bolek Lis", "bolek@example.org", &[]).await;

    // The sign-in sheet lists everyone with a place, by name.
    let (status, kind, pdf) = centre.get_bytes(&format!("/admin/wydarzenia/{}/lista.pdf", sessions[0])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.starts_with("application/pdf"));
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(text.contains("Ala Nowak") && text.contains("Bolek Lis") && text.contains("Podpis"), "{text}");
    assert_eq!(
        app.client().get(&format!("/admin/wydarzenia/{}/lista.pdf", sessions[0])).await.status,
        StatusCode::SEE_OTHER
    );

    // Ala comes to both; certificates go to those who came, once.
    for (id, link) in sessions.iter().zip(&links) {
        let code = agora_db::events::by_token(app.db(), link.rsplit('/').next().unwrap()).await.unwrap().unwrap().code;
        let r = centre.post(&format!("/admin/wydarzenia/{id}/obecnosc"), &[("checkin_code", &code)]).await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let r = centre.post(&format!("/admin/wydarzenia/{}/zaswiadczenia", sessions[0]), &[]).await;
    assert!(r.location().ends_with("flash-event-certificates-sent"));
    let r = centre.post(&format!("/admin/wydarzenia/{}/zaswiadczenia", sessions[0]), &[]).await;
    assert!(r.location().ends_with("flash-event-certificates-none"), "nobody gets it twice");
    let mail = app.last_mail_to("ala@example.org").await;
    assert!(mail.subject.starts_with("Zaświadczenie o udziale"), "{}", mail.subject);
    assert!(app.mail().await.iter().all(|m| m.to != "bolek@example.org" || !m.subject.starts_with("Zaświadczenie")));
    let (status, _, pdf) = app.client().get_bytes(&format!("{}/zaswiadczenie.pdf", links[0])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(pdf_extract::extract_text_from_mem(&pdf).unwrap().contains("Ala Nowak"));
    let bolek = agora_db::events::registrations(app.db(), sessions[0]).await.unwrap();
    let bolek = bolek.iter().find(|r| r.name == "Bolek Lis").unwrap();
    let r = app.client().get(&format!("/wydarzenia/zgloszenie/{}/zaswiadczenie.pdf", bolek.token)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "no certificate for someone who did not come");

    // The series is completed once every session has been held: then its certificate is there.
    let page = app.client().get(&links[1]).await.text();
    assert!(!page.contains("ukończeniu cyklu"), "the sessions are still to come");
    assert_eq!(app.client().get(&format!("{}/ukonczenie.pdf", links[1])).await.status, StatusCode::NOT_FOUND);
    let (p1, p1e, p2, p2e) = (local(-9, 10), local(-9, 12), local(-2, 10), local(-2, 12));
    for (id, title, s, e) in [(sessions[0], titles[0], &p1, &p1e), (sessions[1], titles[1], &p2, &p2e)] {
        let f =
            event_form("centre", s, e, &[("event_kind", "training"), ("event_title", title), ("event_series", &sid)]);
        let r = centre.post(&format!("/admin/wydarzenia/{id}"), &f).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "a held session can be corrected: {}", r.text());
    }
    assert!(app.client().get(&links[1]).await.text().contains("ukończeniu cyklu"));
    let (status, _, pdf) = app.client().get_bytes(&format!("{}/ukonczenie.pdf", links[1])).await;
    assert_eq!(status, StatusCode::OK);
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(
        text.contains("Akademia Dobrego Dialogu") && text.contains(titles[0]) && text.contains(titles[1]),
        "{text}"
    );
}

#[tokio::test]
async fn a_body_organises_its_own_events_and_its_page_lists_them() {
    let app = TestApp::new().await;
    let unit =
        agora_domain::reference::UnitInput::parse("SO", "Wydział ds. Społeczeństwa Obywatelskiego", "", "").unwrap();
    let entry = agora_db::audit::AuditEntry {
        actor_id: None,
        actor_label: "test".into(),
        action: "test",
        entity: "test",
        details: String::new(),
    };
    let so = agora_db::reference::save_unit(app.db(), None, &unit, &entry).await.unwrap();
    let theme = crate::bodies::category(&app, "Organizacje pozarządowe").await;
    let krdpp = crate::bodies::body(
        &app,
        "Rada Działalności Pożytku Publicznego",
        "krdpp",
        "public_benefit_council",
        so,
        theme,
    )
    .await;
    let other = crate::bodies::body(&app, "Młodzieżowa Rada Krakowa", "mrk", "youth_council", so, theme).await;
    let mut secretary = app.signed_in("sekretarz@example.org", &[Grant::BodySecretary(krdpp)]).await;
    let theirs = format!("body:{other}");
    let (s, e) = (local(6, 16), local(6, 18));
    let r = secretary.post("/admin/wydarzenia/nowe", &event_form(&theirs, &s, &e, &[])).await;
    assert!(r.field_error("event_organiser").is_some(), "another body's events are not theirs");
    let own = format!("body:{krdpp}");
    let title = "Otwarte spotkanie z organizacjami";
    create(&mut secretary, &event_form(&own, &s, &e, &[("event_kind", "debate"), ("event_title", title)])).await;
    let page = app.client().get("/ciala-dialogu/krdpp").await.text();
    assert!(page.contains(title), "{page}");
    assert!(!app.client().get("/ciala-dialogu/mrk").await.text().contains(title));
    let listed = app.client().get(&format!("/wydarzenia?organizator=body:{krdpp}")).await.text();
    assert!(listed.contains(title) && listed.contains("Rada Działalności Pożytku Publicznego"));
}
