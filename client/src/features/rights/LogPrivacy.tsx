/** The young person's choice: do the parents see my own activity in the access log (`PUT …/rights/log-privacy`)? */
import { useState } from 'react';
import { api } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { PanelStatus } from '../../components/PanelStatus';
import { Label, Paragraph, Switch } from '../../components/ui';
import { m } from './messages';

export function LogPrivacy(props: { caseId: string; allowed: boolean; onChanged(): void }) {
  const [allowed, setAllowed] = useState(props.allowed);
  const [known, setKnown] = useState(props.allowed);
  const { busy, error, submit } = useSubmit();
  if (props.allowed !== known) {
    setKnown(props.allowed);
    setAllowed(props.allowed);
  }
  const change = (next: boolean) =>
    submit(async () => {
      setAllowed(next);
      try {
        await api('PUT', `/api/cases/${encodeURIComponent(props.caseId)}/rights/log-privacy`, {
          parentsSeeMyActivity: next,
        });
        props.onChanged();
      } catch (err) {
        setAllowed(!next);
        throw err;
      }
    });
  return (
    <>
      <Paragraph>{m.privacyIntro}</Paragraph>
      <div className="button-row">
        <Switch
          id="log-privacy"
          checked={allowed}
          disabled={busy}
          onChange={(e) => void change(e.currentTarget.checked)}
        />
        <Label htmlFor="log-privacy">{m.privacyLabel}</Label>
      </div>
      <PanelStatus
        status={<strong>{busy ? m.privacySaving : allowed ? m.privacyOn : m.privacyOff}</strong>}
        error={error}
        errorHeading={m.loadFailed}
        testId="log-privacy-status"
        small={false}
      />
    </>
  );
}
