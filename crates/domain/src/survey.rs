//! Surveys: question kinds and their settings, the organiser's builder input, the rules
//! that turn a respondent's form into answers (conditions included), and the summaries of
//! the kept-up-to-date tallies.

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::validation::{FieldError, Invalid, bounded_text, field_name, optional_text};

/// Longest question or label text.
pub const LABEL_MAX: usize = 1_000;
/// Longest help text.
pub const HELP_MAX: usize = 2_000;
/// Longest short-text answer.
pub const SHORT_ANSWER_MAX: usize = 500;
/// Longest long-text answer.
pub const LONG_ANSWER_MAX: usize = 10_000;
/// Most options of one question.
pub const MAX_OPTIONS: usize = 50;
/// Most rows of one matrix.
pub const MAX_ROWS: usize = 30;
/// Most questions in one survey.
pub const MAX_QUESTIONS: usize = 200;

text_enum! {
    /// Where a survey is in its life.
    pub enum SurveyStatus {
        /// Being built; only its managers see it.
        Draft = "draft",
        /// Taking answers (until its closing time, if it has one).
        Open = "open",
        /// No longer taking answers.
        Closed = "closed",
    }
}

text_enum! {
    /// What a question asks for.
    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum QuestionKind {
        /// One of several options (radio buttons).
        Single = "single",
        /// Several options, with an optional minimum and maximum.
        Multiple = "multiple",
        /// One option or "other" with a text.
        ChoiceOther = "choice_other",
        /// One option from a drop-down list.
        Dropdown = "dropdown",
        /// A rating scale 1–5 or 1–10 with labelled ends.
        Rating = "rating",
        /// Rows, each rated on the same scale (Likert matrix).
        Likert = "likert",
        /// Options put in order.
        Ranking = "ranking",
        /// A number, with an optional minimum and maximum.
        Number = "number",
        /// One line of text.
        ShortText = "short_text",
        /// Several lines of text.
        LongText = "long_text",
        /// A date.
        Date = "date",
        /// Yes or no.
        YesNo = "yes_no",
        /// Text for the respondent, no answer.
        Info = "info",
    }
}

impl QuestionKind {
    /// Whether the organiser lists options for it.
    pub fn has_options(self) -> bool {
        matches!(
            self,
            QuestionKind::Single
                | QuestionKind::Multiple
                | QuestionKind::ChoiceOther
                | QuestionKind::Dropdown
                | QuestionKind::Likert
                | QuestionKind::Ranking
        )
    }

    /// Whether a later question may depend on its answer.
    pub fn can_be_condition(self) -> bool {
        matches!(
            self,
            QuestionKind::Single
                | QuestionKind::Multiple
                | QuestionKind::ChoiceOther
                | QuestionKind::Dropdown
                | QuestionKind::YesNo
        )
    }

    /// Whether its answers are free text, listed rather than counted.
    pub fn is_text(self) -> bool {
        matches!(self, QuestionKind::ShortText | QuestionKind::LongText)
    }

    /// Whether it can be used as a profile question in cross-tabs.
    pub fn can_be_profile(self) -> bool {
        matches!(self, QuestionKind::Single | QuestionKind::Dropdown | QuestionKind::YesNo | QuestionKind::ChoiceOther)
    }
}

/// A text in Polish and English; English falls back to Polish when empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub pl: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    /// The text in `lang` ("pl" or "en").
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" && !self.en.trim().is_empty() { &self.en } else { &self.pl }
    }

    /// Whether both languages are empty.
    pub fn is_empty(&self) -> bool {
        self.pl.trim().is_empty() && self.en.trim().is_empty()
    }
}

/// One option (or matrix row) with a stable code that answers refer to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// Stable code, kept when the options are edited.
    pub code: String,
    /// What the respondent reads.
    pub label: Text,
}

/// A question's settings, as its kind needs them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spec {
    /// Options (choice kinds, ranking) or the scale of a Likert matrix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// Rows of a Likert matrix.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Choice>,
    /// Minimum: choices of a multiple choice, or the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    /// Maximum: choices, the number, or the top of a rating scale (5 or 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// Label of the low end of a rating scale.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub low: Text,
    /// Label of the high end of a rating scale.
    #[serde(default, skip_serializing_if = "Text::is_empty")]
    pub high: Text,
}

/// Show a question only if an earlier one was answered with `value`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// The earlier question.
    pub question: i64,
    /// An option code of it, or "yes"/"no".
    pub value: String,
}

/// A stored question.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: i64,
    pub kind: QuestionKind,
    /// Whether an answer is required (when shown).
    pub required: bool,
    /// Whether it describes the respondent (district, age band, gender), for cross-tabs.
    pub profile: bool,
    /// Page number, from 1.
    pub page: i32,
    /// Order within the survey.
    pub position: i32,
    /// The question.
    pub text: Text,
    /// Help shown under it.
    pub help: Text,
    pub spec: Spec,
    /// When it is shown.
    pub show_if: Option<Condition>,
    /// Raised on every edit, so an answer given to an older wording is recognised.
    pub revision: i32,
}

impl Question {
    /// The option with `code`.
    pub fn option(&self, code: &str) -> Option<&Choice> {
        self.spec.options.iter().find(|c| c.code == code)
    }

    /// The points of a rating scale, 1..=max.
    pub fn scale(&self) -> std::ops::RangeInclusive<i64> {
        1..=self.spec.max.unwrap_or(5)
    }

    /// The label of an answer key as a respondent would read it.
    pub fn item_label(&self, item: &str, lang: &str) -> String {
        match self.kind {
            QuestionKind::YesNo => item.to_owned(),
            QuestionKind::ChoiceOther if item == OTHER => item.to_owned(),
            _ if self.kind.has_options() => {
                self.option(item).map(|c| c.label.get(lang).to_owned()).unwrap_or_else(|| item.to_owned())
            }
            _ => item.to_owned(),
        }
    }
}

/// The answer key of the "other" option of a choice with "other".
pub const OTHER: &str = "other";

// ---- the builder ----

/// The builder's form for one question, as submitted.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct QuestionForm {
    /// Kind name.
    #[serde(default)]
    pub kind: String,
    /// Checkbox "on".
    #[serde(default)]
    pub required: Option<String>,
    /// Checkbox "on".
    #[serde(default)]
    pub profile: Option<String>,
    /// Page number.
    #[serde(default)]
    pub page: String,
    /// Question in Polish.
    #[serde(default)]
    pub text_pl: String,
    /// Question in English.
    #[serde(default)]
    pub text_en: String,
    /// Help in Polish.
    #[serde(default)]
    pub help_pl: String,
    /// Help in English.
    #[serde(default)]
    pub help_en: String,
    /// Options, one per line, "Polish | English".
    #[serde(default)]
    pub options: String,
    /// Matrix rows, one per line, "Polish | English".
    #[serde(default)]
    pub rows: String,
    #[serde(default)]
    pub min: String,
    #[serde(default)]
    pub max: String,
    /// Low end label, Polish.
    #[serde(default)]
    pub low_pl: String,
    /// Low end label, English.
    #[serde(default)]
    pub low_en: String,
    /// High end label, Polish.
    #[serde(default)]
    pub high_pl: String,
    /// High end label, English.
    #[serde(default)]
    pub high_en: String,
    /// "question id:value" of the condition, or empty.
    #[serde(default)]
    pub show_if: String,
}

