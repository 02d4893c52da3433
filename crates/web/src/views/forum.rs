//! The forum as the pages see it: which space an address names and what the rules need to
//! know of it (its owner, who its staff and members are, whether its consultation takes part
//! now), the forum's settings, and the thread lines that the forum's pages and the pages of a
//! consultation, a district or a body list. Spaces and threads are kept as memos until the
//! next change to everything, so that a post costs no look-ups beyond its own.

use crate::ctx::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, localized};
use crate::state::AppState;
use crate::time::{day, day_time, local_date};
use crate::views::remark::accepting;
use agora_db::consultation::Consultation;
use agora_db::forum::{self as db, Space, SpaceInput, Thread};
use agora_domain::forum::{Author, Settings, SpaceFacts, SpaceKind};
use agora_domain::permission::Action;
use agora_domain::visibility::Item;
use chrono::Utc;

/// Where the forum's settings are stored.
pub const SETTINGS_KEY: &str = "forum";

/// The forum's settings (the defaults until an administrator saves them).
pub async fn settings(state: &AppState) -> AppResult<Settings> {
    if let Some(s) = state.pages.memo::<Settings>(SETTINGS_KEY) {
        return Ok(s);
    }
    let since = state.pages.now();
    let stored = agora_db::settings::get(&state.db, SETTINGS_KEY).await?;
    let s = stored.and_then(|j| serde_json::from_str(&j).ok()).unwrap_or_default();
    state.pages.keep_memo(SETTINGS_KEY, s, since);
    Ok(s)
}

/// What owns a space, for its links and its rules.
#[derive(Debug, Clone)]
pub enum Owner {
    /// A general category.
    None,
    /// A consultation, by its address.
    Consultation(String),
    /// A district, by its id.
    District(String),
    /// A dialogue body, by its address.
    Body(String),
}

/// A space with what the rules need to know of it.
#[derive(Debug, Clone)]
pub struct Facts {
    /// Stored yet? A space of a consultation, district or body is stored with its first thread.
    pub space_id: Option<i64>,
    pub kind: SpaceKind,
    pub ref_id: Option<i64>,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub residents_start: bool,
    pub premoderated: bool,
    pub members_only: bool,
    pub closed: bool,
    pub owner: Owner,
    /// The consultation whose discussion this is.
    pub consultation: Option<Consultation>,
    /// The accounts of the body's current members, for a body's spaces.
    pub members: Vec<i64>,
}

impl Facts {
    fn from_space(s: Space, owner: Owner, consultation: Option<Consultation>, members: Vec<i64>) -> Facts {
        Facts {
            space_id: Some(s.id),
            kind: s.kind,
            ref_id: s.ref_id,
            slug: s.slug,
            name: s.name,
            description: s.description,
            residents_start: s.residents_start,
            premoderated: s.premoderated,
            members_only: s.members_only,
            closed: s.closed,
            owner,
            consultation,
            members,
        }
    }

    /// Whether `ctx` runs this space: administrators and moderators the general forum, the
    /// consultation's department its discussion, a district's editors and a body's secretary
    /// theirs.
    pub fn is_staff(&self, ctx: &Ctx) -> bool {
        let id = self.ref_id.unwrap_or(0);
        match self.kind {
            SpaceKind::General => ctx.can(Action::Moderate) || ctx.can(Action::ManageReferenceData),
            SpaceKind::Consultation => {
                self.consultation.as_ref().is_some_and(|c| ctx.can(Action::ManageUnit(c.unit_id)))
            }
            SpaceKind::District => ctx.can(Action::ManageDistrict(id)),
            SpaceKind::Body | SpaceKind::BodyMembers => ctx.can(Action::ManageBody(id)),
        }
    }

    fn member(&self, ctx: &Ctx) -> bool {
        ctx.user.as_ref().is_some_and(|u| self.members.contains(&u.id))
    }

    /// The signed-in person as the rules see them here; `None` for an anonymous visitor.
    pub fn author(&self, ctx: &Ctx) -> Option<Author> {
        ctx.user.as_ref().map(|_| Author { staff: self.is_staff(ctx), member: self.member(ctx) })
    }

    /// The space for the visibility rule.
    pub fn item(&self, ctx: &Ctx) -> Item {
        let body = matches!(self.kind, SpaceKind::Body | SpaceKind::BodyMembers).then_some(self.ref_id).flatten();
        Item::ForumSpace { members_only: self.members_only, body, member: self.member(ctx) }
    }

