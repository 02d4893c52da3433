//! Demo forum: a general forum with categories, Podgórze's district debates, and the two
//! consultations that list an online discussion, with threads, posts and replies by a few
//! residents, one city position, one thread awaiting the city's position (in the ledger), and
//! one post hidden by a moderator with its reason. The residents' password is
//! `demo-mieszkaniec-2026`. Loading it twice changes nothing: a space that has threads is left
//! as it is.

use agora_db::audit::AuditEntry;
use agora_db::forum::{self, NewPost, NewThread, SpaceInput};
use agora_db::tracked::Actor;
use agora_db::{Db, reference, users};
use agora_domain::forum::{ModerationAction, PostState, ReportReason, SpaceKind};
use agora_web::password::HashCost;
use chrono::{Duration, Utc};

/// The demo residents' password.
pub const RESIDENT_PASSWORD: &str = "demo-mieszkaniec-2026";

const RESIDENTS: [(&str, &str); 4] = [
    ("anna.mieszkanka@agora.test", "Anna Mieszkańska"),
    ("jan.z.podgorza@agora.test", "Jan z Podgórza"),
    ("ola.rowerzystka@agora.test", "Ola Rowerzystka"),
    ("tomasz.sasiad@agora.test", "Tomasz Sąsiad"),
];

fn entry(action: &'static str, details: String) -> AuditEntry {
    AuditEntry { actor_id: None, actor_label: "demo".into(), action, entity: "forum", details }
}

/// A thread: space slug, title, author (index into the residents), and its posts as
/// (author, text, index of the post replied to within this list).
struct DemoThread {
    space: &'static str,
    title: &'static str,
    author: usize,
    first: &'static str,
    posts: &'static [(usize, &'static str, Option<usize>)],
}

const THREADS: &[DemoThread] = &[
    DemoThread {
        space: "transport",
        title: "Nocne tramwaje do Nowej Huty",
        author: 0,
        first: "Po 23:00 do Nowej Huty jeździ jeden autobus nocny co godzinę. Czy ZTP rozważa nocną linię tramwajową w weekendy?",
        posts: &[
            (1, "Popieram. Wracam z pracy po drugiej zmianie i czekam po 40 minut.", None),
            (2, "W weekendy tramwaj byłby też bezpieczniejszy niż rower nocą.", Some(0)),
            (0, "Dziękuję! Może zbierzmy konkretne godziny, w których brakuje kursów?", Some(1)),
        ],
    },
    DemoThread {
        space: "zielen",
        title: "Nasadzenia drzew na osiedlu Kurdwanów",
        author: 3,
        first: "Na ul. Witosa wycięto 12 chorych drzew. Kiedy i co zostanie posadzone w ich miejsce?",
        posts: &[
            (0, "Warto posadzić gatunki odporne na suszę, np. klony polne.", None),
            (1, "Mieszkańcy bloku nr 5 chętnie zaopiekują się nowymi drzewami.", Some(0)),
        ],
    },
    DemoThread {
        space: "dzielnica-13",
        title: "Parking przy Rynku Podgórskim",
        author: 1,
        first: "W soboty nie da się zaparkować przy Rynku Podgórskim. Może parking dla mieszkańców w podwórzu przy ul. Józefińskiej?",
        posts: &[
            (3, "Lepiej postawić na lepszy dojazd tramwajem, parkingi ściągną więcej aut.", None),
            (2, "Brakuje stojaków rowerowych przy kościele św. Józefa.", None),
            (1, "Kup sobie rower, bo na tym forum i tak nic nie załatwisz, głupku.", Some(1)),
        ],
    },
    DemoThread {
        space: "konsultacja-regulamin-budzetu-obywatelskiego",
        title: "Rozdział 3: głosowanie osób poniżej 16 lat",
        author: 2,
        first: "Proponuję, by w głosowaniu mogły brać udział osoby od 13. roku życia, jak w Gdańsku.",
        posts: &[(0, "Zgoda, ale z prostszym formularzem dla młodszych.", None)],
    },
    DemoThread {
        space: "konsultacja-program-wspolpracy-z-organizacjami-pozarzadowymi-2027",
        title: "Małe granty bez wkładu własnego",
        author: 3,
        first: "Dla małych stowarzyszeń wkład własny 10% to bariera. Czy program może go znieść w małych grantach?",
        posts: &[(1, "Nasze stowarzyszenie rezygnuje z konkursów właśnie z tego powodu.", None)],
    },
];

