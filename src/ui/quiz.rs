//! The quiz card: intro → one statement per screen → results, with comparing with a partner
//! (a partner's code, or taking turns with a hand-over screen) and the opt-in "Remember my
//! progress". The rules are `core::quiz`'s; this renders its state, sends its actions, and
//! wires the effects (`ui::hooks`). Quick exit is the widget's, in `top_bar`.

use std::rc::Rc;
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::events::HostEvent;
use crate::core::keepsake::{self, Output};
use crate::core::pair::{self, means};
use crate::core::progress::{decode, StoreOp};
use crate::core::quiz::statement_fingerprint;
use crate::core::resources::Resource;
use crate::core::scoring::score;
use crate::ui::compare::{compare, together, Offer};
use crate::ui::comparison::{comparison, plain_comparison};
use crate::ui::handover::handover;
use crate::ui::hooks::focus::{use_focus_on_comparison, use_focus_on_handover};
use crate::ui::hooks::host_events::use_host_events;
use crate::ui::hooks::saved_progress::use_saved_progress;
use crate::ui::intro::Intro;
use crate::ui::question::Question;
use crate::ui::remember::remember;
use crate::ui::results::Results;
use crate::ui::state::{Action, QuizState, Step};
use crate::ui::then_now::ThenNow;

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub content: Rc<Content>,
    pub cta_href: Option<String>,
    pub cta_label: Option<String>,
    pub cta_phone: Option<String>,
    /// Add scores (never answers) to `ei-complete` and `ei-compare`.
    pub share_score: bool,
    /// Offer comparing with a partner (`compare="off"` turns it off).
    pub compare: bool,
    /// Offer keeping results: "Save my results" and "then and now" (`keepsake="off"`).
    pub keepsake: bool,
    pub on_keepsake: Callback<Output>,
    pub resources: Rc<Vec<Resource>>,
    /// Whether this browser lets us store anything at all; if not, the option is hidden.
    pub storage_available: bool,
    /// Progress the visitor saved earlier, as stored.
    pub saved: Option<String>,
    /// Saves or clears progress; returns false when storage refused.
    pub on_store: Callback<StoreOp, bool>,
    /// Told whether the quiz has started (Esc twice then works from anywhere on the page).
    pub on_started: Callback<bool>,
    pub on_event: Callback<HostEvent>,
}

