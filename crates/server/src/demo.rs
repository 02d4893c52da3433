//! Demo data: Kraków's districts, real-looking units, categories, dialogue bodies and
//! staff accounts. Loading it twice changes nothing.

use agora_db::audit::AuditEntry;
use agora_db::reference::{self, NamedKind};
use agora_db::{Db, DbError, roles, users};
use agora_domain::permission::Grant;
use agora_domain::reference::{DistrictInput, NamedInput, UnitInput};
use agora_web::password::{HashCost, hash};

const DISTRICTS_CSV: &str = include_str!("../data/krakow-districts.csv");

const UNITS: [(&str, &str, &str, &str); 8] = [
    ("SZ", "Wydział Polityki Społecznej i Zdrowia", "Department of Social Policy and Health", "sz.umk@example.org"),
    ("ZTP", "Zarząd Transportu Publicznego", "Public Transport Authority", "ztp@example.org"),
    ("KS", "Wydział Kształtowania Środowiska", "Department of Environmental Development", "ks.umk@example.org"),
    ("PP", "Wydział Planowania Przestrzennego", "Department of Spatial Planning", "pp.umk@example.org"),
    (
        "SO",
        "Wydział ds. Społeczeństwa Obywatelskiego (Miejskie Centrum Dialogu)",
        "Civil Society Department (City Dialogue Centre)",
        "dialog@example.org",
    ),
    ("ZZM", "Zarząd Zieleni Miejskiej", "Municipal Greenery Authority", "zzm@example.org"),
    ("ZDMK", "Zarząd Dróg Miasta Krakowa", "Kraków City Roads Authority", "zdmk@example.org"),
    ("EK", "Wydział Edukacji", "Department of Education", "ek.umk@example.org"),
];

const CATEGORIES: [(&str, &str); 10] = [
    ("Transport i komunikacja", "Transport"),
    ("Zieleń i środowisko", "Greenery and environment"),
    ("Planowanie przestrzenne", "Spatial planning"),
    ("Polityka społeczna i zdrowie", "Social policy and health"),
    ("Edukacja", "Education"),
    ("Budżet obywatelski", "Participatory budget"),
    ("Kultura", "Culture"),
    ("Sport i rekreacja", "Sport and recreation"),
    ("Bezpieczeństwo", "Safety"),
    ("Organizacje pozarządowe", "NGOs"),
];

const BODIES: [(&str, &str); 4] = [
    ("Krakowska Rada Działalności Pożytku Publicznego", "Kraków Public Benefit Council"),
    ("Młodzieżowa Rada Krakowa", "Kraków Youth Council"),
    ("Krakowska Rada Seniorów", "Kraków Senior Council"),
    ("Komisja Dialogu Obywatelskiego ds. Ekologii", "Civic Dialogue Commission on Ecology"),
];

/// A demo account whose password is printed at start.
pub struct DemoAccount {
    /// Sign-in address.
    pub email: &'static str,
    /// Demo password.
    pub password: &'static str,
    /// What it is for.
    pub role: &'static str,
}

/// The demo staff accounts.
pub const ACCOUNTS: [DemoAccount; 7] = [
    DemoAccount { email: "admin@agora.test", password: "demo-admin-2026", role: "administrator" },
    DemoAccount { email: "organizator.ztp@agora.test", password: "demo-ztp-2026", role: "organiser ZTP and ZDMK" },
    DemoAccount { email: "organizator.sz@agora.test", password: "demo-sz-2026", role: "organiser SZ" },
    DemoAccount {
        email: "redaktor.podgorze@agora.test",
        password: "demo-podgorze-2026",
        role: "district editor XIII Podgórze",
    },
    DemoAccount { email: "sekretarz.krdpp@agora.test", password: "demo-krdpp-2026", role: "secretary KRDPP" },
    DemoAccount { email: "moderator@agora.test", password: "demo-moderator-2026", role: "moderator" },
    DemoAccount { email: "redaktor.centrum@agora.test", password: "demo-centrum-2026", role: "Dialogue Centre editor" },
];

fn entry(action: &'static str, entity: &'static str, details: String) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity, details }
}

/// What a district's page tells of its council in the demo: the same description for every
/// district, and Podgórze's seat, office hours and contact.
fn council(d: &reference::District) -> agora_domain::council::CouncilInput {
    let roman = DistrictInput::roman(d.number);
    let about = format!(
        "Rada Dzielnicy {roman} {name} to 15–21 radnych wybieranych przez mieszkańców na pięcioletnią kadencję.\n\n\
         ## Czym się zajmuje\n\n\
         - opiniuje projekty uchwał i planów miasta dotyczące dzielnicy,\n\
         - decyduje o wydatkach z budżetu dzielnicy: remontach chodników, zieleni, placach zabaw,\n\
         - zgłasza do urzędu sprawy zgłaszane przez mieszkańców.\n\n\
         ## Jak może pomóc\n\n\
         Przyjdź na dyżur radnego albo na sesję rady: są otwarte dla wszystkich. Sprawę możesz też opisać w piśmie do przewodniczącego rady.",
        name = d.name
    );
    let podgorze = d.number == 13;
    agora_domain::council::CouncilInput {
        about,
        seat: if podgorze { "ul. Rynek Podgórski 1, 30-533 Kraków".into() } else { String::new() },
        hours: if podgorze { "poniedziałek–piątek 9:00–15:00\nwtorek do 18:00".into() } else { String::new() },
        contact: if podgorze { "rada13@example.org".into() } else { String::new() },
    }
}

