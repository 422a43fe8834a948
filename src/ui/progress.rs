//! "Question 4 of 20" and a progress bar drawn with SVG attributes (no inline styles, so
//! it works under a strict `style-src`).

use yew::prelude::*;

/// Position `n` (1-based) of `total`; `text` is "Question 4 of 20" in the visitor's language
/// and digits, `label` the bar's accessible name.
pub fn progress(n: usize, total: usize, text: String, label: &str) -> Html {
    let percent = (n * 100).checked_div(total).unwrap_or(0);
    html! {
        <div class="progress" part="progress">
            <p class="progress-text" aria-hidden="true">{ text.clone() }</p>
            <div class="progress-bar" role="progressbar" aria-label={label.to_owned()}
                aria-valuemin="0" aria-valuemax={total.to_string()}
                aria-valuenow={n.to_string()} aria-valuetext={text}>
                <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="track" width="100" height="6" />
                    <rect class="fill" width={percent.to_string()} height="6" />
                </svg>
            </div>
        </div>
    }
}
