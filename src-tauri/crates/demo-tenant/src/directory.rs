//! The tenant's users: a made-up population of Norwegian employees (eAdm) or pupils and staff
//! (eFeide) that is the same every time for the same size.
//!
//! Each user is a few small indices into the name and department tables, so that 200,000 users
//! take under two megabytes; names, addresses and numbers are built when asked for.

use chrono::{Datelike, NaiveDate};
use std::fmt::Write;
use std::sync::LazyLock;
use synkvakt_api::model::{Product, UserSummary};
use synkvakt_api::personal::PersonName;

/// The first user's ID; the others follow in order.
pub const FIRST_ID: u32 = 10_001;
pub const MIN_USERS: u32 = 50;
pub const MAX_USERS: u32 = 200_000;
pub const DEFAULT_USERS: u32 = 500;

pub const FIRST_NAMES: &[&str] = &[
    "Kari",
    "Ola",
    "Ingrid",
    "Lars",
    "Sigrid",
    "Magnus",
    "Astrid",
    "Håkon",
    "Nora",
    "Eirik",
    "Solveig",
    "Bjørn",
    "Marte",
    "Øystein",
    "Ragnhild",
    "Jonas",
    "Åse",
    "Sindre",
    "Tuva",
    "Vegard",
    "Anne",
    "Per",
    "Inger",
    "Jan",
    "Marit",
    "Knut",
    "Liv",
    "Arne",
    "Berit",
    "Svein",
    "Hilde",
    "Geir",
    "Randi",
    "Terje",
    "Silje",
    "Trond",
    "Hanne",
    "Rune",
    "Ida",
    "Morten",
    "Kristin",
    "Espen",
    "Synnøve",
    "Jørgen",
    "Guro",
    "Tor",
    "Ingvild",
    "Anders",
    "Kjersti",
    "Thomas",
    "Camilla",
    "Henrik",
    "Marianne",
    "Andreas",
    "Tone",
    "Øyvind",
    "Emma",
    "Emil",
    "Sofie",
    "Filip",
    "Thea",
    "Jakob",
    "Sara",
    "Aksel",
    "Ingeborg",
    "Mathias",
    "Maja",
    "Sander",
    "Live",
    "Tobias",
    "Frøydis",
    "Halvard",
    "Gro",
    "Steinar",
    "Bodil",
    "Odd",
    "Turid",
    "Gunnar",
    "Eli",
    "Pål",
    "Mette",
    "Stian",
    "Anne-Lise",
    "Per-Erik",
    "Mari",
    "Jens",
    "Hege",
    "Ådne",
    "Tiril",
    "Kåre",
    "Dagny",
    "Ståle",
];

pub const LAST_NAMES: &[&str] = &[
    "Nordmann",
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Kristiansen",
    "Jensen",
    "Karlsen",
    "Berg",
    "Haugen",
    "Hagen",
    "Bakken",
    "Solberg",
    "Lie",
    "Dahl",
    "Eriksen",
    "Strand",
    "Johnsen",
    "Pettersen",
    "Halvorsen",
    "Henriksen",
    "Lund",
    "Sørensen",
    "Jakobsen",
    "Moen",
    "Gundersen",
    "Iversen",
    "Svendsen",
    "Eide",
    "Knutsen",
    "Martinsen",
    "Paulsen",
    "Kristoffersen",
    "Mathisen",
    "Amundsen",
    "Rasmussen",
    "Lunde",
    "Solheim",
    "Berge",
    "Nygård",
    "Bakke",
    "Fredriksen",
    "Holm",
    "Lien",
    "Hauge",
    "Christensen",
    "Andreassen",
    "Jacobsen",
    "Ødegård",
    "Sæther",
    "Østby",
    "Bråten",
    "Løvås",
    "Aasen",
    "Haugland",
    "Grønli",
    "Strøm",
    "Bjørnstad",
    "Hætta",
    "Dæhlie",
    "Myklebust",
    "Fossum",
    "Tangen",
    "Nguyen",
    "Ali",
    "Ahmed",
    "Khan",
    "Wold",
    "Vik",
    "Røed",
    "Sandvik",
    "Thorsen",
    "Engen",
    "Kvamme",
    "Lyngstad",
    "Brekke",
    "Aune",
    "Tveit",
    "Sunde",
    "Ruud",
    "Næss",
    "Huseby",
    "Skjæveland",
];

