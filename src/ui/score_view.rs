use crate::actions::Action;
use crate::hooks::Hook;
use crate::trainer::use_train;
use crate::ui::sop_map::{Marked, SopMap};
use crate::ui::use_dom;
use leptos::prelude::*;
use std::rc::Rc;

/// A drill's result: the score, what counted, the seed clauses missed, the trainee's path beside the expected one, and the exports.
#[component]
pub fn ScoreView() -> impl IntoView {
    let train = use_train();
    let h = use_dom().id("score-h");
    move || {
        train.finished.get().map(|f| {
            let s = f.score;
            let name = s.drill.clone();
            let again = Action::Drill(name.clone());
            let minutes = format!("{} menit {} detik", s.seconds / 60, s.seconds % 60);
            let clean = s.misses.is_empty();
            let misses = s
                .misses
                .into_iter()
                .map(|m| {
                    view! {
                        <li data-testid="miss">
                            <strong>{m.step}</strong>
                            " (SOP " {m.clause} "): dipilih " {m.chose} ", seharusnya " {m.expected}
                        </li>
                    }
                })
                .collect_view();
            let map = f.map;
            let map: Marked = Rc::new(move || map.clone());
            let rows = f
                .review
                .into_iter()
                .map(|r| {
                    view! {
                        <tr class=if r.ok { "pandu-review__ok" } else { "pandu-review__bad" } data-testid="review-row">
                            <td>{r.step}</td>
                            <td>{r.clause}</td>
                            <td>{r.expected}</td>
                            <td>{r.actual}</td>
                            <td>{if r.ok { "✓ sesuai" } else { "✗ berbeda" }}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section
                    class="pandu-score"
                    aria-labelledby=h.clone()
                    data-testid="score"
                    data-hook=Hook::Score.as_str()
                    tabindex="-1"
                >
                    <h2 id=h.clone() class="pandu-section-title">"Nilai latihan"</h2>
                    <p class="pandu-score__name">{name}</p>
                    <p class="pandu-score__percent" data-testid="score-percent">{s.percent} "%"</p>
                    <ul class="pandu-score__parts">
                        <li data-testid="score-choices">"Pilihan benar: " {s.choices_right} " dari " {s.choices_total}</li>
                        <li data-testid="score-fields">"Isian wajib valid: " {s.fields_valid} " dari " {s.fields_total}</li>
                        <li data-testid="score-must">"Kalimat wajib diucapkan: " {s.must_said} " dari " {s.must_total}</li>
                        <li data-testid="score-time">"Waktu: " {minutes}</li>
                    </ul>
                    <h3 class="pandu-score__h">"Pasal yang terlewat"</h3>
                    {clean.then(|| view! { <p class="pandu-tip">"Tidak ada: semua pilihan sesuai SOP."</p> })}
                    <ul class="pandu-score__misses">{misses}</ul>
                    <h3 class="pandu-score__h">"Ulasan: jalur Anda dan jalur yang diharapkan"</h3>
                    // Scrolls sideways in a narrow panel: reachable by keyboard too.
                    <div class="pandu-review__wrap" tabindex="0" role="region" aria-label="Tabel ulasan">
                        <table class="pandu-review" data-testid="review">
                            <thead>
                                <tr>
                                    <th scope="col">"Langkah"</th>
                                    <th scope="col">"Pasal"</th>
                                    <th scope="col">"Diharapkan"</th>
                                    <th scope="col">"Jawaban Anda"</th>
                                    <th scope="col">"Hasil"</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <SopMap
                        what=map
                        title="Peta SOP: jalur Anda dan jalur yang diharapkan"
                        legend="Garis biru tebal: jalur yang diharapkan. Kotak kuning: langkah yang Anda lalui. Kotak kuning bergaris biru: Anda mengikuti SOP di langkah itu."
                        open=true
                    />
                    <div class="pandu-score__actions">
                        <button type="button" class="pandu-btn" data-testid="export-csv" data-act=Action::ExportCsv.act()>"Unduh CSV"</button>
                        <button type="button" class="pandu-btn" data-testid="export-json" data-act=Action::ExportJson.act()>"Unduh JSON"</button>
                        <button type="button" class="pandu-btn pandu-btn--primary" data-testid="drill-again" data-act=again.act() data-arg=again.arg()>
                            "Ulangi latihan ini"
                        </button>
                        <button type="button" class="pandu-btn" data-testid="drill-list" data-act=Action::DrillQuit.act()>"Pilih latihan lain"</button>
                    </div>
                </section>
            }
        })
    }
}
