//! schema.org `JobPosting` data for search engines (Google's required and recommended properties).
use serde_json::json;

use super::model::{Contract, JobDetail, Offer, Remote, SalarySource, SalaryUnit, WorkingTime};

/// Google's employmentType values for a listing.
pub fn employment_types(d: &JobDetail) -> Vec<&'static str> {
    let mut types: Vec<&'static str> = match d.summary.offer {
        Offer::Internship => vec!["INTERN"],
        Offer::Freelance => vec!["CONTRACTOR"],
        _ => d
            .summary
            .working_time
            .iter()
            .map(|w| match w {
                WorkingTime::FullTime => "FULL_TIME",
                WorkingTime::PartTime | WorkingTime::MiniJob => "PART_TIME",
            })
            .collect(),
    };
    if d.contract == Contract::FixedTerm && !types.contains(&"INTERN") {
        types.push("TEMPORARY");
    }
    types.dedup();
    types
}

/// The JSON-LD text, safe to place inside `<script>` (no `<` characters). `base_url` (scheme and
/// host, no trailing slash) makes the `url` property absolute; empty leaves it out.
pub fn job_posting(d: &JobDetail, base_url: &str) -> String {
    let job = &d.summary;
    let mut v = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": d.description_html,
        "datePosted": job.posted_at.to_rfc3339(),
        "validThrough": d.valid_through.to_rfc3339(),
        "employmentType": employment_types(d),
        "hiringOrganization": { "@type": "Organization", "name": job.employer },
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": job.city,
                "addressRegion": "Nordrhein-Westfalen",
                "addressCountry": "DE"
            },
            "geo": { "@type": "GeoCoordinates", "latitude": d.lat, "longitude": d.lon }
        },
        "identifier": { "@type": "PropertyValue", "name": "Revierjobs", "value": job.id.to_string() },
        "directApply": false,
    });
    if !base_url.is_empty() {
        v["url"] = json!(format!("{base_url}{}", job.href()));
    }
    if let Some(s) = job.salary.as_ref().filter(|s| s.source == SalarySource::Employer) {
        let unit = match s.unit {
            SalaryUnit::Month => "MONTH",
            SalaryUnit::Year => "YEAR",
            SalaryUnit::Hour => "HOUR",
        };
        v["baseSalary"] = json!({
            "@type": "MonetaryAmount",
            "currency": s.currency,
            "value": { "@type": "QuantitativeValue", "minValue": s.min, "maxValue": s.max, "unitText": unit }
        });
    }
    if job.remote == Remote::Remote {
        v["jobLocationType"] = json!("TELECOMMUTE");
        v["applicantLocationRequirements"] = json!({ "@type": "Country", "name": "Deutschland" });
    }
    v.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::model::{EmployerType, Experience, JobSummary, Salary};
    use chrono::{TimeZone, Utc};
    use serde_json::Value;

    fn detail() -> JobDetail {
        JobDetail {
            summary: JobSummary {
                id: 7,
                title: "Medienassistent/in".into(),
                employer: "Zeche GmbH".into(),
                employer_type: EmployerType::Sme,
                city: "Bochum".into(),
                working_time: vec![WorkingTime::FullTime, WorkingTime::PartTime],
                offer: Offer::Employment,
                remote: Remote::Remote,
                salary: Some(Salary {
                    min: 2400,
                    max: 2800,
                    unit: SalaryUnit::Month,
                    currency: "EUR".into(),
                    source: SalarySource::Employer,
                }),
                posted_at: Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap(),
                source: "import".into(),
                distance_km: None,
                comparison: None,
            },
            profession: "Medienassistent/in".into(),
            profession_slug: "medienassistent".into(),
            city_slug: "bochum".into(),
            lat: 51.48,
            lon: 7.21,
            description_html: "<p>Hallo</script></p>".into(),
            contract: Contract::FixedTerm,
            experience: Experience::Entry,
            skills: vec![],
            valid_through: Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap(),
            apply_url: None,
            apply_email: None,
            expired: false,
            json_ld: None,
            similar: vec![],
        }
    }

    #[test]
    fn has_the_required_properties() {
        let text = job_posting(&detail(), "https://revierjobs.de");
        assert!(!text.contains('<'), "no way to close the script element");
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["@type"], "JobPosting");
        assert_eq!(v["title"], "Medienassistent/in");
        assert_eq!(v["description"], "<p>Hallo</script></p>");
        assert_eq!(v["datePosted"], "2026-11-20T08:00:00+00:00");
        assert_eq!(v["hiringOrganization"]["name"], "Zeche GmbH");
        assert_eq!(v["jobLocation"]["address"]["addressLocality"], "Bochum");
        assert_eq!(v["jobLocation"]["geo"]["latitude"], 51.48);
        assert_eq!(v["employmentType"], json!(["FULL_TIME", "PART_TIME", "TEMPORARY"]));
        assert_eq!(v["baseSalary"]["value"]["unitText"], "MONTH");
        assert_eq!(v["jobLocationType"], "TELECOMMUTE");
        assert_eq!(v["url"], "https://revierjobs.de/jobs/7-medienassistent-in-bochum");
    }

    #[test]
    fn estimates_are_not_published_as_base_salary_and_on_site_is_not_telecommute() {
        let mut d = detail();
        d.summary.salary.as_mut().unwrap().source = SalarySource::Estimate;
        d.summary.remote = Remote::Hybrid;
        let v: Value = serde_json::from_str(&job_posting(&d, "")).unwrap();
        assert!(v.get("baseSalary").is_none());
        assert!(v.get("jobLocationType").is_none());
    }

    #[test]
    fn internships_and_freelance_map_to_their_types() {
        let mut d = detail();
        d.summary.offer = Offer::Internship;
        assert_eq!(employment_types(&d), vec!["INTERN"]);
        d.summary.offer = Offer::Freelance;
        d.contract = Contract::Permanent;
        assert_eq!(employment_types(&d), vec!["CONTRACTOR"]);
    }
}
