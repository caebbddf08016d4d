/**
 * A page or document that could not be loaded: the reason in plain words, and "try again" unless it does
 * not exist (or is not this person's to see), where trying again would not help.
 */

import type { ReactNode } from 'react';
import { Alert, Button, Paragraph } from '../components/ui';
import { errorText } from './errorText';
import type { ApiResource } from './useApi';

export function LoadFailed(props: {
  /** The feature's texts: its heading, "not found" and "try again". */
  texts: { loadFailed: string; notFound: string; retry: string };
  headingLevel: 1 | 2;
  error: unknown;
  /** Not found (or not allowed): says `texts.notFound`, offers no retry. */
  missing: boolean;
  onRetry(): void;
}) {
  const { texts } = props;
  return (
    <Alert heading={texts.loadFailed} headingLevel={props.headingLevel} severity="error" role="alert">
      <Paragraph>{props.missing ? texts.notFound : errorText(props.error)}</Paragraph>
      {!props.missing && (
        <Button variant="secondary" onClick={props.onRetry}>
          {texts.retry}
        </Button>
      )}
    </Alert>
  );
}

/**
 * A page of a case whose case has not loaded (yet): "loading…", or why it failed under the page's
 * breadcrumb. Pages render this until `resource.data` is there.
 */
export function CaseNotLoaded(props: {
  resource: ApiResource<unknown>;
  texts: { loadFailed: string; notFound: string; retry: string; loading: string };
  breadcrumb: ReactNode;
}) {
  const { resource } = props;
  if (!resource.error) return <Paragraph aria-live="polite">{props.texts.loading}</Paragraph>;
  return (
    <section className="stack">
      {props.breadcrumb}
      <LoadFailed
        texts={props.texts}
        headingLevel={1}
        error={resource.error}
        missing={resource.error.status === 404}
        onRetry={() => void resource.reload()}
      />
    </section>
  );
}
