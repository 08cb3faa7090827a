/**
 * The one documentation flow (issue 13): right after a reply went out, the
 * five outcomes as chips (keys 1–5), the referral target when the outcome
 * is "referred", what the case is about and the safe-handover checklist when
 * it is "escalated", an optional private note, Enter saves. Each save is one
 * `note-added` event; saving again after a change writes a new one and the
 * statistics take the latest. Once saved, "Next open question" takes focus.
 */
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseOutcome, EscalationKind } from '../../lib/log/events';
import { CASE_OUTCOMES, ESCALATION_KINDS, MAX_NOTE_LENGTH } from '../../lib/log/events';
import { LIMITS } from '../../lib/domain/limits';
import type { StoredCaseNote } from './actions';
import { HandoverChecklist } from './handover-checklist';
import { useFocusAfterRender } from './use-focus-after-render';

export interface DocumentationEntry {
  outcome: CaseOutcome;
  note: string;
  referredTo: string | null;
  escalation: EscalationKind | null;
}

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

type Problem = 'outcome' | 'referral' | 'escalation' | null;

export interface DocumentationProps {
  stored: StoredCaseNote | null;
  /** What the reply suggests when nothing is stored yet (it named a directory service). */
  proposed?: { outcome: 'referred'; referredTo: string } | null;
  /** Focus the outcome chips when shown (right after an insert). */
  focusOnShow: boolean;
  onSave(entry: DocumentationEntry): Promise<void>;
  onNext(): void;
}

const isTyping = (target: EventTarget) =>
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLInputElement && target.type === 'text');

