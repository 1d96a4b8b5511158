//! A record as a source states it, before the listing model's rules apply: every format's reader
//! (`json_ld.rs`, `jobsuche.rs`) fills a `Draft`, and `listing.rs` validates and maps it. Values
//! are as given (trimmed); what the source leaves out stays `None` or empty.
use chrono::{DateTime, Utc};

use super::input::Findings;
use crate::jobs::model::Salary;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// The ad's id at its source (JSON-LD `identifier`, else its `url`; Jobsuche `refnr`).
    pub external_id: Option<String>,
    /// The ad's page at its source.
    pub url: Option<String>,
    pub title: Option<String>,
    /// HTML or plain text as given; sanitised when mapped.
    pub description: Option<String>,
    pub date_posted: Option<DateTime<Utc>>,
    pub valid_through: Option<DateTime<Utc>>,
    pub employer: Option<DraftEmployer>,
    /// Every place the ad names, first the main one.
    pub places: Vec<DraftPlace>,
    /// The job can be done from anywhere (JSON-LD `jobLocationType: TELECOMMUTE`).
    pub telecommute: bool,
    /// Where a remote worker must live (`applicantLocationRequirements`), as names.
    pub applicant_locations: Vec<String>,
    /// Employment types as given (`FULL_TIME`, `Teilzeit`, …).
    pub employment_types: Vec<String>,
    /// The occupation as the source names it (JSON-LD `occupationalCategory`, Jobsuche `beruf`).
    pub occupations: Vec<String>,
    /// A KldB 2010 code when the source gives one.
    pub kldb: Option<String>,
    pub salary: Option<Salary>,
    pub apply_url: Option<String>,
    pub apply_email: Option<String>,
    /// JSON-LD `directApply`: applying happens on the ad's own page.
    pub direct_apply: Option<bool>,
    /// What the Jobsuche says outright (it beats words in the text).
    pub stated: Stated,
}

/// Facts some sources state as fields rather than in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stated {
    /// A fixed-term contract (`Some(false)`: permanent).
    pub fixed_term: Option<bool>,
    /// Marginal employment (Minijob).
    pub mini_job: bool,
    /// An apprenticeship (Ausbildung) rather than a job.
    pub apprenticeship: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftEmployer {
    pub name: String,
    /// Its own website (JSON-LD `sameAs` or `url` of the organisation).
    pub website: Option<String>,
}

/// A place as an ad gives it: any of its parts may be missing.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DraftPlace {
    pub street: Option<String>,
    pub postal_code: Option<String>,
    pub locality: Option<String>,
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 when given that way (`DE`), else as written.
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl DraftPlace {
    /// Whether the place says anything that can be found on a map.
    pub fn is_locatable(&self) -> bool {
        self.postal_code.is_some() || self.locality.is_some() || (self.lat.is_some() && self.lon.is_some())
    }

    /// Coordinates out of range are an error; one without the other is dropped with a warning.
    pub fn check_coordinates(&mut self, path: &str, f: &mut Findings) {
        match (self.lat, self.lon) {
            (Some(lat), Some(lon)) if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) => {
                f.error(path, format!("Koordinaten außerhalb des Erdballs ({lat}, {lon})"));
                (self.lat, self.lon) = (None, None);
            }
            (Some(_), None) | (None, Some(_)) => {
                f.warn(path, "nur eine Koordinate angegeben; weggelassen");
                (self.lat, self.lon) = (None, None);
            }
            _ => {}
        }
    }
}
