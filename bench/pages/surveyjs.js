// @ts-check
// The widget's 20 English statements as a SurveyJS survey: one statement per page, the
// same five answers and a "Prefer not to say", a progress bar. Fires `bench-ready` once the
// first question is in the page.
/* global Survey */
/** @type {BenchQuiz} */
const quiz = JSON.parse(/** @type {HTMLElement} */ (document.getElementById('quiz')).textContent || '');
const survey = new Survey.Model({
  title: quiz.title,
  description: quiz.intro.join(' '),
  showQuestionNumbers: 'off',
  showProgressBar: 'top',
  pages: quiz.statements.map((s, i) => ({
    elements: [{
      type: 'radiogroup',
      name: `q${i}`,
      title: s.text,
      choices: quiz.scale.map((text, value) => ({ value: value + 1, text })),
      showNoneItem: true,
      noneText: 'Prefer not to say',
    }],
  })),
});
survey.onAfterRenderQuestion.add(() => {
  if (window.__benchReady === undefined) {
    window.__benchReady = performance.now();
    document.dispatchEvent(new Event('bench-ready'));
  }
});
survey.render(document.getElementById('survey'));
