/**
 * Decisions and actions of the meeting: the list (kind in words, owner, due date, where it landed) and
 * the form. A decision or action can be linked to a section of the analysis or the future plan; the
 * server then writes it into that document too (decisions land in the analysis or the plan, §5).
 */

import {
  type CaseParticipantView,
  MEETING_ITEM_TEXT_MAX,
  type MeetingItemKind,
  type MeetingItemView,
  type MeetingView,
} from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { AppLink, paths } from '../../app/router';
import { useSubmit } from '../../app/useSubmit';
import {
  Button,
  DateInput,
  Field,
  FieldSet,
  Heading,
  Label,
  LabelledField,
  Paragraph,
  Radio,
  Select,
  TextArea,
  TextInput,
} from '../../components/ui';
import { formatDate } from '../../dates';
import { lang, roleLabel } from '../../i18n';
import { ActionError } from './ActionError';
import { decodeLink, linkGroups, sectionTitle } from './meetingText';
import { m } from './messages';

const OTHER = '__other__';

function ItemRow({ item, caseId, ownerName }: { item: MeetingItemView; caseId: string; ownerName: string | null }) {
  return (
    <li className={`mtg-item mtg-item--${item.kind}`} data-testid="meeting-item">
      <span className="mtg-item__kind">{item.kind === 'decision' ? m.decision : m.action}</span>
      <p className="mtg-item__text pre-line">{item.text}</p>
      <dl className="mtg-item__meta">
        {ownerName && (
          <div>
            <dt>{m.owner}</dt>
            <dd>{ownerName}</dd>
          </div>
        )}
        {item.due && (
          <div>
            <dt>{m.due}</dt>
            <dd>
              <time dateTime={item.due}>{formatDate(item.due)}</time>
            </dd>
          </div>
        )}
        {item.link && (
          <div>
            <dt>{m.linkedTo}</dt>
            <dd>
              <AppLink to={paths.document(caseId, item.link.document)}>
                {m.docs[item.link.document]} — {sectionTitle(item.link.document, item.link.section, lang)}
              </AppLink>
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}

export function ItemList({
  meeting,
  participants,
}: {
  meeting: MeetingView;
  participants: readonly CaseParticipantView[];
}) {
  if (meeting.items.length === 0) return <Paragraph>{m.itemsEmpty}</Paragraph>;
  const owner = (i: MeetingItemView) =>
    i.ownerName ?? (i.ownerUserId ? (participants.find((p) => p.userId === i.ownerUserId)?.name ?? null) : null);
  return (
    <ol className="plain-list mtg-items" data-testid="meeting-items">
      {meeting.items.map((item) => (
        <ItemRow key={item.id} item={item} caseId={meeting.caseId} ownerName={owner(item)} />
      ))}
    </ol>
  );
}

export function ItemForm({
  participants,
  act,
}: {
  participants: readonly CaseParticipantView[];
  act: (method: 'POST', action: string, body: unknown) => Promise<void>;
}) {
  const id = useId();
  const [kind, setKind] = useState<MeetingItemKind>('decision');
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [due, setDue] = useState('');
  const [link, setLink] = useState('');
  const { busy, failure, done: saved, submit: run } = useSubmit();
  // Bumped after a successful submit: the cleared fields remount, so they do not show as invalid.
  const [round, setRound] = useState(0);
  const isAction = kind === 'action';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      kind,
      text: text.trim(),
      ownerUserId: owner && owner !== OTHER ? owner : null,
      ownerName: owner === OTHER && ownerName.trim() ? ownerName.trim() : null,
      due: due || null,
      link: decodeLink(link),
    };
    void run(async (done) => {
      await act('POST', 'items', body);
      setText('');
      setRound((r) => r + 1);
      setOwner('');
      setOwnerName('');
      setDue('');
      done();
    });
  };

  return (
    <form className="stack mtg-item-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <Heading level={3} size="level-4" id={`${id}-title`}>
        {m.itemFormTitle}
      </Heading>
      {saved && (
        <p role="status" className="form-status">
          {m.itemSaved}
        </p>
      )}
      {failure !== null && <ActionError error={failure} />}
      <FieldSet legend={m.itemKind}>
        <div className="radio-row">
          <Radio
            name={`${id}-kind`}
            value="decision"
            checked={kind === 'decision'}
            onChange={() => setKind('decision')}
          >
            {m.decision}
          </Radio>
          <Radio name={`${id}-kind`} value="action" checked={kind === 'action'} onChange={() => setKind('action')}>
            {m.action}
          </Radio>
        </div>
      </FieldSet>
      <Field>
        <Label htmlFor={`${id}-text`}>{m.itemText}</Label>
        <TextArea
          id={`${id}-text`}
          key={`r${round}`}
          required
          rows={3}
          maxLength={MEETING_ITEM_TEXT_MAX}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <div className="form-row">
        <Field>
          <Label htmlFor={`${id}-owner`}>
            {m.itemOwner}
            {isAction ? '' : ` (${lang === 'en' ? 'optional' : 'niet verplicht'})`}
          </Label>
          <Select
            key={`r${round}`}
            id={`${id}-owner`}
            required={isAction}
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
          >
            <Select.Option value="">{m.itemOwnerNone}</Select.Option>
            {participants.map((p) => (
              <Select.Option key={p.userId} value={p.userId}>
                {p.name} ({roleLabel(p.role)})
              </Select.Option>
            ))}
            <Select.Option value={OTHER}>{m.itemOwnerOther}</Select.Option>
          </Select>
        </Field>
        {owner === OTHER && (
          <Field>
            <Label htmlFor={`${id}-owner-name`}>{m.itemOwnerName}</Label>
            <TextInput
              id={`${id}-owner-name`}
              required
              maxLength={200}
              value={ownerName}
              onChange={(e) => setOwnerName(e.target.value)}
            />
          </Field>
        )}
        <Field>
          <Label htmlFor={`${id}-due`}>
            {m.itemDue}
            {isAction ? '' : ` (${lang === 'en' ? 'optional' : 'niet verplicht'})`}
          </Label>
          <DateInput
            key={`r${round}`}
            id={`${id}-due`}
            required={isAction}
            value={due}
            onChange={(e) => setDue(e.target.value)}
          />
        </Field>
      </div>
      <LabelledField id={`${id}-link`} label={m.itemLink} hint={m.itemLinkHint}>
        <Select
          id={`${id}-link`}
          aria-describedby={`${id}-link-hint`}
          value={link}
          onChange={(e) => setLink(e.target.value)}
        >
          <Select.Option value="">{m.itemLinkNone}</Select.Option>
          {linkGroups(lang).map((g) => (
            <Select.Group key={g.document} label={m.docs[g.document]}>
              {g.sections.map((s) => (
                <Select.Option key={s.value} value={s.value}>
                  {s.title}
                </Select.Option>
              ))}
            </Select.Group>
          ))}
        </Select>
      </LabelledField>
      <div>
        <Button type="submit" disabled={busy}>
          {m.itemSave}
        </Button>
      </div>
    </form>
  );
}
