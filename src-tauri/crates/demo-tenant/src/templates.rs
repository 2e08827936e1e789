//! The synchronization templates each product's demo tenant has, with their export mappings, and
//! the values a mapping gives for a user: what a re-export would write, and what the target
//! system holds now.

use crate::directory::{fold_ascii, mix, roll, Directory, Salt};
use synkvakt_api::model::{Mapping, MappingList, Product, Template, ValueKind};

/// The user data a mapping's source expression reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Email,
    /// The HR system's employee number.
    EmployeeNumber,
    NationalId,
    FullName,
    Department,
    Title,
}

pub struct MappingDef {
    pub target_attribute: &'static str,
    pub source_expression: &'static str,
    pub value_kind: ValueKind,
    pub source: Source,
}

pub struct TemplateDef {
    pub id: &'static str,
    pub name: &'static str,
    pub target_system: &'static str,
    /// In the portal's order, which is the preview's order too.
    pub mappings: &'static [MappingDef],
}

const fn mapping(
    target_attribute: &'static str,
    source_expression: &'static str,
    value_kind: ValueKind,
    source: Source,
) -> MappingDef {
    MappingDef {
        target_attribute,
        source_expression,
        value_kind,
        source,
    }
}

const FULL_NAME: &str = "[FirstName] + \" \" + [LastName]";

const EADM: &[TemplateDef] = &[
    TemplateDef {
        id: "ad",
        name: "Active Directory",
        target_system: "Active Directory",
        mappings: &[
            mapping("mail", "[Email]", ValueKind::Email, Source::Email),
            // The HR system's employee number, never the national ID number: a careful
            // municipality keeps that out of AD, where many systems and people can read it.
            mapping(
                "employeeID",
                "[EmployeeNumber]",
                ValueKind::Text,
                Source::EmployeeNumber,
            ),
            mapping("displayName", FULL_NAME, ValueKind::Name, Source::FullName),
            mapping(
                "department",
                "[Department]",
                ValueKind::Text,
                Source::Department,
            ),
            mapping("title", "[JobTitle]", ValueKind::Text, Source::Title),
        ],
    },
    TemplateDef {
        id: "azure",
        name: "Azure AD",
        target_system: "Microsoft Entra ID",
        mappings: &[
            mapping(
                "userPrincipalName",
                "[Email]",
                ValueKind::Email,
                Source::Email,
            ),
            mapping("displayName", FULL_NAME, ValueKind::Name, Source::FullName),
            mapping(
                "department",
                "[Department]",
                ValueKind::Text,
                Source::Department,
            ),
        ],
    },
];

const EFEIDE: &[TemplateDef] = &[
    TemplateDef {
        id: "ad",
        name: "Active Directory",
        target_system: "Active Directory",
        mappings: &[
            mapping("mail", "[Email]", ValueKind::Email, Source::Email),
            mapping("displayName", FULL_NAME, ValueKind::Name, Source::FullName),
            mapping(
                "department",
                "[School]",
                ValueKind::Text,
                Source::Department,
            ),
        ],
    },
    TemplateDef {
        id: "feide",
        name: "Feide",
        target_system: "Feide",
        mappings: &[
            mapping(
                "eduPersonPrincipalName",
                "[Email]",
                ValueKind::Email,
                Source::Email,
            ),
            mapping(
                "norEduPersonNIN",
                "[NationalIdentityNumber]",
                ValueKind::NationalId,
                Source::NationalId,
            ),
            mapping("displayName", FULL_NAME, ValueKind::Name, Source::FullName),
        ],
    },
];

pub fn for_product(product: Product) -> &'static [TemplateDef] {
    match product {
        Product::EAdm => EADM,
        Product::EFeide => EFEIDE,
    }
}

/// What the target system holds for a user, as far as one template goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drift {
    /// As the last export wrote it.
    InStep,
    /// Never exported: the target system has nothing for the user.
    NeverExported,
    /// Someone changed the value of the mapping at this position by hand in the target system.
    HandEdited(usize),
}