/// A validated question, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionInput {
    pub kind: QuestionKind,
    pub required: bool,
    /// Profile question.
    pub profile: bool,
    pub page: i32,
    pub text: Text,
    pub help: Text,
    pub spec: Spec,
    pub show_if: Option<Condition>,
}

fn parse_lines(field: &'static str, raw: &str, max: usize) -> Result<Vec<Text>, FieldError> {
    let mut out = Vec::new();
    for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (pl, en) = match line.split_once('|') {
            Some((pl, en)) => (pl.trim(), en.trim()),
            None => (line, ""),
        };
        let pl = bounded_text(field, pl, 1, LABEL_MAX)?;
        let en = optional_text(field, en, LABEL_MAX)?.unwrap_or_default();
        out.push(Text { pl, en });
    }
    if out.len() > max {
        return Err(FieldError::with_limit(field, "too-many-lines", max));
    }
    let mut seen = HashSet::new();
    if out.iter().any(|t| !seen.insert(t.pl.to_lowercase())) {
        return Err(FieldError::new(field, "duplicate-lines"));
    }
    Ok(out)
}

fn optional_int(field: &'static str, raw: &str) -> Result<Option<i64>, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<i64>().map(Some).map_err(|_| FieldError::new(field, "number-invalid"))
}

/// Gives every option a code: the code of the existing option with the same Polish label,
/// otherwise the next free number; so editing the list keeps answers pointing at the right option.
pub fn assign_codes(labels: Vec<Text>, existing: &[Choice]) -> Vec<Choice> {
    let mut next = existing.iter().filter_map(|c| c.code.parse::<u32>().ok()).max().unwrap_or(0) + 1;
    labels
        .into_iter()
        .map(|label| {
            let code = match existing.iter().find(|c| c.label.pl.eq_ignore_ascii_case(&label.pl)) {
                Some(c) => c.code.clone(),
                None => {
                    let c = next.to_string();
                    next += 1;
                    c
                }
            };
            Choice { code, label }
        })
        .collect()
}

impl QuestionForm {
    /// The form showing a stored question.
    pub fn from_question(q: &Question) -> Self {
        let lines = |cs: &[Choice]| {
            cs.iter()
                .map(|c| {
                    if c.label.en.is_empty() { c.label.pl.clone() } else { format!("{} | {}", c.label.pl, c.label.en) }
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        QuestionForm {
            kind: q.kind.as_str().into(),
            required: q.required.then(|| "on".into()),
            profile: q.profile.then(|| "on".into()),
            page: q.page.to_string(),
            text_pl: q.text.pl.clone(),
            text_en: q.text.en.clone(),
            help_pl: q.help.pl.clone(),
            help_en: q.help.en.clone(),
            options: lines(&q.spec.options),
            rows: lines(&q.spec.rows),
            min: q.spec.min.map(|v| v.to_string()).unwrap_or_default(),
            max: q.spec.max.map(|v| v.to_string()).unwrap_or_default(),
            low_pl: q.spec.low.pl.clone(),
            low_en: q.spec.low.en.clone(),
            high_pl: q.spec.high.pl.clone(),
            high_en: q.spec.high.en.clone(),
            show_if: q.show_if.as_ref().map(|c| format!("{}:{}", c.question, c.value)).unwrap_or_default(),
        }
    }

    /// Validates the form; `earlier` are the questions before this one (conditions may only
    /// point back), `existing` the stored question being edited (its option codes are kept).
    pub fn parse(&self, earlier: &[&Question], existing: Option<&Question>) -> Result<QuestionInput, Invalid> {
        let mut inv = Invalid::default();
        let kind = inv.check(QuestionKind::parse(self.kind.trim()).ok_or(FieldError::new("kind", "choice-invalid")));
        let text_pl = inv.check(bounded_text("text_pl", &self.text_pl, 1, LABEL_MAX));
        let text_en = inv.check(optional_text("text_en", &self.text_en, LABEL_MAX));
        let help_pl = inv.check(optional_text("help_pl", &self.help_pl, HELP_MAX));
        let help_en = inv.check(optional_text("help_en", &self.help_en, HELP_MAX));
        let page = inv.check(match self.page.trim() {
            "" => Ok(1),
            s => s.parse::<i32>().ok().filter(|p| (1..=100).contains(p)).ok_or(FieldError::with_limit(
                "page",
                "out-of-range",
                100,
            )),
        });
        let options = inv.check(parse_lines("options", &self.options, MAX_OPTIONS));
        let rows = inv.check(parse_lines("rows", &self.rows, MAX_ROWS));
        let min = inv.check(optional_int("min", &self.min));
        let max = inv.check(optional_int("max", &self.max));
        let low = Text {
            pl: self.low_pl.trim().chars().take(LABEL_MAX).collect(),
            en: self.low_en.trim().chars().take(LABEL_MAX).collect(),
        };
        let high = Text {
            pl: self.high_pl.trim().chars().take(LABEL_MAX).collect(),
            en: self.high_en.trim().chars().take(LABEL_MAX).collect(),
        };
        let (
            Some(kind),
            Some(text_pl),
            Some(text_en),
            Some(help_pl),
            Some(help_en),
            Some(page),
            Some(options),
            Some(rows),
            Some(min),
            Some(max),
        ) = (kind, text_pl, text_en, help_pl, help_en, page, options, rows, min, max)
        else {
            return Err(inv);
        };
        let old = existing.map(|q| (q.spec.options.as_slice(), q.spec.rows.as_slice())).unwrap_or((&[], &[]));
        let mut spec = Spec::default();
        if kind.has_options() {
            if options.len() < 2 {
                inv.push(FieldError::with_limit("options", "too-few-lines", 2));
            }
            spec.options = assign_codes(options, old.0);
        }
        match kind {
            QuestionKind::Likert => {
                if rows.is_empty() {
                    inv.push(FieldError::with_limit("rows", "too-few-lines", 1));
                }
                spec.rows = assign_codes(rows, old.1);
            }
            QuestionKind::Multiple => {
                let n = spec.options.len() as i64;
                if min.is_some_and(|v| v < 0 || v > n) {
                    inv.push(FieldError::with_limit("min", "out-of-range", n as usize));
                }
                if max.is_some_and(|v| v < 1 || v > n || min.is_some_and(|m| v < m)) {
                    inv.push(FieldError::with_limit("max", "out-of-range", n as usize));
                }
                spec.min = min;
                spec.max = max;
            }
            QuestionKind::Number => {
                if let (Some(a), Some(b)) = (min, max)
                    && a > b
                {
                    inv.push(FieldError::new("max", "max-below-min"));
                }
                spec.min = min;
                spec.max = max;
            }
            QuestionKind::Rating => {
                let top = max.unwrap_or(5);
                if top != 5 && top != 10 {
                    inv.push(FieldError::new("max", "scale-5-or-10"));
                }
                spec.max = Some(top);
                spec.low = low;
                spec.high = high;
            }
            _ => {}
        }
        let show_if = match self.show_if.trim() {
            "" => None,
            s => {
                let parsed = s.split_once(':').and_then(|(q, v)| q.parse::<i64>().ok().map(|q| (q, v.to_owned())));
                let valid = parsed.as_ref().and_then(|(qid, value)| {
                    let q = earlier.iter().find(|q| q.id == *qid)?;
                    let ok = match q.kind {
                        QuestionKind::YesNo => value == "yes" || value == "no",
                        k if k.can_be_condition() => {
                            q.option(value).is_some() || (k == QuestionKind::ChoiceOther && value == OTHER)
                        }
                        _ => false,
                    };
                    ok.then(|| Condition { question: *qid, value: value.clone() })
                });
                if valid.is_none() {
                    inv.push(FieldError::new("show_if", "choice-invalid"));
                }
                valid
            }
        };
        let profile = self.profile.is_some();
        if profile && !kind.can_be_profile() {
            inv.push(FieldError::new("profile", "profile-kind"));
        }
        inv.into_result()?;
        Ok(QuestionInput {
            kind,
            required: self.required.is_some() && kind != QuestionKind::Info,
            profile,
            page,
            text: Text { pl: text_pl, en: text_en.unwrap_or_default() },
            help: Text { pl: help_pl.unwrap_or_default(), en: help_en.unwrap_or_default() },
            spec,
            show_if,
        })
    }
}

// ---- answering ----

/// One question's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A choice's code (single, drop-down, yes/no as "yes"/"no").
    Choice(String),
    /// Codes of several choices.
    Choices(Vec<String>),
    /// A choice, or "other" with a text.
    Other {
        /// Code, or [`OTHER`].
        code: String,
        /// The text given with "other".
        text: Option<String>,
    },
    /// A number or a rating.
    Number(f64),
    /// Free text.
    Text(String),
    /// A date.
    Date(NaiveDate),
    /// Row code → scale option code.
    Matrix(Vec<(String, String)>),
    /// Option codes, first = rank 1.
    Ranking(Vec<String>),
}

/// Answers by question id.
pub type Answers = BTreeMap<i64, Value>;

/// One stored row of an answer: the key counted in the tallies, a number, a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// What is counted: an option code, "row:code" of a matrix, a number as text; empty for text answers.
    pub item: String,
    /// A number (rating, number, rank position, matrix scale position).
    pub num: Option<f64>,
    /// Free text (text answers, "other").
    pub text: Option<String>,
}

/// The form field name of a question's answer.
pub fn answer_field(qid: i64) -> &'static str {
    field_name(format!("q{qid}"))
}

