//! Training mode (`?mode=latihan`, or the toggle on the start screen): the
//! widget plays the caller of a drill, the trainee finds the SOP and works
//! the call as a real one, and the engine scores the session
//! (`pandu_engine::training`). Training calls are never saved, never go into
//! the shift history or the e-voucher queue, and the simulated date lives
//! only here: leaving training mode clears it.
//!
//! Feature `training`: compiled into training's own bundle (`latihan.html`,
//! bin `latihan`), never into the live one a CSO loads for calls.

use crate::actions::Action;
use crate::browser;
use crate::hooks::Hook;
use crate::host::HostCtx;
use crate::state::{AppCtx, CallCtx};
use crate::ui::MapMarks;
use chrono::NaiveDate;
use leptos::prelude::*;
use pandu_engine::contract::WidgetEvent;
use pandu_engine::dates;
use pandu_engine::map_marks;
use pandu_engine::search::{self, Status};
use pandu_engine::training::{result_json, Drill, ReviewRow, Score, Session};

/// The end of a drill, as the score screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finished {
    pub score: Score,
    pub review: Vec<ReviewRow>,
    /// When it was played (WIB), for the export.
    pub played: chrono::NaiveDateTime,
    /// The trainee's path beside the expected one, on the drill's SOP map.
    pub map: Option<MapMarks>,
}

/// The trainer context.
#[derive(Clone, Copy)]
pub struct TrainCtx {
    pub app: AppCtx,
    /// Fetched when training mode first opens (`drills.json` next to the app).
    pub drills: RwSignal<Vec<Drill>>,
    /// While they load, or why they could not: said in place of the list.
    pub loading: RwSignal<Option<String>>,
    assets: StoredValue<String>,
    requested: StoredValue<bool>,
    /// The drill being played (index into `drills`).
    pub active: RwSignal<Option<usize>>,
    session: StoredValue<Option<Session>>,
    pub finished: RwSignal<Option<Finished>>,
    /// Why the SOP picked was not opened (not the one this caller needs).
    pub hint: RwSignal<Option<String>>,
    host: HostCtx,
}

/// The trainer context.
pub fn use_train() -> TrainCtx {
    expect_context::<TrainCtx>()
}

impl TrainCtx {
    /// The drills embedded by the build, and the mode and date the page or
    /// the mount options ask for (`?mode=latihan&tanggal=2021-03-05`).
    pub fn new(
        app: AppCtx,
        host: HostCtx,
        assets: String,
        training: bool,
        date: Option<&str>,
    ) -> TrainCtx {
        let t = TrainCtx {
            app,
            drills: RwSignal::new(Vec::new()),
            loading: RwSignal::new(None),
            assets: StoredValue::new(assets),
            requested: StoredValue::new(false),
            active: RwSignal::new(None),
            session: StoredValue::new(None),
            finished: RwSignal::new(None),
            hint: RwSignal::new(None),
            host,
        };
        if training {
            app.training.set(true);
            t.fetch_drills();
            if let Some(d) = date.and_then(dates::parse_iso) {
                t.set_date(Some(d));
            }
        }
        t
    }

    /// Fetch the drills once; a failure is said, and tried again next time.
    fn fetch_drills(&self) {
        if self.requested.get_value() {
            return;
        }
        self.requested.set_value(true);
        self.loading.set(Some("Memuat daftar latihan…".into()));
        let t = *self;
        let assets = self.assets.get_value();
        leptos::task::spawn_local(async move {
            match browser::net::load_drills(&assets).await {
                Ok(d) => {
                    t.drills.set(d);
                    t.loading.set(None);
                }
                Err(e) => {
                    t.requested.set_value(false);
                    t.loading.set(Some(format!(
                        "Daftar latihan tidak dapat dimuat: {e}. Muat ulang halaman (F5) atau \
                         laporkan kepada pengelola pelatihan."
                    )));
                }
            }
        });
    }

    /// What a training button asks (`actions::Action`'s training actions;
    /// others are not training's).
    pub fn act(&self, ctx: CallCtx, action: Action) {
        match action {
            Action::Training(on) => self.set_mode(ctx, on),
            Action::Drill(name) => self.start(ctx, &name),
            Action::DrillQuit => self.quit(ctx),
            Action::ExportCsv | Action::ExportJson => {
                if let Err(e) = self.export(action == Action::ExportJson) {
                    self.hint
                        .set(Some(format!("Berkas tidak dapat dibuat: {e}")));
                }
            }
            Action::ClearDate => self.set_date(None),
            _ => {}
        }
    }

    /// Switch between live calls and training. A live call running is set
    /// aside (still saved, listed to resume); a drill is dropped.
    pub fn set_mode(&self, ctx: CallCtx, on: bool) {
        if self.app.training.get_untracked() == on {
            return;
        }
        self.quit(ctx);
        if ctx.call.with_untracked(Option::is_some) {
            ctx.close();
        }
        self.app.training.set(on);
        if on {
            self.fetch_drills();
        } else {
            self.set_date(None);
            ctx.shift.refresh_unfinished(None);
        }
        let next = if on { Hook::Drill } else { Hook::Search };
        self.app.dom.focus_soon(next.selector());
    }

