//! The shift around the calls: whether saving works, the unfinished calls to
//! resume, the history of ended calls, the e-voucher day queue, and "Hapus
//! semua data". One small `Copy` context; what to keep and when to purge is
//! the engine's (`history`, `queue`), where it is kept is `store`'s.

use crate::browser;
use crate::state::AppCtx;
use crate::store::{self, Unfinished, Written};
use chrono::{NaiveDateTime, NaiveTime};
use leptos::prelude::*;
use pandu_engine::flow::Call;
use pandu_engine::history::{self, Ended, History};
use pandu_engine::queue::{self, Queue};
use pandu_engine::saved::Saved;
use pandu_engine::ticket::Composed;

/// What the page address may set: `?riwayat=N&akhir_shift=HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// How many ended calls the history keeps.
    pub history_limit: usize,
    /// When the shift ends (WIB): the history is purged then.
    pub shift_end: NaiveTime,
}

/// The most ended calls a history may be asked to keep.
pub const MAX_HISTORY: usize = 500;

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            history_limit: history::DEFAULT_LIMIT,
            shift_end: NaiveTime::MIN,
        }
    }
}

impl Settings {
    /// Read the two parameters; a missing or unreadable one keeps its default.
    pub fn parse(riwayat: Option<&str>, akhir_shift: Option<&str>) -> Settings {
        let d = Settings::default();
        Settings {
            history_limit: riwayat
                .and_then(|n| n.trim().parse::<usize>().ok())
                .filter(|n| (1..=MAX_HISTORY).contains(n))
                .unwrap_or(d.history_limit),
            shift_end: akhir_shift
                .and_then(pandu_engine::dates::parse_hm)
                .unwrap_or(d.shift_end),
        }
    }

    /// From the page address.
    pub fn from_page() -> Settings {
        Settings::parse(
            browser::net::query_param("riwayat").as_deref(),
            browser::net::query_param("akhir_shift").as_deref(),
        )
    }
}

/// Whether what Pandu keeps reaches the browser's storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saving {
    /// Nothing written yet, storage usable.
    Ready,
    /// The last write worked, at this time (WIB).
    Saved(NaiveDateTime),
    /// Storage refused: why.
    Failed(String),
}

/// The shift context.
#[derive(Clone, Copy)]
pub struct ShiftCtx {
    pub app: AppCtx,
    pub settings: Settings,
    pub saving: RwSignal<Saving>,
    pub history: RwSignal<History>,
    pub queue: RwSignal<Queue>,
    /// Unfinished calls of other tabs or of closed ones, newest first.
    pub unfinished: RwSignal<Vec<Unfinished>>,
    /// Keys set aside at start-up because their data was unreadable.
    pub quarantined: RwSignal<Vec<String>>,
    /// The time, refreshed every minute: deadline countdown and purge.
    pub clock: RwSignal<NaiveDateTime>,
    /// What "Hapus semua data" did.
    pub status: RwSignal<Option<String>>,
    /// What "Kirim ke PJ Site" did.
    pub sent: RwSignal<Option<String>>,
    /// Why the unfinished call picked could not be resumed.
    pub resume_failed: RwSignal<Option<String>>,
    /// The history entry open to copy again (one at a time: its ticket
    /// panels use the page's only set of ids).
    pub open: RwSignal<Option<String>>,
}

/// The shift context.
pub fn use_shift() -> ShiftCtx {
    expect_context::<ShiftCtx>()
}

impl ShiftCtx {
    /// Open the storage: read (and quarantine) what is there, purge a history
    /// whose shift is over. Returns the readable saved calls.
    pub fn open(app: AppCtx, settings: Settings) -> (ShiftCtx, Vec<Saved>) {
        let now = browser::now_wib();
        let found = store::open(now);
        let saving = match found.problem.clone().map(Err).unwrap_or_else(store::probe) {
            Ok(()) => Saving::Ready,
            Err(e) => Saving::Failed(e),
        };
        let shift = ShiftCtx {
            app,
            settings,
            saving: RwSignal::new(saving),
            history: RwSignal::new(found.history.unwrap_or_default()),
            queue: RwSignal::new(found.queue.unwrap_or_default()),
            unfinished: RwSignal::new(Vec::new()),
            quarantined: RwSignal::new(found.quarantined),
            clock: RwSignal::new(now),
            status: RwSignal::new(None),
            sent: RwSignal::new(None),
            resume_failed: RwSignal::new(None),
            open: RwSignal::new(None),
        };
        shift.tick(now);
        (shift, found.calls)
    }