impl TemplateDef {
    pub fn template(&self) -> Template {
        Template {
            id: self.id.to_string(),
            name: self.name.to_string(),
            target_system: self.target_system.to_string(),
        }
    }

    /// The template's ID and the attribute's, as in "ad-mail".
    pub fn mapping_id(&self, position: usize) -> String {
        format!(
            "{}-{}",
            self.id,
            self.mappings[position].target_attribute.to_lowercase()
        )
    }

    pub fn position_of(&self, mapping_id: &str) -> Option<usize> {
        (0..self.mappings.len()).find(|&position| self.mapping_id(position) == mapping_id)
    }

    pub fn mapping_list(&self) -> MappingList {
        MappingList {
            template_id: self.id.to_string(),
            mappings: self
                .mappings
                .iter()
                .enumerate()
                .map(|(position, mapping)| Mapping {
                    id: self.mapping_id(position),
                    target_attribute: mapping.target_attribute.to_string(),
                    source_expression: mapping.source_expression.to_string(),
                    value_kind: mapping.value_kind,
                })
                .collect(),
        }
    }

    /// The value the mapping at `position` gives for the user: what a re-export writes.
    pub fn new_value(&self, directory: &Directory, user: usize, position: usize) -> String {
        match self.mappings[position].source {
            Source::Email => directory.email(user),
            Source::EmployeeNumber => directory.employee_number(user),
            Source::NationalId => directory.national_id(user),
            Source::FullName => directory.name(user),
            Source::Department => directory.department(user).to_string(),
            Source::Title => directory.title(user).to_string(),
        }
    }

    /// The value the target system holds now: for most users what the last export wrote (the
    /// new value), for about 4 % one attribute someone changed by hand, and for about 2 %
    /// nothing, as they were never exported.
    pub fn current_value(
        &self,
        directory: &Directory,
        user: usize,
        position: usize,
        new_value: &str,
    ) -> Option<String> {
        match self.drift(user) {
            Drift::NeverExported => None,
            Drift::HandEdited(edited) if edited == position => {
                Some(self.hand_edited(directory, user, position))
            }
            _ => Some(new_value.to_string()),
        }
    }

    fn drift(&self, user: usize) -> Drift {
        let template_salt = self
            .id
            .bytes()
            .fold(0u64, |hash, byte| mix(hash ^ u64::from(byte)));
        let roll = mix(roll(user as u32, Salt::Drift) ^ template_salt);
        match roll % 100 {
            0..2 => Drift::NeverExported,
            2..6 => Drift::HandEdited((roll / 100) as usize % self.mappings.len()),
            _ => Drift::InStep,
        }
    }

