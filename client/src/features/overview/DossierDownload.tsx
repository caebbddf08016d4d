/**
 * "Download mijn dossier": the complete export as a readable PDF (`GET …/export.pdf`) or as JSON
 * (`POST …/export`). Both are real file downloads; both land in the access log.
 */

import type { CaseExport } from '@samenspraak/shared';
import { useState } from 'react';
import { api, download } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { PanelStatus } from '../../components/PanelStatus';
import { Button } from '../../components/ui';
import { safeFileName, saveBlob } from '../versions/saveFile';
import { m } from './messages';

export function DossierDownload({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const { busy, error, submit } = useSubmit();
  const [status, setStatus] = useState<string>('');
  const base = `/api/cases/${encodeURIComponent(caseId)}/export`;

  const run = (format: 'pdf' | 'json') =>
    submit(async () => {
      setStatus(m.downloading);
      try {
        const file = safeFileName(`samenspraak-dossier-${caseId}.${format}`);
        if (format === 'pdf') saveBlob(await download(`${base}.pdf`), file);
        else {
          const data = await api<CaseExport>('POST', base);
          saveBlob(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), file);
        }
        setStatus(m.downloaded(file));
        onDone();
      } catch (err) {
        setStatus('');
        throw err;
      }
    });

  return (
    <>
      <div className="button-row">
        <Button onClick={() => void run('pdf')} disabled={busy} data-testid="download-pdf">
          {m.downloadPdf}
        </Button>
        <Button variant="secondary" onClick={() => void run('json')} disabled={busy}>
          {m.downloadJson}
        </Button>
      </div>
      <PanelStatus status={status} error={error} errorHeading={m.loadFailed} />
    </>
  );
}
