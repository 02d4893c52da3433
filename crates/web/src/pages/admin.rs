//! The staff area: dashboard, reference data, roles, the audit log and editable pages.

use super::common::OkQuery;
use crate::ctx::Ctx;
use crate::error::{AppError, AppResult, conflict_on};
use crate::forms::FormErrors;
use crate::render::{render, render_form, render_status};
use crate::state::AppState;
use crate::time::local_time;
use crate::urls::{redirect, url_encode};
use crate::views::content::ACCESSIBILITY_SLUG;
use crate::views::roles::{Names, district_label, scope_names};
use agora_db::audit::{self, AuditFilter, AuditRow};
use agora_db::reference::{self, NamedKind};
use agora_db::{roles, users};
use agora_domain::Invalid;
use agora_domain::permission::{Action, Grant, RoleKind, ScopeKind};
use agora_domain::reference::{DistrictInput, NamedInput, UnitInput};
use agora_domain::validation::{FieldError, bounded_text};
use askama::Template;
use axum::Router;
use axum::body::Body;
use axum::extract::{Form, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{NaiveDate, TimeZone};
use serde::Deserialize;
use std::collections::HashMap;

/// Rows per page of the audit log.
const AUDIT_PAGE: i64 = 50;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin", get(dashboard))
        .route("/admin/role", get(roles_page).post(grant_role))
        .route("/admin/role/{id}/usun", post(revoke_role))
        .route("/admin/dziennik", get(audit_page))
        .route("/admin/dziennik.csv", get(audit_csv))
        .route("/admin/strony/{slug}", get(page_form).post(save_page))
        .route("/admin/{kind}", get(reference_list).post(reference_create))
        .route("/admin/{kind}/{id}", get(reference_edit_form).post(reference_update))
}

// ---- dashboard ----

/// A link on the dashboard.
struct Tile {
    href: String,
    label: String,
}

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct DashboardTpl<'a> {
    ctx: &'a Ctx,
    admin: Vec<Tile>,
    mine: Vec<Tile>,
    jobs_pending: i64,
    jobs_failed: i64,
}

