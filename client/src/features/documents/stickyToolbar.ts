/**
 * Keeps the editor's toolbar reachable while the on-screen keyboard is open (issue #18). The toolbar is
 * `position: sticky` (documents.css) at the top of the *visual* viewport: the VisualViewport API says how
 * far the visible part is scrolled inside the layout viewport when a keyboard opens (iOS, or Android
 * without `interactive-widget=resizes-content`), and this hook writes that offset to a CSS variable.
 * Where the API is missing, the variable stays 0 and the toolbar sticks to the top of the page. The
 * save status is sticky above it: its height is a second variable, so the status never covers a tool.
 */
import { useEffect } from 'react';

const VARIABLE = '--samenspraak-vv-top';
/** The height of the sticky save status above the document: the toolbar sticks just below it. */
const STATUS_VARIABLE = '--samenspraak-status-height';

export function useStickyToolbar(): void {
  useEffect(() => {
    const root = document.documentElement;
    const status = document.querySelector<HTMLElement>('.casedoc__status');
    const statusObserver =
      status && typeof ResizeObserver !== 'undefined'
        ? new ResizeObserver(() => root.style.setProperty(STATUS_VARIABLE, `${status.offsetHeight}px`))
        : null;
    if (status) {
      root.style.setProperty(STATUS_VARIABLE, `${status.offsetHeight}px`);
      statusObserver?.observe(status);
    }
    const viewport = window.visualViewport;
    if (!viewport)
      return () => {
        statusObserver?.disconnect();
        root.style.removeProperty(STATUS_VARIABLE);
      };
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        root.style.setProperty(VARIABLE, `${Math.max(0, Math.round(viewport.offsetTop))}px`);
      });
    };
    update();
    viewport.addEventListener('resize', update);
    viewport.addEventListener('scroll', update);
    return () => {
      cancelAnimationFrame(frame);
      viewport.removeEventListener('resize', update);
      viewport.removeEventListener('scroll', update);
      root.style.removeProperty(VARIABLE);
      statusObserver?.disconnect();
      root.style.removeProperty(STATUS_VARIABLE);
    };
  }, []);
}
