/** The brief a director reads first: the bottleneck, what was tried, who decided to escalate, and the analysis. */

import type { EscalationResponse } from '@samenspraak/shared';
import { AppLink, paths } from '../../app/router';
import { Heading, Paragraph } from '../../components/ui';
import { formatDate, formatMoment } from '../../dates';
import { roleLabel } from '../../i18n';
import { latestStepTo } from './ladder';
import { m } from './messages';

export function BreakthroughBrief({
  caseId,
  esc,
  nameOf,
}: {
  caseId: string;
  esc: EscalationResponse;
  nameOf: (id: string) => string;
}) {
  const step = latestStepTo(esc.history, 'dbt');
  return (
    <section className="breakthrough__brief stack" aria-labelledby="brief-title">
      <Heading level={2} id="brief-title">
        {m.briefTitle}
      </Heading>
      {step ? (
        <>
          <BriefText title={m.briefBottleneck} text={step.bottleneck} />
          <BriefText title={m.briefTried} text={step.tried} />
          <dl className="facts">
            <div>
              <dt>{m.briefDecided}</dt>
              <dd>
                {nameOf(step.decidedBy)} · {roleLabel(step.decidedByRole)},{' '}
                <time dateTime={step.decidedAt}>{formatMoment(step.decidedAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{m.briefAnalysis}</dt>
              <dd>
                <AppLink to={paths.document(caseId, 'analysis')}>{m.briefAnalysisLink}</AppLink>
                {step.analysisSnapshot && (
                  <>
                    <br />
                    <span>{m.briefAnalysisNote(step.analysisSnapshot.version, formatDate(step.decidedAt))}</span>
                  </>
                )}
              </dd>
            </div>
          </dl>
        </>
      ) : (
        <>
          <Paragraph>{m.briefNoStep}</Paragraph>
          <AppLink to={paths.document(caseId, 'analysis')}>{m.briefAnalysisLink}</AppLink>
        </>
      )}
    </section>
  );
}

function BriefText({ title, text }: { title: string; text: string }) {
  return (
    <div className="stack-s">
      <Heading level={3} size="level-4">
        {title}
      </Heading>
      <p className="brief__text pre-line">{text}</p>
    </div>
  );
}
