/** Which document, which part and (optionally) which passage a statement or correction is about. */
import type { CaseDetail } from '@samenspraak/shared';
import { LabelledField, Select, TextArea } from '../../components/ui';
import { lang } from '../../i18n';
import { m } from './messages';
import { documentChoices, type RightsDocument, sectionChoices } from './sectionChoices';

export interface SectionRef {
  document: RightsDocument;
  section: string;
  passage: string;
}

export function SectionPicker(props: {
  idPrefix: string;
  detail: CaseDetail;
  value: SectionRef;
  onChange(v: SectionRef): void;
}) {
  const { idPrefix, detail, value, onChange } = props;
  const docs = documentChoices(detail);
  const sections = sectionChoices(detail, value.document);
  return (
    <>
      {docs.length > 1 && (
        <LabelledField id={`${idPrefix}-document`} label={m.documentLabel} hint="">
          <Select
            id={`${idPrefix}-document`}
            value={value.document}
            onChange={(e) => {
              const document = e.currentTarget.value as RightsDocument;
              onChange({ document, section: sectionChoices(detail, document)[0]?.id ?? '', passage: value.passage });
            }}
          >
            {docs.map((d) => (
              <Select.Option key={d} value={d}>
                {m.docs[d]}
              </Select.Option>
            ))}
          </Select>
        </LabelledField>
      )}
      <LabelledField id={`${idPrefix}-section`} label={m.sectionLabel} hint={m.sectionHint}>
        <Select
          id={`${idPrefix}-section`}
          aria-describedby={`${idPrefix}-section-hint`}
          value={value.section}
          required
          onChange={(e) => onChange({ ...value, section: e.currentTarget.value })}
        >
          {sections.map((s) => (
            <Select.Option key={s.id} value={s.id}>
              {s.title[lang]}
            </Select.Option>
          ))}
        </Select>
      </LabelledField>
      <LabelledField id={`${idPrefix}-passage`} label={m.passageLabel} hint={m.passageHint}>
        <TextArea
          id={`${idPrefix}-passage`}
          aria-describedby={`${idPrefix}-passage-hint`}
          rows={2}
          maxLength={1000}
          value={value.passage}
          onChange={(e) => onChange({ ...value, passage: e.currentTarget.value })}
        />
      </LabelledField>
    </>
  );
}

/** The first readable part, or the one asked for in the address (`?deel=…&document=…` from the document page). */
export function initialRef(detail: CaseDetail): SectionRef {
  const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  const asked = params.get('document') === 'futurePlan' ? 'futurePlan' : 'analysis';
  const document = documentChoices(detail).includes(asked) ? asked : 'analysis';
  const sections = sectionChoices(detail, document);
  const wanted = params.get('deel');
  const section = sections.find((s) => s.id === wanted)?.id ?? sections[0]?.id ?? '';
  return { document, section, passage: '' };
}
