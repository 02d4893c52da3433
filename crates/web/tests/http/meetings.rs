//! Meetings of civic dialogue bodies through HTTP: a secretary plans them, tables documents,
//! invites the members, records who came and keeps the minutes; the body's page, each
//! meeting's page, the series page and the calendar feed show them; only those present
//! amend the draft minutes, and nothing of another body's is within a secretary's reach.

use crate::harness::{Client, Resp, TestApp};
use agora_db::audit::AuditEntry;
use agora_db::reference::{self, NamedKind};
use agora_db::{bodies, meetings};
use agora_domain::body::{Account, BodyForm, MembershipForm};
use agora_domain::permission::Grant;
use agora_domain::reference::{NamedInput, UnitInput};
use axum::http::StatusCode;
use chrono::{Duration, Utc};

fn entry() -> AuditEntry {
    AuditEntry {
        actor_id: None,
        actor_label: "test".into(),
        action: "test.setup",
        entity: "meeting",
        details: String::new(),
    }
}

/// Two bodies, a secretary of the first, and its members.
struct Setup {
    krdpp: i64,
    youth: i64,
    secretary: Client,
}

async fn body(app: &TestApp, name: &str, slug: &str, unit: i64, theme: i64) -> i64 {
    let f = BodyForm {
        name_pl: name.into(),
        slug: slug.into(),
        kind: "other".into(),
        units: vec![unit.to_string()],
        categories: vec![theme.to_string()],
        ..BodyForm::default()
    };
    bodies::save(app.db(), None, &f.parse(&[unit], &[theme]).unwrap(), &entry()).await.unwrap()
}

async fn setup(app: &TestApp) -> Setup {
    let unit = UnitInput::parse("SO", "Wydział ds. Społeczeństwa Obywatelskiego", "", "").unwrap();
    let so = reference::save_unit(app.db(), None, &unit, &entry()).await.unwrap();
    let theme =
        reference::save_named(app.db(), NamedKind::Category, None, &NamedInput::parse("NGO", "").unwrap(), &entry())
            .await
            .unwrap();
    let krdpp = body(app, "Krakowska Rada Działalności Pożytku Publicznego", "krdpp", so, theme).await;
    let youth = body(app, "Młodzieżowa Rada Krakowa", "mlodziezowa-rada-krakowa", so, theme).await;
    let secretary = app.signed_in("sekretarz@example.pl", &[Grant::BodySecretary(krdpp)]).await;
    Setup { krdpp, youth, secretary }
}

/// Adds a membership; `account` is the e-mail of an existing account, or "".
async fn member(app: &TestApp, body: i64, name: &str, voting: bool, account: &str, from: &str, to: &str) {
    let found = match account {
        "" => Account::NotGiven,
        e => Account::Found(agora_db::users::by_email(app.db(), e).await.unwrap().unwrap().id),
    };
    let f = MembershipForm {
        name: name.into(),
        role: if voting { "member".into() } else { "observer".into() },
        voting: voting.then(|| "yes".into()),
        starts_on: from.into(),
        ends_on: to.into(),
        ..MembershipForm::default()
    };
    bodies::add_membership(app.db(), body, &f.parse(&[], found).unwrap(), &entry()).await.unwrap();
}

fn local(t: chrono::DateTime<Utc>) -> String {
    t.with_timezone(&chrono_tz::Europe::Warsaw).format("%Y-%m-%dT%H:%M").to_string()
}

/// Creates a meeting of `body` `days` from now and returns its id.
async fn meeting(c: &mut Client, body: i64, title: &str, days: i64) -> i64 {
    let start = Utc::now() + Duration::days(days);
    let (s, e) = (local(start), local(start + Duration::hours(2)));
    let fields = [
        ("title", title),
        ("meeting_starts_at", s.as_str()),
        ("meeting_ends_at", e.as_str()),
        ("meeting_place", "Urząd Miasta, sala 201"),
    ];
    let r = c.post(&format!("/admin/ciala-dialogu/{body}/posiedzenia"), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    r.location().rsplit('/').next().unwrap().split('?').next().unwrap().parse().unwrap()
}

fn section(r: &Resp, id: &str) -> String {
    let start = r.body.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id} in {}", r.body));
    let end = r.body[start..].find("</ul>").map_or(r.body.len(), |e| e + start);
    r.body[start..end].to_owned()
}

