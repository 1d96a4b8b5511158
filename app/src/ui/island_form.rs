//! The forms of islands that post to a server function: a plain form post without JavaScript (the
//! server sends the browser back); with it the island sends the function itself and shows the answer.
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::error::AppError;

/// The submit handler of a form that posts to server function `A`: without JavaScript the browser
/// posts the form; with it the island sends `A`, made from the form's fields, and shows the answer.
pub fn send<A>(
    action: ServerAction<A>,
    make: impl Fn(&Fields) -> A + 'static,
) -> impl Fn(leptos::ev::SubmitEvent) + 'static
where
    A: ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
{
    move |ev| {
        use leptos::wasm_bindgen::JsCast;
        ev.prevent_default();
        let form = ev.target().and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok());
        action.dispatch(make(&Fields(form.and_then(|f| leptos::web_sys::FormData::new_with_form(&f).ok()))));
    }
}

/// The fields of a submitted form.
pub struct Fields(Option<leptos::web_sys::FormData>);

impl Fields {
    pub fn get(&self, name: &str) -> String {
        self.0.as_ref().and_then(|data| data.get(name).as_string()).unwrap_or_default()
    }
}
