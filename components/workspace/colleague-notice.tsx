/**
 * "Colleague anna documented this post 3 hours ago": shown in the post view
 * when someone else in the team already replied to or documented the post,
 * so the person who asked does not get two answers. It names the colleague
 * and when, nothing of their reply or notes (the team shares neither).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRelativeTime } from '../shared/relative-time';
import type { ColleagueMark } from './actions';

/** At most this many colleagues are named; more are counted. */
const SHOWN = 3;

export function ColleagueNotice({ marks }: { marks: readonly ColleagueMark[] }) {
  const { t, i18n } = useTranslation('workspace');
  // "3 hours ago" as of opening the post (the view is remounted per post).
  const [now] = useState(() => Date.now());
  if (marks.length === 0) return null;
  const shown = marks.slice(0, SHOWN);
  const line = (mark: ColleagueMark) =>
    t(`colleague.${mark.kind}`, {
      user: mark.user,
      ago: formatRelativeTime(mark.at, now, i18n.language, t('colleague.justNow')),
    });
  return (
    <div className="notice colleague-notice" data-testid="colleague-notice">
      {shown.length === 1 && shown[0] ? (
        <p data-testid="colleague-mark">{line(shown[0])}</p>
      ) : (
        <ul>
          {shown.map((mark) => (
            <li key={mark.user} data-testid="colleague-mark">
              {line(mark)}
            </li>
          ))}
        </ul>
      )}
      {marks.length > SHOWN && (
        <p className="hint">{t('colleague.more', { count: marks.length - SHOWN })}</p>
      )}
      <p className="hint">{t('colleague.check')}</p>
    </div>
  );
}
