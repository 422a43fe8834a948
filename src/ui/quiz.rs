//! The quiz card: intro → one question per screen → results, driven by `QuizState`.

use std::rc::Rc;
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::events::HostEvent;
use crate::core::scoring::{score, Response};
use crate::ui::intro::Intro;
use crate::ui::question::Question;
use crate::ui::results::Results;
use crate::ui::state::{Action, QuizState, Step};

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub content: Rc<Content>,
    pub cta_href: Option<String>,
    pub cta_label: Option<String>,
    pub on_event: Callback<HostEvent>,
}

#[function_component(Quiz)]
pub fn quiz(props: &QuizProps) -> Html {
    let questions = use_memo(props.content.clone(), |content| content.questions());
    let state = use_reducer({
        let total = questions.len();
        move || QuizState::new(total)
    });
    // Focus follows the visitor's own actions only: the intro heading is not focused on
    // page load, which would scroll the host page to the widget uninvited.
    let interacted = use_mut_ref(|| false);

    {
        let on_event = props.on_event.clone();
        let content = props.content.clone();
        let questions = questions.clone();
        let responses = state.responses.clone();
        let total = state.total();
        use_effect_with(state.step, move |step| match *step {
            Step::Question(index) => on_event.emit(HostEvent::Step { index, total }),
            Step::Results => {
                let report = score(&content, &questions, &responses);
                on_event.emit(HostEvent::Complete {
                    band: report.overall.map(|s| s.band.id()),
                });
            }
            Step::Intro => {}
        });
    }

    let dispatch = {
        let state = state.clone();
        let interacted = interacted.clone();
        let on_event = props.on_event.clone();
        Callback::from(move |action: Action| {
            *interacted.borrow_mut() = true;
            if action == Action::Start {
                on_event.emit(HostEvent::Start);
            }
            state.dispatch(action);
        })
    };
    let autofocus = *interacted.borrow();
    let content = &props.content;

    let body = match state.step {
        Step::Intro => html! {
            <Intro content={content.clone()} autofocus={autofocus}
                on_start={dispatch.reform(|_| Action::Start)} />
        },
        Step::Question(index) => {
            let question = questions.get(index).copied();
            match question.and_then(|q| content.item(q)) {
                Some(item) => html! {
                    <Question
                        key={index}
                        content={content.clone()}
                        index={index}
                        total={state.total()}
                        text={item.text.clone()}
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
            html! {
                <Results
                    content={content.clone()}
                    report={Rc::new(report)}
                    cta_href={props.cta_href.clone()}
                    cta_label={props.cta_label.clone()}
                    on_retake={dispatch.reform(|_| Action::Retake)}
                    on_event={props.on_event.clone()}
                />
            }
        }
    };

    html! {
        <section class="card quiz" part="card" aria-labelledby="eiw-title">
            <h2 id="eiw-title" class="title">{ &content.ui.title }</h2>
            { body }
        </section>
    }
}

/// Maps number keys 1–5 to answers; anything else is not a shortcut.
pub fn shortcut(key: &str) -> Option<Response> {
    match key {
        "1" | "2" | "3" | "4" | "5" => key.parse().ok().map(Response::Agree),
        _ => None,
    }
}
