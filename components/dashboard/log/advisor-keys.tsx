/**
 * Advisor keys (signed log exports): export this installation's public key
 * for a supervisor, and, as a supervisor, trust advisors' public key files so
 * their exports merge as "verified". Follows the packs' trusted-keys list;
 * the label the supervisor gives wins over the name inside the key file.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../../lib/db/database';
import {
  getAdvisorSigningKey,
  removeTrustedAdvisorKey,
  trustAdvisorKey,
} from '../../../lib/log/advisor-keys';
import { toPublicKeyFile } from '../../../lib/log/export-signing';
import { UNNAMED_ADVISOR } from '../../../lib/log/store';
import { getSettings } from '../../../lib/settings/settings';
import { downloadBlob } from './download';

/** A public key file is a few hundred bytes; anything far larger is not one. */
const MAX_KEY_FILE_BYTES = 64 * 1024;

export function AdvisorKeys() {
  const { t } = useTranslation(['stats', 'common']);
  const fileId = useId();
  const labelId = useId();
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState<string>();
  const keys = useLiveQuery(() => getDatabase().trustedAdvisorKeys.orderBy('keyId').toArray(), []);

  const exportMine = async () => {
    const { advisorPseudonym } = await getSettings();
    const key = await getAdvisorSigningKey(getDatabase(), advisorPseudonym || UNNAMED_ADVISOR);
    downloadBlob(
      [`${JSON.stringify(toPublicKeyFile(key), null, 2)}\n`],
      'application/json',
      `outreach-advisor-${key.keyId.slice(0, 8)}.public-key.json`,
    );
  };

  const addKey = async (file: File | undefined) => {
    if (!file) return;
    try {
      if (file.size > MAX_KEY_FILE_BYTES) throw new Error(t('keys.tooLarge'));
      let content: unknown;
      try {
        content = JSON.parse(await file.text());
      } catch {
        throw new Error(t('keys.notJson'));
      }
      const record = await trustAdvisorKey(getDatabase(), content, label);
      setLabel('');
      setMessage(t('keys.added', { signer: record.signer }));
    } catch (error) {
      setMessage(
        t('keys.error', { message: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  return (
    <div data-testid="advisor-keys">
      <h3>{t('keys.heading')}</h3>
      <p className="help">{t('keys.help')}</p>
      <div className="actions">
        <button type="button" onClick={() => void exportMine()} data-testid="export-advisor-key">
          {t('keys.exportMine')}
        </button>
      </div>
      <div className="filters">
        <div className="filter">
          <label htmlFor={labelId}>{t('keys.label')}</label>
          <input
            id={labelId}
            type="text"
            maxLength={200}
            value={label}
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
      </div>
      <div className="actions">
        <label className="file-button" htmlFor={fileId}>
          {t('keys.add')}
        </label>
        <input
          id={fileId}
          className="visually-hidden"
          type="file"
          accept="application/json,.json"
          data-testid="trust-advisor-key"
          onChange={(event) => {
            void addKey(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      {message && (
        <p role="status" data-testid="advisor-keys-status">
          {message}
        </p>
      )}
      {keys && keys.length === 0 && <p className="help">{t('keys.none')}</p>}
      {keys && keys.length > 0 && (
        <table className="log-table" data-testid="trusted-advisor-keys">
          <thead>
            <tr>
              <th scope="col">{t('keys.signer')}</th>
              <th scope="col">{t('keys.keyId')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('keys.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.keyId}>
                <td>{key.signer}</td>
                <td>
                  <code>{key.keyId.slice(0, 16)}</code>
                </td>
                <td>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => void removeTrustedAdvisorKey(getDatabase(), key.keyId)}
                  >
                    {t('keys.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
