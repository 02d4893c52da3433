//! Civic dialogue bodies: the public list and pages, and the staff pages where administrators
//! and each body's secretary keep a body's data, terms and members.

use crate::harness::{Resp, TestApp};
use agora_db::audit::AuditEntry;
use agora_db::bodies;
use agora_db::reference::{self, NamedKind};
use agora_domain::body::{Account, BodyForm, MembershipForm};
use agora_domain::permission::Grant;
use agora_domain::reference::{NamedInput, UnitInput};
use axum::http::StatusCode;

fn entry() -> AuditEntry {
    AuditEntry {
        actor_id: None,
        actor_label: "test".into(),
        action: "test.setup",
        entity: "dialogue_body",
        details: String::new(),
    }
}

/// Three bodies of three kinds, each with one theme, attached to one department.
struct Bodies {
    krdpp: i64,
    youth: i64,
    ecology: i64,
    ngo_theme: i64,
    green_theme: i64,
}

pub async fn category(app: &TestApp, name: &str) -> i64 {
    let n = NamedInput::parse(name, "").unwrap();
    reference::save_named(app.db(), NamedKind::Category, None, &n, &entry()).await.unwrap()
}

pub async fn body(app: &TestApp, name: &str, slug: &str, kind: &str, unit: i64, theme: i64) -> i64 {
    let f = BodyForm {
        name_pl: name.into(),
        slug: slug.into(),
        kind: kind.into(),
        about: format!("{name} doradza **miastu**."),
        legal_basis: "art. 41a ustawy o działalności pożytku publicznego i o wolontariacie".into(),
        contact: "dialog@example.org".into(),
        units: vec![unit.to_string()],
        categories: vec![theme.to_string()],
        ..BodyForm::default()
    };
    let input = f.parse(&[unit], &[theme]).unwrap();
    bodies::save(app.db(), None, &input, &entry()).await.unwrap()
}

async fn setup(app: &TestApp) -> Bodies {
    let unit = UnitInput::parse("SO", "Wydział ds. Społeczeństwa Obywatelskiego", "", "").unwrap();
    let so = reference::save_unit(app.db(), None, &unit, &entry()).await.unwrap();
    let ngo_theme = category(app, "Organizacje pozarządowe").await;
    let school_theme = category(app, "Edukacja").await;
    let green_theme = category(app, "Zieleń i środowisko").await;
    Bodies {
        krdpp: body(
            app,
            "Krakowska Rada Działalności Pożytku Publicznego",
            "krdpp",
            "public_benefit_council",
            so,
            ngo_theme,
        )
        .await,
        youth: body(app, "Młodzieżowa Rada Krakowa", "mlodziezowa-rada-krakowa", "youth_council", so, school_theme)
            .await,
        ecology: body(app, "Komisja Dialogu Obywatelskiego ds. Ekologii", "kdo-ekologia", "kdo", so, green_theme).await,
        ngo_theme,
        green_theme,
    }
}

/// Adds a membership straight to the database, as the demo data does.
async fn member(app: &TestApp, body: i64, name: &str, role: &str, from: &str, to: &str) {
    let f = MembershipForm {
        name: name.into(),
        role: role.into(),
        voting: Some("yes".into()),
        organisation: "Stowarzyszenie Przykładowe".into(),
        starts_on: from.into(),
        ends_on: to.into(),
        ..MembershipForm::default()
    };
    let input = f.parse(&[], Account::NotGiven).unwrap();
    bodies::add_membership(app.db(), body, &input, &entry()).await.unwrap();
}

/// The HTML from the element with `id` to the end of its table.
fn table(r: &Resp, id: &str) -> String {
    let start = r.body.find(&format!("id=\"{id}\"")).unwrap_or_else(|| panic!("no #{id} in {}", r.body));
    let end = r.body[start..].find("</table>").unwrap() + start;
    r.body[start..end].to_owned()
}