#[function_component(Quiz)]
pub fn quiz(props: &QuizProps) -> Html {
    let content = &props.content;
    let questions = use_memo(content.clone(), |content| content.questions());
    let fingerprint = *use_memo(content.clone(), |content| statement_fingerprint(content));
    let resumed = use_memo((), {
        let (total, saved) = (questions.len(), props.saved.clone());
        move |_| saved.and_then(|text| decode(&text, total))
    });
    let state = use_reducer({
        let (questions, resumed) = (questions.clone(), (*resumed).clone());
        move || QuizState::start(&questions, resumed)
    });
    let partner = state
        .partner_means(content, &questions, fingerprint, props.compare)
        .map(Rc::new);
    // Focus follows the visitor's own actions only: nothing is focused on page load, which
    // would scroll the host page to the widget uninvited.
    let interacted = use_mut_ref(|| false);
    let card = use_node_ref();

    use_host_events(
        &state,
        content,
        questions.clone(),
        partner.clone(),
        props.share_score,
        props.on_event.clone(),
    );
    let storage_ok = use_saved_progress(
        &state,
        resumed.is_some(),
        props.storage_available,
        props.on_store.clone(),
        {
            let state = state.clone();
            Callback::from(move |_| state.dispatch(Action::SetRemember(false)))
        },
    );
    use_focus_on_handover(card.clone(), state.step);
    use_focus_on_comparison(card.clone(), state.step, partner.is_some());

    let dispatch = {
        let (state, interacted) = (state.clone(), interacted.clone());
        let on_event = props.on_event.clone();
        Callback::from(move |action: Action| {
            *interacted.borrow_mut() = true;
            if state.starts_with(&action) {
                on_event.emit(HostEvent::Start);
            }
            state.dispatch(action);
        })
    };
    {
        let on_started = props.on_started.clone();
        use_effect_with(state.step != Step::Intro, move |started| {
            on_started.emit(*started)
        });
    }
    // Forget erases every widget's saved progress on this origin, not only this one's.
    let forget = {
        let (dispatch, on_store) = (dispatch.clone(), props.on_store.clone());
        Callback::from(move |_: ()| {
            dispatch.emit(Action::Forget);
            on_store.emit(StoreOp::ForgetAll);
        })
    };

    let autofocus = *interacted.borrow();
    let ui = &content.ui;
    let body = match state.step {
        Step::Intro => {
            let partner_html = if state.comparing_offered(props.compare) {
                together(
                    content,
                    partner.is_some(),
                    &state.view,
                    fingerprint,
                    &dispatch,
                )
            } else {
                html! {}
            };
            html! {
                <Intro content={content.clone()} autofocus={autofocus} share_score={props.share_score}
                    on_start={dispatch.reform(|_| Action::Start)} partner={partner_html} />
            }
        }
        Step::Handover => handover(content, dispatch.reform(|_| Action::StartTurn)),
        Step::Question(index) => {
            let question = questions.get(index).copied();
            let (number, total) = state.position().unwrap_or((index + 1, state.total()));
            match question.and_then(|q| content.question_text(q)) {
                Some(text) => html! {
                    <Question
                        key={index}
                        content={content.clone()}
                        index={index}
                        number={number}
                        total={total}
                        text={text.to_owned()}
                        response={state.current()}
                        on_choose={dispatch.reform(Action::Choose)}
                        on_next={dispatch.reform(|_| Action::Next)}
                        on_back={dispatch.reform(|_| Action::Back)}
                    />
                },
                None => html! {},
            }
        }
        Step::Results => {
            let report = score(content, &questions, &state.responses);
            let yours = means(&report.dimensions);
            let comparison_html = match &partner {
                Some(partner) if state.afraid() => plain_comparison(content, &yours, partner),
                Some(partner) => comparison(content, &yours, partner),
                None => html! {},
            };
            let code = pair::encode(&yours, fingerprint);
            let kept = keepsake::offered(&state, props.keepsake);
            let earlier = if kept {
                html! { <ThenNow content={content.clone()} now={yours} {fingerprint} /> }
            } else {
                html! {}
            };
            let invite = if state.comparing_offered(props.compare) {
                let offer = Offer {
                    code: &code,
                    fingerprint,
                    has_partner: partner.is_some(),
                    can_take_turns: state.can_take_turns(),
                };
                compare(content, offer, &state.view, &dispatch)
            } else {
                html! {}
            };
            html! {
                <Results
                    content={content.clone()}
                    report={Rc::new(report)}
                    safety={state.safety_answer()}
                    resources={props.resources.clone()}
                    cta_href={props.cta_href.clone()}
                    cta_label={props.cta_label.clone()}
                    cta_phone={props.cta_phone.clone()}
                    on_retake={dispatch.reform(|_| Action::Retake)}
                    on_event={props.on_event.clone()}
                    comparison={comparison_html}
                    invite={invite}
                    kept_code={kept.then_some(code)}
                    on_keepsake={props.on_keepsake.clone()}
                    earlier={earlier}
                />
            }
        }
    };

    html! {
        <section class="card quiz" part="card" aria-labelledby="eiw-title" ref={card}>
            <h2 id="eiw-title" class="title">{ &ui.title }</h2>
            if resumed.is_some() && !autofocus {
                <p class="notice" role="status">{ &ui.resumed }</p>
            }
            { body }
            // Offered on the intro and again with the results, not under every question;
            // but once it is on, Forget stays one tap away on every question too.
            if storage_ok && (state.remember || matches!(state.step, Step::Intro | Step::Results)) {
                { remember(content, state.remember, &dispatch.reform(Action::SetRemember), &forget) }
            }
        </section>
    }
}
