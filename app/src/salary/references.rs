//! Reference statistics published elsewhere, shipped in `content/salary-references.json`.
//! Each row names its source, year, region, statistic and who is counted.
use std::sync::LazyLock;

use super::model::Reference;

static REFERENCES: LazyLock<Result<Vec<Reference>, String>> = LazyLock::new(|| {
    serde_json::from_str(include_str!("../../../content/salary-references.json"))
        .map_err(|e| format!("content/salary-references.json: {e}"))
});

/// Every reference row (checked at start by `check`, so this never fails in a running server).
pub fn all() -> Vec<Reference> {
    REFERENCES.as_ref().cloned().unwrap_or_default()
}

/// Fails with a clear message when the data file does not parse.
pub fn check() -> Result<usize, String> {
    REFERENCES.as_ref().map(Vec::len).map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses_and_holds_the_published_figures() {
        assert_eq!(check(), Ok(8));
        let rows = all();
        let has = |source: &str, statistic: &str, from: u32| {
            rows.iter().any(|r| r.source.contains(source) && r.statistic == statistic && r.from == from)
        };
        assert!(has("Jobportal", "Spanne", 2300));
        assert!(rows.iter().any(|r| r.from == 2300 && r.to == Some(2900) && r.region == "Bochum"));
        assert!(has("Jobportal", "ab", 3100));
        assert!(has("gehaltsvergleich.com", "1. Quartil", 2129));
        assert!(has("gehaltsvergleich.com", "Mittelwert", 2504));
        assert!(has("gehaltsvergleich.com", "3. Quartil", 3001));
        assert!(has("WSI-Lohnspiegel", "Median", 2650));
        assert!(has("WSI-Lohnspiegel", "Median", 3190));
        assert!(rows.iter().any(|r| r.from == 3170 && r.region == "Nordrhein-Westfalen"));
        for r in &rows {
            assert!(![&r.source, &r.year, &r.region, &r.who, &r.definition].iter().any(|s| s.is_empty()), "{r:?}");
            assert!(r.to.is_none_or(|to| to > r.from), "{r:?}");
        }
    }
}
