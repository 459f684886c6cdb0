//! What the call screen says beyond the step itself, as pure functions over
//! engine values: the text "Salin semua" copies, the reminder naming the
//! must-say lines not ticked yet, what ending the call does next, the
//! sub-flows an earlier topic already covered, and the id each topic of a
//! call has in the shift history. No Leptos, no browser: tested natively.

use pandu_engine::flow::{Answer, Call, REUSED};
use pandu_engine::ticket::Composed;
use pandu_engine::{Catalog, StepKind, System};

/// "Salin semua": the panels under the button as the CSO reads them (each
/// ticket, each transfer and escalation, the stamp), in that order. `None`
/// when there is nothing to copy: no ticket, no transfer, no escalation.
pub fn copy_all(c: &Composed) -> Option<String> {
    if c.tickets.is_empty() && c.transfers.is_empty() && c.escalations.is_empty() {
        return None;
    }
    let mut parts: Vec<String> = c.tickets.iter().map(|t| t.text()).collect();
    for t in &c.transfers {
        parts.push(format!("Transfer: {} {}", t.destination, t.number));
    }
    for e in &c.escalations {
        parts.push(format!(
            "Eskalasi: {}{}",
            channel_title(&e.channel),
            e.detail()
        ));
    }
    parts.push(c.stamp());
    Some(parts.join("\n\n"))
}

/// An escalation's channel as the screen names it: "simone" → "Simone",
/// "callback" → "Form Request Callback"; roles (HoCC) as written.
pub fn channel_title(channel: &str) -> String {
    System::parse(&channel.to_ascii_lowercase())
        .map(|s| s.title().to_string())
        .unwrap_or_else(|| channel.to_string())
}

/// The step's message when Enter (or a click) comes before its must-say
/// lines are ticked: which lines are missing, quoted as on screen.
pub fn unsaid_hint(lines: &[String]) -> String {
    let quoted: Vec<String> = lines.iter().map(|l| format!("“{}”", l.trim())).collect();
    match quoted.len() {
        0 => "Centang dulu kalimat wajib setelah disampaikan kepada pelanggan.".into(),
        1 => format!(
            "Kalimat wajib belum dicentang: {}. Sampaikan kepada pelanggan, lalu centang.",
            quoted[0]
        ),
        n => format!(
            "{n} kalimat wajib belum dicentang: {}. Sampaikan kepada pelanggan, lalu centang.",
            quoted.join("; ")
        ),
    }
}

/// What "Selesai" does where the call stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The call has closing lines not shown yet: show them first.
    Closing,
    /// The closing lines are on screen and a must-say one is not ticked.
    Refused,
    /// The call ends now.
    End,
}

/// `closing_lines`: how many closing lines the call has; `closing`: whether
/// they are on screen; `unsaid`: must-say closing lines not ticked.
pub fn ending(closing_lines: usize, closing: bool, unsaid: usize) -> Ending {
    match (closing, closing_lines, unsaid) {
        (false, 0, _) => Ending::End,
        (false, _, _) => Ending::Closing,
        (true, _, 0) => Ending::End,
        (true, _, _) => Ending::Refused,
    }
}

/// A sub-flow the current topic did not ask again: what an earlier topic
/// of the call recorded there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reused {
    /// The sub-flow's title (SOP 001's).
    pub title: String,
    /// (field label, value), as recorded.
    pub values: Vec<(String, String)>,
}

/// The sub-flows taken over from an earlier topic on the current topic's path.
pub fn reused(catalog: &Catalog, call: &Call) -> Vec<Reused> {
    call.path
        .iter()
        .filter(|e| matches!(&e.answer, Answer::Auto(a) if a == REUSED))
        .map(|e| {
            let sop = catalog.get(&e.pos.sop);
            let label = |id: &str| {
                sop.into_iter()
                    .flat_map(|s| &s.steps)
                    .filter_map(|s| match &s.kind {
                        StepKind::Collect { fields, .. } => {
                            fields.iter().find(|f| f.id == id).map(|f| f.label.clone())
                        }
                        _ => None,
                    })
                    .next()
                    .unwrap_or_else(|| id.to_string())
            };
            Reused {
                title: sop
                    .map(|s| s.title.clone())
                    .unwrap_or_else(|| e.pos.sop.clone()),
                values: e.set.iter().map(|(k, v)| (label(k), v.clone())).collect(),
            }
        })
        .collect()
}

