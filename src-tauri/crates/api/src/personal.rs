//! Personal data is typed as such, so that support mode masks it in one place before it reaches
//! the page: names become initials, national ID numbers and e-mail addresses are hidden.

use serde::{Serialize, Serializer};
use std::fmt;

/// Whether personal data may be shown in full (support mode off) or must be masked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disclosure {
    Full,
    Masked,
}

pub trait PersonalData {
    fn full(&self) -> &str;
    fn masked(&self) -> String;

    fn disclose(&self, disclosure: Disclosure) -> String {
        match disclosure {
            Disclosure::Full => self.full().to_string(),
            Disclosure::Masked => self.masked(),
        }
    }
}

macro_rules! personal_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(value: impl Into<String>) -> $name {
                $name(value.into())
            }
        }

        /// Debug output masks, so that personal data cannot reach a log line by accident.
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({})", stringify!($name), self.masked())
            }
        }

        /// Serialized to the tenant API in full; what reaches the page goes through `disclose`.
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
    };
}

personal_type!(
    /// A person's name.
    PersonName
);
personal_type!(
    /// A Norwegian national identity number (fødselsnummer or D-number): 11 digits.
    NationalId
);
personal_type!(EmailAddress);

impl PersonalData for PersonName {
    fn full(&self) -> &str {
        &self.0
    }

    /// "Kari Nordmann Hansen" becomes "K. N. H.".
    fn masked(&self) -> String {
        self.0
            .split_whitespace()
            .filter_map(|part| part.chars().next())
            .map(|initial| format!("{}.", initial.to_uppercase()))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl PersonalData for NationalId {
    fn full(&self) -> &str {
        &self.0
    }

    /// Nothing of the number is shown: even the birth date in its first six digits is personal.
    fn masked(&self) -> String {
        "•••••• •••••".to_string()
    }
}

impl PersonalData for EmailAddress {
    fn full(&self) -> &str {
        &self.0
    }

    /// "kari.nordmann@kommune.no" becomes "k•••@kommune.no": the domain helps support, the person
    /// stays hidden.
    fn masked(&self) -> String {
        match self.0.split_once('@') {
            Some((local, domain)) => {
                let first = local.chars().next().map(String::from).unwrap_or_default();
                format!("{first}•••@{domain}")
            }
            None => "•••".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_initials() {
        assert_eq!(
            PersonName::new("kari Nordmann  Hansen").masked(),
            "K. N. H."
        );
        assert_eq!(PersonName::new("Åse Ødegård").masked(), "Å. Ø.");
        assert_eq!(PersonName::new("").masked(), "");
    }

    #[test]
    fn national_ids_and_email_addresses_are_hidden() {
        let id = NationalId::new("01017012345");
        assert!(!id.masked().chars().any(|c| c.is_ascii_digit()));
        assert_eq!(
            EmailAddress::new("kari.nordmann@kommune.no").masked(),
            "k•••@kommune.no"
        );
        assert_eq!(EmailAddress::new("not-an-address").masked(), "•••");
    }

    #[test]
    fn disclosure_decides_and_debug_never_leaks() {
        let name = PersonName::new("Kari Nordmann");
        assert_eq!(name.disclose(Disclosure::Full), "Kari Nordmann");
        assert_eq!(name.disclose(Disclosure::Masked), "K. N.");
        let id = NationalId::new("01017012345");
        assert!(!format!("{id:?}").contains("01017012345"));
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"01017012345\"");
    }
}