    /// Record how a write went, for the storage status.
    pub fn report(&self, written: Written) {
        self.saving.set(match written {
            Ok(()) => Saving::Saved(browser::now_wib()),
            Err(e) => Saving::Failed(e),
        });
    }

    /// List the saved calls other than `running` (this widget's own) and
    /// those the other widgets of this tab run.
    pub fn list_unfinished(&self, calls: &[Saved], running: Option<&str>) {
        let beside = self
            .app
            .tab
            .with_value(|own| store::tab_calls_elsewhere(own));
        // Each described on the SOPs it runs on, saved with it.
        let list = calls
            .iter()
            .filter(|s| Some(s.call.id.as_str()) != running)
            .filter(|s| !beside.contains(&s.call.id))
            .filter_map(|s| store::describe(&store::call_sops(&s.call.id)?, s))
            .collect();
        self.unfinished.set(list);
    }

    /// List the saved calls again, from storage.
    pub fn refresh_unfinished(&self, running: Option<&str>) {
        let calls = store::saved_calls();
        self.list_unfinished(&calls, running);
    }

    /// Another tab wrote: read the list, the history and the queue again.
    /// Data gone from storage is gone (another tab wiped it), unless this tab
    /// could not write: then what it holds in memory is all there is.
    pub fn reload(&self, running: Option<&str>) {
        self.refresh_unfinished(running);
        let keep = matches!(self.saving.get_untracked(), Saving::Failed(_));
        match store::read_history() {
            Ok(Some(h)) => self.history.set(h),
            Ok(None) if !keep => self.history.set(History::default()),
            _ => {}
        }
        match store::read_queue() {
            Ok(Some(q)) => self.queue.set(q),
            Ok(None) if !keep => self.queue.set(Queue::default()),
            _ => {}
        }
    }

    // Change the history: read it fresh first (another tab may have added
    // a call), fall back to the copy in memory when storage cannot be read.
    fn update_history(&self, change: impl FnOnce(&mut History) -> bool) {
        let mut h = store::read_history()
            .ok()
            .flatten()
            .unwrap_or_else(|| self.history.get_untracked());
        if change(&mut h) {
            self.report(store::write_history(&h));
        }
        self.history.set(h);
    }

    fn update_queue(&self, change: impl FnOnce(&mut Queue) -> bool) {
        let mut q = store::read_queue()
            .ok()
            .flatten()
            .unwrap_or_else(|| self.queue.get_untracked());
        if change(&mut q) {
            self.report(store::write_queue(&q));
        }
        self.queue.set(q);
    }

    /// Every minute: the clock for the countdown, and the purge at the end of
    /// the shift.
    pub fn tick(&self, now: NaiveDateTime) {
        self.clock.set(now);
        let end = self.settings.shift_end;
        self.update_history(|h| {
            // An empty history has nothing to purge and nothing to write
            // (after "Hapus semua data" nothing comes back by itself).
            if h.entries.is_empty() {
                return false;
            }
            let before = h.purge_at;
            // A shift end set earlier than the stored one takes effect now.
            let next = history::next_shift_end(now, end);
            if h.purge_at.is_some_and(|at| at > next) {
                h.purge_at = Some(next);
            }
            h.purge_if_due(now, end) || h.purge_at != before
        });
        self.update_queue(|q| {
            let n = q.rows.len();
            q.prune(now.date(), 1);
            q.rows.len() != n
        });
    }

