//! The studio's state in one small `Copy` context: the published catalogue
//! it edits against, the open file and its text, the lint's latest verdict,
//! the scenarios beside it, and the panel shown. Drafts are kept in this
//! browser's `localStorage` under `pandu-studio:` (never `pandu:`, which the
//! widget reads, quarantines and wipes); nothing leaves the browser.

use crate::browser::storage::{self, Store};
use crate::browser::{self, studio as dom};
use crate::studio::check::{self, Checked};
use crate::studio::debounce::{Debounce, DELAY_MS};
use crate::studio::template;
use leptos::html::{Div, Textarea};
use leptos::prelude::*;
use leptos::task::spawn_local;
use pandu_engine::authoring;
use pandu_engine::Catalog;
use std::collections::BTreeMap;

/// Where the build puts the SOP sources for the studio, next to `studio.html`.
pub const SOURCES: &str = "sumber/";
/// The list of those files, one name a line.
pub const SOURCE_LIST: &str = "sumber/daftar.txt";

const DRAFT: &str = "pandu-studio:draf:";
const SCENARIOS: &str = "pandu-studio:skenario:";
const LAST: &str = "pandu-studio:terakhir";

/// The panels beside the editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Map,
    Preview,
    Scenarios,
    Changes,
    Publish,
}

impl Panel {
    pub const ALL: [Panel; 5] = [
        Panel::Map,
        Panel::Preview,
        Panel::Scenarios,
        Panel::Changes,
        Panel::Publish,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Panel::Map => "peta",
            Panel::Preview => "pratinjau",
            Panel::Scenarios => "skenario",
            Panel::Changes => "perubahan",
            Panel::Publish => "terbitkan",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Panel::Map => "Peta",
            Panel::Preview => "Pratinjau",
            Panel::Scenarios => "Skenario",
            Panel::Changes => "Perubahan",
            Panel::Publish => "Terbitkan",
        }
    }
}

/// The studio context.
#[derive(Clone, Copy)]
pub struct StudioCtx {
    /// The catalogue as published (the build's sources): includes, the
    /// version to compare with, the version a publication must beat.
    pub base: RwSignal<Catalog>,
    /// The catalogue's SOP files, by name (`transfer-elektrinet.toml`).
    pub files: RwSignal<Vec<String>>,
    /// Every source text fetched, by name.
    texts: StoredValue<BTreeMap<String, String>>,
    /// The open file as the lint names it (`sops/<name>.toml`).
    pub file: RwSignal<String>,
    pub text: RwSignal<String>,
    /// The lint's verdict on the text as it was when typing last paused.
    pub checked: RwSignal<Checked>,
    /// Typed since the last lint: `checked` is about an older text.
    pub stale: RwSignal<bool>,
    /// The open SOP's scenarios (`*.scenarios.toml` text).
    pub scenarios: RwSignal<String>,
    pub panel: RwSignal<Panel>,
    /// What the last open or save did, for the supervisor to read.
    pub notice: RwSignal<Option<String>>,
    /// The open text came from a saved draft, not from its source.
    pub from_draft: RwSignal<bool>,
    /// The catalogue has been read (or failed to be).
    pub loaded: RwSignal<bool>,
    pub area: NodeRef<Textarea>,
    pub gutter: NodeRef<Div>,
    debounce: StoredValue<Debounce>,
}

pub fn use_studio() -> StudioCtx {
    expect_context::<StudioCtx>()
}

impl StudioCtx {
    pub fn new() -> StudioCtx {
        StudioCtx {
            base: RwSignal::new(Catalog::default()),
            files: RwSignal::new(Vec::new()),
            texts: StoredValue::new(BTreeMap::new()),
            file: RwSignal::new(format!("sops/{}", template::NEW_FILE)),
            text: RwSignal::new(String::new()),
            checked: RwSignal::new(Checked::default()),
            stale: RwSignal::new(false),
            scenarios: RwSignal::new(String::new()),
            panel: RwSignal::new(Panel::Map),
            notice: RwSignal::new(None),
            from_draft: RwSignal::new(false),
            loaded: RwSignal::new(false),
            area: NodeRef::new(),
            gutter: NodeRef::new(),
            debounce: StoredValue::new(Debounce::default()),
        }
    }

