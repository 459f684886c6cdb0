//! Marks on a drawn SOP map: the step a call is at, the path it took, a
//! drill's expected path. The build draws each SOP's map once (`map`, feature
//! `map`); the widget only adds these classes to the drawn SVG, so it carries
//! no layout code and a map file stays the same for every call.

use crate::flow::Call;
use crate::model::Catalog;
use crate::training::{Drill, Session};
use std::collections::BTreeSet;

/// What to mark on a drawn map, by step id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// The step the call is at.
    pub here: Option<String>,
    /// Steps of a path to highlight (a scenario's, the expected one of a drill).
    pub path: BTreeSet<String>,
    /// Steps a call or a trainee took, beside the expected path.
    pub taken: BTreeSet<String>,
}

impl Marks {
    /// The classes a box of step `id` gets, each with a leading space.
    fn node(&self, id: &str) -> String {
        let mut out = String::new();
        for (on, name) in [
            (self.path.contains(id), "path"),
            (self.taken.contains(id), "taken"),
            (self.here.as_deref() == Some(id), "here"),
        ] {
            if on {
                out.push_str(" pandu-map__node--");
                out.push_str(name);
            }
        }
        out
    }

    /// The classes an arrow from `from` to `to` gets: on a path when both
    /// its ends are.
    fn edge(&self, from: &str, to: &str) -> String {
        let mut out = String::new();
        if self.path.contains(from) && self.path.contains(to) {
            out.push_str(" pandu-map__edge--path");
        }
        if self.taken.contains(from) && self.taken.contains(to) {
            out.push_str(" pandu-map__edge--taken");
        }
        out
    }
}

/// Where `call` is, on the map of the SOP of its current step (an included
/// SOP's own map inside a sub-flow): that SOP's id, the step marked `here`
/// and the steps of that SOP the call went through marked `taken`.
pub fn of_call(call: &Call) -> (String, Marks) {
    let sop = call.at.sop.clone();
    let taken = call
        .path
        .iter()
        .filter(|e| e.pos.sop == sop)
        .map(|e| e.pos.step.clone())
        .collect();
    let marks = Marks {
        here: Some(call.at.step.clone()),
        path: BTreeSet::new(),
        taken,
    };
    (sop, marks)
}

/// A drill's review on the map of its SOP: the path it expects (`path`)
/// beside the steps the trainee worked at (`taken`): those of the final
/// `call` and those `session` saw an answer at, a detour stepped back from
/// included, as the review table lists it. Steps of sub-flows are left out:
/// they are on another SOP's map.
pub fn of_drill(catalog: &Catalog, drill: &Drill, session: &Session, call: &Call) -> Marks {
    let expected = expected_path(catalog, drill)
        .unwrap_or_else(|| {
            drill
                .expected
                .iter()
                .map(|e| (e.sop.clone(), e.step.clone()))
                .collect()
        })
        .into_iter()
        .filter(|(sop, _)| *sop == drill.sop)
        .map(|(_, step)| step)
        .chain([drill.outcome.clone()])
        .collect();
    let answered = session.attempts.iter().map(|a| (&a.sop, &a.step));
    let taken = call
        .path
        .iter()
        .map(|e| &e.pos)
        .chain([&call.at])
        .map(|p| (&p.sop, &p.step))
        .chain(answered)
        .filter(|(sop, _)| **sop == drill.sop)
        .map(|(_, step)| step.clone())
        .collect();
    Marks {
        here: None,
        path: expected,
        taken,
    }
}

/// Every step the drill's expected answers lead through, the automatic ones
/// (decide, include) too, replayed on `catalog`; `None` if they no longer
/// walk on it.
fn expected_path(catalog: &Catalog, drill: &Drill) -> Option<Vec<(String, String)>> {
    let day = crate::scenario::parse_now(&drill.now)?.date();
    let mut call = Call::start(catalog, &drill.sop, drill.caller.clone(), "peta", day).ok()?;
    for e in &drill.expected {
        call.tick_all(catalog);
        call.answer(catalog, e.input()).ok()?;
    }
    let steps = call.path.iter().map(|e| &e.pos).chain([&call.at]);
    Some(steps.map(|p| (p.sop.clone(), p.step.clone())).collect())
}

