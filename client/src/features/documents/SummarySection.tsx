/**
 * The summary of the analysis: 002 Bijlage 1 asks for "een puntsgewijze opsomming van informatie van
 * gelijke orde", so it is a list of bullets and nothing else — one item per point, each point's text a
 * Y.Text that merges per character when two people type in it.
 */

import type * as Y from 'yjs';
import { Button } from '../../components/ui';
import { RemoveButton, TextField, useFocusNew, useItems } from './ItemParts';
import { addSummaryPoint, findItemMap, readSummary, removeItem, SUMMARY_SECTION } from './items';
import { tm } from './templateMessages';

const readSummaryOf = (doc: Y.Doc) => readSummary(doc);

export function SummarySection({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const items = useItems(doc, SUMMARY_SECTION, readSummaryOf);
  const [, setFresh, focusRef] = useFocusNew();
  return (
    <div className="items" data-testid="items-samenvatting">
      {items.length === 0 ? (
        <p className="items__empty">{tm.summaryEmpty}</p>
      ) : editable ? (
        <ul className="summary-list summary-list--edit">
          {items.map((point, i) => (
            <li key={point.id} className="summary-list__item" data-testid="summary-point">
              <TextField
                label={tm.summaryPoint(i + 1)}
                item={findItemMap(doc, SUMMARY_SECTION, point.id)}
                field="tekst"
                inputRef={focusRef(point.id)}
                testId="summary-point-text"
              />
              <RemoveButton
                what={point.tekst || String(i + 1)}
                onRemove={() => removeItem(doc, SUMMARY_SECTION, point.id)}
              />
            </li>
          ))}
        </ul>
      ) : (
        <ul className="summary-list">
          {items.map((point) => (
            <li key={point.id} data-testid="summary-point">
              {point.tekst}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <Button variant="secondary" onClick={() => setFresh(addSummaryPoint(doc))} data-testid="add-summary-point">
          {tm.addSummaryPoint}
        </Button>
      )}
    </div>
  );
}
