//! The district map: `/dzielnice` draws all 18 districts as links with a plain list beside the
//! map, each district's page draws its outline, and both credit OpenStreetMap for the boundaries.

use crate::consultations::entry;
use crate::harness::TestApp;
use agora_db::reference;
use agora_domain::permission::Grant;
use agora_domain::reference::DistrictInput;
use axum::http::StatusCode;

const CREDIT: &str = "<a href=\"https://www.openstreetmap.org/copyright\">© OpenStreetMap contributors</a>";

/// Kraków's 18 districts, as the demo loads them; returns (number, id, name).
async fn all_districts(app: &TestApp) -> Vec<(i32, i64, String)> {
    let csv = include_str!("../../../server/data/krakow-districts.csv");
    let mut out = vec![];
    for line in csv.lines().skip(1) {
        let mut cols = line.split(',');
        let number = cols.next().unwrap();
        let name = cols.nth(1).unwrap();
        let id = reference::save_district(app.db(), None, &DistrictInput::parse(number, name).unwrap(), &entry())
            .await
            .unwrap();
        out.push((number.parse().unwrap(), id, name.to_owned()));
    }
    out
}

#[tokio::test]
async fn the_map_links_every_district_and_lists_them_beside_it() {
    let app = TestApp::new().await;
    let districts = all_districts(&app).await;
    assert_eq!(districts.len(), 18);
    let mut anon = app.client();
    let r = anon.get("/dzielnice").await;
    assert_eq!(r.status, StatusCode::OK);
    let html = &r.body;
    let map = html.split("<svg class=\"district-map\"").nth(1).unwrap().split("</svg>").next().unwrap();
    assert_eq!(map.matches("<path d=\"M").count(), 18, "every district drawn");
    assert!(!map.contains("district-unlinked"), "every district is in the database");
    let list = html.split("id=\"district-list-heading\"").nth(1).unwrap().split("</ul>").next().unwrap();
    for (number, _, name) in &districts {
        let roman = DistrictInput::roman(*number);
        let slug = agora_domain::consultation::slugify(name);
        let link = format!(
            "<a href=\"/dzielnice/{slug}\" aria-label=\"Dzielnica {roman} {name}\"><title>Dzielnica {roman} {name}</title><path d=\"M"
        );
        assert!(map.contains(&link), "district {number} on the map");
        assert!(
            list.contains(&format!(
                "<a href=\"/dzielnice/{slug}\"><span class=\"district-number\">{roman}</span> {name}</a>"
            )),
            "district {number} in the list"
        );
    }
    assert!(html.contains(CREDIT), "the boundaries' source is credited");
    // Reached from the main menu and the home page.
    assert!(html.contains("<a href=\"/dzielnice\" aria-current=\"page\">Dzielnice</a>"));
    assert!(anon.get("/").await.body.contains("<a href=\"/dzielnice\">Mapa dzielnic</a>"));
    let en = anon.get("/jezyk/en?next=/dzielnice").await;
    assert!(en.status.is_redirection());
    let en = anon.get("/dzielnice").await.body;
    assert!(en.contains("Kraków&#39;s districts") || en.contains("Kraków's districts"), "in English too");
    assert!(en.contains(CREDIT));
}

