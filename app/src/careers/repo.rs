//! Career articles and their live figures.
use serde::Deserialize;

use super::content::{Article, render};
use super::model::{Career, LiveFigures, MIN_SALARIES_FOR_MEDIAN};
use crate::jobs::model::{DEMO_SOURCE, Offer, Salary, SalarySource};
use crate::salary::stats::median_monthly;
use crate::server::{Db, DbError, rows};

/// Writes the shipped articles (insert or replace), keyed by profession and city.
pub async fn upsert_articles(db: &Db, articles: &[Article]) -> Result<(), DbError> {
    for a in articles {
        db.query(
            "UPSERT type::record('article', [$profession, $city]) CONTENT {
                profession: type::record('profession', $profession),
                city: type::record('city', $city),
                title: $title, description: $description, markdown: $markdown,
            }",
        )
        .bind(("profession", a.profession.clone()))
        .bind(("city", a.city.clone()))
        .bind(("title", a.title.clone()))
        .bind(("description", a.description.clone()))
        .bind(("markdown", a.markdown.clone()))
        .await?
        .check()?;
    }
    Ok(())
}

pub async fn get(db: &Db, profession: &str, city: &str) -> Result<Option<Career>, DbError> {
    #[derive(Deserialize)]
    struct ArticleRow {
        title: String,
        description: String,
        markdown: String,
        profession: String,
        city: String,
    }
    #[derive(Deserialize)]
    struct ListingRow {
        salary: Option<Salary>,
        offer: Offer,
        source: String,
    }
    let mut response = db
        .query(
            "SELECT title, description, markdown, profession.name AS profession, city.name AS city
               FROM type::record('article', [$profession, $city]);
             SELECT salary, offer, source FROM job
               WHERE profession = type::record('profession', $profession)
                 AND city = type::record('city', $city)
                 AND valid_through > time::now();",
        )
        .bind(("profession", profession.to_owned()))
        .bind(("city", city.to_owned()))
        .await?;
    let Some(article) = rows::<ArticleRow>(&mut response, 0)?.into_iter().next() else {
        return Ok(None);
    };
    let listings: Vec<ListingRow> = rows(&mut response, 1)?;
    // Pay of regular employment only: training allowances and student jobs would drag the median down.
    let stated: Vec<Salary> = listings
        .iter()
        .filter(|l| l.offer == Offer::Employment)
        .filter_map(|l| l.salary.clone())
        .filter(|s| s.source == SalarySource::Employer)
        .collect();
    let median_salary = if stated.len() >= MIN_SALARIES_FOR_MEDIAN { median_monthly(&stated) } else { None };
    Ok(Some(Career {
        profession_slug: profession.to_owned(),
        city_slug: city.to_owned(),
        profession: article.profession,
        city: article.city,
        title: article.title,
        description: article.description,
        html: render(&article.markdown),
        figures: LiveFigures {
            open_listings: listings.len() as u64,
            median_salary,
            salary_count: stated.len() as u32,
            demo: listings.iter().any(|l| l.source == DEMO_SOURCE),
        },
    }))
}
