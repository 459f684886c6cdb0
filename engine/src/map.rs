//! The SOP as a map: its steps as boxes by kind, branches as arrows labelled
//! with the option or the condition, laid out in layers by a well-kept
//! Sugiyama implementation (`rust-sugiyama`), drawn as SVG.
//!
//! Only the studio and the build use this (feature `map`): the build draws
//! the built-in catalogue's maps as files, so the widget carries no layout
//! code and only marks a drawn map (the step the call is at, the path taken).

use crate::model::{Catalog, Sop, Step, StepKind};
use rust_sugiyama::configure::Config;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Node sizes and gaps, in SVG units (CSS pixels at 100 %).
const NODE_H: f64 = 58.0;
const ROW_GAP: f64 = 46.0;
const COL_GAP: f64 = 24.0;
const MARGIN: f64 = 16.0;
/// About one character of the 12 px sans-serif the map's CSS uses.
const CHAR_W: f64 = 6.6;
const MIN_W: f64 = 120.0;
const MAX_W: f64 = 240.0;

/// One box of the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The step id; a step of an expanded include is `include-id/step-id`.
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    pub clause: String,
    /// For an outcome: the systems its tickets go to ("APKT, CRM").
    pub tickets: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// No way from the first step leads here.
    pub unreachable: bool,
    /// No way from here leads to an outcome.
    pub dead_end: bool,
}

/// One arrow of the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// The option chosen or the condition that holds; empty for "then".
    pub label: String,
}

/// A laid-out SOP.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map {
    pub sop: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub width: f64,
    pub height: f64,
}

pub use crate::map_marks::Marks;

