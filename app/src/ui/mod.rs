//! Domain-free widgets and formatting: page metadata, form fields and table heads, status views,
//! the colour scheme switch, query strings, and the live forms of `ui::live`.
pub mod form;
pub mod format;
pub mod island_form;
pub mod live;
mod page_meta;
pub mod query_string;
pub mod slug;
mod status;
pub mod theme;
mod updating;

pub use form::{CheckGroup, ColumnHeads, FieldOption, Notice, Notices, SelectField};
pub use page_meta::{Canonical, JsonLd, PageMeta, PublicUrl};
pub use status::{ErrorView, NotFound, set_http_status};
pub use theme::ThemeSwitch;
pub use updating::updating;
