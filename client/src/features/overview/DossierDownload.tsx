/**
 * "Download mijn dossier": the complete export as a readable PDF (`GET …/export.pdf`) or as JSON
 * (`POST …/export`). Both are real file downloads; both land in the access log.
 */

import type { CaseExport } from '@samenspraak/shared';
import { useState } from 'react';
import { api, download } from '../../app/api';
import { errorText } from '../../app/errorText';
import { PanelStatus } from '../../components/PanelStatus';
import { Button } from '../../components/ui';
import { safeFileName, saveBlob } from '../versions/saveFile';
import { m } from './messages';

export function DossierDownload({ caseId, onDone }: { caseId: string; onDone(): void }) {
  const [busy, setBusy] = useState<'pdf' | 'json' | null>(null);
  const [status, setStatus] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const base = `/api/cases/${encodeURIComponent(caseId)}/export`;

  const run = async (format: 'pdf' | 'json') => {
    setBusy(format);
    setError(null);
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
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <div className="button-row">
        <Button onClick={() => void run('pdf')} disabled={busy !== null} data-testid="download-pdf">
          {m.downloadPdf}
        </Button>
        <Button variant="secondary" onClick={() => void run('json')} disabled={busy !== null}>
          {m.downloadJson}
        </Button>
      </div>
      <PanelStatus status={status} error={error} errorHeading={m.loadFailed} />
    </>
  );
}