impl Map {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

/// Lay out `sop`. Includes named in `expand` (by the include step's id) show
/// the included SOP's steps inside the map; the others stay one box.
pub fn layout(catalog: &Catalog, sop: &Sop, expand: &[String]) -> Map {
    let mut nodes: Vec<Node> = Vec::new();
    let mut edges: Vec<Edge> = Vec::new();
    add_sop(catalog, sop, "", expand, &mut nodes, &mut edges);
    mark_reach(sop, &mut nodes, &edges);
    place(&mut nodes, &edges);
    let width = nodes.iter().map(|n| n.x + n.w).fold(0.0, f64::max) + MARGIN;
    let height = nodes.iter().map(|n| n.y + n.h).fold(0.0, f64::max) + MARGIN;
    Map {
        sop: sop.id.clone(),
        nodes,
        edges,
        width,
        height,
    }
}

// The nodes and edges of one SOP, ids prefixed when it is an expanded include.
fn add_sop(
    catalog: &Catalog,
    sop: &Sop,
    prefix: &str,
    expand: &[String],
    nodes: &mut Vec<Node>,
    edges: &mut Vec<Edge>,
) {
    let id = |s: &str| format!("{prefix}{s}");
    for step in &sop.steps {
        nodes.push(node(step, &id(&step.id)));
        let expanded = match &step.kind {
            StepKind::Include { sop: sub, .. }
                if prefix.is_empty() && expand.contains(&step.id) =>
            {
                catalog.get(sub).filter(|s| !s.steps.is_empty())
            }
            _ => None,
        };
        if let Some(sub) = expanded {
            let inner = format!("{}/", step.id);
            add_sop(catalog, sub, &inner, &[], nodes, edges);
            if let Some(first) = sub.start_id() {
                edges.push(Edge {
                    from: id(&step.id),
                    to: format!("{inner}{first}"),
                    label: String::new(),
                });
            }
            // The sub-flow's outcomes return to the step after the include.
            if let Some(next) = sop.next_of(step) {
                for s in &sub.steps {
                    if matches!(s.kind, StepKind::Outcome { .. }) {
                        edges.push(Edge {
                            from: format!("{inner}{}", s.id),
                            to: id(&next),
                            label: "kembali".into(),
                        });
                    }
                }
            }
            continue;
        }
        for (to, label) in successors(sop, step) {
            if sop.step(&to).is_some() {
                edges.push(Edge {
                    from: id(&step.id),
                    to: id(&to),
                    label,
                });
            }
        }
    }
}

fn node(step: &Step, id: &str) -> Node {
    let tickets = match &step.kind {
        StepKind::Outcome { tickets, .. } => tickets
            .iter()
            .map(|t| t.system.title())
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    };
    let title = step.label();
    let widest = [
        title.chars().count(),
        step.clause.chars().count() + 10,
        tickets.chars().count(),
    ]
    .into_iter()
    .max()
    .unwrap_or(0);
    Node {
        id: id.to_string(),
        kind: step.kind.name(),
        title,
        clause: step.clause.clone(),
        tickets,
        x: 0.0,
        y: 0.0,
        w: (widest as f64 * CHAR_W + 20.0).clamp(MIN_W, MAX_W),
        h: NODE_H,
        unreachable: false,
        dead_end: false,
    }
}

/// Where a step leads, with the words on the arrow.
fn successors(sop: &Sop, step: &Step) -> Vec<(String, String)> {
    match &step.kind {
        StepKind::Ask { options, .. } => options
            .iter()
            .map(|o| (o.next.clone(), o.label.clone()))
            .collect(),
        StepKind::Decide { rules, otherwise } => rules
            .iter()
            .map(|r| {
                let label = if r.label.is_empty() {
                    r.all
                        .iter()
                        .map(|c| c.var.clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                } else {
                    r.label.clone()
                };
                (r.next.clone(), label)
            })
            .chain(std::iter::once((otherwise.clone(), "lainnya".to_string())))
            .collect(),
        StepKind::Outcome { .. } => Vec::new(),
        _ => sop
            .next_of(step)
            .map(|n| (n, String::new()))
            .into_iter()
            .collect(),
    }
}

// Unreachable steps and dead ends, over the drawn graph.
fn mark_reach(sop: &Sop, nodes: &mut [Node], edges: &[Edge]) {
    let out: BTreeMap<&str, Vec<&str>> = edges.iter().fold(BTreeMap::new(), |mut m, e| {
        m.entry(e.from.as_str()).or_default().push(e.to.as_str());
        m
    });
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&str> = sop.start_id().into_iter().collect();
    while let Some(id) = todo.pop() {
        if seen.insert(id.to_string()) {
            todo.extend(out.get(id).into_iter().flatten().copied());
        }
    }
    // A node reaches an outcome if one of its arrows leads to one that does.
    let outcomes: BTreeSet<String> = nodes
        .iter()
        .filter(|n| n.kind == "outcome")
        .map(|n| n.id.clone())
        .collect();
    let mut good = outcomes;
    loop {
        let before = good.len();
        for e in edges {
            if good.contains(&e.to) {
                good.insert(e.from.clone());
            }
        }
        if good.len() == before {
            break;
        }
    }
    for n in nodes {
        n.unreachable = !seen.contains(&n.id);
        n.dead_end = !good.contains(&n.id);
    }
}

// Layers and order from rust-sugiyama; then rows and columns placed so
// that no two boxes overlap, whatever sizes the library assumed.
fn place(nodes: &mut [Node], edges: &[Edge]) {
    if nodes.is_empty() {
        return;
    }
    let index: BTreeMap<&str, u32> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i as u32))
        .collect();
    let vertices: Vec<(u32, (f64, f64))> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (i as u32, (n.w, n.h)))
        .collect();
    let mut pairs: Vec<(u32, u32)> = edges
        .iter()
        .filter_map(|e| Some((*index.get(e.from.as_str())?, *index.get(e.to.as_str())?)))
        .filter(|(a, b)| a != b)
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let config = Config {
        vertex_spacing: COL_GAP,
        ..Config::default()
    };
    let layouts = rust_sugiyama::from_vertices_and_edges(&vertices, &pairs, &config);
    // Components side by side, in the order of their first step in the file.
    let mut components: Vec<Vec<(usize, (f64, f64))>> =
        layouts.into_iter().map(|(l, _, _)| l).collect();
    components.sort_by_key(|c| c.iter().map(|(i, _)| *i).min().unwrap_or(usize::MAX));
    let mut left = MARGIN;
    for comp in components {
        // Rows: the library's distinct y values, top first.
        let mut ys: Vec<f64> = comp.iter().map(|(_, (_, y))| *y).collect();
        ys.sort_by(f64::total_cmp);
        ys.dedup_by(|a, b| (*a - *b).abs() < 0.5);
        let mut right = left;
        for (row, y) in ys.iter().enumerate() {
            let mut in_row: Vec<(usize, f64)> = comp
                .iter()
                .filter(|(_, (_, yy))| (yy - y).abs() < 0.5)
                .map(|(i, (x, _))| (*i, *x))
                .collect();
            in_row.sort_by(|a, b| a.1.total_cmp(&b.1));
            let mut next_x = left;
            for (i, x) in in_row {
                let n = &mut nodes[i];
                // Keep the library's x where it leaves room, else push right.
                let want = left + x - n.w / 2.0;
                n.x = want.max(next_x);
                n.y = MARGIN + row as f64 * (NODE_H + ROW_GAP);
                next_x = n.x + n.w + COL_GAP;
                right = right.max(n.x + n.w);
            }
        }
        left = right + COL_GAP * 2.0;
    }
    // Shift everything so the leftmost box starts at the margin.
    let min_x = nodes.iter().map(|n| n.x).fold(f64::MAX, f64::min);
    for n in nodes.iter_mut() {
        n.x += MARGIN - min_x;
    }
}

