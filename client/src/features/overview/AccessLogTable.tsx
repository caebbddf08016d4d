/**
 * "Wie heeft mijn dossier bekeken": the case's access log as a readable table — when, who (name and role)
 * and what they did, in plain words; one row per visit, newest first, 20 rows at a time. The reader's own
 * actions are left out unless they ask for them.
 */

import type { AccessLogView } from '@samenspraak/shared';
import { useId, useMemo, useState } from 'react';
import { Button, Checkbox, Paragraph, Table } from '../../components/ui';
import { compactMoment } from '../../dates';
import { roleLabel } from '../../i18n';
import { groupLog, isOwn, type LogItem } from './accessLogGroups';
import { eventWords, outcomeWords } from './accessLogWords';
import { m } from './messages';

const PAGE = 20;

function itemText(i: LogItem): string {
  const outcome = outcomeWords(i.outcome);
  return `${eventWords(i.event)}: ${i.subject}${i.count > 1 ? ` (${m.logTimes(i.count)})` : ''}${outcome ? ` — ${outcome}` : ''}`;
}

export function AccessLogTable({ entries, me }: { entries: AccessLogView[]; me: { name: string; role: string } }) {
  const ids = useId();
  const [shown, setShown] = useState(PAGE);
  const [showOwn, setShowOwn] = useState(false);
  const { name, role } = me;
  const rows = useMemo(() => {
    // Leave out one's own actions first, so that another person's visit is one row.
    return groupLog(showOwn ? entries : entries.filter((e) => !isOwn(e, { name, role })));
  }, [entries, showOwn, name, role]);
  const visible = rows.slice(0, shown);
  const rest = rows.length - visible.length;
  return (
    <>
      <Checkbox checked={showOwn} onChange={(e) => setShowOwn(e.currentTarget.checked)}>
        {m.logShowOwn}
      </Checkbox>
      {rows.length === 0 ? (
        <Paragraph>{showOwn ? m.logEmpty : m.logNoOthers}</Paragraph>
      ) : (
        <div>
          <Table data-testid="access-log" className="access-log stacked-table" role="table">
            <Table.Caption id={`${ids}-caption`} className="visually-hidden">
              {m.logCaption(visible.length, rows.length)}
            </Table.Caption>
            <Table.ColumnHeaders columns={[m.logWhen, m.logWho, m.logWhat]} />
            <Table.Body role="rowgroup">
              {visible.map((r) => (
                <Table.Row key={`${r.at}-${r.since}-${r.name}-${r.role}`} role="row">
                  <Table.Cell className="access-log__when" role="cell" data-label={m.logWhen}>
                    <time dateTime={r.at}>{compactMoment(r.at)}</time>
                  </Table.Cell>
                  <Table.Cell role="cell" data-label={m.logWho}>
                    {r.name ?? m.unknownPerson}
                    {r.role && (
                      <>
                        <br />
                        <span className="muted">{roleLabel(r.role)}</span>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell role="cell" data-label={m.logWhat}>
                    <ul className="access-log__items">
                      {r.items.map((i) => (
                        <li
                          key={`${i.event}-${i.subject}-${i.outcome}`}
                          className={i.outcome === 'success' ? undefined : 'access-log__refused'}
                        >
                          {itemText(i)}
                        </li>
                      ))}
                    </ul>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {rest > 0 && (
        <div>
          <Button variant="secondary" onClick={() => setShown((n) => n + PAGE)}>
            {m.logShowMore(Math.min(PAGE, rest))}
          </Button>
        </div>
      )}
    </>
  );
}