const OPEN: &str = "<g class=\"";

/// `svg` (a map as `map::svg` draws it) with `marks` added to the classes of
/// its boxes (`data-step`) and arrows (`data-from`, `data-to`). A step the
/// map does not have marks nothing; anything else passes through unchanged.
pub fn mark(svg: &str, marks: &Marks) -> String {
    let mut out = String::with_capacity(svg.len() + 256);
    let mut rest = svg;
    while let Some(at) = rest.find(OPEN) {
        let after = at + OPEN.len();
        out.push_str(&rest[..after]);
        rest = &rest[after..];
        let Some(end) = rest.find('"') else { break };
        let (class, tail) = rest.split_at(end);
        out.push_str(class);
        // `tail` starts at the quote closing the class: the ids follow it.
        let extra = if let Some(id) = attr(tail, "data-step") {
            marks.node(&unescape(id))
        } else if let (Some(from), Some(to)) = (attr(tail, "data-from"), attr(tail, "data-to")) {
            marks.edge(&unescape(from), &unescape(to))
        } else {
            String::new()
        };
        out.push_str(&extra);
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// The value of attribute `name` in the tag that `tail` is inside.
fn attr<'a>(tail: &'a str, name: &str) -> Option<&'a str> {
    let tag = &tail[..tail.find('>').unwrap_or(tail.len())];
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

// The map escapes ids as XML text (`map::esc`).
fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAWN: &str = concat!(
        r#"<svg class="pandu-map"><g class="pandu-map__edge" data-from="a" data-to="b"><path d="M0 0L1 1"/></g>"#,
        r#"<g class="pandu-map__edge pandu-map__edge--back" data-from="b" data-to="a&amp;b"><path/></g>"#,
        r#"<g class="pandu-map__node pandu-map__node--say" data-step="a" tabindex="0"><title>A</title></g>"#,
        r#"<g class="pandu-map__node pandu-map__node--ask" data-step="b" tabindex="0"><title>B</title></g>"#,
        r#"<g class="pandu-map__node pandu-map__node--outcome" data-step="a&amp;b" tabindex="0"></g></svg>"#,
    );

    #[test]
    fn no_marks_change_nothing() {
        assert_eq!(mark(DRAWN, &Marks::default()), DRAWN);
    }

    #[test]
    fn boxes_and_arrows_get_their_marks() {
        let marks = Marks {
            here: Some("b".into()),
            path: ["a", "b"].map(String::from).into(),
            taken: ["a", "a&b"].map(String::from).into(),
        };
        let marked = mark(DRAWN, &marks);
        assert!(marked.contains(r#"<g class="pandu-map__node pandu-map__node--say pandu-map__node--path pandu-map__node--taken" data-step="a""#));
        assert!(marked.contains(r#"<g class="pandu-map__node pandu-map__node--ask pandu-map__node--path pandu-map__node--here" data-step="b""#));
        assert!(marked.contains(r#"<g class="pandu-map__node pandu-map__node--outcome pandu-map__node--taken" data-step="a&amp;b""#));
        assert!(marked.contains(
            r#"<g class="pandu-map__edge pandu-map__edge--path" data-from="a" data-to="b">"#
        ));
        // b → a&b: only a&b was taken, and only a and b are on the path.
        assert!(
            marked.contains(r#"<g class="pandu-map__edge pandu-map__edge--back" data-from="b""#)
        );
    }

    #[test]
    fn a_step_not_on_the_map_marks_nothing() {
        let marks = Marks {
            here: Some("zzz".into()),
            ..Marks::default()
        };
        assert_eq!(mark(DRAWN, &marks), DRAWN);
    }
}
