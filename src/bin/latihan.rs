//! Training's entry point (`latihan.html`, feature `training`): the widget
//! with training mode, on the page body or mounted by `pandu-embed.js` for a
//! host that asks for `mode: "latihan"`. The live bundle (`src/main.rs`)
//! sends `?mode=latihan` here.

#[path = "../mount.rs"]
mod mount;

fn main() {
    std::panic::set_hook(Box::new(pandu::browser::on_panic));
    if pandu::browser::auto_mount() {
        let mut config = pandu::host::HostConfig::from_page();
        // The page itself is training's, whatever its address says.
        config.training = true;
        leptos::mount::mount_to_body(move || {
            leptos::prelude::view! { <pandu::ui::Root config /> }
        });
        pandu::browser::register_service_worker();
    }
}
