/** Lets design-system links (`linkComponent`) navigate inside the app: `href` becomes `AppLink`'s `to`. */
import type { AnchorHTMLAttributes } from 'react';
import { AppLink } from '../../app/router';

export function RouterLink({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <AppLink to={href ?? '/'} {...rest} />;
}
