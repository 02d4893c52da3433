//! Roles with scopes and the one permission check every handler goes through.

use serde::{Deserialize, Serialize};

text_enum! {
    /// A role kind, as stored and as shown in the role administration.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum RoleKind {
        /// Takes part: remarks, surveys; every signed-in account has it implicitly.
        Resident = "resident",
        /// Runs consultations for one unit.
        Organiser = "organiser",
        /// Posts news and keeps councillors of one district.
        DistrictEditor = "district_editor",
        /// Keeps the work of one civic dialogue body.
        BodySecretary = "body_secretary",
        /// Handles flagged and held content everywhere.
        Moderator = "moderator",
        /// Writes the City Dialogue Centre's own content: news on any subject, its pages.
        CentreEditor = "centre_editor",
        /// Answers advice requests (Bank Wspierania Partycypacji): city staff or an outside
        /// expert the city engages, either way for no one unit in particular.
        Adviser = "adviser",
        /// Manages reference data, roles, pages and rules.
        Administrator = "administrator",
    }
}

impl RoleKind {
    /// What kind of scope a grant of this role must carry.
    pub fn scope_kind(self) -> Option<ScopeKind> {
        match self {
            RoleKind::Organiser => Some(ScopeKind::Unit),
            RoleKind::DistrictEditor => Some(ScopeKind::District),
            RoleKind::BodySecretary => Some(ScopeKind::Body),
            RoleKind::Resident
            | RoleKind::Moderator
            | RoleKind::CentreEditor
            | RoleKind::Adviser
            | RoleKind::Administrator => None,
        }
    }
}

/// The kind of thing a scoped role is limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScopeKind {
    /// A city department or municipal unit.
    Unit,
    /// A district (dzielnica).
    District,
    /// A civic dialogue body.
    Body,
}

/// One role held by one account, with its scope where the role has one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Grant {
    /// See [`RoleKind::Resident`].
    Resident,
    /// See [`RoleKind::Organiser`]; the unit's id.
    Organiser(i64),
    /// See [`RoleKind::DistrictEditor`]; the district's id.
    DistrictEditor(i64),
    /// See [`RoleKind::BodySecretary`]; the body's id.
    BodySecretary(i64),
    /// See [`RoleKind::Moderator`].
    Moderator,
    /// See [`RoleKind::CentreEditor`].
    CentreEditor,
    /// See [`RoleKind::Adviser`].
    Adviser,
    /// See [`RoleKind::Administrator`].
    Administrator,
}

impl Grant {
    /// Builds a grant from its stored parts; `None` when the scope does not fit the role.
    pub fn from_parts(kind: RoleKind, scope: Option<i64>) -> Option<Grant> {
        match (kind, scope) {
            (RoleKind::Resident, None) => Some(Grant::Resident),
            (RoleKind::Moderator, None) => Some(Grant::Moderator),
            (RoleKind::CentreEditor, None) => Some(Grant::CentreEditor),
            (RoleKind::Adviser, None) => Some(Grant::Adviser),
            (RoleKind::Administrator, None) => Some(Grant::Administrator),
            (RoleKind::Organiser, Some(id)) => Some(Grant::Organiser(id)),
            (RoleKind::DistrictEditor, Some(id)) => Some(Grant::DistrictEditor(id)),
            (RoleKind::BodySecretary, Some(id)) => Some(Grant::BodySecretary(id)),
            _ => None,
        }
    }

    /// The role kind of this grant.
    pub fn kind(&self) -> RoleKind {
        match self {
            Grant::Resident => RoleKind::Resident,
            Grant::Organiser(_) => RoleKind::Organiser,
            Grant::DistrictEditor(_) => RoleKind::DistrictEditor,
            Grant::BodySecretary(_) => RoleKind::BodySecretary,
            Grant::Moderator => RoleKind::Moderator,
            Grant::CentreEditor => RoleKind::CentreEditor,
            Grant::Adviser => RoleKind::Adviser,
            Grant::Administrator => RoleKind::Administrator,
        }
    }

    /// The scope id, for scoped roles.
    pub fn scope(&self) -> Option<i64> {
        match self {
            Grant::Organiser(id) | Grant::DistrictEditor(id) | Grant::BodySecretary(id) => Some(*id),
            Grant::Resident | Grant::Moderator | Grant::CentreEditor | Grant::Adviser | Grant::Administrator => None,
        }
    }
}

/// Something a signed-in person may try to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open the staff area at all.
    EnterStaffArea,
    /// Edit data belonging to one unit (its consultations, its details).
    ManageUnit(i64),
    /// Edit data belonging to one district (news, councillors).
    ManageDistrict(i64),
    /// Edit data belonging to one dialogue body.
    ManageBody(i64),
    /// Hide, approve and review content.
    Moderate,
    /// Write the Centre's own content: news about anything, the Centre's pages.
    EditCentreContent,
    /// Take advice requests from the queue, write to those who asked, answer and publish.
    Advise,
    /// Manage units, districts, categories, bodies and pages.
    ManageReferenceData,
    /// Grant and revoke roles.
    ManageRoles,
    /// Read the audit log.
    ReadAuditLog,
}

/// The one permission rule: whether any of `grants` allows `action`.
pub fn permits(grants: &[Grant], action: Action) -> bool {
    grants.iter().any(|g| grant_permits(g, action))
}

