//! The cadence chart: one strip per audience along the incident's time axis,
//! with its deadlines, its updates (on time or late), its longest silence and
//! the status changes. Plain SVG text, drawn the same in the app and the export.

use chrono::{DateTime, Utc};

use super::metrics::{CommsMetrics, walk};
use crate::incident::Incident;
use crate::terms::Audience;
use crate::timeline::{EventKind, TimelineEvent};

const WIDTH: f64 = 800.0;
const LEFT: f64 = 130.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 30.0;
const ROW: f64 = 44.0;
/// Below the strips: the status names, then the legend.
const FOOT: f64 = 54.0;

/// Escapes text for SVG content and attributes.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn svg(
    incident: &Incident,
    events: &[TimelineEvent],
    metrics: &CommsMetrics,
    end: DateTime<Utc>,
) -> String {
    let start = incident.started_at;
    let end = incident
        .resolved_at
        .unwrap_or(end)
        .max(start + chrono::Duration::minutes(1));
    let span = (end - start).num_seconds() as f64;
    let x = |t: DateTime<Utc>| {
        let f = ((t - start).num_seconds() as f64 / span).clamp(0.0, 1.0);
        LEFT + f * (WIDTH - LEFT - RIGHT)
    };
    let rows: Vec<Audience> = metrics.audiences.iter().map(|m| m.audience).collect();
    let strips_end = TOP + ROW * rows.len().max(1) as f64;
    let height = strips_end + FOOT;
    let (answered, deadlines) = walk(events);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\" aria-label=\"Cadence chart for {}\">\n",
        escape(&incident.reference())
    );
    out.push_str(&format!(
        "<text x=\"{LEFT}\" y=\"18\">{} → {} UTC</text>\n",
        start.format("%H:%M"),
        end.format("%H:%M")
    ));
    for event in events {
        if let EventKind::StatusChanged { to, .. } = &event.kind {
            let px = x(event.at);
            out.push_str(&format!(
                "<line x1=\"{px:.1}\" y1=\"{TOP}\" x2=\"{px:.1}\" y2=\"{:.1}\" stroke=\"#888\" stroke-dasharray=\"4 3\"><title>{} {}</title></line>\n",
                strips_end + 6.0,
                event.at.format("%H:%M UTC"),
                to.as_str()
            ));
            out.push_str(&format!(
                "<text x=\"{px:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\">{}</text>\n",
                strips_end + 20.0,
                to.as_str()
            ));
        }
    }
    for (row, audience) in rows.iter().enumerate() {
        let y = TOP + ROW * row as f64 + ROW / 2.0;
        out.push_str(&format!(
            "<g data-audience=\"{}\">\n<text x=\"8\" y=\"{:.1}\">{}</text>\n<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#ccc\" stroke-width=\"2\"/>\n",
            audience.as_str(),
            y + 4.0,
            escape(&crate::alerts::capitalised(audience.label())),
            WIDTH - RIGHT
        ));
        // The longest silence, shaded behind the strip.
        let mut marks: Vec<DateTime<Utc>> = vec![start];
        marks.extend(
            answered
                .iter()
                .filter(|a| a.audience == *audience)
                .map(|a| a.at),
        );
        marks.push(end);
        if let Some(gap) = marks.windows(2).max_by_key(|w| w[1] - w[0]) {
            out.push_str(&format!(
                "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"16\" fill=\"#b8600b\" fill-opacity=\"0.15\" data-silence=\"longest\"><title>longest silence {} min</title></rect>\n",
                x(gap[0]),
                y - 8.0,
                (x(gap[1]) - x(gap[0])).max(1.0),
                (gap[1] - gap[0]).num_minutes()
            ));
        }
        for (_, due) in deadlines.iter().filter(|(a, d)| a == audience && *d <= end) {
            let px = x(*due);
            out.push_str(&format!(
                "<line x1=\"{px:.1}\" y1=\"{:.1}\" x2=\"{px:.1}\" y2=\"{:.1}\" stroke=\"#555\" stroke-width=\"2\"><title>due {}</title></line>\n",
                y - 10.0,
                y + 10.0,
                due.format("%H:%M UTC")
            ));
        }
        for update in answered.iter().filter(|a| a.audience == *audience) {
            let (fill, word) = if update.late() {
                ("#a8201a", "late")
            } else {
                ("#24623a", "on time")
            };
            out.push_str(&format!(
                "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"6\" fill=\"{fill}\" data-late=\"{}\"><title>update {} ({word})</title></circle>\n",
                x(update.at),
                update.late(),
                update.at.format("%H:%M UTC")
            ));
        }
        out.push_str("</g>\n");
    }
    legend(&mut out, height - 10.0);
    out.push_str("</svg>\n");
    out
}

/// Says what each mark means, drawn with the same marks as the strips.
fn legend(out: &mut String, y: f64) {
    let top = y - 8.0;
    out.push_str(&format!(
        "<g data-legend=\"\" font-size=\"11\">\n\
         <circle cx=\"{a:.1}\" cy=\"{c:.1}\" r=\"5\" fill=\"#24623a\"/><text x=\"{at:.1}\" y=\"{y:.1}\">update on time</text>\n\
         <circle cx=\"{b:.1}\" cy=\"{c:.1}\" r=\"5\" fill=\"#a8201a\"/><text x=\"{bt:.1}\" y=\"{y:.1}\">update late</text>\n\
         <line x1=\"{d:.1}\" y1=\"{top:.1}\" x2=\"{d:.1}\" y2=\"{bottom:.1}\" stroke=\"#555\" stroke-width=\"2\"/><text x=\"{dt:.1}\" y=\"{y:.1}\">deadline</text>\n\
         <rect x=\"{e:.1}\" y=\"{top:.1}\" width=\"16\" height=\"10\" fill=\"#b8600b\" fill-opacity=\"0.15\"/><text x=\"{et:.1}\" y=\"{y:.1}\">longest silence</text>\n\
         <line x1=\"{f:.1}\" y1=\"{top:.1}\" x2=\"{f:.1}\" y2=\"{bottom:.1}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/><text x=\"{ft:.1}\" y=\"{y:.1}\">status change</text>\n\
         </g>\n",
        a = LEFT + 5.0,
        at = LEFT + 14.0,
        b = LEFT + 125.0,
        bt = LEFT + 134.0,
        d = LEFT + 225.0,
        dt = LEFT + 233.0,
        e = LEFT + 305.0,
        et = LEFT + 326.0,
        f = LEFT + 435.0,
        ft = LEFT + 443.0,
        c = y - 4.0,
        bottom = y + 2.0,
    ));
}
