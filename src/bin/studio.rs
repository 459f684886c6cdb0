//! The studio's entry point (`studio.html`): a panic hook, then the studio on the page body.

fn main() {
    std::panic::set_hook(Box::new(pandu::browser::on_panic));
    leptos::mount::mount_to_body(pandu::studio::Studio);
}
