//! The one visibility rule, proved over every outlet: one item of every kind in every hidden
//! state, and an anonymous visitor who finds none of them anywhere. A new kind of item or a new
//! outlet joins this test.

use crate::consultations::{stored, unit};
use crate::harness::TestApp;
use crate::report::document_text;
use crate::surveys::{answers, built, form_fields, send};
use agora_db::audit::AuditEntry;
use agora_db::remarks::{self, NewSubmission, RemarkFilter};
use agora_db::{consultation, programme, reference, reports, surveys};
use agora_domain::consultation::MethodKind;
use agora_domain::consultation::Status;
use agora_domain::permission::Grant;
use agora_domain::reference::DistrictInput;
use agora_domain::remark::{Channel, FormalStatus, Identity, RemarkInput, SubmitterKind};
use agora_domain::survey::{Access, Layout, SurveyStatus, Text, Visibility};
use axum::http::StatusCode;
use chrono::{Duration, Utc};

fn entry() -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "test".into(), action: "test", entity: "test", details: String::new() }
}

/// One remark sent by e-mail, held for moderation when `held`.
async fn remark(app: &TestApp, c: i64, key: &str, text: &str, held: bool) {
    let sub = NewSubmission {
        consultation_id: c,
        form_key: key.into(),
        channel: Channel::Email,
        received_at: agora_db::now(),
        entered_by: None,
        user_id: None,
        identity: Identity {
            kind: SubmitterKind::Person,
            name: Some("Jan Kowalski".into()),
            organisation: None,
            district_id: None,
            address: None,
            email: None,
        },
        formal_status: FormalStatus::Valid,
        defect_reason: None,
        correct_by: None,
        attachment: None,
        held,
        lang: "pl".into(),
    };
    let r = RemarkInput {
        section_id: None,
        section_text: Some("§ 2".into()),
        proposed_change: text.into(),
        justification: "Uzasadnienie".into(),
    };
    remarks::submit(app.db(), &sub, &[r], &entry()).await.unwrap();
}

/// What an anonymous visitor gets at `path`, as text (downloads read back as a reader would).
async fn seen(app: &TestApp, path: &str) -> (StatusCode, String) {
    let (status, _, bytes) = app.client().get_bytes(path).await;
    let ext = path.rsplit('.').next().unwrap_or_default();
    let text = match ext {
        "pdf" | "docx" | "xlsx" if status == StatusCode::OK => document_text(ext, &bytes),
        _ => String::from_utf8_lossy(&bytes).into_owned(),
    };
    (status, text)
}

