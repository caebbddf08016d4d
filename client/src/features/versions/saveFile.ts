/**
 * Hands a downloaded Blob to the browser as a file: a temporary object URL on an `<a download>`, clicked
 * and removed. The URL is revoked a minute later, when the browser has surely taken the bytes.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name without characters that file systems or the Content-Disposition header dislike. */
export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N} ._-]+/gu, '_').trim() || 'samenspraak';
}
