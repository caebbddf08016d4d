import { t } from '../i18n';

/** The link cannot be used: say why, and what to do about it. */
export function AccessProblem({ message }: { message: string }) {
  return (
    <section className="card card--problem" aria-labelledby="problem-title">
      <h1 id="problem-title">{t.accessDeniedTitle}</h1>
      <div role="alert" className="problem-message">
        <p>{message}</p>
        <p>{t.askForNewLink}</p>
      </div>
    </section>
  );
}
