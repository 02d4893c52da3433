//! Roles in words: the names of the units, districts and bodies a role is scoped to, as the
//! account page and the administration show them.

use std::collections::HashMap;

use crate::ctx::Ctx;
use crate::error::AppResult;
use crate::state::AppState;
use agora_db::reference::{self, NamedKind};
use agora_domain::permission::{Grant, ScopeKind};
use agora_domain::reference::DistrictInput;

pub type Names = HashMap<i64, String>;

pub async fn scope_names(state: &AppState) -> AppResult<(Names, Names, Names)> {
    let units =
        reference::units(&state.db).await?.into_iter().map(|u| (u.id, format!("{} — {}", u.code, u.name_pl))).collect();
    let districts =
        reference::districts(&state.db).await?.into_iter().map(|d| (d.id, district_label(d.number, &d.name))).collect();
    let bodies = reference::named(&state.db, NamedKind::Body).await?.into_iter().map(|b| (b.id, b.name_pl)).collect();
    Ok((units, districts, bodies))
}

pub fn district_label(number: i32, name: &str) -> String {
    format!("{} {name}", DistrictInput::roman(number))
}

/// Describes grants in words, e.g. "Organizator: ZTP — Zarząd Transportu Publicznego".
pub async fn describe_grants(state: &AppState, ctx: &Ctx, grants: &[Grant]) -> AppResult<Vec<String>> {
    if grants.is_empty() {
        return Ok(Vec::new());
    }
    let (units, districts, bodies) = scope_names(state).await?;
    Ok(grants
        .iter()
        .map(|g| {
            let role = ctx.t(&format!("role-{}", g.kind().as_str()));
            let names = match g.kind().scope_kind() {
                Some(ScopeKind::Unit) => &units,
                Some(ScopeKind::District) => &districts,
                Some(ScopeKind::Body) => &bodies,
                None => return role,
            };
            let scope = g.scope().and_then(|id| names.get(&id).cloned()).unwrap_or_default();
            format!("{role}: {scope}")
        })
        .collect())
}