async fn dashboard(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require(Action::EnterStaffArea)?;
    let mut admin = Vec::new();
    let organises = user.grants.iter().any(|g| matches!(g, Grant::Organiser(_)));
    if organises || ctx.can(Action::ManageReferenceData) {
        admin.push(Tile { href: "/admin/konsultacje".into(), label: ctx.t("organiser-title") });
        admin.push(Tile { href: "/admin/ankiety".into(), label: ctx.t("survey-admin-title") });
        admin.push(Tile { href: "/admin/sondy".into(), label: ctx.t("poll-admin-title") });
    }
    if agora_domain::news::may_write_some(&user.grants) {
        admin.push(Tile { href: "/admin/aktualnosci".into(), label: ctx.t("news-admin-title") });
    }
    if agora_domain::event::may_keep_some(&user.grants) {
        admin.push(Tile { href: "/admin/wydarzenia".into(), label: ctx.t("events-admin-title") });
    }
    if ctx.can(Action::EditCentreContent) {
        admin.push(Tile { href: "/admin/centrum".into(), label: ctx.t("centre-admin-title") });
        admin.push(Tile { href: "/admin/newsletter".into(), label: ctx.t("newsletter-admin-title") });
        admin.push(Tile { href: "/admin/publikacje".into(), label: ctx.t("publication-admin-title") });
        admin.push(Tile { href: "/admin/galerie".into(), label: ctx.t("gallery-admin-title") });
    }
    if ctx.can(Action::ManageReferenceData) {
        admin.push(Tile { href: "/admin/zasady".into(), label: ctx.t("admin-rules") });
        for kind in RefKind::ALL {
            admin.push(Tile { href: format!("/admin/{}", kind.as_str()), label: ctx.t(kind.title_key()) });
        }
        admin.push(Tile { href: "/admin/role".into(), label: ctx.t("admin-roles") });
        admin.push(Tile { href: "/admin/dziennik".into(), label: ctx.t("admin-audit") });
        admin.push(Tile { href: format!("/admin/strony/{ACCESSIBILITY_SLUG}"), label: ctx.t("footer-accessibility") });
        admin.push(Tile {
            href: format!("/admin/strony/{}", crate::views::content::EASY_READ_SLUG),
            label: ctx.t("admin-page-etr"),
        });
        admin.push(Tile {
            href: format!("/admin/strony/{}", crate::views::content::SIGN_LANGUAGE_SLUG),
            label: ctx.t("admin-page-pjm"),
        });
        admin.push(Tile {
            href: format!("/admin/strony/{}", crate::views::content::TERMS_SLUG),
            label: ctx.t("footer-terms"),
        });
    }
    if ctx.can(Action::Moderate) {
        admin.push(Tile { href: "/admin/moderacja".into(), label: ctx.t("moderation-queue-title") });
    }
    if ctx.can(Action::Advise) {
        let today = crate::time::local_date(chrono::Utc::now());
        let (waiting, open, overdue) = agora_db::advice::queue_counts(&state.db, today).await?;
        let label = ctx
            .lang
            .t_args("advice-tile", &[("waiting", waiting.into()), ("open", open.into()), ("overdue", overdue.into())]);
        admin.push(Tile { href: "/admin/doradztwo".into(), label });
    }
    if ctx.can(Action::ManageReferenceData) {
        admin.push(Tile { href: "/admin/forum".into(), label: ctx.t("forum-admin-title") });
    }
    if let Some((open, overdue)) = crate::views::access_requests::open_counts(&state, &ctx).await? {
        let label = ctx.lang.t_args("access-tile", &[("open", open.into()), ("overdue", overdue.into())]);
        admin.push(Tile { href: "/admin/wnioski-dostepnosci".into(), label });
    }
    if organises || ctx.can(Action::ManageReferenceData) {
        let units = super::common::my_units(&ctx);
        let filter = agora_db::tracked::LedgerFilter { units, ..Default::default() };
        let today = crate::time::local_date(chrono::Utc::now());
        let (open, overdue) = agora_db::tracked::ledger_counts(&state.db, &filter, today).await?;
        let label = ctx.lang.t_args("ledger-tile", &[("open", open.into()), ("overdue", overdue.into())]);
        admin.push(Tile { href: "/admin/odpowiedzi".into(), label });
    }
    let mut mine = Vec::new();
    let (units, districts, bodies) = scope_names(&state).await?;
    for g in &user.grants {
        let (kind, names) = match g.kind().scope_kind() {
            Some(ScopeKind::Unit) => (RefKind::Unit, &units),
            Some(ScopeKind::District) => (RefKind::District, &districts),
            Some(ScopeKind::Body) => (RefKind::Body, &bodies),
            None => continue,
        };
        if let Some(id) = g.scope() {
            let name = names.get(&id).cloned().unwrap_or_default();
            // A district's editor keeps what its page tells of the council; renaming the
            // district is the administrators'.
            let href = match kind {
                RefKind::District => format!("/admin/dzielnice/{id}/rada"),
                _ => format!("/admin/{}/{id}", kind.as_str()),
            };
            mine.push(Tile { href, label: name });
        }
    }
    let (jobs_pending, jobs_failed) =
        if ctx.can(Action::ManageReferenceData) { agora_db::jobs::counts(&state.db).await? } else { (0, 0) };
    render(&DashboardTpl { ctx: &ctx, admin, mine, jobs_pending, jobs_failed })
}

// ---- reference data ----

agora_domain::text_enum! {
    /// A kind of reference data, named in the administration's addresses by its text.
    enum RefKind {
        Unit = "jednostki",
        District = "dzielnice",
        Category = "kategorie",
        Body = "ciala-dialogu",
    }
}

