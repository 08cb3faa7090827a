import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackgroundStatus } from '../../lib/messaging/protocol';
import { sendMessage } from '../../lib/messaging/send';
import { PrivacySettings } from './privacy-settings';
import { GroupsSettings } from './groups-settings';
import { FeedbackSettings } from './feedback-settings';
import type { UiLanguageSetting } from '../../lib/settings/settings';
import { getSettings, updateSettings, uiLanguageSettingSchema } from '../../lib/settings/settings';

export function SettingsSection() {
  const { t } = useTranslation('settings');
  const languageId = useId();
  const [uiLanguage, setUiLanguage] = useState<UiLanguageSetting>();
  const [saved, setSaved] = useState(false);
  const [status, setStatus] = useState<BackgroundStatus | 'unavailable'>();

  useEffect(() => {
    void getSettings().then((settings) => setUiLanguage(settings.uiLanguage));
    sendMessage('getBackgroundStatus', {}).then(setStatus, () => setStatus('unavailable'));
  }, []);

  const changeLanguage = async (value: string) => {
    const parsed = uiLanguageSettingSchema.safeParse(value);
    if (!parsed.success) return;
    setUiLanguage(parsed.data);
    await updateSettings({ uiLanguage: parsed.data });
    setSaved(true);
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

      <GroupsSettings />

      <PrivacySettings />

      <FeedbackSettings />

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