fn format_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") }
}

impl Value {
    /// The rows stored for this answer.
    pub fn items(&self, q: &Question) -> Vec<Item> {
        let plain = |item: String| Item { item, num: None, text: None };
        match self {
            Value::Choice(c) => vec![plain(c.clone())],
            Value::Choices(cs) => cs.iter().cloned().map(plain).collect(),
            Value::Other { code, text } => vec![Item { item: code.clone(), num: None, text: text.clone() }],
            Value::Number(n) => vec![Item { item: format_num(*n), num: Some(*n), text: None }],
            Value::Text(t) => vec![Item { item: String::new(), num: None, text: Some(t.clone()) }],
            Value::Date(d) => vec![plain(d.format("%Y-%m-%d").to_string())],
            Value::Matrix(rows) => rows
                .iter()
                .map(|(row, opt)| {
                    let pos = q.spec.options.iter().position(|c| &c.code == opt).map(|p| p as f64 + 1.0);
                    Item { item: format!("{row}:{opt}"), num: pos, text: None }
                })
                .collect(),
            Value::Ranking(codes) => codes
                .iter()
                .enumerate()
                .map(|(i, c)| Item { item: c.clone(), num: Some(i as f64 + 1.0), text: None })
                .collect(),
        }
    }

    /// Rebuilds an answer from its stored rows.
    pub fn from_items(q: &Question, items: &[Item]) -> Option<Value> {
        let first = items.first()?;
        Some(match q.kind {
            QuestionKind::Single | QuestionKind::Dropdown | QuestionKind::YesNo => Value::Choice(first.item.clone()),
            QuestionKind::Multiple => Value::Choices(items.iter().map(|i| i.item.clone()).collect()),
            QuestionKind::ChoiceOther => Value::Other { code: first.item.clone(), text: first.text.clone() },
            QuestionKind::Rating | QuestionKind::Number => Value::Number(first.num?),
            QuestionKind::ShortText | QuestionKind::LongText => Value::Text(first.text.clone()?),
            QuestionKind::Date => Value::Date(NaiveDate::parse_from_str(&first.item, "%Y-%m-%d").ok()?),
            QuestionKind::Likert => Value::Matrix(
                items
                    .iter()
                    .filter_map(|i| i.item.split_once(':').map(|(r, o)| (r.to_owned(), o.to_owned())))
                    .collect(),
            ),
            QuestionKind::Ranking => {
                let mut v: Vec<_> = items.iter().filter_map(|i| Some((i.num? as i64, i.item.clone()))).collect();
                v.sort();
                Value::Ranking(v.into_iter().map(|(_, c)| c).collect())
            }
            QuestionKind::Info => return None,
        })
    }

    /// The form values that show this answer again: (field name, value).
    pub fn to_pairs(&self, qid: i64) -> Vec<(String, String)> {
        let f = format!("q{qid}");
        match self {
            Value::Choice(c) => vec![(f, c.clone())],
            Value::Choices(cs) => cs.iter().map(|c| (f.clone(), c.clone())).collect(),
            Value::Other { code, text } => {
                let mut v = vec![(f.clone(), code.clone())];
                if let Some(t) = text {
                    v.push((format!("{f}_other"), t.clone()));
                }
                v
            }
            Value::Number(n) => vec![(f, format_num(*n))],
            Value::Text(t) => vec![(f, t.clone())],
            Value::Date(d) => vec![(f, d.format("%Y-%m-%d").to_string())],
            Value::Matrix(rows) => rows.iter().map(|(r, o)| (format!("{f}_{r}"), o.clone())).collect(),
            Value::Ranking(codes) => {
                codes.iter().enumerate().map(|(i, c)| (format!("{f}_{c}"), (i + 1).to_string())).collect()
            }
        }
    }