impl RefKind {
    fn title_key(self) -> &'static str {
        match self {
            RefKind::Unit => "admin-units",
            RefKind::District => "admin-districts",
            RefKind::Category => "admin-categories",
            RefKind::Body => "admin-bodies",
        }
    }

    fn entity(self) -> &'static str {
        match self {
            RefKind::Unit => "unit",
            RefKind::District => "district",
            RefKind::Category => "category",
            RefKind::Body => "dialogue_body",
        }
    }

    /// The fields of the form, in order: (name, label key, hint key).
    fn fields(self) -> &'static [(&'static str, &'static str, &'static str)] {
        match self {
            RefKind::Unit => &[
                ("code", "field-unit-code", "field-unit-code-hint"),
                ("name_pl", "field-name-pl", ""),
                ("name_en", "field-name-en", "field-name-en-hint"),
                ("contact", "field-contact", "field-contact-hint"),
            ],
            RefKind::District => &[("number", "field-district-number", ""), ("name", "field-name", "")],
            RefKind::Category | RefKind::Body => {
                &[("name_pl", "field-name-pl", ""), ("name_en", "field-name-en", "field-name-en-hint")]
            }
        }
    }

    /// Who may edit record `id` of this kind.
    fn edit_action(self, id: i64) -> Action {
        match self {
            RefKind::Unit => Action::ManageUnit(id),
            // Districts and bodies are shared names every page uses: administrators rename them.
            RefKind::District | RefKind::Body | RefKind::Category => Action::ManageReferenceData,
        }
    }
}

struct FieldView {
    name: &'static str,
    label: String,
    hint: String,
    value: String,
    disabled: bool,
}

struct RowView {
    id: i64,
    cells: Vec<String>,
}

#[derive(Template)]
#[template(path = "admin/reference.html")]
struct ReferenceTpl<'a> {
    ctx: &'a Ctx,
    slug: &'static str,
    title: String,
    columns: Vec<String>,
    rows: Vec<RowView>,
    fields: Vec<FieldView>,
    errors: FormErrors,
    notice: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/reference_edit.html")]
struct ReferenceEditTpl<'a> {
    ctx: &'a Ctx,
    slug: &'static str,
    list_title: String,
    title: String,
    id: i64,
    fields: Vec<FieldView>,
    errors: FormErrors,
    notice: Option<String>,
    can_list: bool,
}

type Values = HashMap<String, String>;

/// The fields that name a unit across the site.
const UNIT_IDENTITY: [&str; 3] = ["code", "name_pl", "name_en"];

fn field_views(ctx: &Ctx, kind: RefKind, values: &Values, code_locked: bool) -> Vec<FieldView> {
    kind.fields()
        .iter()
        .map(|(name, label, hint)| FieldView {
            name,
            label: ctx.t(label),
            hint: if hint.is_empty() { String::new() } else { ctx.t(hint) },
            value: values.get(*name).cloned().unwrap_or_default(),
            disabled: code_locked && UNIT_IDENTITY.contains(name),
        })
        .collect()
}

async fn rows_of(state: &AppState, kind: RefKind) -> AppResult<Vec<RowView>> {
    let opt = |s: Option<String>| s.unwrap_or_default();
    Ok(match kind {
        RefKind::Unit => reference::units(&state.db)
            .await?
            .into_iter()
            .map(|u| RowView { id: u.id, cells: vec![u.code, u.name_pl, opt(u.name_en), opt(u.contact)] })
            .collect(),
        RefKind::District => reference::districts(&state.db)
            .await?
            .into_iter()
            .map(|d| RowView { id: d.id, cells: vec![DistrictInput::roman(d.number), d.name] })
            .collect(),
        RefKind::Category | RefKind::Body => reference::named(&state.db, named_kind(kind))
            .await?
            .into_iter()
            .map(|n| RowView { id: n.id, cells: vec![n.name_pl, opt(n.name_en)] })
            .collect(),
    })
}

fn named_kind(kind: RefKind) -> NamedKind {
    if kind == RefKind::Body { NamedKind::Body } else { NamedKind::Category }
}

async fn current_values(state: &AppState, kind: RefKind, id: i64) -> AppResult<Values> {
    let mut v = Values::new();
    let opt = |s: Option<String>| s.unwrap_or_default();
    match kind {
        RefKind::Unit => {
            let u = reference::unit(&state.db, id).await?.ok_or(AppError::NotFound)?;
            v.extend([
                ("code".into(), u.code),
                ("name_pl".into(), u.name_pl),
                ("name_en".into(), opt(u.name_en)),
                ("contact".into(), opt(u.contact)),
            ]);
        }
        RefKind::District => {
            let d = reference::district(&state.db, id).await?.ok_or(AppError::NotFound)?;
            v.extend([("number".into(), d.number.to_string()), ("name".into(), d.name)]);
        }
        RefKind::Category | RefKind::Body => {
            let n = reference::named_one(&state.db, named_kind(kind), id).await?.ok_or(AppError::NotFound)?;
            v.extend([("name_pl".into(), n.name_pl), ("name_en".into(), opt(n.name_en))]);
        }
    }
    Ok(v)
}

