//! The one visibility rule: whether a viewer may see an item. Every outlet asks it (pages,
//! breadcrumbs, reports, feeds, calendars, exports, mail), and the SQL filters of public lists
//! are built from the same answers (`Status::PUBLIC`, `ModerationState::LISTED`), so a new hidden
//! state cannot be forgotten by one outlet while another respects it.
//!
//! Every new kind of item joins [`Item`] and the anonymous-visitor test over all outlets.

use crate::consultation::Status;
use crate::forum::PostState;
use crate::news::{Stage, Subject, may_write};
use crate::permission::{Action, Grant, permits};
use crate::remark::ModerationState;
use crate::survey::{SurveyStatus, Visibility};

/// Who is looking: the grants of the signed-in person, none for an anonymous visitor.
///
/// Public outlets served to everyone from one cached copy (feeds, calendars, the report's
/// downloads, mail to many people) look as [`Viewer::ANONYMOUS`], whoever asked first.
#[derive(Debug, Clone, Copy)]
pub struct Viewer<'a> {
    grants: &'a [Grant],
}

impl<'a> Viewer<'a> {
    /// A visitor who is not signed in, or any outlet shared by everyone.
    pub const ANONYMOUS: Viewer<'static> = Viewer { grants: &[] };

    /// A signed-in person with their grants.
    pub fn with_grants(grants: &'a [Grant]) -> Self {
        Viewer { grants }
    }

    fn manages_unit(&self, unit: i64) -> bool {
        permits(self.grants, Action::ManageUnit(unit))
    }

    fn manages_body(&self, body: i64) -> bool {
        permits(self.grants, Action::ManageBody(body))
    }

    fn moderates(&self) -> bool {
        permits(self.grants, Action::Moderate)
    }
}

/// Something that may be hidden from some viewers, with the facts the rule needs.
#[derive(Debug, Clone, Copy)]
pub enum Item {
    /// A consultation and what hangs off it: documents, programme, remarks list, report.
    Consultation {
        /// Its current status.
        status: Status,
        /// The unit running it.
        unit: i64,
    },
    /// A survey's questions and form.
    Survey {
        /// Its status.
        status: SurveyStatus,
        /// The unit running it.
        unit: i64,
        /// The status of the consultation it belongs to, if any: a survey of a consultation still
        /// in preparation is in preparation too.
        consultation: Option<Status>,
    },
    /// A survey's results, on their page and in the consultation's report.
    SurveyResults {
        /// Its status.
        status: SurveyStatus,
        /// The unit running it.
        unit: i64,
        /// See [`Item::Survey`].
        consultation: Option<Status>,
        /// When the results may be public.
        visibility: Visibility,
        /// Whether answering has ended.
        closed: bool,
    },
    /// Something the city owes an answer to (an opinion, a recommendation, …) and its answer.
    /// Requests from people are private, but for an advice request's row (its number, topic and
    /// dates) in the public ledger; a body's opinions are public.
    Tracked {
        /// Whether it is on the public ledger.
        public: bool,
        /// The department it is addressed to, whose staff answer it.
        unit: i64,
        /// The body that sent it, whose secretary follows it.
        body: Option<i64>,
    },
    /// A remark's text in public outlets (its consultation is asked for separately, by the page
    /// or export that lists it). A hidden remark still shows its place and the reason; staff read
    /// every remark on screens that require managing the unit.
    RemarkText {
        /// Its moderation state.
        moderation: ModerationState,
    },
    /// A forum space and all it holds: its threads, posts and feed. A space of a consultation
    /// is asked for together with its consultation.
    ForumSpace {
        /// For a body's internal exchange: read by its current members, its secretary and
        /// moderators only.
        members_only: bool,
        /// The body a members-only space belongs to.
        body: Option<i64>,
        /// Whether the viewer is a current member of that body.
        member: bool,
    },
    /// A news post: public from its publication time; before that (a draft, or scheduled)
    /// read only by those who may edit it. Lists, feeds and mail to many people ask as
    /// [`Viewer::ANONYMOUS`], so a scheduled post reaches none of them early.
    News {
        /// Where it stands now.
        stage: Stage,
        /// What it is about, which decides who edits it.
        subject: Subject,
    },
    /// A post's text. A held post waits for a moderator and is read by moderators only; a
    /// hidden one leaves a tombstone with its date and reason instead of its text.
    ForumPost {
        /// Its state.
        state: PostState,
    },
    /// A page of the Centre's own content: public once published; a draft is read only by the
    /// Centre's editors.
    CentrePage {
        /// Whether it is published.
        published: bool,
    },
    /// An issue of the newsletter: in the archive once sent; before that it is on the Centre's
    /// editors' screens only, which ask for their permission instead.
    Newsletter {
        /// Where it stands.
        status: crate::newsletter::Status,
    },
}

