/** Inbox items as a list: what (in words), about whom, when; unread marked in words, not only colour. */
import type { InboxItemView } from '@samenspraak/shared';
import { AppLink } from '../../app/router';
import { compactMoment } from '../../dates';
import { isUrgent, itemText, m } from './messages';
import { markItemRead } from './useInbox';

export function InboxList({ items, onNavigate }: { items: readonly InboxItemView[]; onNavigate?: () => void }) {
  return (
    <ul className="plain-list inbox__list">
      {items.map((item) => {
        const unread = item.readAt === null;
        return (
          <li
            key={item.id}
            className={`inbox-item${unread ? ' inbox-item--unread' : ''}${unread && isUrgent(item) ? ' inbox-item--urgent' : ''}`}
            data-testid="inbox-item"
            data-kind={item.kind}
            data-unread={unread}
          >
            <AppLink
              to={item.link}
              className="inbox-item__link"
              onClick={() => {
                void markItemRead(item.id);
                onNavigate?.();
              }}
            >
              {unread && <span className="inbox-item__tag">{m.unread}</span>}
              <span className="inbox-item__what">{itemText(item)}</span>
            </AppLink>
            <span className="inbox-item__meta">
              {item.caseName ? `${m.caseOf(item.caseName)} · ` : ''}
              <time dateTime={item.createdAt}>{compactMoment(item.createdAt)}</time>
              {!unread && <span className="visually-hidden"> · {m.read}</span>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