    /// Fetch the catalogue's sources, then reopen the file of last time
    /// (its draft, if any) or a new SOP.
    pub fn load(self) {
        spawn_local(async move {
            let result = fetch_sources().await;
            match result {
                Ok(texts) => {
                    let mut base = Catalog::default();
                    let mut files = Vec::new();
                    let mut bad = Vec::new();
                    for (name, text) in &texts {
                        if !is_sop_file(name) {
                            continue;
                        }
                        match authoring::parse_sop(&format!("sops/{name}"), text) {
                            Ok(sop) => {
                                base.sops.push(sop);
                                files.push(name.clone());
                            }
                            Err(e) => bad.push(e.to_string()),
                        }
                    }
                    if !bad.is_empty() {
                        self.notice.set(Some(format!(
                            "Sebagian sumber tidak terbaca: {}",
                            bad.join("; ")
                        )));
                    }
                    self.texts.set_value(texts);
                    self.base.set(base);
                    self.files.set(files);
                }
                Err(e) => self.notice.set(Some(format!(
                    "Katalog SOP tidak dapat diambil ({e}): SOP dapat dibuka dari berkas atau dibuat baru."
                ))),
            }
            self.loaded.set(true);
            let last = storage::get(Store::Local, LAST).ok().flatten();
            match last {
                Some(file) if self.has_source(&file) => self.open_catalogue(&file),
                Some(file) => match draft(&file) {
                    Some(text) => {
                        self.show(&file, text, draft_scenarios(&file).unwrap_or_default());
                        self.from_draft.set(true);
                    }
                    None => self.new_sop(),
                },
                None => self.new_sop(),
            }
        });
    }

    fn has_source(&self, file: &str) -> bool {
        let name = file.trim_start_matches("sops/");
        self.texts.with_value(|t| t.contains_key(name))
    }

    /// Open an SOP of the catalogue (`transfer-elektrinet.toml`); a draft
    /// kept for it is opened instead, and said so.
    pub fn open_catalogue(&self, name: &str) {
        let name = name.trim_start_matches("sops/");
        let file = format!("sops/{name}");
        let (text, scen) = self.texts.with_value(|t| {
            (
                t.get(name).cloned(),
                t.get(&scenarios_name(name)).cloned().unwrap_or_default(),
            )
        });
        let Some(text) = text else {
            self.notice
                .set(Some(format!("SOP {name} tidak ada di katalog.")));
            return;
        };
        match draft(&file).filter(|d| *d != text) {
            Some(d) => {
                self.show(&file, d, draft_scenarios(&file).unwrap_or(scen));
                self.from_draft.set(true);
                self.notice.set(Some(format!(
                    "Draf {file} yang tersimpan di browser ini dibuka. \"Buang draf\" kembali ke versi katalog."
                )));
            }
            None => {
                self.show(&file, text, draft_scenarios(&file).unwrap_or(scen));
                self.notice.set(None);
            }
        }
    }

    /// Read a file the supervisor picked or dropped, then open it
    /// (`open_disk`); one it cannot read is said in the notice.
    pub fn open_file(&self, file: dom::PickedFile) {
        let ctx = *self;
        let name = file.name();
        spawn_local(async move {
            match file.text().await {
                Ok(text) => ctx.open_disk(&name, text),
                Err(e) => ctx
                    .notice
                    .set(Some(format!("Berkas {name} tidak terbaca: {e}"))),
            }
        });
    }

    /// A `.toml` file from disk: it replaces any draft of the same name.
    pub fn open_disk(&self, name: &str, text: String) {
        let name = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let file = format!("sops/{name}");
        let scen = self
            .texts
            .with_value(|t| t.get(&scenarios_name(name)).cloned());
        self.show(
            &file,
            text,
            draft_scenarios(&file).or(scen).unwrap_or_default(),
        );
        self.save_draft();
        self.notice
            .set(Some(format!("Berkas {name} dibuka dari disk.")));
    }

    /// A new SOP from the template (or its draft, if one was begun).
    pub fn new_sop(&self) {
        let file = format!("sops/{}", template::NEW_FILE);
        match draft(&file) {
            Some(d) => {
                self.show(&file, d, draft_scenarios(&file).unwrap_or_default());
                self.from_draft.set(true);
            }
            None => self.show(&file, template::NEW_SOP.to_string(), String::new()),
        }
    }

    /// Forget the draft of the open file and reopen its source (or the template).
    pub fn discard_draft(&self) {
        let file = self.file.get_untracked();
        let _ = storage::remove(Store::Local, &format!("{DRAFT}{file}"));
        let _ = storage::remove(Store::Local, &format!("{SCENARIOS}{file}"));
        if self.has_source(&file) {
            self.open_catalogue(&file);
        } else {
            self.show(&file, template::NEW_SOP.to_string(), String::new());
        }
        self.notice.set(Some("Draf dibuang.".into()));
    }

