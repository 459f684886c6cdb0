//! The SOP map: every step a box, no two boxes overlapping, every branch an
//! arrow with its words, includes expandable, unreachable steps and dead
//! ends marked, and the marks a call or a drill puts on it.

use pandu_engine::authoring::load_dir;
use pandu_engine::map::{drawing, layout, svg, Map, Marks};
use pandu_engine::model::{Catalog, StepKind};
use std::path::Path;

fn load(dir: &str) -> Catalog {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)).catalog()
}

fn overlapping(map: &Map) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, a) in map.nodes.iter().enumerate() {
        for b in &map.nodes[i + 1..] {
            let apart =
                a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
            if !apart {
                out.push((a.id.clone(), b.id.clone()));
            }
        }
    }
    out
}

#[test]
fn every_seed_sop_maps_without_overlaps_and_draws_every_branch() {
    let cat = load("../sops");
    for sop in &cat.sops {
        let map = layout(&cat, sop, &[]);
        assert_eq!(map.nodes.len(), sop.steps.len(), "{}", sop.id);
        assert_eq!(
            overlapping(&map),
            Vec::<(String, String)>::new(),
            "{}",
            sop.id
        );
        let branches: usize = sop.steps.iter().map(|s| sop.successors(s).len()).sum();
        assert_eq!(
            map.edges.len(),
            branches,
            "{}: one arrow per branch",
            sop.id
        );
        let drawn = svg(&map, &Marks::default());
        assert_eq!(drawn.matches("data-from=").count(), branches, "{}", sop.id);
        assert_eq!(
            drawn.matches("data-step=").count(),
            sop.steps.len(),
            "{}",
            sop.id
        );
        assert!(
            map.nodes
                .iter()
                .all(|n| n.x >= 0.0 && n.x + n.w <= map.width),
            "{}",
            sop.id
        );
        assert!(
            map.nodes.iter().all(|n| !n.unreachable && !n.dead_end),
            "{}",
            sop.id
        );
        // Nothing styled inline: the strict CSP needs no exception.
        assert!(!drawn.contains("style="), "{}", sop.id);
    }
}

#[test]
fn arrows_carry_the_option_and_the_rule() {
    let cat = load("../sops");
    let sop = cat.get("niaga-pln-mobile").unwrap();
    let map = layout(&cat, sop, &[]);
    let label = |from: &str, to: &str| {
        map.edges
            .iter()
            .find(|e| e.from == from && e.to == to)
            .map(|e| e.label.clone())
    };
    assert_eq!(
        label("tawarkan-bantuan", "data-pd").as_deref(),
        Some("PD – Penambahan Daya (tambah daya)")
    );
    assert_eq!(
        label("cek-batas", "arahkan-pln-mobile").as_deref(),
        Some("PS Wilayah Jawa Tengah s.d 22.000 VA: melalui PLN Mobile")
    );
    assert_eq!(
        label("cek-batas", "di-atas-batas").as_deref(),
        Some("lainnya")
    );
    let outcome = map.node("keluhan-niaga").unwrap();
    assert_eq!(
        (outcome.kind, outcome.tickets.as_str()),
        ("outcome", "APKT")
    );
}

#[test]
fn an_expanded_include_shows_the_sub_flow_inside() {
    let cat = load("../sops");
    let sop = cat.get("transfer-elektrinet").unwrap();
    let map = layout(&cat, sop, &["kontak-elektrinet".into()]);
    let sub = cat.get("kontak-email-hp").unwrap();
    assert_eq!(map.nodes.len(), sop.steps.len() + sub.steps.len());
    assert!(map.node("kontak-elektrinet/tanya-pemilik").is_some());
    assert!(map
        .edges
        .iter()
        .any(|e| e.from == "kontak-elektrinet" && e.to == "kontak-elektrinet/cek-pengecualian"));
    assert!(map
        .edges
        .iter()
        .any(|e| e.from == "kontak-elektrinet/catat-kontak"
            && e.to == "sambung-elektrinet"
            && e.label == "kembali"));
    assert_eq!(overlapping(&map), Vec::<(String, String)>::new());
    assert!(map.nodes.iter().all(|n| !n.unreachable));
}