#[tokio::test]
async fn the_public_list_filters_by_type_and_theme_without_javascript() {
    let app = TestApp::new().await;
    let b = setup(&app).await;
    let mut visitor = app.client();
    let home = visitor.get("/").await;
    assert!(home.body.contains("href=\"/ciala-dialogu\""), "linked from the menu and the home page");
    assert!(home.text().contains("Zobacz ciała dialogu obywatelskiego"));

    let r = visitor.get("/ciala-dialogu").await;
    assert_eq!(r.status, StatusCode::OK);
    let text = r.text();
    assert!(text.contains("3 ciała dialogu"), "{text}");
    assert!(
        text.contains("Krakowska Rada Działalności Pożytku Publicznego") && text.contains("Młodzieżowa Rada Krakowa")
    );
    assert!(r.body.contains("<form method=\"get\" action=\"/ciala-dialogu\""), "a plain GET form");

    let r = visitor.get("/ciala-dialogu?rodzaj=kdo").await;
    let text = r.text();
    assert!(text.contains("1 ciało dialogu") && text.contains("Komisja Dialogu Obywatelskiego ds. Ekologii"), "{text}");
    assert!(!text.contains("Młodzieżowa Rada Krakowa"));
    assert!(r.body.contains("<option value=\"kdo\" selected>"), "the chosen filter stays chosen");

    let r = visitor.get(&format!("/ciala-dialogu?temat={}", b.ngo_theme)).await;
    let text = r.text();
    assert!(text.contains("Krakowska Rada Działalności Pożytku Publicznego") && !text.contains("ds. Ekologii"));
    let r = visitor.get(&format!("/ciala-dialogu?rodzaj=kdo&temat={}", b.ngo_theme)).await;
    assert!(r.text().contains("Żadne ciało dialogu nie pasuje"));
    let r = visitor.get(&format!("/ciala-dialogu?rodzaj=youth_council&temat={}", b.green_theme)).await;
    assert!(r.text().contains("0 ciał dialogu"));

    let r = visitor.get("/ciala-dialogu?rodzaj=klub&temat=abc").await;
    assert_eq!(r.status, StatusCode::OK, "an unknown filter value lists everything");
    assert!(r.text().contains("3 ciała dialogu"));
    assert_eq!(visitor.get("/ciala-dialogu/nie-ma-takiego").await.status, StatusCode::NOT_FOUND);
    let _ = (b.krdpp, b.youth, b.ecology);
}

#[tokio::test]
async fn a_body_page_lists_current_members_apart_from_former_ones() {
    let app = TestApp::new().await;
    let b = setup(&app).await;
    member(&app, b.krdpp, "Anna Kowalska", "chair", "2024-05-01", "").await;
    member(&app, b.krdpp, "Jan Nowak", "member", "2024-05-01", "2099-12-31").await;
    member(&app, b.krdpp, "Zofia Dawna", "chair", "2020-05-01", "2024-04-30").await;
    member(&app, b.youth, "Ola Inna", "chair", "2024-05-01", "").await;

    let r = app.client().get("/ciala-dialogu/krdpp").await;
    assert_eq!(r.status, StatusCode::OK);
    let text = r.text();
    assert!(text.contains("Rada Działalności Pożytku Publicznego"), "the type");
    assert!(text.contains("art. 41a ustawy o działalności pożytku publicznego"), "the legal basis");
    assert!(text.contains("Wydział ds. Społeczeństwa Obywatelskiego") && text.contains("Organizacje pozarządowe"));
    assert!(r.body.contains("<strong>miastu</strong>"), "about is Markdown");
    let current = table(&r, "current-members");
    assert!(current.contains("Anna Kowalska") && current.contains("Jan Nowak"), "{current}");
    assert!(current.find("Anna Kowalska") < current.find("Jan Nowak"), "the chair first");
    assert!(current.contains("Przewodniczący(-a)") && current.contains("Stowarzyszenie Przykładowe"));
    assert!(!current.contains("Zofia Dawna"), "a former member is not in the current list");
    assert!(!r.body.contains("Ola Inna"), "members of another body");
    let former = table(&r, "former-members");
    assert!(former.contains("Zofia Dawna") && former.contains("30 kwietnia 2024"), "{former}");
    assert!(!former.contains("Anna Kowalska"));

    let en = app.client().with_header("accept-language", "en").get("/ciala-dialogu/krdpp").await;
    assert!(en.text().contains("Current members") && en.text().contains("Chair"));
}

