//! Charts drawn as SVG by the app (no chart library), each followed by a visible data table with
//! the same numbers for screen readers and keyboard users. They are static markup, built as
//! escaped HTML on the server, so the browser bundle carries none of this code.
use std::fmt::Write;

use super::model::{Group, salary_href};
use super::stats::Bin;
use crate::jobs::model::JobFilter;
use crate::ui::format::format_eur;

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 170.0;
const ROW_HEIGHT: f64 = 34.0;
const AXIS_HEIGHT: f64 = 26.0;

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn eur(v: Option<u32>) -> String {
    v.map(format_eur).unwrap_or_else(|| "–".into())
}

/// A round tick step for a euro range, about five ticks.
fn tick_step(lo: u32, hi: u32) -> u32 {
    let span = hi.saturating_sub(lo).max(1);
    [100, 250, 500, 1000, 2000, 5000].into_iter().find(|s| span / s <= 6).unwrap_or(10_000)
}

/// The histogram of monthly salaries, with its table.
pub fn histogram(bins: &[Bin]) -> String {
    let height = 200.0;
    let max = bins.iter().map(|b| b.count).max().unwrap_or(1).max(1);
    let bar_width = (WIDTH - 20.0) / bins.len().max(1) as f64;
    let label_every = bins.len().div_ceil(8).max(1);
    let total: u32 = bins.iter().map(|b| b.count).sum();
    let summary = format!(
        "Histogramm: {total} Gehälter in {} Stufen von {} bis {}; die Tabelle darunter nennt jede Stufe.",
        bins.len(),
        eur(bins.first().map(|b| b.from)),
        eur(bins.last().map(|b| b.to))
    );
    let mut h = String::new();
    let _ = write!(
        h,
        r#"<figure class="chart" data-testid="histogram"><svg viewBox="0 0 {WIDTH} {}" role="img" aria-label="{}"><line class="baseline" x1="10" x2="{}" y1="{height}" y2="{height}"></line>"#,
        height + AXIS_HEIGHT,
        esc(&summary),
        WIDTH - 10.0
    );
    for (i, b) in bins.iter().enumerate() {
        let bar = f64::from(b.count) / f64::from(max) * height;
        let x = 10.0 + i as f64 * bar_width;
        let _ = write!(
            h,
            r#"<rect class="bar" data-testid="histogram-bar" data-count="{}" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"></rect>"#,
            b.count,
            x + 1.0,
            height - bar,
            (bar_width - 2.0).max(1.0),
            bar
        );
        if i % label_every == 0 {
            let _ = write!(h, r#"<text class="axis" x="{x:.1}" y="{}">{}</text>"#, height + 18.0, format_eur(b.from));
        }
    }
    h.push_str(
        r#"</svg><figcaption>Verteilung der Monatsgehälter (Anzahl Anzeigen je Gehaltsstufe)</figcaption><table class="data-table" data-testid="histogram-table"><caption class="visually-hidden">Verteilung der Monatsgehälter als Tabelle</caption><thead><tr><th scope="col">Gehalt brutto / Monat</th><th scope="col">Anzeigen</th></tr></thead><tbody>"#,
    );
    for b in bins {
        let _ = write!(
            h,
            r#"<tr data-testid="histogram-row"><th scope="row">{} bis unter {}</th><td data-testid="histogram-count">{}</td></tr>"#,
            format_eur(b.from),
            format_eur(b.to),
            b.count
        );
    }
    h.push_str("</tbody></table></figure>");
    h
}

/// Box plots (whiskers, quartile box, median) of one breakdown, with their table. Each group
/// links to the explorer with its value chosen: `set` puts a group's key into `filter`.
pub fn box_plots(id: &str, title: &str, groups: &[Group], filter: &JobFilter, set: fn(&mut JobFilter, &str)) -> String {
    let shown: Vec<&Group> = groups.iter().filter(|g| g.figures.shown()).collect();
    let lo = shown.iter().filter_map(|g| g.figures.whisker_low).min().unwrap_or(0);
    let hi = shown.iter().filter_map(|g| g.figures.whisker_high).max().unwrap_or(lo + 1000);
    let step = tick_step(lo, hi);
    let (lo, hi) = (lo / step * step, hi.div_ceil(step).max(lo / step + 1) * step);
    let x = |v: u32| LABEL_WIDTH + f64::from(v.saturating_sub(lo)) / f64::from(hi - lo) * (WIDTH - LABEL_WIDTH - 16.0);
    let axis_y = groups.len() as f64 * ROW_HEIGHT;
    let mut h = String::new();
    let _ = write!(
        h,
        r#"<section class="chart-section" aria-labelledby="{id}-heading" data-testid="boxplot-{id}"><h3 id="{id}-heading">{}</h3><figure class="chart"><svg viewBox="0 0 {WIDTH} {}" role="img" aria-label="Box-Plots {}; die Tabelle darunter nennt alle Werte.">"#,
        esc(title),
        axis_y + AXIS_HEIGHT,
        esc(title)
    );
    for t in (lo..=hi).step_by(step as usize) {
        let _ = write!(
            h,
            r#"<line class="grid" x1="{0:.1}" x2="{0:.1}" y1="0" y2="{axis_y}"></line><text class="axis" x="{0:.1}" y="{1}" text-anchor="middle">{2}</text>"#,
            x(t),
            axis_y + 18.0,
            format_eur(t)
        );
    }
    for (i, g) in groups.iter().enumerate() {
        let y = i as f64 * ROW_HEIGHT;
        let mid = y + ROW_HEIGHT / 2.0;
        let f = g.figures;
        let _ = write!(
            h,
            r#"<g{}><text class="label" x="{}" y="{}" text-anchor="end">{}</text>"#,
            if g.selected { r#" class="selected""# } else { "" },
            LABEL_WIDTH - 8.0,
            mid + 5.0,
            esc(&g.label)
        );
        match (f.whisker_low, f.p25, f.median, f.p75, f.whisker_high) {
            (Some(wl), Some(q1), Some(m), Some(q3), Some(wh)) => {
                let line = |h: &mut String, class: &str, x1: f64, x2: f64, y1: f64, y2: f64| {
                    let _ = write!(
                        h,
                        r#"<line class="{class}" x1="{x1:.1}" x2="{x2:.1}" y1="{y1:.1}" y2="{y2:.1}"></line>"#
                    );
                };
                line(&mut h, "whisker", x(wl), x(q1), mid, mid);
                line(&mut h, "whisker", x(q3), x(wh), mid, mid);
                line(&mut h, "whisker", x(wl), x(wl), mid - 6.0, mid + 6.0);
                line(&mut h, "whisker", x(wh), x(wh), mid - 6.0, mid + 6.0);
                let _ = write!(
                    h,
                    r#"<rect class="box" x="{bx:.1}" y="{by:.1}" width="{bw:.1}" height="{bh:.1}"></rect><line class="median" data-testid="box-median" data-value="{m}" x1="{mx:.1}" x2="{mx:.1}" y1="{my1:.1}" y2="{my2:.1}"></line>"#,
                    bx = x(q1),
                    by = y + 7.0,
                    bw = (x(q3) - x(q1)).max(1.0),
                    bh = ROW_HEIGHT - 14.0,
                    mx = x(m),
                    my1 = y + 5.0,
                    my2 = y + ROW_HEIGHT - 5.0,
                );
            }
            _ => {
                let _ = write!(
                    h,
                    r#"<text class="too-few" x="{}" y="{}">zu wenige Angaben ({})</text>"#,
                    LABEL_WIDTH + 4.0,
                    mid + 5.0,
                    f.n
                );
            }
        }
        h.push_str("</g>");
    }
    let _ = write!(
        h,
        r#"</svg><table class="data-table"><caption class="visually-hidden">{} als Tabelle</caption><thead><tr><th scope="col">Gruppe</th><th scope="col">Anzeigen</th><th scope="col">Unteres Quartil</th><th scope="col">Median</th><th scope="col">Oberes Quartil</th><th scope="col">Whisker (ohne Ausreißer)</th></tr></thead><tbody>"#,
        esc(title)
    );
    for g in groups {
        let f = g.figures;
        let range = match (f.whisker_low, f.whisker_high) {
            (Some(a), Some(b)) => format!("{} bis {}", format_eur(a), format_eur(b)),
            _ => "zu wenige Angaben".into(),
        };
        let mut next = filter.clone();
        set(&mut next, &g.key);
        let _ = write!(
            h,
            r#"<tr{} data-testid="boxplot-row" data-key="{}"><th scope="row"><a href="{}">{}</a></th><td>{}</td><td>{}</td><td data-testid="boxplot-median">{}</td><td>{}</td><td>{}</td></tr>"#,
            if g.selected { r#" class="selected""# } else { "" },
            esc(&g.key),
            esc(&salary_href(&next)),
            esc(&g.label),
            f.n,
            eur(f.p25),
            eur(f.median),
            eur(f.p75),
            range
        );
    }
    h.push_str("</tbody></table></figure></section>");
    h
}
