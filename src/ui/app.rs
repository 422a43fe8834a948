//! The root component: one widget instance with its quiz and FAQ sections.

use std::rc::Rc;
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::events::HostEvent;
use crate::core::settings::Settings;
use crate::ui::faq::Faq;
use crate::ui::quiz::Quiz;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub content: Rc<Content>,
    pub settings: Rc<Settings>,
    /// Announces progress to the host page (the embed layer turns these into DOM events).
    pub on_event: Callback<HostEvent>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    {
        // Effects run after the first render has reached the DOM: the widget is interactive.
        let on_event = props.on_event.clone();
        use_effect_with((), move |_| on_event.emit(HostEvent::Ready));
    }
    let AppProps {
        content, settings, ..
    } = props;
    html! {
        <div class="eiw" lang={content.lang.clone()} dir={content.dir.as_str()}>
            if settings.show_quiz {
                <Quiz
                    content={content.clone()}
                    cta_href={settings.cta_href.clone()}
                    cta_label={settings.cta_label.clone()}
                    on_event={props.on_event.clone()}
                />
            }
            if settings.show_faq {
                <Faq
                    content={content.clone()}
                    single={settings.faq_single}
                    heading_level={settings.faq_heading_level}
                    deep_link={settings.faq_deep_link.clone()}
                    on_event={props.on_event.clone()}
                />
            }
        </div>
    }
}
