//! Charts drawn as SVG by the app (no chart library), each followed by a visible data table
//! with the same numbers for screen readers and keyboard users.
use leptos::prelude::*;

use super::model::Group;
use super::stats::Bin;
use crate::ui::format::format_eur;

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 170.0;
const ROW_HEIGHT: f64 = 34.0;
const AXIS_HEIGHT: f64 = 26.0;

fn eur(v: Option<u32>) -> String {
    v.map(format_eur).unwrap_or_else(|| "–".into())
}

/// A round tick step for a euro range, about five ticks.
fn tick_step(lo: u32, hi: u32) -> u32 {
    let span = hi.saturating_sub(lo).max(1);
    [100, 250, 500, 1000, 2000, 5000].into_iter().find(|s| span / s <= 6).unwrap_or(10_000)
}

/// The histogram of monthly salaries, with its table.
#[component]
pub fn Histogram(bins: Vec<Bin>) -> impl IntoView {
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
    let bars = bins
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let h = f64::from(b.count) / f64::from(max) * height;
            let x = 10.0 + i as f64 * bar_width;
            let label = (i % label_every == 0).then(|| {
                view! { <text class="axis" x=x y=height + 18.0>{format_eur(b.from)}</text> }
            });
            view! {
                <rect class="bar" data-testid="histogram-bar" data-count=b.count x=x + 1.0 y=height - h
                    width=(bar_width - 2.0).max(1.0) height=h></rect>
                {label}
            }
        })
        .collect_view();
    view! {
        <figure class="chart" data-testid="histogram">
            <svg viewBox=format!("0 0 {WIDTH} {}", height + AXIS_HEIGHT) role="img" aria-label=summary>
                <line class="baseline" x1="10" x2=WIDTH - 10.0 y1=height y2=height></line>
                {bars}
            </svg>
            <figcaption>"Verteilung der Monatsgehälter (Anzahl Anzeigen je Gehaltsstufe)"</figcaption>
            <table class="data-table" data-testid="histogram-table">
                <caption class="visually-hidden">"Verteilung der Monatsgehälter als Tabelle"</caption>
                <thead><tr><th scope="col">"Gehalt brutto / Monat"</th><th scope="col">"Anzeigen"</th></tr></thead>
                <tbody>
                    {bins.into_iter().map(|b| view! {
                        <tr data-testid="histogram-row">
                            <th scope="row">{format!("{} bis unter {}", format_eur(b.from), format_eur(b.to))}</th>
                            <td data-testid="histogram-count">{b.count}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
}

/// Box plots (whiskers, quartile box, median) of one breakdown, with their table.
/// `href` gives the link that chooses a group's value.
#[component]
pub fn BoxPlots(
    id: &'static str,
    title: &'static str,
    groups: Vec<Group>,
    href: impl Fn(&str) -> String + 'static,
) -> impl IntoView {
    let shown: Vec<&Group> = groups.iter().filter(|g| g.figures.shown()).collect();
    let lo = shown.iter().filter_map(|g| g.figures.whisker_low).min().unwrap_or(0);
    let hi = shown.iter().filter_map(|g| g.figures.whisker_high).max().unwrap_or(lo + 1000);
    let step = tick_step(lo, hi);
    let (lo, hi) = (lo / step * step, hi.div_ceil(step).max(lo / step + 1) * step);
    let x = move |v: u32| LABEL_WIDTH + f64::from(v - lo) / f64::from(hi - lo) * (WIDTH - LABEL_WIDTH - 16.0);
    let height = groups.len() as f64 * ROW_HEIGHT + AXIS_HEIGHT;
    let axis_y = groups.len() as f64 * ROW_HEIGHT;
    let ticks = (lo..=hi)
        .step_by(step as usize)
        .map(|t| {
            view! {
                <line class="grid" x1=x(t) x2=x(t) y1="0" y2=axis_y></line>
                <text class="axis" x=x(t) y=axis_y + 18.0 text-anchor="middle">{format_eur(t)}</text>
            }
        })
        .collect_view();
    let rows = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let y = i as f64 * ROW_HEIGHT;
            let mid = y + ROW_HEIGHT / 2.0;
            let f = g.figures;
            let body = match (f.whisker_low, f.p25, f.median, f.p75, f.whisker_high) {
                (Some(wl), Some(q1), Some(m), Some(q3), Some(wh)) => view! {
                    <line class="whisker" x1=x(wl) x2=x(q1) y1=mid y2=mid></line>
                    <line class="whisker" x1=x(q3) x2=x(wh) y1=mid y2=mid></line>
                    <line class="whisker" x1=x(wl) x2=x(wl) y1=mid - 6.0 y2=mid + 6.0></line>
                    <line class="whisker" x1=x(wh) x2=x(wh) y1=mid - 6.0 y2=mid + 6.0></line>
                    <rect class="box" x=x(q1) y=y + 7.0 width=(x(q3) - x(q1)).max(1.0) height=ROW_HEIGHT - 14.0></rect>
                    <line class="median" data-testid="box-median" data-value=m x1=x(m) x2=x(m) y1=y + 5.0 y2=y + ROW_HEIGHT - 5.0></line>
                }
                .into_any(),
                _ => view! {
                    <text class="too-few" x=LABEL_WIDTH + 4.0 y=mid + 5.0>
                        {format!("zu wenige Angaben ({})", f.n)}
                    </text>
                }
                .into_any(),
            };
            view! {
                <g class:selected=g.selected>
                    <text class="label" x=LABEL_WIDTH - 8.0 y=mid + 5.0 text-anchor="end">{g.label.clone()}</text>
                    {body}
                </g>
            }
        })
        .collect_view();
    let summary = format!("Box-Plots {title}; die Tabelle darunter nennt alle Werte.");
    let heading = format!("{id}-heading");
    view! {
        <section class="chart-section" aria-labelledby=heading.clone() data-testid=format!("boxplot-{id}")>
            <h3 id=heading.clone()>{title}</h3>
            <figure class="chart">
                <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=summary>
                    {ticks}
                    {rows}
                </svg>
                <table class="data-table">
                    <caption class="visually-hidden">{format!("{title} als Tabelle")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Gruppe"</th>
                            <th scope="col">"Anzeigen"</th>
                            <th scope="col">"Unteres Quartil"</th>
                            <th scope="col">"Median"</th>
                            <th scope="col">"Oberes Quartil"</th>
                            <th scope="col">"Whisker (ohne Ausreißer)"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {groups.iter().map(|g| {
                            let f = g.figures;
                            let range = match (f.whisker_low, f.whisker_high) {
                                (Some(a), Some(b)) => format!("{} bis {}", format_eur(a), format_eur(b)),
                                _ => "zu wenige Angaben".into(),
                            };
                            view! {
                                <tr class:selected=g.selected data-testid="boxplot-row" data-key=g.key.clone()>
                                    <th scope="row"><a href=href(&g.key)>{g.label.clone()}</a></th>
                                    <td>{f.n}</td>
                                    <td>{eur(f.p25)}</td>
                                    <td data-testid="boxplot-median">{eur(f.median)}</td>
                                    <td>{eur(f.p75)}</td>
                                    <td>{range}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </figure>
        </section>
    }
}
