//! Storage tests; they run on SQLite, or on PostgreSQL when AGORA_TEST_DATABASE_URL is set.

// A helper that cannot go on fails its test by panicking, as `#[test]` functions may.
#![allow(clippy::unwrap_used)]

use agora_db::audit::{AuditEntry, AuditFilter};
use agora_db::limits::{self, Verdict};
use agora_db::tokens::{Purpose, TokenProblem};
use agora_db::{DbError, jobs, reference, roles, sessions, testing, tokens, users};
use agora_domain::limits::Limit;
use agora_domain::permission::Grant;
use agora_domain::reference::UnitInput;
use agora_domain::remark::{Channel, Decision, FormalStatus};
use agora_domain::survey::{Access, Layout, SurveyChannel, Visibility};
use chrono::Duration;

fn entry(action: &'static str, entity: &'static str) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "test".into(), action, entity, details: String::new() }
}

#[tokio::test]
async fn both_backends_have_the_same_tables_and_columns() {
    let Ok(url) = std::env::var(testing::TEST_URL_VAR) else {
        eprintln!("{} not set: the comparison runs in the PostgreSQL pass", testing::TEST_URL_VAR);
        return;
    };
    assert!(!url.is_empty());
    let sqlite = testing::fresh_sqlite().await.unwrap();
    let pg = testing::fresh().await.unwrap();
    assert_eq!(pg.backend(), "postgres");
    let a = sqlite.schema_columns().await.unwrap();
    let b = pg.schema_columns().await.unwrap();
    assert!(a.len() > 40, "schema looks empty: {a:?}");
    assert_eq!(a, b);
}

#[tokio::test]
async fn users_are_unique_by_email_and_sessions_find_them() {
    let db = testing::fresh().await.unwrap();
    let id = users::create(&db, "anna@example.pl", "Anna", "hash", "pl", false).await.unwrap();
    let err = users::create(&db, "anna@example.pl", "Anna 2", "hash", "pl", false).await.unwrap_err();
    assert!(matches!(err, DbError::Conflict(_)), "{err:?}");

    let (token, hash) = sessions::create(&db, id, Duration::hours(1)).await.unwrap();
    let live = sessions::user_for(&db, &token).await.unwrap().expect("session");
    assert_eq!((live.user.id, live.hash.as_str()), (id, hash.as_str()));
    let left = live.expires_at - agora_db::now();
    assert!(left > Duration::minutes(59) && left <= Duration::hours(1), "{left}");
    assert!(sessions::user_for(&db, "nonsense").await.unwrap().is_none());

    let (expired, _) = sessions::create(&db, id, Duration::seconds(-1)).await.unwrap();
    assert!(sessions::user_for(&db, &expired).await.unwrap().is_none());
    assert_eq!(sessions::prune(&db).await.unwrap(), 1);

    users::delete(&db, id, &entry("account.delete", "user")).await.unwrap();
    assert!(sessions::user_for(&db, &token).await.unwrap().is_none());
    assert!(users::by_email(&db, "anna@example.pl").await.unwrap().is_none());
}

#[tokio::test]
async fn tokens_are_single_use_and_expire() {
    let db = testing::fresh().await.unwrap();
    let id = users::create(&db, "jan@example.pl", "Jan", "hash", "pl", false).await.unwrap();
    let t = tokens::issue(&db, id, Purpose::Confirm, None, Duration::hours(1)).await.unwrap();
    assert_eq!(tokens::consume(&db, &t, Purpose::Reset).await.unwrap().unwrap_err(), TokenProblem::Unknown);
    assert_eq!(tokens::consume(&db, &t, Purpose::Confirm).await.unwrap().unwrap().user_id, id);
    assert_eq!(tokens::consume(&db, &t, Purpose::Confirm).await.unwrap().unwrap_err(), TokenProblem::Used);

    let old = tokens::issue(&db, id, Purpose::Reset, None, Duration::seconds(-5)).await.unwrap();
    assert_eq!(tokens::check(&db, &old, Purpose::Reset).await.unwrap().unwrap_err(), TokenProblem::Expired);

    let first = tokens::issue(&db, id, Purpose::Reset, None, Duration::hours(1)).await.unwrap();
    let _second = tokens::issue(&db, id, Purpose::Reset, None, Duration::hours(1)).await.unwrap();
    assert_eq!(tokens::check(&db, &first, Purpose::Reset).await.unwrap().unwrap_err(), TokenProblem::Used);
}

