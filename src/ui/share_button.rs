use crate::actions::Action;
use crate::browser::clipboard::{self, CopyOutcome};
use crate::browser::events::Acted;
use crate::browser::share::{self, ShareOutcome};
use crate::browser::Dom;
use crate::hooks::Hook;
use crate::state::CopyCtx;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// "Bagikan" beside "Salin semua": the same text to the phone's share sheet (chat apps), shown only where the browser can share.
#[component]
pub fn ShareButton(
    // Exactly what the copy button beside it copies.
    text: String,
    // What is shared, for the status line ("semua tiket").
    #[prop(into)] name: String,
) -> impl IntoView {
    share::available().then(|| {
        let hidden_name = format!(" {name}");
        view! {
            <button
                type="button"
                class="pandu-btn pandu-btn--copy"
                data-testid="share"
                data-act=Action::Share.act()
                data-copy=text
                data-name=name
            >
                "Bagikan"
                <span class="pandu-sr">{hidden_name}</span>
            </button>
        }
    })
}

/// Carried out by the root's click handler. A closed share sheet is the
/// user's choice and changes nothing; a share the browser refuses copies the
/// text instead, and the copy status says which of these happened.
pub fn share(copy: CopyCtx, dom: Dom, a: Acted) {
    let text = a.attr("data-copy").unwrap_or_default();
    let name = a.attr("data-name").unwrap_or_default();
    copy.clear();
    // Started before anything is awaited: the browser shares only while the
    // tap that asked for it still counts as the user's.
    let sharing = share::share_text(&text);
    spawn_local(async move {
        let message = match sharing.await {
            ShareOutcome::Shared => format!("Dibagikan: {name}"),
            ShareOutcome::Cancelled => "Batal dibagikan.".to_string(),
            ShareOutcome::Failed(_) => match clipboard::copy_text(&text).await {
                CopyOutcome::Clipboard => format!("Tidak dapat dibagikan; tersalin: {name}"),
                CopyOutcome::Fallback => {
                    format!("Tidak dapat dibagikan; tersalin (cara cadangan): {name}")
                }
                CopyOutcome::Failed => {
                    copy.manual.set(Some(text));
                    dom.select_text_soon(Hook::CopyManual.selector());
                    "Tidak dapat dibagikan dan gagal menyalin: pilih teks di bawah lalu salin"
                        .to_string()
                }
            },
        };
        copy.status.set(message);
    });
}
