//! Where the CSO (or the host) can go, as pure functions over engine values:
//! the finder's order, the path of answered steps, and whether a host's
//! `start` may replace the call on screen. No Leptos, no browser: tested natively.

use pandu_engine::flow::{describe, Answer, Call};
use pandu_engine::{Catalog, Step};

/// SOPs in finder order: the search ranking, sub-flows after the others.
pub fn finder_order(catalog: &Catalog, hits: Vec<usize>) -> Vec<usize> {
    let (mut main, sub): (Vec<usize>, Vec<usize>) = hits
        .into_iter()
        .filter(|&i| i < catalog.sops.len())
        .partition(|&i| !catalog.sops[i].subflow);
    main.extend(sub);
    main
}

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
    fn subflows_come_after_the_others_keeping_rank() {
        let mut cat = catalog();
        let mut sub = cat.sops[0].clone();
        sub.id = "sub".into();
        sub.subflow = true;
        cat.sops.insert(0, sub);
        let n = cat.sops.len();
        let ranked: Vec<usize> = (0..n).rev().collect();
        let order = finder_order(&cat, ranked.clone());
        let first_sub = order
            .iter()
            .position(|&i| cat.sops[i].subflow)
            .expect("a sub-flow is listed");
        assert!(order[first_sub..].iter().all(|&i| cat.sops[i].subflow));
        assert!(order[..first_sub].iter().all(|&i| !cat.sops[i].subflow));
        let keeps_rank = |part: &[usize]| {
            let pos: Vec<usize> = part
                .iter()
                .map(|i| ranked.iter().position(|r| r == i).unwrap())
                .collect();
            pos.windows(2).all(|w| w[0] < w[1])
        };
        assert!(keeps_rank(&order[..first_sub]) && keeps_rank(&order[first_sub..]));
        assert_eq!(order.len(), n);
        assert_eq!(finder_order(&cat, vec![n + 3]), Vec::<usize>::new());
    }

    #[test]
    fn a_subflow_ranked_first_is_listed_last() {
        let mut cat = catalog();
        for (i, s) in cat.sops.iter_mut().enumerate() {
            s.subflow = i == 1;
        }
        assert_eq!(finder_order(&cat, vec![1, 0, 2]), vec![0, 2, 1]);
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