    /// Whether this answer holds `value` (for conditions).
    pub fn holds(&self, value: &str) -> bool {
        match self {
            Value::Choice(c) => c == value,
            Value::Choices(cs) => cs.iter().any(|c| c == value),
            Value::Other { code, .. } => code == value,
            _ => false,
        }
    }
}

/// Whether `q` is shown, given the answers so far.
pub fn is_shown(q: &Question, answers: &Answers) -> bool {
    match &q.show_if {
        None => true,
        Some(c) => answers.get(&c.question).is_some_and(|a| a.holds(&c.value)),
    }
}

/// The values submitted under one name.
fn values<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty()).collect()
}

fn parse_one(q: &Question, pairs: &[(String, String)]) -> Result<Option<Value>, FieldError> {
    let field = answer_field(q.id);
    let name = format!("q{}", q.id);
    let vals = values(pairs, &name);
    let single = |vals: &[&str]| -> Result<Option<String>, FieldError> {
        match vals {
            [] => Ok(None),
            [v] if q.option(v).is_some() => Ok(Some((*v).to_owned())),
            _ => Err(FieldError::new(field, "choice-invalid")),
        }
    };
    Ok(match q.kind {
        QuestionKind::Info => None,
        QuestionKind::Single | QuestionKind::Dropdown => single(&vals)?.map(Value::Choice),
        QuestionKind::YesNo => match vals.as_slice() {
            [] => None,
            [v @ ("yes" | "no")] => Some(Value::Choice((*v).to_owned())),
            _ => return Err(FieldError::new(field, "choice-invalid")),
        },
        QuestionKind::ChoiceOther => {
            let other = values(pairs, &format!("{name}_other")).first().map(|s| s.to_string());
            match vals.as_slice() {
                [] if other.is_some() => {
                    // Typing in "other" without ticking it still means "other".
                    let text = bounded_text(field, other.as_deref().unwrap_or(""), 1, SHORT_ANSWER_MAX)?;
                    Some(Value::Other { code: OTHER.into(), text: Some(text) })
                }
                [] => None,
                [v] if *v == OTHER => {
                    let text =
                        bounded_text(field, other.as_deref().unwrap_or(""), 1, SHORT_ANSWER_MAX).map_err(|e| {
                            if e.code == "required" { FieldError::new(field, "other-text-required") } else { e }
                        })?;
                    Some(Value::Other { code: OTHER.into(), text: Some(text) })
                }
                [v] if q.option(v).is_some() => Some(Value::Other { code: (*v).to_owned(), text: None }),
                _ => return Err(FieldError::new(field, "choice-invalid")),
            }
        }
        QuestionKind::Multiple => {
            if vals.iter().any(|v| q.option(v).is_none()) {
                return Err(FieldError::new(field, "choice-invalid"));
            }
            let mut codes: Vec<String> = Vec::new();
            for v in vals {
                if !codes.iter().any(|c| c == v) {
                    codes.push(v.to_owned());
                }
            }
            if codes.is_empty() {
                None
            } else {
                if let Some(max) = q.spec.max
                    && codes.len() as i64 > max
                {
                    return Err(FieldError::with_limit(field, "too-many-choices", max as usize));
                }
                if let Some(min) = q.spec.min
                    && (codes.len() as i64) < min
                {
                    return Err(FieldError::with_limit(field, "too-few-choices", min as usize));
                }
                Some(Value::Choices(codes))
            }
        }
        QuestionKind::Rating => match vals.as_slice() {
            [] => None,
            [v] => match v.parse::<i64>() {
                Ok(n) if q.scale().contains(&n) => Some(Value::Number(n as f64)),
                _ => return Err(FieldError::with_limit(field, "out-of-scale", q.spec.max.unwrap_or(5) as usize)),
            },
            _ => return Err(FieldError::new(field, "choice-invalid")),
        },
        QuestionKind::Number => match vals.as_slice() {
            [] => None,
            [v] => {
                let n: f64 = v
                    .replace(',', ".")
                    .parse()
                    .ok()
                    .filter(|n: &f64| n.is_finite())
                    .ok_or(FieldError::new(field, "number-invalid"))?;
                if q.spec.min.is_some_and(|m| n < m as f64) {
                    return Err(FieldError::with_limit(
                        field,
                        "number-below-min",
                        q.spec.min.unwrap_or(0).max(0) as usize,
                    ));
                }
                if q.spec.max.is_some_and(|m| n > m as f64) {
                    return Err(FieldError::with_limit(
                        field,
                        "number-above-max",
                        q.spec.max.unwrap_or(0).max(0) as usize,
                    ));
                }
                Some(Value::Number(n))
            }
            _ => return Err(FieldError::new(field, "number-invalid")),
        },
        QuestionKind::ShortText | QuestionKind::LongText => {
            let max = if q.kind == QuestionKind::ShortText { SHORT_ANSWER_MAX } else { LONG_ANSWER_MAX };
            match vals.as_slice() {
                [] => None,
                [v] => Some(Value::Text(bounded_text(field, v, 1, max)?)),
                _ => return Err(FieldError::new(field, "choice-invalid")),
            }
        }
        QuestionKind::Date => match vals.as_slice() {
            [] => None,
            // Typed as on paper (30.11.2026) or as ISO (2026-11-30): a plain field, since
            // date pickers are hard to use with a keyboard or a screen reader.
            [v] => Some(Value::Date(
                NaiveDate::parse_from_str(v, "%Y-%m-%d")
                    .or_else(|_| NaiveDate::parse_from_str(v, "%d.%m.%Y"))
                    .map_err(|_| FieldError::new(field, "date-invalid"))?,
            )),
            _ => return Err(FieldError::new(field, "date-invalid")),
        },
        QuestionKind::Likert => {
            let mut rows = Vec::new();
            for row in &q.spec.rows {
                match values(pairs, &format!("{name}_{}", row.code)).as_slice() {
                    [] => {}
                    [v] if q.option(v).is_some() => rows.push((row.code.clone(), (*v).to_owned())),
                    _ => return Err(FieldError::new(field, "choice-invalid")),
                }
            }
            if rows.is_empty() {
                None
            } else if q.required && rows.len() < q.spec.rows.len() {
                return Err(FieldError::new(field, "every-row-required"));
            } else {
                Some(Value::Matrix(rows))
            }
        }
        QuestionKind::Ranking => {
            let n = q.spec.options.len();
            let mut ranked: Vec<(usize, String)> = Vec::new();
            for opt in &q.spec.options {
                match values(pairs, &format!("{name}_{}", opt.code)).as_slice() {
                    [] => {}
                    [v] => match v.parse::<usize>() {
                        Ok(r) if (1..=n).contains(&r) => ranked.push((r, opt.code.clone())),
                        _ => return Err(FieldError::new(field, "rank-invalid")),
                    },
                    _ => return Err(FieldError::new(field, "rank-invalid")),
                }
            }
            if ranked.is_empty() {
                None
            } else {
                ranked.sort();
                // Ranks must be 1..k with no ties or gaps, so the order is what the person meant.
                if ranked.iter().enumerate().any(|(i, (r, _))| *r != i + 1) {
                    return Err(FieldError::new(field, "rank-invalid"));
                }
                Some(Value::Ranking(ranked.into_iter().map(|(_, c)| c).collect()))
            }
        }
    })
}

