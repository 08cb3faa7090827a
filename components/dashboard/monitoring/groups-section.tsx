/**
 * The group register (docs/MONITORING.md#group-register): every group seen
 * in this browser, in merged exports or in the log, with its member count,
 * main post languages and recent questions; the supervisor tags each with
 * a sector, notes and whether the team works there. Changes are stored in
 * this installation's own entry (an imported group gets one on its first
 * change) and travel with the next export.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../../lib/db/database';
import type { GroupSector } from '../../../lib/groups/register';
import { GROUP_SECTORS, MAX_GROUP_NOTE_LENGTH } from '../../../lib/groups/register';
import { adoptGroup, loadOwnRegister, updateGroupTags } from '../../../lib/groups/store';
import type { RegisterRow } from '../../../lib/groups/view';
import { buildRegisterRows, RECENT_DAYS } from '../../../lib/groups/view';
import { useWholeLog } from '../log/use-log-events';
import { KpiGrid, KpiTile } from '../shared-ui/kpi-tile';
import { useLabels } from '../shared-ui/labels';
import './monitoring.css';

type Show = 'all' | 'works-here' | 'others';

function useRegister() {
  return useLiveQuery(async () => {
    const db = getDatabase();
    const [own, imported] = await Promise.all([loadOwnRegister(db), db.importedGroups.toArray()]);
    return {
      own,
      imported: imported.map(({ importId: _importId, key: _key, ...entry }) => entry),
    };
  }, []);
}

export function GroupsSection() {
  const { t, i18n } = useTranslation('monitoring');
  const id = useId();
  const register = useRegister();
  const log = useWholeLog();
  const [show, setShow] = useState<Show>('all');
  const [search, setSearch] = useState('');
  const rows = useMemo(
    () =>
      register && log
        ? buildRegisterRows(register.own, register.imported, log.events, log.readAt)
        : undefined,
    [register, log],
  );
  if (!rows) return <p role="status">{t('loading')}</p>;

  const number = new Intl.NumberFormat(i18n.language);
  const working = rows.filter((row) => row.entry.worksHere);
  const members = working.reduce((sum, row) => sum + (row.entry.memberCount ?? 0), 0);
  const withoutCount = working.filter((row) => row.entry.memberCount === null).length;
  const needle = search.trim().toLocaleLowerCase(i18n.language);
  const shown = rows.filter(
    (row) =>
      (show === 'all' || (show === 'works-here') === row.entry.worksHere) &&
      (needle === '' || (row.entry.name ?? '').toLocaleLowerCase(i18n.language).includes(needle)),
  );

  return (
    <section aria-labelledby={`${id}-title`} className="monitoring" data-testid="section-groups">
      <h2 id={`${id}-title`}>{t('groups.title')}</h2>
      <p className="help">{t('groups.intro')}</p>
      <KpiGrid label={t('groups.figures')}>
        <KpiTile
          label={t('groups.worksHere')}
          value={number.format(working.length)}
          valueTestId="groups-working"
          hint={t('groups.ofAll', { count: rows.length })}
        />
        <KpiTile
          label={t('groups.members')}
          value={number.format(members)}
          valueTestId="groups-members"
          hint={
            withoutCount > 0
              ? t('groups.withoutCount', { count: withoutCount })
              : t('groups.allCounted')
          }
        />
        <KpiTile
          label={t('groups.recentQuestions', { days: RECENT_DAYS })}
          value={number.format(working.reduce((sum, row) => sum + row.recentQuestions, 0))}
        />
      </KpiGrid>

      {rows.length === 0 ? (
        <p className="notice" data-testid="groups-empty">
          {t('groups.empty')}
        </p>
      ) : (
        <>
          <div className="monitoring-controls">
            <div className="field">
              <label htmlFor={`${id}-search`}>{t('groups.search')}</label>
              <input
                id={`${id}-search`}
                type="search"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
            </div>
            <fieldset className="breakdown-choice">
              <legend>{t('groups.show')}</legend>
              {(['all', 'works-here', 'others'] as const).map((choice) => (
                <label key={choice}>
                  <input
                    type="radio"
                    name={`${id}-show`}
                    value={choice}
                    checked={show === choice}
                    onChange={() => setShow(choice)}
                  />{' '}
                  {t(`groups.showChoice.${choice}`)}
                </label>
              ))}
            </fieldset>
          </div>
          <p role="status" className="help">
            {t('groups.shown', { count: shown.length, total: rows.length })}
          </p>
          <ul className="group-cards">
            {shown.map((row) => (
              <GroupCard key={row.id} row={row} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function GroupCard({ row }: { row: RegisterRow }) {
  const { t, i18n } = useTranslation('monitoring');
  const labels = useLabels();
  const id = useId();
  const [notes, setNotes] = useState(row.entry.notes);
  const [status, setStatus] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const { entry } = row;
  const number = new Intl.NumberFormat(i18n.language);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const name = entry.name ?? t('groups.unnamed');

  const save = async (change: {
    sector?: GroupSector | null;
    notes?: string;
    worksHere?: boolean;
  }) => {
    try {
      const db = getDatabase();
      const key = row.ownKey ?? (await adoptGroup(db, entry)).key;
      await updateGroupTags(db, key, change);
      setStatus({ tone: 'info', text: t('groups.saved') });
    } catch (error) {
      console.error('Outreach Advisor: group not saved', error);
      setStatus({ tone: 'error', text: t('groups.saveFailed') });
    }
  };
  const saveNotes = (event: FormEvent) => {
    event.preventDefault();
    void save({ notes });
  };

  return (
    <li className="group-card" data-testid="group-card" data-group={row.id}>
      <h3>
        {name}
        {entry.worksHere && <span className="badge works-here">{t('groups.worksHereBadge')}</span>}
      </h3>
      <dl className="facts">
        <dt>{t('groups.membersLabel')}</dt>
        <dd data-testid="group-members">
          {entry.memberCount === null || entry.memberCountAt === null
            ? t('groups.noCount')
            : t('groups.count', {
                count: entry.memberCount,
                formatted: number.format(entry.memberCount),
                date: date.format(entry.memberCountAt),
              })}
        </dd>
        <dt>{t('groups.languages')}</dt>
        <dd>
          {row.languages.length === 0
            ? t('groups.noLanguages')
            : row.languages
                .map((language) => `${labels.postLanguage(language.language)} (${language.posts})`)
                .join(', ')}
        </dd>
        <dt>{t('groups.questionsLabel')}</dt>
        <dd>
          {t('groups.questions', {
            recent: row.recentQuestions,
            total: row.questions,
            days: RECENT_DAYS,
          })}
        </dd>
        <dt>{t('groups.seen')}</dt>
        <dd>
          {t('groups.seenRange', {
            first: date.format(entry.firstSeenAt),
            last: date.format(entry.lastSeenAt),
          })}
        </dd>
        <dt>{t('groups.source')}</dt>
        <dd>
          {row.fromLogOnly
            ? t('groups.sourceLog')
            : row.ownKey
              ? row.keys.length > 1
                ? t('groups.sourceBoth', { count: row.keys.length - 1 })
                : t('groups.sourceOwn')
              : t('groups.sourceImported', { count: row.keys.length })}
        </dd>
      </dl>
      <div className="group-actions">
        <div className="field">
          <label htmlFor={`${id}-sector`}>{t('groups.sector')}</label>
          <select
            id={`${id}-sector`}
            value={entry.sector ?? ''}
            data-testid="group-sector"
            onChange={(event) =>
              void save({ sector: (event.target.value || null) as GroupSector | null })
            }
          >
            <option value="">{t('groups.noSector')}</option>
            {GROUP_SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {t(`report.wording.sectors.${sector}`)}
              </option>
            ))}
          </select>
        </div>
        <label>
          <input
            type="checkbox"
            checked={entry.worksHere}
            data-testid="group-works-here"
            onChange={(event) => void save({ worksHere: event.target.checked })}
          />{' '}
          {t('groups.worksHereToggle')}
        </label>
      </div>
      <form onSubmit={saveNotes}>
        <label htmlFor={`${id}-notes`}>{t('groups.notes')}</label>
        <textarea
          id={`${id}-notes`}
          value={notes}
          maxLength={MAX_GROUP_NOTE_LENGTH}
          onChange={(event) => setNotes(event.target.value)}
          aria-describedby={`${id}-notes-help`}
          data-testid="group-notes"
        />
        <p id={`${id}-notes-help`} className="help">
          {t('groups.notesHelp')}
        </p>
        <button type="submit" disabled={notes.trim() === entry.notes}>
          {t('groups.saveNotes')}
        </button>
      </form>
      {status && (
        <p
          role={status.tone === 'error' ? 'alert' : 'status'}
          className={status.tone === 'error' ? 'error' : 'saved'}
        >
          {status.text}
        </p>
      )}
    </li>
  );
}