/// Birth years of employees: aged about 22 to 67.
const ADULTS: (i32, i32) = (1958, 2003);
/// Birth years of pupils in upper secondary school.
const PUPILS: (i32, i32) = (2006, 2010);

struct Title {
    name: &'static str,
    /// How common the title is within its department.
    weight: u32,
    born: (i32, i32),
}

const fn title(name: &'static str, weight: u32) -> Title {
    Title {
        name,
        weight,
        born: ADULTS,
    }
}

struct Department {
    name: &'static str,
    /// How many of the tenant's users work there, relative to the other departments.
    weight: u32,
    titles: &'static [Title],
}

const fn department(name: &'static str, weight: u32, titles: &'static [Title]) -> Department {
    Department {
        name,
        weight,
        titles,
    }
}

const SCHOOL_STAFF: &[Title] = &[
    title("Lærer", 60),
    title("Lektor", 20),
    title("Miljøarbeider", 12),
    title("Inspektør", 3),
    title("Rektor", 1),
];

const MUNICIPALITY: &[Department] = &[
    department(
        "Helse og omsorg",
        30,
        &[
            title("Helsefagarbeider", 35),
            title("Sykepleier", 30),
            title("Assistent", 15),
            title("Vernepleier", 10),
            title("Fysioterapeut", 4),
            title("Ergoterapeut", 3),
            title("Avdelingsleder", 3),
        ],
    ),
    department(
        "Oppvekst",
        6,
        &[
            title("Rådgiver", 40),
            title("Barnevernspedagog", 30),
            title("Konsulent", 25),
            title("Kommunalsjef", 2),
        ],
    ),
    department(
        "Barnehage: Solsikken barnehage",
        8,
        &[
            title("Fagarbeider", 45),
            title("Barnehagelærer", 40),
            title("Pedagogisk leder", 10),
            title("Styrer", 2),
        ],
    ),
    department("Skole: Nordbyen skole", 9, SCHOOL_STAFF),
    department("Skole: Sørbyen ungdomsskole", 7, SCHOOL_STAFF),
    department(
        "Teknisk",
        10,
        &[
            title("Driftsoperatør", 30),
            title("Fagarbeider", 25),
            title("Renholder", 20),
            title("Ingeniør", 20),
            title("Byggesaksbehandler", 15),
            title("Enhetsleder", 2),
        ],
    ),
    department(
        "Kultur",
        4,
        &[
            title("Bibliotekar", 40),
            title("Kulturkonsulent", 40),
            title("Kulturskolelærer", 30),
        ],
    ),
    department(
        "Økonomi",
        4,
        &[
            title("Regnskapsmedarbeider", 50),
            title("Økonomirådgiver", 30),
            title("Controller", 20),
        ],
    ),
    department(
        "NAV",
        5,
        &[title("Veileder", 60), title("Saksbehandler", 40)],
    ),
    department(
        "IT og digitalisering",
        3,
        &[title("IT-konsulent", 60), title("Systemansvarlig", 40)],
    ),
];

/// In eFeide a user's department is the school; most users are its pupils.
const UPPER_SECONDARY: &[Title] = &[
    Title {
        name: "Elev",
        weight: 880,
        born: PUPILS,
    },
    title("Lektor", 60),
    title("Lærer", 30),
    title("Rådgiver", 10),
    title("Miljøterapeut", 10),
    title("Avdelingsleder", 5),
    title("Rektor", 1),
];

const COUNTY: &[Department] = &[
    department("Nordbyen videregående skole", 30, UPPER_SECONDARY),
    department("Sørbyen videregående skole", 25, UPPER_SECONDARY),
    department("Fjordvik videregående skole", 20, UPPER_SECONDARY),
    department("Åsheim videregående skole", 15, UPPER_SECONDARY),
    department("Øvre Dal videregående skole", 10, UPPER_SECONDARY),
];