#[tokio::test]
async fn no_hidden_item_reaches_an_anonymous_visitor_through_any_outlet() {
    let app = TestApp::new().await;
    let u = unit(&app, "ZTP").await;
    let d = reference::save_district(app.db(), None, &DistrictInput::parse("5", "Krowodrza").unwrap(), &entry())
        .await
        .unwrap();
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;

    // A draft consultation with an event, in a district, and an open survey attached to it.
    let draft = stored(&app, u, "Szkic Alfa", Status::Draft, 3, vec![d]).await;
    let starts = Utc::now() + Duration::days(4);
    let event = programme::NewEvent {
        kind: MethodKind::OpenMeeting,
        title: "Spotkanie Alfa".into(),
        starts_at: starts,
        ends_at: starts + Duration::hours(2),
        address: Some("Rynek 1".into()),
        room: None,
        accessibility: None,
        online_url: None,
        phone: None,
        opening_hours: None,
        description: String::new(),
    };
    programme::add_event(app.db(), draft, &event, &entry()).await.unwrap();
    let zeta = fields(u, "ankieta-zeta", "Ankieta Zeta", Some(draft));
    let zeta = surveys::create(app.db(), &zeta, None, &entry()).await.unwrap();
    surveys::set_status(app.db(), zeta, SurveyStatus::Open, &entry()).await.unwrap();

    // A draft survey of its own.
    let eta = fields(u, "ankieta-eta", "Ankieta Eta", None);
    surveys::create(app.db(), &eta, None, &entry()).await.unwrap();

    // A consultation announced, then taken back to draft and renamed there.
    let back = stored(&app, u, "Cofnieta Beta", Status::Announced, 5, vec![d]).await;
    assert!(consultation::transition(app.db(), back, Status::Announced, Status::Draft, None, &entry()).await.unwrap());

    // A public consultation with a held remark, a hidden remark and a survey whose results are
    // for staff only, then closed with its report published.
    let public = stored(&app, u, "Jawna Gamma", Status::Open, -1, vec![]).await;
    remark(&app, public, "k1", "Wstrzymana uwaga Delta", true).await;
    remark(&app, public, "k2", "Ukryta uwaga Epsilon", false).await;
    remark(&app, public, "k3", "Zwykla uwaga Kappa", false).await;
    let listed = remarks::list(app.db(), public, &RemarkFilter::default(), 10, 0).await.unwrap();
    let hide = listed.items.iter().find(|r| r.proposed_change.contains("Epsilon")).unwrap().id;
    let e = entry();
    assert!(
        remarks::moderate(app.db(), public, hide, remarks::Moderation::Hide, "Wulgaryzmy", "mod", &e).await.unwrap()
    );
    let gamma = built(&app, &mut org, u, "one_page").await.parse::<i64>().unwrap();
    let s = surveys::by_id(app.db(), gamma).await.unwrap().unwrap();
    let staff_only = surveys::SurveyFields {
        slug: s.slug.clone(),
        consultation_id: Some(public),
        unit_id: u,
        title: Text { pl: s.title_pl.clone(), en: String::new() },
        intro: Text::default(),
        access: s.access,
        layout: s.layout,
        visibility: Visibility::Staff,
        closes_at: None,
    };
    surveys::update(app.db(), gamma, &staff_only, &entry()).await.unwrap();
    let qs = surveys::questions(app.db(), gamma).await.unwrap();
    let mut resident = app.client();
    let hidden = form_fields(&mut resident, &s.slug).await;
    send(&mut resident, &s.slug, &hidden, &answers(&qs, &[(0, "no"), (2, "5"), (3, "2")]), "submit").await;
    surveys::set_status(app.db(), gamma, SurveyStatus::Closed, &entry()).await.unwrap();
    for (from, to) in [(Status::Open, Status::Closed), (Status::Closed, Status::ReportPublished)] {
        assert!(consultation::transition(app.db(), public, from, to, None, &entry()).await.unwrap());
    }
    reports::save_draft(app.db(), public, "Wstęp raportu.", "Wnioski.", &entry()).await.unwrap();
    assert!(reports::publish(app.db(), public, "Anna Nowak", &entry()).await.unwrap());

    let markers = [
        "Szkic Alfa",
        "Spotkanie Alfa",
        "Ankieta Zeta",
        "Ankieta Eta",
        "Cofnieta Beta",
        "Wstrzymana uwaga Delta",
        "Ukryta uwaga Epsilon",
        "Jak oceniasz parki",
    ];
    // Staff of the unit see each of them, so their absence below is the rule at work.
    let staff_view = [
        org.get("/konsultacje/szkic-alfa").await.text(),
        org.get("/ankiety/ankieta-zeta").await.text(),
        org.get("/admin/ankiety").await.text(),
        org.get("/konsultacje/cofnieta-beta").await.text(),
        org.get(&format!("/admin/konsultacje/{public}/uwagi")).await.text(),
        org.get(&format!("/ankiety/{}/wyniki", s.slug)).await.text(),
    ]
    .join("\n");
    for m in markers.iter().filter(|m| **m != "Spotkanie Alfa") {
        assert!(staff_view.contains(m), "staff should see {m}");
    }

    let outlets = [
        "/".to_owned(),
        "/konsultacje".into(),
        "/konsultacje?status=wszystkie".into(),
        "/konsultacje?status=planowane".into(),
        "/konsultacje?status=zakonczone".into(),
        "/konsultacje.atom".into(),
        "/kalendarz".into(),
        "/kalendarz.ics".into(),
        format!("/dzielnice/{d}"),
        "/konsultacje/szkic-alfa".into(),
        "/konsultacje/szkic-alfa/uwagi".into(),
        "/konsultacje/szkic-alfa/raport".into(),
        "/konsultacje/szkic-alfa/kalendarz.ics".into(),
        "/konsultacje/cofnieta-beta".into(),
        "/konsultacje/cofnieta-beta/kalendarz.ics".into(),
        "/ankiety/ankieta-zeta".into(),
        "/ankiety/ankieta-zeta/wyniki".into(),
        "/ankiety/ankieta-eta".into(),
        "/konsultacje/jawna-gamma".into(),
        "/konsultacje/jawna-gamma/uwagi".into(),
        "/konsultacje/jawna-gamma/moderacja".into(),
        "/konsultacje/jawna-gamma/raport".into(),
        "/konsultacje/jawna-gamma/raport.csv".into(),
        "/konsultacje/jawna-gamma/raport.pdf".into(),
        "/konsultacje/jawna-gamma/raport.docx".into(),
        "/konsultacje/jawna-gamma/raport.xlsx".into(),
        "/konsultacje/jawna-gamma/kalendarz.ics".into(),
        format!("/ankiety/{}", s.slug),
        format!("/ankiety/{}/wyniki", s.slug),
    ];
    let mut public_pages = 0;
    for path in &outlets {
        let (status, text) = seen(&app, path).await;
        assert!(status.is_success() || status.is_client_error(), "{path}: {status}");
        if status.is_success() {
            public_pages += 1;
        }
        for m in markers {
            assert!(!text.contains(m), "{path} shows {m:?} to an anonymous visitor");
        }
    }
    // The outlets of public items answer, so the markers' absence is not an error page's.
    let (_, report) = seen(&app, "/konsultacje/jawna-gamma/raport.pdf").await;
    assert!(report.contains("Zwykla uwaga Kappa") && report.contains("Wulgaryzmy"), "{report}");
    let (_, list) = seen(&app, "/konsultacje/jawna-gamma/uwagi").await;
    assert!(list.contains("Zwykla uwaga Kappa"));
    assert!(public_pages >= 18, "{public_pages} outlets answered");
}