    fn show(&self, file: &str, text: String, scenarios: String) {
        self.from_draft.set(false);
        self.file.set(file.to_string());
        self.text.set(text);
        self.scenarios.set(scenarios);
        let _ = storage::set(Store::Local, LAST, file);
        self.recheck();
    }

    /// The supervisor typed: the draft is kept, and the lint runs once
    /// typing pauses (`debounce::DELAY_MS`).
    pub fn edit(&self, text: String) {
        self.text.set(text);
        self.stale.set(true);
        self.save_draft();
        let mut n = 0;
        self.debounce.update_value(|d| n = d.edit());
        let ctx = *self;
        set_timeout(
            move || {
                if ctx.debounce.try_with_value(|d| d.due(n)) == Some(true) {
                    ctx.recheck();
                }
            },
            std::time::Duration::from_millis(DELAY_MS),
        );
    }

    /// Lint the text now.
    pub fn recheck(&self) {
        let checked = self.base.with_untracked(|base| {
            self.text.with_untracked(|text| {
                self.file
                    .with_untracked(|file| check::check(file, text, base))
            })
        });
        self.checked.set(checked);
        self.stale.set(false);
    }

    /// The verdict on the text as it is now (linted at once if typing has
    /// not paused yet): what a button that acts on the SOP uses.
    pub fn checked_now(&self) -> Checked {
        if self.stale.get_untracked() {
            self.recheck();
        }
        self.checked.get_untracked()
    }

    pub fn edit_scenarios(&self, text: String) {
        self.scenarios.set(text);
        let file = self.file.get_untracked();
        let _ = self
            .scenarios
            .with_untracked(|t| storage::set(Store::Local, &format!("{SCENARIOS}{file}"), t));
    }

    fn save_draft(&self) {
        let file = self.file.get_untracked();
        let saved = self
            .text
            .with_untracked(|t| storage::set(Store::Local, &format!("{DRAFT}{file}"), t));
        if let Err(e) = saved {
            self.notice
                .set(Some(format!("Draf tidak tersimpan di browser: {e}")));
        }
    }

    /// Select line `line` (1-based) in the editor.
    pub fn jump(&self, line: usize) {
        let span = self
            .text
            .with_untracked(|t| check::line_span_utf16(t, line).map(|s| (s, check::line_count(t))));
        if let Some((span, lines)) = span {
            dom::select_line(self.area, self.gutter, span, line, lines);
        }
    }

    /// Select the `id` line of a step; a step inside an expanded include
    /// (`include/step`) jumps to the include.
    pub fn jump_to_step(&self, map_id: &str) {
        let id = map_id.split('/').next().unwrap_or(map_id);
        if let Some(line) = self.text.with_untracked(|t| check::step_line(t, id)) {
            self.jump(line);
        }
    }

    /// Today in WIB.
    pub fn today(&self) -> chrono::NaiveDate {
        browser::now_wib().date()
    }
}

impl Default for StudioCtx {
    fn default() -> Self {
        StudioCtx::new()
    }
}

/// An SOP file, not scenarios, drills or the finder's evaluation set.
pub fn is_sop_file(name: &str) -> bool {
    name.ends_with(".toml")
        && ![".scenarios.toml", ".drills.toml", ".eval.toml"]
            .iter()
            .any(|s| name.ends_with(s))
}

/// `x.toml` → `x.scenarios.toml`.
pub fn scenarios_name(name: &str) -> String {
    format!("{}.scenarios.toml", name.trim_end_matches(".toml"))
}

fn draft(file: &str) -> Option<String> {
    storage::get(Store::Local, &format!("{DRAFT}{file}"))
        .ok()
        .flatten()
}

fn draft_scenarios(file: &str) -> Option<String> {
    storage::get(Store::Local, &format!("{SCENARIOS}{file}"))
        .ok()
        .flatten()
}

async fn fetch_sources() -> Result<BTreeMap<String, String>, String> {
    let list = browser::net::fetch_text(SOURCE_LIST).await?;
    let mut out = BTreeMap::new();
    for name in pandu_engine::library::manifest(&list) {
        let text = browser::net::fetch_text(&format!("{SOURCES}{name}")).await?;
        out.insert(name, text);
    }
    Ok(out)
}