export function Documentation({
  stored,
  proposed = null,
  focusOnShow,
  onSave,
  onNext,
}: DocumentationProps) {
  const { t } = useTranslation('workspace');
  const id = useId();
  const [outcome, setOutcome] = useState<CaseOutcome | null>(
    stored?.outcome ?? proposed?.outcome ?? null,
  );
  const [referredTo, setReferredTo] = useState(
    stored?.referredTo ?? (stored ? '' : (proposed?.referredTo ?? '')),
  );
  const [escalation, setEscalation] = useState<EscalationKind | null>(stored?.escalation ?? null);
  const [note, setNote] = useState(stored?.note ?? '');
  const [save, setSave] = useState<SaveState>(stored ? { kind: 'saved' } : { kind: 'idle' });
  const [problem, setProblem] = useState<Problem>(null);
  const firstChip = useRef<HTMLInputElement>(null);
  const referral = useRef<HTMLInputElement>(null);
  const firstKind = useRef<HTMLInputElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  /** Focus moves once shown: to the referral field (key 2), or on to "Next" once saved. */
  const focusAfterRender = useFocusAfterRender<'referral' | 'next'>(
    (target) => (target === 'referral' ? referral : next).current,
  );

  useEffect(() => {
    if (focusOnShow) firstChip.current?.focus();
  }, [focusOnShow]);

  const edit = () => {
    if (save.kind === 'saved' || save.kind === 'error') setSave({ kind: 'idle' });
  };

  const choose = (value: CaseOutcome, fromKey: boolean) => {
    setOutcome(value);
    setProblem(null);
    edit();
    if (value === 'referred' && fromKey) focusAfterRender('referral');
  };

  const submit = () => {
    if (save.kind === 'saving') return;
    if (outcome === null) {
      setProblem('outcome');
      firstChip.current?.focus();
      return;
    }
    const target = referredTo.trim();
    if (outcome === 'referred' && target === '') {
      setProblem('referral');
      referral.current?.focus();
      return;
    }
    if (outcome === 'escalated' && escalation === null) {
      setProblem('escalation');
      firstKind.current?.focus();
      return;
    }
    setProblem(null);
    setSave({ kind: 'saving' });
    onSave({
      outcome,
      note: note.trim().slice(0, MAX_NOTE_LENGTH),
      referredTo: outcome === 'referred' ? target : null,
      escalation: outcome === 'escalated' ? escalation : null,
    }).then(
      () => {
        // Only when this flow saved, not when it opens on a stored note.
        focusAfterRender('next');
        setSave({ kind: 'saved' });
      },
      (error: unknown) =>
        setSave({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const typing = isTyping(event.target);
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[1-5]$/.test(event.key)) {
      const value = CASE_OUTCOMES[Number(event.key) - 1];
      if (value) choose(value, true);
      event.preventDefault();
      event.stopPropagation();
    } else if (
      event.key === 'Enter' &&
      !(event.target instanceof HTMLButtonElement) &&
      (!(event.target instanceof HTMLTextAreaElement) || event.ctrlKey || event.metaKey)
    ) {
      event.preventDefault();
      event.stopPropagation();
      submit();
    }
  };

  return (
    // The flow's keys (1–5, Enter) act while focus is inside it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <section
      className="documentation"
      aria-labelledby={`${id}-h`}
      onKeyDown={onKeyDown}
      data-testid="documentation"
    >
      <h3 id={`${id}-h`}>{t('documentation.heading')}</h3>
      <fieldset className="outcomes" aria-describedby={`${id}-keys`}>
        <legend>{t('documentation.outcome')}</legend>
        {CASE_OUTCOMES.map((value, index) => (
          <label key={value} className={`chip${outcome === value ? ' chosen' : ''}`}>
            <input
              ref={index === 0 ? firstChip : undefined}
              type="radio"
              name={`${id}-outcome`}
              value={value}
              checked={outcome === value}
              onChange={() => choose(value, false)}
              data-testid={`outcome-${value}`}
            />
            <span aria-hidden="true" className="key">
              {index + 1}
            </span>
            {t(`documentation.outcomes.${value}`)}
          </label>
        ))}
      </fieldset>
      {problem === 'outcome' && (
        <p className="status warn" role="alert">
          {t('documentation.chooseOutcome')}
        </p>
      )}
      {outcome === 'referred' && (
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('documentation.referredTo')}</label>
          <input
            ref={referral}
            id={`${id}-to`}
            type="text"
            required
            aria-invalid={problem === 'referral'}
            aria-describedby={problem === 'referral' ? `${id}-to-error` : undefined}
            maxLength={LIMITS.referredTo}
            placeholder={t('documentation.referredToPlaceholder')}
            value={referredTo}
            onChange={(event) => {
              setReferredTo(event.target.value);
              setProblem(null);
              edit();
            }}
            data-testid="referred-to"
          />
          {problem === 'referral' && (
            <p id={`${id}-to-error`} className="status warn" role="alert">
              {t('documentation.referralRequired')}
            </p>
          )}
        </div>
      )}
      {outcome === 'escalated' && (
        <>
          <fieldset
            className="outcomes escalation"
            aria-describedby={problem === 'escalation' ? `${id}-kind-error` : undefined}
          >
            <legend>{t('documentation.escalation')}</legend>
            {ESCALATION_KINDS.map((kind, index) => (
              <label key={kind} className={`chip${escalation === kind ? ' chosen' : ''}`}>
                <input
                  ref={index === 0 ? firstKind : undefined}
                  type="radio"
                  name={`${id}-kind`}
                  value={kind}
                  checked={escalation === kind}
                  onChange={() => {
                    setEscalation(kind);
                    setProblem(null);
                    edit();
                  }}
                  data-testid={`escalation-${kind}`}
                />
                {t(`documentation.escalations.${kind}`)}
              </label>
            ))}
          </fieldset>
          {problem === 'escalation' && (
            <p id={`${id}-kind-error`} className="status warn" role="alert">
              {t('documentation.escalationRequired')}
            </p>
          )}
          <HandoverChecklist kind={escalation} />
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('documentation.note')}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={MAX_NOTE_LENGTH}
          placeholder={t('documentation.notePlaceholder')}
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
            edit();
          }}
          data-testid="note-text"
        />
      </div>
      <p id={`${id}-keys`} className="hint">
        {t('documentation.keys')}
      </p>
      <div className="actions">
        <button
          type="button"
          className={save.kind === 'saved' ? '' : 'primary'}
          onClick={submit}
          aria-disabled={save.kind === 'saving'}
          data-testid="documentation-save"
        >
          {save.kind === 'saved' ? t('documentation.saveAgain') : t('documentation.save')}
        </button>
        {save.kind === 'saved' && (
          <button
            ref={next}
            type="button"
            className="primary"
            onClick={onNext}
            data-testid="documentation-next"
          >
            {t('nextOpen')}
          </button>
        )}
      </div>
      <p
        role="status"
        className={`status${save.kind === 'saved' ? ' ok' : save.kind === 'error' ? ' warn' : ''}`}
        data-testid="documentation-status"
      >
        {save.kind === 'saved'
          ? t('documentation.saved')
          : save.kind === 'saving'
            ? t('documentation.saving')
            : save.kind === 'error'
              ? t('documentation.error', { message: save.message })
              : ''}
      </p>
    </section>
  );
}