/// A survey's settings open to anyone with public results.
fn fields(u: i64, slug: &str, title: &str, consultation_id: Option<i64>) -> surveys::SurveyFields {
    surveys::SurveyFields {
        slug: slug.into(),
        consultation_id,
        unit_id: u,
        title: Text { pl: title.into(), en: String::new() },
        intro: Text::default(),
        access: Access::Anyone,
        layout: Layout::OnePage,
        visibility: Visibility::WhileOpen,
        closes_at: None,
    }
}

/// A forum post stored as the batch writer stores it, in state `state`.
async fn forum_post(app: &TestApp, thread: i64, author: i64, text: &str, state: agora_domain::forum::PostState) -> i64 {
    let n = agora_db::forum::NewPost {
        thread_id: thread,
        parent_id: None,
        reply_to_id: None,
        author_id: author,
        author_name: "Autor".into(),
        text: text.into(),
        state,
        form_key: format!("{:064x}", thread * 1000 + i64::try_from(text.len()).unwrap_or(0)),
        lang: "pl".into(),
        per_hour: 100,
    };
    match agora_db::forum::add_posts(app.db(), &[n]).await.unwrap()[0] {
        agora_db::forum::PostOutcome::Stored { id, .. } => id,
        other => panic!("not stored: {other:?}"),
    }
}

/// A thread stored directly in the space `input` names; returns its id.
async fn forum_thread(app: &TestApp, input: &agora_db::forum::SpaceInput, author: i64, title: &str) -> i64 {
    let space = agora_db::forum::space_id(app.db(), input).await.unwrap();
    let first = agora_db::forum::NewPost {
        thread_id: 0,
        parent_id: None,
        reply_to_id: None,
        author_id: author,
        author_name: "Autor".into(),
        text: format!("Pierwszy wpis: {title}"),
        state: agora_domain::forum::PostState::Visible,
        form_key: format!("{:064x}", space),
        lang: "pl".into(),
        per_hour: 100,
    };
    let t = agora_db::forum::NewThread { space_id: space, title: title.into(), first };
    agora_db::forum::create_thread(app.db(), &t, &entry()).await.unwrap().unwrap().0
}

fn space(
    kind: agora_domain::forum::SpaceKind,
    ref_id: Option<i64>,
    slug: &str,
    members_only: bool,
) -> agora_db::forum::SpaceInput {
    agora_db::forum::SpaceInput {
        kind,
        ref_id,
        slug: slug.into(),
        name: slug.into(),
        description: String::new(),
        residents_start: true,
        premoderated: false,
        members_only,
        closed: false,
        position: 0,
    }
}