#[test]
fn the_studio_map_has_a_tab_stop_per_box_and_the_widget_map_none() {
    let cat = load("../sops");
    let sop = cat.get("transfer-elektrinet").unwrap();
    let map = layout(&cat, sop, &[]);
    assert_eq!(
        svg(&map, &Marks::default())
            .matches(r#" tabindex="0""#)
            .count(),
        sop.steps.len()
    );
    let built = drawing(&map);
    assert!(!built.contains("tabindex"), "{built}");
    assert_eq!(built.matches("data-step=").count(), sop.steps.len());
}

#[test]
fn unreachable_steps_and_dead_ends_stand_out() {
    let cat = load("tests/fixtures/lint/unreachable");
    let map = layout(&cat, &cat.sops[0], &[]);
    assert!(map.nodes.iter().any(|n| n.unreachable));
    assert!(svg(&map, &Marks::default()).contains("pandu-map__node--unreachable"));
    let cat = load("tests/fixtures/lint/dead-end");
    let map = layout(&cat, &cat.sops[0], &[]);
    let dead: Vec<&str> = map
        .nodes
        .iter()
        .filter(|n| n.dead_end)
        .map(|n| n.id.as_str())
        .collect();
    assert!(!dead.is_empty());
    assert!(svg(&map, &Marks::default()).contains("pandu-map__node--dead-end"));
    assert!(map
        .nodes
        .iter()
        .filter(|n| n.kind == "outcome")
        .all(|n| !n.dead_end));
}

#[test]
fn marks_show_where_the_call_is_and_the_paths() {
    let cat = load("../sops");
    let sop = cat.get("transfer-elektrinet").unwrap();
    let map = layout(&cat, sop, &[]);
    let marks = Marks {
        here: Some("sambung-iconnet".into()),
        path: ["tanya-produk", "data-elektrinet"].map(String::from).into(),
        taken: ["tanya-produk", "data-iconnet"].map(String::from).into(),
    };
    let drawn = svg(&map, &marks);
    assert!(drawn.contains(r#"pandu-map__node--here" data-step="sambung-iconnet""#));
    assert_eq!(drawn.matches("pandu-map__node--path").count(), 2);
    assert_eq!(drawn.matches("pandu-map__edge--path").count(), 1);
    assert_eq!(drawn.matches("pandu-map__edge--taken").count(), 1);
    // Steps of the map are the SOP's own: a marked step that is not there marks nothing.
    assert!(sop
        .steps
        .iter()
        .any(|s| matches!(s.kind, StepKind::Transfer { .. })));
}

mod marks_of_a_call {
    use pandu_engine::authoring::{drills, load_dir};
    use pandu_engine::flow::{Call, Input};
    use pandu_engine::map_marks::{of_call, of_drill};
    use pandu_engine::training::{Drill, Session};
    use std::path::Path;

    fn drill_of(sop: &str) -> (pandu_engine::model::Catalog, Drill) {
        let loaded = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops"));
        let drill = drills(&loaded)
            .unwrap()
            .into_iter()
            .find(|d| d.sop == sop)
            .unwrap();
        (loaded.catalog(), drill)
    }

    fn start(cat: &pandu_engine::model::Catalog, drill: &Drill) -> Call {
        let day = pandu_engine::dates::parse_iso(&drill.now[..10]).unwrap();
        Call::start(cat, &drill.sop, drill.caller.clone(), "uji", day).unwrap()
    }

    fn answer(cat: &pandu_engine::model::Catalog, call: &mut Call, input: Input) {
        call.tick_all(cat);
        call.answer(cat, input).unwrap();
    }

    #[test]
    fn inside_a_sub_flow_the_call_is_on_the_included_sops_map() {
        let (cat, drill) = drill_of("transfer-elektrinet");
        let mut call = start(&cat, &drill);
        let (sop, marks) = of_call(&call);
        assert_eq!(sop, "transfer-elektrinet");
        assert_eq!(marks.here.as_deref(), Some("tanya-produk"));
        assert!(marks.taken.is_empty(), "nothing done yet: {marks:?}");
        // Into 001 (contact details) through the include, two answers there.
        for e in drill.expected.iter().take(4) {
            answer(&cat, &mut call, e.input());
        }
        let (sop, marks) = of_call(&call);
        assert_eq!(sop, "kontak-email-hp");
        assert_eq!(marks.here.as_deref(), Some("minta-email"));
        assert_eq!(
            marks.taken,
            ["cek-pengecualian", "tanya-pemilik"]
                .map(String::from)
                .into()
        );
    }

    #[test]
    fn a_drill_review_marks_the_expected_path_beside_the_trainees() {
        let (cat, drill) = drill_of("transfer-elektrinet");
        let mut call = start(&cat, &drill);
        let mut session = Session::new(&drill, chrono::NaiveDateTime::default());
        let mut play = |call: &mut Call, input: Input| {
            call.tick_all(&cat);
            let before = call.clone();
            let result = call.answer(&cat, input.clone()).map(|_| ());
            session.record(&before, &input, &result);
        };
        // ICONNET first; its form sent empty (refused); back, and ELEKTRINET.
        play(&mut call, Input::Choose("iconnet".into()));
        play(&mut call, Input::Submit(Default::default()));
        assert_eq!(call.at.step, "data-iconnet");
        call.back(&cat).unwrap();
        play(&mut call, Input::Choose("elektrinet".into()));
        let marks = of_drill(&cat, &drill, &session, &call);
        assert_eq!(marks.here, None);
        assert_eq!(
            marks.taken,
            ["tanya-produk", "data-iconnet", "data-elektrinet"]
                .map(String::from)
                .into(),
            "the detour stepped back from is the trainee's too"
        );
        assert_eq!(
            marks.path,
            [
                "tanya-produk",
                "data-elektrinet",
                "kontak-elektrinet",
                "sambung-elektrinet",
                "transfer-elektrinet",
                "catat-elektrinet"
            ]
            .map(String::from)
            .into(),
            "with the include step the call passes through on its own"
        );
        assert!(
            !marks.path.contains("minta-email"),
            "steps of the included SOP are on its own map"
        );
    }
}
