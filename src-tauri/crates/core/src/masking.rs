//! Personal data in free text — a step's message from the tenant, an import log's detail, a
//! line of the client's log — masked for support mode and the diagnostics bundle: national ID
//! numbers (11 digits, also written 6 + 5 with a space) and e-mail addresses. Names in free
//! text cannot be told from other words; where the tenant gives a name as a name, it is typed
//! (`personal::PersonName`) and masked to initials.

use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;
use synkvakt_api::personal::{EmailAddress, NationalId, PersonName, PersonalData};

/// Eleven digits standing alone (not part of a longer number, a date-time stamp or a word),
/// also with one space after the birth date: "01017012345", "010170 12345".
static NATIONAL_ID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{6} ?\d{5}\b").expect("the national ID pattern is valid"));

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
        .expect("the e-mail pattern is valid")
});

/// `text` with every national ID number and e-mail address in it masked.
pub fn mask_text(text: &str) -> Cow<'_, str> {
    let ids = NATIONAL_ID.replace_all(text, |found: &regex::Captures<'_>| {
        NationalId::new(&found[0]).masked()
    });
    match EMAIL.replace_all(&ids, |found: &regex::Captures<'_>| {
        EmailAddress::new(&found[0]).masked()
    }) {
        Cow::Borrowed(_) => ids,
        Cow::Owned(masked) => Cow::Owned(masked),
    }
}

/// `text` with each of `names` (full names the app knows, from the tenant) turned to initials,
/// as support mode shows a typed name.
pub fn mask_known_names(text: &str, names: &[String]) -> String {
    let mut masked = text.to_string();
    for name in names {
        // One word alone ("Ola") would mask ordinary words too: only full names.
        if name.split_whitespace().count() >= 2 && masked.contains(name.as_str()) {
            masked = masked.replace(name.as_str(), &PersonName::new(name.as_str()).masked());
        }
    }
    masked
}

/// Whether `text` still shows a national ID number, as the tests ask of what was masked.
pub fn shows_national_id(text: &str) -> bool {
    NATIONAL_ID.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_ids_are_masked_with_and_without_the_space() {
        let masked = mask_text("Kari (01017012345) og Ola 010170 12345 ble endret");
        assert!(!masked.chars().any(|c| c.is_ascii_digit()), "{masked}");
        assert!(masked.contains("Kari") && masked.contains("ble endret"));
        assert!(!shows_national_id(&masked));
        assert!(shows_national_id("fnr 01017012345"));
    }

    #[test]
    fn email_addresses_keep_only_their_first_letter_and_domain() {
        assert_eq!(
            mask_text("sendt til kari.nordmann@kommune.no i dag"),
            "sendt til k•••@kommune.no i dag"
        );
    }

    #[test]
    fn step_names_times_and_cycle_ids_are_left_alone() {
        for text in [
            "Export AD",
            "Import HR Future",
            "06:00:00",
            "2026-12-01T06:00:00Z",
            "c-20261201-0600",
            "cycle 20261201060000 finished",
            "Syncronization stopped: 1200 of 3000 users would change (40 %)",
            "error code 0x80070005",
            "ID 10437",
            "1234567890",
            "123456789012",
        ] {
            assert_eq!(mask_text(text), text, "{text}");
        }
    }

    #[test]
    fn known_full_names_become_initials_and_single_words_are_left() {
        let names = ["Kari Nordmann".to_string(), "Ola".to_string()];
        assert_eq!(
            mask_known_names("Eksport feilet for Kari Nordmann, Ola ringte", &names),
            "Eksport feilet for K. N., Ola ringte"
        );
    }

    #[test]
    fn text_with_nothing_personal_is_not_copied() {
        assert!(matches!(mask_text("Export AD failed"), Cow::Borrowed(_)));
    }
}
