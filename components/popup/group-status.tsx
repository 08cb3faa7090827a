/**
 * The popup's group controls: whether the current group is one the advisor
 * works in (and, in allow-list mode, a button that adds it), and the
 * diagnostic report for when Facebook's markup is not recognised.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import type { PageState, TabState } from '../../lib/messaging/protocol';
import {
  getSettings,
  updateSettings,
  watchSettings,
  type Settings,
} from '../../lib/settings/settings';
import { buildDiagnosticReport } from '../../lib/sites/diagnostic-report';
import { SELECTORS } from '../../lib/sites/facebook/selectors';

/** The content script restarts on a settings change and reports again within ~0.5 s. */
const REFRESH_AFTER_MS = 900;

function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  return settings;
}

export function GroupInclusion({ page, onChanged }: { page: PageState; onChanged: () => void }) {
  const { t } = useTranslation('popup');
  const settings = useSettings();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState(false);
  if (!settings) return null;

  const canAdd =
    !page.groupIncluded && settings.groupsMode === 'allow-list' && page.groupId !== null;
  const add = async () => {
    if (!page.groupId) return;
    setAdding(true);
    setError(false);
    try {
      const current = await getSettings();
      const id = page.groupId;
      if (!current.allowedGroups.some((group) => group.id.toLowerCase() === id.toLowerCase())) {
        await updateSettings({
          allowedGroups: [
            ...current.allowedGroups,
            { id, name: (page.groupName ?? '').trim().slice(0, 200) },
          ],
        });
      }
      setTimeout(onChanged, REFRESH_AFTER_MS);
    } catch {
      setError(true);
      setAdding(false);
    }
  };

  return (
    <div data-testid="group-inclusion" data-included={String(page.groupIncluded)}>
      {page.groupIncluded ? (
        <p className="ok">
          {settings.groupsMode === 'all' ? t('groups.includedAll') : t('groups.includedListed')}
        </p>
      ) : (
        <p className="warning" role="status">
          {t('groupExcluded')}
        </p>
      )}
      {canAdd && (
        <button type="button" data-testid="add-group" disabled={adding} onClick={() => void add()}>
          {adding ? t('groups.adding') : t('groups.add')}
        </button>
      )}
      {error && (
        <p className="warning" role="alert">
          {t('groups.addFailed')}
        </p>
      )}
    </div>
  );
}

export function CopyDiagnosticReport({ state }: { state: TabState }) {
  const { t } = useTranslation('popup');
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    const report = buildDiagnosticReport(state, SELECTORS, {
      extensionVersion: browser.runtime.getManifest().version,
      userAgent: navigator.userAgent,
      now: new Date(),
    });
    try {
      await navigator.clipboard.writeText(JSON.stringify(report, null, 2));
      setResult('copied');
    } catch {
      setResult('failed');
    }
  };
  return (
    <div className="diagnostics">
      <button
        type="button"
        className="link"
        data-testid="copy-diagnostics"
        onClick={() => void copy()}
      >
        {t('diagnostics.copy')}
      </button>
      <p className="help">{t('diagnostics.help')}</p>
      <p role="status" data-testid="diagnostics-status">
        {result === 'copied'
          ? t('diagnostics.copied')
          : result === 'failed'
            ? t('diagnostics.failed')
            : ''}
      </p>
    </div>
  );
}
