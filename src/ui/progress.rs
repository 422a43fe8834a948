//! "Question 4 of 20" and a progress bar drawn with SVG attributes (no inline styles, so
//! it works under a strict `style-src`).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// 1-based position.
    pub n: usize,
    pub total: usize,
    /// "Question 4 of 20", already in the visitor's language and digits.
    pub text: AttrValue,
    pub label: AttrValue,
}

#[function_component(Progress)]
pub fn progress(props: &ProgressProps) -> Html {
    let text = &props.text;
    let percent = (props.n * 100).checked_div(props.total).unwrap_or(0);
    html! {
        <div class="progress" part="progress">
            <p class="progress-text" aria-hidden="true">{ text }</p>
            <div class="progress-bar" role="progressbar" aria-label={props.label.clone()}
                aria-valuemin="0" aria-valuemax={props.total.to_string()}
                aria-valuenow={props.n.to_string()} aria-valuetext={text.clone()}>
                <svg viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="track" width="100" height="6" />
                    <rect class="fill" width={percent.to_string()} height="6" />
                </svg>
            </div>
        </div>
    }
}
