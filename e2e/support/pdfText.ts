/**
 * The text of a downloaded PDF as pdfjs (Mozilla's PDF engine) reads it: one laid-out line per line.
 * The server tests read structure and layout in detail (server/test/support/pdfText.ts); here a
 * download only has to show the right text.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(bytes: Uint8Array): Promise<string> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  try {
    const pdf = await task.promise;
    let text = '';
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      text += '\n';
    }
    return text.replace(/\n+/g, '\n');
  } finally {
    await task.destroy();
  }
}