/// Parses the answers to `questions` from submitted form values. `before` holds the answers
/// already given on earlier screens, for conditions. Questions whose condition is not met are
/// skipped and their answers dropped; required ones that are shown must be answered.
pub fn parse_answers(
    questions: &[&Question],
    pairs: &[(String, String)],
    before: &Answers,
) -> Result<Answers, (Answers, Invalid)> {
    let mut out = Answers::new();
    let mut inv = Invalid::default();
    for q in questions {
        let mut known = before.clone();
        known.extend(out.iter().map(|(k, v)| (*k, v.clone())));
        if !is_shown(q, &known) {
            continue;
        }
        match parse_one(q, pairs) {
            Ok(Some(v)) => {
                out.insert(q.id, v);
            }
            Ok(None) if q.required => inv.push(FieldError::new(answer_field(q.id), "required")),
            Ok(None) => {}
            Err(e) => inv.push(e),
        }
    }
    if inv.is_empty() { Ok(out) } else { Err((out, inv)) }
}

/// Question ids named by submitted fields (`q12`, `q12_other`, `q12_3`) that the survey doesn't have.
pub fn unknown_questions(questions: &[Question], pairs: &[(String, String)]) -> Vec<i64> {
    let known: HashSet<i64> = questions.iter().map(|q| q.id).collect();
    let mut out: Vec<i64> = pairs
        .iter()
        .filter_map(|(k, _)| {
            let rest = k.strip_prefix('q')?;
            let id = rest.split('_').next()?.parse::<i64>().ok()?;
            (!known.contains(&id)).then_some(id)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

// ---- access ----

/// Whether a survey that belongs to a consultation may take answers at `now`: not before the
/// consultation opens, as answers gathered before residents were told of it are no part of
/// it, and not once it has been called off.
pub fn consultation_takes_answers(
    status: crate::consultation::Status,
    opens_at: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> bool {
    use crate::consultation::Status;
    matches!(status, Status::Open | Status::Closed | Status::ReportPublished | Status::Archived) && opens_at <= now
}

text_enum! {
    /// Who may answer a survey.
    pub enum Access {
        /// Anyone, with a light duplicate guard (a cookie).
        Anyone = "anyone",
        /// Signed-in residents, once each.
        SignedIn = "signed_in",
        /// Holders of one-time codes.
        Codes = "codes",
    }
}

text_enum! {
    /// How the questions are laid out.
    pub enum Layout {
        /// Every question on one page.
        OnePage = "one_page",
        /// The builder's pages.
        Pages = "pages",
        /// One question per screen.
        EachQuestion = "each_question",
    }
}

impl Layout {
    /// The screens of a survey: question ids in order.
    pub fn screens(self, questions: &[Question]) -> Vec<Vec<&Question>> {
        match self {
            Layout::OnePage => vec![questions.iter().collect()],
            Layout::EachQuestion => questions.iter().map(|q| vec![q]).collect(),
            Layout::Pages => {
                let mut pages: BTreeMap<i32, Vec<&Question>> = BTreeMap::new();
                for q in questions {
                    pages.entry(q.page).or_default().push(q);
                }
                pages.into_values().collect()
            }
        }
    }
}

text_enum! {
    /// When the results are public.
    pub enum Visibility {
        /// Public while the survey is open and after.
        WhileOpen = "while_open",
        /// Public after it closes.
        AfterClose = "after_close",
        /// Staff only.
        Staff = "staff",
    }
}

impl Visibility {
    /// Whether the public may see results now.
    pub fn public(self, closed: bool) -> bool {
        match self {
            Visibility::WhileOpen => true,
            Visibility::AfterClose => closed,
            Visibility::Staff => false,
        }
    }
}

text_enum! {
    /// How a response was collected.
    pub enum SurveyChannel {
        /// The online form.
        Online = "online",
        /// A paper questionnaire keyed in by staff.
        Paper = "paper",
        /// A street-poll interview.
        StreetPoll = "street_poll",
    }
}

// ---- exports ----

/// What one export column holds of a question's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// The value itself (code, number, text, date).
    Value,
    /// 1 when this option was chosen, else 0 (multiple choice).
    Option(String),
    /// The text given with "other".
    Other,
    /// A matrix row's scale code.
    Row(String),
    /// The rank given to an option.
    Rank(String),
}

/// One column of an export: one per question, or one per option, row or rank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Short header, e.g. `Q3`, `Q3_2`, `Q3_other`.
    pub header: String,
    /// The question.
    pub question: i64,
    /// Which part of the answer.
    pub part: Part,
}

/// The export columns of a survey's questions, in order.
pub fn columns(questions: &[Question]) -> Vec<Column> {
    let mut out = Vec::new();
    let mut n = 0;
    for q in questions.iter().filter(|q| q.kind != QuestionKind::Info) {
        n += 1;
        let col = |header: String, part: Part| Column { header, question: q.id, part };
        match q.kind {
            QuestionKind::Multiple => {
                out.extend(q.spec.options.iter().map(|o| col(format!("Q{n}_{}", o.code), Part::Option(o.code.clone()))))
            }
            QuestionKind::Likert => {
                out.extend(q.spec.rows.iter().map(|r| col(format!("Q{n}_r{}", r.code), Part::Row(r.code.clone()))))
            }
            QuestionKind::Ranking => {
                out.extend(q.spec.options.iter().map(|o| col(format!("Q{n}_{}", o.code), Part::Rank(o.code.clone()))))
            }
            QuestionKind::ChoiceOther => {
                out.push(col(format!("Q{n}"), Part::Value));
                out.push(col(format!("Q{n}_other"), Part::Other));
            }
            _ => out.push(col(format!("Q{n}"), Part::Value)),
        }
    }
    out
}

/// The cells of one response under `columns`.
pub fn cells(columns: &[Column], answers: &std::collections::HashMap<i64, Vec<Item>>) -> Vec<String> {
    columns
        .iter()
        .map(|c| {
            let Some(items) = answers.get(&c.question) else { return String::new() };
            match &c.part {
                Part::Value => items
                    .first()
                    .map(|i| if i.item.is_empty() { i.text.clone().unwrap_or_default() } else { i.item.clone() })
                    .unwrap_or_default(),
                Part::Option(code) => if items.iter().any(|i| &i.item == code) { "1" } else { "0" }.to_owned(),
                Part::Other => items.first().and_then(|i| i.text.clone()).unwrap_or_default(),
                Part::Row(row) => items
                    .iter()
                    .find_map(|i| i.item.split_once(':').filter(|(r, _)| r == row).map(|(_, o)| o.to_owned()))
                    .unwrap_or_default(),
                Part::Rank(code) => items
                    .iter()
                    .find(|i| &i.item == code)
                    .and_then(|i| i.num)
                    .map(|n| format!("{}", n as i64))
                    .unwrap_or_default(),
            }
        })
        .collect()
}

// ---- the survey's settings ----

/// The organiser's form for a survey's settings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SurveyForm {
    /// Title in Polish.
    #[serde(default)]
    pub title_pl: String,
    /// Title in English.
    #[serde(default)]
    pub title_en: String,
    /// URL name; made from the title when empty.
    #[serde(default)]
    pub slug: String,
    /// Introduction in Polish.
    #[serde(default)]
    pub intro_pl: String,
    /// Introduction in English.
    #[serde(default)]
    pub intro_en: String,
    /// Unit id.
    #[serde(default)]
    pub unit_id: String,
    /// Consultation id or empty.
    #[serde(default)]
    pub consultation_id: String,
    /// Access mode name.
    #[serde(default)]
    pub access: String,
    /// Layout name.
    #[serde(default)]
    pub layout: String,
    /// Visibility name.
    #[serde(default)]
    pub visibility: String,
    /// End of answering, as typed.
    #[serde(default)]
    pub closes_at: String,
}

/// Validated survey settings.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyInput {
    pub title: Text,
    /// URL name.
    pub slug: String,
    pub intro: Text,
    pub unit_id: i64,
    pub consultation_id: Option<i64>,
    /// Who may answer.
    pub access: Access,
    pub layout: Layout,
    /// Results visibility.
    pub visibility: Visibility,
}

