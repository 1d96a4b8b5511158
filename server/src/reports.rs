//! The report form's POST (`/jobs/{id}/melden`), answered by sending the visitor back to the
//! listing with what came of it; and `revierjobs reports [--open]`, `reports resolve ID`.
use axum::extract::{ConnectInfo, FromRequest, Path, Request, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;

use app::accounts::session::{identity_from, new_visitor};
use app::jobs::model::parse_job_id;
use app::reports::model::Action;
use app::reports::{repo, service};
use app::state::AppState;
use app::ui::format::format_time_utc;

use crate::config::{ReportsArgs, ReportsCommand};
use crate::error::Failure;

#[derive(Default, serde::Deserialize)]
pub struct Fields {
    #[serde(default)]
    grund: String,
    #[serde(default)]
    notiz: String,
}

pub async fn submit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Result<Response, Failure> {
    let Some(job) = parse_job_id(&id) else {
        return Err(app::error::AppError::NotFound("Keine gültige Stellennummer.".into()).into());
    };
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let headers = request.headers().clone();
    let address = app::cookies::client_address(&headers, peer, state.site.trust_forwarded_for);
    let fields = axum::Form::<Fields>::from_request(request, &()).await.map(|f| f.0).unwrap_or_default();
    let secure = state.site.secure_cookies;
    // The reporter: its account or visitor key; a first-time visitor gets a visitor cookie.
    let (owner, cookie) = match identity_from(&state.db, &headers, secure).await?.owner() {
        Some(owner) => (owner, None),
        None => new_visitor(secure).map(|(owner, cookie)| (owner, Some(cookie)))?,
    };
    let now = chrono::Utc::now();
    let said = service::report(&state.db, job, &owner, &address, (&fields.grund, &fields.notiz), now).await?;
    let code = match said {
        Ok(()) => "danke",
        Err(problem) => problem.code(),
    };
    let mut response = Redirect::to(&format!("/jobs/{job}?meldung={code}#melden")).into_response();
    if let Some(cookie) = cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}

/// `revierjobs reports [--open]` and `reports resolve ID --keep|--expire|--remove [--reason TEXT]`.
pub async fn cli(args: ReportsArgs) -> Result<(), crate::Error> {
    let db = crate::db::prepare(&args.db.to_config()?).await?;
    let now = chrono::Utc::now();
    match args.command {
        None => {
            let reports = repo::list(&db, args.open).await?;
            if reports.is_empty() {
                println!("keine {}Meldungen", if args.open { "offenen " } else { "" });
            }
            for r in reports {
                let when = format_time_utc(&r.created_at);
                println!("#{}  {when}  Stelle {} „{}“: {}", r.id, r.job, r.title, r.reason.label());
                if let Some(note) = &r.note {
                    println!("    Anmerkung: {note}");
                }
                match &r.decision {
                    Some(d) => println!(
                        "    entschieden {}: {}{}",
                        format_time_utc(&d.at),
                        d.action.label(),
                        d.reason.as_deref().map(|r| format!(" ({r})")).unwrap_or_default()
                    ),
                    None => println!("    offen"),
                }
            }
        }
        Some(ReportsCommand::Resolve { id, keep, expire, remove, reason }) => {
            let action = match (keep, expire, remove) {
                (true, false, false) => Action::Keep,
                (false, true, false) => Action::Expire,
                (false, false, true) => Action::Remove,
                _ => return Err(crate::Error::Config("genau eines von --keep, --expire, --remove".into())),
            };
            let Some(job) = repo::resolve(&db, id, action, reason.as_deref(), now).await? else {
                return Err(crate::Error::Config(format!("keine Meldung #{id}")));
            };
            println!("Stelle {job}: {} (alle offenen Meldungen zu ihr entschieden)", action.label());
        }
    }
    Ok(())
}
