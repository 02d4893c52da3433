//! The consultation report: publishing rules, public and full versions, CSV, notifications.

use crate::consultations::{stored, unit};
use crate::harness::TestApp;
use agora_db::audit::AuditEntry;
use agora_db::remarks::{self, NewSubmission};
use agora_domain::account::Email;
use agora_domain::consultation::Status;
use agora_domain::permission::Grant;
use agora_domain::remark::{Identity, RemarkInput, SubmitterKind};
use axum::http::StatusCode;

fn entry() -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "test".into(), action: "test", entity: "test", details: String::new() }
}

#[expect(clippy::too_many_arguments, reason = "one submission written out in full is clearer than a builder")]
pub(crate) async fn submit(
    app: &TestApp,
    c: i64,
    key: &str,
    kind: SubmitterKind,
    name: &str,
    org: Option<&str>,
    email: Option<&str>,
    text: &str,
) {
    submit_in(app, "pl", c, key, kind, name, org, email, text).await;
}

/// A submission sent in the language `lang`.
#[expect(clippy::too_many_arguments, reason = "one submission written out in full is clearer than a builder")]
async fn submit_in(
    app: &TestApp,
    lang: &str,
    c: i64,
    key: &str,
    kind: SubmitterKind,
    name: &str,
    org: Option<&str>,
    email: Option<&str>,
    text: &str,
) {
    let identity = Identity {
        kind,
        name: Some(name.into()),
        organisation: org.map(Into::into),
        district_id: None,
        address: None,
        email: email.map(|e| Email::parse(e).unwrap()),
    };
    let sub = NewSubmission {
        consultation_id: c,
        form_key: key.into(),
        channel: agora_domain::remark::Channel::Email,
        received_at: agora_db::now(),
        entered_by: None,
        user_id: None,
        identity,
        formal_status: agora_domain::remark::FormalStatus::Valid,
        defect_reason: None,
        correct_by: None,
        attachment: None,
        held: false,
        lang: lang.into(),
    };
    let r = RemarkInput {
        section_id: None,
        section_text: Some("§ 1".into()),
        proposed_change: text.into(),
        justification: "Bo tak".into(),
    };
    remarks::submit(app.db(), &sub, &[r], &entry()).await.unwrap();
}

