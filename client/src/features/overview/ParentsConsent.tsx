/** From 16 the young person alone decides whether the parents see the dossier (`PUT …/parents-consent`). */

import type { ParentsConsentResponse } from '@samenspraak/shared';
import { useState } from 'react';
import { api } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { PanelStatus } from '../../components/PanelStatus';
import { Label, Paragraph, Switch } from '../../components/ui';
import { m } from './messages';

export function ParentsConsent(props: { caseId: string; consent: boolean; onChanged(consent: boolean): void }) {
  const [consent, setConsent] = useState(props.consent);
  const { busy, error, submit } = useSubmit();
  const [known, setKnown] = useState(props.consent);
  // Follow the server when someone else's change (or a reload) brings a new value.
  if (props.consent !== known) {
    setKnown(props.consent);
    setConsent(props.consent);
  }

  const change = (next: boolean) =>
    submit(async () => {
      setConsent(next);
      try {
        const res = await api<ParentsConsentResponse>(
          'PUT',
          `/api/cases/${encodeURIComponent(props.caseId)}/parents-consent`,
          { consent: next },
        );
        setConsent(res.parentsConsent);
        props.onChanged(res.parentsConsent);
      } catch (err) {
        setConsent(!next);
        throw err;
      }
    });

  return (
    <>
      <Paragraph>{m.consentIntro}</Paragraph>
      <div className="button-row">
        <Switch
          id="parents-consent"
          checked={consent}
          disabled={busy}
          onChange={(e) => void change(e.currentTarget.checked)}
        />
        <Label htmlFor="parents-consent">{m.consentLabel}</Label>
      </div>
      <PanelStatus
        status={<strong>{busy ? m.consentSaving : consent ? m.consentOn : m.consentOff}</strong>}
        error={error}
        errorHeading={m.loadFailed}
        testId="consent-status"
        small={false}
      />
    </>
  );
}