fn kind_of(slug: &str) -> AppResult<RefKind> {
    RefKind::parse(slug).ok_or(AppError::NotFound)
}

async fn list_page(
    state: &AppState,
    ctx: &Ctx,
    kind: RefKind,
    values: &Values,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let columns = kind.fields().iter().map(|(_, label, _)| ctx.t(label)).collect();
    let tpl = ReferenceTpl {
        ctx,
        slug: kind.as_str(),
        title: ctx.t(kind.title_key()),
        columns,
        rows: rows_of(state, kind).await?,
        fields: field_views(ctx, kind, values, false),
        notice,
        errors,
    };
    render_form(&tpl.errors, &tpl)
}

async fn reference_list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let kind = kind_of(&slug)?;
    ctx.require(Action::ManageReferenceData)?;
    let notice = q.notice(&ctx);
    list_page(&state, &ctx, kind, &Values::new(), FormErrors::default(), notice).await
}

/// Saves a record of `kind` (new when `id` is `None`); `Err(Invalid)` for the form.
async fn save(
    state: &AppState,
    ctx: &Ctx,
    kind: RefKind,
    id: Option<i64>,
    v: &Values,
) -> AppResult<Result<i64, Invalid>> {
    let get = |k: &str| v.get(k).map(String::as_str).unwrap_or("");
    let verb = if id.is_some() { "update" } else { "create" };
    let action: &'static str = match (kind, verb) {
        (RefKind::Unit, "create") => "unit.create",
        (RefKind::Unit, _) => "unit.update",
        (RefKind::District, "create") => "district.create",
        (RefKind::District, _) => "district.update",
        (RefKind::Category, "create") => "category.create",
        (RefKind::Category, _) => "category.update",
        (RefKind::Body, "create") => "dialogue_body.create",
        (RefKind::Body, _) => "dialogue_body.update",
    };
    let result = match kind {
        RefKind::Unit => match UnitInput::parse(get("code"), get("name_pl"), get("name_en"), get("contact")) {
            Err(inv) => return Ok(Err(inv)),
            Ok(u) => {
                let entry = ctx.audit(action, kind.entity(), format!("{} {}", u.code, u.name_pl));
                reference::save_unit(&state.db, id, &u, &entry).await.map_err(|e| conflict_on(e, "code", "code-taken"))
            }
        },
        RefKind::District => match DistrictInput::parse(get("number"), get("name")) {
            Err(inv) => return Ok(Err(inv)),
            Ok(d) => {
                let entry = ctx.audit(action, kind.entity(), district_label(d.number, &d.name));
                reference::save_district(&state.db, id, &d, &entry)
                    .await
                    .map_err(|e| conflict_on(e, "number", "number-taken"))
            }
        },
        RefKind::Category | RefKind::Body => match NamedInput::parse(get("name_pl"), get("name_en")) {
            Err(inv) => return Ok(Err(inv)),
            Ok(n) => {
                let entry = ctx.audit(action, kind.entity(), n.name_pl.clone());
                reference::save_named(&state.db, named_kind(kind), id, &n, &entry)
                    .await
                    .map_err(|e| conflict_on(e, "name_pl", "name-taken"))
            }
        },
    };
    match result {
        Ok(id) => Ok(Ok(id)),
        Err(Ok(inv)) => Ok(Err(inv)),
        Err(Err(e)) => Err(e),
    }
}

/// The problems with a district, body or unit: their "name" is a name, not a person's.
fn reference_errors(inv: &Invalid, ctx: &Ctx) -> FormErrors {
    FormErrors::from_invalid(inv, ctx.lang).labelled("name", ctx.t("field-name"))
}