    /// An ended call: its tickets into the history, an e-voucher request into
    /// the day queue (with the closing remark if its row was already sent).
    pub fn record(&self, call: &Call, mut composed: Composed, ended: NaiveDateTime) {
        let mut sent_on = None;
        self.update_queue(|q| {
            let added = q.add(call, ended);
            sent_on = q.sent_on(&call.id);
            added
        });
        if let Some(day) = sent_on {
            queue::apply_remark(&mut composed, day);
        }
        let sop_title = self
            .app
            .with_cat(|cat| cat.get(&call.sop).map(|s| s.title.clone()))
            .unwrap_or_else(|| call.sop.clone());
        let entry = Ended {
            call_id: call.id.clone(),
            sop_title,
            caller_name: pandu_engine::validate::one_line(&call.caller.name),
            ended_at: pandu_engine::dates::stamp(ended),
            composed,
        };
        let (limit, end) = (self.settings.history_limit, self.settings.shift_end);
        self.update_history(|h| {
            // A shift that ended before the tick noticed is purged first;
            // this also sets when the history is purged next.
            h.purge_if_due(ended, end);
            h.push(entry, limit);
            true
        });
    }

    /// "Kirim ke PJ Site": download the unsent rows as the HoCC form, mark
    /// them sent today, and write that date into their APKT closing remark.
    pub fn send_to_pj_site(&self) {
        let day = browser::now_wib().date();
        let name = format!("evoucher-pj-site-{}.csv", pandu_engine::dates::iso(day));
        // Export and mark on one fresh copy of the queue, so exactly the rows
        // in the file are marked, even if another tab added one meanwhile.
        let mut ids = Vec::new();
        let mut failed = None;
        self.update_queue(|q| {
            if q.unsent().next().is_none() {
                return false;
            }
            if let Err(e) = browser::net::download(&name, "text/csv;charset=utf-8", &q.export_csv())
            {
                failed = Some(e);
                return false;
            }
            ids = q.mark_sent(day);
            true
        });
        if let Some(e) = failed {
            self.sent.set(Some(format!(
                "Berkas untuk PJ Site tidak dapat dibuat ({e}); data tetap di antrean."
            )));
            return;
        }
        if ids.is_empty() {
            self.sent
                .set(Some("Tidak ada data e-voucher yang belum dikirim.".into()));
            return;
        }
        self.update_history(|h| {
            let mut changed = false;
            for e in h.entries.iter_mut().filter(|e| ids.contains(&e.call_id)) {
                changed |= queue::apply_remark(&mut e.composed, day);
            }
            changed
        });
        self.sent.set(Some(format!(
            "{} data e-voucher diunduh sebagai {name} dan ditandai terkirim ke PJ Site \
             pada {}; keterangan Closed APKT sudah ditambahkan di riwayat.",
            ids.len(),
            pandu_engine::validate::format_date_id(day)
        )));
    }

    /// "Hapus semua data": everything Pandu stored, in every store.
    pub fn wipe(&self) {
        let written = store::wipe_all();
        self.history.set(History::default());
        self.queue.set(Queue::default());
        self.unfinished.set(Vec::new());
        self.quarantined.set(Vec::new());
        self.sent.set(None);
        self.resume_failed.set(None);
        self.status.set(Some(match &written {
            Ok(()) => "Semua data Pandu di browser ini sudah dihapus.".into(),
            Err(e) => format!("Sebagian data tidak dapat dihapus: {e}."),
        }));
        self.saving.set(match written {
            Ok(()) => Saving::Ready,
            Err(e) => Saving::Failed(e),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_address_sets_the_history_size_and_the_end_of_the_shift() {
        let s = Settings::parse(Some("10"), Some("22:30"));
        assert_eq!(s.history_limit, 10);
        assert_eq!(s.shift_end, NaiveTime::from_hms_opt(22, 30, 0).unwrap());
        assert_eq!(Settings::parse(None, None), Settings::default());
        assert_eq!(Settings::default().history_limit, history::DEFAULT_LIMIT);
        assert_eq!(
            Settings::default().shift_end,
            NaiveTime::MIN,
            "midnight WIB"
        );
        for bad in ["0", "-3", "tiga", "", "100000"] {
            assert_eq!(
                Settings::parse(Some(bad), None).history_limit,
                history::DEFAULT_LIMIT,
                "{bad}"
            );
        }
        for bad in ["25:00", "7", "jam 7", ""] {
            assert_eq!(
                Settings::parse(None, Some(bad)).shift_end,
                NaiveTime::MIN,
                "{bad}"
            );
        }
    }
}
