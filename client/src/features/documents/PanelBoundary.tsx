/**
 * Keeps the document usable when a panel beside it fails: the error is shown in place of the panel
 * (and logged), the editors keep working.
 */

import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Paragraph } from '../../components/ui';
import { m } from './messages';

export class PanelBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('document panel failed', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Alert heading={m.panelFailed} headingLevel={2} severity="warning">
        <Paragraph>{m.panelFailedBody}</Paragraph>
      </Alert>
    );
  }
}
