//! Where the CSO (or the host) can go, as pure functions over engine values:
//! the path of answered steps, and whether a host's
//! `start` may replace the call on screen. No Leptos, no browser: tested natively. The
//! finder's order is the engine's (`search::Index::find`).

use pandu_engine::flow::{describe, Answer, Call};
use pandu_engine::{Catalog, Step};

/// One answered step in the path view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    /// Path length to go back to for this step (its index in `call.path`).
    pub len: usize,
    pub title: String,
    /// The option chosen, for ask steps.
    pub answer: String,
}

/// The answered steps of a call, automatic ones left out.
pub fn crumbs(catalog: &Catalog, call: &Call) -> Vec<Crumb> {
    call.path
        .iter()
        .enumerate()
        .filter(|(_, e)| !matches!(e.answer, Answer::Auto(_)))
        .map(|(i, e)| {
            let title = catalog
                .get(&e.pos.sop)
                .and_then(|s| s.step(&e.pos.step))
                .map(Step::label)
                .unwrap_or_else(|| e.pos.step.clone());
            let answer = match e.answer {
                Answer::Choice(_) => describe(catalog, e)
                    .into_iter()
                    .map(|d| d.value)
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => String::new(),
            };
            Crumb {
                len: i,
                title,
                answer,
            }
        })
        .collect()
}

/// Why a host's `start` is refused, in Indonesian for its `error` event:
/// a call of `running` (its SOP) that has not reached its outcome is the
/// CSO's work in progress and is never replaced. A call at its outcome is
/// ended first instead (`None`).
pub fn start_refused(running: Option<&str>, at_outcome: bool) -> Option<String> {
    let sop = running.filter(|_| !at_outcome)?;
    Some(format!(
        "Panggilan dengan SOP `{sop}` masih berjalan; kirim `reset` dulu."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pandu_engine::flow::{Caller, Input};

    fn catalog() -> Catalog {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sops");
        pandu_engine::authoring::load_dir(&dir).catalog()
    }

    #[test]
    fn crumbs_skip_automatic_steps_and_name_the_choice() {
        let cat = catalog();
        let day = pandu_engine::dates::parse_iso("2026-01-05").unwrap();
        let mut call =
            Call::start(&cat, "transfer-elektrinet", Caller::default(), "t", day).unwrap();
        assert_eq!(crumbs(&cat, &call), Vec::new(), "nothing answered yet");
        call.answer(&cat, Input::Choose("elektrinet".into()))
            .unwrap();
        assert_eq!(
            crumbs(&cat, &call),
            vec![Crumb {
                len: 0,
                title: "Tanyakan produk".into(),
                answer: "ELEKTRINET (bisnis, punya SID)".into(),
            }]
        );
    }

    #[test]
    fn a_host_start_never_replaces_a_call_still_running() {
        assert_eq!(
            start_refused(Some("transfer-elektrinet"), false).as_deref(),
            Some("Panggilan dengan SOP `transfer-elektrinet` masih berjalan; kirim `reset` dulu.")
        );
        // At its outcome the call is ended first; with none there is nothing to refuse.
        assert_eq!(start_refused(Some("transfer-elektrinet"), true), None);
        assert_eq!(start_refused(None, false), None);
    }
}
