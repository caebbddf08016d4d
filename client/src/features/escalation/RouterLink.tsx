/** An in-app link in the shape design-system components expect of `linkComponent` (an `href` prop). */
import type { AnchorHTMLAttributes } from 'react';
import { AppLink } from '../../app/router';

export function RouterLink({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <AppLink to={href ?? '/'} {...rest} />;
}
