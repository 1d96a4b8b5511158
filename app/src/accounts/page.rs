//! `/anmelden`, `/registrieren` and `/konto`. The forms post to server functions, so they work
//! without JavaScript; with it, success reloads the page the account now sees.
use crate::ui::PageMeta;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Meta;

use super::api::{ChangePassword, DeleteAccount, SignIn, SignOut, SignOutEverywhere, SignUp, current_account};
use super::model::{AccountInfo, PASSWORD_MAX, PASSWORD_MIN};
use crate::error::AppError;
use crate::ui::ErrorView;
use crate::ui::format::format_date;
use crate::ui::island_form::send;

/// After a successful action: load `to` afresh, so every part of the page sees the new account.
fn reload_on_success<A>(action: ServerAction<A>, to: &'static str)
where
    A: leptos::server_fn::ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
    A::Output: Send + Sync,
{
    Effect::new(move |_| {
        if let Some(Ok(())) = action.value().get() {
            let _ = window().location().set_href(to);
        }
    });
}

/// The error of the last submission, as an alert naming the field.
fn error_text<A>(action: ServerAction<A>) -> impl Fn() -> Option<String> + Copy
where
    A: leptos::server_fn::ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
{
    move || match action.value().get() {
        Some(Err(AppError::Invalid { message, .. })) => Some(message),
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    }
}

fn field_invalid<A>(action: ServerAction<A>, field: &'static str) -> impl Fn() -> Option<&'static str>
where
    A: leptos::server_fn::ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
{
    move || {
        matches!(action.value().get(), Some(Err(AppError::Invalid { field: f, .. })) if f == field).then_some("true")
    }
}

#[component]
fn FormError(text: Box<dyn Fn() -> Option<String> + Send + Sync>) -> impl IntoView {
    view! { <p class="form-error" role="alert" data-testid="form-error">{text}</p> }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <PageMeta title="Anmelden" description="Bei Revierjobs anmelden: die Merkliste auf allen Geräten."/>
        <Meta name="robots" content="noindex"/>
        <SignInForm/>
    }
}

#[island]
fn SignInForm() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    reload_on_success(action, "/merkliste");
    view! {
        <section class="account-form">
            <h1>"Anmelden"</h1>
            <p>"Mit einem Konto sehen Sie Ihre Merkliste auf allen Geräten. Was Sie ohne Konto gemerkt haben, wird übernommen."</p>
            <form method="post" action=SignIn::url()
                on:submit=send(action, |f| SignIn { email: f.get("email"), password: f.get("password") })>
                <label for="email">"E-Mail-Adresse"</label>
                <input id="email" name="email" type="email" required autocomplete="username" aria-invalid=field_invalid(action, "email")/>
                <label for="password">"Passwort"</label>
                <input id="password" name="password" type="password" required autocomplete="current-password"
                    aria-invalid=field_invalid(action, "password")/>
                <FormError text=Box::new(error_text(action))/>
                <button type="submit" data-testid="sign-in">"Anmelden"</button>
            </form>
            <p>"Noch kein Konto? " <a href="/registrieren">"Konto anlegen"</a></p>
        </section>
    }
}

#[component]
pub fn SignUpPage() -> impl IntoView {
    view! {
        <PageMeta title="Konto anlegen" description="Ein kostenloses Konto für Ihre Merkliste auf allen Geräten."/>
        <Meta name="robots" content="noindex"/>
        <SignUpForm/>
    }
}

