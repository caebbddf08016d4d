/**
 * The escalation as the young person and the parents see it (B1 Dutch): where the case went (RET,
 * BEN-NH, Doorbraakteam), when and why, and what each organisation promised, by when, and whether it
 * was done. Only organisations, never people's names (server: GET /api/cases/:id/escalation/plain).
 */
import type { PlainEscalationResponse } from '@samenspraak/shared';
import { useApi } from '../../app/useApi';
import { Heading, Paragraph } from '../../components/ui';
import { formatDate } from '../../dates';
import { fm } from './familyMessages';
import { useCaseLive } from './useCaseLive';
import './escalation.css';

export function FamilyEscalation({ caseId, headingLevel = 2 }: { caseId: string; headingLevel?: 2 | 3 }) {
  const res = useApi<PlainEscalationResponse>(`/api/cases/${encodeURIComponent(caseId)}/escalation/plain`);
  useCaseLive(caseId, ['escalation', 'commitments'], () => void res.reload());
  const sub = (headingLevel + 1) as 3 | 4;
  const data = res.data;
  return (
    <section className="escalation family-escalation stack" aria-labelledby="family-escalation-title">
      <Heading level={headingLevel} id="family-escalation-title">
        {fm.title}
      </Heading>
      <Paragraph>{fm.intro}</Paragraph>
      {!data && !res.error && <Paragraph>{fm.loading}</Paragraph>}
      {res.error && !data && <Paragraph>{fm.loadFailed}</Paragraph>}
      {data && data.steps.length === 0 && <Paragraph>{fm.none}</Paragraph>}
      {data && data.steps.length > 0 && (
        <>
          <Paragraph>
            <strong>{fm.now[data.level]}</strong>
          </Paragraph>
          <Heading level={sub} size="level-4">
            {fm.stepsTitle}
          </Heading>
          <ol className="plain-list family-steps">
            {data.steps.map((s) => (
              <li key={`${s.at}-${s.to}`} className="family-step">
                <strong>{fm.went[s.to]}</strong> {fm.on(formatDate(s.at))}
                <br />
                {fm.why} <span className="pre-line">{s.why}</span>
                {s.doorbraakaanpak && (
                  <>
                    <br />
                    {fm.fast}
                  </>
                )}
              </li>
            ))}
          </ol>
          <Heading level={sub} size="level-4">
            {fm.promisesTitle}
          </Heading>
          {data.commitments.length === 0 ? (
            <Paragraph>{fm.promisesNone}</Paragraph>
          ) : (
            <ul className="plain-list family-promises">
              {data.commitments.map((c, i) => (
                <li key={`${c.organisation}-${c.dueAt}-${i}`} className={`family-promise family-promise--${c.status}`}>
                  <strong>{fm.promises(c.organisation)}</strong>
                  <span className="family-line pre-line">{c.what}</span>
                  <span className="family-line">{fm.by(formatDate(c.dueAt))}</span>
                  <span className="family-line family-promise__status">{fm.status[c.status]}</span>
                  {c.status === 'released' && c.releaseReason && (
                    <>
                      {' '}
                      {fm.reason} {c.releaseReason}
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Paragraph>{fm.ask}</Paragraph>
        </>
      )}
    </section>
  );
}