#[tokio::test]
async fn no_hidden_forum_item_reaches_an_anonymous_visitor_through_any_outlet() {
    use agora_domain::forum::{PostState, SpaceKind};
    let app = TestApp::new().await;
    let u = unit(&app, "ZTP").await;
    let author = app.user("autor@agora.test", &[Grant::Resident]).await;
    // A draft consultation's discussion, with a thread.
    let draft = stored(&app, u, "Szkic Omega", Status::Draft, 3, vec![]).await;
    programme::add_method(app.db(), draft, "online_discussion", "Dyskusja.", None, None, &entry()).await.unwrap();
    let t_draft = forum_thread(
        &app,
        &space(SpaceKind::Consultation, Some(draft), "konsultacja-szkic-omega", false),
        author,
        "Watek Omikron",
    )
    .await;
    // A general space with a held post and a hidden one beside a shown one.
    let general = space(SpaceKind::General, None, "ogolne", false);
    let t_general = forum_thread(&app, &general, author, "Watek Rho").await;
    let held = forum_post(&app, t_general, author, "Wstrzymany wpis Sigma", PostState::Held).await;
    let hidden = forum_post(&app, t_general, author, "Ukryty wpis Tau", PostState::Visible).await;
    let actor = agora_db::tracked::Actor { id: None, label: "mod" };
    let hide = agora_domain::forum::ModerationAction::Hidden;
    let reason = Some(agora_domain::forum::ReportReason::Abuse);
    let e = entry();
    let done =
        agora_db::forum::decide(app.db(), hidden, PostState::Visible, hide, reason, Some("Obraza."), &[], actor, &e);
    assert!(done.await.unwrap());
    forum_post(&app, t_general, author, "Jawny wpis Phi", PostState::Visible).await;
    // A body's members-only space, with a thread awaiting a position off the public ledger.
    let f = agora_domain::body::BodyForm {
        name_pl: "Rada Psi".into(),
        slug: "rada-psi".into(),
        kind: "other".into(),
        units: vec![u.to_string()],
        ..Default::default()
    };
    let body = agora_db::bodies::save(app.db(), None, &f.parse(&[u], &[]).unwrap(), &entry()).await.unwrap();
    let members = space(SpaceKind::BodyMembers, Some(body), "cialo-rada-psi-czlonkowie", true);
    let t_members = forum_thread(&app, &members, author, "Watek czlonkow Ypsilon").await;
    let today = Utc::now().date_naive();
    let awaiting = agora_db::forum::await_position(
        app.db(),
        t_members,
        "Watek czlonkow Ypsilon",
        u,
        today,
        today + Duration::days(14),
        false,
        actor,
        &e,
    );
    assert!(awaiting.await.unwrap());

    let markers = ["Watek Omikron", "Wstrzymany wpis Sigma", "Ukryty wpis Tau", "Watek czlonkow Ypsilon"];
    // Those who may see each of them do, so their absence below is the rule at work.
    let mut moderator = app.signed_in("mod@agora.test", &[Grant::Moderator]).await;
    assert!(moderator.get(&format!("/forum/watki/{t_general}")).await.text().contains("Wstrzymany wpis Sigma"));
    let mut org = app.signed_in("org@agora.test", &[Grant::Organiser(u)]).await;
    assert!(org.get(&format!("/forum/watki/{t_draft}")).await.text().contains("Watek Omikron"));
    let mut secretary = app.signed_in("sekretarz@agora.test", &[Grant::BodySecretary(body)]).await;
    assert!(secretary.get(&format!("/forum/watki/{t_members}")).await.text().contains("Watek czlonkow Ypsilon"));

    let outlets = [
        "/forum".to_owned(),
        "/forum/ogolne".into(),
        format!("/forum/watki/{t_general}"),
        format!("/forum/watki/{t_general}?kolejnosc=najnowsze"),
        format!("/forum/wpisy/{held}/historia"),
        format!("/forum/wpisy/{hidden}/historia"),
        "/forum/konsultacja-szkic-omega".into(),
        format!("/forum/watki/{t_draft}"),
        "/forum/cialo-rada-psi-czlonkowie".into(),
        format!("/forum/watki/{t_members}"),
        "/forum/cialo-rada-psi".into(),
        "/ciala-dialogu/rada-psi".into(),
        "/moderacja".into(),
        "/odpowiedzi-miasta".into(),
        "/odpowiedzi-miasta?stan=czeka".into(),
    ];
    let mut public_pages = 0;
    for path in &outlets {
        let (status, text) = seen(&app, path).await;
        assert!(status.is_success() || status.is_client_error(), "{path}: {status}");
        if status.is_success() {
            public_pages += 1;
        }
        for m in markers {
            assert!(!text.contains(m), "{path} shows {m:?} to an anonymous visitor");
        }
    }
    let (_, thread) = seen(&app, &format!("/forum/watki/{t_general}")).await;
    assert!(thread.contains("Jawny wpis Phi") && thread.contains("Wpis ukryty przez moderatora"), "{thread}");
    assert!(public_pages >= 9, "{public_pages} outlets answered");
}