/// The id of the `n`-th topic (from 1) of call `id` in the shift history:
/// the first keeps the call's id, so a call of one topic is listed as ever;
/// each later one is its own entry beside it.
pub fn topic_id(id: &str, n: usize) -> String {
    if n <= 1 {
        id.to_string()
    } else {
        format!("{id}-{n}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pandu_engine::ticket::{EscalationNote, TransferNote};

    fn catalog() -> Catalog {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sops");
        pandu_engine::authoring::load_dir(&dir).catalog()
    }

    fn composed() -> Composed {
        Composed {
            sop: "003".into(),
            version: "2".into(),
            time: "08-01-2024 10:30 WIB".into(),
            outcome: "x".into(),
            summary: "Disambungkan".into(),
            tickets: Vec::new(),
            transfers: Vec::new(),
            escalations: Vec::new(),
            said: 0,
        }
    }

    #[test]
    fn copy_all_is_offered_only_with_something_to_copy() {
        assert_eq!(
            copy_all(&composed()),
            None,
            "a stamp alone is nothing to paste"
        );
        let mut c = composed();
        c.transfers.push(TransferNote {
            destination: "CC PLN ICONPLUS".into(),
            number: "1500071".into(),
            fines: vec!["1".into(), "2".into()],
        });
        c.escalations.push(EscalationNote {
            channel: "simone".into(),
            level: "URGENT".into(),
            reason: "Pelanggan tanpa HP".into(),
        });
        // As on screen: the channel's title, no fines (the list does not show them).
        assert_eq!(
            copy_all(&c).as_deref(),
            Some(
                "Transfer: CC PLN ICONPLUS 1500071\n\n\
                 Eskalasi: Simone – URGENT: Pelanggan tanpa HP\n\n\
                 SOP 003 v2 · 08-01-2024 10:30 WIB"
            )
        );
    }

    #[test]
    fn the_hint_names_each_line_not_ticked() {
        assert_eq!(
            unsaid_hint(&["Mohon ditunggu. ".into()]),
            "Kalimat wajib belum dicentang: “Mohon ditunggu.”. Sampaikan kepada pelanggan, lalu centang."
        );
        assert_eq!(
            unsaid_hint(&["A".into(), "B".into()]),
            "2 kalimat wajib belum dicentang: “A”; “B”. Sampaikan kepada pelanggan, lalu centang."
        );
        assert_eq!(
            unsaid_hint(&[]),
            "Centang dulu kalimat wajib setelah disampaikan kepada pelanggan."
        );
    }

    #[test]
    fn selesai_shows_the_closing_lines_first_and_ends_once_they_are_ticked() {
        assert_eq!(ending(0, false, 0), Ending::End, "nothing to close with");
        assert_eq!(ending(1, false, 1), Ending::Closing);
        assert_eq!(ending(1, true, 1), Ending::Refused);
        assert_eq!(ending(1, true, 0), Ending::End);
    }

    #[test]
    fn a_second_topic_shows_what_001_recorded_in_the_first() {
        let cat = catalog();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sops");
        let text = std::fs::read_to_string(dir.join("pln-terbaik.scenarios.toml")).unwrap();
        let file = pandu_engine::authoring::parse_scenarios("pln-terbaik", &text).unwrap();
        let sc = file
            .scenarios
            .into_iter()
            .find(|s| s.name.starts_with("Satu panggilan, dua topik"))
            .expect("the two-topic scenario");
        let mut seen: Vec<Call> = Vec::new();
        pandu_engine::scenario::run_observed(&cat, &sc, &mut |c| seen.push(c.clone())).unwrap();
        let first_topic = seen
            .iter()
            .find(|c| c.earlier.is_empty() && c.at.step == "catat-apkt");
        assert_eq!(
            reused(&cat, first_topic.unwrap()),
            Vec::new(),
            "001 was asked there"
        );
        let last = seen.last().unwrap();
        assert_eq!(last.earlier.len(), 1);
        assert_eq!(
            reused(&cat, last),
            vec![Reused {
                title: cat.get("kontak-email-hp").unwrap().title.clone(),
                values: vec![
                    (
                        "Alamat email Pelapor/Pelanggan".into(),
                        "sri.rahayu@gmail.com".into()
                    ),
                    ("No. Telepon yang digunakan".into(), "081511223344".into()),
                ],
            }]
        );
        assert_eq!(topic_id("t1", 1), "t1");
        assert_eq!(topic_id("t1", 2), "t1-2");
    }
}
