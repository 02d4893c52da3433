//! Demo news: posts by the Centre, by Podgórze's district council and by the Kraków Public
//! Benefit Council, one of them in two languages and with topics, and one scheduled a week
//! ahead that stays out of every list until then. Loading it twice changes nothing: once there
//! is any news, none is added.

use agora_db::audit::AuditEntry;
use agora_db::news;
use agora_db::reference::{self, NamedKind};
use agora_db::{Db, users};
use agora_domain::news::{NewsInput, Subject};
use chrono::{Duration, Utc};

/// Who writes a post.
enum From {
    Centre,
    District(i32),
    Body(&'static str),
}

struct DemoPost {
    from: From,
    title: &'static str,
    title_en: Option<&'static str>,
    lead: &'static str,
    lead_en: Option<&'static str>,
    body: &'static str,
    /// Days from now: negative is the past, positive a scheduled post.
    days: i64,
    /// Topics, by Polish name.
    topics: &'static [&'static str],
}

const POSTS: &[DemoPost] = &[
    DemoPost {
        from: From::Centre,
        title: "Ruszył nabór do Akademii Dobrego Dialogu",
        title_en: Some("Applications open for the Good Dialogue Academy"),
        lead: "Centrum Dialogu zaprasza liderów lokalnych i radnych dzielnic na cykl warsztatów o prowadzeniu konsultacji.",
        lead_en: Some(
            "The Dialogue Centre invites local leaders and district councillors to workshops on running consultations.",
        ),
        body: "Zajęcia odbędą się w **pięciu spotkaniach** w siedzibie Centrum.\n\n- jak zaplanować konsultacje,\n- jak pisać raport,\n- jak odpowiadać na uwagi mieszkańców.\n\nZgłoszenia przyjmujemy mailowo do końca miesiąca.",
        days: -2,
        topics: &["Organizacje pozarządowe"],
    },
    DemoPost {
        from: From::District(13),
        title: "Dyżury radnych Dzielnicy XIII w grudniu",
        title_en: None,
        lead: "Radni Podgórza przyjmują mieszkańców w siedzibie rady przy ul. Rynek Podgórski 1 w każdy wtorek.",
        lead_en: None,
        body: "Dyżury odbywają się w godzinach **17:00–18:00**. Nie trzeba się wcześniej umawiać.\n\nSprawy można też zgłaszać mailowo do biura rady.",
        days: -5,
        topics: &[],
    },
    DemoPost {
        from: From::Body("Krakowska Rada Działalności Pożytku Publicznego"),
        title: "Rada Pożytku zaopiniowała program współpracy z organizacjami",
        title_en: None,
        lead: "Na ostatnim posiedzeniu KRDPP przyjęła opinię do projektu programu współpracy miasta z organizacjami pozarządowymi.",
        lead_en: None,
        body: "Opinia zawiera **siedem rekomendacji**, m.in. dotyczących terminów konkursów i udziału organizacji w ich ocenie.",
        days: -9,
        topics: &["Organizacje pozarządowe"],
    },
    DemoPost {
        from: From::Centre,
        title: "Forum Dialogu: podsumowanie roku",
        title_en: None,
        lead: "Zapraszamy na spotkanie podsumowujące rok konsultacji społecznych w Krakowie.",
        lead_en: None,
        body: "Wiadomość zaplanowana: ukaże się na stronie dopiero w dniu publikacji.",
        days: 7,
        topics: &[],
    },
];

fn entry(details: &str) -> AuditEntry {
    AuditEntry {
        actor_id: None,
        actor_label: "demo".into(),
        action: "news.create",
        entity: "news",
        details: details.into(),
    }
}

/// Loads the demo news.
pub async fn load(db: &Db) -> anyhow::Result<()> {
    if news::for_editor(db, None, 1, 0).await?.total > 0 {
        return Ok(());
    }
    let districts = reference::districts(db).await?;
    let bodies = reference::named(db, NamedKind::Body).await?;
    let categories = reference::named(db, NamedKind::Category).await?;
    let centre = users::by_email(db, crate::demo::ACCOUNTS[6].email).await?;
    let now = Utc::now();
    for p in POSTS {
        let subject = match p.from {
            From::Centre => Subject::default(),
            From::District(n) => {
                Subject { district: districts.iter().find(|d| d.number == n).map(|d| d.id), body: None }
            }
            From::Body(name) => {
                Subject { district: None, body: bodies.iter().find(|b| b.name_pl == name).map(|b| b.id) }
            }
        };
        let topics: Vec<i64> =
            categories.iter().filter(|c| p.topics.contains(&c.name_pl.as_str())).map(|c| c.id).collect();
        let input = NewsInput {
            title: p.title.into(),
            title_en: p.title_en.map(Into::into),
            lead: p.lead.into(),
            lead_en: p.lead_en.map(Into::into),
            body: p.body.into(),
            body_en: None,
            subject,
            image_alt: None,
            image_alt_en: None,
            publish_at: Some(now + Duration::days(p.days)),
        };
        let author = match (&p.from, &centre) {
            (From::Centre, Some(u)) => (Some(u.id), u.display_name.as_str()),
            (From::District(_), _) => (None, "Rada Dzielnicy XIII Podgórze"),
            (From::Body(_), _) => (None, "Sekretariat KRDPP"),
            (From::Centre, None) => (None, "Centrum Dialogu"),
        };
        news::create(db, &input, &topics, None, author, &entry(p.title)).await?;
    }
    Ok(())
}
