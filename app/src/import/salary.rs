//! `baseSalary` as job ads write it, onto the listing model's [`Salary`] (gross, whole euros of its
//! unit, rounded). The rules, as the README states them:
//! - a number, a `MonetaryAmount` whose `value` is a number or a `QuantitativeValue` (`value`, or
//!   `minValue`/`maxValue`), or such an amount at the `MonetaryAmount` itself;
//! - `unitText` HOUR, DAY, WEEK, MONTH or YEAR in any case; without one the size decides: below 200
//!   an hourly wage, from 15,000 a yearly salary, else a monthly one;
//! - an amount may be a German string: `€`/`EUR` and spaces are dropped, dots group thousands, a
//!   comma is the decimal mark (`"3.000 €"` = 3000, `"2.950,50"` = 2950.5); anything else
//!   (`"3,000"`, `"ca. 3000"`, `"VB"`, `"3000-3500"`) is an error naming the field;
//! - the currency must be EUR (an absent one is taken as EUR).
use serde_json::Value;

use super::input::Findings;
use super::read::{field, kind, text};
use crate::jobs::model::{Salary, SalarySource, SalaryUnit};

/// The salary `value` states; `None` when absent or wrong (then `findings` says why).
pub fn base_salary(value: Option<&Value>, path: &str, findings: &mut Findings) -> Option<Salary> {
    let value = value.filter(|v| !v.is_null())?;
    let errors_before = findings.errors.len();
    let (range, unit) = match value {
        Value::Object(amount) => {
            if let Some(currency) = text(amount.get("currency"), &field(path, "currency"), findings)
                && !currency.eq_ignore_ascii_case("EUR")
            {
                findings
                    .error(field(path, "currency"), format!("nur Euro (EUR) werden angenommen, nicht „{currency}“"));
            }
            let inner = amount.get("value");
            let quantity = match inner {
                Some(Value::Object(q)) => Some((q, field(path, "value"))),
                _ => None,
            };
            let (range, unit_at) = match quantity {
                Some((q, at)) => (range_of(q, &at, findings), q.get("unitText").map(|u| (u, field(&at, "unitText")))),
                None if inner.is_some() => {
                    let single = amount_of(inner, &field(path, "value"), findings);
                    (single.map(|v| (v, v)), amount.get("unitText").map(|u| (u, field(path, "unitText"))))
                }
                None => {
                    (range_of(amount, path, findings), amount.get("unitText").map(|u| (u, field(path, "unitText"))))
                }
            };
            let unit = unit_at.and_then(|(u, at)| unit_of(u, &at, findings));
            (range, unit)
        }
        Value::Number(_) | Value::String(_) => (amount_of(Some(value), path, findings).map(|v| (v, v)), None),
        other => {
            findings.error(path, format!("erwartet eine Zahl oder ein MonetaryAmount, gefunden {}", kind(other)));
            return None;
        }
    };
    if findings.errors.len() > errors_before {
        return None;
    }
    let (min, max) = range?;
    if min <= 0.0 || max < min {
        findings.error(path, format!("keine gültige Spanne ({min} bis {max})"));
        return None;
    }
    let unit = unit.unwrap_or_else(|| unit_by_size(max));
    let whole = |v: f64| v.round().min(f64::from(u32::MAX)) as u32;
    Some(Salary {
        min: whole(min).max(1),
        max: whole(max).max(1),
        unit,
        currency: "EUR".to_owned(),
        source: SalarySource::Employer,
    })
}

/// `minValue`/`maxValue` (either alone is both) or `value` of a quantity.
fn range_of(q: &serde_json::Map<String, Value>, path: &str, findings: &mut Findings) -> Option<(f64, f64)> {
    let min = amount_of(q.get("minValue"), &field(path, "minValue"), findings);
    let max = amount_of(q.get("maxValue"), &field(path, "maxValue"), findings);
    let single = amount_of(q.get("value"), &field(path, "value"), findings);
    match (min, max, single) {
        (Some(min), Some(max), _) => Some((min, max)),
        (Some(one), None, _) | (None, Some(one), _) => Some((one, one)),
        (None, None, Some(one)) => Some((one, one)),
        (None, None, None) => None,
    }
}

fn unit_of(value: &Value, path: &str, findings: &mut Findings) -> Option<SalaryUnit> {
    let written = text(Some(value), path, findings)?;
    match written.to_ascii_uppercase().as_str() {
        "HOUR" => Some(SalaryUnit::Hour),
        "DAY" => Some(SalaryUnit::Day),
        "WEEK" => Some(SalaryUnit::Week),
        "MONTH" => Some(SalaryUnit::Month),
        "YEAR" => Some(SalaryUnit::Year),
        _ => {
            findings.error(path, format!("„{written}“ ist keine Einheit (HOUR, DAY, WEEK, MONTH oder YEAR)"));
            None
        }
    }
}

/// The unit an amount without one most likely has.
fn unit_by_size(amount: f64) -> SalaryUnit {
    if amount < 200.0 {
        SalaryUnit::Hour
    } else if amount >= 15_000.0 {
        SalaryUnit::Year
    } else {
        SalaryUnit::Month
    }
}

/// A number, or a string that [`german_amount`] reads.
fn amount_of(value: Option<&Value>, path: &str, findings: &mut Findings) -> Option<f64> {
    match value {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_f64().filter(|v| v.is_finite()),
        Some(Value::String(s)) => german_amount(s).map_err(|why| findings.error(path, why)).ok(),
        Some(other) => {
            findings.error(path, format!("erwartet einen Betrag, gefunden {}", kind(other)));
            None
        }
    }
}

