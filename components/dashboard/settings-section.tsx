import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackgroundStatus } from '../../lib/messaging/protocol';
import { sendMessage } from '../../lib/messaging/send';
import { PrivacySettings } from './privacy-settings';
import { GroupsSettings } from './groups-settings';
import { FeedbackSettings } from './feedback-settings';
import { TeamSettingsLink } from './team/team-settings-link';
import { GERMAN_STATES, isGermanState, STATE_NAMES } from '../../lib/domain/states';
import type { Settings, UiLanguageSetting } from '../../lib/settings/settings';
import { getSettings, updateSettings, uiLanguageSettingSchema } from '../../lib/settings/settings';

export function SettingsSection() {
  const { t } = useTranslation('settings');
  const languageId = useId();
  const stateId = useId();
  const [uiLanguage, setUiLanguage] = useState<UiLanguageSetting>();
  const [advisorState, setAdvisorState] = useState<Settings['advisorState'] | undefined>();
  const [stateSaved, setStateSaved] = useState(false);
  const [saved, setSaved] = useState(false);
  const [status, setStatus] = useState<BackgroundStatus | 'unavailable'>();

  useEffect(() => {
    void getSettings().then((settings) => {
      setUiLanguage(settings.uiLanguage);
      setAdvisorState(settings.advisorState);
    });
    sendMessage('getBackgroundStatus', {}).then(setStatus, () => setStatus('unavailable'));
  }, []);

  const changeLanguage = async (value: string) => {
    const parsed = uiLanguageSettingSchema.safeParse(value);
    if (!parsed.success) return;
    setUiLanguage(parsed.data);
    await updateSettings({ uiLanguage: parsed.data });
    setSaved(true);
  };

  const changeState = async (value: string) => {
    const next = isGermanState(value) ? value : null;
    setAdvisorState(next);
    await updateSettings({ advisorState: next });
    setStateSaved(true);
  };

  return (
    <section aria-labelledby="settings-heading" data-testid="section-settings">
      <h2 id="settings-heading">{t('heading')}</h2>
      <div className="field">
        <label htmlFor={languageId}>{t('language.label')}</label>
        <select
          id={languageId}
          data-testid="ui-language"
          value={uiLanguage ?? 'auto'}
          disabled={uiLanguage === undefined}
          onChange={(event) => void changeLanguage(event.target.value)}
          aria-describedby={`${languageId}-help`}
        >
          <option value="auto">{t('language.auto')}</option>
          <option value="en">{t('language.en')}</option>
          <option value="de">{t('language.de')}</option>
        </select>
        <p id={`${languageId}-help`} className="help">
          {t('language.help')}
        </p>
        <p role="status" className="saved">
          {saved ? t('saved') : ''}
        </p>
      </div>

      <div className="field">
        <label htmlFor={stateId}>{t('state.label')}</label>
        <select
          id={stateId}
          data-testid="advisor-state"
          value={advisorState ?? ''}
          disabled={advisorState === undefined}
          onChange={(event) => void changeState(event.target.value)}
          aria-describedby={`${stateId}-help`}
        >
          <option value="">{t('state.none')}</option>
          {GERMAN_STATES.map((code) => (
            <option key={code} value={code} data-i18n-exempt>
              {STATE_NAMES[code]}
            </option>
          ))}
        </select>
        <p id={`${stateId}-help`} className="help">
          {t('state.help')}
        </p>
        <p role="status" className="saved">
          {stateSaved ? t('saved') : ''}
        </p>
      </div>

      <GroupsSettings />

      <PrivacySettings />

      <FeedbackSettings />

      <TeamSettingsLink />

      <h3>{t('about.heading')}</h3>
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd data-testid="version" data-i18n-exempt>
          {status && status !== 'unavailable' ? status.version : '–'}
        </dd>
        <dt>{t('about.database')}</dt>
        <dd data-testid="database-status">
          {status === undefined
            ? '–'
            : status !== 'unavailable' && status.databaseReady
              ? t('about.databaseReady')
              : t('about.databaseUnavailable')}
        </dd>
      </dl>
      <p className="help">{t('about.privacy')}</p>
    </section>
  );
}
