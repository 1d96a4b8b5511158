//! Small shared components and the pure formatting helpers used on both sides.
mod follow;
pub mod format;
pub mod island_form;
mod layout;
pub mod live;
mod page_meta;
mod status;
pub mod theme;

pub use follow::follow;
pub use layout::Layout;
pub use page_meta::{Canonical, PageMeta};
pub use status::{ErrorView, NotFound, set_http_status};
pub use theme::ThemeSwitch;