#[island]
fn SignUpForm() -> impl IntoView {
    let action = ServerAction::<SignUp>::new();
    reload_on_success(action, "/merkliste");
    view! {
        <section class="account-form">
            <h1>"Konto anlegen"</h1>
            <p>"Kostenlos und freiwillig: Die Merkliste funktioniert auch ohne Konto. Mit Konto haben Sie sie auf allen Geräten."</p>
            <form method="post" action=SignUp::url()
                on:submit=send(action, |f| SignUp { email: f.get("email"), password: f.get("password") })>
                <label for="email">"E-Mail-Adresse"</label>
                <input id="email" name="email" type="email" required autocomplete="username" aria-invalid=field_invalid(action, "email")/>
                <label for="password">"Passwort"</label>
                <input id="password" name="password" type="password" required autocomplete="new-password"
                    minlength=PASSWORD_MIN maxlength=PASSWORD_MAX aria-describedby="password-rule"
                    aria-invalid=field_invalid(action, "password")/>
                <p id="password-rule" class="hint">
                    {format!("{PASSWORD_MIN} bis {PASSWORD_MAX} Zeichen. Ein Satz aus mehreren Wörtern ist sicher und gut zu merken.")}
                </p>
                <FormError text=Box::new(error_text(action))/>
                <button type="submit" data-testid="sign-up">"Konto anlegen"</button>
            </form>
            <p>"Schon ein Konto? " <a href="/anmelden">"Anmelden"</a></p>
        </section>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let info = Resource::new(|| (), |_| current_account());
    view! {
        <PageMeta title="Konto" description="Passwort ändern, Daten herunterladen, Konto löschen."/>
        <Meta name="robots" content="noindex"/>
        <h1>"Konto"</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match info.await {
                    Ok(Some(info)) => view! { <AccountView info/> }.into_any(),
                    Ok(None) => view! {
                        <p data-testid="signed-out">
                            "Sie sind nicht angemeldet. " <a href="/anmelden">"Anmelden"</a> " oder "
                            <a href="/registrieren">"Konto anlegen"</a>"."
                        </p>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccountView(info: AccountInfo) -> impl IntoView {
    view! {
        <p data-testid="account-email">"Angemeldet als " <strong>{info.email}</strong> " · Konto seit " {format_date(&info.created_at)}
            " · angemeldet auf " {info.sessions} {if info.sessions == 1 { " Gerät" } else { " Geräten" }}</p>
        <p><a href="/merkliste">"Zur Merkliste"</a></p>
        <AccountForms/>
    }
}

/// Sign out (here, everywhere), change the password, delete the account.
#[island]
fn AccountForms() -> impl IntoView {
    let change = ServerAction::<ChangePassword>::new();
    let sign_out = ServerAction::<SignOut>::new();
    let everywhere = ServerAction::<SignOutEverywhere>::new();
    let delete = ServerAction::<DeleteAccount>::new();
    reload_on_success(sign_out, "/");
    reload_on_success(everywhere, "/");
    reload_on_success(delete, "/");
    let changed = move || {
        matches!(change.value().get(), Some(Ok(()))).then_some("Passwort geändert. Andere Geräte sind abgemeldet.")
    };
    view! {
        <div class="account-actions">
            <form method="post" action=SignOut::url() on:submit=send(sign_out, |_| SignOut {})>
                <button type="submit" data-testid="sign-out">"Abmelden"</button>
            </form>
            <form method="post" action=SignOutEverywhere::url() on:submit=send(everywhere, |_| SignOutEverywhere {})>
                <button type="submit" class="secondary">"Überall abmelden"</button>
            </form>
        </div>
        <section class="account-form">
            <h2>"Passwort ändern"</h2>
            <form method="post" action=ChangePassword::url()
                on:submit=send(change, |f| ChangePassword { current_password: f.get("current_password"), new_password: f.get("new_password") })>
                <label for="current_password">"Aktuelles Passwort"</label>
                <input id="current_password" name="current_password" type="password" required autocomplete="current-password"
                    aria-invalid=field_invalid(change, "current_password")/>
                <label for="new_password">"Neues Passwort"</label>
                <input id="new_password" name="new_password" type="password" required autocomplete="new-password"
                    minlength=PASSWORD_MIN maxlength=PASSWORD_MAX aria-invalid=field_invalid(change, "new_password")/>
                <FormError text=Box::new(error_text(change))/>
                <p class="form-message" role="status">{changed}</p>
                <button type="submit">"Passwort ändern"</button>
            </form>
        </section>
        <section class="account-form">
            <h2>"Meine Daten"</h2>
            <p>"Alles, was wir zu Ihrem Konto speichern (Konto, Anmeldungen, Merkliste mit Notizen und Status), als JSON-Datei."</p>
            <p><a href="/konto/daten.json" download="revierjobs-daten.json" data-testid="export-data">"Daten herunterladen"</a></p>
        </section>
        <section class="account-form danger">
            <h2>"Konto löschen"</h2>
            <p>"Löscht Ihr Konto, Ihre Merkliste mit allen Notizen und meldet alle Geräte ab. Das lässt sich nicht rückgängig machen."</p>
            <form method="post" action=DeleteAccount::url() on:submit=send(delete, |f| DeleteAccount { password: f.get("password") })>
                <label for="delete_password">"Passwort zur Bestätigung"</label>
                <input id="delete_password" name="password" type="password" required autocomplete="current-password"
                    aria-invalid=field_invalid(delete, "password")/>
                <FormError text=Box::new(error_text(delete))/>
                <button type="submit" class="danger" data-testid="delete-account">"Konto endgültig löschen"</button>
            </form>
        </section>
    }
}
