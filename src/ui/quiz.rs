//! The quiz card: intro → one statement per screen → results, driven by `QuizState`, with
//! comparing with a partner (a partner's code, or taking turns with a hand-over screen).
//! It also owns the visitor's safety controls: Quick exit (button or Esc twice) and the
//! opt-in "Remember my progress".
//!
//! Comparing is compiled into the comparison build only (feature `compare`). The default
//! build shows the same comparing buttons; the first click hands the quiz over to the
//! comparison build (`HostServices::on_switch`), which the loader downloads then, and which
//! carries on from the same state as if the click had happened there.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::content::{Content, QuestionRef, DIMENSION_IDS};
use crate::core::events::{HostEvent, SharedScores};
use crate::core::pair::Means;
#[cfg(feature = "compare")]
use crate::core::pair::{self, fingerprint, means, StatementSet};
use crate::core::progress::{decode, encode, Partner, StoreOp};
use crate::core::resources::Resource;
use crate::core::scoring::{safety_concern, score, Response};
use crate::ui::app::Switch;
use crate::ui::compare::{compare, download_status, Offer};
#[cfg(feature = "compare")]
use crate::ui::comparison::comparison;
use crate::ui::handover::handover;
use crate::ui::intro::Intro;
use crate::ui::partner_code::{partner_code, partner_code_button};
use crate::ui::question::Question;
use crate::ui::remember::remember;
use crate::ui::results::Results;
#[cfg(not(feature = "compare"))]
use crate::ui::state::Download;
use crate::ui::state::{Action, QuizState, Step};

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
    pub resources: Rc<Vec<Resource>>,
    /// Whether this browser lets us store anything at all; if not, the option is hidden.
    pub storage_available: bool,
    /// Progress the visitor saved earlier, as stored.
    pub saved: Option<String>,
    /// The comparison build: the quiz as the default build handed it over.
    pub handoff: Option<String>,
    /// The default build: hands the quiz over to the comparison build.
    pub on_switch: Callback<Switch>,
    /// Saves or clears progress; returns false when storage refused.
    pub on_store: Callback<StoreOp, bool>,
    /// Leaves the page (the embed layer clears storage and replaces the location).
    pub on_quick_exit: Callback<()>,
    pub on_event: Callback<HostEvent>,
}

/// Two Escape presses this close together (ms) trigger Quick exit.
const DOUBLE_ESCAPE_MS: f64 = 1000.0;

