//! Languages and translated text from the Fluent files in `locales/`.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "pl",
        // Without this Fluent wraps every argument in invisible isolation marks.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static PL: LanguageIdentifier = langid!("pl");
static EN: LanguageIdentifier = langid!("en");

/// A language the interface is available in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Polish, the default.
    #[default]
    Pl,
    En,
}

impl Lang {
    /// Every language, in the order of the switch in the header.
    pub const ALL: [Lang; 2] = [Lang::Pl, Lang::En];

    /// The language's code for `lang` attributes and cookies.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Pl => "pl",
            Lang::En => "en",
        }
    }

    /// Parses a code; unknown codes give `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "pl" => Some(Lang::Pl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Pl => "Polski",
            Lang::En => "English",
        }
    }

    /// Picks the best language from an `Accept-Language` header.
    pub fn negotiate(header: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut bits = part.split(';');
            let tag = bits.next().unwrap_or("").trim();
            let q = bits.find_map(|b| b.trim().strip_prefix("q=").and_then(|v| v.parse::<f32>().ok())).unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or("");
            if let Some(lang) = Lang::parse(primary)
                && q > 0.0
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l)
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Pl => &PL,
            Lang::En => &EN,
        }
    }

    /// The message `key`.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(self.id(), key)
    }

    /// The message `key` with named arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, Arg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'_>> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Num(n) => FluentValue::from(*n),
                    Arg::Str(s) => FluentValue::from(s.clone()),
                };
                (Cow::Borrowed(*k), value)
            })
            .collect();
        LOCALES.lookup_with_args(self.id(), key, &map)
    }

    /// Whether `key` exists in this language (used by the completeness test).
    pub fn has(self, key: &str) -> bool {
        LOCALES.try_lookup(self.id(), key).is_some()
    }
}

/// An argument to a translated message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A number; Fluent picks the plural form from it.
    Num(i64),
    Str(String),
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}

impl From<&i64> for Arg {
    fn from(n: &i64) -> Self {
        Arg::Num(*n)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}

/// The English name where there is one and English is wanted.
pub fn localized(lang: Lang, pl: String, en: Option<String>) -> String {
    match (lang, en) {
        (Lang::En, Some(en)) if !en.is_empty() => en,
        _ => pl,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_highest_quality_known_language() {
        assert_eq!(Lang::negotiate("en-GB,en;q=0.9,pl;q=0.8"), Some(Lang::En));
        assert_eq!(Lang::negotiate("de-DE,pl;q=0.5,en;q=0.4"), Some(Lang::Pl));
        assert_eq!(Lang::negotiate("de, fr;q=0.9"), None);
        assert_eq!(Lang::negotiate("en;q=0, pl;q=0.1"), Some(Lang::Pl));
    }

    #[test]
    fn polish_plurals_follow_polish_grammar() {
        let m = |n| Lang::Pl.t_args("minutes", &[("count", Arg::Num(n))]);
        assert_eq!(m(1), "1 minutę");
        assert_eq!(m(3), "3 minuty");
        assert_eq!(m(5), "5 minut");
        assert_eq!(m(22), "22 minuty");
        assert_eq!(Lang::En.t_args("minutes", &[("count", Arg::Num(1))]), "1 minute");
        assert_eq!(Lang::En.t_args("minutes", &[("count", Arg::Num(5))]), "5 minutes");
    }

    #[test]
    fn every_key_exists_in_both_languages() {
        let keys = |src: &str| -> Vec<String> {
            src.lines()
                .filter(|l| !l.starts_with([' ', '#', '\t']) && l.contains(" ="))
                .map(|l| l.split(" =").next().unwrap_or("").trim().to_owned())
                .collect()
        };
        let pl = keys(include_str!("../locales/pl/main.ftl"));
        let en = keys(include_str!("../locales/en/main.ftl"));
        assert!(pl.len() > 100, "only {} Polish keys", pl.len());
        let missing_en: Vec<_> = pl.iter().filter(|k| !en.contains(k)).collect();
        let missing_pl: Vec<_> = en.iter().filter(|k| !pl.contains(k)).collect();
        assert!(missing_en.is_empty(), "missing in English: {missing_en:?}");
        assert!(missing_pl.is_empty(), "missing in Polish: {missing_pl:?}");
        // A key given twice stops the site at start-up, so it is caught here.
        for (name, list) in [("Polish", &pl), ("English", &en)] {
            let mut seen = std::collections::HashSet::new();
            let twice: Vec<_> = list.iter().filter(|k| !seen.insert(k.as_str())).collect();
            assert!(twice.is_empty(), "{name} has keys twice: {twice:?}");
        }
    }
}
