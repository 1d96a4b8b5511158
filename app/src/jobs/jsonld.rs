//! schema.org `JobPosting` data for search engines (Google's required and recommended properties).
use serde_json::json;

use super::model::{Contract, Listing, Offer, Remote, SalarySource, SalaryUnit, Summary, WorkingTime};

/// Google's employmentType values for a listing.
pub fn employment_types(s: &Summary) -> Vec<&'static str> {
    let mut types: Vec<&'static str> = match s.offer {
        Offer::Internship => vec!["INTERN"],
        Offer::Freelance => vec!["CONTRACTOR"],
        _ => s
            .working_time
            .iter()
            .map(|w| match w {
                WorkingTime::FullTime => "FULL_TIME",
                WorkingTime::PartTime | WorkingTime::MiniJob => "PART_TIME",
            })
            .collect(),
    };
    if s.contract == Contract::FixedTerm && !types.contains(&"INTERN") {
        types.push("TEMPORARY");
    }
    types.dedup();
    types
}

/// The JSON-LD text, safe to place inside `<script>` (no `<` characters). `base_url` (scheme and
/// host, no trailing slash) makes the `url` property absolute; empty leaves it out. The employer's
/// website and the street address are given whenever the listing knows them.
pub fn job_posting(listing: &Listing, base_url: &str) -> String {
    let s = &listing.summary;
    let mut organisation = json!({ "@type": "Organization", "name": s.employer.name });
    if let Some(website) = &s.employer.website {
        organisation["sameAs"] = json!(website);
    }
    let mut address = json!({
        "@type": "PostalAddress",
        "addressLocality": s.location.city,
        "addressCountry": "DE"
    });
    for (key, value) in [
        ("postalCode", &s.location.postal_code),
        ("streetAddress", &s.location.street),
        ("addressRegion", &s.location.region),
    ] {
        if let Some(value) = value {
            address[key] = json!(value);
        }
    }
    let mut v = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": s.title,
        "description": listing.description,
        "datePosted": s.posted_at.to_rfc3339(),
        "validThrough": s.valid_through.to_rfc3339(),
        "employmentType": employment_types(s),
        "hiringOrganization": organisation,
        "jobLocation": {
            "@type": "Place",
            "address": address,
            "geo": { "@type": "GeoCoordinates", "latitude": s.location.lat, "longitude": s.location.lon }
        },
        "identifier": { "@type": "PropertyValue", "name": "Revierjobs", "value": s.id.to_string() },
        "directApply": false,
    });
    if !base_url.is_empty() {
        v["url"] = json!(format!("{base_url}{}", s.href()));
    }
    if let Some(salary) = s.salary.as_ref().filter(|salary| salary.source == SalarySource::Employer) {
        let unit = match salary.unit {
            SalaryUnit::Month => "MONTH",
            SalaryUnit::Year => "YEAR",
            SalaryUnit::Hour => "HOUR",
            SalaryUnit::Day => "DAY",
            SalaryUnit::Week => "WEEK",
        };
        v["baseSalary"] = json!({
            "@type": "MonetaryAmount",
            "currency": salary.currency,
            "value": { "@type": "QuantitativeValue", "minValue": salary.min, "maxValue": salary.max, "unitText": unit }
        });
    }
    if s.remote == Remote::Remote || s.location.is_anywhere() {
        v["jobLocationType"] = json!("TELECOMMUTE");
        v["applicantLocationRequirements"] = json!({ "@type": "Country", "name": "Deutschland" });
    }
    if s.location.is_anywhere() {
        v.as_object_mut().map(|o| o.remove("jobLocation"));
    }
    v.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::model::{Employer, EmployerType, Experience, Location, Salary};
    use chrono::{TimeZone, Utc};
    use serde_json::Value;

    fn listing() -> Listing {
        Listing {
            summary: Summary {
                id: 7,
                title: "Medienassistent/in".into(),
                profession: "medienassistent".into(),
                employer: Employer { name: "Zeche GmbH".into(), kind: EmployerType::Sme, website: None },
                location: Location {
                    city: "Bochum".into(),
                    city_slug: "bochum".into(),
                    postal_code: None,
                    street: None,
                    region: None,
                    lat: 51.48,
                    lon: 7.21,
                },
                working_time: vec![WorkingTime::FullTime, WorkingTime::PartTime],
                offer: Offer::Employment,
                remote: Remote::Remote,
                contract: Contract::FixedTerm,
                experience: Experience::Entry,
                skills: vec![],
                salary: Some(Salary {
                    min: 2400,
                    max: 2800,
                    unit: SalaryUnit::Month,
                    currency: "EUR".into(),
                    source: SalarySource::Employer,
                }),
                posted_at: Utc.with_ymd_and_hms(2026, 11, 20, 8, 0, 0).unwrap(),
                valid_through: Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap(),
                source: "import".into(),
            },
            description: "<p>Hallo</script></p>".into(),
            apply_url: None,
            apply_email: None,
            external_id: "z-7".into(),
        }
    }

    #[test]
    fn has_the_required_properties() {
        let text = job_posting(&listing(), "https://revierjobs.de");
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
        assert!(
            v["hiringOrganization"].get("sameAs").is_none() && v["jobLocation"]["address"].get("postalCode").is_none()
        );
    }

    #[test]
    fn the_employers_website_and_the_full_address_are_given_when_known() {
        let mut l = listing();
        l.summary.employer.website = Some("https://zeche.example".into());
        l.summary.location.postal_code = Some("44787".into());
        l.summary.location.street = Some("Kortumstraße 1".into());
        l.summary.location.region = Some("Nordrhein-Westfalen".into());
        let v: Value = serde_json::from_str(&job_posting(&l, "")).unwrap();
        assert_eq!(v["hiringOrganization"]["sameAs"], "https://zeche.example");
        let address = &v["jobLocation"]["address"];
        assert_eq!((&address["postalCode"], &address["streetAddress"]), (&json!("44787"), &json!("Kortumstraße 1")));
        assert_eq!(address["addressRegion"], "Nordrhein-Westfalen");
        assert!(v.get("url").is_none());
    }

    #[test]
    fn estimates_are_not_published_as_base_salary_and_on_site_is_not_telecommute() {
        let mut l = listing();
        l.summary.salary.as_mut().unwrap().source = SalarySource::Estimate;
        l.summary.remote = Remote::Hybrid;
        let v: Value = serde_json::from_str(&job_posting(&l, "")).unwrap();
        assert!(v.get("baseSalary").is_none());
        assert!(v.get("jobLocationType").is_none());
    }

    #[test]
    fn internships_and_freelance_map_to_their_types() {
        let mut s = listing().summary;
        s.offer = Offer::Internship;
        assert_eq!(employment_types(&s), vec!["INTERN"]);
        s.offer = Offer::Freelance;
        s.contract = Contract::Permanent;
        assert_eq!(employment_types(&s), vec!["CONTRACTOR"]);
    }
}
