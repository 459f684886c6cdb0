use crate::browser;
use crate::host::{self, HostConfig, PackNotice};
use crate::ui::app::{App, Inbox};
use crate::ui::load_error::LoadError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pandu_engine::library::Library;

/// How long a host's SOP pack may take before the built-in SOPs are used alone.
const PACK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Reads the built-in catalogue and, when the host names an SOP pack, waits for it (checked, or refused with its errors) before the widget starts.
#[component]
pub fn Root(config: HostConfig, #[prop(optional)] inbox: Option<Inbox>) -> impl IntoView {
    let mut builtin = match browser::load_library() {
        Ok(l) => l,
        Err(message) => return view! { <LoadError message /> }.into_any(),
    };
    let Some(url) = config.pack.clone() else {
        return view! { <App lib=builtin config pack=None inbox /> }.into_any();
    };
    // A pack is linted together with every built-in SOP: read them all now.
    let builtin = match builtin.load_all() {
        Ok(c) => c.clone(),
        Err(message) => return view! { <LoadError message /> }.into_any(),
    };

    // The widget starts once, on whichever comes first: the pack or the wait's end.
    let settled: RwSignal<Option<(Library, Option<PackNotice>)>, LocalStorage> =
        RwSignal::new_local(None);
    let settle = move |result: (Library, Option<PackNotice>)| {
        if settled.with_untracked(Option::is_none) {
            settled.set(Some(result));
        }
    };
    let origins = config.origins.clone();
    let fallback = builtin.clone();
    let waited_url = url.clone();
    set_timeout(
        move || {
            settle((
                Library::from_catalog(fallback),
                Some(PackNotice::Refused(
                    waited_url,
                    vec![format!(
                        "tidak ada jawaban dalam {} detik",
                        PACK_WAIT.as_secs()
                    )],
                )),
            ))
        },
        PACK_WAIT,
    );
    spawn_local(async move {
        let result = match host::load_pack(&builtin, &url, &origins).await {
            Ok((merged, summary)) => (merged, Some(PackNotice::Applied(summary))),
            Err(refused) => (builtin, Some(refused)),
        };
        settle((Library::from_catalog(result.0), result.1));
    });

    let config = StoredValue::new_local(config);
    let inbox = StoredValue::new_local(inbox);
    view! {
        {move || match settled.get() {
            None => {
                view! {
                    <p class="pandu-boot" data-testid="pack-loading" role="status">
                        "Memuat paket SOP dari konsol…"
                    </p>
                }
                    .into_any()
            }
            Some((lib, pack)) => {
                view! { <App lib config=config.get_value() pack inbox=inbox.get_value() /> }
                    .into_any()
            }
        }}
    }
    .into_any()
}
