//! The root component: one widget instance with its quiz, FAQ and help sections.

use std::rc::Rc;
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::events::HostEvent;
use crate::core::keepsake::Output;
use crate::core::progress::StoreOp;
use crate::core::resources::Resource;
use crate::core::settings::Settings;
use crate::ui::faq::Faq;
use crate::ui::quiz::Quiz;
use crate::ui::top_bar::TopBar;

/// What the embed layer provides: the page-facing side effects the UI may ask for.
#[derive(Clone, PartialEq)]
pub struct HostServices {
    /// Announces progress to the host page as DOM events.
    pub on_event: Callback<HostEvent>,
    /// Saves or clears opt-in progress; returns false if storage refused.
    pub on_store: Callback<StoreOp, bool>,
    /// Clears storage and replaces the page with the neutral Quick exit page.
    pub on_quick_exit: Callback<()>,
    /// Downloads or prints the results' keepsake.
    pub on_keepsake: Callback<Output>,
    /// Whether storage can be used at all in this browser.
    pub storage_available: bool,
    /// Progress saved by an earlier visit (only ever written after the visitor opted in).
    pub saved: Option<String>,
}

impl Default for HostServices {
    fn default() -> Self {
        HostServices {
            on_event: Callback::noop(),
            on_store: Callback::from(|_| false),
            on_quick_exit: Callback::noop(),
            on_keepsake: Callback::noop(),
            storage_available: false,
            saved: None,
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

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    {
        // Effects run after the first render has reached the DOM: the widget is interactive.
        let on_event = props.host.on_event.clone();
        use_effect_with((), move |_| on_event.emit(HostEvent::Ready));
    }
    let AppProps {
        content,
        settings,
        resources,
        host,
    } = props;
    // After Quick exit nothing of the visitor's stays on screen, even where the browser
    // refuses the navigation (a sandboxed frame).
    let left = use_state(|| false);
    let started = use_state(|| false);
    let on_exit = {
        let (left, on_quick_exit) = (left.clone(), host.on_quick_exit.clone());
        Callback::from(move |_| {
            left.set(true);
            on_quick_exit.emit(());
        })
    };
    if *left {
        return html! { <div class="eiw" lang={content.lang.clone()} dir={content.dir.as_str()}></div> };
    }
    html! {
        <div class="eiw" lang={content.lang.clone()} dir={content.dir.as_str()}>
            <TopBar content={content.clone()} resources={resources.clone()} started={*started} {on_exit} />
            if settings.show_quiz {
                <Quiz
                    content={content.clone()}
                    cta_href={settings.cta_href.clone()}
                    cta_label={settings.cta_label.clone()}
                    cta_phone={settings.cta_phone.clone()}
                    share_score={settings.share_score}
                    compare={settings.compare}
                    keepsake={settings.keepsake}
                    on_keepsake={host.on_keepsake.clone()}
                    resources={resources.clone()}
                    storage_available={host.storage_available}
                    saved={host.saved.clone()}
                    on_store={host.on_store.clone()}
                    on_started={Callback::from(move |now| started.set(now))}
                    on_event={host.on_event.clone()}
                />
            }
            if settings.show_faq {
                <Faq
                    content={content.clone()}
                    single={settings.faq_single}
                    heading_level={settings.faq_heading_level}
                    deep_link={settings.faq_deep_link.clone()}
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
