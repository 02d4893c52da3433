//! District councillors: terms, memberships with their dates and roles, photos that need a
//! description, duty hours, the "get to know your council" page with past terms, and the
//! district's own editor as the only one who may change any of it.

use crate::harness::{Client, TestApp};
use crate::news::district;
use agora_domain::permission::Grant;
use axum::http::StatusCode;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR tiny";

/// Sends the councillor form as the page does, with a photo when one is given.
async fn send(
    c: &mut Client,
    path: &str,
    fields: &[(&str, &str)],
    photo: Option<(&str, &[u8])>,
) -> crate::harness::Resp {
    let (name, bytes) = photo.unwrap_or(("", b""));
    c.post_multipart(path, fields, "councillor_photo", name, bytes).await
}

/// The councillor's id in the address a save redirects to.
fn saved(r: &crate::harness::Resp, district: i64) -> i64 {
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let prefix = format!("/admin/dzielnice/{district}/radni/");
    r.location().trim_start_matches(&prefix).split('?').next().unwrap().parse().unwrap()
}

#[tokio::test]
async fn a_district_editor_keeps_councillors_across_terms_and_residents_get_to_know_them() {
    let app = TestApp::new().await;
    let podgorze = district(&app, "13", "Podgórze").await;
    let huta = district(&app, "18", "Nowa Huta").await;
    let mut editor = app.signed_in("rada13@example.org", &[Grant::DistrictEditor(podgorze)]).await;
    let admin = format!("/admin/dzielnice/{podgorze}/radni");
    assert_eq!(editor.get(&admin).await.status, StatusCode::OK);

    // Terms: one ending before it starts is refused beside the field.
    let terms = format!("/admin/dzielnice/{podgorze}/kadencje");
    let r = editor
        .post(&terms, &[("term_name", "2024–2029"), ("term_starts_on", "2024-06-01"), ("term_ends_on", "2024-05-01")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("term_ends_on").is_some());
    assert_eq!(r.input_value("term_name").as_deref(), Some("2024–2029"));
    for (name, from, to) in [("2019–2024", "2019-05-20", "2024-05-31"), ("2024–2029", "2024-06-01", "2029-05-31")] {
        let r = editor.post(&terms, &[("term_name", name), ("term_starts_on", from), ("term_ends_on", to)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    let r = editor
        .post(&terms, &[("term_name", "2024–2029"), ("term_starts_on", "2024-06-01"), ("term_ends_on", "2029-05-31")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("term_name").unwrap().contains("już istnieje"));
    let ids = agora_db::council::terms(app.db(), podgorze).await.unwrap();
    let (current, past) = (ids[0].id.to_string(), ids[1].id.to_string());

    // A photo without its description, or a file that is no picture: refused, text kept, nothing stored.
    let new = format!("{admin}/nowy");
    let anna = [
        ("councillor_name", "Anna Nowak"),
        ("constituency", "Okręg nr 3: Stare Podgórze"),
        ("committees", "Komisja Budżetowa\nKomisja Zieleni"),
    ];
    let r = send(&mut editor, &new, &anna, Some(("anna.png", PNG))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("councillor_photo_alt").unwrap().contains("Opisz zdjęcie"));
    assert!(r.field_error("councillor_photo").unwrap().contains("wybierz je ponownie"));
    assert_eq!(r.input_value("councillor_name").as_deref(), Some("Anna Nowak"));
    let with_alt = [anna.as_slice(), &[("councillor_photo_alt", "Anna Nowak na tle Rynku Podgórskiego")]].concat();
    let r = send(&mut editor, &new, &with_alt, Some(("anna.png", b"MZ\x90\0 not a picture"))).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("councillor_photo").unwrap().contains("PNG, JPG lub WebP"));
    assert!(agora_db::council::people(app.db(), podgorze).await.unwrap().councillors.is_empty());
    let anna_id = saved(&send(&mut editor, &new, &with_alt, Some(("anna.png", PNG))).await, podgorze);
    let jan_id = saved(&send(&mut editor, &new, &[("councillor_name", "Jan Kowalski")], None).await, podgorze);
    let ewa_id = saved(&send(&mut editor, &new, &[("councillor_name", "Ewa Wiśniewska")], None).await, podgorze);

    // Memberships: within their term, ending after they start, one chair at a time.
    let seat = |id: i64| format!("{admin}/{id}/mandaty");
    let r = editor
        .post(
            &seat(anna_id),
            &[("term_id", &current), ("role", "councillor"), ("starts_on", "2025-03-01"), ("ends_on", "2025-02-01")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("ends_on").unwrap().contains("nie może być wcześniejszy"));
    let r = editor
        .post(&seat(anna_id), &[("term_id", &current), ("role", "councillor"), ("starts_on", "2019-06-01")])
        .await;
    assert!(r.field_error("starts_on").unwrap().contains("w wybranej kadencji"));
    for (id, term, role, from, to) in [
        (anna_id, &current, "councillor", "2024-06-01", ""),
        (anna_id, &current, "board_chair", "2024-06-20", ""),
        (jan_id, &past, "councillor", "2019-05-20", "2024-05-31"),
        (jan_id, &past, "council_chair", "2019-06-01", "2024-05-31"),
        (ewa_id, &current, "councillor", "2024-06-01", ""),
    ] {
        let r =
            editor.post(&seat(id), &[("term_id", term), ("role", role), ("starts_on", from), ("ends_on", to)]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{role}: {}", r.body);
    }
    let r = editor
        .post(&seat(ewa_id), &[("term_id", &current), ("role", "board_chair"), ("starts_on", "2025-01-01")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("role").unwrap().contains("inna osoba"));
    // Ewa resigns: her seat ends, and she stays in the term's history as a former councillor.
    let ewa_seat = agora_db::council::people(app.db(), podgorze)
        .await
        .unwrap()
        .seats
        .iter()
        .find(|s| s.councillor_id == ewa_id)
        .unwrap()
        .id;
    let end = format!("{admin}/{ewa_id}/mandaty/koniec");
    let r = editor.post(&end, &[("seat_id", &ewa_seat.to_string()), ("seat_ends_on", "2030-01-01")]).await;
    assert!(r.field_error("seat_ends_on").unwrap().contains("w wybranej kadencji"));
    let r = editor.post(&end, &[("seat_id", &ewa_seat.to_string()), ("seat_ends_on", "2025-09-30")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // Duty hours: not in the past; then one the day after tomorrow.
    let duties = format!("/admin/dzielnice/{podgorze}/dyzury");
    let r = editor
        .post(
            &duties,
            &[
                ("duty_starts_at", "2020-01-07T17:00"),
                ("duty_ends_at", "2020-01-07T18:00"),
                ("duty_place", "Rynek Podgórski 1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.field_error("duty_starts_at").unwrap().contains("w przyszłości"));
    let day = (chrono::Utc::now() + chrono::Duration::days(2)).format("%Y-%m-%d").to_string();
    let (from, to) = (format!("{day}T17:00"), format!("{day}T18:30"));
    let anna_s = anna_id.to_string();
    let r = editor
        .post(
            &duties,
            &[
                ("duty_starts_at", &from),
                ("duty_ends_at", &to),
                ("duty_place", "Rynek Podgórski 1, sala 4"),
                ("duty_councillor", &anna_s),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // What a resident sees.
    let mut anon = app.client();
    let page = anon.get("/dzielnice/podgorze/rada").await;
    assert_eq!(page.status, StatusCode::OK);
    let body = page.body;
    assert!(body.contains("Obecna kadencja 2024–2029"));
    assert!(
        body.contains(&format!("<img src=\"/radni/{anna_id}/zdjecie\" alt=\"Anna Nowak na tle Rynku Podgórskiego\""))
    );
    assert!(body.contains("Przewodniczący/a Zarządu Dzielnicy, Radny/Radna"));
    assert!(body.contains("Komisja Budżetowa; Komisja Zieleni"));
    assert!(body.contains("Okręg nr 3: Stare Podgórze"));
    let former = body.split("Byli radni tej kadencji").nth(1).expect("former councillors listed");
    assert!(former.contains("Ewa Wiśniewska (1 czerwca 2024 – 30 września 2025)"));
    let history = body.split("Poprzednie kadencje").nth(1).expect("past terms listed");
    assert!(
        history.contains("Jan Kowalski — Przewodniczący/a Rady Dzielnicy, Radny/Radna (20 maja 2019 – 31 maja 2024)")
    );
    assert!(!body.split("Poprzednie kadencje").next().unwrap().contains("Jan Kowalski"), "not in the current term");
    assert!(body.contains("Rynek Podgórski 1, sala 4"));
    let district_page = anon.get("/dzielnice/13").await.body;
    assert!(district_page.contains("<strong>Anna Nowak</strong> — Przewodniczący/a Zarządu Dzielnicy"));
    assert!(district_page.contains("href=\"/dzielnice/podgorze/rada\""));
    assert!(district_page.contains("Anna Nowak, Rynek Podgórski 1, sala 4"));
    let (status, ctype, bytes) = anon.get_bytes(&format!("/radni/{anna_id}/zdjecie")).await;
    assert_eq!((status, ctype.as_str(), bytes.as_slice()), (StatusCode::OK, "image/png", PNG));
    let ics = anon.get("/dzielnice/podgorze/dyzury.ics").await.body;
    assert!(ics.contains("SUMMARY:Dyżur: Anna Nowak") && ics.contains("LOCATION:Rynek Podgórski 1\\, sala 4"), "{ics}");
    // Duty hours are events of the city's calendar and its feed too.
    let calendar = anon.get("/kalendarz").await.body;
    assert!(calendar.contains("Dyżur: Anna Nowak"));
    assert!(calendar.contains("Rada dzielnicy: <a href=\"/dzielnice/podgorze/rada\">XIII Podgórze</a>"));
    assert!(anon.get("/kalendarz.ics").await.body.contains("SUMMARY:Dyżur: Anna Nowak"));

    // Nowa Huta's editor and a resident may change none of it.
    let mut other = app.signed_in("rada18@example.org", &[Grant::DistrictEditor(huta)]).await;
    assert_eq!(other.get(&admin).await.status, StatusCode::FORBIDDEN);
    assert_eq!(send(&mut other, &new, &[("councillor_name", "Przejęty")], None).await.status, StatusCode::FORBIDDEN);
    assert_eq!(other.post(&duties, &[("duty_place", "x")]).await.status, StatusCode::FORBIDDEN);
    let mut resident = app.signed_in("jan@example.org", &[]).await;
    assert_eq!(resident.post(&seat(jan_id), &[("role", "councillor")]).await.status, StatusCode::FORBIDDEN);
    // Nor does Podgórze's editor reach a councillor through another district's address.
    let mut huta_editor_admin = app.signed_in("rada13b@example.org", &[Grant::DistrictEditor(huta)]).await;
    assert_eq!(
        huta_editor_admin.get(&format!("/admin/dzielnice/{huta}/radni/{anna_id}")).await.status,
        StatusCode::NOT_FOUND
    );
}
