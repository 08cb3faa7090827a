/**
 * The queue: the recognised posts of the page with language, topic,
 * question or not and status, filtered by status (open questions first by
 * default). Posts that ask nothing or are off-topic are de-emphasised. Each
 * row is one button that opens the post.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColleagueMark } from './actions';
import { languageName } from './language';
import type { QueueCounts, QueueFilter, QueueItem } from './queue';
import { filterQueue, QUEUE_FILTERS } from './queue';

export interface QueueViewProps {
  items: readonly QueueItem[];
  counts: QueueCounts;
  filter: QueueFilter;
  onFilter(filter: QueueFilter): void;
  onOpen(postKey: string): void;
  headingRef: React.Ref<HTMLHeadingElement>;
  /** Posts a colleague in the team replied to or documented (newest mark first). */
  colleagueMarks?: ReadonlyMap<string, readonly ColleagueMark[]>;
}

const PREVIEW_LENGTH = 140;

const NO_MARKS: ReadonlyMap<string, readonly ColleagueMark[]> = new Map();

export function QueueView({
  items,
  counts,
  filter,
  onFilter,
  onOpen,
  headingRef,
  colleagueMarks = NO_MARKS,
}: QueueViewProps) {
  const { t } = useTranslation('workspace');
  const id = useId();
  const shown = filterQueue(items, filter);
  const countFor = (value: QueueFilter) =>
    value === 'all' ? counts.total : counts.byStatus[value];

  return (
    <section className="queue" aria-labelledby={`${id}-h`} data-testid="queue">
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        {t('queue.heading')}
      </h2>
      <div className="filter">
        <label htmlFor={`${id}-filter`}>{t('queue.filter')}</label>
        <select
          id={`${id}-filter`}
          value={filter}
          onChange={(event) => onFilter(event.target.value as QueueFilter)}
          data-testid="queue-filter"
        >
          {QUEUE_FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`queue.filters.${value}`, { count: countFor(value) })}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p className="hint" data-testid="queue-empty">
          {filter === 'open' ? t('queue.noneOpen') : t('queue.noneInFilter')}
        </p>
      ) : (
        <ul className="queue-list" data-testid="queue-list">
          {shown.map((item) => {
            const { post } = item;
            const text = post.text.replace(/\s+/g, ' ').trim();
            const colleague = colleagueMarks.get(post.postKey)?.[0];
            return (
              <li key={post.postKey} className={item.relevant ? '' : 'muted'}>
                <button
                  type="button"
                  className="queue-item"
                  data-post-key={post.postKey}
                  data-status={item.status}
                  onClick={() => onOpen(post.postKey)}
                  data-testid="queue-item"
                >
                  <span className="queue-line">
                    <span className={`badge status-${item.status}`}>
                      {t(`status.${item.status}`)}
                    </span>
                    <span className="badge">{languageName(post.analysis?.language, t)}</span>
                    {colleague && (
                      <span className="badge colleague" data-testid="queue-colleague">
                        {t('colleague.badge', { user: colleague.user })}
                      </span>
                    )}
                    <span className="queue-topic">
                      {item.topicLabel ??
                        (post.analysis ? t('post.topicPending') : t('post.analysing'))}
                    </span>
                    <span className="hint">
                      {post.analysis === null
                        ? ''
                        : post.analysis.isQuestion
                          ? t('post.question')
                          : t('post.noQuestion')}
                    </span>
                  </span>
                  <span className="queue-preview" lang={post.analysis?.language ?? undefined}>
                    {text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH)}…` : text}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
