/**
 * Text, lists and links of Samenspraak's component set, on the NL Design System community
 * components (@utrecht/component-library-react) and styled by our own theme (theme.css).
 */
import {
  BreadcrumbNav,
  BreadcrumbNavLink,
  Link,
  LinkListLink,
  UnorderedListItem,
  Blockquote as UtrechtBlockquote,
  Heading as UtrechtHeading,
  LinkList as UtrechtLinkList,
  Paragraph as UtrechtParagraph,
  UnorderedList as UtrechtUnorderedList,
} from '@utrecht/component-library-react';
import type { ComponentType, HTMLAttributes, ReactNode } from 'react';
import { forwardRef } from 'react';
import { cx } from './cx';

type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface HeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  level: HeadingLevel;
  /** Looks like a heading of this level while keeping the document outline's level. */
  size?: `level-${HeadingLevel}`;
}

export const Heading = forwardRef<HTMLHeadingElement, HeadingProps>(({ size, ...rest }, ref) => (
  <UtrechtHeading ref={ref} appearance={size ? `utrecht-heading-${size.slice(-1)}` : undefined} {...rest} />
));
Heading.displayName = 'Heading';

export interface ParagraphProps extends HTMLAttributes<HTMLParagraphElement> {
  size?: 'small' | 'large';
}

export const Paragraph = forwardRef<HTMLParagraphElement, ParagraphProps>(({ size, ...rest }, ref) => (
  <UtrechtParagraph
    ref={ref}
    appearance={size === 'small' ? 'small' : size === 'large' ? 'lead' : undefined}
    {...rest}
  />
));
Paragraph.displayName = 'Paragraph';

export const UnorderedList = Object.assign(UtrechtUnorderedList, { Item: UnorderedListItem });

export function Blockquote(props: HTMLAttributes<HTMLQuoteElement>) {
  return <UtrechtBlockquote {...props} />;
}

/** A link component of the router, or a plain anchor. */
type LinkComponent = ComponentType<{ href: string; className?: string; children?: ReactNode }>;

interface RoutedLinkProps {
  href: string;
  linkComponent?: LinkComponent;
  className?: string;
  children?: ReactNode;
}

function Chevron() {
  return (
    <svg className="samenspraak-chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
      <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** A link that stands on its own line ("Terug naar …"), with an arrow before it. */
export function StandaloneLink({ href, linkComponent, className, children }: RoutedLinkProps) {
  const Tag = linkComponent ?? 'a';
  return (
    <Tag href={href} className={cx('utrecht-link', 'utrecht-link--html-a', 'samenspraak-standalone-link', className)}>
      <Chevron />
      {children}
    </Tag>
  );
}

function ListLink({ href, linkComponent, className, children }: RoutedLinkProps) {
  if (!linkComponent)
    return (
      <LinkListLink href={href} className={className} icon={<Chevron />}>
        {children}
      </LinkListLink>
    );
  const Tag = linkComponent;
  return (
    <li className="utrecht-link-list__item">
      <Tag href={href} className={cx('utrecht-link', 'utrecht-link--html-a', 'utrecht-link-list__link', className)}>
        <Chevron />
        <span className="utrecht-link-list__link-text">{children}</span>
      </Tag>
    </li>
  );
}

export const LinkList = Object.assign((props: HTMLAttributes<HTMLUListElement>) => <UtrechtLinkList {...props} />, {
  Link: ListLink,
});

function BreadcrumbRoot({ accessibleName, children }: { accessibleName?: string; children: ReactNode }) {
  return <BreadcrumbNav label={accessibleName ?? 'Kruimelpad'}>{children}</BreadcrumbNav>;
}

function BreadcrumbLink({ href, linkComponent, children }: RoutedLinkProps) {
  return (
    <BreadcrumbNavLink href={href} Link={linkComponent ?? Link}>
      {children}
    </BreadcrumbNavLink>
  );
}

export const Breadcrumb = Object.assign(BreadcrumbRoot, { Link: BreadcrumbLink });

/** Term–description pairs (a <dl>), two columns from tablet width on. */
function DescriptionListRoot({
  className,
  termsWidth,
  ...rest
}: HTMLAttributes<HTMLDListElement> & { termsWidth?: 'narrow' | 'medium' | 'wide' }) {
  return (
    <dl
      className={cx(
        'utrecht-data-list',
        'samenspraak-description-list',
        termsWidth && `samenspraak-description-list--${termsWidth}`,
        className,
      )}
      {...rest}
    />
  );
}

export const DescriptionList = Object.assign(DescriptionListRoot, {
  Term: (props: HTMLAttributes<HTMLElement>) => <dt className="utrecht-data-list__item-key" {...props} />,
  Description: (props: HTMLAttributes<HTMLElement>) => <dd className="utrecht-data-list__item-value" {...props} />,
});
