//! Charts drawn as SVG by the app (no chart library), each followed by a visible data table with
//! the same numbers for screen readers and keyboard users.
use leptos::prelude::*;

use super::model::Group;
use super::stats::{Bin, Figures};
use crate::ui::ColumnHeads;
use crate::ui::format::format_eur;

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 170.0;
const ROW_HEIGHT: f64 = 34.0;
const AXIS_HEIGHT: f64 = 26.0;
const HISTOGRAM_HEIGHT: f64 = 200.0;

/// A euro figure, or a dash where there is none.
pub fn eur(v: Option<u32>) -> String {
    v.map(format_eur).unwrap_or_else(|| "–".into())
}

/// A round tick step for a euro range, about five ticks.
fn tick_step(lo: u32, hi: u32) -> u32 {
    let span = hi.saturating_sub(lo).max(1);
    [100, 250, 500, 1000, 2000, 5000].into_iter().find(|s| span / s <= 6).unwrap_or(10_000)
}

fn px(v: f64) -> String {
    format!("{v:.1}")
}

/// The histogram of monthly salaries, with its table.
#[component]
pub fn Histogram(bins: Vec<Bin>) -> impl IntoView {
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
    let bars = bins.iter().enumerate().map(|(i, b)| {
        let bar = f64::from(b.count) / f64::from(max) * HISTOGRAM_HEIGHT;
        let x = 10.0 + i as f64 * bar_width;
        view! {
            <rect class="bar" data-testid="histogram-bar" data-count=b.count x=px(x + 1.0) y=px(HISTOGRAM_HEIGHT - bar)
                width=px((bar_width - 2.0).max(1.0)) height=px(bar)></rect>
            {(i % label_every == 0).then(|| view! {
                <text class="axis" x=px(x) y=HISTOGRAM_HEIGHT + 18.0>{format_eur(b.from)}</text>
            })}
        }
    });
    let rows = bins.iter().map(|b| {
        view! {
            <tr data-testid="histogram-row">
                <th scope="row">{format!("{} bis unter {}", format_eur(b.from), format_eur(b.to))}</th>
                <td data-testid="histogram-count">{b.count}</td>
            </tr>
        }
    });
    view! {
        <figure class="chart" data-testid="histogram">
            <svg viewBox=format!("0 0 {WIDTH} {}", HISTOGRAM_HEIGHT + AXIS_HEIGHT) role="img" aria-label=summary>
                <line class="baseline" x1="10" x2=WIDTH - 10.0 y1=HISTOGRAM_HEIGHT y2=HISTOGRAM_HEIGHT></line>
                {bars.collect_view()}
            </svg>
            <figcaption>"Verteilung der Monatsgehälter (Anzahl Anzeigen je Gehaltsstufe)"</figcaption>
            <table class="data-table" data-testid="histogram-table">
                <caption class="visually-hidden">"Verteilung der Monatsgehälter als Tabelle"</caption>
                <ColumnHeads names=&["Gehalt brutto / Monat", "Anzeigen"]/>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </figure>
    }
}

/// Where a euro value sits on a box plot's axis from `lo` to `hi`.
struct Axis {
    lo: u32,
    hi: u32,
    step: u32,
}

impl Axis {
    fn of(groups: &[Group]) -> Self {
        let shown = || groups.iter().filter(|g| g.figures.shown());
        let lo = shown().filter_map(|g| g.figures.whisker_low).min().unwrap_or(0);
        let hi = shown().filter_map(|g| g.figures.whisker_high).max().unwrap_or(lo + 1000);
        let step = tick_step(lo, hi);
        Axis { lo: lo / step * step, hi: hi.div_ceil(step).max(lo / step + 1) * step, step }
    }

    fn x(&self, v: u32) -> f64 {
        LABEL_WIDTH + f64::from(v.saturating_sub(self.lo)) / f64::from(self.hi - self.lo) * (WIDTH - LABEL_WIDTH - 16.0)
    }
}