    /// The consultation for the visibility rule: its discussion is seen as it is.
    pub fn consultation_item(&self) -> Option<Item> {
        self.consultation.as_ref().map(Consultation::as_item)
    }

    /// The space as the rules on writing need it.
    pub fn rules(&self) -> SpaceFacts {
        SpaceFacts {
            kind: self.kind,
            residents_start: self.residents_start,
            premoderated: self.premoderated,
            members_only: self.members_only,
            closed: self.closed,
            open_for_talk: self.consultation.as_ref().is_none_or(|c| accepting(c, Utc::now())),
        }
    }

    /// The space's settings, for storing it with its first thread.
    pub fn input(&self) -> SpaceInput {
        SpaceInput {
            kind: self.kind,
            ref_id: self.ref_id,
            slug: self.slug.clone(),
            name: self.name.clone(),
            description: self.description.clone(),
            residents_start: self.residents_start,
            premoderated: self.premoderated,
            members_only: self.members_only,
            closed: self.closed,
            position: 0,
        }
    }

    /// The page of the space's owner.
    pub fn owner_href(&self) -> Option<String> {
        match &self.owner {
            Owner::Consultation(slug) => Some(format!("/konsultacje/{slug}")),
            Owner::Body(slug) => Some(format!("/ciala-dialogu/{slug}")),
            Owner::District(href) => Some(href.clone()),
            Owner::None => None,
        }
    }
}

fn fresh(kind: SpaceKind, ref_id: i64, slug: String, name: String, owner: Owner) -> Facts {
    Facts {
        space_id: None,
        kind,
        ref_id: Some(ref_id),
        slug,
        name,
        description: String::new(),
        // A body's public space carries what its secretary starts; everywhere else residents
        // start threads too (its members, in a body's internal space).
        residents_start: kind != SpaceKind::Body,
        premoderated: false,
        members_only: kind == SpaceKind::BodyMembers,
        closed: false,
        owner,
        consultation: None,
        members: Vec::new(),
    }
}