#[tokio::test]
async fn a_report_is_published_only_when_every_remark_is_answered() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let id = stored(&app, ztp, "Sieć tramwajowa", Status::Closed, -30, vec![]).await;
    submit(&app, id, "k1", SubmitterKind::Person, "Jan Kowalski", None, Some("jan@example.pl"), "Linia 50 co 5 minut")
        .await;
    submit_in(
        &app,
        "en",
        id,
        "k2",
        SubmitterKind::Organisation,
        "Ewa Nowak",
        Some("Stowarzyszenie Rowerowe"),
        Some("ewa@example.pl"),
        // Anyone's text may look like a formula to a spreadsheet.
        "=HYPERLINK(\"https://evil.example\";\"Pas rowerowy na Dietla\")",
    )
    .await;
    let mut org = app.signed_in("org@example.pl", &[Grant::Organiser(ztp)]).await;
    assert_eq!(
        app.client().get("/konsultacje/siec-tramwajowa/raport").await.status,
        StatusCode::NOT_FOUND,
        "no report before publication"
    );

    let r =
        org.post(&format!("/admin/konsultacje/{id}/raport"), &[("introduction", "krótko"), ("conclusions", "")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.input_value("introduction"), None, "textarea");
    assert!(r.body.contains(">krótko</textarea>"));
    let r = org
        .post(
            &format!("/admin/konsultacje/{id}/raport"),
            &[("introduction", "Konsultacje trwały 21 dni."), ("conclusions", "Miasto zwiększy częstotliwość.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = org.get(&format!("/admin/konsultacje/{id}/raport/publikuj")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().contains("dopóki każda uwaga nie ma stanowiska"));
    let r = org.post(&format!("/admin/konsultacje/{id}/raport/publikuj"), &[("confirm", "yes")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);

    let ids: Vec<String> = remarks::list(app.db(), id, &Default::default(), 10, 0)
        .await
        .unwrap()
        .items
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    let r = org
        .post(
            &format!("/admin/konsultacje/{id}/uwagi/odpowiedz"),
            &[
                ("ids", &ids[0]),
                ("ids", &ids[1]),
                ("decision", "accepted"),
                ("answer", "Uwzględniamy w projekcie wykonawczym."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Publishing mails everyone, so it is confirmed first: a plain press of the button, or
    // the step from the status section, only leads to the confirmation.
    let confirm = org.get(&format!("/admin/konsultacje/{id}/raport/publikuj")).await;
    assert_eq!(confirm.status, StatusCode::OK);
    let text = confirm.text();
    assert!(
        text.contains("Raport z odpowiedziami na 2 uwagi stanie się publiczny.")
            && text.contains("Powiadomienie e-mail dostaną 2 osoby."),
        "{text}"
    );
    let r = org.post(&format!("/admin/konsultacje/{id}/raport/publikuj"), &[]).await;
    assert_eq!(r.location(), format!("/admin/konsultacje/{id}/raport/publikuj"));
    let r = org.post(&format!("/admin/konsultacje/{id}/status"), &[("to", "report_published")]).await;
    assert_eq!(r.location(), format!("/admin/konsultacje/{id}/raport/publikuj"));
    assert_eq!(agora_db::consultation::by_id(app.db(), id).await.unwrap().unwrap().status, Status::Closed);
    assert!(app.mail().await.is_empty(), "nothing sent before the confirmation");
    let r = org.post(&format!("/admin/konsultacje/{id}/raport/publikuj"), &[("confirm", "yes")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert_eq!(agora_db::consultation::by_id(app.db(), id).await.unwrap().unwrap().status, Status::ReportPublished);
    let mails = app.mail().await;
    assert!(mails.iter().any(|m| m.to == "jan@example.pl" && m.body.contains("/konsultacje/siec-tramwajowa/raport")));
    // Each submitter is written to in the language they wrote in.
    let jan = mails.iter().find(|m| m.to == "jan@example.pl").unwrap();
    let ewa = mails.iter().find(|m| m.to == "ewa@example.pl").unwrap();
    assert!(jan.subject.starts_with("Raport z konsultacji"), "{}", jan.subject);
    assert!(ewa.subject.starts_with("Report on the consultation"), "{}", ewa.subject);

    let mut visitor = app.client();
    let page = visitor.get("/konsultacje/siec-tramwajowa/raport").await;
    assert_eq!(page.status, StatusCode::OK);
    let text = page.text();
    assert!(
        text.contains("Konsultacje trwały 21 dni.")
            && text.contains("Linia 50 co 5 minut")
            && text.contains("Uwzględniona"),
        "{text}"
    );
    assert!(text.contains("Osoba prywatna nr 1") && text.contains("Stowarzyszenie Rowerowe"));
    assert!(!text.contains("Jan Kowalski") && !text.contains("jan@example.pl") && !text.contains("Ewa Nowak"));
    assert_eq!(
        visitor.get("/konsultacje/siec-tramwajowa/raport?wersja=pelna").await.status,
        StatusCode::SEE_OTHER,
        "sign-in required"
    );

    // By default the CSV is for Excel in Polish: a byte-order mark and semicolons.
    let links = page.body.split("class=\"downloads\"").nth(1).unwrap().split("</ul>").next().unwrap().to_owned();
    assert!(
        links.contains("href=\"/konsultacje/siec-tramwajowa/raport.csv\" download>Pobierz zestawienie uwag (CSV, średniki — dla Excela po polsku)<")
            && links.contains("href=\"/konsultacje/siec-tramwajowa/raport.csv?separator=przecinek\" download>Pobierz zestawienie uwag (CSV, przecinki"),
        "both separators offered and named: {links}"
    );
    let excel = visitor.get("/konsultacje/siec-tramwajowa/raport.csv").await;
    assert!(excel.body.starts_with('\u{feff}'), "with the byte-order mark");
    let lines: Vec<&str> = excel.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Nr;Część dokumentu;Proponowana zmiana;Uzasadnienie;Zgłaszający;Kanał;Stanowisko;Uzasadnienie stanowiska"
    );
    assert!(lines[1].starts_with("1;§ 1;Linia 50 co 5 minut;Bo tak;Osoba prywatna nr 1;E-mail;Uwzględniona;"));
    let csv = visitor.get("/konsultacje/siec-tramwajowa/raport.csv?separator=przecinek").await;
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    let lines: Vec<&str> = csv.body.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Nr,Część dokumentu,Proponowana zmiana,Uzasadnienie,Zgłaszający,Kanał,Stanowisko,Uzasadnienie stanowiska"
    );
    assert_eq!(lines.len(), 3);
    assert!(lines[1].starts_with("1,§ 1,Linia 50 co 5 minut,Bo tak,Osoba prywatna nr 1,E-mail,Uwzględniona,"));
    assert!(
        lines[2].starts_with("2,§ 1,\"'=HYPERLINK(\"\"https://evil.example\"\";"),
        "a cell a spreadsheet would run is made text (issue 19, item 5): {}",
        lines[2]
    );
    assert!(!csv.body.contains("Kowalski") && !csv.body.contains("@example.pl"));

    for (ext, ct) in [
        ("pdf", "application/pdf"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ] {
        let r = visitor.get_bytes(&format!("/konsultacje/siec-tramwajowa/raport.{ext}")).await;
        assert_eq!((r.0, r.1.as_str()), (StatusCode::OK, ct), "{ext}");
        let text = document_text(ext, &r.2);
        assert!(
            text.contains("Linia 50 co 5 minut")
                && text.contains("Stowarzyszenie Rowerowe")
                && text.contains("Osoba prywatna nr 1"),
            "{ext}: {text}"
        );
        assert!(
            !text.contains("Kowalski") && !text.contains("jan@example.pl") && !text.contains("Ewa Nowak"),
            "{ext} names a private person"
        );
        let staff = org.get_bytes(&format!("/konsultacje/siec-tramwajowa/raport.{ext}?wersja=pelna")).await;
        assert!(document_text(ext, &staff.2).contains("Jan Kowalski"), "{ext} full version");
    }
    let full = org.get("/konsultacje/siec-tramwajowa/raport?wersja=pelna").await.text();
    assert!(full.contains("Jan Kowalski") && full.contains("jan@example.pl"));
    let feed = visitor.get("/konsultacje.atom").await.body;
    assert!(feed.contains("Opublikowano raport: Sieć tramwajowa"));
}

/// The text of a downloaded report, read back the way a reader's program would.
pub(crate) fn document_text(ext: &str, bytes: &[u8]) -> String {
    use std::io::Read;
    match ext {
        "pdf" => pdf_extract::extract_text_from_mem(bytes)
            .expect("readable PDF")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        _ => {
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip package");
            let mut out = String::new();
            for i in 0..zip.len() {
                let mut f = zip.by_index(i).unwrap();
                if f.name().is_ok_and(|n| n.ends_with(".xml")) {
                    let mut s = String::new();
                    f.read_to_string(&mut s).unwrap();
                    // Words split across XML runs are joined once the tags go.
                    let mut in_tag = false;
                    for c in s.chars() {
                        match c {
                            '<' => in_tag = true,
                            '>' => in_tag = false,
                            c if !in_tag => out.push(c),
                            _ => {}
                        }
                    }
                    out.push(' ');
                }
            }
            out
        }
    }
}

#[tokio::test]
async fn the_banner_of_a_consultation_with_a_published_report_links_it() {
    let app = TestApp::new().await;
    let ztp = unit(&app, "ZTP").await;
    let id = stored(&app, ztp, "Sieć tramwajowa", Status::ReportPublished, -30, vec![]).await;
    agora_db::reports::save_draft(app.db(), id, "Wstęp.", "Wnioski.", &entry()).await.unwrap();
    assert!(agora_db::reports::publish(app.db(), id, "Anna Nowak", &entry()).await.unwrap());
    let page = app.client().get("/konsultacje/siec-tramwajowa").await.body;
    let banner = page.split("class=\"status-banner").nth(1).unwrap().split("</p>").next().unwrap();
    assert!(
        banner.contains("href=\"/konsultacje/siec-tramwajowa/raport\">Przeczytaj raport z konsultacji</a>"),
        "{banner}"
    );
}
