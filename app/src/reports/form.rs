//! "Anzeige melden" on a listing's page: a plain POST form (works without WebAssembly) that the
//! server answers by sending the visitor back here with `?meldung=…`, which this form then says.
use leptos::prelude::*;

use super::model::{NOTE_MAX, Problem, Reason};

/// What the last sending of the form came to, from `?meldung=`.
fn said(code: Option<&str>) -> Option<Result<(), Problem>> {
    match code? {
        "danke" => Some(Ok(())),
        code => Problem::of_code(code).map(Err),
    }
}

#[component]
pub fn ReportForm(job: i64, answer: Option<String>) -> impl IntoView {
    let said = said(answer.as_deref());
    let status = said.map(|result| match result {
        Ok(()) => view! {
            <p class="report-thanks" role="status" data-testid="report-thanks">
                "Danke für Ihre Meldung. Wir prüfen die Anzeige."
            </p>
        }
        .into_any(),
        Err(problem) => {
            view! { <p class="form-error" role="alert" data-testid="report-error">{problem.message()}</p> }.into_any()
        }
    });
    view! {
        <details class="report" id="melden" open=said.is_some()>
            <summary>"Anzeige melden"</summary>
            {status}
            <form method="post" action=format!("/jobs/{job}/melden") data-testid="report-form">
                <fieldset>
                    <legend>"Was stimmt nicht?"</legend>
                    <ul class="options">
                        {Reason::ALL.iter().map(|r| {
                            let id = format!("melden-{}", r.as_str());
                            view! {
                                <li>
                                    <input type="radio" name="grund" id=id.clone() value=r.as_str() required/>
                                    <label for=id>{r.label()}</label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
                <div class="field">
                    <label for="melden-notiz">{format!("Anmerkung (freiwillig, bis {NOTE_MAX} Zeichen)")}</label>
                    <textarea id="melden-notiz" name="notiz" maxlength=NOTE_MAX rows="3"></textarea>
                </div>
                <button type="submit" class="button">"Meldung senden"</button>
            </form>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_in_the_address_is_read_back() {
        assert_eq!(said(Some("danke")), Some(Ok(())));
        assert_eq!(said(Some("doppelt")), Some(Err(Problem::AlreadyReported)));
        assert_eq!(said(Some("<script>")), None);
        assert_eq!(said(None), None);
    }
}
