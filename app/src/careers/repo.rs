//! Career articles and their live figures.
use serde::Deserialize;

use super::content::{Article, render};
use super::model::{Career, LiveFigures};
use crate::db::{Db, DbError, rows};

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

/// The article for a profession and city, with empty figures (the caller adds live ones).
pub async fn get(db: &Db, profession: &str, city: &str) -> Result<Option<Career>, DbError> {
    #[derive(Deserialize)]
    struct ArticleRow {
        title: String,
        description: String,
        markdown: String,
        profession: String,
        city: String,
    }
    let mut response = db
        .query(
            "SELECT title, description, markdown, profession.name AS profession, city.name AS city
               FROM type::record('article', [$profession, $city]);",
        )
        .bind(("profession", profession.to_owned()))
        .bind(("city", city.to_owned()))
        .await?;
    let Some(article) = rows::<ArticleRow>(&mut response, 0)?.into_iter().next() else {
        return Ok(None);
    };
    Ok(Some(Career {
        profession_slug: profession.to_owned(),
        city_slug: city.to_owned(),
        profession: article.profession,
        city: article.city,
        title: article.title,
        description: article.description,
        html: render(&article.markdown),
        figures: LiveFigures::default(),
    }))
}

/// The path of every career page, `/beruf/{profession}/{city}`.
pub async fn pages(db: &Db) -> Result<Vec<String>, DbError> {
    let mut response =
        db.query("SELECT VALUE '/beruf/' + record::id(profession) + '/' + record::id(city) FROM article").await?;
    Ok(response.take(0)?)
}