#[tokio::test]
async fn the_body_page_and_the_meeting_page_list_meetings_never_stale() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let mut visitor = app.client();
    let before = visitor.get("/ciala-dialogu/krdpp").await;
    assert!(before.text().contains("Nie zaplanowano kolejnych posiedzeń."), "kept in memory from here");

    let next = meeting(&mut s.secretary, s.krdpp, "Posiedzenie nr 13", 10).await;
    let last = meeting(&mut s.secretary, s.krdpp, "Posiedzenie nr 12", -20).await;
    let page = visitor.get("/ciala-dialogu/krdpp").await;
    assert!(section(&page, "upcoming-meetings").contains("Posiedzenie nr 13"), "never stale after the change");
    assert!(section(&page, "past-meetings").contains("Posiedzenie nr 12"));
    assert!(page.body.contains(&format!("href=\"/ciala-dialogu/krdpp/posiedzenia/{next}\"")));

    let m = visitor.get(&format!("/ciala-dialogu/krdpp/posiedzenia/{last}")).await;
    assert_eq!(m.status, StatusCode::OK);
    let text = m.text();
    assert!(text.contains("Posiedzenie nr 12") && text.contains("Urząd Miasta, sala 201"), "{text}");
    assert!(text.contains("Protokół nie został jeszcze sporządzony."));

    // An edit shows at once on the meeting's page that was kept.
    let path = format!("/admin/ciala-dialogu/{}/posiedzenia/{last}", s.krdpp);
    let r = s.secretary.get(&path).await;
    assert_eq!(r.status, StatusCode::OK);
    let starts = r.input_value("meeting_starts_at").unwrap();
    let ends = r.input_value("meeting_ends_at").unwrap();
    let fields = [
        ("title", "Posiedzenie nr 12 (nadzwyczajne)"),
        ("meeting_starts_at", starts.as_str()),
        ("meeting_ends_at", ends.as_str()),
        ("meeting_online_url", "https://spotkania.example.org/krdpp"),
        ("amendment_days", "14"),
    ];
    assert_eq!(s.secretary.post(&path, &fields).await.status, StatusCode::SEE_OTHER);
    let m = visitor.get(&format!("/ciala-dialogu/krdpp/posiedzenia/{last}")).await;
    assert!(
        m.text().contains("Posiedzenie nr 12 (nadzwyczajne)") && m.body.contains("https://spotkania.example.org/krdpp")
    );

    // Bad input: every problem named, what was typed kept, nothing stored.
    let bad = [("title", "Posiedzenie z błędami"), ("meeting_starts_at", "jutro"), ("amendment_days", "99")];
    let r = s.secretary.post(&format!("/admin/ciala-dialogu/{}/posiedzenia", s.krdpp), &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.field_error("meeting_place").as_deref(),
        Some("Podaj miejsce posiedzenia albo link do posiedzenia online.")
    );
    assert_eq!(r.field_error("amendment_days").as_deref(), Some("Wpisz liczbę dni od 1 do 60."));
    assert!(r.field_error("meeting_starts_at").is_some() && r.field_error("meeting_ends_at").is_some());
    assert!(r.text().contains("Miejsce: Podaj miejsce posiedzenia"), "the summary names the field");
    assert_eq!(r.input_value("title").as_deref(), Some("Posiedzenie z błędami"));
    assert_eq!(meetings::for_body(app.db(), s.krdpp).await.unwrap().len(), 2);
    assert_eq!(visitor.get("/ciala-dialogu/krdpp/posiedzenia/999999").await.status, StatusCode::NOT_FOUND);
    let other = format!("/ciala-dialogu/mlodziezowa-rada-krakowa/posiedzenia/{last}");
    assert_eq!(visitor.get(&other).await.status, StatusCode::NOT_FOUND, "a meeting lives under its own body");
}