/// One group's box, whiskers and median, or a note that it has too few salaries.
fn boxplot_row(axis: &Axis, f: &Figures, mid: f64, y: f64) -> AnyView {
    let (Some(low), Some(q1), Some(median), Some(q3), Some(high)) =
        (f.whisker_low, f.p25, f.median, f.p75, f.whisker_high)
    else {
        return view! { <text class="too-few" x=LABEL_WIDTH + 4.0 y=mid + 5.0>{format!("zu wenige Angaben ({})", f.n)}</text> }
            .into_any();
    };
    let line = |x1: f64, x2: f64, y1: f64, y2: f64| {
        view! { <line class="whisker" x1=px(x1) x2=px(x2) y1=px(y1) y2=px(y2)></line> }
    };
    let x = |v| axis.x(v);
    view! {
        {line(x(low), x(q1), mid, mid)}
        {line(x(q3), x(high), mid, mid)}
        {line(x(low), x(low), mid - 6.0, mid + 6.0)}
        {line(x(high), x(high), mid - 6.0, mid + 6.0)}
        <rect class="box" x=px(x(q1)) y=px(y + 7.0) width=px((x(q3) - x(q1)).max(1.0)) height=px(ROW_HEIGHT - 14.0)></rect>
        <line class="median" data-testid="box-median" data-value=median x1=px(x(median)) x2=px(x(median))
            y1=px(y + 5.0) y2=px(y + ROW_HEIGHT - 5.0)></line>
    }
    .into_any()
}

/// Box plots (whiskers, quartile box, median) of one breakdown, with their table; each group's row
/// links to `links[i]` (the explorer with that group's value chosen).
#[component]
pub fn BoxPlots(id: &'static str, title: &'static str, groups: Vec<Group>, links: Vec<String>) -> impl IntoView {
    let axis = Axis::of(&groups);
    let axis_y = groups.len() as f64 * ROW_HEIGHT;
    let ticks = (axis.lo..=axis.hi).step_by(axis.step as usize).map(|t| {
        let x = px(axis.x(t));
        view! {
            <line class="grid" x1=x.clone() x2=x.clone() y1="0" y2=axis_y></line>
            <text class="axis" x=x y=axis_y + 18.0 text-anchor="middle">{format_eur(t)}</text>
        }
    });
    let boxes = groups.iter().enumerate().map(|(i, g)| {
        let (y, mid) = (i as f64 * ROW_HEIGHT, i as f64 * ROW_HEIGHT + ROW_HEIGHT / 2.0);
        view! {
            <g class:selected=g.selected>
                <text class="label" x=LABEL_WIDTH - 8.0 y=mid + 5.0 text-anchor="end">{g.label.clone()}</text>
                {boxplot_row(&axis, &g.figures, mid, y)}
            </g>
        }
    });
    let rows = groups.iter().zip(links).map(|(g, href)| {
        let f = g.figures;
        let range = match (f.whisker_low, f.whisker_high) {
            (Some(a), Some(b)) => format!("{} bis {}", format_eur(a), format_eur(b)),
            _ => "zu wenige Angaben".into(),
        };
        view! {
            <tr class:selected=g.selected data-testid="boxplot-row" data-key=g.key.clone()>
                <th scope="row"><a href=href>{g.label.clone()}</a></th>
                <td>{f.n}</td>
                <td>{eur(f.p25)}</td>
                <td data-testid="boxplot-median">{eur(f.median)}</td>
                <td>{eur(f.p75)}</td>
                <td>{range}</td>
            </tr>
        }
    });
    view! {
        <section class="chart-section" aria-labelledby=format!("{id}-heading") data-testid=format!("boxplot-{id}")>
            <h3 id=format!("{id}-heading")>{title}</h3>
            <figure class="chart">
                <svg viewBox=format!("0 0 {WIDTH} {}", axis_y + AXIS_HEIGHT) role="img"
                    aria-label=format!("Box-Plots {title}; die Tabelle darunter nennt alle Werte.")>
                    {ticks.collect_view()}
                    {boxes.collect_view()}
                </svg>
                <table class="data-table">
                    <caption class="visually-hidden">{format!("{title} als Tabelle")}</caption>
                    <ColumnHeads names=&["Gruppe", "Anzeigen", "Unteres Quartil", "Median", "Oberes Quartil", "Whisker (ohne Ausreißer)"]/>
                    <tbody>{rows.collect_view()}</tbody>
                </table>
            </figure>
        </section>
    }
}