async fn reference_create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(values): Form<Values>,
) -> AppResult<Response> {
    let kind = kind_of(&slug)?;
    ctx.require(Action::ManageReferenceData)?;
    match save(&state, &ctx, kind, None, &values).await? {
        Ok(_) => Ok(redirect(&format!("/admin/{}?ok=flash-saved", kind.as_str())).into_response()),
        Err(inv) => list_page(&state, &ctx, kind, &values, reference_errors(&inv, &ctx), None).await,
    }
}

async fn edit_page(
    state: &AppState,
    ctx: &Ctx,
    kind: RefKind,
    id: i64,
    values: &Values,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let is_admin = ctx.can(Action::ManageReferenceData);
    let title = values.get("name_pl").or_else(|| values.get("name")).cloned().unwrap_or_default();
    let tpl = ReferenceEditTpl {
        ctx,
        slug: kind.as_str(),
        list_title: ctx.t(kind.title_key()),
        title,
        id,
        fields: field_views(ctx, kind, values, !is_admin),
        errors,
        notice,
        can_list: is_admin,
    };
    let _ = state;
    render_form(&tpl.errors, &tpl)
}

async fn reference_edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    let kind = kind_of(&slug)?;
    ctx.require(kind.edit_action(id))?;
    let values = current_values(&state, kind, id).await?;
    let notice = q.notice(&ctx);
    edit_page(&state, &ctx, kind, id, &values, FormErrors::default(), notice).await
}

async fn reference_update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(mut values): Form<Values>,
) -> AppResult<Response> {
    let kind = kind_of(&slug)?;
    ctx.require(kind.edit_action(id))?;
    let stored = current_values(&state, kind, id).await?;
    if kind == RefKind::Unit && !ctx.can(Action::ManageReferenceData) {
        // Organisers keep their unit's contact current; its code and names are shared reference
        // data that only administrators change.
        for field in UNIT_IDENTITY {
            values.insert(field.into(), stored.get(field).cloned().unwrap_or_default());
        }
    }
    match save(&state, &ctx, kind, Some(id), &values).await? {
        Ok(_) => Ok(redirect(&format!("/admin/{}/{id}?ok=flash-saved", kind.as_str())).into_response()),
        Err(inv) => edit_page(&state, &ctx, kind, id, &values, reference_errors(&inv, &ctx), None).await,
    }
}

// ---- roles ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct GrantForm {
    email: String,
    role: String,
    scope: String,
}

struct GrantView {
    id: i64,
    who: String,
    role: String,
    scope: String,
}

struct ScopeOption {
    value: String,
    label: String,
}

struct ScopeGroup {
    label: String,
    options: Vec<ScopeOption>,
}

#[derive(Template)]
#[template(path = "admin/roles.html")]
struct RolesTpl<'a> {
    ctx: &'a Ctx,
    grants: Vec<GrantView>,
    role_options: Vec<(&'static str, String)>,
    scope_groups: Vec<ScopeGroup>,
    form: GrantForm,
    errors: FormErrors,
    notice: Option<String>,
}