/// A municipal department, for other made-up data (the import log) to name.
pub fn municipal_department(index: usize) -> &'static str {
    MUNICIPALITY[index % MUNICIPALITY.len()].name
}

/// The name of the user with this number, "First Last": the same in every part of the demo (the
/// import log included) and for every population size.
pub fn person_name(number: u32) -> String {
    let (first, last) = name_indices(number);
    format!("{} {}", FIRST_NAMES[first], LAST_NAMES[last])
}

fn name_indices(number: u32) -> (usize, usize) {
    (
        (roll(number, Salt::FirstName) % FIRST_NAMES.len() as u64) as usize,
        (roll(number, Salt::LastName) % LAST_NAMES.len() as u64) as usize,
    )
}

/// What a roll of the dice decides, so that the decisions about one user are independent.
#[derive(Clone, Copy)]
pub(crate) enum Salt {
    FirstName = 1,
    LastName,
    Department,
    Title,
    CheckDigits,
    Drift,
    EmployeeNumber,
}

/// A well-mixed number for `number` and `salt`: the demo's only source of variety, so that the
/// population is the same on every run.
pub(crate) fn roll(number: u32, salt: Salt) -> u64 {
    mix(mix(salt as u64) ^ u64::from(number))
}

/// One step of SplitMix64: a fast, well-spread hash of a number.
pub(crate) fn mix(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The index of the item `roll` lands on when each item is as likely as its weight.
fn pick_weighted<T>(items: &[T], weight: impl Fn(&T) -> u32, roll: u64) -> usize {
    let sum: u64 = items.iter().map(|item| u64::from(weight(item))).sum();
    let mut point = roll % sum;
    for (index, item) in items.iter().enumerate() {
        let weight = u64::from(weight(item));
        if point < weight {
            return index;
        }
        point -= weight;
    }
    items.len() - 1
}

/// Folds a name into the letters an e-mail address may hold: "Bjørn Sæther" → "bjorn saether".
pub fn fold_ascii(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' => folded.push_str("ae"),
            'ø' => folded.push('o'),
            'å' => folded.push('a'),
            c if c.is_ascii_alphanumeric() || c == '-' || c == ' ' => folded.push(c),
            _ => {}
        }
    }
    folded
}

/// Every first name with every last name, in lower case, for search: a user's name is found by
/// looking up the pair instead of building 200,000 strings.
static LOWER_FULL_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    FIRST_NAMES
        .iter()
        .flat_map(|first| {
            LAST_NAMES
                .iter()
                .map(move |last| format!("{first} {last}").to_lowercase())
        })
        .collect()
});

#[derive(Clone, Copy)]
struct User {
    first: u16,
    last: u16,
    /// 1 for the first user with this first and last name, 2 for the second, …: the number in
    /// the e-mail address that keeps it unique.
    namesake: u16,
    department: u8,
    title: u8,
}

pub struct Directory {
    users: Vec<User>,
    departments: &'static [Department],
    email_domain: &'static str,
}

impl Directory {
    /// `count` users, clamped to the range the demo supports.
    pub fn new(product: Product, count: u32) -> Directory {
        let count = count.clamp(MIN_USERS, MAX_USERS);
        let (departments, email_domain) = match product {
            Product::EAdm => (MUNICIPALITY, "demo.kommune.no"),
            Product::EFeide => (COUNTY, "demo.fylke.no"),
        };
        let mut namesakes = vec![0u16; FIRST_NAMES.len() * LAST_NAMES.len()];
        let users = (0..count)
            .map(|index| {
                let number = FIRST_ID + index;
                let (first, last) = name_indices(number);
                let namesake = &mut namesakes[first * LAST_NAMES.len() + last];
                *namesake += 1;
                let department =
                    pick_weighted(departments, |d| d.weight, roll(number, Salt::Department));
                let title = pick_weighted(
                    departments[department].titles,
                    |t| t.weight,
                    roll(number, Salt::Title),
                );
                User {
                    first: first as u16,
                    last: last as u16,
                    namesake: *namesake,
                    department: department as u8,
                    title: title as u8,
                }
            })
            .collect();
        Directory {
            users,
            departments,
            email_domain,
        }
    }

