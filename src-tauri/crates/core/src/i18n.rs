//! The one translation catalog, read here and by the UI: Project Fluent files per language.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use specta::Type;
use std::borrow::Cow;

/// The catalog's source text, shared with the UI, which imports the same files.
pub const CATALOG: [(Language, &str); 3] = [
    (Language::Nb, include_str!("../locales/nb.ftl")),
    (Language::Nn, include_str!("../locales/nn.ftl")),
    (Language::En, include_str!("../locales/en.ftl")),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Norwegian Bokmål, the main language of the users.
    Nb,
    /// Norwegian Nynorsk.
    Nn,
    En,
}

impl Language {
    pub fn tag(self) -> &'static str {
        match self {
            Language::Nb => "nb",
            Language::Nn => "nn",
            Language::En => "en",
        }
    }

    /// Maps a BCP 47 locale such as `nb-NO`, `no`, `nn_NO.UTF-8` or `en-GB` to a catalog language;
    /// other languages fall back to English.
    pub fn from_locale(locale: &str) -> Language {
        let primary = locale
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" => Language::Nb,
            "nn" => Language::Nn,
            _ => Language::En,
        }
    }

    /// The language the operating system asks for.
    pub fn from_os() -> Language {
        sys_locale::get_locale()
            .map(|locale| Language::from_locale(&locale))
            .unwrap_or(Language::En)
    }
}

pub struct Localizer {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl Localizer {
    pub fn new(language: Language) -> Localizer {
        let source = CATALOG
            .iter()
            .find(|(lang, _)| *lang == language)
            .map(|(_, text)| *text)
            .unwrap_or_default();
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(partial, _errors)| partial);
        let langid = language
            .tag()
            .parse()
            .unwrap_or_else(|_| unic_langid::langid!("en"));
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Bidi isolation marks would end up in notification text and copied support details.
        bundle.set_use_isolating(false);
        // The catalog is checked by tests, so an overriding entry cannot slip in unnoticed.
        let _ = bundle.add_resource(resource);
        Localizer { language, bundle }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }

    pub fn text(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// Formats a message; a missing key shows as the key itself, so a gap is visible, not blank.
    pub fn format(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::warn!(key, language = self.language.tag(), "missing translation");
            return key.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::String(Cow::Owned(text.clone())),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(f64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_string())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}

impl From<i64> for Arg {
    fn from(value: i64) -> Self {
        Arg::Number(value as f64)
    }
}

/// Message keys defined in a catalog file, for the completeness tests.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_map_to_catalog_languages() {
        assert_eq!(Language::from_locale("nb-NO"), Language::Nb);
        assert_eq!(Language::from_locale("no"), Language::Nb);
        assert_eq!(Language::from_locale("nn_NO.UTF-8"), Language::Nn);
        assert_eq!(Language::from_locale("en-GB"), Language::En);
        assert_eq!(Language::from_locale("sv-SE"), Language::En);
    }

    #[test]
    fn every_catalog_parses_without_errors() {
        for (language, source) in CATALOG {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{}.ftl does not parse: {errors:?}", language.tag());
            }
        }
    }

    #[test]
    fn every_language_defines_the_same_keys() {
        let reference = message_ids(CATALOG[2].1);
        for (language, source) in CATALOG {
            let mut ids = message_ids(source);
            ids.sort();
            let mut expected = reference.clone();
            expected.sort();
            let missing: Vec<_> = expected.iter().filter(|id| !ids.contains(id)).collect();
            let extra: Vec<_> = ids.iter().filter(|id| !expected.contains(id)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}.ftl: missing {missing:?}, not in en.ftl {extra:?}",
                language.tag()
            );
        }
    }

    #[test]
    fn arguments_are_formatted() {
        let en = Localizer::new(Language::En);
        let text = en.format("error-unreachable", &[("url", "http://127.0.0.1:1".into())]);
        assert!(text.contains("http://127.0.0.1:1"), "{text}");
    }
}
