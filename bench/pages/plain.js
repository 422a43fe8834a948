// @ts-check
// The same quiz written directly against the DOM, no framework: the lower bound a widget
// could reach. Intro with the FAQ's questions, one statement per screen with the five
// answers and "Prefer not to say", Back/Next, and a score. Fires `bench-ready` once the
// first screen is in the page.
(function () {
  /** @type {BenchQuiz} */
  const quiz = JSON.parse(/** @type {HTMLElement} */ (document.getElementById('quiz-data')).textContent || '');
  const root = /** @type {HTMLElement} */ (document.getElementById('quiz'));
  /** The answer to each statement: 0–4 on the scale, 5 "Prefer not to say". @type {number[]} */
  const answers = [];
  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {Partial<HTMLElementTagNameMap[K]>} props
   * @param {(Node | string)[]} children
   * @returns {HTMLElementTagNameMap[K]}
   */
  const el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, props);
    node.append(...children);
    return node;
  };
  function intro() {
    const start = el('button', { type: 'button', textContent: quiz.start, onclick: () => question(0) });
    const faq = el('section', {}, el('h2', { textContent: quiz.faqTitle }),
      ...quiz.faq.map((q) => el('details', {}, el('summary', { textContent: q }))));
    root.replaceChildren(el('h2', { textContent: quiz.title }), ...quiz.intro.map((p) => el('p', { textContent: p })), start, faq);
  }
  /** @param {number} i */
  function question(i) {
    if (i >= quiz.statements.length) return results();
    const s = quiz.statements[i];
    const options = [...quiz.scale, 'Prefer not to say'].map((label, v) =>
      el('label', {}, el('input', { type: 'radio', name: 'a', checked: answers[i] === v, onchange: () => { answers[i] = v; next.disabled = false; } }), label));
    const next = el('button', { type: 'button', textContent: 'Next', disabled: answers[i] === undefined, onclick: () => question(i + 1) });
    const back = el('button', { type: 'button', textContent: 'Back', onclick: () => (i ? question(i - 1) : intro()) });
    root.replaceChildren(el('p', { textContent: `Question ${i + 1} of ${quiz.statements.length}` }),
      el('h3', { textContent: s.text }), el('div', { role: 'radiogroup' }, ...options), back, next);
  }
  function results() {
    const scored = quiz.statements.map((s, i) => (answers[i] < 5 ? (s.reverse ? 5 - answers[i] : answers[i] + 1) : null)).filter((x) => x !== null);
    const mean = scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : null;
    root.replaceChildren(el('h3', { textContent: mean === null ? 'Nothing scored' : `${Math.round(((mean - 1) / 4) * 100)} out of 100` }));
  }
  intro();
  window.__benchReady = performance.now();
  document.dispatchEvent(new Event('bench-ready'));
})();