#[tokio::test]
async fn limits_count_within_a_window_and_refuse_past_it() {
    let db = testing::fresh().await.unwrap();
    let rule = Limit { scope: "test", max: 3, window_secs: 900 };
    for n in 1..=3 {
        assert_eq!(limits::hit(&db, &rule, "a@b.pl").await.unwrap(), Verdict::Allowed { count: n });
    }
    let Verdict::Refused { retry_after } = limits::hit(&db, &rule, "a@b.pl").await.unwrap() else {
        panic!("the fourth attempt passed");
    };
    assert!(retry_after > Duration::minutes(14) && retry_after <= Duration::minutes(15), "{retry_after}");
    assert_eq!(limits::count(&db, &rule, "a@b.pl").await.unwrap(), 4);
    assert_eq!(limits::hit(&db, &rule, "other@b.pl").await.unwrap(), Verdict::Allowed { count: 1 });
    let other_rule = Limit { scope: "other", ..rule };
    assert!(limits::hit(&db, &other_rule, "a@b.pl").await.unwrap().allowed(), "rules count apart");

    limits::refund(&db, &rule, "a@b.pl").await.unwrap();
    limits::refund(&db, &rule, "a@b.pl").await.unwrap();
    assert_eq!(limits::hit(&db, &rule, "a@b.pl").await.unwrap(), Verdict::Allowed { count: 3 });
    limits::clear(&db, &rule, "a@b.pl").await.unwrap();
    assert_eq!(limits::count(&db, &rule, "a@b.pl").await.unwrap(), 0);

    let short = Limit { scope: "short", max: 1, window_secs: 1 };
    assert!(limits::hit(&db, &short, "x").await.unwrap().allowed());
    assert!(!limits::hit(&db, &short, "x").await.unwrap().allowed());
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(limits::hit(&db, &short, "x").await.unwrap(), Verdict::Allowed { count: 1 }, "a new window");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_attempts_never_pass_a_limit_together() {
    let db = testing::fresh().await.unwrap();
    let rule = Limit { scope: "test", max: 5, window_secs: 900 };
    let attempts = (0..20).map(|_| {
        let db = db.clone();
        tokio::spawn(async move { limits::hit(&db, &rule, "target").await.unwrap() })
    });
    let verdicts = futures_util::future::join_all(attempts).await;
    let mut counts: Vec<i64> = verdicts
        .into_iter()
        .filter_map(|v| match v.unwrap() {
            Verdict::Allowed { count } => Some(count),
            Verdict::Refused { .. } => None,
        })
        .collect();
    counts.sort();
    assert_eq!(counts, [1, 2, 3, 4, 5], "exactly the limit passes, each with its own count");
    assert_eq!(limits::count(&db, &rule, "target").await.unwrap(), 20);
}

#[tokio::test]
async fn reference_changes_are_audited_and_roles_scoped() {
    let db = testing::fresh().await.unwrap();
    let unit = UnitInput::parse("ztp", "Zarząd Transportu Publicznego", "", "").unwrap();
    let id = reference::save_unit(&db, None, &unit, &entry("unit.create", "unit")).await.unwrap();
    let dup = reference::save_unit(&db, None, &unit, &entry("unit.create", "unit")).await.unwrap_err();
    assert!(matches!(dup, DbError::Conflict(_)));
    let uid = users::create(&db, "o@example.pl", "Org", "hash", "pl", true).await.unwrap();
    roles::grant(&db, uid, &Grant::Organiser(id), &entry("role.grant", "user")).await.unwrap();
    assert!(matches!(
        roles::grant(&db, uid, &Grant::Organiser(id), &entry("role.grant", "user")).await,
        Err(DbError::Conflict(_))
    ));
    assert_eq!(roles::of_user(&db, uid).await.unwrap(), vec![Grant::Organiser(id)]);
    let listed = roles::all(&db).await.unwrap();
    assert_eq!(listed[0].scope_name.as_deref(), Some("ZTP Zarząd Transportu Publicznego"));

    let log = agora_db::audit::list(&db, &AuditFilter::default(), 10, 0).await.unwrap();
    assert_eq!(log.total, 2, "the failed duplicate must leave no audit row");
    let only_units = AuditFilter { action_prefix: Some("unit.".into()), ..Default::default() };
    let log = agora_db::audit::list(&db, &only_units, 10, 0).await.unwrap();
    assert_eq!((log.total, log.items[0].entity_id), (1, Some(id)));
}

#[tokio::test]
async fn jobs_are_claimed_once_and_retried_after_failure() {
    let db = testing::fresh().await.unwrap();
    let id = jobs::enqueue(&db, "mail", "{}", None).await.unwrap();
    let claimed = jobs::claim(&db, jobs::Queue::Main, Duration::minutes(5), 10).await.unwrap();
    assert_eq!(claimed.iter().map(|j| (j.id, j.attempts)).collect::<Vec<_>>(), vec![(id, 1)]);
    assert!(
        jobs::claim(&db, jobs::Queue::Main, Duration::minutes(5), 10).await.unwrap().is_empty(),
        "leased job claimed twice"
    );
    jobs::fail(&db, &claimed[0], "smtp down").await.unwrap();
    assert!(
        jobs::claim(&db, jobs::Queue::Main, Duration::minutes(5), 10).await.unwrap().is_empty(),
        "retried before its back-off"
    );
    assert_eq!(jobs::counts(&db).await.unwrap(), (1, 0));
    let a = jobs::enqueue(&db, "mail", "{}", Some(agora_db::now() - Duration::seconds(2))).await.unwrap();
    let b = jobs::enqueue(&db, "mail", "{}", Some(agora_db::now() - Duration::seconds(1))).await.unwrap();
    let c = jobs::enqueue(&db, "mail", "{}", Some(agora_db::now() - Duration::seconds(1))).await.unwrap();
    let first = jobs::claim(&db, jobs::Queue::Main, Duration::minutes(5), 2).await.unwrap();
    assert_eq!(first.iter().map(|j| j.id).collect::<Vec<_>>(), vec![a, b], "oldest due jobs first, no more than asked");
    let rest = jobs::claim(&db, jobs::Queue::Main, Duration::minutes(5), 2).await.unwrap();
    assert_eq!(rest.iter().map(|j| j.id).collect::<Vec<_>>(), vec![c]);
    jobs::complete(&db, &[a, b, c]).await.unwrap();
    assert_eq!(jobs::counts(&db).await.unwrap(), (1, 0));
}

/// A fresh database with one unit and one draft consultation of it, open for 21 days from now.
async fn one_consultation() -> (agora_db::Db, i64) {
    use agora_domain::consultation::{ConsultationForm, ConsultationInput};
    let db = testing::fresh().await.unwrap();
    let unit = reference::save_unit(
        &db,
        None,
        &UnitInput::parse("ZTP", "Zarząd", "", "").unwrap(),
        &entry("unit.create", "unit"),
    )
    .await
    .unwrap();
    let f = ConsultationForm {
        title: "Konsultacja testowa".into(),
        summary: "Streszczenie testowe.".into(),
        legal_basis: "optional".into(),
        scope: "city".into(),
        contact_name: "Jan".into(),
        opens_at: "x".into(),
        closes_at: "x".into(),
        ..Default::default()
    };
    let at = agora_db::now();
    let input = ConsultationInput::parse(&f, Some(at), Some(at + Duration::days(21))).unwrap();
    let c = agora_db::consultation::create(
        &db,
        &input,
        unit,
        "pl",
        &Default::default(),
        &entry("consultation.create", "consultation"),
    )
    .await
    .unwrap();
    (db, c)
}

#[tokio::test]
async fn an_unknown_stored_status_is_an_error_not_a_draft() {
    let (db, c) = one_consultation().await;
    let read = agora_db::consultation::by_id(&db, c).await.unwrap().unwrap();
    assert_eq!(read.status, agora_domain::consultation::Status::Draft);

    testing::store_raw_status(&db, c, "opened").await.unwrap();
    let err = agora_db::consultation::by_id(&db, c).await.expect_err("a status no variant names must not be read");
    assert!(err.to_string().contains("\"opened\" is not a known Status value"), "{err}");
}

#[tokio::test]
async fn submissions_number_remarks_once_and_answers_and_moderation_stick() {
    use agora_db::remarks::{self, Moderation, NewSubmission, RemarkFilter, Stored};
    use agora_domain::remark::{Identity, RemarkInput, SubmitterKind};
    let (db, c) = one_consultation().await;
    let at = agora_db::now();
    let person = Identity {
        kind: SubmitterKind::Person,
        name: Some("Jan Kowalski".into()),
        organisation: None,
        district_id: None,
        address: None,
        email: None,
    };
    let remark = |t: &str| RemarkInput {
        section_id: None,
        section_text: None,
        proposed_change: t.into(),
        justification: String::new(),
    };
    let sub = |key: &str, held: bool| NewSubmission {
        consultation_id: c,
        form_key: key.into(),
        channel: Channel::Online,
        received_at: at,
        entered_by: None,
        user_id: None,
        identity: person.clone(),
        formal_status: FormalStatus::Valid,
        defect_reason: None,
        correct_by: None,
        attachment: None,
        held,
        lang: "pl".into(),
    };
    let first =
        remarks::submit(&db, &sub("k1", false), &[remark("A"), remark("B")], &entry("remark.submit", "consultation"))
            .await
            .unwrap();
    assert_eq!(first, Stored::Created(format!("UW/{c}/00001")));
    let again =
        remarks::submit(&db, &sub("k1", false), &[remark("A"), remark("B")], &entry("remark.submit", "consultation"))
            .await
            .unwrap();
    assert_eq!(again, Stored::Duplicate(format!("UW/{c}/00001")));
    let held =
        remarks::submit(&db, &sub("k2", true), &[remark("C")], &entry("remark.submit", "consultation")).await.unwrap();
    assert_eq!(held.receipt(), format!("UW/{c}/00003"));

    let public = remarks::list(&db, c, &RemarkFilter { public: true, ..Default::default() }, 10, 0).await.unwrap();
    assert_eq!(public.items.iter().map(|r| r.number).collect::<Vec<_>>(), vec![1, 2]);
    assert_eq!(public.items[1].person_number, Some(1), "one pseudonym per submission");
    let ids: Vec<i64> = public.items.iter().map(|r| r.id).collect();
    assert_eq!(
        remarks::answer(
            &db,
            c,
            &ids,
            &remarks::Answer {
                decision: Decision::Rejected,
                justification: "Nie mieści się w budżecie.",
                group_title: Some("Budżet"),
                answered_by: "test",
            },
            &entry("remark.answer", "consultation")
        )
        .await
        .unwrap(),
        2
    );
    assert_eq!(remarks::progress(&db, c).await.unwrap(), (2, 3));
    let open = remarks::list(&db, c, &RemarkFilter { unanswered: true, ..Default::default() }, 10, 0).await.unwrap();
    assert_eq!(open.items.len(), 1);
    assert!(
        remarks::moderate(
            &db,
            c,
            open.items[0].id,
            Moderation::Approve,
            "",
            "mod",
            &entry("remark.moderate", "consultation")
        )
        .await
        .unwrap()
    );
    assert!(
        !remarks::moderate(
            &db,
            c,
            open.items[0].id,
            Moderation::Approve,
            "",
            "mod",
            &entry("remark.moderate", "consultation")
        )
        .await
        .unwrap()
    );
    assert!(
        remarks::moderate(
            &db,
            c,
            ids[0],
            Moderation::Hide,
            "Dane osobowe",
            "mod",
            &entry("remark.moderate", "consultation")
        )
        .await
        .unwrap()
    );
    let log = remarks::moderation_log(&db, c, 10).await.unwrap();
    assert_eq!((log[0].remark_number, log[0].reason.as_str()), (1, "Dane osobowe"));
    let [by_channel, by_decision, _, _] = remarks::counts(&db, c).await.unwrap();
    assert_eq!(by_channel[0].n, 3);
    assert_eq!(by_decision.iter().find(|x| x.label.as_deref() == Some("rejected")).unwrap().n, 2);
    // A batch numbers in arrival order, answers a repeat inside it and one stored earlier with
    // the first receipt, queues one job per new submission, and audits each once.
    let item = |key: &str, texts: &[&str], mail: bool| remarks::SubmissionBatchItem {
        submission: sub(key, true),
        remarks: texts.iter().map(|t| remark(t)).collect(),
        entry: entry("remark.submit", "consultation"),
        follow_up: mail
            .then(|| remarks::FollowUp { kind: "mail", payload: Box::new(|r: &str| format!("receipt {r}")) }),
    };
    let audited = agora_db::audit::list(&db, &Default::default(), 1, 0).await.unwrap().total;
    let batch = [
        item("k3", &["D", "E"], true),
        item("k1", &["A"], true),
        item("k4", &["F"], false),
        item("k3", &["D", "E"], true),
        item("k1", &["A"], true),
    ];
    let stored = remarks::submit_batch(&db, &batch).await.unwrap();
    assert_eq!(
        stored,
        vec![
            Stored::Created(format!("UW/{c}/00004")),
            Stored::Duplicate(format!("UW/{c}/00001")),
            Stored::Created(format!("UW/{c}/00006")),
            Stored::Duplicate(format!("UW/{c}/00004")),
            Stored::Duplicate(format!("UW/{c}/00001")),
        ]
    );
    let payloads: Vec<String> = jobs::claim(&db, jobs::Queue::Main, Duration::minutes(5), 10)
        .await
        .unwrap()
        .into_iter()
        .map(|j| j.payload)
        .collect();
    assert_eq!(payloads, vec![format!("receipt UW/{c}/00004")]);
    assert_eq!(agora_db::audit::list(&db, &Default::default(), 1, 0).await.unwrap().total, audited + 2);
    let all = remarks::list(&db, c, &RemarkFilter::default(), 10, 0).await.unwrap();
    assert_eq!(
        all.items.iter().map(|r| (r.number, r.proposed_change.as_str(), r.person_number)).collect::<Vec<_>>(),
        vec![
            (1, "A", Some(1)),
            (2, "B", Some(1)),
            (3, "C", Some(2)),
            (4, "D", Some(3)),
            (5, "E", Some(3)),
            (6, "F", Some(4)),
        ]
    );
    // What the batch stored reads back as it was sent, its instant to the microsecond.
    let d = &all.items[3];
    assert_eq!(
        (
            d.received_at,
            d.receipt.as_str(),
            d.channel.as_str(),
            d.moderation.as_str(),
            d.submitter_kind.as_str(),
            d.name.as_deref()
        ),
        (at, format!("UW/{c}/00004").as_str(), "online", "held", "person", Some("Jan Kowalski"))
    );

    // Filters and pages: the channel is the submission's; a page is counted and ordered by number.
    let paper = NewSubmission { channel: Channel::Post, ..sub("k5", false) };
    remarks::submit(&db, &paper, &[remark("G"), remark("H")], &entry("remark.submit", "consultation")).await.unwrap();
    let numbers =
        |p: &agora_db::Page<remarks::RemarkRow>| (p.items.iter().map(|r| r.number).collect::<Vec<_>>(), p.total);
    let on_paper = remarks::list(&db, c, &RemarkFilter { channel: Some(Channel::Post), ..Default::default() }, 10, 0)
        .await
        .unwrap();
    assert_eq!(numbers(&on_paper), (vec![7, 8], 2));
    let online_page =
        remarks::list(&db, c, &RemarkFilter { channel: Some(Channel::Online), ..Default::default() }, 2, 2)
            .await
            .unwrap();
    assert_eq!(numbers(&online_page), (vec![3, 4], 6));
    let rejected =
        remarks::list(&db, c, &RemarkFilter { decision: Some(Decision::Rejected), ..Default::default() }, 1, 1)
            .await
            .unwrap();
    assert_eq!(numbers(&rejected), (vec![2], 2));
    let public_paper = remarks::list(
        &db,
        c,
        &RemarkFilter { public: true, channel: Some(Channel::Post), unanswered: true, ..Default::default() },
        10,
        0,
    )
    .await
    .unwrap();
    assert_eq!(numbers(&public_paper), (vec![7, 8], 2));
}

#[tokio::test]
async fn a_batch_of_survey_responses_keeps_each_ones_answers_and_counts_them() {
    use agora_db::surveys::{self, NewResponse, Outcome, ResponseFilter, SurveyFields};
    use agora_domain::survey::{Item, QuestionForm, Text};
    let db = testing::fresh().await.unwrap();
    let unit = reference::save_unit(
        &db,
        None,
        &UnitInput::parse("zdmk", "Zarząd Dróg", "", "").unwrap(),
        &entry("unit.create", "unit"),
    )
    .await
    .unwrap();
    let text = |s: &str| Text { pl: s.into(), en: String::new() };
    let fields = SurveyFields {
        slug: "ankieta".into(),
        consultation_id: None,
        unit_id: unit,
        title: text("Ankieta"),
        intro: text(""),
        access: Access::Anyone,
        layout: Layout::OnePage,
        visibility: Visibility::WhileOpen,
        closes_at: None,
    };
    let id = surveys::create(&db, &fields, None, &entry("survey.create", "survey")).await.unwrap();
    for q in ["Skąd jesteś?", "Co zmienić?"] {
        let input =
            QuestionForm { kind: "short_text".into(), text_pl: q.into(), page: "1".into(), ..Default::default() }
                .parse(&[], None)
                .unwrap();
        surveys::add_question(&db, id, &input, &entry("survey.question.add", "survey")).await.unwrap();
    }
    let qs: Vec<i64> = surveys::questions(&db, id).await.unwrap().iter().map(|q| q.id).collect();
    let answer = |t: &str| vec![Item { item: String::new(), num: None, text: Some(t.into()) }];
    let response = |key: &str, items: Vec<(i64, Vec<Item>)>| NewResponse {
        survey_id: id,
        channel: SurveyChannel::Online,
        form_key: key.into(),
        user_id: None,
        code: None,
        interviewer: None,
        place: None,
        collected_at: chrono::Utc::now(),
        day: chrono::Utc::now().date_naive(),
        entered_by: None,
        version: 1,
        items,
    };
    let batch = [
        response("a", vec![(qs[0], answer("Podgórze")), (qs[1], answer("Więcej drzew"))]),
        response("b", vec![(qs[0], answer("Kazimierz"))]),
        response("a", vec![(qs[0], answer("Podgórze")), (qs[1], answer("Więcej drzew"))]),
        response("c", vec![(qs[1], answer("Ławki"))]),
    ];
    let out = surveys::submit_batch(&db, &batch).await.unwrap();
    assert!(matches!(out[..], [Outcome::Stored(_), Outcome::Stored(_), Outcome::Duplicate, Outcome::Stored(_)]));
    // A key stored by an earlier batch is a repeat too, beside a new one.
    let again = surveys::submit_batch(&db, &[response("b", vec![(qs[0], answer("Kazimierz"))]), response("d", vec![])])
        .await
        .unwrap();
    assert!(matches!(again[..], [Outcome::Duplicate, Outcome::Stored(_)]));
    let mut stored = Vec::new();
    let order = &qs;
    surveys::for_each_response(&db, id, &ResponseFilter::default(), |_, answers| {
        let mut texts: Vec<(usize, String)> = answers
            .iter()
            .flat_map(|(q, items)| {
                items
                    .iter()
                    .map(move |i| (order.iter().position(|x| x == q).unwrap_or(9), i.text.clone().unwrap_or_default()))
            })
            .collect();
        texts.sort();
        stored.push(texts);
        async { true }
    })
    .await
    .unwrap();
    assert_eq!(
        stored,
        vec![
            vec![(0, "Podgórze".to_string()), (1, "Więcej drzew".to_string())],
            vec![(0, "Kazimierz".to_string())],
            vec![(1, "Ławki".to_string())],
            vec![],
        ]
    );
    assert_eq!(surveys::response_counts(&db).await.unwrap().get(&id), Some(&4));
    // Instants stored by a batch compare rightly with instants bound in a filter.
    let now = chrono::Utc::now();
    for (from, to, expected) in [
        (now - Duration::hours(1), now + Duration::hours(1), 4),
        (now - Duration::hours(2), now - Duration::hours(1), 0),
    ] {
        let mut n = 0;
        let window = ResponseFilter { from_at: Some(from), to_at: Some(to), ..Default::default() };
        surveys::for_each_response(&db, id, &window, |_, _| {
            n += 1;
            async { true }
        })
        .await
        .unwrap();
        assert_eq!(n, expected);
    }
    // A batch larger than one statement's worth of rows keeps every response and its count.
    let many: Vec<NewResponse> =
        (0..70).map(|k| response(&format!("m{k}"), vec![(qs[0], answer("Nowa Huta"))])).collect();
    let out = surveys::submit_batch(&db, &many).await.unwrap();
    assert_eq!(out.iter().filter(|o| matches!(o, Outcome::Stored(_))).count(), 70);
    assert_eq!(surveys::response_counts(&db).await.unwrap().get(&id), Some(&74));
}

#[tokio::test]
async fn a_formal_check_changes_with_its_history_and_a_repeat_stores_nothing() {
    use agora_db::formal::{self, CheckOutcome, NewCheck};
    use agora_db::remarks::{self, NewSubmission};
    use agora_domain::remark::{Identity, RemarkInput, SubmitterKind};
    let (db, c) = one_consultation().await;
    let staff = users::create(&db, "urzednik@example.pl", "Ewa Urzędnik", "hash", "pl", false).await.unwrap();
    let at = agora_db::now();
    let deadline = at + Duration::days(7);
    let sub = NewSubmission {
        consultation_id: c,
        form_key: "k1".into(),
        channel: Channel::Post,
        received_at: at,
        entered_by: Some((staff, "Ewa Urzędnik".into())),
        user_id: None,
        identity: Identity {
            kind: SubmitterKind::Anonymous,
            name: None,
            organisation: None,
            district_id: None,
            address: None,
            email: None,
        },
        formal_status: FormalStatus::Defective,
        defect_reason: Some("Brak podpisu".into()),
        correct_by: Some(deadline),
        attachment: None,
        held: false,
        lang: "pl".into(),
    };
    let remark =
        RemarkInput { section_id: None, section_text: None, proposed_change: "A".into(), justification: String::new() };
    remarks::submit(&db, &sub, &[remark], &entry("remark.intake", "consultation")).await.unwrap();
    let id = remarks::list(&db, c, &Default::default(), 1, 0).await.unwrap().items[0].submission_id;

    let keyed_in = formal::history(&db, id).await.unwrap();
    assert_eq!(keyed_in.len(), 1, "the intake's check starts the history");
    assert_eq!(
        (keyed_in[0].status, keyed_in[0].reason.as_deref(), keyed_in[0].correct_by, keyed_in[0].actor_label.as_str()),
        (FormalStatus::Defective, Some("Brak podpisu"), Some(deadline), "Ewa Urzędnik")
    );

    let same = NewCheck {
        status: FormalStatus::Defective,
        reason: Some("Brak podpisu"),
        correct_by: Some(deadline),
        actor_id: staff,
        actor_label: "Ewa Urzędnik",
    };
    let audit = |db: agora_db::Db| async move {
        let f = AuditFilter { action_prefix: Some("remark.formal".into()), ..Default::default() };
        agora_db::audit::list(&db, &f, 10, 0).await.unwrap().items.len()
    };
    let e = entry("remark.formal_check", "consultation");
    assert_eq!(formal::set(&db, c, id, &same, &e).await.unwrap(), CheckOutcome::Unchanged);
    assert_eq!(audit(db.clone()).await, 0);

    let valid = NewCheck { status: FormalStatus::Valid, reason: None, correct_by: None, ..same.clone() };
    assert_eq!(formal::set(&db, c, id, &valid, &e).await.unwrap(), CheckOutcome::Changed);
    assert_eq!(formal::set(&db, c, id, &valid, &e).await.unwrap(), CheckOutcome::Unchanged);
    assert_eq!(formal::set(&db, c + 1, id, &valid, &e).await.unwrap(), CheckOutcome::NotFound);
    assert_eq!(audit(db.clone()).await, 1);
    let now = formal::submission(&db, c, id).await.unwrap().unwrap();
    assert_eq!((now.formal_status, now.defect_reason, now.correct_by), (FormalStatus::Valid, None, None));
    let statuses: Vec<_> = formal::history(&db, id).await.unwrap().iter().map(|h| h.status).collect();
    assert_eq!(statuses, vec![FormalStatus::Valid, FormalStatus::Defective], "newest first");
    assert!(formal::submission(&db, c + 1, id).await.unwrap().is_none());
}