fn ignore_conflict<T>(r: Result<T, DbError>) -> Result<(), DbError> {
    match r {
        Ok(_) | Err(DbError::Conflict(_)) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Loads the demo data; existing rows are left as they are.
pub async fn load(db: &Db, cost: HashCost, storage: &dyn object_store::ObjectStore) -> anyhow::Result<()> {
    let existing: Vec<i32> = reference::districts(db).await?.into_iter().map(|d| d.number).collect();
    for line in DISTRICTS_CSV.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        let (Some(number), Some(name)) = (cols.first(), cols.get(2)) else { continue };
        let d = DistrictInput::parse(number, name).map_err(|e| anyhow::anyhow!("bad district line {line}: {e:?}"))?;
        if !existing.contains(&d.number) {
            reference::save_district(db, None, &d, &entry("district.create", "district", d.name.clone())).await?;
        }
    }
    for d in reference::districts(db).await? {
        if reference::council(db, d.id).await?.is_some_and(|c| c.council_about.is_empty()) {
            reference::save_council(db, d.id, &council(&d), &entry("district.council", "district", d.name.clone()))
                .await?;
        }
    }
    let codes: Vec<String> = reference::units(db).await?.into_iter().map(|u| u.code).collect();
    for (code, pl, en, contact) in UNITS {
        if !codes.iter().any(|c| c == code) {
            let u = UnitInput::parse(code, pl, en, contact).map_err(|e| anyhow::anyhow!("{e:?}"))?;
            reference::save_unit(db, None, &u, &entry("unit.create", "unit", pl.into())).await?;
        }
    }
    for (kind, list, action, entity) in [
        (NamedKind::Category, &CATEGORIES[..], "category.create", "category"),
        (NamedKind::Body, &BODIES[..], "dialogue_body.create", "dialogue_body"),
    ] {
        let names: Vec<String> = reference::named(db, kind).await?.into_iter().map(|n| n.name_pl).collect();
        for (pl, en) in list {
            if !names.iter().any(|n| n == pl) {
                let n = NamedInput::parse(pl, en).map_err(|e| anyhow::anyhow!("{e:?}"))?;
                reference::save_named(db, kind, None, &n, &entry(action, entity, (*pl).into())).await?;
            }
        }
    }
    let unit_id = |code: &str, units: &[reference::Unit]| units.iter().find(|u| u.code == code).map(|u| u.id);
    let units = reference::units(db).await?;
    let podgorze = reference::districts(db).await?.into_iter().find(|d| d.number == 13).map(|d| d.id);
    let krdpp = reference::named(db, NamedKind::Body)
        .await?
        .into_iter()
        .find(|b| b.name_pl.starts_with("Krakowska Rada Działalności"))
        .map(|b| b.id);
    let grants = [
        Some(Grant::Administrator),
        unit_id("ZTP", &units).map(Grant::Organiser),
        unit_id("SZ", &units).map(Grant::Organiser),
        podgorze.map(Grant::DistrictEditor),
        krdpp.map(Grant::BodySecretary),
        Some(Grant::Moderator),
        Some(Grant::CentreEditor),
    ];
    let names = [
        "Administrator Agory",
        "Anna Nowak (ZTP)",
        "Piotr Zieliński (SZ)",
        "Ewa Kowalczyk (Rada Dzielnicy XIII)",
        "Marek Wiśniewski (KRDPP)",
        "Katarzyna Lewandowska",
        "Magdalena Dąbrowska (Centrum Dialogu)",
    ];
    for ((acc, grant), name) in ACCOUNTS.iter().zip(grants).zip(names) {
        let id = match users::by_email(db, acc.email).await? {
            Some(u) => u.id,
            None => {
                let h = hash(cost, acc.password.into()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
                users::create(db, acc.email, name, &h, "pl", true).await?
            }
        };
        if let Some(g) = grant {
            ignore_conflict(
                roles::grant(db, id, &g, &entry("role.grant", "user", format!("{} {}", acc.email, acc.role))).await,
            )?;
        }
    }
    // The demo organiser also runs the street rebuild with its survey, so that signing in as
    // them shows an open consultation with every part in use.
    if let (Some(u), Some(zdmk)) = (users::by_email(db, ACCOUNTS[1].email).await?, unit_id("ZDMK", &units)) {
        let g = Grant::Organiser(zdmk);
        ignore_conflict(
            roles::grant(db, u.id, &g, &entry("role.grant", "user", format!("{} ZDMK", ACCOUNTS[1].email))).await,
        )?;
    }
    crate::demo_consultations::load(db, storage).await?;
    crate::demo_remarks::load(db).await?;
    crate::demo_surveys::load(db).await?;
    crate::demo_recognition::account(db, cost).await?;
    crate::demo_bodies::load(db).await?;
    crate::demo_opinions::load(db).await?;
    crate::demo_meetings::load(db).await?;
    crate::demo_applications::load(db).await?;
    crate::demo_forum::load(db, cost).await?;
    crate::demo_recognition::load(db).await?;
    crate::demo_news::load(db).await?;
    crate::demo_newsletter::load(db).await?;
    crate::demo_council::load(db, storage).await?;
    crate::demo_centre::load(db, storage).await?;
    crate::demo_events::load(db).await?;
    crate::demo_advice::load(db, cost).await?;
    crate::demo_follow::load(db).await?;
    Ok(())
}
