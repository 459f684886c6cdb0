//! Pandu's entry point: a panic hook, then the app on the page body, unless
//! the page is a host console that mounts it itself (`mount.rs`).

mod mount;

fn main() {
    std::panic::set_hook(Box::new(pandu::browser::on_panic));
    if pandu::browser::auto_mount() {
        let config = pandu::host::HostConfig::from_page();
        leptos::mount::mount_to_body(move || {
            leptos::prelude::view! { <pandu::ui::Root config /> }
        });
        pandu::browser::register_service_worker();
    }
}
