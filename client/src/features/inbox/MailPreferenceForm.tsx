/** How the person hears of new items by e-mail: direct, a daily overview, or none (saved on change). */
import type { MailPreference, MailPreferenceResponse } from '@samenspraak/shared';
import { api } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FieldSet, Heading, Paragraph, Radio } from '../../components/ui';
import { m } from './messages';

const CHOICES: Array<[MailPreference, string]> = [
  ['immediate', m.mailImmediate],
  ['daily', m.mailDaily],
  ['off', m.mailOff],
];

export function MailPreferenceForm() {
  const current = useApi<MailPreferenceResponse>('/api/me/mail-preference');
  const send = useSubmit();
  const pref = current.data;
  const choose = (preference: MailPreference) =>
    send.submit(
      async (done) => {
        await api('PUT', '/api/me/mail-preference', { preference });
        done();
      },
      { settle: current.reload },
    );
  return (
    <section className="stack inbox__mail" aria-labelledby="inbox-mail-title">
      <Heading level={2} size="level-3" id="inbox-mail-title">
        {m.mailTitle}
      </Heading>
      <Paragraph>{m.mailIntro}</Paragraph>
      {pref && !pref.hasEmail && <Paragraph data-testid="mail-no-address">{m.mailNoAddress}</Paragraph>}
      {pref && (
        <FieldSet legend={m.mailLegend} className="inbox__choices" disabled={send.busy}>
          {CHOICES.map(([value, label]) => (
            <Radio
              key={value}
              name="mail-preference"
              value={value}
              checked={pref.preference === value}
              onChange={() => void choose(value)}
            >
              {label}
            </Radio>
          ))}
        </FieldSet>
      )}
      {pref && !pref.chosen && <Paragraph size="small">{m.mailDefault}</Paragraph>}
      <span role="status" className="inbox__saved">
        {send.done ? m.mailSaved : ''}
      </span>
      {send.error && (
        <ErrorAlert heading={m.mailFailed} headingLevel={3}>
          {send.error}
        </ErrorAlert>
      )}
    </section>
  );
}
