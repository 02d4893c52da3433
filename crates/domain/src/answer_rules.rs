//! How many days the city has to answer an opinion or recommendation of a dialogue body, set
//! by administrators for each kind of body: a city may give its youth council longer than the
//! month of a letter to the office, or its district bodies less. A kind nobody has set keeps
//! the default of [`TrackedKind::default_period`](crate::tracked::TrackedKind::default_period).

use crate::body::BodyKind;
use crate::calendar::Period;
use crate::validation::{FieldError, Invalid};
use std::collections::BTreeMap;

/// Days the city has when no rule is set for a kind of body.
pub const DEFAULT_DAYS: u32 = 30;
/// The longest time a rule may give: a year.
pub const MAX_DAYS: u32 = 365;

/// The stored rules: days by kind of body (its text), as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AnswerRules {
    #[serde(default)]
    pub days: BTreeMap<String, u32>,
}

impl AnswerRules {
    /// The days the city has to answer a body of `kind`.
    pub fn days(&self, kind: BodyKind) -> u32 {
        self.days.get(kind.as_str()).copied().unwrap_or(DEFAULT_DAYS)
    }

    /// How the due date of an opinion of a body of `kind` is counted: calendar days, an end on
    /// a day off moving to the next working day.
    pub fn period(&self, kind: BodyKind) -> Period {
        Period::Days(self.days(kind))
    }
}

/// The form's field for `kind`.
pub fn field(kind: BodyKind) -> &'static str {
    match kind {
        BodyKind::Kdo => "days_kdo",
        BodyKind::PublicBenefitCouncil => "days_public_benefit_council",
        BodyKind::YouthCouncil => "days_youth_council",
        BodyKind::SeniorsCouncil => "days_seniors_council",
        BodyKind::DistrictBody => "days_district_body",
        BodyKind::WorkingGroup => "days_working_group",
        BodyKind::Other => "days_other",
    }
}

/// Checks the form, given the value typed for each field: every kind needs a whole number of
/// days from 1 to [`MAX_DAYS`].
pub fn parse(typed: impl Fn(&str) -> String) -> Result<AnswerRules, Invalid> {
    let mut inv = Invalid::default();
    let mut days = BTreeMap::new();
    for kind in BodyKind::ALL {
        let f = field(kind);
        match typed(f).trim().parse::<u32>() {
            Ok(n) if (1..=MAX_DAYS).contains(&n) => {
                days.insert(kind.as_str().to_owned(), n);
            }
            _ => inv.push(FieldError::with_limit(f, "answer-days-invalid", MAX_DAYS as usize)),
        }
    }
    if inv.is_empty() { Ok(AnswerRules { days }) } else { Err(inv) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn an_unset_kind_keeps_thirty_days_and_a_set_one_counts_its_own() {
        let mut rules = AnswerRules::default();
        let adopted = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
        assert_eq!(rules.period(BodyKind::Kdo), crate::tracked::TrackedKind::Opinion.default_period());
        rules.days.insert("youth_council".into(), 45);
        assert_eq!(rules.days(BodyKind::YouthCouncil), 45);
        assert_eq!(rules.days(BodyKind::Kdo), DEFAULT_DAYS);
        // 45 days from 2 November end on Thursday 17 December.
        assert_eq!(rules.period(BodyKind::YouthCouncil).due(adopted), NaiveDate::from_ymd_opt(2026, 12, 17).unwrap());
    }

    #[test]
    fn every_kind_needs_from_one_to_365_days() {
        let ok = parse(|f| if f == "days_kdo" { " 21 ".into() } else { "30".into() }).unwrap();
        assert_eq!(ok.days(BodyKind::Kdo), 21);
        let bad = parse(|f| match f {
            "days_kdo" => "0".into(),
            "days_other" => "366".into(),
            "days_youth_council" => "dużo".into(),
            _ => "30".into(),
        })
        .unwrap_err();
        let fields: Vec<_> = bad.0.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec!["days_kdo", "days_youth_council", "days_other"]);
    }
}
