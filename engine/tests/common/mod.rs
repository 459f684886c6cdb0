//! Helpers shared by the engine's test files.

use pandu_engine::flow::Input;

/// A collect form sent with these values, by field id.
pub fn fill(pairs: &[(&str, &str)]) -> Input {
    Input::Submit(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}