#[tokio::test]
async fn the_quorum_counts_voting_members_present_on_the_day_and_former_members_stay() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let day = (Utc::now() - Duration::days(5)).date_naive();
    let long_ago = (day - Duration::days(400)).to_string();
    for name in ["Anna Nowak", "Jan Kowalski", "Ewa Lis", "Piotr Zając"] {
        member(&app, s.krdpp, name, true, "", &long_ago, "").await;
    }
    member(&app, s.krdpp, "Olga Obserwatorka", false, "", &long_ago, "").await;
    // Left before the meeting: not on its list.
    member(&app, s.krdpp, "Marek Dawny", true, "", &long_ago, &(day - Duration::days(30)).to_string()).await;
    let mid = meeting(&mut s.secretary, s.krdpp, "Posiedzenie nr 7", -5).await;
    let path = format!("/admin/ciala-dialogu/{}/posiedzenia/{mid}", s.krdpp);
    let page = s.secretary.get(&path).await;
    assert!(!page.text().contains("Marek Dawny"), "not a member on the day");
    let ids: std::collections::HashMap<String, i64> =
        bodies::memberships(app.db(), s.krdpp).await.unwrap().into_iter().map(|m| (m.person_name, m.id)).collect();
    let id = |n: &str| ids[n].to_string();

    let (anna, jan, olga) = (id("Anna Nowak"), id("Jan Kowalski"), id("Olga Obserwatorka"));
    let fields = [("present", anna.as_str()), ("present", jan.as_str()), ("present", olga.as_str())];
    let r = s.secretary.post(&format!("{path}/obecnosc"), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let public = format!("/ciala-dialogu/krdpp/posiedzenia/{mid}");
    let text = app.client().get(&public).await.text();
    assert!(
        text.contains("Brak kworum: obecnych 2 z 4 członków z prawem głosu (wymagane co najmniej 3)."),
        "half of the voting members is not a quorum, and the observer does not count: {text}"
    );

    let ewa = id("Ewa Lis");
    let fields = [("present", anna.as_str()), ("present", jan.as_str()), ("present", ewa.as_str())];
    assert_eq!(s.secretary.post(&format!("{path}/obecnosc"), &fields).await.status, StatusCode::SEE_OTHER);
    let text = app.client().get(&public).await.text();
    assert!(text.contains("Kworum jest: obecnych 3 z 4 członków z prawem głosu"), "{text}");

    // Anna leaves the body later; she stays on the meeting she attended.
    let end = [("ends_on", (day + Duration::days(1)).to_string())];
    let end: Vec<(&str, &str)> = end.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = s.secretary.post(&format!("/admin/ciala-dialogu/{}/czlonkowie/{anna}/koniec", s.krdpp), &end).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let text = app.client().get(&public).await.text();
    assert!(text.contains("Anna Nowak — obecność"), "{text}");

    // A membership of another meeting's day or body cannot be ticked.
    let r = s.secretary.post(&format!("{path}/obecnosc"), &[("present", "999999")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// A past meeting of KRDPP with Anna (an account) present and Jan (an account) absent.
async fn attended_meeting(app: &TestApp, s: &mut Setup) -> (i64, Client, Client) {
    let anna = app.signed_in("anna@example.pl", &[]).await;
    let jan = app.signed_in("jan@example.pl", &[]).await;
    let from = (Utc::now() - Duration::days(100)).date_naive().to_string();
    member(app, s.krdpp, "Anna Nowak", true, "anna@example.pl", &from, "").await;
    member(app, s.krdpp, "Jan Kowalski", true, "jan@example.pl", &from, "").await;
    let mid = meeting(&mut s.secretary, s.krdpp, "Posiedzenie nr 3", -2).await;
    let anna_id = bodies::memberships(app.db(), s.krdpp)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.person_name == "Anna Nowak")
        .unwrap()
        .id;
    let r = s
        .secretary
        .post(
            &format!("/admin/ciala-dialogu/{}/posiedzenia/{mid}/obecnosc", s.krdpp),
            &[("present", &anna_id.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    (mid, anna, jan)
}

#[tokio::test]
async fn minutes_go_from_draft_through_amendments_by_those_present_to_final_with_every_version_kept() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let (mid, mut anna, mut jan) = attended_meeting(&app, &mut s).await;
    let admin = format!("/admin/ciala-dialogu/{}/posiedzenia/{mid}", s.krdpp);
    let amend = format!("/ciala-dialogu/krdpp/posiedzenia/{mid}/poprawki");
    let public = format!("/ciala-dialogu/krdpp/posiedzenia/{mid}");
    let mut visitor = app.client();
    assert!(visitor.get(&public).await.text().contains("Protokół nie został jeszcze sporządzony."));

    let r = anna.post(&amend, &[("amendment_text", "Proszę dopisać mój wniosek.")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "no draft yet");
    assert_eq!(r.field_error("amendment_text").as_deref(), Some("Projekt protokołu nie został jeszcze udostępniony."));

    let r = s
        .secretary
        .post(
            &format!("{admin}/protokol"),
            &[("minutes_text", "Posiedzenie otworzyła przewodnicząca. Przyjęto porządek obrad.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = visitor.get(&public).await;
    assert!(page.text().contains("Projekt protokołu · wersja 1"), "the draft is public as a draft, never stale");
    let page = anna.get(&public).await;
    assert!(page.body.contains(&format!("href=\"{amend}\"")), "those present are offered the amendment form");

    // Jan was absent: refused with a clear message, his text kept.
    let r = jan.post(&amend, &[("amendment_text", "Nie było mnie, ale mam uwagi.")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        r.field_error("amendment_text").as_deref(),
        Some("Poprawki do protokołu mogą zgłaszać tylko osoby obecne na posiedzeniu.")
    );
    assert!(r.body.contains("Nie było mnie, ale mam uwagi."));
    let mut resident = app.signed_in("mieszkanka@example.pl", &[]).await;
    assert_eq!(resident.post(&amend, &[("amendment_text", "Chcę coś zmienić.")]).await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.client().post(&amend, &[("amendment_text", "x")]).await.status,
        StatusCode::SEE_OTHER,
        "sign in first"
    );
    let r = anna.post(&amend, &[("amendment_text", "ok")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    let r =
        anna.post(&amend, &[("amendment_text", "W punkcie 2 proszę dopisać, że wniosek przyjęto jednogłośnie.")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(
        meetings::amendments(app.db(), mid)
            .await
            .unwrap()
            .iter()
            .any(|a| a.text.contains("jednogłośnie") && a.version == 1)
    );

    let r = s
        .secretary
        .post(
            &format!("{admin}/protokol"),
            &[("minutes_text", "Posiedzenie otworzyła przewodnicząca. Wniosek przyjęto jednogłośnie.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let final_text = "Posiedzenie otworzyła przewodnicząca. Wniosek przyjęto jednogłośnie. Protokół przyjęto.";
    let r = s.secretary.post(&format!("{admin}/protokol"), &[("minutes_text", final_text), ("finalise", "yes")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = visitor.get(&public).await.text();
    assert!(page.contains("Protokół przyjęty · wersja 3") && page.contains("Protokół przyjęto."), "{page}");

    let versions = meetings::minutes(app.db(), mid).await.unwrap();
    assert_eq!(versions.iter().map(|v| v.version).collect::<Vec<_>>(), vec![3, 2, 1], "every version kept");
    let staff = s.secretary.get(&admin).await;
    assert!(
        staff.text().contains("wersja 1") && staff.text().contains("wersja 2") && staff.text().contains("jednogłośnie")
    );

    let r = s.secretary.post(&format!("{admin}/protokol"), &[("minutes_text", "Zmiana po przyjęciu protokołu.")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.field_error("minutes_text").as_deref(),
        Some("Protokół jest już ostateczny; nie można dodać nowej wersji.")
    );
    assert_eq!(meetings::minutes(app.db(), mid).await.unwrap().len(), 3);
    let r = anna.post(&amend, &[("amendment_text", "Jeszcze jedna poprawka.")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.field_error("amendment_text").as_deref(),
        Some("Protokół został już przyjęty; nie można zgłaszać poprawek.")
    );
}

#[tokio::test]
async fn an_agenda_item_pointing_at_another_bodys_document_is_refused() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let mid = meeting(&mut s.secretary, s.krdpp, "Posiedzenie nr 4", 7).await;
    let r = s
        .secretary
        .post(
            &format!("/admin/ciala-dialogu/{}/dokumenty", s.krdpp),
            &[("doc_title", "Projekt programu współpracy"), ("doc_url", "https://example.org/program.pdf")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = s
        .secretary
        .post(&format!("/admin/ciala-dialogu/{}/dokumenty", s.krdpp), &[("doc_title", "X"), ("doc_url", "ftp://x")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("doc_url").is_some() && r.field_error("doc_title").is_some());
    let own = meetings::documents(app.db(), s.krdpp).await.unwrap()[0].id;
    let input = agora_domain::meeting::DocumentForm {
        doc_title: "Regulamin MRK".into(),
        doc_url: "https://example.org/mrk.pdf".into(),
    };
    let theirs = meetings::add_document(app.db(), s.youth, &input.parse().unwrap(), &entry()).await.unwrap();

    let path = format!("/admin/ciala-dialogu/{}/posiedzenia/{mid}/porzadek", s.krdpp);
    let link = format!("document:{theirs}");
    let r = s.secretary.post(&path, &[("agenda_title", "Regulamin innej rady"), ("agenda_link", &link)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.field_error("agenda_link").as_deref(),
        Some(
            "Ten dokument należy do innego ciała dialogu. Do porządku obrad można dodać tylko dokumenty tego ciała dialogu."
        )
    );
    assert_eq!(r.input_value("agenda_title").as_deref(), Some("Regulamin innej rady"));
    assert!(meetings::agenda(app.db(), mid).await.unwrap().is_empty(), "nothing stored");
    for junk in ["document:999999", "opinion:abc", "poll:1"] {
        let r = s.secretary.post(&path, &[("agenda_title", "Punkt"), ("agenda_link", junk)]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{junk}");
    }

    let link = format!("document:{own}");
    assert_eq!(
        s.secretary.post(&path, &[("agenda_title", "Otwarcie posiedzenia")]).await.status,
        StatusCode::SEE_OTHER
    );
    let r = s.secretary.post(&path, &[("agenda_title", "Opinia o programie współpracy"), ("agenda_link", &link)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.client().get(&format!("/ciala-dialogu/krdpp/posiedzenia/{mid}")).await;
    let agenda = section(&page, "agenda");
    let first = agenda.find("Otwarcie posiedzenia").unwrap();
    let second = agenda.find("Opinia o programie współpracy").unwrap();
    assert!(first < second, "in order: {agenda}");
    assert!(agenda.contains("href=\"https://example.org/program.pdf\""));

    // The secretary puts the opinion first; the first item has nowhere to go.
    let items = meetings::agenda(app.db(), mid).await.unwrap();
    let up = |item: i64| format!("/admin/ciala-dialogu/{}/posiedzenia/{mid}/porzadek/{item}/wyzej", s.krdpp);
    assert_eq!(s.secretary.post(&up(items[1].id), &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(s.secretary.post(&up(items[1].id), &[]).await.status, StatusCode::SEE_OTHER);
    let order: Vec<String> = meetings::agenda(app.db(), mid).await.unwrap().into_iter().map(|a| a.title).collect();
    assert_eq!(order, vec!["Opinia o programie współpracy", "Otwarcie posiedzenia"]);
    let page = app.client().get(&format!("/ciala-dialogu/krdpp/posiedzenia/{mid}")).await;
    let agenda = section(&page, "agenda");
    assert!(agenda.find("Opinia o programie").unwrap() < agenda.find("Otwarcie posiedzenia").unwrap(), "never stale");
}

#[tokio::test]
async fn a_secretary_of_another_body_gets_403_and_everything_is_audited() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let mid = meeting(&mut s.secretary, s.krdpp, "Posiedzenie nr 5", 3).await;
    let mut other = app.signed_in("sekretarz.mrk@example.pl", &[Grant::BodySecretary(s.youth)]).await;
    let base = format!("/admin/ciala-dialogu/{}/posiedzenia", s.krdpp);
    for path in [base.clone(), format!("{base}/{mid}")] {
        assert_eq!(other.get(&path).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    let minutes = [("minutes_text", "Protokół pisany przez obcego.")];
    for path in [
        format!("{base}/{mid}/protokol"),
        format!("{base}/{mid}/obecnosc"),
        format!("{base}/{mid}/zaproszenia"),
        format!("{base}/{mid}/porzadek"),
    ] {
        assert_eq!(other.post(&path, &minutes).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert!(meetings::minutes(app.db(), mid).await.unwrap().is_empty());
    // Their own body's address does not reach this body's meeting either.
    let wrong = format!("/admin/ciala-dialogu/{}/posiedzenia/{mid}", s.youth);
    assert_eq!(other.get(&wrong).await.status, StatusCode::NOT_FOUND);
    let mut resident = app.signed_in("mieszkaniec@example.pl", &[]).await;
    assert_eq!(resident.get(&base).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.client().get(&base).await.status, StatusCode::SEE_OTHER);

    let audit = agora_db::audit::list(app.db(), &Default::default(), 50, 0).await.unwrap().items;
    assert!(audit.iter().any(|e| e.action == "meeting.create" && e.details.contains("Posiedzenie nr 5")));
}

#[tokio::test]
async fn invitations_go_to_the_members_of_the_day_in_their_own_language() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let from = (Utc::now() - Duration::days(100)).date_naive().to_string();
    let gone = (Utc::now() - Duration::days(10)).date_naive().to_string();
    for (email, locale) in [("anna@example.pl", "pl"), ("john@example.org", "en"), ("dawny@example.pl", "pl")] {
        let id = app.user(email, &[]).await;
        agora_db::users::set_profile(app.db(), id, "Test User", locale).await.unwrap();
    }
    member(&app, s.krdpp, "Anna Nowak", true, "anna@example.pl", &from, "").await;
    member(&app, s.krdpp, "John Smith", false, "john@example.org", &from, "").await;
    member(&app, s.krdpp, "Marek Dawny", true, "dawny@example.pl", &from, &gone).await;
    member(&app, s.krdpp, "Ewa Bez Konta", true, "", &from, "").await;
    let mid = meeting(&mut s.secretary, s.krdpp, "Posiedzenie nr 9", 14).await;
    let r = s.secretary.post(&format!("/admin/ciala-dialogu/{}/posiedzenia/{mid}/zaproszenia", s.krdpp), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mail = app.mail().await;
    let to: Vec<&str> = mail.iter().map(|m| m.to.as_str()).collect();
    assert!(to.contains(&"anna@example.pl") && to.contains(&"john@example.org"), "{to:?}");
    assert!(!to.contains(&"dawny@example.pl"), "a former member is not invited");
    let pl = app.last_mail_to("anna@example.pl").await;
    assert!(
        pl.subject.starts_with("Zaproszenie: Posiedzenie nr 9") && pl.body.contains("Dzień dobry, Anna Nowak!"),
        "{pl:?}"
    );
    assert!(pl.body.contains(&format!("/ciala-dialogu/krdpp/posiedzenia/{mid}")));
    let en = app.last_mail_to("john@example.org").await;
    assert!(en.subject.starts_with("Invitation: Posiedzenie nr 9") && en.body.contains("Hello John Smith,"), "{en:?}");
    let staff = s.secretary.get(&format!("/admin/ciala-dialogu/{}/posiedzenia/{mid}", s.krdpp)).await;
    assert!(staff.text().contains("Zaproszenia wysłano"));
}

#[tokio::test]
async fn the_calendar_feed_lists_the_bodys_meetings() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let mid = meeting(&mut s.secretary, s.krdpp, "Posiedzenie nr 11", 20).await;
    let (status, ct, bytes) = app.client().get_bytes("/ciala-dialogu/krdpp/posiedzenia.ics").await;
    assert_eq!(status, StatusCode::OK);
    assert!(ct.starts_with("text/calendar"), "{ct}");
    let ics = String::from_utf8(bytes).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR") && ics.contains("BEGIN:VEVENT"), "{ics}");
    assert!(ics.contains("SUMMARY:Posiedzenie nr 11") && ics.contains(&format!("UID:meeting-{mid}@")));
    assert!(ics.contains("LOCATION:Urząd Miasta\\, sala 201"), "{ics}");
    assert!(ics.contains(&format!("/ciala-dialogu/krdpp/posiedzenia/{mid}")));
    assert_eq!(app.client().get("/ciala-dialogu/nie-ma/posiedzenia.ics").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_series_meeting_shows_on_every_participant_bodys_page() {
    let app = TestApp::new().await;
    let mut s = setup(&app).await;
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let (k, y) = (s.krdpp.to_string(), s.youth.to_string());
    let r = admin.post("/admin/cykle-posiedzen", &[("name_pl", "Forum Dialogu"), ("bodies", &k)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("bodies").as_deref(), Some("Wybierz co najmniej dwa ciała dialogu."));
    assert_eq!(r.input_value("name_pl").as_deref(), Some("Forum Dialogu"));
    let r = admin.post("/admin/cykle-posiedzen", &[("name_pl", "Forum Dialogu"), ("bodies", &k), ("bodies", &y)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(s.secretary.get("/admin/cykle-posiedzen").await.status, StatusCode::FORBIDDEN);
    let series = meetings::all_series(app.db()).await.unwrap()[0].id.to_string();

    let mut youth_page = app.client();
    assert!(youth_page.get("/ciala-dialogu/mlodziezowa-rada-krakowa").await.status.is_success());
    let start = Utc::now() + Duration::days(30);
    let (st, en) = (local(start), local(start + Duration::hours(3)));
    let fields = [
        ("title", "Forum Dialogu — sesja wiosenna"),
        ("meeting_starts_at", st.as_str()),
        ("meeting_ends_at", en.as_str()),
        ("meeting_place", "Pałac Wielopolskich"),
        ("series_id", series.as_str()),
    ];
    let r = s.secretary.post(&format!("/admin/ciala-dialogu/{}/posiedzenia", s.krdpp), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let page = youth_page.get("/ciala-dialogu/mlodziezowa-rada-krakowa").await;
    let list = section(&page, "upcoming-meetings");
    assert!(list.contains("Forum Dialogu — sesja wiosenna") && list.contains("Krakowska Rada"), "{list}");
    let series_page = app.client().get("/cykle-posiedzen/forum-dialogu").await;
    assert!(
        series_page.text().contains("Forum Dialogu — sesja wiosenna")
            && series_page.text().contains("Młodzieżowa Rada Krakowa")
    );
}