async fn roles_view(
    state: &AppState,
    ctx: &Ctx,
    form: GrantForm,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<Response> {
    let grants = roles::all(&state.db)
        .await?
        .into_iter()
        .map(|g| GrantView {
            id: g.id,
            who: format!("{} <{}>", g.display_name, g.email),
            role: ctx.t(&format!("role-{}", g.role)),
            scope: g.scope_name.unwrap_or_default(),
        })
        .collect();
    let role_options = RoleKind::ALL
        .into_iter()
        .filter(|k| *k != RoleKind::Resident)
        .map(|k| (k.as_str(), ctx.t(&format!("role-{}", k.as_str()))))
        .collect();
    let (units, districts, bodies) = scope_names(state).await?;
    let group = |label: &str, prefix: &str, names: Names| {
        let mut options: Vec<ScopeOption> =
            names.into_iter().map(|(id, label)| ScopeOption { value: format!("{prefix}:{id}"), label }).collect();
        options.sort_by(|a, b| a.label.cmp(&b.label));
        ScopeGroup { label: ctx.t(label), options }
    };
    let scope_groups = vec![
        group("admin-units", "unit", units),
        group("admin-districts", "district", districts),
        group("admin-bodies", "body", bodies),
    ];
    let tpl = RolesTpl { ctx, grants, role_options, scope_groups, form, notice, errors };
    render_form(&tpl.errors, &tpl)
}

async fn roles_page(State(state): State<AppState>, ctx: Ctx, Query(q): Query<OkQuery>) -> AppResult<Response> {
    ctx.require(Action::ManageRoles)?;
    let notice = q.notice(&ctx);
    roles_view(&state, &ctx, GrantForm::default(), FormErrors::default(), notice).await
}

fn parse_scope(raw: &str) -> Option<(ScopeKind, i64)> {
    let (kind, id) = raw.split_once(':')?;
    let kind = match kind {
        "unit" => ScopeKind::Unit,
        "district" => ScopeKind::District,
        "body" => ScopeKind::Body,
        _ => return None,
    };
    Some((kind, id.parse().ok()?))
}

async fn grant_role(State(state): State<AppState>, ctx: Ctx, Form(form): Form<GrantForm>) -> AppResult<Response> {
    ctx.require(Action::ManageRoles)?;
    let mut inv = Invalid::default();
    let email = inv.check(agora_domain::account::Email::parse(&form.email));
    let kind = inv.check(
        RoleKind::parse(&form.role)
            .filter(|k| *k != RoleKind::Resident)
            .ok_or(FieldError::new("role", "choice-invalid")),
    );
    let mut grant = None;
    if let Some(kind) = kind {
        let scope = parse_scope(&form.scope);
        grant = match (kind.scope_kind(), scope) {
            (None, _) => Grant::from_parts(kind, None),
            (Some(want), Some((have, id))) if want == have => Grant::from_parts(kind, Some(id)),
            (Some(_), _) => {
                inv.push(FieldError::new("scope", "scope-mismatch"));
                None
            }
        };
    }
    let user = match &email {
        Some(e) => users::by_email(&state.db, e.as_str()).await?,
        None => None,
    };
    if email.is_some() && user.is_none() {
        inv.push(FieldError::new("email", "no-such-account"));
    }
    let (Some(user), Some(grant), true) = (user, grant, inv.is_empty()) else {
        return roles_view(&state, &ctx, form, FormErrors::from_invalid(&inv, ctx.lang), None).await;
    };
    let entry = ctx.audit("role.grant", "user", format!("{} {} {}", user.email, grant.kind().as_str(), form.scope));
    match roles::grant(&state.db, user.id, &grant, &entry).await {
        Ok(_) => Ok(redirect("/admin/role?ok=flash-role-granted").into_response()),
        Err(e) => {
            let inv = conflict_on(e, "role", "role-held")?;
            roles_view(&state, &ctx, form, FormErrors::from_invalid(&inv, ctx.lang), None).await
        }
    }
}

async fn revoke_role(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let me = ctx.require(Action::ManageRoles)?;
    let g = roles::by_id(&state.db, id).await?.ok_or(AppError::NotFound)?;
    if g.user_id == me.id && g.role == RoleKind::Administrator {
        let errors = FormErrors::general("role", ctx.t("error-revoke-own-admin"), ctx.lang);
        return roles_view(&state, &ctx, GrantForm::default(), errors, None).await;
    }
    let entry =
        ctx.audit("role.revoke", "user", format!("{} {} {}", g.email, g.role, g.scope_name.unwrap_or_default()));
    roles::revoke(&state.db, id, &entry).await?;
    Ok(redirect("/admin/role?ok=flash-role-revoked").into_response())
}

// ---- audit log ----

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
struct AuditQuery {
    kto: String,
    akcja: String,
    obiekt: String,
    od: String,
    #[serde(rename = "do")]
    until: String,
    strona: String,
    /// `przecinek` for a CSV with commas.
    separator: String,
}

impl AuditQuery {
    fn query_string(&self) -> String {
        [("kto", &self.kto), ("akcja", &self.akcja), ("obiekt", &self.obiekt), ("od", &self.od), ("do", &self.until)]
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", url_encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

struct AuditView {
    at: String,
    at_iso: String,
    actor: String,
    action: String,
    entity: String,
    details: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditTpl<'a> {
    ctx: &'a Ctx,
    q: AuditQuery,
    entities: Vec<String>,
    rows: Vec<AuditView>,
    total: i64,
    page: i64,
    pages: i64,
    qs: String,
    errors: FormErrors,
}

fn warsaw_day_start(field: &'static str, raw: &str) -> Result<Option<chrono::DateTime<chrono::Utc>>, FieldError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let day = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| FieldError::new(field, "date-invalid"))?;
    let local = chrono_tz::Europe::Warsaw
        .from_local_datetime(&day.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .ok_or(FieldError::new(field, "date-invalid"))?;
    Ok(Some(local.with_timezone(&chrono::Utc)))
}

async fn audit_filter(state: &AppState, q: &AuditQuery) -> AppResult<Result<AuditFilter, Invalid>> {
    let mut inv = Invalid::default();
    let from = inv.check(warsaw_day_start("od", &q.od)).flatten();
    let until = inv.check(warsaw_day_start("do", &q.until)).flatten().map(|d| d + chrono::Duration::days(1));
    let action = inv.check(bounded_text("akcja", &q.akcja, 0, 100)).filter(|s| !s.is_empty());
    let entity = Some(q.obiekt.trim().to_owned()).filter(|s| !s.is_empty());
    let mut actor_id = None;
    if !q.kto.trim().is_empty() {
        match users::by_email(&state.db, &q.kto.trim().to_lowercase()).await? {
            Some(u) => actor_id = Some(u.id),
            None => inv.push(FieldError::new("kto", "no-such-account")),
        }
    }
    if !inv.is_empty() {
        return Ok(Err(inv));
    }
    Ok(Ok(AuditFilter { actor_id, action_prefix: action, entity, from, until }))
}

async fn audit_page(State(state): State<AppState>, ctx: Ctx, Query(q): Query<AuditQuery>) -> AppResult<Response> {
    ctx.require(Action::ReadAuditLog)?;
    let entities = audit::entities(&state.db).await?;
    let page = q.strona.parse::<i64>().unwrap_or(1).max(1);
    let (filter, errors) = match audit_filter(&state, &q).await? {
        Ok(f) => (Some(f), FormErrors::default()),
        Err(inv) => (None, FormErrors::from_invalid(&inv, ctx.lang)),
    };
    let (rows, total) = match &filter {
        Some(f) => {
            let p = audit::list(&state.db, f, AUDIT_PAGE, (page - 1) * AUDIT_PAGE).await?;
            (p.items.into_iter().map(audit_view).collect(), p.total)
        }
        None => (Vec::new(), 0),
    };
    let pages = ((total + AUDIT_PAGE - 1) / AUDIT_PAGE).max(1);
    let tpl = AuditTpl { ctx: &ctx, qs: q.query_string(), q, entities, rows, total, page, pages, errors };
    render_form(&tpl.errors, &tpl)
}

fn audit_view(r: AuditRow) -> AuditView {
    AuditView {
        at: local_time(r.at),
        at_iso: r.at.to_rfc3339(),
        actor: r.actor_label,
        action: r.action,
        entity: r.entity,
        details: r.details,
    }
}

async fn audit_csv(State(state): State<AppState>, ctx: Ctx, Query(q): Query<AuditQuery>) -> AppResult<Response> {
    ctx.require(Action::ReadAuditLog)?;
    let filter = match audit_filter(&state, &q).await? {
        Ok(f) => f,
        Err(_) => return Err(AppError::BadRequest),
    };
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<u8>>(16);
    let sep = agora_export::csv_rows::Separator::from_param(&q.separator);
    let header = agora_export::csv_rows::header(
        sep,
        [
            ctx.t("audit-col-time"),
            ctx.t("audit-col-actor"),
            ctx.t("audit-col-action"),
            ctx.t("audit-col-entity"),
            "id".into(),
            ctx.t("audit-col-details"),
        ],
    );
    let db = state.db.clone();
    tokio::spawn(async move {
        if tx.send(header).await.is_err() {
            return;
        }
        let result = audit::for_each(&db, &filter, |r| {
            let tx = tx.clone();
            let line = agora_export::csv_rows::record(
                sep,
                [
                    r.at.to_rfc3339(),
                    r.actor_label,
                    r.action,
                    r.entity,
                    r.entity_id.map(|i| i.to_string()).unwrap_or_default(),
                    r.details,
                ],
            );
            async move { tx.send(line).await.is_ok() }
        })
        .await;
        if let Err(e) = result {
            tracing::error!(error = %e, "audit export failed");
        }
    });
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|chunk| (Ok::<_, std::convert::Infallible>(chunk), rx))
    });
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"dziennik-zmian.csv\""),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}

