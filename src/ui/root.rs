use crate::catalogue::{self, Started};
use crate::host::{HostConfig, PackNotice};
use crate::ui::app::{App, Inbox};
use crate::ui::load_error::LoadError;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How long a host's SOP pack may take before the widget starts without it.
const PACK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Fetches the catalogue (the build's index, the deployment's published SOPs and, when the host names one, its pack, each checked or refused with its reasons) and starts the widget on it.
#[component]
pub fn Root(config: HostConfig, #[prop(optional)] inbox: Option<Inbox>) -> impl IntoView {
    // The widget starts once, on whichever comes first: the catalogue with
    // the pack, or the pack's wait running out (the catalogue without it).
    let settled: RwSignal<Option<Result<Started, String>>, LocalStorage> =
        RwSignal::new_local(None);
    let settle = move |result: Result<Started, String>| {
        if settled.with_untracked(Option::is_none) {
            settled.set(Some(result));
        }
    };
    let assets = config.assets.clone();
    let pack = config.pack.clone();
    let origins = config.origins.clone();
    spawn_local(async move {
        let mut started = match catalogue::start(&assets).await {
            Ok(s) => s,
            Err(e) => return settle(Err(e)),
        };
        let Some(url) = pack else {
            return settle(Ok(started));
        };
        let waited = Started {
            lib: started.lib.clone(),
            notices: started
                .notices
                .iter()
                .cloned()
                .chain([PackNotice::Refused(
                    url.clone(),
                    vec![format!(
                        "tidak ada jawaban dalam {} detik",
                        PACK_WAIT.as_secs()
                    )],
                )])
                .collect(),
        };
        set_timeout(move || settle(Ok(waited)), PACK_WAIT);
        let notices = catalogue::host_pack(&mut started.lib, &assets, &url, &origins).await;
        started.notices.extend(notices);
        settle(Ok(started));
    });

    let config = StoredValue::new_local(config);
    let inbox = StoredValue::new_local(inbox);
    view! {
        {move || match settled.get() {
            None => {
                view! {
                    <p class="pandu-boot" data-testid="catalogue-loading" role="status">
                        "Memuat katalog SOP…"
                    </p>
                }
                    .into_any()
            }
            Some(Err(message)) => view! { <LoadError message /> }.into_any(),
            Some(Ok(Started { lib, notices })) => {
                view! { <App lib config=config.get_value() pack=notices inbox=inbox.get_value() /> }
                    .into_any()
            }
        }}
    }
}
