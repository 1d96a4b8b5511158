//! A career page: the article from the database, with live figures from the in-memory index.
use chrono::{DateTime, Utc};

use super::model::{Career, LiveFigures};
use crate::error::AppError;
use crate::search::Index;
use crate::state::AppState;

pub async fn career(state: &AppState, profession: &str, city: &str, now: DateTime<Utc>) -> Result<Career, AppError> {
    let mut career = super::repo::get(&state.db, profession, city)
        .await?
        .ok_or_else(|| AppError::NotFound("Zu diesem Beruf und Ort gibt es noch keine Berufsseite.".into()))?;
    career.figures = live_figures(&state.search.current(), &career, now);
    Ok(career)
}

/// Open listings of the profession in the city, and the pay of regular employment there.
pub fn live_figures(index: &Index, career: &Career, now: DateTime<Utc>) -> LiveFigures {
    LiveFigures {
        open_listings: index.search(&career.filter(), now).total,
        salary: index.salaries(&career.pay_filter(), now).stats.figures,
        demo: index.shows_demo(now),
    }
}