impl SurveyForm {
    /// Validates the settings; `units` are those the organiser may use, `consultations` those
    /// the survey may belong to.
    pub fn parse(&self, units: &[i64], consultations: &[i64]) -> Result<SurveyInput, Invalid> {
        let mut inv = Invalid::default();
        let title_pl = inv.check(bounded_text("title_pl", &self.title_pl, 3, 300));
        let title_en = inv.check(optional_text("title_en", &self.title_en, 300));
        let intro_pl = inv.check(optional_text("intro_pl", &self.intro_pl, 20_000));
        let intro_en = inv.check(optional_text("intro_en", &self.intro_en, 20_000));
        let raw_slug = if self.slug.trim().is_empty() {
            crate::consultation::slugify(&self.title_pl)
        } else {
            self.slug.trim().to_owned()
        };
        let slug_ok = !raw_slug.is_empty()
            && raw_slug.len() <= 120
            && raw_slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !raw_slug.starts_with('-')
            && !raw_slug.ends_with('-');
        if !slug_ok {
            inv.push(FieldError::new("slug", "slug-invalid"));
        }
        let unit_id = inv.check(
            self.unit_id
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|u| units.contains(u))
                .ok_or(FieldError::new("unit_id", "choice-invalid")),
        );
        let consultation_id = match self.consultation_id.trim() {
            "" => None,
            v => inv.check(
                v.parse::<i64>()
                    .ok()
                    .filter(|c| consultations.contains(c))
                    .ok_or(FieldError::new("consultation_id", "choice-invalid")),
            ),
        };
        let access = inv.check(Access::parse(self.access.trim()).ok_or(FieldError::new("access", "choice-invalid")));
        let layout = inv.check(Layout::parse(self.layout.trim()).ok_or(FieldError::new("layout", "choice-invalid")));
        let visibility =
            inv.check(Visibility::parse(self.visibility.trim()).ok_or(FieldError::new("visibility", "choice-invalid")));
        inv.clone().into_result()?;
        match (title_pl, title_en, intro_pl, intro_en, unit_id, access, layout, visibility) {
            (Some(tp), Some(te), Some(ip), Some(ie), Some(unit_id), Some(access), Some(layout), Some(visibility)) => {
                Ok(SurveyInput {
                    title: Text { pl: tp, en: te.unwrap_or_default() },
                    slug: raw_slug,
                    intro: Text { pl: ip.unwrap_or_default(), en: ie.unwrap_or_default() },
                    unit_id,
                    consultation_id,
                    access,
                    layout,
                    visibility,
                })
            }
            _ => Err(inv),
        }
    }
}

// ---- results ----

/// One counted key of a question with its count and the sum of its numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// The key (see [`Item::item`]).
    pub item: String,
    /// How many answers held it.
    pub n: i64,
    /// Sum of their numbers.
    pub total: f64,
}

/// One bar of a summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub item: String,
    pub n: i64,
    /// Share of respondents to the question, in per cent.
    pub percent: f64,
    /// For ranking: mean rank; for matrix rows: mean scale position.
    pub mean: Option<f64>,
    /// For ranking: the Borda score (n − rank + 1 summed).
    pub score: Option<f64>,
}

/// A question's results.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// People who answered it.
    pub answered: i64,
    /// Bars in the question's option order (or by value for numbers).
    pub bars: Vec<Bar>,
    /// Mean of a numeric question.
    pub mean: Option<f64>,
    /// Median of a numeric question.
    pub median: Option<f64>,
    /// Matrix rows: row code → bars over the scale.
    pub rows: Vec<(String, Vec<Bar>, Option<f64>)>,
}

fn pct(n: i64, of: i64) -> f64 {
    if of == 0 { 0.0 } else { (n as f64) * 100.0 / (of as f64) }
}

/// The median of values given as (value, count) pairs.
pub fn median(mut pairs: Vec<(f64, i64)>) -> Option<f64> {
    pairs.retain(|(_, n)| *n > 0);
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total: i64 = pairs.iter().map(|(_, n)| n).sum();
    if total == 0 {
        return None;
    }
    let at = |k: i64| {
        let mut seen = 0;
        for (v, n) in &pairs {
            seen += n;
            if seen > k {
                return *v;
            }
        }
        pairs.last().map(|p| p.0).unwrap_or(0.0)
    };
    Some(if total % 2 == 1 { at(total / 2) } else { (at(total / 2 - 1) + at(total / 2)) / 2.0 })
}