/// A German amount: `€`/`EUR` and spaces dropped, dots group thousands (in threes), a comma is the
/// decimal mark with one or two digits after it.
pub fn german_amount(written: &str) -> Result<f64, String> {
    let unclear = || Err(format!("„{}“ ist kein eindeutiger Betrag (z. B. 3.000 oder 2.950,50)", written.trim()));
    let bare: String = written
        .replace("EUR", "")
        .replace('€', "")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202F}')
        .collect();
    let (whole, cents) = match bare.split_once(',') {
        Some((whole, cents)) if (1..=2).contains(&cents.len()) && cents.bytes().all(|b| b.is_ascii_digit()) => {
            (whole, Some(cents))
        }
        Some(_) => return unclear(),
        None => (bare.as_str(), None),
    };
    let groups: Vec<&str> = whole.split('.').collect();
    let grouped = groups.len() > 1;
    let well_formed = !groups[0].is_empty()
        && groups[0].len() <= if grouped { 3 } else { 9 }
        && groups.iter().all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    if !well_formed {
        return unclear();
    }
    let digits: String = groups.concat();
    let value: f64 = format!("{digits}.{}", cents.unwrap_or("0")).parse().map_err(|_| ()).or_else(|()| unclear())?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::input::At;
    use serde_json::json;

    fn read(value: Value) -> Result<Salary, Vec<String>> {
        let mut findings = Findings::new(At::Record(0));
        let salary = base_salary(Some(&value), "baseSalary", &mut findings);
        match salary {
            Some(s) if findings.errors.is_empty() => Ok(s),
            _ => Err(findings.errors.iter().map(|p| format!("{}: {}", p.path, p.message)).collect()),
        }
    }

    fn range(s: &Salary) -> (u32, u32, SalaryUnit) {
        (s.min, s.max, s.unit)
    }

    #[test]
    fn german_amounts_group_with_dots_and_decimal_with_a_comma() {
        assert_eq!(german_amount("3.000 €"), Ok(3000.0));
        assert_eq!(german_amount("2.950,50"), Ok(2950.5));
        assert_eq!(german_amount("EUR 45.000"), Ok(45000.0));
        assert_eq!(german_amount("13,5"), Ok(13.5));
        assert_eq!(german_amount("1.234.567"), Ok(1_234_567.0));
        for unclear in ["3,000", "ca. 3000", "VB", "3000-3500", "", "3.00", "30.000.00", ".500", "1,2,3", "3 000,"] {
            assert!(german_amount(unclear).is_err(), "{unclear}");
        }
    }

    #[test]
    fn every_documented_shape_is_read() {
        assert_eq!(range(&read(json!(3200)).unwrap()), (3200, 3200, SalaryUnit::Month));
        assert_eq!(range(&read(json!("45.000 €")).unwrap()), (45000, 45000, SalaryUnit::Year));
        assert_eq!(range(&read(json!(14.5)).unwrap()), (15, 15, SalaryUnit::Hour));
        let quantity = json!({"@type": "MonetaryAmount", "currency": "EUR",
            "value": {"@type": "QuantitativeValue", "minValue": 2800, "maxValue": "3.400", "unitText": "month"}});
        assert_eq!(range(&read(quantity).unwrap()), (2800, 3400, SalaryUnit::Month));
        let single = json!({"currency": "EUR", "value": {"value": "2.950,50", "unitText": "MONTH"}});
        assert_eq!(range(&read(single).unwrap()), (2951, 2951, SalaryUnit::Month));
        let flat = json!({"currency": "EUR", "minValue": 40000, "maxValue": 48000, "unitText": "YEAR"});
        assert_eq!(range(&read(flat).unwrap()), (40000, 48000, SalaryUnit::Year));
        let number_value = json!({"currency": "EUR", "value": 180, "unitText": "DAY"});
        assert_eq!(range(&read(number_value).unwrap()), (180, 180, SalaryUnit::Day));
        let weekly = json!({"value": {"value": 700, "unitText": "WEEK"}});
        assert_eq!(range(&read(weekly).unwrap()).2, SalaryUnit::Week);
    }

    #[test]
    fn wrong_currency_unit_or_amount_is_an_error_naming_the_field() {
        let dollars = json!({"currency": "USD", "value": {"value": 3000, "unitText": "MONTH"}});
        assert_eq!(read(dollars).unwrap_err(), ["baseSalary.currency: nur Euro (EUR) werden angenommen, nicht „USD“"]);
        let unit = json!({"currency": "EUR", "value": {"value": 3000, "unitText": "MONAT"}});
        assert!(read(unit).unwrap_err()[0].starts_with("baseSalary.value.unitText: „MONAT“ ist keine Einheit"));
        let text = json!({"value": {"minValue": "ca. 3000", "unitText": "MONTH"}});
        assert!(read(text).unwrap_err()[0].starts_with("baseSalary.value.minValue: „ca. 3000“ ist kein eindeutiger"));
        assert!(read(json!("3000-3500")).unwrap_err()[0].starts_with("baseSalary: „3000-3500“"));
        assert!(read(json!([3000])).is_err());
        let backwards = json!({"value": {"minValue": 3000, "maxValue": 2000, "unitText": "MONTH"}});
        assert!(read(backwards).unwrap_err()[0].contains("keine gültige Spanne"));
        assert!(read(json!(0)).is_err());
    }
}