#[tokio::test]
async fn a_secretary_keeps_their_own_body_and_no_other() {
    let app = TestApp::new().await;
    let b = setup(&app).await;
    let mut sec = app.signed_in("sekretarz@example.pl", &[Grant::BodySecretary(b.krdpp)]).await;
    let mut visitor = app.client();
    assert!(visitor.get("/ciala-dialogu/krdpp").await.text().contains("doradza miastu"), "kept in memory from here");

    let r = sec.get(&format!("/admin/ciala-dialogu/{}", b.krdpp)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("name=\"about\"") && !r.body.contains("name=\"slug\""), "only what is theirs to edit");
    let r = sec
        .post(
            &format!("/admin/ciala-dialogu/{}", b.krdpp),
            &[
                ("name_pl", "Przejęta nazwa"),
                ("slug", "przejete"),
                ("kind", "other"),
                ("about", "Nowy opis rady."),
                ("contact", "krdpp@example.org"),
                ("statute_url", "https://www.example.org/regulamin-krdpp.pdf"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let stored = bodies::by_id(app.db(), b.krdpp).await.unwrap().unwrap();
    assert_eq!(
        (stored.name_pl.as_str(), stored.slug.as_str(), stored.about.as_str(), stored.contact.as_deref()),
        ("Krakowska Rada Działalności Pożytku Publicznego", "krdpp", "Nowy opis rady.", Some("krdpp@example.org"))
    );
    let page = visitor.get("/ciala-dialogu/krdpp").await;
    assert!(page.text().contains("Nowy opis rady.") && page.body.contains("regulamin-krdpp.pdf"), "never stale");

    let r = sec.post(&format!("/admin/ciala-dialogu/{}", b.krdpp), &[("about", "x"), ("statute_url", "ftp://x")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("statute_url").as_deref(), Some("Wpisz pełny adres zaczynający się od https://"));

    let other = b.youth;
    for path in [
        format!("/admin/ciala-dialogu/{other}"),
        format!("/admin/ciala-dialogu/{other}/czlonkowie"),
        "/admin/ciala-dialogu".to_owned(),
        "/admin/ciala-dialogu/nowe".to_owned(),
    ] {
        assert_eq!(sec.get(&path).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    let r = sec.post(&format!("/admin/ciala-dialogu/{other}"), &[("about", "Przejęte")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let fields = [("name", "Intruz Obcy"), ("role", "member"), ("starts_on", "2025-01-01")];
    assert_eq!(
        sec.post(&format!("/admin/ciala-dialogu/{other}/czlonkowie"), &fields).await.status,
        StatusCode::FORBIDDEN
    );
    let term = [("term_name", "2025–2029"), ("term_starts_on", "2025-01-01"), ("term_ends_on", "2029-01-01")];
    assert_eq!(sec.post(&format!("/admin/ciala-dialogu/{other}/kadencje"), &term).await.status, StatusCode::FORBIDDEN);
    assert!(bodies::memberships(app.db(), other).await.unwrap().is_empty());
    assert_eq!(
        bodies::by_id(app.db(), other).await.unwrap().unwrap().about,
        "Młodzieżowa Rada Krakowa doradza **miastu**."
    );

    // Their own body's members and terms are theirs to keep.
    let r = sec.post(&format!("/admin/ciala-dialogu/{}/kadencje", b.krdpp), &term).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let r = sec.post(&format!("/admin/ciala-dialogu/{}/czlonkowie", b.krdpp), &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let mine = bodies::memberships(app.db(), b.krdpp).await.unwrap();
    assert_eq!(mine.len(), 1);
    // A membership of their body cannot be reached through another body's address.
    let wrong = format!("/admin/ciala-dialogu/{other}/czlonkowie/{}/koniec", mine[0].id);
    assert_eq!(sec.get(&wrong).await.status, StatusCode::FORBIDDEN);

    let log = agora_db::audit::list(
        app.db(),
        &agora_db::audit::AuditFilter {
            actor_id: None,
            action_prefix: Some("body_".into()),
            entity: None,
            from: None,
            until: None,
        },
        10,
        0,
    )
    .await
    .unwrap();
    assert_eq!(log.total, 2, "the term and the membership are in the audit log");
}

#[tokio::test]
async fn a_membership_ending_before_it_starts_is_refused_with_the_form_kept() {
    let app = TestApp::new().await;
    let b = setup(&app).await;
    let mut sec = app.signed_in("sekretarz@example.pl", &[Grant::BodySecretary(b.ecology)]).await;
    let path = format!("/admin/ciala-dialogu/{}/czlonkowie", b.ecology);
    let r = sec
        .post(
            &path,
            &[
                ("name", "Anna Kowalska"),
                ("role", "vice_chair"),
                ("voting", "yes"),
                ("organisation", "Fundacja Zielony Kraków"),
                ("starts_on", "2025-03-01"),
                ("ends_on", "2025-02-28"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.field_error("ends_on").as_deref(),
        Some("Koniec członkostwa nie może być wcześniejszy niż jego początek.")
    );
    assert!(r.text().contains("Koniec członkostwa: Koniec członkostwa nie może"), "the summary names the field");
    assert_eq!(r.input_value("name").as_deref(), Some("Anna Kowalska"));
    assert_eq!(r.input_value("organisation").as_deref(), Some("Fundacja Zielony Kraków"));
    assert_eq!(r.input_value("ends_on").as_deref(), Some("2025-02-28"));
    assert!(r.body.contains("<option value=\"vice_chair\" selected>"));
    assert!(bodies::memberships(app.db(), b.ecology).await.unwrap().is_empty(), "nothing stored");

    // Ending one later on the wrong side of its start is refused the same way.
    let r = sec.post(&path, &[("name", "Anna Kowalska"), ("role", "member"), ("starts_on", "2025-03-01")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let m = bodies::memberships(app.db(), b.ecology).await.unwrap()[0].id;
    let end = format!("{path}/{m}/koniec");
    let r = sec.post(&end, &[("ends_on", "2025-01-01")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.input_value("ends_on").as_deref(), Some("2025-01-01"));
    assert!(r.field_error("ends_on").is_some());
    assert_eq!(bodies::memberships(app.db(), b.ecology).await.unwrap()[0].ends_on, None);
    let r = sec.post(&end, &[("ends_on", "2025-06-30")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let ended = bodies::memberships(app.db(), b.ecology).await.unwrap();
    assert_eq!(ended[0].ends_on, chrono::NaiveDate::from_ymd_opt(2025, 6, 30));

    let r = sec
        .post(
            &format!("/admin/ciala-dialogu/{}/kadencje", b.ecology),
            &[("term_name", "2025–2029"), ("term_starts_on", "2029-01-01"), ("term_ends_on", "2025-01-01")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.input_value("term_name").as_deref(), Some("2025–2029"));
    assert!(r.field_error("term_ends_on").is_some());
}

#[tokio::test]
async fn the_same_person_cannot_hold_the_same_role_twice_at_once() {
    let app = TestApp::new().await;
    let b = setup(&app).await;
    let account = app.user("anna@example.pl", &[]).await;
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    let path = format!("/admin/ciala-dialogu/{}/czlonkowie", b.youth);
    let chair =
        [("name", "Anna Kowalska"), ("email", "anna@example.pl"), ("role", "chair"), ("starts_on", "2024-05-01")];
    assert_eq!(admin.post(&path, &chair).await.status, StatusCode::SEE_OTHER);
    assert_eq!(bodies::memberships(app.db(), b.youth).await.unwrap()[0].user_id, Some(account));

    let again = [("name", "A. Kowalska"), ("email", "ANNA@example.pl"), ("role", "chair"), ("starts_on", "2025-01-01")];
    let r = admin.post(&path, &again).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("starts_on").as_deref(), Some("Ta osoba pełni już tę funkcję w tym ciele w tym okresie."));
    assert_eq!(r.input_value("starts_on").as_deref(), Some("2025-01-01"));
    let by_name =
        [("name", "anna kowalska"), ("role", "chair"), ("starts_on", "2023-01-01"), ("ends_on", "2024-05-01")];
    assert_eq!(admin.post(&path, &by_name).await.status, StatusCode::UNPROCESSABLE_ENTITY, "same name, no account");
    assert_eq!(bodies::memberships(app.db(), b.youth).await.unwrap().len(), 1);

    let unknown = [("name", "Ktoś"), ("email", "nikt@example.pl"), ("role", "member"), ("starts_on", "2024-01-01")];
    let r = admin.post(&path, &unknown).await;
    assert_eq!(r.field_error("email").as_deref(), Some("Nie ma konta z tym adresem e-mail."));

    let other_role =
        [("name", "Anna Kowalska"), ("email", "anna@example.pl"), ("role", "member"), ("starts_on", "2025-01-01")];
    assert_eq!(admin.post(&path, &other_role).await.status, StatusCode::SEE_OTHER, "another role is fine");
    let before = [("name", "Anna Kowalska"), ("role", "chair"), ("starts_on", "2020-05-01"), ("ends_on", "2024-04-30")];
    assert_eq!(admin.post(&path, &before).await.status, StatusCode::SEE_OTHER, "an earlier, separate term is fine");
    let elsewhere = format!("/admin/ciala-dialogu/{}/czlonkowie", b.krdpp);
    assert_eq!(admin.post(&elsewhere, &chair).await.status, StatusCode::SEE_OTHER, "and another body");
    let all = bodies::memberships(app.db(), b.youth).await.unwrap();
    assert_eq!(all.len(), 3);

    // Lengthening the earlier term into the current one is the same overlap.
    let earlier = all.iter().find(|m| m.starts_on.to_string() == "2020-05-01").unwrap().id;
    let r = admin.post(&format!("{path}/{earlier}/koniec"), &[("ends_on", "2024-05-01")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.field_error("ends_on").as_deref(), Some("Ta osoba pełni już tę funkcję w tym ciele w tym okresie."));
    let stored = bodies::membership(app.db(), b.youth, earlier).await.unwrap().unwrap();
    assert_eq!(stored.ends_on.map(|d| d.to_string()).as_deref(), Some("2024-04-30"), "nothing stored");
}

#[tokio::test]
async fn administrators_create_bodies_with_clear_errors() {
    let app = TestApp::new().await;
    let b = setup(&app).await;
    let mut admin = app.signed_in("admin@example.pl", &[Grant::Administrator]).await;
    assert_eq!(admin.get("/admin/ciala-dialogu").await.status, StatusCode::OK);
    assert_eq!(admin.get("/admin/ciala-dialogu/nowe").await.status, StatusCode::OK);
    let theme = b.green_theme.to_string();
    let bad = [
        ("name_pl", "Zespół ds. Zieleni"),
        ("slug", "Zła Nazwa"),
        ("kind", "klub"),
        ("about", "Opis zespołu."),
        ("categories", theme.as_str()),
        ("categories", "99999"),
    ];
    let r = admin.post("/admin/ciala-dialogu/nowe", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.field_error("slug").is_some() && r.field_error("kind").is_some() && r.field_error("categories").is_some()
    );
    assert_eq!(r.input_value("name_pl").as_deref(), Some("Zespół ds. Zieleni"));
    assert!(r.body.contains(&format!("value=\"{theme}\" checked")), "ticked themes stay ticked");

    let taken = [("name_pl", "Inny zespół"), ("slug", "krdpp"), ("kind", "working_group")];
    let r = admin.post("/admin/ciala-dialogu/nowe", &taken).await;
    assert_eq!(r.field_error("slug").as_deref(), Some("Ten adres ma już inne ciało dialogu. Wybierz inny."));

    let good =
        [("name_pl", "Zespół ds. Zieleni"), ("slug", ""), ("kind", "working_group"), ("categories", theme.as_str())];
    let r = admin.post("/admin/ciala-dialogu/nowe", &good).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    let r = app.client().get(&format!("/ciala-dialogu?rodzaj=working_group&temat={theme}")).await;
    assert!(r.body.contains("href=\"/ciala-dialogu/zespol-ds-zieleni\""), "{}", r.text());
    assert_eq!(app.client().get("/ciala-dialogu/zespol-ds-zieleni").await.status, StatusCode::OK);
}

#[tokio::test]
async fn anonymous_visitors_and_residents_cannot_reach_staff_pages() {
    let app = TestApp::new().await;
    let b = setup(&app).await;
    let paths = [
        "/admin/ciala-dialogu".to_owned(),
        "/admin/ciala-dialogu/nowe".to_owned(),
        format!("/admin/ciala-dialogu/{}", b.krdpp),
        format!("/admin/ciala-dialogu/{}/czlonkowie", b.krdpp),
    ];
    let mut anon = app.client();
    for path in &paths {
        let r = anon.get(path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert!(r.location().starts_with("/konto/logowanie?next="), "{path}");
    }
    let fields = [("name", "Intruz"), ("role", "member"), ("starts_on", "2025-01-01")];
    let r = anon.post(&format!("/admin/ciala-dialogu/{}/czlonkowie", b.krdpp), &fields).await;
    assert_ne!(r.status, StatusCode::OK);
    assert!(r.status.is_redirection() || r.status.is_client_error());
    let mut resident = app.signed_in("mieszkanka@example.pl", &[]).await;
    for path in &paths {
        assert_eq!(resident.get(path).await.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(resident.post(&paths[3], &fields).await.status, StatusCode::FORBIDDEN);
    assert!(bodies::memberships(app.db(), b.krdpp).await.unwrap().is_empty());
}
