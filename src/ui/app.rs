//! The root component: one widget instance with its quiz, FAQ and help sections.

use std::rc::Rc;
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::events::HostEvent;
use crate::core::progress::StoreOp;
use crate::core::resources::Resource;
use crate::core::settings::Settings;
use crate::ui::faq::Faq;
use crate::ui::quiz::Quiz;
use crate::ui::safety::Help;

/// What the embed layer provides: the page-facing side effects the UI may ask for.
#[derive(Clone, PartialEq)]
pub struct HostServices {
    /// Announces progress to the host page as DOM events.
    pub on_event: Callback<HostEvent>,
    /// Saves or clears opt-in progress; returns false if storage refused.
    pub on_store: Callback<StoreOp, bool>,
    /// Clears storage and replaces the page with the neutral Quick exit page.
    pub on_quick_exit: Callback<()>,
    /// Whether storage can be used at all in this browser.
    pub storage_available: bool,
    /// Progress saved by an earlier visit (only ever written after the visitor opted in).
    pub saved: Option<String>,
    /// The comparison build only: the widget as the default build handed it over
    /// (`QuizState::handoff`, then [`Around`]); it is already on screen, so no `ei-ready`
    /// again.
    pub handoff: Option<String>,
    /// The default build only: hands the quiz over to the comparison build.
    pub on_switch: Callback<Switch>,
}

/// Handing a quiz over to the comparison build, which the loader downloads first.
#[derive(Clone, PartialEq)]
pub struct Switch {
    /// Asked once it has downloaded: the hand-over to mount with (`QuizState::handoff`, to
    /// which the app adds [`Around`]), or
    /// `None` if the visitor has since forgotten their answers or started again.
    pub handoff: Callback<(), Option<String>>,
    /// It could not be downloaded.
    pub failed: Callback<()>,
}

impl Default for HostServices {
    fn default() -> Self {
        HostServices {
            on_event: Callback::noop(),
            on_store: Callback::from(|_| false),
            on_quick_exit: Callback::noop(),
            storage_available: false,
            saved: None,
            handoff: None,
            on_switch: Callback::noop(),
        }
    }
}

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub content: Rc<Content>,
    pub settings: Rc<Settings>,
    /// Crisis and partner-violence services for the visitor's region.
    pub resources: Rc<Vec<Resource>>,
    pub host: HostServices,
}

/// What the widget shows around the quiz, carried in a hand-over after the quiz's own state
/// (`<quiz>#<help open><one flag per FAQ entry>`), so the comparison build opens the same
/// panels rather than closing them under the visitor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Around {
    pub help_open: bool,
    pub faq_open: Vec<bool>,
}

impl Around {
    pub fn write(&self, quiz: &str) -> String {
        let flag = |on: &bool| if *on { '1' } else { '0' };
        let faq: String = self.faq_open.iter().map(flag).collect();
        format!("{quiz}#{}{faq}", flag(&self.help_open))
    }