// ---- editable pages ----

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct PageForm {
    title_pl: String,
    body_pl: String,
    title_en: String,
    body_en: String,
    /// Only on the sign-language page.
    video_url: String,
}

#[derive(Template)]
#[template(path = "admin/page_edit.html")]
struct PageEditTpl<'a> {
    ctx: &'a Ctx,
    slug: String,
    form: PageForm,
    errors: FormErrors,
    notice: Option<String>,
}

const EDITABLE_PAGES: [&str; 3] =
    [ACCESSIBILITY_SLUG, crate::views::content::EASY_READ_SLUG, crate::views::content::SIGN_LANGUAGE_SLUG];
/// Longest page body accepted.
const PAGE_BODY_MAX: usize = 100_000;

async fn page_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<OkQuery>,
) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    if !EDITABLE_PAGES.contains(&slug.as_str()) {
        return Err(AppError::NotFound);
    }
    let pl = agora_db::pages::get(&state.db, &slug, "pl").await?;
    let en = agora_db::pages::get(&state.db, &slug, "en").await?;
    let form = PageForm {
        title_pl: pl.as_ref().map(|p| p.title.clone()).unwrap_or_default(),
        body_pl: pl.map(|p| p.body).unwrap_or_default(),
        title_en: en.as_ref().map(|p| p.title.clone()).unwrap_or_default(),
        body_en: en.map(|p| p.body).unwrap_or_default(),
        video_url: if slug == crate::views::content::SIGN_LANGUAGE_SLUG {
            crate::views::content::sign_language_video(&state).await?.unwrap_or_default()
        } else {
            String::new()
        },
    };
    let notice = q.notice(&ctx);
    render(&PageEditTpl { ctx: &ctx, slug, form, errors: FormErrors::default(), notice })
}