/// The space at `slug`, stored or not yet; `None` when the address names none.
pub async fn space_facts(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<Option<Facts>> {
    let key = format!("forum-space/{slug}");
    if let Some(f) = state.pages.memo::<Option<Facts>>(&key) {
        return Ok(f);
    }
    let since = state.pages.now();
    let f = load_space(state, ctx.lang, slug).await?;
    state.pages.keep_memo(&key, f.clone(), since);
    Ok(f)
}

async fn load_space(state: &AppState, lang: Lang, slug: &str) -> AppResult<Option<Facts>> {
    let stored = db::space_by_slug(&state.db, slug).await?;
    let (kind, ref_id) = match &stored {
        Some(s) => (s.kind, s.ref_id),
        None => match owner_of(state, slug).await? {
            Some(k) => k,
            None => return Ok(None),
        },
    };
    let today = local_date(Utc::now());
    let Some(ref_id) = ref_id else {
        return Ok(stored.map(|s| Facts::from_space(s, Owner::None, None, Vec::new())));
    };
    let (owner, name, consultation, members) = match kind {
        SpaceKind::General => return Ok(stored.map(|s| Facts::from_space(s, Owner::None, None, Vec::new()))),
        SpaceKind::Consultation => {
            let Some(c) = agora_db::consultation::by_id(&state.db, ref_id).await? else { return Ok(None) };
            (Owner::Consultation(c.slug.clone()), c.title.clone(), Some(c), Vec::new())
        }
        SpaceKind::District => {
            let Some(d) = agora_db::reference::district(&state.db, ref_id).await? else { return Ok(None) };
            (Owner::District(crate::views::district_map::href(&d.name)), d.name, None, Vec::new())
        }
        SpaceKind::Body | SpaceKind::BodyMembers => {
            let Some(b) = agora_db::bodies::by_id(&state.db, ref_id).await? else { return Ok(None) };
            let members = agora_db::bodies::members(&state.db, b.id, today)
                .await?
                .current
                .into_iter()
                .filter_map(|m| m.user_id)
                .collect();
            let mut name = localized(lang, b.name_pl, b.name_en);
            if kind == SpaceKind::BodyMembers {
                name = format!("{name} — {}", lang.t("forum-members-space"));
            }
            (Owner::Body(b.slug), name, None, members)
        }
    };
    Ok(Some(match stored {
        Some(s) => Facts::from_space(s, owner, consultation, members),
        None => Facts { consultation, members, ..fresh(kind, ref_id, slug.to_owned(), name, owner) },
    }))
}

/// The owner an address of a space not stored yet names: (kind, its id).
async fn owner_of(state: &AppState, slug: &str) -> AppResult<Option<(SpaceKind, Option<i64>)>> {
    if let Some(n) = slug.strip_prefix("dzielnica-") {
        let Ok(number) = n.parse::<i32>() else { return Ok(None) };
        let d = agora_db::reference::districts(&state.db).await?.into_iter().find(|d| d.number == number);
        return Ok(d.map(|d| (SpaceKind::District, Some(d.id))));
    }
    if let Some(c) = slug.strip_prefix("konsultacja-") {
        let found = db::discussion_of(&state.db, c).await?;
        return Ok(found.map(|id| (SpaceKind::Consultation, Some(id))));
    }
    if let Some(b) = slug.strip_prefix("cialo-") {
        let (kind, b) = match b.strip_suffix("-czlonkowie") {
            Some(b) => (SpaceKind::BodyMembers, b),
            None => (SpaceKind::Body, b),
        };
        let found = agora_db::bodies::by_slug(&state.db, b).await?;
        return Ok(found.map(|d| (kind, Some(d.body.id))));
    }
    Ok(None)
}

/// Thread `id` and its space, if this visitor may see them.
pub async fn thread_facts(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<(Thread, Facts)> {
    let key = format!("forum-thread/{id}");
    let kept = state.pages.memo::<Option<(Thread, String)>>(&key);
    let found = match kept {
        Some(k) => k,
        None => {
            let since = state.pages.now();
            let t = db::thread(&state.db, id).await?;
            let loaded = match t {
                Some(t) => db::space(&state.db, t.space_id).await?.map(|s| (t, s.slug)),
                None => None,
            };
            state.pages.keep_memo(&key, loaded.clone(), since);
            loaded
        }
    };
    let (t, slug) = found.ok_or(AppError::NotFound)?;
    let f = space_facts(state, ctx, &slug).await?.ok_or(AppError::NotFound)?;
    if !ctx.may_see(f.item(ctx)) || f.consultation_item().is_some_and(|i| !ctx.may_see(i)) {
        return Err(AppError::NotFound);
    }
    Ok((t, f))
}

/// A thread as lists show it.
pub struct ThreadLine {
    pub id: i64,
    pub title: String,
    pub author: String,
    pub started: String,
    pub last: String,
    pub posts: i64,
    pub closed: bool,
    /// Awaiting the city's position: by when.
    pub awaiting: Option<String>,
    /// The city has given its position.
    pub answered: bool,
}

/// `threads` as lists show them.
pub fn thread_lines(lang: Lang, threads: Vec<Thread>) -> Vec<ThreadLine> {
    threads
        .into_iter()
        .map(|t| ThreadLine {
            awaiting: match (t.tracked_state, t.due_on) {
                (Some(s), Some(d)) if s.awaits_city() => Some(day(lang, d)),
                _ => None,
            },
            answered: t.tracked_state.is_some_and(|s| !s.awaits_city()),
            id: t.id,
            title: t.title,
            author: t.author_name,
            started: day_time(lang, t.created_at),
            last: day_time(lang, t.last_post_at),
            posts: t.posts,
            closed: t.closed_at.is_some(),
        })
        .collect()
}

/// The discussion of a consultation that lists one among `methods`: its space's address and
/// latest threads; `None` for one that does not.
pub async fn discussion(
    state: &AppState,
    lang: Lang,
    slug: &str,
    methods: &[agora_db::programme::Method],
) -> AppResult<Option<(String, Vec<ThreadLine>)>> {
    if !methods.iter().any(|m| m.kind == agora_domain::consultation::MethodKind::OnlineDiscussion) {
        return Ok(None);
    }
    let space = format!("konsultacja-{slug}");
    let threads = match db::space_by_slug(&state.db, &space).await? {
        Some(s) => thread_lines(lang, db::threads(&state.db, s.id, 5, 0).await?.items),
        None => Vec::new(),
    };
    Ok(Some((space, threads)))
}