/// The map as SVG for the studio, with `marks` (`map_marks::mark`). Boxes
/// carry `data-step`, arrows `data-from` and `data-to`, classes by kind and
/// state; nothing is styled inline, so the app's Content-Security-Policy
/// needs no exception. Each box is a Tab stop: the studio opens a step's text
/// from it.
pub fn svg(map: &Map, marks: &Marks) -> String {
    crate::map_marks::mark(&drawn(map, true), marks)
}

/// The map as the build writes it for the widget: unmarked, and no box is a
/// Tab stop. Its boxes do nothing when chosen, and a CSO tabbing past an
/// open map during a call would otherwise cross every step of the SOP; the
/// widget's scrolling box around the drawing is the map's one stop.
pub fn drawing(map: &Map) -> String {
    drawn(map, false)
}

fn drawn(map: &Map, focusable: bool) -> String {
    let mut out = String::new();
    let arrow = format!("pandu-map-arrow-{}", safe(&map.sop));
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="pandu-map" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" role="img" aria-label="Peta SOP {sop}" data-sop="{sop}"><defs><marker id="{arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="pandu-map__head"/></marker></defs>"#,
        w = map.width,
        h = map.height,
        sop = esc(&map.sop),
    );
    for e in &map.edges {
        let (Some(a), Some(b)) = (map.node(&e.from), map.node(&e.to)) else {
            continue;
        };
        let (x1, y1, x2, y2) = ends(a, b);
        let mut class = String::from("pandu-map__edge");
        if b.y <= a.y {
            class.push_str(" pandu-map__edge--back");
        }
        let _ = write!(
            out,
            r#"<g class="{class}" data-from="{}" data-to="{}"><path d="M{x1:.1} {y1:.1}L{x2:.1} {y2:.1}" marker-end="url(#{arrow})"/>"#,
            esc(&e.from),
            esc(&e.to),
        );
        if !e.label.is_empty() {
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}" class="pandu-map__label">{}</text>"#,
                (x1 + x2) / 2.0 + 4.0,
                (y1 + y2) / 2.0,
                esc(&short(&e.label, 34)),
            );
        }
        out.push_str("</g>");
    }
    for n in &map.nodes {
        let mut class = format!("pandu-map__node pandu-map__node--{}", n.kind);
        for (on, name) in [(n.unreachable, "unreachable"), (n.dead_end, "dead-end")] {
            if on {
                let _ = write!(class, " pandu-map__node--{name}");
            }
        }
        let _ = write!(
            out,
            r#"<g class="{class}" data-step="{id}"{focus}><title>{title} ({kind}, {clause})</title><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="6"/><text x="{tx:.1}" y="{y1:.1}" class="pandu-map__title">{t}</text><text x="{tx:.1}" y="{y2:.1}" class="pandu-map__meta">{kind} · {c}</text>"#,
            id = esc(&n.id),
            focus = if focusable { r#" tabindex="0""# } else { "" },
            title = esc(&n.title),
            kind = n.kind,
            clause = esc(&n.clause),
            x = n.x,
            y = n.y,
            w = n.w,
            h = n.h,
            tx = n.x + 8.0,
            y1 = n.y + 20.0,
            y2 = n.y + 36.0,
            t = esc(&short(&n.title, ((n.w - 16.0) / CHAR_W) as usize)),
            c = esc(&short(&n.clause, ((n.w - 60.0) / CHAR_W).max(8.0) as usize)),
        );
        if !n.tickets.is_empty() {
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}" class="pandu-map__meta">{}</text>"#,
                n.x + 8.0,
                n.y + 51.0,
                esc(&n.tickets)
            );
        }
        out.push_str("</g>");
    }
    out.push_str("</svg>");
    out
}

// From the bottom of one box to the top of the other (or sideways on a row).
fn ends(a: &Node, b: &Node) -> (f64, f64, f64, f64) {
    let (ax, bx) = (a.x + a.w / 2.0, b.x + b.w / 2.0);
    if b.y > a.y {
        (ax, a.y + a.h, bx, b.y)
    } else if b.y < a.y {
        (a.x + a.w, a.y + a.h / 2.0, b.x + b.w, b.y + b.h / 2.0)
    } else if bx > ax {
        (a.x + a.w, a.y + a.h / 2.0, b.x, b.y + b.h / 2.0)
    } else {
        (a.x, a.y + a.h / 2.0, b.x + b.w, b.y + b.h / 2.0)
    }
}

fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