/// The general categories: slug, name, description.
const CATEGORIES: [(&str, &str, &str); 3] = [
    ("transport", "Transport i komunikacja", "Komunikacja miejska, ruch pieszy i rowerowy, drogi."),
    ("zielen", "Zieleń i środowisko", "Parki, drzewa, powietrze i woda."),
    ("sprawy-miasta", "Sprawy miasta", "Wszystko, co nie pasuje do innych kategorii."),
];

/// Loads the demo forum.
pub async fn load(db: &Db, cost: HashCost) -> anyhow::Result<()> {
    for (i, (slug, name, description)) in CATEGORIES.iter().enumerate() {
        let input = SpaceInput {
            kind: SpaceKind::General,
            ref_id: None,
            slug: (*slug).into(),
            name: (*name).into(),
            description: (*description).into(),
            residents_start: true,
            premoderated: false,
            members_only: false,
            closed: false,
            position: i64::try_from(i).unwrap_or(0),
        };
        if forum::space_by_slug(db, slug).await?.is_none() {
            forum::save_space(db, &input, &entry("forum.space", (*name).into())).await?;
        }
    }
    let mut residents = Vec::new();
    for (email, name) in RESIDENTS {
        let id = match users::by_email(db, email).await? {
            Some(u) => u.id,
            None => {
                let h = agora_web::password::hash(cost, RESIDENT_PASSWORD.into())
                    .await
                    .map_err(|e| anyhow::anyhow!("hashing the demo password: {e}"))?;
                users::create(db, email, name, &h, "pl", true).await?
            }
        };
        residents.push((id, name));
    }
    let mut threads = Vec::new();
    for t in THREADS {
        let Some(space) = space_of(db, t.space).await? else { continue };
        if forum::threads(db, space, 1, 0).await?.total > 0 {
            return Ok(());
        }
        let post = |author: usize, text: &str, key: String| NewPost {
            thread_id: 0,
            parent_id: None,
            reply_to_id: None,
            author_id: residents[author].0,
            author_name: residents[author].1.into(),
            text: text.into(),
            state: PostState::Visible,
            form_key: key,
            lang: "pl".into(),
            per_hour: i64::MAX,
        };
        let first = post(t.author, t.first, format!("demo-{}", t.title));
        let new = NewThread { space_id: space, title: t.title.into(), first };
        let Some((thread, first_id)) = forum::create_thread(db, &new, &entry("forum.thread", t.title.into())).await?
        else {
            continue;
        };
        let mut ids = vec![first_id];
        for (k, (author, text, reply_to)) in t.posts.iter().enumerate() {
            let target = reply_to.and_then(|r| ids.get(r + 1).copied());
            let parent = match target {
                Some(r) => forum::post(db, r).await?.map(|p| p.parent_id.unwrap_or(p.id)),
                None => None,
            };
            let n = NewPost {
                thread_id: thread,
                parent_id: parent,
                reply_to_id: target,
                ..post(*author, text, format!("demo-{thread}-{k}"))
            };
            if let Some(agora_db::forum::PostOutcome::Stored { id, .. }) = forum::add_posts(db, &[n]).await?.first() {
                ids.push(*id);
            }
        }
        threads.push((t.title, thread, ids));
    }
    city_answers(db, &threads).await?;
    Ok(())
}