    pub fn count(&self) -> usize {
        self.users.len()
    }

    pub fn email_domain(&self) -> &'static str {
        self.email_domain
    }

    /// The index of the user with this ID, written as the service writes it (no leading zeros).
    pub fn index_of(&self, id: &str) -> Option<usize> {
        let number: u32 = id.parse().ok()?;
        let index = number.checked_sub(FIRST_ID)? as usize;
        (index < self.users.len() && number.to_string() == id).then_some(index)
    }

    pub fn id(&self, index: usize) -> String {
        number(index).to_string()
    }

    pub fn first_name(&self, index: usize) -> &'static str {
        FIRST_NAMES[usize::from(self.users[index].first)]
    }

    pub fn last_name(&self, index: usize) -> &'static str {
        LAST_NAMES[usize::from(self.users[index].last)]
    }

    pub fn name(&self, index: usize) -> String {
        format!("{} {}", self.first_name(index), self.last_name(index))
    }

    /// "first.last@domain", folded to ASCII, with a number from the second namesake on.
    pub fn email(&self, index: usize) -> String {
        let mut email = format!(
            "{}.{}",
            fold_ascii(self.first_name(index)),
            fold_ascii(self.last_name(index))
        );
        let namesake = self.users[index].namesake;
        if namesake > 1 {
            let _ = write!(email, "{namesake}");
        }
        let _ = write!(email, "@{}", self.email_domain);
        email
    }

    pub fn department(&self, index: usize) -> &'static str {
        self.department_of(index).name
    }

    pub fn title(&self, index: usize) -> &'static str {
        self.title_of(index).name
    }

    /// Another department than the user's: where the user worked before.
    pub fn other_department(&self, index: usize) -> &'static str {
        let current = usize::from(self.users[index].department);
        self.departments[(current + 1) % self.departments.len()].name
    }

    /// Another title from the user's department than the user's own.
    pub fn other_title(&self, index: usize) -> &'static str {
        let titles = self.department_of(index).titles;
        let current = usize::from(self.users[index].title);
        titles[(current + 1) % titles.len()].name
    }

    /// The HR system's employee number: six digits, no two users alike, unrelated to the
    /// user's ID in the service and to the national ID number.
    pub fn employee_number(&self, index: usize) -> String {
        // Multiplying by a number prime to 900,000 permutes 0..900,000; user numbers are below.
        const PRIME: u64 = 1_000_003;
        (100_000 + (u64::from(number(index)) * PRIME) % 900_000).to_string()
    }

    /// A synthetic national identity number: birth date (DDMMYY), a three-digit individual number
    /// in the range of the birth century, and two check digits of which the first is deliberately
    /// wrong, so that no demo number can be a real person's.
    ///
    /// Birth date and individual number come from a bijection of the user number, so that no
    /// two users share a number.
    pub fn national_id(&self, index: usize) -> String {
        let (first_year, last_year) = self.title_of(index).born;
        let start = NaiveDate::from_ymd_opt(first_year, 1, 1).expect("a valid year");
        let end = NaiveDate::from_ymd_opt(last_year, 12, 31).expect("a valid year");
        let days = (end - start).num_days() as u64 + 1;
        // Multiplying by a prime larger than any `days * 500` permutes 0..days * 500.
        const PRIME: u64 = 1_000_003;
        let slot = (u64::from(number(index)) * PRIME) % (days * 500);
        let born = start + chrono::Days::new(slot % days);
        let individual = slot / days + if born.year() >= 2000 { 500 } else { 0 };
        let mut digits = format!(
            "{:02}{:02}{:02}{individual:03}",
            born.day(),
            born.month(),
            born.year() % 100
        );
        let weights = [3u32, 7, 6, 1, 8, 9, 4, 5, 2];
        let sum: u32 = digits
            .bytes()
            .zip(weights)
            .map(|(digit, weight)| u32::from(digit - b'0') * weight)
            .sum();
        let valid_check = (11 - sum % 11) % 11;
        let roll = roll(number(index), Salt::CheckDigits);
        let wrong_check = (valid_check + 1 + (roll % 8) as u32) % 10;
        let _ = write!(digits, "{wrong_check}{}", (roll / 8) % 10);
        digits
    }

    pub fn summary(&self, index: usize) -> UserSummary {
        UserSummary {
            id: self.id(index),
            name: PersonName::new(self.name(index)),
            department: self.department(index).to_string(),
        }
    }

    /// The users whose ID or name contains `text` (any case), the first `limit` of them by ID,
    /// and how many match in all. Empty text matches everyone.
    pub fn search(&self, text: &str, limit: usize) -> (usize, Vec<usize>) {
        let needle = text.trim().to_lowercase();
        let mut found = Vec::with_capacity(limit);
        let mut total = 0;
        let mut record = |index: usize| {
            total += 1;
            if found.len() < limit {
                found.push(index);
            }
        };
        if needle.is_empty() {
            (0..self.users.len()).for_each(record);
        } else if needle.bytes().all(|b| b.is_ascii_digit()) {
            // Names hold no digits, so only the ID can match.
            let mut id = String::with_capacity(10);
            for index in 0..self.users.len() {
                id.clear();
                let _ = write!(id, "{}", number(index));
                if id.contains(&needle) {
                    record(index);
                }
            }
        } else {
            let names: Vec<bool> = LOWER_FULL_NAMES
                .iter()
                .map(|name| name.contains(&needle))
                .collect();
            for (index, user) in self.users.iter().enumerate() {
                if names[usize::from(user.first) * LAST_NAMES.len() + usize::from(user.last)] {
                    record(index);
                }
            }
        }
        (total, found)
    }

    fn department_of(&self, index: usize) -> &'static Department {
        &self.departments[usize::from(self.users[index].department)]
    }

    fn title_of(&self, index: usize) -> &'static Title {
        &self.department_of(index).titles[usize::from(self.users[index].title)]
    }
}