/// Summarises a question's tallies; `answered` is how many people answered it.
pub fn summarize(q: &Question, tallies: &[Tally], answered: i64) -> Summary {
    let get = |item: &str| tallies.iter().find(|t| t.item == item);
    let bar = |item: &str, n: i64| Bar { item: item.to_owned(), n, percent: pct(n, answered), mean: None, score: None };
    let mut s = Summary { answered, ..Default::default() };
    match q.kind {
        QuestionKind::Single | QuestionKind::Multiple | QuestionKind::Dropdown | QuestionKind::ChoiceOther => {
            s.bars = q.spec.options.iter().map(|o| bar(&o.code, get(&o.code).map_or(0, |t| t.n))).collect();
            if q.kind == QuestionKind::ChoiceOther {
                s.bars.push(bar(OTHER, get(OTHER).map_or(0, |t| t.n)));
            }
        }
        QuestionKind::YesNo => {
            s.bars = ["yes", "no"].iter().map(|k| bar(k, get(k).map_or(0, |t| t.n))).collect();
        }
        QuestionKind::Rating => {
            s.bars = q.scale().map(|v| bar(&v.to_string(), get(&v.to_string()).map_or(0, |t| t.n))).collect();
            let pairs: Vec<(f64, i64)> =
                tallies.iter().filter_map(|t| t.item.parse::<f64>().ok().map(|v| (v, t.n))).collect();
            let (sum, n) = pairs.iter().fold((0.0, 0), |(s, c), (v, k)| (s + v * *k as f64, c + k));
            s.mean = (n > 0).then(|| sum / n as f64);
            s.median = median(pairs);
        }
        QuestionKind::Number => {
            let mut pairs: Vec<(f64, i64)> =
                tallies.iter().filter_map(|t| t.item.parse::<f64>().ok().map(|v| (v, t.n))).collect();
            pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
            let (sum, n) = pairs.iter().fold((0.0, 0), |(s, c), (v, k)| (s + v * *k as f64, c + k));
            s.mean = (n > 0).then(|| sum / n as f64);
            s.median = median(pairs.clone());
            s.bars = pairs.iter().map(|(v, n)| bar(&format_num(*v), *n)).collect();
        }
        QuestionKind::Date => {
            // Only dates are bars: the tallies also count the people who answered, under a key
            // that is no date, and that count is `answered`, not an answer.
            let mut t: Vec<&Tally> =
                tallies.iter().filter(|t| NaiveDate::parse_from_str(&t.item, "%Y-%m-%d").is_ok()).collect();
            t.sort_by(|a, b| a.item.cmp(&b.item));
            s.bars = t.iter().map(|t| bar(&t.item, t.n)).collect();
        }
        QuestionKind::Ranking => {
            let k = q.spec.options.len() as f64;
            s.bars = q
                .spec
                .options
                .iter()
                .map(|o| {
                    let (n, total) = get(&o.code).map_or((0, 0.0), |t| (t.n, t.total));
                    Bar {
                        item: o.code.clone(),
                        n,
                        percent: pct(n, answered),
                        mean: (n > 0).then(|| total / n as f64),
                        score: Some((k + 1.0) * n as f64 - total),
                    }
                })
                .collect();
            s.bars.sort_by(|a, b| b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)));
        }
        QuestionKind::Likert => {
            for row in &q.spec.rows {
                let bars: Vec<Bar> = q
                    .spec
                    .options
                    .iter()
                    .map(|o| bar(&o.code, get(&format!("{}:{}", row.code, o.code)).map_or(0, |t| t.n)))
                    .collect();
                let (sum, n) = bars
                    .iter()
                    .enumerate()
                    .fold((0.0, 0), |(s, c), (i, b)| (s + (i as f64 + 1.0) * b.n as f64, c + b.n));
                s.rows.push((row.code.clone(), bars, (n > 0).then(|| sum / n as f64)));
            }
        }
        QuestionKind::ShortText | QuestionKind::LongText | QuestionKind::Info => {}
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(id: i64, kind: QuestionKind, options: &[&str]) -> Question {
        Question {
            id,
            kind,
            required: false,
            profile: false,
            page: 1,
            position: id as i32,
            text: Text { pl: format!("Pytanie {id}"), en: String::new() },
            help: Text::default(),
            spec: Spec {
                options: options
                    .iter()
                    .enumerate()
                    .map(|(i, l)| Choice {
                        code: (i + 1).to_string(),
                        label: Text { pl: (*l).into(), en: String::new() },
                    })
                    .collect(),
                ..Default::default()
            },
            show_if: None,
            revision: 1,
        }
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter().map(|(a, b)| ((*a).into(), (*b).into())).collect()
    }

    #[test]
    fn builder_requires_options_and_keeps_codes_on_edit() {
        let form = QuestionForm {
            kind: "single".into(),
            text_pl: "Jak często?".into(),
            options: "Codziennie | Daily".into(),
            ..Default::default()
        };
        let err = form.parse(&[], None).unwrap_err();
        assert_eq!(err.0[0].code, "too-few-lines");
        let form = QuestionForm { options: "Codziennie | Daily\nRzadko | Rarely".into(), ..form };
        let input = form.parse(&[], None).unwrap();
        assert_eq!(input.spec.options[1].code, "2");
        assert_eq!(input.spec.options[0].label.en, "Daily");
        let mut stored = q(1, QuestionKind::Single, &[]);
        stored.spec = input.spec;
        let edited = QuestionForm { options: "Nigdy\nRzadko | Rarely\nCodziennie".into(), ..form };
        let again = edited.parse(&[], Some(&stored)).unwrap();
        let codes: Vec<_> = again.spec.options.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, ["3", "2", "1"]);
    }

    #[test]
    fn builder_checks_condition_points_back_to_a_real_option() {
        let first = q(7, QuestionKind::YesNo, &[]);
        let form = QuestionForm {
            kind: "short_text".into(),
            text_pl: "Dlaczego?".into(),
            show_if: "7:yes".into(),
            ..Default::default()
        };
        assert_eq!(form.parse(&[&first], None).unwrap().show_if, Some(Condition { question: 7, value: "yes".into() }));
        let bad = QuestionForm { show_if: "7:maybe".into(), ..form.clone() };
        assert_eq!(bad.parse(&[&first], None).unwrap_err().0[0].field, "show_if");
        let later = QuestionForm { show_if: "8:yes".into(), ..form };
        assert!(later.parse(&[&first], None).is_err());
    }

    #[test]
    fn multiple_choice_limits_and_unknown_options() {
        let mut m = q(3, QuestionKind::Multiple, &["a", "b", "c"]);
        m.spec.max = Some(2);
        m.spec.min = Some(1);
        let too_many =
            parse_answers(&[&m], &pairs(&[("q3", "1"), ("q3", "2"), ("q3", "3")]), &Answers::new()).unwrap_err();
        assert_eq!(too_many.1.0[0].code, "too-many-choices");
        let unknown = parse_answers(&[&m], &pairs(&[("q3", "9")]), &Answers::new()).unwrap_err();
        assert_eq!(unknown.1.0[0].code, "choice-invalid");
        let ok = parse_answers(&[&m], &pairs(&[("q3", "1"), ("q3", "3"), ("q3", "1")]), &Answers::new()).unwrap();
        assert_eq!(ok[&3], Value::Choices(vec!["1".into(), "3".into()]));
    }

    #[test]
    fn conditional_question_is_skipped_unless_its_condition_holds() {
        let first = q(1, QuestionKind::YesNo, &[]);
        let mut second = q(2, QuestionKind::ShortText, &[]);
        second.required = true;
        second.show_if = Some(Condition { question: 1, value: "yes".into() });
        let no =
            parse_answers(&[&first, &second], &pairs(&[("q1", "no"), ("q2", "ignored")]), &Answers::new()).unwrap();
        assert!(!no.contains_key(&2));
        let yes = parse_answers(&[&first, &second], &pairs(&[("q1", "yes")]), &Answers::new()).unwrap_err();
        assert_eq!(yes.1.0[0].code, "required");
        assert_eq!(yes.0[&1], Value::Choice("yes".into()));
    }

    #[test]
    fn numbers_ratings_and_rankings() {
        let mut n = q(1, QuestionKind::Number, &[]);
        n.spec.min = Some(0);
        n.spec.max = Some(120);
        assert_eq!(
            parse_answers(&[&n], &pairs(&[("q1", "130")]), &Answers::new()).unwrap_err().1.0[0].code,
            "number-above-max"
        );
        assert_eq!(parse_answers(&[&n], &pairs(&[("q1", "4,5")]), &Answers::new()).unwrap()[&1], Value::Number(4.5));
        let mut r = q(2, QuestionKind::Rating, &[]);
        r.spec.max = Some(5);
        assert_eq!(
            parse_answers(&[&r], &pairs(&[("q2", "6")]), &Answers::new()).unwrap_err().1.0[0].code,
            "out-of-scale"
        );
        let k = q(3, QuestionKind::Ranking, &["a", "b", "c"]);
        let ranked = parse_answers(&[&k], &pairs(&[("q3_1", "2"), ("q3_2", "1")]), &Answers::new()).unwrap();
        assert_eq!(ranked[&3], Value::Ranking(vec!["2".into(), "1".into()]));
        let tie = parse_answers(&[&k], &pairs(&[("q3_1", "1"), ("q3_2", "1")]), &Answers::new()).unwrap_err();
        assert_eq!(tie.1.0[0].code, "rank-invalid");
    }

    #[test]
    fn values_survive_a_round_trip_through_stored_items_and_form_pairs() {
        let mut l = q(4, QuestionKind::Likert, &["nie", "tak"]);
        l.spec.rows = vec![Choice { code: "1".into(), label: Text { pl: "Zieleń".into(), en: String::new() } }];
        let v = Value::Matrix(vec![("1".into(), "2".into())]);
        let items = v.items(&l);
        assert_eq!(items[0].num, Some(2.0));
        assert_eq!(Value::from_items(&l, &items), Some(v.clone()));
        assert_eq!(parse_answers(&[&l], &v.to_pairs(4), &Answers::new()).unwrap()[&4], v);
    }

    #[test]
    fn summary_counts_percentages_mean_median_and_ranking_scores() {
        let mut r = q(1, QuestionKind::Rating, &[]);
        r.spec.max = Some(5);
        let t = vec![
            Tally { item: "1".into(), n: 1, total: 1.0 },
            Tally { item: "4".into(), n: 2, total: 8.0 },
            Tally { item: "5".into(), n: 1, total: 5.0 },
        ];
        let s = summarize(&r, &t, 4);
        assert_eq!(s.bars.len(), 5);
        assert_eq!(s.bars[3].percent, 50.0);
        assert_eq!(s.mean, Some(3.5));
        assert_eq!(s.median, Some(4.0));
        let k = q(2, QuestionKind::Ranking, &["a", "b"]);
        // Two people: one ranked b first, the other a first; a third ranked only b, first.
        let t = vec![Tally { item: "1".into(), n: 2, total: 3.0 }, Tally { item: "2".into(), n: 3, total: 4.0 }];
        let s = summarize(&k, &t, 3);
        assert_eq!(s.bars[0].item, "2");
        assert_eq!(s.bars[0].score, Some(5.0));
    }

    #[test]
    fn a_date_question_counts_only_dates() {
        let d = q(5, QuestionKind::Date, &[]);
        let t =
            vec![Tally { item: "*".into(), n: 1, total: 0.0 }, Tally { item: "2026-05-04".into(), n: 1, total: 0.0 }];
        let s = summarize(&d, &t, 1);
        let bars: Vec<_> = s.bars.iter().map(|b| (b.item.as_str(), b.percent)).collect();
        assert_eq!(bars, [("2026-05-04", 100.0)]);
    }

    #[test]
    fn a_survey_waits_for_its_consultation_to_open() {
        use crate::consultation::Status;
        let opens = chrono::DateTime::parse_from_rfc3339("2027-02-01T09:00:00Z").unwrap().with_timezone(&chrono::Utc);
        let before = opens - chrono::Duration::hours(1);
        assert!(!consultation_takes_answers(Status::Announced, opens, before));
        assert!(!consultation_takes_answers(Status::Draft, opens, opens));
        assert!(consultation_takes_answers(Status::Open, opens, opens));
        assert!(!consultation_takes_answers(Status::Cancelled, opens, opens));
    }

    #[test]
    fn export_columns_spread_multiple_choices_matrices_and_ranks() {
        let m = q(1, QuestionKind::Multiple, &["a", "b"]);
        let o = q(2, QuestionKind::ChoiceOther, &["x", "y"]);
        let t = q(3, QuestionKind::ShortText, &[]);
        let cols = columns(&[m.clone(), o.clone(), t.clone()]);
        let headers: Vec<_> = cols.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(headers, ["Q1_1", "Q1_2", "Q2", "Q2_other", "Q3"]);
        let mut answers = std::collections::HashMap::new();
        answers.insert(1, Value::Choices(vec!["2".into()]).items(&m));
        answers.insert(2, Value::Other { code: OTHER.into(), text: Some("rower".into()) }.items(&o));
        answers.insert(3, Value::Text("Więcej drzew".into()).items(&t));
        assert_eq!(cells(&cols, &answers), ["0", "1", "other", "rower", "Więcej drzew"]);
    }

    proptest! {
        #[test]
        fn parsing_arbitrary_input_never_panics(k in 0usize..13, keys in proptest::collection::vec(("q[0-9_]{0,4}", ".{0,20}"), 0..12)) {
            let mut question = q(1, QuestionKind::ALL[k], &["a", "b", "c"]);
            question.spec.rows = question.spec.options.clone();
            question.required = true;
            let _ = parse_answers(&[&question], &keys, &Answers::new());
        }

        #[test]
        fn median_lies_between_min_and_max(values in proptest::collection::vec((0i32..100, 1i64..5), 1..20)) {
            let pairs: Vec<(f64, i64)> = values.iter().map(|(v, n)| (*v as f64, *n)).collect();
            let m = median(pairs.clone()).unwrap();
            let lo = pairs.iter().map(|p| p.0).fold(f64::MAX, f64::min);
            let hi = pairs.iter().map(|p| p.0).fold(f64::MIN, f64::max);
            prop_assert!(m >= lo && m <= hi);
        }
    }
}