    /// Splits a hand-over into the quiz's part and this; a part that does not read is
    /// left out (the panels start closed).
    pub fn read(handoff: &str) -> (&str, Option<Around>) {
        let Some((quiz, flags)) = handoff.rsplit_once('#') else {
            return (handoff, None);
        };
        let mut flags = flags.chars().map(|c| match c {
            '0' => Some(false),
            '1' => Some(true),
            _ => None,
        });
        let around = flags.next().flatten().and_then(|help_open| {
            let faq_open = flags.collect::<Option<Vec<bool>>>()?;
            Some(Around {
                help_open,
                faq_open,
            })
        });
        (quiz, around)
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    {
        // Effects run after the first render has reached the DOM: the widget is interactive.
        let on_event = props.host.on_event.clone();
        let handed_over = props.host.handoff.is_some();
        use_effect_with((), move |_| {
            if !handed_over {
                on_event.emit(HostEvent::Ready)
            }
        });
    }
    let AppProps {
        content,
        settings,
        resources,
        host,
    } = props;
    // Only the comparison build is ever handed over to.
    #[cfg(feature = "compare")]
    let (handoff, arrived) = match &host.handoff {
        Some(text) => {
            let (quiz, around) = Around::read(text);
            (Some(quiz.to_owned()), around)
        }
        None => (None, None),
    };
    #[cfg(not(feature = "compare"))]
    let (handoff, arrived): (Option<String>, Option<Around>) = (None, None);
    // What the panels around the quiz show now, for a hand-over.
    let around = use_mut_ref(|| arrived.clone().unwrap_or_default());
    let on_help = {
        let around = around.clone();
        Callback::from(move |open: bool| around.borrow_mut().help_open = open)
    };
    let on_faq = {
        let around = around.clone();
        Callback::from(move |open: Vec<bool>| around.borrow_mut().faq_open = open)
    };
    // Only the default build hands over.
    #[cfg(feature = "compare")]
    let on_switch = host.on_switch.clone();
    #[cfg(not(feature = "compare"))]
    let on_switch = {
        let on_switch = host.on_switch.clone();
        Callback::from(move |switch: Switch| {
            let around = around.clone();
            let quiz = switch.handoff;
            on_switch.emit(Switch {
                handoff: Callback::from(move |_| quiz.emit(()).map(|q| around.borrow().write(&q))),
                failed: switch.failed,
            })
        })
    };
    let arrived = arrived.unwrap_or_default();
    html! {
        <div class="eiw" lang={content.lang.clone()} dir={content.dir.as_str()}>
            <Help content={content.clone()} resources={resources.clone()}
                initially_open={arrived.help_open} on_open={on_help} />
            if settings.show_quiz {
                <Quiz
                    content={content.clone()}
                    cta_href={settings.cta_href.clone()}
                    cta_label={settings.cta_label.clone()}
                    cta_phone={settings.cta_phone.clone()}
                    share_score={settings.share_score}
                    compare={settings.compare}
                    resources={resources.clone()}
                    storage_available={host.storage_available}
                    saved={host.saved.clone()}
                    handoff={handoff.clone()}
                    on_switch={on_switch}
                    on_store={host.on_store.clone()}
                    on_quick_exit={host.on_quick_exit.clone()}
                    on_event={host.on_event.clone()}
                />
            }
            if settings.show_faq {
                <Faq
                    content={content.clone()}
                    single={settings.faq_single}
                    heading_level={settings.faq_heading_level}
                    // A hand-over keeps what the visitor opened, and does not scroll again.
                    deep_link={settings.faq_deep_link.clone().filter(|_| handoff.is_none())}
                    initially_open={(!arrived.faq_open.is_empty()).then(|| arrived.faq_open.clone())}
                    on_open={on_faq}
                    on_event={host.on_event.clone()}
                />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct MountProps {
    /// `None` while the element is off the page.
    pub app: Option<Rc<AppProps>>,
    /// A new generation is a fresh app: all state starts over.
    pub generation: u32,
}

/// The long-lived root the embed layer renders once per element; it mounts and unmounts
/// the real app inside (see `embed::mount::Widget` for why).
#[function_component(Mount)]
pub fn mount(props: &MountProps) -> Html {
    match &props.app {
        Some(app) => html! { <App key={props.generation} ..(**app).clone() /> },
        None => html! {},
    }
}

#[cfg(test)]
mod tests {
    use super::Around;

    #[test]
    fn the_panels_around_the_quiz_survive_a_hand_over() {
        let around = Around {
            help_open: true,
            faq_open: vec![false, true, false],
        };
        let text = around.write("g00|v1|q0|---");
        assert_eq!(Around::read(&text), ("g00|v1|q0|---", Some(around)));
        assert_eq!(Around::read("g00|v1|q0|---"), ("g00|v1|q0|---", None));
        assert_eq!(Around::read("g00|v1|q0|---#"), ("g00|v1|q0|---", None));
        assert_eq!(Around::read("g00|v1|q0|---#1x"), ("g00|v1|q0|---", None));
    }
}
