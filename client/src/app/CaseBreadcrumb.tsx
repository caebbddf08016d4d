/** The way back from a page of a case: "Mijn zaken", and the case itself (by the young person's first name). */

import { Breadcrumb } from '../components/ui';
import { paths, RouterLink } from './router';

export function CaseBreadcrumb(props: {
  /** "Mijn zaken" in the feature's texts. */
  casesLabel: string;
  /** The name the screen reader gives the trail ("Kruimelpad" when not given). */
  accessibleName?: string;
  /** Without a case: only the link to the overview (the case page itself). */
  toCase?: { caseId: string; label: string | undefined };
}) {
  return (
    <Breadcrumb accessibleName={props.accessibleName}>
      <Breadcrumb.Link href={paths.overview()} linkComponent={RouterLink}>
        {props.casesLabel}
      </Breadcrumb.Link>
      {props.toCase && (
        <Breadcrumb.Link href={paths.case(props.toCase.caseId)} linkComponent={RouterLink}>
          {props.toCase.label}
        </Breadcrumb.Link>
      )}
    </Breadcrumb>
  );
}
