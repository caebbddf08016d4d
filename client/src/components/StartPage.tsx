import { t } from '../i18n';

/** Shown without a document link: explains how to get in. */
export function StartPage() {
  return (
    <section className="card" aria-labelledby="start-title">
      <h1 id="start-title">{t.startTitle}</h1>
      <p className="lead">{t.startIntro}</p>
      <h2>{t.startHowTitle}</h2>
      <ol className="steps">
        {t.startHowSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="muted">{t.startDeveloper}</p>
    </section>
  );
}