#[function_component(Quiz)]
pub fn quiz(props: &QuizProps) -> Html {
    let questions = use_memo(props.content.clone(), |content| content.questions());
    let safety_index = questions.iter().position(|q| *q == QuestionRef::Safety);
    // Codes from a page whose publisher replaced the statements only match that page's.
    #[cfg(feature = "compare")]
    let fingerprint = *use_memo(props.content.clone(), |content| {
        fingerprint(if content.statements_replaced {
            StatementSet::Custom(&content.dimensions)
        } else {
            StatementSet::Builtin
        })
    });
    #[cfg(not(feature = "compare"))]
    let fingerprint = 0;
    let resumed = use_memo((), {
        let total = questions.len();
        let saved = props.saved.clone();
        move |_| saved.and_then(|text| decode(&text, total))
    });
    // Taken over from the default build: its state, and the control the visitor used there.
    #[cfg(feature = "compare")]
    let handed = use_memo((), {
        let total = questions.len();
        let handoff = props.handoff.clone();
        move |_| handoff.and_then(|text| QuizState::from_handoff(&text, total, safety_index))
    });
    #[cfg(not(feature = "compare"))]
    let handed: Rc<Option<(QuizState, Option<Action>)>> = Rc::new(None);
    let state = use_reducer({
        let total = questions.len();
        let resumed = (*resumed).clone();
        let handed = handed.as_ref().as_ref().map(|(state, _)| state.clone());
        move || {
            handed.unwrap_or_else(|| {
                resumed.map_or_else(
                    || QuizState::new(total, safety_index),
                    |saved| QuizState::restored(saved, safety_index),
                )
            })
        }
    });
    // The partner's scores: from their turn on this device, or their code (a saved code
    // from statements this page no longer has is ignored).
    #[cfg(feature = "compare")]
    let partner: Option<Rc<Means>> = match &state.partner {
        Partner::First(first) => Some(means(&score(&props.content, &questions, first).dimensions)),
        Partner::Code(code) => pair::decode(code, fingerprint).ok(),
        Partner::None | Partner::Turns => None,
    }
    .filter(|_| props.compare)
    .map(Rc::new);
    #[cfg(not(feature = "compare"))]
    let partner: Option<Rc<Means>> = None;
    // Focus follows the visitor's own actions only: nothing is focused on page load, which
    // would scroll the host page to the widget uninvited. A hand-over follows a click.
    let interacted = use_mut_ref(|| {
        handed
            .as_ref()
            .as_ref()
            .is_some_and(|(_, then)| then.is_some())
    });
    // The first render after a hand-over: the screen is already on the page, so no focus
    // move and no step event for it.
    let arriving = use_mut_ref(|| handed.is_some());
    // Storage is touched only after the visitor opts in; this tracks whether we did.
    let stored = use_mut_ref(|| resumed.is_some());
    let storage_ok = use_state(|| props.storage_available);

    {
        let on_event = props.on_event.clone();
        let content = props.content.clone();
        let questions = questions.clone();
        let responses = state.responses.clone();
        let total = state.total();
        let share = props.share_score;
        let arriving = arriving.clone();
        use_effect_with(state.step, move |step| match *step {
            _ if *arriving.borrow() => {}
            Step::Question(index) => on_event.emit(HostEvent::Step { index, total }),
            Step::Results => {
                let report = score(&content, &questions, &responses);
                let scores = share.then(|| SharedScores {
                    score: report.overall.map(|s| s.percent),
                    dimensions: DIMENSION_IDS
                        .iter()
                        .zip(&report.dimensions)
                        .map(|(id, s)| (*id, s.map(|s| s.percent)))
                        .collect(),
                });
                on_event.emit(HostEvent::Complete {
                    band: report.overall.map(|s| s.band.id()),
                    scores,
                });
            }
            Step::Intro | Step::Handover => {}
        });
    }

    #[cfg(feature = "compare")]
    {
        // `ei-compare` once a comparison is on screen (never for a visitor who said they
        // feel afraid: then there is none).
        let on_event = props.on_event.clone();
        let content = props.content.clone();
        let questions = questions.clone();
        let responses = state.responses.clone();
        let shown = state.step == Step::Results && !state.afraid();
        let share = props.share_score;
        use_effect_with((shown, partner.clone()), move |(shown, partner)| {
            if let (true, Some(partner)) = (*shown, partner) {
                let yours = means(&score(&content, &questions, &responses).dimensions);
                let scores = share.then(|| {
                    DIMENSION_IDS
                        .iter()
                        .zip(yours.iter().zip(partner.iter()))
                        .map(|(id, (y, p))| (*id, y.map(|m| m.percent()), p.map(|m| m.percent())))
                        .collect()
                });
                on_event.emit(HostEvent::Compare { scores });
            }
        });
    }

    {
        // Persist only what the visitor asked us to remember.
        let on_store = props.on_store.clone();
        let stored = stored.clone();
        let storage_ok = storage_ok.clone();
        use_effect_with((*state).clone(), move |state| {
            if state.remember {
                *stored.borrow_mut() = true;
                if !on_store.emit(StoreOp::Save(encode(&state.saved()))) {
                    storage_ok.set(false);
                }
            } else if stored.replace(false) {
                on_store.emit(StoreOp::Clear);
            }
        });
    }

    let dispatch = {
        let state = state.clone();
        let interacted = interacted.clone();
        let on_event = props.on_event.clone();
        Callback::from(move |action: Action| {
            *interacted.borrow_mut() = true;
            let starts = action == Action::Start
                || (action == Action::TakeTurns && state.step == Step::Intro);
            if starts {
                on_event.emit(HostEvent::Start);
            }
            state.dispatch(action);
        })
    };

    let card = use_node_ref();

    // The comparing controls' clicks: here, or, in the default build, through the hand-over.
    #[cfg(feature = "compare")]
    let together = dispatch.clone();
    #[cfg(not(feature = "compare"))]
    let together = {
        // The hand-over as it stands when the comparison build is ready to take it.
        let pending = use_mut_ref(|| None);
        *pending.borrow_mut() = match &state.view.download {
            Download::Loading(then) => Some(state.handoff(then.as_ref())),
            Download::Idle | Download::Failed => None,
        };
        let switch = {
            let dispatch = dispatch.clone();
            let on_switch = props.on_switch.clone();
            move |then: Option<Action>| {
                dispatch.emit(Action::Switch(then.map(Box::new)));
                let pending = pending.clone();
                on_switch.emit(Switch {
                    handoff: Callback::from(move |_| pending.borrow().clone()),
                    failed: dispatch.reform(|_| Action::SwitchFailed),
                });
            }
        };
        // Progress remembered from a comparison (a partner's turn or code) continues there,
        // where comparing is offered at all.
        let has_partner = props.compare && !state.afraid() && state.partner != Partner::None;
        let resume = switch.clone();
        use_effect_with(has_partner, move |has_partner| {
            if *has_partner {
                resume(None);
            }
        });
        Callback::from(move |action: Action| switch(Some(action)))
    };

    #[cfg(feature = "compare")]
    {
        // After a hand-over: act on the control the visitor used, and give it focus again
        // (it is a new element now), without scrolling the page.
        let card = card.clone();
        let dispatch = dispatch.clone();
        let arriving = arriving.clone();
        let then = handed.as_ref().as_ref().and_then(|(_, then)| then.clone());
        use_effect_with((), move |_| {
            *arriving.borrow_mut() = false;
            let control = match &then {
                Some(Action::ToggleTogether) => Some("eiw-together"),
                Some(Action::ToggleCodeForm) => Some("eiw-partner-form"),
                Some(Action::ToggleOwnCode) => Some("eiw-pair-code"),
                _ => None,
            };
            let button = control.and_then(|id| {
                card.cast::<web_sys::Element>()?
                    .query_selector(&format!("[aria-controls={id}]"))
                    .ok()
                    .flatten()?
                    .dyn_into::<web_sys::HtmlElement>()
                    .ok()
            });
            if let Some(button) = button {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = button.focus_with_options(&options);
            }
            if let Some(action) = then {
                dispatch.emit(action);
            }
        });
    }
    {
        // The hand-over screen is a plain view: move focus to its heading here, as the other
        // screens do for theirs, so a screen reader announces it.
        let card = card.clone();
        use_effect_with(state.step, move |step| {
            if *step == Step::Handover {
                let heading = card
                    .cast::<web_sys::Element>()
                    .and_then(|c| c.query_selector(".handover-title").ok().flatten())
                    .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(heading) = heading {
                    let _ = heading.focus();
                }
            }
        });
    }

    // Read by the Escape listener, which outlives any one render.
    let started = use_mut_ref(|| false);
    *started.borrow_mut() = state.step != Step::Intro;

    let quick_exit = {
        let dispatch = dispatch.clone();
        let on_quick_exit = props.on_quick_exit.clone();
        Callback::from(move |_: ()| {
            dispatch.emit(Action::Forget);
            on_quick_exit.emit(());
        })
    };
    {
        // Esc twice within a second is the keyboard Quick exit: anywhere on the page once
        // the quiz has started, and within the widget before that, so that a visitor closing
        // the host page's own dialogs with Esc is not sent away by surprise.
        let quick_exit = quick_exit.clone();
        let started = started.clone();
        let card = card.clone();
        use_effect_with((), move |_| {
            let last = Rc::new(Cell::new(f64::NEG_INFINITY));
            let listener = web_sys::window().map(|window| {
                gloo::events::EventListener::new(&window, "keydown", move |event| {
                    let is_escape = event
                        .dyn_ref::<KeyboardEvent>()
                        .is_some_and(|e| e.key() == "Escape");
                    if !is_escape || !(*started.borrow() || is_inside(&card, event)) {
                        return;
                    }
                    let now = js_sys::Date::now();
                    if now - last.get() <= DOUBLE_ESCAPE_MS {
                        last.set(f64::NEG_INFINITY);
                        quick_exit.emit(());
                    } else {
                        last.set(now);
                    }
                })
            });
            move || drop(listener)
        });
    }

    let autofocus = *interacted.borrow();
    let content = &props.content;
    let ui = &content.ui;

    let body = match state.step {
        Step::Intro => {
            let texts = &content.compare;
            let partner_html = match (props.compare, partner.is_some()) {
                (false, _) => html! {},
                (true, true) => html! { <p class="notice" role="status">{ &texts.accepted }</p> },
                // One quiet button at first: most visitors take the quiz alone.
                (true, false) => html! {
                    <>
                        <div class="actions">
                            <button type="button" class="button" part="button" aria-expanded={state.view.together_open.to_string()}
                                aria-controls="eiw-together" onclick={together.reform(|_: MouseEvent| Action::ToggleTogether)}>
                                { &texts.button }
                            </button>
                        </div>
                        { download_status(content, &state.view) }
                        <div id="eiw-together" class="together" hidden={!state.view.together_open}>
                            if state.view.together_open {
                                <p class="hint">{ &texts.turns_note }</p>
                                <div class="actions">
                                    <button type="button" class="button" part="button"
                                        onclick={together.reform(|_: MouseEvent| Action::TakeTurns)}>{ &texts.turns }</button>
                                    { partner_code_button(content, &state.view, &together) }
                                </div>
                                { partner_code(content, &state.view, fingerprint, &together) }
                            }
                        </div>
                    </>
                },
            };
            html! {
                <Intro content={content.clone()} autofocus={autofocus && !*arriving.borrow()}
                    on_start={dispatch.reform(|_| Action::Start)} partner={partner_html} />
            }
        }
        Step::Handover => handover(content, dispatch.reform(|_| Action::StartTurn)),
        Step::Question(index) => {
            let question = questions.get(index).copied();
            match question.and_then(|q| content.question_text(q)) {
                Some(text) => html! {
                    <Question
                        key={index}
                        content={content.clone()}
                        index={index}
                        total={state.total()}
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
            // Nothing about comparing for a visitor who said they feel afraid, and nothing
            // says why.
            let offered = props.compare && !state.afraid();
            #[cfg(feature = "compare")]
            let (comparison_html, code) = {
                let yours = means(&report.dimensions);
                let comparison_html = match (&partner, offered) {
                    (Some(partner), true) => comparison(content, &yours, partner),
                    _ => html! {},
                };
                let code = if offered {
                    pair::encode(&yours, fingerprint)
                } else {
                    String::new()
                };
                (comparison_html, code)
            };
            #[cfg(not(feature = "compare"))]
            let (comparison_html, code) = (html! {}, String::new());
            let invite = if offered {
                let offer = Offer {
                    code: &code,
                    fingerprint,
                    has_partner: partner.is_some(),
                    can_take_turns: !matches!(state.partner, Partner::First(_)),
                };
                compare(content, offer, &state.view, &together)
            } else {
                html! {}
            };
            html! {
                <Results
                    content={content.clone()}
                    report={Rc::new(report)}
                    safety={safety_concern(&questions, &state.responses)}
                    resources={props.resources.clone()}
                    cta_href={props.cta_href.clone()}
                    cta_label={props.cta_label.clone()}
                    cta_phone={props.cta_phone.clone()}
                    on_retake={dispatch.reform(|_| Action::Retake)}
                    on_event={props.on_event.clone()}
                    comparison={comparison_html}
                    invite={invite}
                    autofocus={!*arriving.borrow()}
                />
            }
        }
    };

    html! {
        <section class="card quiz" part="card" aria-labelledby="eiw-title" ref={card}>
            <div class="card-header">
                <h2 id="eiw-title" class="title">{ &ui.title }</h2>
                <button type="button" class="button quick-exit" part="button quick-exit"
                    onclick={quick_exit.reform(|_: MouseEvent| ())}>{ &ui.quick_exit }</button>
            </div>
            if resumed.is_some() && !autofocus {
                <p class="notice" role="status">{ &ui.resumed }</p>
            }
            { body }
            if *storage_ok {
                { remember(content, state.remember, &dispatch.reform(Action::SetRemember), &dispatch.reform(|_| Action::Forget)) }
            }
        </section>
    }
}

/// Whether a page-level event came from inside this widget. Seen from the page, events from
/// a (closed) shadow root appear to come from its host element.
fn is_inside(card: &NodeRef, event: &Event) -> bool {
    let host = card
        .get()
        .and_then(|node| node.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok())
        .map(|root| root.host());
    match (host, event.target()) {
        (Some(host), Some(target)) => {
            let host: &web_sys::EventTarget = host.as_ref();
            host == &target
        }
        _ => false,
    }
}

/// Maps number keys 1–5 to answers; anything else is not a shortcut.
pub fn shortcut(key: &str) -> Option<Response> {
    match key {
        "1" | "2" | "3" | "4" | "5" => key.parse().ok().map(Response::Agree),
        _ => None,
    }
}
