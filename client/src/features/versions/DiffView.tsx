/**
 * The word-level difference between two versions, per section: added words in <ins>, removed words in
 * <del>, each also marked for screen readers ("[toegevoegd: …]") and explained in a legend, so colour is
 * never the only cue. Unchanged sections are folded away behind a checkbox.
 */

import { useState } from 'react';
import { Checkbox, Heading, Paragraph } from '../../components/ui';
import { changeCounts } from './content';
import { m } from './messages';
import type { DiffPart, SectionDiff } from './types';

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <p className="diff__text">
      {parts.map((p, i) => {
        const key = `${i}-${p.op}`;
        if (p.op === 'insert')
          return (
            <ins key={key}>
              <span className="visually-hidden">{m.insStart} </span>
              {p.text}
              <span className="visually-hidden"> {m.markEnd}</span>
            </ins>
          );
        if (p.op === 'delete')
          return (
            <del key={key}>
              <span className="visually-hidden">{m.delStart} </span>
              {p.text}
              <span className="visually-hidden"> {m.markEnd}</span>
            </del>
          );
        return <span key={key}>{p.text}</span>;
      })}
    </p>
  );
}

export function DiffView(props: { fromName: string; toName: string; sections: Record<string, SectionDiff> }) {
  const [showAll, setShowAll] = useState(false);
  const all = Object.entries(props.sections);
  const changed = all.filter(([, s]) => s.changed);
  const unchanged = all.length - changed.length;
  const visible = showAll ? all : changed;
  return (
    <div className="stack diff" data-testid="diff-view">
      <Paragraph>{m.diffFromTo(props.fromName, props.toName)}</Paragraph>
      <Paragraph size="small" className="diff__legend">
        {m.diffLegend} <ins>{m.diffLegendIns}</ins> {m.diffLegendInsMeans}; <del>{m.diffLegendDel}</del>{' '}
        {m.diffLegendDelMeans}.
      </Paragraph>
      {changed.length === 0 && (
        <Paragraph>
          <strong>{m.noChanges}</strong>
        </Paragraph>
      )}
      {unchanged > 0 && (
        <Checkbox checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)}>
          {m.showUnchanged(unchanged)}
        </Checkbox>
      )}
      {visible.map(([id, s]) => {
        const counts = changeCounts(s.parts);
        return (
          <section key={id} className="diff__section" aria-labelledby={`diff-${id}`} data-section={id}>
            <Heading level={3} size="level-4" id={`diff-${id}`}>
              {s.title}
            </Heading>
            <Paragraph size="small">
              <strong>
                {!s.changed
                  ? m.sectionSame
                  : counts.inserted + counts.deleted === 0
                    ? m.sectionFormatOnly
                    : m.sectionChanged(counts.inserted, counts.deleted)}
              </strong>
            </Paragraph>
            {s.parts.length === 0 ? <Paragraph className="muted">{m.empty}</Paragraph> : <Parts parts={s.parts} />}
          </section>
        );
      })}
    </div>
  );
}
