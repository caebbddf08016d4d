/**
 * The section navigation of a case document (issue #18): a list of the sections that jumps to each
 * (`#sectie-<id>`), the person's own part first for the young person and parents, headings in plain
 * words for them. Links are real anchors (keyboard, screen readers); a tap scrolls the section into view
 * and moves focus to its heading, so a screen reader continues there.
 */
import type { SectionDef } from '@samenspraak/shared';
import { useEffect, useRef } from 'react';
import { tm2 } from './tocMessages';

/** Scrolls a section into view and puts focus on its heading; keeps the anchor in the address. */
export function jumpToSection(sectionId: string, behavior: ScrollBehavior = 'smooth'): boolean {
  const section = document.getElementById(`sectie-${sectionId}`);
  if (!section) return false;
  section.scrollIntoView({ block: 'start', behavior });
  const heading = document.getElementById(`sectie-${sectionId}-titel`);
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  if (location.hash !== `#sectie-${sectionId}`)
    history.replaceState(history.state, '', `${location.pathname}${location.search}#sectie-${sectionId}`);
  return true;
}

/** The section a hash names: `#sectie-<id>` (start page, this navigation) or `#<id>` (inbox links). */
export function sectionOfHash(hash: string, ids: readonly string[]): string | null {
  const raw = decodeURIComponent(hash.replace(/^#/, ''));
  const id = raw.startsWith('sectie-') ? raw.slice('sectie-'.length) : raw;
  return ids.includes(id) ? id : null;
}

/**
 * Once the sections are on the page, jumps to the one the address names (once per address): the start
 * page and inbox links land on the part itself, not on the top of a long page.
 */
export function useJumpToHash(ids: readonly string[], ready: boolean): void {
  const done = useRef<string | null>(null);
  const key = ids.join(',');
  useEffect(() => {
    if (!ready) return;
    const target = sectionOfHash(location.hash, ids);
    const address = `${location.pathname}${location.hash}`;
    if (!target || done.current === address) return;
    // After the layout settled (editors mount in the same frame).
    const frame = requestAnimationFrame(() => {
      if (jumpToSection(target, 'auto')) done.current = `${location.pathname}${location.hash}`;
    });
    return () => cancelAnimationFrame(frame);
  }, [key, ready]);
}

export function SectionNav(props: {
  sections: readonly SectionDef[];
  /** The person's own part, listed first. */
  mine: string | null;
  titleOf(section: SectionDef): string;
}) {
  const mine = props.sections.find((s) => s.id === props.mine) ?? null;
  const rest = props.sections.filter((s) => s !== mine);
  const link = (section: SectionDef, label: string, className?: string) => (
    <a
      href={`#sectie-${section.id}`}
      className={className ?? 'doc-toc__link'}
      data-testid={`toc-${section.id}`}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        if (jumpToSection(section.id)) e.preventDefault();
      }}
    >
      {label}
    </a>
  );
  return (
    <nav aria-label={tm2.tocLabel} className="doc-toc" data-testid="section-nav">
      {mine && link(mine, props.titleOf(mine), 'doc-toc__link doc-toc__link--mine')}
      <details className="doc-toc__all">
        <summary className="doc-toc__summary">{tm2.tocAll}</summary>
        <p className="doc-toc__hint">{tm2.tocHint}</p>
        <ol className="doc-toc__list">
          {rest.map((s) => (
            <li key={s.id}>{link(s, props.titleOf(s))}</li>
          ))}
        </ol>
      </details>
    </nav>
  );
}
