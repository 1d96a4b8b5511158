//! The colour scheme: the system's (default), light or dark. The choice lives in a cookie so the
//! server renders `<html data-theme>` right away (no flash of the wrong scheme); the header button
//! switches at once in the browser, and without JavaScript it is a form post to `set_theme`.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::error::AppError;

pub const COOKIE: &str = "rj_theme";
/// As long as browsers keep cookies (400 days).
const MAX_AGE: i64 = 400 * 24 * 3600;

crate::slug_enum!(
    /// A colour scheme, labelled as the switch shows it.
    Theme {
        System = "system" / "Auto",
        Light = "light" / "Hell",
        Dark = "dark" / "Dunkel",
    }
);

impl Theme {
    /// The button cycles system → dark → light → system.
    pub fn next(self) -> Self {
        match self {
            Self::System => Self::Dark,
            Self::Dark => Self::Light,
            Self::Light => Self::System,
        }
    }

    /// The `data-theme` attribute of `<html>`: none when the system decides.
    pub fn attribute(self) -> Option<&'static str> {
        (self != Self::System).then_some(self.as_str())
    }

    /// The theme a `Cookie` request header chose (anything unknown counts as the system's).
    #[cfg(feature = "ssr")]
    pub fn from_cookie_header(header: &str) -> Self {
        crate::cookies::cookie_value(header, COOKIE).and_then(Self::parse).unwrap_or(Self::System)
    }

    /// The `Set-Cookie` value that stores this choice (the system's: the cookie is removed).
    pub fn cookie(self) -> String {
        let max_age = if self == Self::System { 0 } else { MAX_AGE };
        format!("{COOKIE}={}; Max-Age={max_age}; Path=/; SameSite=Lax", self.as_str())
    }
}

/// The theme of the page being rendered: from the request on the server, from `<html>` in the browser.
pub fn current() -> Theme {
    #[cfg(feature = "ssr")]
    {
        crate::cookies::request_cookie(COOKIE).and_then(|v| Theme::parse(&v)).unwrap_or(Theme::System)
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("data-theme"))
            .and_then(|value| Theme::parse(&value))
            .unwrap_or(Theme::System)
    }
}

/// Stores the choice; the form post of the header button when JavaScript is off.
#[server(endpoint = "set_theme")]
pub async fn set_theme(theme: String) -> Result<(), AppError> {
    let theme = Theme::parse(&theme).ok_or_else(|| AppError::invalid("theme", "system, light oder dark"))?;
    crate::cookies::send_cookie(theme.cookie());
    Ok(())
}

/// Applies a choice in the browser at once: `<html data-theme>` and the cookie.
#[cfg(feature = "hydrate")]
fn apply(theme: Theme) {
    if let Some(html) = document().document_element() {
        let _ = match theme.attribute() {
            Some(value) => html.set_attribute("data-theme", value),
            None => html.remove_attribute("data-theme"),
        };
    }
    // `document.cookie = …` (web-sys' HtmlDocument is not among the enabled features).
    let _ = leptos::web_sys::js_sys::Reflect::set(document().as_ref(), &"cookie".into(), &theme.cookie().into());
}

#[island]
pub fn ThemeSwitch(initial: Theme) -> impl IntoView {
    let theme = RwSignal::new(initial);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let next = theme.get_untracked().next();
        theme.set(next);
        #[cfg(feature = "hydrate")]
        apply(next);
    };
    view! {
        <form class="theme-switch" method="post" action=SetTheme::url() on:submit=on_submit>
            <input type="hidden" name="theme" value=move || theme.get().next().as_str()/>
            <button type="submit" class="theme-toggle" data-testid="theme-toggle"
                aria-label=move || format!("{} – Farbschema, wechseln zu {}", theme.get().label(), theme.get().next().label())>
                <span aria-hidden="true">{move || match theme.get() { Theme::System => "◐", Theme::Light => "☀", Theme::Dark => "☾" }}</span>
                <span class="theme-text" aria-hidden="true">{move || theme.get().label()}</span>
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_header_decides_unknown_values_mean_the_system() {
        assert_eq!(Theme::from_cookie_header("rj_visitor=abc; rj_theme=dark"), Theme::Dark);
        assert_eq!(Theme::from_cookie_header("rj_theme=light"), Theme::Light);
        assert_eq!(Theme::from_cookie_header("rj_theme=purple"), Theme::System);
        assert_eq!(Theme::from_cookie_header("xrj_theme=dark"), Theme::System);
        assert_eq!(Theme::from_cookie_header(""), Theme::System);
    }

    #[test]
    fn the_switch_cycles_through_all_three_and_stores_each() {
        let mut seen = vec![Theme::System];
        while let next = seen.last().unwrap().next()
            && next != Theme::System
        {
            seen.push(next);
        }
        assert_eq!(seen, [Theme::System, Theme::Dark, Theme::Light]);
        for t in seen {
            assert_eq!(Theme::from_cookie_header(t.cookie().split(';').next().unwrap()), t);
        }
        assert!(Theme::System.cookie().contains("Max-Age=0"));
        assert_eq!(Theme::System.attribute(), None);
        assert_eq!(Theme::Dark.attribute(), Some("dark"));
    }
}