async fn save_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<PageForm>,
) -> AppResult<Response> {
    ctx.require(Action::ManageReferenceData)?;
    if !EDITABLE_PAGES.contains(&slug.as_str()) {
        return Err(AppError::NotFound);
    }
    let mut inv = Invalid::default();
    let title_pl = inv.check(bounded_text("title_pl", &form.title_pl, 2, 200));
    let body_pl = inv.check(bounded_text("body_pl", &form.body_pl, 1, PAGE_BODY_MAX));
    let title_en = inv.check(bounded_text("title_en", &form.title_en, 2, 200));
    let body_en = inv.check(bounded_text("body_en", &form.body_en, 1, PAGE_BODY_MAX));
    let is_sign_language = slug == crate::views::content::SIGN_LANGUAGE_SLUG;
    let video =
        if is_sign_language { inv.check(agora_domain::access_request::video_url(&form.video_url)) } else { Some(None) };
    let (Some(title_pl), Some(body_pl), Some(title_en), Some(body_en), Some(video)) =
        (title_pl, body_pl, title_en, body_en, video)
    else {
        let errors = FormErrors::from_invalid(&inv, ctx.lang);
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &PageEditTpl { ctx: &ctx, slug, form, errors, notice: None },
        );
    };
    let entry = ctx.audit("page.update", "page", slug.clone());
    agora_db::pages::put(&state.db, &slug, "pl", &title_pl, &body_pl, Some(&entry)).await?;
    agora_db::pages::put(&state.db, &slug, "en", &title_en, &body_en, None).await?;
    if is_sign_language {
        crate::views::content::set_sign_language_video(&state, &ctx, video.as_deref()).await?;
    }
    Ok(redirect(&format!("/admin/strony/{slug}?ok=flash-saved")).into_response())
}