/// The id of the space at `slug`, stored now if it is a district's or a consultation's.
async fn space_of(db: &Db, slug: &str) -> anyhow::Result<Option<i64>> {
    if let Some(s) = forum::space_by_slug(db, slug).await? {
        return Ok(Some(s.id));
    }
    let (kind, ref_id, name) = if let Some(n) = slug.strip_prefix("dzielnica-") {
        let d = reference::districts(db).await?.into_iter().find(|d| n.parse() == Ok(d.number));
        let Some(d) = d else { return Ok(None) };
        (SpaceKind::District, d.id, d.name)
    } else if let Some(c) = slug.strip_prefix("konsultacja-") {
        let Some(found) = agora_db::consultation::by_slug(db, c).await? else { return Ok(None) };
        (SpaceKind::Consultation, found.id, found.title)
    } else {
        return Ok(None);
    };
    let input = SpaceInput {
        kind,
        ref_id: Some(ref_id),
        slug: slug.into(),
        name,
        description: String::new(),
        residents_start: true,
        premoderated: false,
        members_only: false,
        closed: false,
        position: 0,
    };
    Ok(Some(forum::space_id(db, &input).await?))
}

/// The city's position on the night trams, the trees awaiting the greenery authority's, and
/// the insult on Podgórze's forum hidden with its reason.
async fn city_answers(db: &Db, threads: &[(&str, i64, Vec<i64>)]) -> anyhow::Result<()> {
    let units = reference::units(db).await?;
    let unit = |code: &str| units.iter().find(|u| u.code == code).map(|u| u.id);
    let official = users::by_email(db, "organizator.ztp@agora.test").await?;
    let moderator = users::by_email(db, "moderator@agora.test").await?;
    let today = agora_web::time::local_date(Utc::now());
    let find = |title: &str| threads.iter().find(|(t, _, _)| *t == title);
    if let (Some((_, tram, _)), Some(ztp), Some(o)) = (find("Nocne tramwaje do Nowej Huty"), unit("ZTP"), &official) {
        let n = NewPost {
            thread_id: *tram,
            parent_id: None,
            reply_to_id: None,
            author_id: o.id,
            author_name: o.display_name.clone(),
            text:
                "Zarząd Transportu Publicznego przygotowuje próbny nocny kurs linii 4 w piątki i soboty od marca 2027. \
                   Po trzech miesiącach ocenimy liczbę pasażerów i opublikujemy wyniki na forum."
                    .into(),
            state: PostState::Visible,
            form_key: format!("demo-position-{tram}"),
            lang: "pl".into(),
            per_hour: i64::MAX,
        };
        let actor = Actor { id: Some(o.id), label: &o.display_name };
        forum::add_position(db, *tram, ztp, &n, today, actor, &entry("forum.position", "demo".into())).await?;
    }
    if let (Some((title, trees, _)), Some(zzm), Some(o)) =
        (find("Nasadzenia drzew na osiedlu Kurdwanów"), unit("ZZM"), &official)
    {
        let due = agora_domain::tracked::TrackedKind::ForumPosition.default_period().due(today - Duration::days(20));
        let actor = Actor { id: Some(o.id), label: &o.display_name };
        forum::await_position(
            db,
            *trees,
            title,
            zzm,
            today - Duration::days(20),
            due,
            true,
            actor,
            &entry("forum.await", "demo".into()),
        )
        .await?;
    }
    if let (Some((_, parking, ids)), Some(m)) = (find("Parking przy Rynku Podgórskim"), &moderator)
        && let Some(insult) = ids.last()
    {
        let _ = parking;
        let actor = Actor { id: Some(m.id), label: &m.display_name };
        forum::decide(
            db,
            *insult,
            PostState::Visible,
            ModerationAction::Hidden,
            Some(ReportReason::Abuse),
            Some("Wpis obraża innego uczestnika dyskusji. Zapraszamy do rozmowy bez wyzwisk."),
            &[],
            actor,
            &entry("forum.moderate", "demo".into()),
        )
        .await?;
    }
    Ok(())
}
