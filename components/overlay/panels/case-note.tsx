/**
 * Case documentation in a few seconds: pick an outcome (arrow keys move
 * between them, or press 1–5 anywhere in the panel), optionally type a
 * short private note, press Enter or "Save". The entry goes through the
 * tab's log queue (`actions.logCaseNote`), so it is kept until the
 * background has stored it; the status line says whether it is saved, still
 * waiting, or why not.
 */
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import type { CaseOutcome } from '../../../lib/log/events';
import { CASE_OUTCOMES, MAX_NOTE_LENGTH } from '../../../lib/log/events';
import type { CaseNoteProgress, OverlayPanelProps } from '../../../lib/content/overlay-contract';
import { useTranslation } from '../overlay-i18n';

type SaveState = 'idle' | 'pending' | 'saved' | 'error';

interface Draft {
  outcome: CaseOutcome | null;
  note: string;
  savedAt: number | null;
}

export function CaseNotePanel({ post, actions, panelState }: OverlayPanelProps) {
  const { t } = useTranslation('overlay-case-note');
  const id = useId();
  const [draft, setDraftState] = useState<Draft>(
    () => panelState.get<Draft>('draft') ?? { outcome: null, note: '', savedAt: null },
  );
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(draft);
  // The draft survives the post being scrolled away and back (kept per post key).
  // Written from event handlers only: the store notifies the overlay, so writing it
  // during an effect of every render would loop.
  const update = (change: Partial<Draft>) => {
    const next = { ...latest.current, ...change };
    latest.current = next;
    setDraftState(next);
    panelState.set('draft', next);
  };

  useEffect(() => {
    if (draft.savedAt !== null || draft.outcome !== null) return;
    let cancelled = false;
    actions.loadCaseNote().then(
      (stored) => {
        if (!cancelled && stored) {
          update({ outcome: stored.outcome, note: stored.note, savedAt: stored.updatedAt });
          setState('saved');
        }
      },
      () => undefined, // nothing documented yet, or the background is waking up
    );
    return () => {
      cancelled = true;
    };
    // Only when the panel first shows this post.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [post.postKey]);

  const save = () => {
    if (draft.outcome === null) return;
    const onProgress = (progress: CaseNoteProgress) => {
      if (progress.status === 'saved') {
        update({ savedAt: Date.now() });
        setState('saved');
      } else {
        setError(progress.message);
        setState('error');
      }
    };
    actions.logCaseNote(
      { outcome: draft.outcome, note: draft.note.trim().slice(0, MAX_NOTE_LENGTH) },
      onProgress,
    );
    actions.reportAction('case-documented', { outcome: draft.outcome });
    setState('pending');
    setError(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    const typing = target.tagName === 'TEXTAREA';
    if (!typing && /^[1-5]$/.test(event.key)) {
      const outcome = CASE_OUTCOMES[Number(event.key) - 1];
      if (outcome) update({ outcome });
      event.preventDefault();
    } else if (event.key === 'Enter' && (!typing || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    }
  };

  return (
    // The panel's shortcuts (1–5, Enter) only act while focus is inside it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section
      aria-labelledby={`${id}-h`}
      className="case-note"
      onKeyDown={onKeyDown}
      data-testid="case-note"
    >
      <h3 id={`${id}-h`} className="section-title">
        {t('heading')}
      </h3>
      <fieldset className="outcomes">
        <legend>{t('outcomeLegend')}</legend>
        {CASE_OUTCOMES.map((outcome, index) => (
          <label key={outcome} className="outcome">
            <input
              type="radio"
              name={`${id}-outcome`}
              value={outcome}
              checked={draft.outcome === outcome}
              onChange={() => update({ outcome })}
              data-testid={`case-outcome-${outcome}`}
            />
            <span>
              {index + 1} · {t(`outcomes.${outcome}`)}
            </span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-note`}>{t('noteLabel')}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        maxLength={MAX_NOTE_LENGTH}
        value={draft.note}
        placeholder={t('notePlaceholder')}
        aria-describedby={`${id}-help`}
        onChange={(event) => update({ note: event.target.value })}
        data-testid="case-note-text"
      />
      <p id={`${id}-help`} className="help">
        {t('help')}
      </p>
      <div className="actions">
        <button
          type="button"
          className="action"
          disabled={draft.outcome === null || state === 'pending'}
          onClick={save}
          data-testid="case-note-save"
        >
          {t('save')}
        </button>
      </div>
      <p role="status" className="status" data-testid="case-note-status">
        {state === 'saved'
          ? t('saved')
          : state === 'pending'
            ? t('pending')
            : state === 'error'
              ? t('error', { message: error ?? '' })
              : ''}
      </p>
    </section>
  );
}