/// Whether `viewer` may see `item`. Staff of the unit running an item see all of it.
pub fn may_see(viewer: Viewer<'_>, item: Item) -> bool {
    match item {
        Item::Consultation { status, unit } => status.is_public() || viewer.manages_unit(unit),
        Item::Survey { status, unit, consultation } => {
            viewer.manages_unit(unit) || (status != SurveyStatus::Draft && consultation.is_none_or(Status::is_public))
        }
        Item::SurveyResults { status, unit, consultation, visibility, closed } => {
            viewer.manages_unit(unit)
                || (may_see(viewer, Item::Survey { status, unit, consultation }) && visibility.public(closed))
        }
        Item::RemarkText { moderation } => moderation == ModerationState::Published,
        Item::ForumSpace { members_only, body, member } => {
            !members_only || member || viewer.moderates() || body.is_some_and(|b| viewer.manages_body(b))
        }
        Item::ForumPost { state } => state == PostState::Visible || (state == PostState::Held && viewer.moderates()),
        Item::News { stage, subject } => stage == Stage::Published || may_write(viewer.grants, subject),
        Item::CentrePage { published } => published || crate::centre::may_edit(viewer.grants),
        Item::Newsletter { status } => status.is_public(),
        Item::Tracked { public, unit, body } => {
            public || viewer.manages_unit(unit) || body.is_some_and(|b| viewer.manages_body(b))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNIT: i64 = 7;

    fn organiser() -> Vec<Grant> {
        vec![Grant::Organiser(UNIT)]
    }

    #[test]
    fn a_private_request_is_seen_by_its_department_and_its_body_only() {
        let private = Item::Tracked { public: false, unit: UNIT, body: Some(3) };
        assert!(!may_see(Viewer::ANONYMOUS, private));
        assert!(!may_see(Viewer::with_grants(&[Grant::BodySecretary(4), Grant::Organiser(UNIT + 1)]), private));
        assert!(may_see(Viewer::with_grants(&organiser()), private));
        assert!(may_see(Viewer::with_grants(&[Grant::BodySecretary(3)]), private));
        assert!(may_see(Viewer::ANONYMOUS, Item::Tracked { public: true, unit: UNIT, body: None }));
    }

    #[test]
    fn unpublished_news_is_read_by_its_editors_only() {
        let podgorze = Subject { district: Some(13), body: None };
        for stage in [Stage::Draft, Stage::Scheduled] {
            let item = Item::News { stage, subject: podgorze };
            assert!(!may_see(Viewer::ANONYMOUS, item));
            assert!(!may_see(Viewer::with_grants(&[Grant::DistrictEditor(14), Grant::Moderator]), item));
            assert!(may_see(Viewer::with_grants(&[Grant::DistrictEditor(13)]), item));
            assert!(may_see(Viewer::with_grants(&[Grant::CentreEditor]), item));
        }
        assert!(may_see(Viewer::ANONYMOUS, Item::News { stage: Stage::Published, subject: podgorze }));
    }

    #[test]
    fn a_draft_page_of_the_centre_is_read_by_its_editors_only() {
        let draft = Item::CentrePage { published: false };
        assert!(!may_see(Viewer::ANONYMOUS, draft));
        assert!(!may_see(Viewer::with_grants(&[Grant::DistrictEditor(13), Grant::Moderator]), draft));
        assert!(may_see(Viewer::with_grants(&[Grant::CentreEditor]), draft));
        assert!(may_see(Viewer::ANONYMOUS, Item::CentrePage { published: true }));
    }

    #[test]
    fn the_newsletter_archive_shows_sent_issues_only() {
        use crate::newsletter::Status as Issue;
        for status in Issue::ALL {
            let item = Item::Newsletter { status };
            assert_eq!(may_see(Viewer::ANONYMOUS, item), status == Issue::Sent, "{status}");
            assert_eq!(may_see(Viewer::with_grants(&[Grant::CentreEditor]), item), status == Issue::Sent, "{status}");
        }
    }

    #[test]
    fn drafts_are_seen_by_their_unit_only() {
        let draft = Item::Consultation { status: Status::Draft, unit: UNIT };
        assert!(!may_see(Viewer::ANONYMOUS, draft));
        assert!(!may_see(Viewer::with_grants(&[Grant::Organiser(UNIT + 1), Grant::Moderator]), draft));
        assert!(may_see(Viewer::with_grants(&organiser()), draft));
        assert!(may_see(Viewer::with_grants(&[Grant::Administrator]), draft));
        for status in Status::ALL.into_iter().filter(|s| *s != Status::Draft) {
            assert!(may_see(Viewer::ANONYMOUS, Item::Consultation { status, unit: UNIT }), "{status}");
        }
    }

    #[test]
    fn a_survey_of_a_draft_consultation_is_hidden_like_it() {
        let survey = |consultation| Item::Survey { status: SurveyStatus::Open, unit: UNIT, consultation };
        assert!(may_see(Viewer::ANONYMOUS, survey(None)));
        assert!(may_see(Viewer::ANONYMOUS, survey(Some(Status::Open))));
        assert!(!may_see(Viewer::ANONYMOUS, survey(Some(Status::Draft))));
        assert!(may_see(Viewer::with_grants(&organiser()), survey(Some(Status::Draft))));
        let draft = Item::Survey { status: SurveyStatus::Draft, unit: UNIT, consultation: None };
        assert!(!may_see(Viewer::ANONYMOUS, draft));
    }

    #[test]
    fn staff_only_results_are_never_public() {
        for status in SurveyStatus::ALL {
            for closed in [false, true] {
                for consultation in [None, Some(Status::ReportPublished)] {
                    let results =
                        |visibility| Item::SurveyResults { status, unit: UNIT, consultation, visibility, closed };
                    assert!(!may_see(Viewer::ANONYMOUS, results(Visibility::Staff)));
                    assert!(may_see(Viewer::with_grants(&organiser()), results(Visibility::Staff)));
                    assert_eq!(
                        may_see(Viewer::ANONYMOUS, results(Visibility::AfterClose)),
                        closed && status != SurveyStatus::Draft
                    );
                }
            }
        }
    }

    #[test]
    fn only_published_remarks_show_their_text() {
        for moderation in ModerationState::ALL {
            let item = Item::RemarkText { moderation };
            assert_eq!(may_see(Viewer::ANONYMOUS, item), moderation == ModerationState::Published, "{moderation}");
        }
    }

    #[test]
    fn a_members_only_space_is_read_by_members_their_secretary_and_moderators() {
        let space = |member| Item::ForumSpace { members_only: true, body: Some(3), member };
        assert!(!may_see(Viewer::ANONYMOUS, space(false)));
        assert!(may_see(Viewer::ANONYMOUS, space(true)));
        assert!(may_see(Viewer::with_grants(&[Grant::BodySecretary(3)]), space(false)));
        assert!(!may_see(Viewer::with_grants(&[Grant::BodySecretary(4)]), space(false)));
        assert!(may_see(Viewer::with_grants(&[Grant::Moderator]), space(false)));
        let open = Item::ForumSpace { members_only: false, body: Some(3), member: false };
        assert!(may_see(Viewer::ANONYMOUS, open));
    }

    #[test]
    fn held_posts_are_read_by_moderators_and_hidden_ones_by_nobody() {
        let post = |state| Item::ForumPost { state };
        let moderator = [Grant::Moderator];
        assert!(may_see(Viewer::ANONYMOUS, post(PostState::Visible)));
        assert!(!may_see(Viewer::ANONYMOUS, post(PostState::Held)));
        assert!(may_see(Viewer::with_grants(&moderator), post(PostState::Held)));
        assert!(!may_see(Viewer::with_grants(&moderator), post(PostState::Hidden)));
        assert!(!may_see(Viewer::with_grants(&[Grant::Administrator]), post(PostState::Hidden)));
    }

    #[test]
    fn sql_lists_agree_with_the_rule() {
        for status in Status::ALL {
            assert_eq!(Status::PUBLIC.contains(&status), status.is_public(), "{}", status.as_str());
        }
        for m in ModerationState::ALL {
            assert_eq!(ModerationState::LISTED.contains(&m), m != ModerationState::Held, "{}", m.as_str());
        }
    }
}
