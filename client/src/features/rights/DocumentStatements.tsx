/**
 * Own statements beside the text they are about (Jeugdwet 7.3.8): under each section of the analysis or
 * the plan, for everyone on the case who reads that section, with the quoted passage; and for the young
 * person and parents a link to add one about this part. Re-read when the case's rights change.
 */
import type { StatementsResponse, StatementView } from '@samenspraak/shared';
import { useLiveEvent } from '../../app/rooms';
import { RouterLink } from '../../app/router';
import { useApi } from '../../app/useApi';
import { Blockquote, Paragraph, StandaloneLink } from '../../components/ui';
import { formatDate } from '../../dates';
import { roleLabel } from '../../i18n';
import { m } from './messages';
import './rights.css';

export function useStatements(caseId: string, enabled: boolean): StatementView[] {
  const res = useApi<StatementsResponse>(enabled ? `/api/cases/${encodeURIComponent(caseId)}/statements` : null);
  useLiveEvent('case:changed', (e) => {
    if (enabled && (e === null || (e.caseId === caseId && e.kind === 'rights'))) void res.reload();
  });
  return res.data?.statements ?? [];
}

export function rightsPath(caseId: string, anchor?: string, query?: Record<string, string>): string {
  const q = query ? `?${new URLSearchParams(query).toString()}` : '';
  return `/zaken/${encodeURIComponent(caseId)}/rechten${q}${anchor ? `#${anchor}` : ''}`;
}

export function SectionStatements(props: {
  caseId: string;
  document: 'analysis' | 'futurePlan';
  section: string;
  statements: StatementView[];
  /** The young person or a parent: may add one about this part. */
  mayAdd: boolean;
}) {
  const own = props.statements.filter((s) => s.document === props.document && s.section === props.section);
  if (own.length === 0 && !props.mayAdd) return null;
  return (
    <div className="own-statements" data-testid={`statements-${props.section}`}>
      {own.map((s) => (
        <aside
          key={s.id}
          className="own-statement"
          aria-label={m.ownStatement(s.author.name)}
          data-testid="own-statement"
        >
          <Paragraph size="small">
            <strong>{m.ownStatement(s.author.name)}</strong> ({roleLabel(s.author.role)}, {formatDate(s.createdAt)})
          </Paragraph>
          {s.passage && (
            <>
              <Paragraph size="small">{m.about}</Paragraph>
              <Blockquote>{s.passage}</Blockquote>
            </>
          )}
          <Paragraph>{s.text}</Paragraph>
        </aside>
      ))}
      {props.mayAdd && (
        <StandaloneLink
          linkComponent={RouterLink}
          href={rightsPath(props.caseId, 'verklaring', { document: props.document, deel: props.section })}
        >
          {m.addOwnStatement}
        </StandaloneLink>
      )}
    </div>
  );
}
