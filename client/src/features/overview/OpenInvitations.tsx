/**
 * The open invitations of a case, for whoever may invite (`GET /api/cases/:id/invitations`), each with
 * "Intrekken" (`DELETE …/:ref`). The server lists only public refs, never the link's secret id.
 */

import type { InvitationsResponse } from '@samenspraak/shared';
import { api } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { Button, Paragraph, UnorderedList } from '../../components/ui';
import { shortMoment } from '../../dates';
import { roleLabel } from '../../i18n';
import { m } from './messages';

export function OpenInvitations({
  caseId,
  version,
  onChanged,
}: {
  caseId: string;
  version: number;
  onChanged(): void;
}) {
  const list = useApi<InvitationsResponse>(`/api/cases/${encodeURIComponent(caseId)}/invitations?v=${version}`);
  const { error, submit } = useSubmit();
  const open = (list.data?.invitations ?? []).filter((i) => i.state === 'open');
  if (open.length === 0) return null;

  const revoke = (ref: string) =>
    submit(async () => {
      await api('DELETE', `/api/cases/${encodeURIComponent(caseId)}/invitations/${encodeURIComponent(ref)}`);
      await list.reload();
      onChanged();
    });

  return (
    <div data-testid="open-invitations">
      <Paragraph>{m.inviteOpenTitle}</Paragraph>
      <UnorderedList>
        {open.map((i) => (
          <UnorderedList.Item key={i.ref}>
            {i.name} ({roleLabel(i.role)}), {m.inviteExpires(shortMoment(i.expiresAt))}{' '}
            <Button variant="tertiary" onClick={() => void revoke(i.ref)}>
              {m.inviteRevoke}
            </Button>
          </UnorderedList.Item>
        ))}
      </UnorderedList>
      {error && <Paragraph role="alert">{error}</Paragraph>}
    </div>
  );
}
