/**
 * Settings of the interaction log: the advisor's pseudonym (how exports
 * and merged statistics name this advisor), whether post text is kept, the
 * retention period after which records are purged automatically, and the
 * reports' small-count threshold.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../lib/settings/settings';
import { getSettings, updateSettings } from '../../lib/settings/settings';

type PrivacyFields = Pick<
  Settings,
  'advisorPseudonym' | 'storePostText' | 'retentionDays' | 'reportMinCount'
>;

export function PrivacySettings() {
  const { t } = useTranslation('privacy');
  const id = useId();
  const [values, setValues] = useState<PrivacyFields>();
  const [retention, setRetention] = useState('');
  const [minCount, setMinCount] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    void getSettings().then((settings) => {
      setValues(settings);
      setRetention(String(settings.retentionDays));
      setMinCount(String(settings.reportMinCount));
    });
  }, []);

  const save = async (change: Partial<PrivacyFields>) => {
    try {
      const next = await updateSettings(change);
      setValues(next);
      setStatus(t('saved'));
    } catch {
      setStatus(t('invalid'));
    }
  };

  const saveRetention = () => {
    const days = Number(retention);
    if (!Number.isInteger(days) || days < 1 || days > 3650) {
      setStatus(t('retention.invalid'));
      return;
    }
    void save({ retentionDays: days });
  };

  const saveMinCount = () => {
    const count = Number(minCount);
    if (!Number.isInteger(count) || count < 2 || count > 100) {
      setStatus(t('minCount.invalid'));
      return;
    }
    void save({ reportMinCount: count });
  };

  if (!values) return null;
  return (
    <section aria-labelledby={`${id}-h`} data-testid="privacy-settings">
      <h3 id={`${id}-h`}>{t('heading')}</h3>
      <div className="field">
        <label htmlFor={`${id}-pseudonym`}>{t('pseudonym.label')}</label>
        <input
          id={`${id}-pseudonym`}
          type="text"
          maxLength={60}
          defaultValue={values.advisorPseudonym}
          aria-describedby={`${id}-pseudonym-help`}
          data-testid="advisor-pseudonym"
          onBlur={(event) => {
            if (event.target.value.trim() !== values.advisorPseudonym) {
              void save({ advisorPseudonym: event.target.value.trim() });
            }
          }}
        />
        <p id={`${id}-pseudonym-help`} className="help">
          {t('pseudonym.help')}
        </p>
      </div>
      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={values.storePostText}
            data-testid="store-post-text"
            onChange={(event) => void save({ storePostText: event.target.checked })}
          />
          {t('storeText.label')}
        </label>
        <p className="help">{t('storeText.help')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-retention`}>{t('retention.label')}</label>
        <input
          id={`${id}-retention`}
          type="number"
          min={1}
          max={3650}
          value={retention}
          data-testid="retention-days"
          onChange={(event) => setRetention(event.target.value)}
          onBlur={saveRetention}
          aria-describedby={`${id}-retention-help`}
        />
        <p id={`${id}-retention-help`} className="help">
          {t('retention.help')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-min-count`}>{t('minCount.label')}</label>
        <input
          id={`${id}-min-count`}
          type="number"
          min={2}
          max={100}
          value={minCount}
          data-testid="report-min-count"
          onChange={(event) => setMinCount(event.target.value)}
          onBlur={saveMinCount}
          aria-describedby={`${id}-min-count-help`}
        />
        <p id={`${id}-min-count-help`} className="help">
          {t('minCount.help')}
        </p>
      </div>
      <p role="status" className="saved" data-testid="privacy-status">
        {status}
      </p>
    </section>
  );
}
