//! Demo civic dialogue bodies modelled on Kraków's (data/demo-bodies.json): each with its
//! address, legal basis, description, departments and themes, and two terms of members, the
//! earlier one ended so that its members show as former members. Loading it twice changes
//! nothing: a body demo.rs made by name, or one without terms, is completed once; a body with
//! terms is left as it is.

use agora_db::audit::AuditEntry;
use agora_db::reference::{self, NamedKind};
use agora_db::{Db, bodies, users};
use agora_domain::body::{Account, BodyForm, MembershipForm, TermForm};
use chrono::{Datelike, NaiveDate, Utc};
use serde::Deserialize;

const BODIES_JSON: &str = include_str!("../data/demo-bodies.json");

#[derive(Deserialize)]
struct DemoBody {
    name_pl: String,
    name_en: String,
    slug: String,
    kind: String,
    legal_basis: String,
    about: String,
    contact: String,
    statute_url: String,
    /// Unit codes.
    units: Vec<String>,
    /// Category names.
    themes: Vec<String>,
    /// (term: "past" or "current", name, role, voting, organisation, account e-mail).
    members: Vec<DemoMember>,
}

#[derive(Deserialize)]
struct DemoMember(String, String, String, bool, String, #[serde(default)] Option<String>);

fn entry(action: &'static str, details: String) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity: "dialogue_body", details }
}

fn ymd(y: i32, m: u32, d: u32) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| anyhow::anyhow!("no such day {y}-{m}-{d}"))
}

/// Loads the demo bodies; bodies that already have terms are left as they are.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    let list: Vec<DemoBody> = serde_json::from_str(BODIES_JSON)?;
    let units = reference::units(db).await?;
    let categories = reference::named(db, NamedKind::Category).await?;
    let unit_ids: Vec<i64> = units.iter().map(|u| u.id).collect();
    let category_ids: Vec<i64> = categories.iter().map(|c| c.id).collect();
    // Terms move with the calendar, so that the demo always has a current and a past term.
    let year = Utc::now().year();
    let past = TermForm {
        term_name: format!("{}–{}", year - 5, year - 2),
        term_starts_on: ymd(year - 5, 1, 1)?.to_string(),
        term_ends_on: ymd(year - 2, 12, 31)?.to_string(),
    }
    .parse()
    .map_err(|e| anyhow::anyhow!("demo term: {e:?}"))?;
    let current = TermForm {
        term_name: format!("{}–{}", year - 1, year + 2),
        term_starts_on: ymd(year - 1, 1, 1)?.to_string(),
        term_ends_on: ymd(year + 2, 12, 31)?.to_string(),
    }
    .parse()
    .map_err(|e| anyhow::anyhow!("demo term: {e:?}"))?;

    for b in list {
        let form = BodyForm {
            name_pl: b.name_pl.clone(),
            name_en: b.name_en,
            slug: b.slug.clone(),
            kind: b.kind,
            legal_basis: b.legal_basis,
            about: b.about,
            contact: b.contact,
            statute_url: b.statute_url,
            units: b
                .units
                .iter()
                .filter_map(|code| units.iter().find(|u| &u.code == code))
                .map(|u| u.id.to_string())
                .collect(),
            categories: b
                .themes
                .iter()
                .filter_map(|name| categories.iter().find(|c| &c.name_pl == name))
                .map(|c| c.id.to_string())
                .collect(),
        };
        let input =
            form.parse(&unit_ids, &category_ids).map_err(|e| anyhow::anyhow!("demo body {}: {e:?}", b.name_pl))?;
        let existing = bodies::list(db, bodies::BodyFilter::default(), Utc::now().date_naive()).await?;
        // demo.rs makes the first bodies by name alone; they are completed here, once.
        let found = existing.iter().find(|e| e.slug == b.slug || e.name_pl == b.name_pl).map(|e| e.id);
        if let Some(id) = found {
            let detail = bodies::detail_by_id(db, id).await?.ok_or_else(|| anyhow::anyhow!("body {id} vanished"))?;
            if !detail.terms.is_empty() {
                continue;
            }
        }
        let action = if found.is_some() { "dialogue_body.update" } else { "dialogue_body.create" };
        let id = bodies::save(db, found, &input, &entry(action, b.name_pl.clone())).await?;
        let past_id = bodies::add_term(db, id, &past, &entry("body_term.create", past.name.clone())).await?;
        let current_id = bodies::add_term(db, id, &current, &entry("body_term.create", current.name.clone())).await?;
        for DemoMember(term, name, role, voting, organisation, email) in b.members {
            let (term_id, term) = if term == "past" { (past_id, &past) } else { (current_id, &current) };
            let account = match email {
                Some(e) => users::by_email(db, &e).await?.map_or(Account::NotGiven, |u| Account::Found(u.id)),
                None => Account::NotGiven,
            };
            let m = MembershipForm {
                name,
                email: String::new(),
                role,
                voting: voting.then(|| "yes".to_owned()),
                organisation,
                term_id: term_id.to_string(),
                starts_on: term.starts_on.to_string(),
                ends_on: term.ends_on.to_string(),
            }
            .parse(&[past_id, current_id], account)
            .map_err(|e| anyhow::anyhow!("demo member of {}: {e:?}", b.name_pl))?;
            let details = format!("{}: {} {}", b.name_pl, m.person_name, m.role.as_str());
            bodies::add_membership(db, id, &m, &entry("body_membership.create", details)).await?;
        }
    }
    Ok(())
}