fn number(index: usize) -> u32 {
    FIRST_ID + index as u32
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_population_has_the_size_asked_and_is_the_same_each_time() {
        for (asked, expected) in [(50, 50), (10, 50), (500, 500), (200_000, 200_000)] {
            let directory = Directory::new(Product::EAdm, asked);
            assert_eq!(directory.count(), expected);
            assert_eq!(directory.id(0), "10001");
            assert_eq!(directory.id(expected - 1), (10_000 + expected).to_string());
            assert_eq!(directory.index_of("10001"), Some(0));
            assert_eq!(directory.index_of(&(10_001 + expected).to_string()), None);
        }
        assert_eq!(Directory::new(Product::EAdm, 1_000_000).count(), 200_000);
        let once = Directory::new(Product::EFeide, 1_000);
        let again = Directory::new(Product::EFeide, 1_000);
        for index in 0..1_000 {
            assert_eq!(once.summary(index), again.summary(index));
            assert_eq!(once.email(index), again.email(index));
            assert_eq!(once.national_id(index), again.national_id(index));
            assert_eq!(once.title(index), again.title(index));
        }
    }

    #[test]
    fn a_smaller_population_is_the_start_of_a_larger_one() {
        let small = Directory::new(Product::EAdm, 50);
        let large = Directory::new(Product::EAdm, 5_000);
        for index in 0..50 {
            assert_eq!(small.summary(index), large.summary(index));
            assert_eq!(small.email(index), large.email(index));
        }
    }

    #[test]
    fn ids_other_than_the_services_spelling_are_unknown() {
        let directory = Directory::new(Product::EAdm, 50);
        for id in [
            "010001",
            "+10001",
            "10001 ",
            "",
            "abc",
            "10000",
            "99999999999",
        ] {
            assert_eq!(directory.index_of(id), None, "{id:?}");
        }
    }

    #[test]
    fn national_ids_are_eleven_digits_unique_and_never_valid() {
        for product in [Product::EAdm, Product::EFeide] {
            let directory = Directory::new(product, 200_000);
            let mut seen = HashSet::new();
            for index in 0..directory.count() {
                let id = directory.national_id(index);
                assert_eq!(id.len(), 11, "{id}");
                assert!(id.bytes().all(|b| b.is_ascii_digit()), "{id}");
                let day: u32 = id[0..2].parse().unwrap();
                let month: u32 = id[2..4].parse().unwrap();
                assert!((1..=31).contains(&day) && (1..=12).contains(&month), "{id}");
                let digits: Vec<u32> = id.bytes().map(|b| u32::from(b - b'0')).collect();
                let sum: u32 = digits[..10]
                    .iter()
                    .zip([3, 7, 6, 1, 8, 9, 4, 5, 2, 1])
                    .map(|(d, w)| d * w)
                    .sum();
                assert_ne!(sum % 11, 0, "{id} passes the first check");
                assert!(seen.insert(id), "a national ID repeats");
            }
        }
    }

    #[test]
    fn email_addresses_are_ascii_folded_and_unique() {
        for product in [Product::EAdm, Product::EFeide] {
            let directory = Directory::new(product, 200_000);
            let mut seen = HashSet::new();
            for index in 0..directory.count() {
                let email = directory.email(index);
                assert!(email.is_ascii(), "{email}");
                assert!(email.ends_with(directory.email_domain()));
                assert_eq!(email, email.to_lowercase());
                assert!(seen.insert(email), "an e-mail address repeats");
            }
        }
        assert_eq!(fold_ascii("Bjørn Sæther Åsheim"), "bjorn saether asheim");
    }

    #[test]
    fn the_name_lists_fold_to_distinct_names() {
        for list in [FIRST_NAMES, LAST_NAMES] {
            let folded: HashSet<String> = list.iter().map(|name| fold_ascii(name)).collect();
            assert_eq!(folded.len(), list.len());
            assert!(list.iter().all(|name| !name.contains(' ')));
        }
        assert!(FIRST_NAMES.len() * LAST_NAMES.len() <= usize::from(u16::MAX));
    }

    #[test]
    fn the_population_looks_like_a_municipality_or_a_county() {
        let municipality = Directory::new(Product::EAdm, 10_000);
        let departments: HashSet<&str> = (0..10_000).map(|i| municipality.department(i)).collect();
        assert_eq!(departments.len(), MUNICIPALITY.len());
        let names: HashSet<String> = (0..10_000).map(|i| municipality.name(i)).collect();
        assert!(names.len() > 4_000, "names vary: {}", names.len());
        assert!(names.iter().any(|name| name.contains(['æ', 'ø', 'å'])));
        let county = Directory::new(Product::EFeide, 10_000);
        let pupils = (0..10_000).filter(|&i| county.title(i) == "Elev").count();
        assert!((8_000..9_500).contains(&pupils), "{pupils} pupils");
        assert!((0..10_000).all(|i| county.department(i).contains("skole")));
        for index in 0..10_000 {
            assert_ne!(municipality.other_title(index), municipality.title(index));
            assert_ne!(
                municipality.other_department(index),
                municipality.department(index)
            );
        }
    }

    #[test]
    fn search_finds_ids_and_names_in_any_case() {
        let directory = Directory::new(Product::EAdm, 2_000);
        let (total, first) = directory.search("", 20);
        assert_eq!((total, first), (2_000, (0..20).collect()));
        let (total, found) = directory.search("1001", 100);
        // 10010 to 10019, then 11001.
        assert_eq!(found[..11], [9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 1000]);
        assert!(found
            .iter()
            .all(|&index| directory.id(index).contains("1001")));
        assert_eq!(total, found.len());
        let wanted = (0..2_000)
            .find(|&index| directory.last_name(index) == "Ødegård")
            .expect("an Ødegård among 2,000");
        let (total, found) = directory.search("ØDEGÅRD", 10_000);
        assert!(found.contains(&wanted));
        assert_eq!(total, found.len());
        assert!(found
            .iter()
            .all(|&index| directory.name(index).to_lowercase().contains("ødegård")));
        let full = directory.name(wanted).to_lowercase();
        let (_, found) = directory.search(&format!("  {} ", full.to_uppercase()), 2_000);
        assert!(found.contains(&wanted));
        let (total, found) = directory.search("x1", 10);
        assert_eq!((total, found.len()), (0, 0));
    }
}