fn grant_permits(grant: &Grant, action: Action) -> bool {
    match (grant, action) {
        (Grant::Administrator, _) => true,
        (Grant::Resident, _) => false,
        (
            Grant::Organiser(_)
            | Grant::DistrictEditor(_)
            | Grant::BodySecretary(_)
            | Grant::Moderator
            | Grant::CentreEditor
            | Grant::Adviser,
            Action::EnterStaffArea,
        ) => true,
        (Grant::Organiser(u), Action::ManageUnit(v)) => *u == v,
        (Grant::DistrictEditor(d), Action::ManageDistrict(e)) => *d == e,
        (Grant::BodySecretary(b), Action::ManageBody(c)) => *b == c,
        (Grant::Moderator, Action::Moderate) => true,
        (Grant::CentreEditor, Action::EditCentreContent) => true,
        (Grant::Adviser, Action::Advise) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn any_grant() -> impl Strategy<Value = Grant> {
        prop_oneof![
            Just(Grant::Resident),
            (1i64..5).prop_map(Grant::Organiser),
            (1i64..5).prop_map(Grant::DistrictEditor),
            (1i64..5).prop_map(Grant::BodySecretary),
            Just(Grant::Moderator),
            Just(Grant::CentreEditor),
            Just(Grant::Adviser),
            Just(Grant::Administrator),
        ]
    }

    fn any_action() -> impl Strategy<Value = Action> {
        prop_oneof![
            Just(Action::EnterStaffArea),
            (1i64..5).prop_map(Action::ManageUnit),
            (1i64..5).prop_map(Action::ManageDistrict),
            (1i64..5).prop_map(Action::ManageBody),
            Just(Action::Moderate),
            Just(Action::EditCentreContent),
            Just(Action::Advise),
            Just(Action::ManageReferenceData),
            Just(Action::ManageRoles),
            Just(Action::ReadAuditLog),
        ]
    }

    proptest! {
        #[test]
        fn administrators_may_do_anything(a in any_action()) {
            prop_assert!(permits(&[Grant::Administrator], a));
        }

        #[test]
        fn residents_alone_may_do_nothing_staff(a in any_action()) {
            prop_assert!(!permits(&[Grant::Resident], a));
            prop_assert!(!permits(&[], a));
        }

        #[test]
        fn scoped_roles_stay_in_their_scope(u in 1i64..5, v in 1i64..5) {
            prop_assert_eq!(permits(&[Grant::Organiser(u)], Action::ManageUnit(v)), u == v);
            prop_assert_eq!(permits(&[Grant::DistrictEditor(u)], Action::ManageDistrict(v)), u == v);
            prop_assert_eq!(permits(&[Grant::BodySecretary(u)], Action::ManageBody(v)), u == v);
            prop_assert!(!permits(&[Grant::Organiser(u)], Action::ManageDistrict(v)));
        }

        #[test]
        fn adding_a_grant_never_takes_a_permission_away(gs in proptest::collection::vec(any_grant(), 0..4), g in any_grant(), a in any_action()) {
            let before = permits(&gs, a);
            let mut more = gs.clone();
            more.push(g);
            prop_assert!(!before || permits(&more, a));
        }

        #[test]
        fn only_administrators_manage_roles_and_reference_data(g in any_grant()) {
            let admin = g == Grant::Administrator;
            prop_assert_eq!(permits(std::slice::from_ref(&g), Action::ManageRoles), admin);
            prop_assert_eq!(permits(std::slice::from_ref(&g), Action::ManageReferenceData), admin);
            prop_assert_eq!(permits(std::slice::from_ref(&g), Action::ReadAuditLog), admin);
        }

        #[test]
        fn the_centre_writes_its_content_and_manages_no_district_body_or_unit(v in 1i64..5, g in any_grant()) {
            let c = [Grant::CentreEditor];
            prop_assert!(permits(&c, Action::EditCentreContent));
            prop_assert!(!permits(&c, Action::ManageDistrict(v)));
            prop_assert!(!permits(&c, Action::ManageBody(v)));
            prop_assert!(!permits(&c, Action::ManageUnit(v)));
            let centre = matches!(g, Grant::CentreEditor | Grant::Administrator);
            prop_assert_eq!(permits(std::slice::from_ref(&g), Action::EditCentreContent), centre);
        }

        #[test]
        fn advisers_advise_and_manage_nothing_else(v in 1i64..5, g in any_grant()) {
            let a = [Grant::Adviser];
            prop_assert!(permits(&a, Action::Advise));
            prop_assert!(permits(&a, Action::EnterStaffArea));
            prop_assert!(!permits(&a, Action::ManageUnit(v)));
            prop_assert!(!permits(&a, Action::Moderate));
            prop_assert!(!permits(&a, Action::EditCentreContent));
            let advises = matches!(g, Grant::Adviser | Grant::Administrator);
            prop_assert_eq!(permits(std::slice::from_ref(&g), Action::Advise), advises);
        }

        #[test]
        fn grants_round_trip_through_parts(g in any_grant()) {
            prop_assert_eq!(Grant::from_parts(g.kind(), g.scope()), Some(g.clone()));
            prop_assert_eq!(RoleKind::parse(g.kind().as_str()), Some(g.kind()));
        }
    }
}
