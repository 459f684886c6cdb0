//! Pandu's entry point: a panic hook, then the app.

fn main() {
    std::panic::set_hook(Box::new(pandu::browser::on_panic));
    leptos::mount::mount_to_body(pandu::ui::App);
}
