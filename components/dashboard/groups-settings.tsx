/**
 * Which Facebook groups the extension works in: all of them, or only those
 * on an allow-list. Groups are added by id, vanity name or any URL inside
 * the group; each row can be renamed only by removing and adding it again,
 * which keeps the list simple and its ids exact. The content script watches
 * these settings and (re)starts or stops on open group pages at once.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllowedGroup, GroupsMode, Settings } from '../../lib/settings/settings';
import { getSettings, updateSettings, watchSettings } from '../../lib/settings/settings';
import { parseGroupReference } from '../../lib/sites/facebook/group-reference';

const MAX_GROUPS = 500;

type Status = { tone: 'info' | 'error'; key: string; values?: Record<string, string> } | null;

export function GroupsSettings() {
  const { t } = useTranslation('settings');
  const id = useId();
  const [values, setValues] = useState<Pick<Settings, 'groupsMode' | 'allowedGroups'>>();
  const [reference, setReference] = useState('');
  const [label, setLabel] = useState('');
  const [status, setStatus] = useState<Status>(null);

  useEffect(() => {
    void getSettings().then(setValues);
    return watchSettings(setValues);
  }, []);

  const save = async (change: Partial<Settings>, done: Status) => {
    try {
      setValues(await updateSettings(change));
      setStatus(done);
      return true;
    } catch {
      setValues(await getSettings());
      setStatus({ tone: 'error', key: 'groups.saveFailed' });
      return false;
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseGroupReference(reference);
    if (!parsed.ok) {
      setStatus({
        tone: 'error',
        key: parsed.reason === 'empty' ? 'groups.emptyReference' : 'groups.invalidReference',
      });
      return;
    }
    const current = await getSettings();
    if (current.allowedGroups.some((group) => group.id.toLowerCase() === parsed.id.toLowerCase())) {
      setStatus({ tone: 'error', key: 'groups.duplicate', values: { id: parsed.id } });
      return;
    }
    if (current.allowedGroups.length >= MAX_GROUPS) {
      setStatus({ tone: 'error', key: 'groups.tooMany', values: { max: String(MAX_GROUPS) } });
      return;
    }
    const group: AllowedGroup = { id: parsed.id, name: label.trim().slice(0, 200) };
    const saved = await save(
      { allowedGroups: [...current.allowedGroups, group] },
      { tone: 'info', key: 'groups.added', values: { id: parsed.id } },
    );
    if (saved) {
      setReference('');
      setLabel('');
    }
  };

  const remove = async (groupId: string) => {
    const current = await getSettings();
    await save(
      { allowedGroups: current.allowedGroups.filter((group) => group.id !== groupId) },
      { tone: 'info', key: 'groups.removed', values: { id: groupId } },
    );
  };

  if (!values) return null;
  const modes: GroupsMode[] = ['all', 'allow-list'];
  return (
    <section aria-labelledby={`${id}-h`} data-testid="groups-settings">
      <h3 id={`${id}-h`}>{t('groups.heading')}</h3>
      <fieldset className="field">
        <legend>{t('groups.modeLegend')}</legend>
        {modes.map((mode) => (
          <label key={mode} className="checkbox">
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={values.groupsMode === mode}
              data-testid={`groups-mode-${mode}`}
              onChange={() => {
                setValues({ ...values, groupsMode: mode });
                void save({ groupsMode: mode }, { tone: 'info', key: 'groups.modeSaved' });
              }}
            />
            {t(`groups.mode.${mode}`)}
          </label>
        ))}
        {values.groupsMode === 'allow-list' && values.allowedGroups.length === 0 && (
          <p className="notice" role="note">
            {t('groups.emptyListWarning')}
          </p>
        )}
      </fieldset>

      <h4>{t('groups.listHeading')}</h4>
      {values.allowedGroups.length === 0 ? (
        <p className="help">{t('groups.none')}</p>
      ) : (
        <ul className="group-list" data-testid="allowed-groups">
          {values.allowedGroups.map((group) => (
            <li key={group.id} data-group-id={group.id}>
              <span>
                {group.name ? (
                  <>
                    <strong>{group.name}</strong> <code>{group.id}</code>
                  </>
                ) : (
                  <code>{group.id}</code>
                )}
              </span>{' '}
              <button
                type="button"
                aria-label={t('groups.removeLabel', { name: group.name || group.id })}
                data-testid="remove-group"
                onClick={() => void remove(group.id)}
              >
                {t('groups.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <form onSubmit={(event) => void add(event)} data-testid="add-group-form">
        <div className="field">
          <label htmlFor={`${id}-reference`}>{t('groups.referenceLabel')}</label>
          <input
            id={`${id}-reference`}
            type="text"
            value={reference}
            maxLength={2000}
            placeholder="https://www.facebook.com/groups/…"
            aria-describedby={`${id}-reference-help`}
            data-testid="group-reference"
            onChange={(event) => setReference(event.target.value)}
          />
          <p id={`${id}-reference-help`} className="help">
            {t('groups.referenceHelp')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-label`}>{t('groups.labelLabel')}</label>
          <input
            id={`${id}-label`}
            type="text"
            value={label}
            maxLength={200}
            data-testid="group-label"
            onChange={(event) => setLabel(event.target.value)}
          />
        </div>
        <button type="submit" className="primary" data-testid="add-group">
          {t('groups.add')}
        </button>
      </form>
      <p
        role="status"
        className={status?.tone === 'error' ? 'saved error' : 'saved'}
        data-testid="groups-status"
      >
        {status ? t(status.key, status.values) : ''}
      </p>
    </section>
  );
}