#[tokio::test]
async fn a_district_added_later_joins_the_map_at_once() {
    let app = TestApp::new().await;
    let mut anon = app.client();
    let before = anon.get("/dzielnice").await;
    assert_eq!(before.status, StatusCode::OK);
    assert!(before.body.contains("Nie dodano jeszcze żadnej dzielnicy."));
    // Boundaries of districts not in the database keep the city's shape, unlinked.
    assert_eq!(before.body.matches("class=\"district-unlinked\"").count(), 18);
    let mut admin = app.signed_in("admin@agora.test", &[Grant::Administrator]).await;
    let r = admin.post("/admin/dzielnice", &[("number", "13"), ("name", "Podgórze")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let after = anon.get("/dzielnice").await.body;
    assert_eq!(after.matches("class=\"district-unlinked\"").count(), 17, "the kept page was not served");
    assert!(after.contains("aria-label=\"Dzielnica XIII Podgórze\""));
}

#[tokio::test]
async fn a_district_page_draws_its_outline_and_an_unknown_one_is_not_found() {
    let app = TestApp::new().await;
    let districts = all_districts(&app).await;
    let (_, id, _) = districts.iter().find(|d| d.0 == 1).unwrap();
    let mut anon = app.client();
    let r = anon.get(&format!("/dzielnice/{id}")).await;
    assert_eq!(r.status, StatusCode::OK);
    let figure = r.body.split("<figure class=\"district-outline\">").nth(1).unwrap().split("</figure>").next().unwrap();
    assert!(figure.contains("role=\"img\" aria-label=\"Granice dzielnicy I Stare Miasto\""), "{figure}");
    let d = figure.split("<path d=\"").nth(1).unwrap().split('"').next().unwrap();
    assert!(d.starts_with('M') && d.ends_with('z'), "one closed ring: {d}");
    assert_eq!(d.matches('M').count(), 1, "one ring: {d}");
    assert!(figure.contains(CREDIT));
    assert!(r.body.contains("<li><a href=\"/dzielnice\">Dzielnice Krakowa</a></li>"), "breadcrumbs lead to the map");
    let unknown = districts.iter().map(|d| d.1).max().unwrap() + 1000;
    assert_eq!(anon.get(&format!("/dzielnice/{unknown}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(anon.get("/dzielnice/nie-ma").await.status.as_u16() / 100, 4);
}

#[tokio::test]
async fn a_district_is_reached_by_its_number_or_name_and_its_editor_describes_its_council() {
    let app = TestApp::new().await;
    let districts = all_districts(&app).await;
    let (_, podgorze, _) = districts.iter().find(|d| d.0 == 13).unwrap().clone();
    let (_, huta, _) = districts.iter().find(|d| d.0 == 18).unwrap().clone();
    let mut anon = app.client();
    for path in ["/dzielnice/13", "/dzielnice/podgorze", "/dzielnice/Podgorze"] {
        let r = anon.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(r.body.contains("<h1>Dzielnica XIII Podgórze</h1>"), "{path}");
        assert!(r.body.contains("Rada dzielnicy nie opisała jeszcze tu swojej pracy."));
    }

    let mut editor = app.signed_in("rada13@example.org", &[Grant::DistrictEditor(podgorze)]).await;
    let form = format!("/admin/dzielnice/{podgorze}/rada");
    assert!(editor.get("/admin").await.body.contains(&format!("href=\"{form}\"")), "on the editor's dashboard");
    // Too long: refused beside the field, the text kept, nothing stored.
    let long = "a".repeat(agora_domain::council::SEAT_MAX + 1);
    let r = editor.post(&form, &[("council_about", "Rada **opiniuje** plany miasta."), ("council_seat", &long)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("council_seat").is_some());
    assert!(r.body.contains("Rada **opiniuje** plany miasta."), "typed text kept");
    assert!(anon.get("/dzielnice/podgorze").await.body.contains("nie opisała jeszcze"));

    let r = editor
        .post(
            &form,
            &[
                ("council_about", "Rada **opiniuje** plany miasta dotyczące dzielnicy."),
                ("council_seat", "ul. Rynek Podgórski 1"),
                ("council_hours", "wtorek 17:00–18:00\nczwartek 10:00–12:00"),
                ("council_contact", "rada13@example.org"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = anon.get("/dzielnice/podgorze").await.body;
    assert!(page.contains("Rada <strong>opiniuje</strong> plany miasta dotyczące dzielnicy."));
    assert!(page.contains("<dd>ul. Rynek Podgórski 1</dd>"));
    assert!(page.contains("wtorek 17:00–18:00\nczwartek 10:00–12:00"));
    assert!(!page.contains("Edytuj opis rady"), "no edit link for visitors");
    assert!(editor.get("/dzielnice/13").await.body.contains(&format!("href=\"{form}\"")));

    // Nowa Huta's editor, and a resident, may not change Podgórze's council.
    let mut other = app.signed_in("rada18@example.org", &[Grant::DistrictEditor(huta)]).await;
    assert_eq!(other.get(&form).await.status, StatusCode::FORBIDDEN);
    assert_eq!(other.post(&form, &[("council_seat", "Przejęte")]).await.status, StatusCode::FORBIDDEN);
    let mut resident = app.signed_in("jan@example.org", &[]).await;
    assert_eq!(resident.post(&form, &[("council_seat", "Przejęte")]).await.status, StatusCode::FORBIDDEN);
    assert!(anon.get("/dzielnice/13").await.body.contains("<dd>ul. Rynek Podgórski 1</dd>"));
}
