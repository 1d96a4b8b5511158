//! Domain-free widgets and formatting: the page frame, page metadata, form fields and table heads, status views,
//! the colour scheme switch, and the live forms of `ui::live`.
pub mod form;
pub mod format;
pub mod island_form;
#[cfg(feature = "ssr")]
mod layout;
pub mod live;
mod page_meta;
pub mod slug;
mod status;
pub mod theme;
mod updating;

pub use form::{CheckGroup, ColumnHeads, FieldOption, Notice, Notices, SelectField};
#[cfg(feature = "ssr")]
pub use layout::Layout;
pub use page_meta::{Canonical, JsonLd, PageMeta, PublicUrl};
pub use status::{ErrorView, NotFound, set_http_status};
pub use theme::ThemeSwitch;
pub use updating::updating;
