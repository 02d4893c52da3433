//! Quick polls (sondaże): one question with a few options, shown on the home page, a
//! consultation page or a district page.

use serde::{Deserialize, Serialize};

use crate::survey::{Choice, LABEL_MAX, Text, assign_codes};
use crate::validation::{FieldError, Invalid, bounded_text, optional_text};

text_enum! {
    /// Whether a poll takes votes.
    pub enum PollStatus {
        /// Shown at its placement and taking votes.
        Open = "open",
        /// Votes ended; results stay visible to everyone.
        Closed = "closed",
    }
}

text_enum! {
    /// Where a poll is shown.
    pub enum Placement {
        /// The home page.
        Home = "home",
        /// A consultation's page.
        Consultation = "consultation",
        /// A district's page.
        District = "district",
    }
}

text_enum! {
    /// How one vote per person is kept.
    pub enum VoteMode {
        /// Signed-in residents, one vote per account.
        SignedIn = "signed_in",
        /// Anyone, one vote per browser (a cookie) and a rate limit per address.
        Cookie = "cookie",
    }
}

/// The organiser's form for a poll.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PollForm {
    /// Question in Polish.
    #[serde(default)]
    pub question_pl: String,
    /// Question in English.
    #[serde(default)]
    pub question_en: String,
    /// Options, one per line, "Polish | English".
    #[serde(default)]
    pub options: String,
    /// Placement name.
    #[serde(default)]
    pub placement: String,
    /// Consultation id when placed on a consultation.
    #[serde(default)]
    pub consultation_id: String,
    /// District id when placed on a district.
    #[serde(default)]
    pub district_id: String,
    /// Vote mode name.
    #[serde(default)]
    pub vote_mode: String,
}

/// A validated poll.
#[derive(Debug, Clone, PartialEq)]
pub struct PollInput {
    pub question: Text,
    /// Options with codes.
    pub options: Vec<Choice>,
    pub placement: Placement,
    /// Consultation, for that placement.
    pub consultation_id: Option<i64>,
    /// District, for that placement.
    pub district_id: Option<i64>,
    /// How votes are limited.
    pub vote_mode: VoteMode,
}

impl PollForm {
    /// Validates the form.
    pub fn parse(&self) -> Result<PollInput, Invalid> {
        let mut inv = Invalid::default();
        let pl = inv.check(bounded_text("question_pl", &self.question_pl, 1, LABEL_MAX));
        let en = inv.check(optional_text("question_en", &self.question_en, LABEL_MAX));
        let mut labels = Vec::new();
        for line in self.options.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (a, b) = line.split_once('|').unwrap_or((line, ""));
            match bounded_text("options", a, 1, LABEL_MAX) {
                Ok(a) => labels.push(Text { pl: a, en: b.trim().chars().take(LABEL_MAX).collect() }),
                Err(e) => inv.push(e),
            }
        }
        if labels.len() < 2 {
            inv.push(FieldError::with_limit("options", "too-few-lines", 2));
        } else if labels.len() > 10 {
            inv.push(FieldError::with_limit("options", "too-many-lines", 10));
        }
        let placement =
            inv.check(Placement::parse(self.placement.trim()).ok_or(FieldError::new("placement", "choice-invalid")));
        let vote_mode =
            inv.check(VoteMode::parse(self.vote_mode.trim()).ok_or(FieldError::new("vote_mode", "choice-invalid")));
        let consultation_id = self.consultation_id.trim().parse::<i64>().ok();
        let district_id = self.district_id.trim().parse::<i64>().ok();
        match placement {
            Some(Placement::Consultation) if consultation_id.is_none() => {
                inv.push(FieldError::new("consultation_id", "required"))
            }
            Some(Placement::District) if district_id.is_none() => inv.push(FieldError::new("district_id", "required")),
            _ => {}
        }
        inv.into_result()?;
        let (Some(pl), Some(en), Some(placement), Some(vote_mode)) = (pl, en, placement, vote_mode) else {
            return Err(Invalid::default());
        };
        Ok(PollInput {
            question: Text { pl, en: en.unwrap_or_default() },
            options: assign_codes(labels, &[]),
            placement,
            consultation_id: consultation_id.filter(|_| placement == Placement::Consultation),
            district_id: district_id.filter(|_| placement == Placement::District),
            vote_mode,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poll_needs_two_options_and_a_target_for_its_placement() {
        let f = PollForm {
            question_pl: "Czy?".into(),
            options: "Tak".into(),
            placement: "consultation".into(),
            vote_mode: "cookie".into(),
            ..Default::default()
        };
        let err = f.parse().unwrap_err();
        let fields: Vec<_> = err.0.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["options", "consultation_id"]);
        let ok = PollForm { options: "Tak | Yes\nNie | No".into(), placement: "home".into(), ..f }.parse().unwrap();
        assert_eq!(ok.options[1].code, "2");
        assert_eq!(ok.options[0].label.en, "Yes");
    }
}
