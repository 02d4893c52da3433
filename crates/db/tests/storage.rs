//! Storage tests; they run on SQLite, or on PostgreSQL when AGORA_TEST_DATABASE_URL is set.

use agora_db::audit::{AuditEntry, AuditFilter};
use agora_db::tokens::{Purpose, TokenProblem};
use agora_db::{DbError, jobs, reference, roles, sessions, testing, throttle, tokens, users};
use agora_domain::permission::Grant;
use agora_domain::reference::UnitInput;
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
    let (user, h) = sessions::user_for(&db, &token).await.unwrap().expect("session");
    assert_eq!((user.id, h.as_str()), (id, hash.as_str()));
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
async fn throttle_counts_within_the_window() {
    let db = testing::fresh().await.unwrap();
    for _ in 0..3 {
        throttle::record_failure(&db, "email:a@b.pl").await.unwrap();
    }
    let (n, oldest) = throttle::recent_failures(&db, "email:a@b.pl", Duration::minutes(15)).await.unwrap();
    assert_eq!(n, 3);
    assert!(oldest.is_some());
    assert_eq!(throttle::recent_failures(&db, "email:other@b.pl", Duration::minutes(15)).await.unwrap().0, 0);
    throttle::clear(&db, "email:a@b.pl").await.unwrap();
    assert_eq!(throttle::recent_failures(&db, "email:a@b.pl", Duration::minutes(15)).await.unwrap().0, 0);
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
    assert!(matches!(roles::grant(&db, uid, &Grant::Organiser(id), &entry("role.grant", "user")).await, Err(DbError::Conflict(_))));
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
    let job = jobs::claim(&db, Duration::minutes(5)).await.unwrap().expect("due job");
    assert_eq!((job.id, job.attempts), (id, 1));
    assert!(jobs::claim(&db, Duration::minutes(5)).await.unwrap().is_none(), "leased job claimed twice");
    jobs::fail(&db, &job, "smtp down").await.unwrap();
    assert!(jobs::claim(&db, Duration::minutes(5)).await.unwrap().is_none(), "retried before its back-off");
    assert_eq!(jobs::counts(&db).await.unwrap(), (1, 0));
    let later = jobs::enqueue(&db, "mail", "{}", Some(agora_db::now() - Duration::seconds(1))).await.unwrap();
    let job = jobs::claim(&db, Duration::minutes(5)).await.unwrap().unwrap();
    assert_eq!(job.id, later);
    jobs::complete(&db, later).await.unwrap();
    assert_eq!(jobs::counts(&db).await.unwrap(), (1, 0));
}
