/** `/beheer/zaken`: the region's cases as facts about the process — never a name, a date of birth or content. */
import type { RegionCasesResponse } from '@samenspraak/shared';
import { useEffect } from 'react';
import { errorText } from '../../app/errorText';
import { useApi } from '../../app/useApi';
import { Alert, Heading, Paragraph, Table } from '../../components/ui';
import { formatDate } from '../../dates';
import { BeheerNav } from './BeheerPage';
import { m } from './messages';
import '../overview/overview.css';

export function RegionCasesPage() {
  const list = useApi<RegionCasesResponse>('/api/admin/cases');
  useEffect(() => {
    document.title = `${m.casesTitle} — Samenspraak`;
  }, []);
  if (list.error)
    return (
      <Alert heading={m.loadFailed} headingLevel={1} severity="error">
        <Paragraph>{errorText(list.error)}</Paragraph>
      </Alert>
    );
  if (!list.data) return <Paragraph>{m.loading}</Paragraph>;
  const { region, cases } = list.data;
  return (
    <section className="stack" aria-labelledby="region-cases-title">
      <Heading level={1} id="region-cases-title">
        {m.casesTitle}: {region}
      </Heading>
      <BeheerNav />
      <Paragraph>{m.casesIntro}</Paragraph>
      {cases.length === 0 ? (
        <Paragraph>{m.noCases}</Paragraph>
      ) : (
        <Table className="stacked-table" role="table" data-testid="region-cases">
          <Table.Caption className="visually-hidden">{m.casesTitle}</Table.Caption>
          <Table.ColumnHeaders
            columns={[m.colCase, m.colMunicipality, m.colState, m.colRegistered, m.colLevel, m.colParticipants]}
          />
          <Table.Body role="rowgroup">
            {cases.map((c) => (
              <Table.Row key={c.id} role="row">
                <Table.Cell role="cell" data-label={m.colCase}>
                  <code>{c.id}</code>
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.colMunicipality}>
                  {c.municipality}
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.colState}>
                  {m.statuses[c.status] ?? c.status}
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.colRegistered}>
                  <time dateTime={c.registeredAt}>{formatDate(c.registeredAt)}</time>
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.colLevel}>
                  {m.levels[c.level] ?? c.level}
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.colParticipants}>
                  {c.participants}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
