//! The re-export dialog's data, kept in Rust: the preview's rows are downloaded a page at a time
//! into a store, and the page asks only for the window of rows it shows, filtered and sorted
//! here, so that 200,000 rows cost the webview little. Execute is sent with one idempotency key
//! per confirmed dialog and sent again with the same key when its answer was lost.

use serde::{Deserialize, Serialize};
use specta::Type;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use synkvakt_api::model::{Mapping, PreviewRow, ReexportScope, Template, ValueKind};
use synkvakt_api::personal::{Disclosure, EmailAddress, NationalId, PersonName, PersonalData};

/// Rows per request: the contract's largest page.
pub const PREVIEW_PAGE: u32 = 5_000;
/// The most rows the page may ask for at once: a screenful and then some.
pub const MAX_WINDOW: u32 = 500;

/// A column of the preview, to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum PreviewColumn {
    UserId,
    Name,
    Attribute,
    CurrentValue,
    NewValue,
}

/// What the page asks of the preview: a filter, an order and a window.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PreviewQuery {
    /// Rows whose user ID contains this.
    pub user_id: String,
    /// Rows with this text in any column (any case).
    pub text: String,
    pub sort: PreviewColumn,
    pub descending: bool,
    pub offset: u32,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PreviewRowView {
    pub user_id: String,
    /// Personal data, disclosed as the session allows.
    pub name: String,
    pub attribute: String,
    pub current_value: Option<String>,
    pub new_value: String,
    /// The target system holds another value (or none) now: this row changes something.
    pub changes: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PreviewWindow {
    pub rows: Vec<PreviewRowView>,
    /// Where `rows` start among the matching rows.
    pub offset: u32,
    /// Rows matching the filter, of those loaded so far.
    pub matching: u32,
    pub matching_users: u32,
    /// Of the matching rows, those whose value the re-export would change.
    pub matching_changes: u32,
    pub loaded: u32,
    /// Rows and users in the whole preview, as the tenant counts them.
    pub total: u32,
    pub users: u32,
    /// Of all rows loaded, whatever the filter, those whose value the re-export would change:
    /// what the confirmation states.
    pub changes: u32,
    pub complete: bool,
    /// Why loading stopped, if it did.
    pub problem: Option<crate::error::UserError>,
}

struct StoredRow {
    user_id: String,
    /// The ID as a number where it is one, so that "10" sorts after "9".
    user_number: Option<u64>,
    name: PersonName,
    attribute: String,
    current_value: Option<String>,
    new_value: String,
    kind: ValueKind,
    /// Every column in lower case, for the any-column filter; the user ID comes first.
    search_text: String,
    /// Where the user ID ends in `search_text`, for the user-ID filter.
    user_id_end: usize,
    /// The user's number among the preview's users, for counting users fast.
    user_index: u32,
}

impl StoredRow {
    fn new(row: PreviewRow, kind: ValueKind, user_index: u32) -> StoredRow {
        let user_id_end = row.user_id.to_lowercase().len();
        let search_text = format!(
            "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
            row.user_id,
            row.name.full(),
            row.attribute,
            row.current_value.as_deref().unwrap_or_default(),
            row.new_value
        )
        .to_lowercase();
        StoredRow {
            user_number: row.user_id.parse().ok(),
            user_id: row.user_id,
            name: row.name,
            attribute: row.attribute,
            current_value: row.current_value,
            new_value: row.new_value,
            kind,
            search_text,
            user_id_end,
            user_index,
        }
    }

    fn user_id_lower(&self) -> &str {
        &self.search_text[..self.user_id_end]
    }

    fn changes(&self) -> bool {
        self.current_value.as_deref() != Some(self.new_value.as_str())
    }

    fn compare(&self, other: &StoredRow, column: PreviewColumn) -> Ordering {
        match column {
            PreviewColumn::UserId => {
                (self.user_number, &self.user_id).cmp(&(other.user_number, &other.user_id))
            }
            PreviewColumn::Name => self.name.full().cmp(other.name.full()),
            PreviewColumn::Attribute => self.attribute.cmp(&other.attribute),
            PreviewColumn::CurrentValue => self.current_value.cmp(&other.current_value),
            PreviewColumn::NewValue => self.new_value.cmp(&other.new_value),
        }
        .then_with(|| (self.user_number, &self.user_id).cmp(&(other.user_number, &other.user_id)))
        .then_with(|| self.attribute.cmp(&other.attribute))
    }

    fn view(&self, disclosure: Disclosure) -> PreviewRowView {
        let value = |text: &str| match self.kind {
            ValueKind::Name => PersonName::new(text).disclose(disclosure),
            ValueKind::Email => EmailAddress::new(text).disclose(disclosure),
            ValueKind::NationalId => NationalId::new(text).disclose(disclosure),
            ValueKind::Text => match disclosure {
                Disclosure::Full => text.to_string(),
                Disclosure::Masked => crate::masking::mask_text(text).into_owned(),
            },
        };
        PreviewRowView {
            user_id: self.user_id.clone(),
            name: self.name.disclose(disclosure),
            attribute: self.attribute.clone(),
            current_value: self.current_value.as_deref().map(value),
            new_value: value(&self.new_value),
            changes: self.changes(),
        }
    }
}

/// The last filter and order asked for, with the rows they gave, so that typing one more letter
/// filters only what matched before.
struct Selection {
    user_id: String,
    text: String,
    sort: PreviewColumn,
    descending: bool,
    /// How many rows were loaded when this was made: more rows make it stale.
    loaded: usize,
    indices: Vec<u32>,
    users: u32,
    changes: u32,
}

#[derive(Default)]
struct Store {
    rows: Vec<StoredRow>,
    /// Each user's number, in the order they arrived.
    user_indices: HashMap<String, u32>,
    /// What the tenant says the preview is of: the template, scope and data version.
    token: Option<String>,
    total: u32,
    users: u32,
    /// Rows whose value would change, of all loaded.
    changes: u32,
    complete: bool,
    problem: Option<crate::error::UserError>,
    selection: Option<Selection>,
}

/// The preview of one dialog, filled by a download in the background.
#[derive(Clone, Default)]
pub struct PreviewStore {
    inner: Arc<Mutex<Store>>,
}

impl PreviewStore {
    fn lock(&self) -> MutexGuard<'_, Store> {
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Adds a page as it arrives; false, and nothing added, when its token is not the first
    /// page's: the data changed while the preview loaded.
    pub fn add_page(
        &self,
        token: &str,
        total: u32,
        users: u32,
        rows: Vec<PreviewRow>,
        kinds: &KindOf,
    ) -> bool {
        let mut store = self.lock();
        match &store.token {
            Some(first) if first != token => return false,
            Some(_) => {}
            None => store.token = Some(token.to_string()),
        }
        store.total = total;
        store.users = users;
        for row in rows {
            let next = store.user_indices.len() as u32;
            let user_index = *store
                .user_indices
                .entry(row.user_id.clone())
                .or_insert(next);
            let kind = kinds.of(&row.attribute);
            let stored = StoredRow::new(row, kind, user_index);
            store.changes += u32::from(stored.changes());
            store.rows.push(stored);
        }
        if store.rows.len() as u64 >= u64::from(total) {
            store.complete = true;
        }
        true
    }

    /// Drops every row, to load the preview again from its first page.
    pub fn reset(&self) {
        *self.lock() = Store::default();
    }

    /// The token of the preview loaded, which Execute sends back.
    pub fn token(&self) -> Option<String> {
        self.lock().token.clone()
    }

    pub fn fail(&self, problem: crate::error::UserError) {
        self.lock().problem = Some(problem);
    }

    pub fn is_complete(&self) -> bool {
        self.lock().complete
    }

    /// The whole preview's counts; `None` until every row arrived.
    pub fn counts(&self) -> Option<ConfirmedCounts> {
        let store = self.lock();
        store.complete.then_some(ConfirmedCounts {
            users: store.users,
            values: store.total,
            changes: store.changes,
        })
    }

    /// The window of matching rows the page shows.
    pub fn window(&self, query: &PreviewQuery, disclosure: Disclosure) -> PreviewWindow {
        let mut store = self.lock();
        let user_id = query.user_id.trim().to_lowercase();
        let text = query.text.trim().to_lowercase();
        let loaded = store.rows.len();
        let reusable = store.selection.as_ref().filter(|last| {
            last.loaded == loaded
                && last.user_id == user_id
                && last.text == text
                && last.sort == query.sort
                && last.descending == query.descending
        });
        if reusable.is_none() {
            let selection = select(&store, user_id, text, query.sort, query.descending);
            store.selection = Some(selection);
        }
        let Some(selection) = store.selection.as_ref() else {
            unreachable!("a selection was just made")
        };
        let indices = &selection.indices;
        let limit = query.limit.clamp(1, MAX_WINDOW) as usize;
        let offset = (query.offset as usize).min(indices.len());
        let rows = indices[offset..(offset + limit).min(indices.len())]
            .iter()
            .map(|index| store.rows[*index as usize].view(disclosure))
            .collect();
        PreviewWindow {
            rows,
            offset: offset as u32,
            matching: indices.len() as u32,
            matching_users: selection.users,
            matching_changes: selection.changes,
            loaded: loaded as u32,
            total: store.total,
            users: store.users,
            changes: store.changes,
            complete: store.complete,
            problem: store.problem.clone(),
        }
    }
}

fn select(
    store: &Store,
    user_id: String,
    text: String,
    sort: PreviewColumn,
    descending: bool,
) -> Selection {
    let matches = |row: &StoredRow| {
        (user_id.is_empty() || row.user_id_lower().contains(&user_id))
            && (text.is_empty() || row.search_text.contains(&text))
    };
    // A filter that only grew, over the same rows in the same order, narrows what matched.
    let narrowing = store.selection.as_ref().filter(|last| {
        last.loaded == store.rows.len()
            && last.sort == sort
            && last.descending == descending
            && user_id.contains(&last.user_id)
            && text.contains(&last.text)
    });
    let indices: Vec<u32> = match narrowing {
        Some(last) => last
            .indices
            .iter()
            .copied()
            .filter(|index| matches(&store.rows[*index as usize]))
            .collect(),
        None => {
            let mut indices: Vec<u32> = (0..store.rows.len() as u32)
                .filter(|index| matches(&store.rows[*index as usize]))
                .collect();
            // The tenant sends rows by user ID: that order needs no sorting.
            if sort != PreviewColumn::UserId || descending {
                indices.sort_by(|a, b| {
                    let order = store.rows[*a as usize].compare(&store.rows[*b as usize], sort);
                    if descending {
                        order.reverse()
                    } else {
                        order
                    }
                });
            }
            indices
        }
    };
    // One bit per user: counting them stays cheap at 200,000 rows.
    let mut seen = vec![0u64; store.user_indices.len().div_ceil(64)];
    let mut users = 0u32;
    let mut changes = 0u32;
    for index in &indices {
        let row = &store.rows[*index as usize];
        let (word, bit) = (row.user_index as usize / 64, row.user_index % 64);
        if seen[word] & (1 << bit) == 0 {
            seen[word] |= 1 << bit;
            users += 1;
        }
        if row.changes() {
            changes += 1;
        }
    }
    Selection {
        users,
        changes,
        user_id,
        text,
        sort,
        descending,
        loaded: store.rows.len(),
        indices,
    }
}

/// The value kind of each target attribute of a template, from its mappings.
#[derive(Clone)]
pub struct KindOf(HashMap<String, ValueKind>);

impl KindOf {
    pub fn new(mappings: &[Mapping]) -> KindOf {
        KindOf(
            mappings
                .iter()
                .map(|mapping| (mapping.target_attribute.clone(), mapping.value_kind))
                .collect(),
        )
    }

    fn of(&self, attribute: &str) -> ValueKind {
        self.0.get(attribute).copied().unwrap_or(ValueKind::Text)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MappingView {
    pub id: String,
    pub target_attribute: String,
    pub source_expression: String,
    pub value_kind: ValueKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TemplateView {
    pub id: String,
    pub name: String,
    pub target_system: String,
    pub mappings: Vec<MappingView>,
}

impl TemplateView {
    pub fn new(template: &Template, mappings: &[Mapping]) -> TemplateView {
        TemplateView {
            id: template.id.clone(),
            name: template.name.clone(),
            target_system: template.target_system.clone(),
            mappings: mappings
                .iter()
                .map(|mapping| MappingView {
                    id: mapping.id.clone(),
                    target_attribute: mapping.target_attribute.clone(),
                    source_expression: mapping.source_expression.clone(),
                    value_kind: mapping.value_kind,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UserPickView {
    pub id: String,
    /// Personal data, disclosed as the session allows.
    pub name: String,
    pub department: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct UserSearchView {
    pub total: u32,
    pub users: Vec<UserPickView>,
}

/// A preview that has started loading: what it is of, for the page to name in the confirmation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PreviewOpened {
    pub preview_id: String,
    /// The tenant the dialog acts on, whichever is in view when Execute is pressed.
    pub tenant_name: String,
    pub template_name: String,
    pub target_system: String,
    /// The target attributes that would be overwritten.
    pub attributes: Vec<String>,
    pub scope: ReexportScope,
}

/// The whole preview's counts, as the admin confirmed them; Rust checks them against the
/// preview before executing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmedCounts {
    pub users: u32,
    pub values: u32,
    /// Values that differ from what the target system holds now.
    pub changes: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(user: u32, attribute: &str, current: Option<&str>, new: &str) -> PreviewRow {
        PreviewRow {
            user_id: user.to_string(),
            name: PersonName::new(format!("Kari Nordmann{user}")),
            attribute: attribute.into(),
            current_value: current.map(str::to_string),
            new_value: new.into(),
        }
    }

    fn kinds() -> KindOf {
        KindOf(HashMap::from([
            ("mail".to_string(), ValueKind::Email),
            ("employeeID".to_string(), ValueKind::NationalId),
        ]))
    }

    fn query(user_id: &str, text: &str, sort: PreviewColumn, descending: bool) -> PreviewQuery {
        PreviewQuery {
            user_id: user_id.into(),
            text: text.into(),
            sort,
            descending,
            offset: 0,
            limit: 100,
        }
    }

    fn store(users: u32) -> PreviewStore {
        let store = PreviewStore::default();
        let rows = (1..=users)
            .flat_map(|user| {
                [
                    row(
                        user,
                        "mail",
                        Some(&format!("u{user}@x.no")),
                        &format!("u{user}@x.no"),
                    ),
                    row(user, "employeeID", None, &format!("{:011}", user)),
                ]
            })
            .collect();
        store.add_page("pv-1", users * 2, users, rows, &kinds());
        store
    }

    #[test]
    fn filters_by_user_id_and_by_any_column_and_counts_what_matches() {
        let store = store(120);
        let window = store.window(
            &query("11", "", PreviewColumn::UserId, false),
            Disclosure::Full,
        );
        // 11, 110..=119: eleven users, two rows each.
        assert_eq!((window.matching, window.matching_users), (22, 11));
        assert_eq!(window.rows[0].user_id, "11");
        let window = store.window(
            &query("", "U7@X", PreviewColumn::UserId, false),
            Disclosure::Full,
        );
        assert_eq!(window.matching, 1);
        assert_eq!(window.rows[0].new_value, "u7@x.no");
        // Only the employee IDs change: the target system holds none yet.
        let all = store.window(
            &query("", "", PreviewColumn::UserId, false),
            Disclosure::Full,
        );
        assert_eq!((all.matching, all.matching_changes), (240, 120));
        assert!(all.complete);
    }

    #[test]
    fn the_counts_to_confirm_are_the_whole_previews_whatever_the_filter() {
        let store = store(120);
        let filtered = store.window(
            &query("7", "employeeid", PreviewColumn::NewValue, true),
            Disclosure::Full,
        );
        assert_eq!(filtered.matching_changes, 21);
        assert_eq!(
            (filtered.total, filtered.users, filtered.changes),
            (240, 120, 120)
        );
        assert_eq!(
            store.counts(),
            Some(ConfirmedCounts {
                users: 120,
                values: 240,
                changes: 120
            })
        );
    }

    #[test]
    fn there_are_no_counts_to_confirm_before_every_row_arrived() {
        let store = PreviewStore::default();
        assert!(store.add_page("pv-1", 4, 2, vec![row(1, "mail", None, "a@x.no")], &kinds()));
        assert_eq!(store.counts(), None);
        assert_eq!(
            store
                .window(
                    &query("", "", PreviewColumn::UserId, false),
                    Disclosure::Full
                )
                .changes,
            1
        );
    }

    #[test]
    fn sorts_ids_as_numbers_and_any_column_both_ways() {
        let store = store(12);
        let down = store.window(
            &query("", "", PreviewColumn::UserId, true),
            Disclosure::Full,
        );
        assert_eq!(down.rows[0].user_id, "12");
        let by_value = store.window(
            &query("", "mail", PreviewColumn::NewValue, false),
            Disclosure::Full,
        );
        let values: Vec<&str> = by_value.rows.iter().map(|r| r.new_value.as_str()).collect();
        assert_eq!(values[..3], ["u10@x.no", "u11@x.no", "u12@x.no"]);
    }

    #[test]
    fn a_longer_filter_narrows_the_last_result_and_a_shorter_one_starts_again() {
        let store = store(300);
        let q = |text: &str| query(text, "", PreviewColumn::UserId, false);
        assert_eq!(store.window(&q("2"), Disclosure::Full).matching_users, 138);
        assert_eq!(store.window(&q("29"), Disclosure::Full).matching_users, 13);
        assert_eq!(store.window(&q("2"), Disclosure::Full).matching_users, 138);
    }

    #[test]
    fn the_window_is_bounded_and_personal_values_are_masked_by_kind() {
        let store = store(1000);
        let mut asked = query("", "", PreviewColumn::UserId, false);
        asked.limit = 100_000;
        asked.offset = 10;
        let window = store.window(&asked, Disclosure::Masked);
        assert_eq!(window.rows.len(), MAX_WINDOW as usize);
        assert_eq!(window.offset, 10);
        let id_row = &window.rows[1];
        assert_eq!(id_row.attribute, "employeeID");
        assert_eq!(id_row.new_value, "•••••• •••••");
        assert_eq!(window.rows[0].new_value, "u•••@x.no");
        assert_eq!(window.rows[0].name, "K. N.");
    }

    #[test]
    fn rows_still_arriving_are_counted_as_loaded_of_the_total() {
        let store = PreviewStore::default();
        store.add_page(
            "pv-1",
            4,
            2,
            vec![row(1, "mail", None, "a"), row(1, "x", None, "b")],
            &kinds(),
        );
        let window = store.window(
            &query("", "", PreviewColumn::UserId, false),
            Disclosure::Full,
        );
        assert_eq!(
            (window.loaded, window.total, window.complete),
            (2, 4, false)
        );
        assert!(
            !store.add_page("pv-2", 4, 2, vec![row(2, "mail", None, "c")], &kinds()),
            "a page of other data is not added to this preview"
        );
        store.add_page(
            "pv-1",
            4,
            2,
            vec![row(2, "mail", None, "c"), row(2, "x", None, "d")],
            &kinds(),
        );
        let window = store.window(
            &query("", "", PreviewColumn::UserId, false),
            Disclosure::Full,
        );
        assert_eq!(
            (window.loaded, window.matching, window.complete),
            (4, 4, true)
        );
        assert_eq!(store.token().as_deref(), Some("pv-1"));
        store.reset();
        assert_eq!((store.token(), store.counts()), (None, None));
    }
}