    /// The simulated date (`None`: the real one). Training only.
    pub fn set_date(&self, day: Option<NaiveDate>) {
        self.app.sim.set(day);
        self.app
            .today
            .set(day.unwrap_or_else(|| browser::now_wib().date()));
    }

    pub fn drill(&self) -> Option<Drill> {
        self.with_drill(Drill::clone)
    }

    /// Read the drill being played without copying it.
    pub fn with_drill<R>(&self, f: impl FnOnce(&Drill) -> R) -> Option<R> {
        let i = self.active.get_untracked()?;
        self.drills.with_untracked(|d| d.get(i).map(f))
    }

    /// Start a drill: an empty header, the finder, the caller's first words.
    /// An SOP not in force on the day the widget believes (the trainer's
    /// simulated date, else today) is practised on the drill's own day.
    pub fn start(&self, ctx: CallCtx, name: &str) {
        let Some(i) = self
            .drills
            .with_untracked(|d| d.iter().position(|x| x.name == name))
        else {
            return;
        };
        self.quit(ctx);
        let drill = self.drills.with_untracked(|d| d[i].clone());
        let day = self.app.today.get_untracked();
        let in_force = self.app.with_cat(|cat| {
            cat.get(&drill.sop)
                .is_some_and(|s| search::status(s, day) == Status::InForce)
        });
        if !in_force {
            if let Some(day) = dates::parse_stamp(&drill.now) {
                self.set_date(Some(day.date()));
            }
        }
        self.session
            .set_value(Some(Session::new(&drill, browser::now_wib())));
        let session = self.session;
        ctx.observer
            .set_value(Some(Box::new(move |call, input, result| {
                session.update_value(|s| {
                    if let Some(s) = s {
                        s.record(call, input, result);
                    }
                });
            })));
        ctx.caller.set(Default::default());
        self.finished.set(None);
        self.hint.set(None);
        self.active.set(Some(i));
        self.app.dom.focus_soon(Hook::CallerName.selector());
    }

    /// The trainee opened an SOP from the finder: the drill's starts the
    /// call, another is recorded as a miss and not opened.
    pub fn pick(&self, ctx: CallCtx, sop: &str) -> Result<(), String> {
        let Some(drill) = self.drill() else {
            return ctx.start(sop);
        };
        if drill.sop == sop {
            self.hint.set(None);
            return ctx.start(sop);
        }
        self.session.update_value(|s| {
            if let Some(s) = s {
                s.wrong_sop(sop);
            }
        });
        let msg = "Bukan SOP ini yang dibutuhkan penelepon. Dengarkan lagi apa yang \
                   disampaikannya, lalu cari SOP lain."
            .to_string();
        self.hint.set(Some(msg.clone()));
        Err(msg)
    }

    /// "Selesai" at the drill's outcome: the score and the review, to the
    /// screen, and to the host as `training-result`.
    pub fn finish(&self, ctx: CallCtx) {
        let (Some(drill), Some(session)) = (self.drill(), self.session.get_value()) else {
            ctx.finish(true);
            return;
        };
        let reached = ctx
            .call
            .with_untracked(|c| c.as_ref().map(|c| c.at.step.clone()))
            .unwrap_or_default();
        let played = browser::now_wib();
        let map = ctx.call.with_untracked(|c| {
            let c = c.as_ref()?;
            ctx.with_cat(|cat| {
                Some(MapMarks {
                    sop: drill.sop.clone(),
                    version: cat.get(&drill.sop)?.version.clone(),
                    marks: map_marks::of_drill(cat, &drill, &session, c),
                })
            })
        });
        let (score, review) = self.app.with_cat(|cat| {
            (
                session.score(cat, &drill, played),
                session.review(cat, &drill, &reached),
            )
        });
        self.host.emit(&WidgetEvent::TrainingResult(result_json(
            &score, &review, played,
        )));
        ctx.observer.set_value(None);
        ctx.finish(true);
        self.finished.set(Some(Finished {
            score,
            review,
            played,
            map,
        }));
        self.app.dom.focus_soon(Hook::Score.selector());
    }

    /// Stop the drill (or leave the score screen) for the list of drills.
    pub fn quit(&self, ctx: CallCtx) {
        if self.active.get_untracked().is_none() {
            return;
        }
        ctx.observer.set_value(None);
        if ctx.call.with_untracked(Option::is_some) {
            ctx.close();
        }
        self.session.set_value(None);
        self.finished.set(None);
        self.hint.set(None);
        self.active.set(None);
        self.app.dom.focus_soon(Hook::Drill.selector());
    }

    /// Download the result for the trainer's records.
    pub fn export(&self, json: bool) -> Result<(), String> {
        let Some(f) = self.finished.get_untracked() else {
            return Ok(());
        };
        let day = dates::iso(f.played.date());
        if json {
            let text = result_json(&f.score, &f.review, f.played).to_text();
            browser::net::download(&format!("latihan-{day}.json"), "application/json", &text)
        } else {
            browser::net::download(
                &format!("latihan-{day}.csv"),
                "text/csv;charset=utf-8",
                &f.score.to_csv(),
            )
        }
    }
}