    /// A value an admin could have typed in the target system, always unlike the new one.
    fn hand_edited(&self, directory: &Directory, user: usize, position: usize) -> String {
        let first = directory.first_name(user);
        let last = directory.last_name(user);
        match self.mappings[position].source {
            // The address convention before the current one: initial and last name.
            Source::Email => format!(
                "{}{}@{}",
                fold_ascii(first).chars().next().unwrap_or('x'),
                fold_ascii(last),
                directory.email_domain()
            ),
            // The number of the HR system the municipality used before: five digits, where
            // today's employee numbers have six.
            Source::EmployeeNumber => {
                (10_000 + roll(user as u32, Salt::EmployeeNumber) % 90_000).to_string()
            }
            // A number typed by hand where the national ID number belongs: six digits.
            Source::NationalId => {
                (100_000 + roll(user as u32, Salt::EmployeeNumber) % 900_000).to_string()
            }
            Source::FullName => format!("{last}, {first}"),
            Source::Department => directory.other_department(user).to_string(),
            Source::Title => directory.other_title(user).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_ids_are_unique_within_each_template() {
        for product in [Product::EAdm, Product::EFeide] {
            for template in for_product(product) {
                let list = template.mapping_list();
                for (position, mapping) in list.mappings.iter().enumerate() {
                    assert_eq!(template.position_of(&mapping.id), Some(position));
                }
            }
        }
        assert_eq!(EADM[0].mapping_id(0), "ad-mail");
        assert_eq!(EADM[0].mapping_id(1), "ad-employeeid");
    }

    /// The templates that export to Active Directory, of both products.
    fn ad_templates() -> impl Iterator<Item = &'static TemplateDef> {
        [Product::EAdm, Product::EFeide]
            .into_iter()
            .flat_map(for_product)
            .filter(|template| template.target_system == "Active Directory")
    }

    #[test]
    fn no_national_id_number_is_exported_to_active_directory() {
        assert_eq!(ad_templates().count(), 2, "each product has an AD template");
        for template in ad_templates() {
            for (position, mapping) in template.mappings.iter().enumerate() {
                let id = template.mapping_id(position);
                assert_ne!(mapping.value_kind, ValueKind::NationalId, "{id}");
                assert_ne!(mapping.source, Source::NationalId, "{id}");
                assert!(
                    !mapping.source_expression.contains("NationalIdentityNumber"),
                    "{id}: {}",
                    mapping.source_expression
                );
            }
        }
        // Nor does any value a re-export to AD would write, or AD holds now, look like one.
        let directory = Directory::new(Product::EAdm, 2_000);
        for template in ad_templates() {
            for user in 0..directory.count() {
                let national_id = directory.national_id(user);
                for position in 0..template.mappings.len() {
                    let new = template.new_value(&directory, user, position);
                    let current = template.current_value(&directory, user, position, &new);
                    for value in std::iter::once(new).chain(current) {
                        assert_ne!(value, national_id);
                        assert!(
                            !(value.len() == 11 && value.bytes().all(|b| b.is_ascii_digit())),
                            "{} {value}",
                            template.mapping_id(position)
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn employee_id_in_ad_is_the_hr_employee_number() {
        let directory = Directory::new(Product::EAdm, 5_000);
        let template = &EADM[0];
        let position = template.position_of("ad-employeeid").unwrap();
        let mapping = &template.mappings[position];
        assert_eq!(mapping.source_expression, "[EmployeeNumber]");
        assert_eq!(mapping.value_kind, ValueKind::Text);
        let mut seen = std::collections::HashSet::new();
        for user in 0..directory.count() {
            let new = template.new_value(&directory, user, position);
            assert_eq!(new, directory.employee_number(user));
            assert_eq!(new.len(), 6, "{new}");
            assert!(seen.insert(new.clone()), "{new} twice");
            // Edited by hand: the old HR system's number, never today's.
            let current = template.current_value(&directory, user, position, &new);
            if let Some(current) = current.filter(|current| *current != new) {
                assert_eq!(current.len(), 5, "{current}");
            }
        }
        // The national ID number stays in the HR data, and in Feide, which needs it.
        assert_eq!(directory.national_id(0).len(), 11);
        let feide = &EFEIDE[1];
        assert!(feide
            .mappings
            .iter()
            .any(|mapping| mapping.value_kind == ValueKind::NationalId));
    }

    #[test]
    fn a_few_users_differ_in_the_target_system() {
        let directory = Directory::new(Product::EAdm, 20_000);
        let template = &EADM[0];
        let (mut never, mut edited) = (0, 0);
        for user in 0..directory.count() {
            let values: Vec<(String, Option<String>)> = (0..template.mappings.len())
                .map(|position| {
                    let new = template.new_value(&directory, user, position);
                    let current = template.current_value(&directory, user, position, &new);
                    (new, current)
                })
                .collect();
            if values.iter().all(|(_, current)| current.is_none()) {
                never += 1;
            }
            let differing = values
                .iter()
                .filter(|(new, current)| current.as_ref().is_some_and(|c| c != new))
                .count();
            assert!(differing <= 1);
            edited += differing;
        }
        assert!((300..500).contains(&never), "{never} never exported");
        assert!((650..950).contains(&edited), "{edited} edited by hand");
    }
}
