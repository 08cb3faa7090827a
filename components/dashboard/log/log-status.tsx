import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogErrorState } from '../../../lib/background/log';
import { logErrorItem } from '../../../lib/background/log';

/** Shows the background's last failure to store events (e.g. a full disk). */
export function LogStorageWarning() {
  const { t } = useTranslation('log');
  const [error, setError] = useState<LogErrorState | null>(null);
  useEffect(() => {
    void logErrorItem.getValue().then(setError);
    return logErrorItem.watch(setError);
  }, []);
  if (!error) return null;
  return (
    <div className="notice notice-danger" role="alert" data-testid="log-storage-error">
      <strong>{t(error.code === 'quota' ? 'storageError.quota' : 'storageError.failed')}</strong>
      <p>{error.message}</p>
    </div>
  );
}
