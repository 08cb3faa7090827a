/**
 * Data protection in the Log section: the retention purge on demand (it
 * also runs on a schedule), a data-subject request (everything stored about
 * one person, found by the keyed hash of the name as Facebook shows it;
 * the name itself is never stored), and deleting all log data.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../../../lib/db/database';
import {
  deleteAllLogData,
  deleteSubjectData,
  exportSubjectData,
  purgeExpired,
} from '../../../lib/log/retention';
import { hashAuthor } from '../../../lib/privacy/author-hash';
import { getSettings } from '../../../lib/settings/settings';
import { downloadBlob, fileStamp } from './download';

export function LogMaintenance() {
  const { t } = useTranslation('log');
  const nameId = useId();
  const [retentionDays, setRetentionDays] = useState<number>();
  const [status, setStatus] = useState('');
  const [subject, setSubject] = useState('');
  const [confirmDelete, setConfirmDelete] = useState(false);

  useEffect(() => {
    void getSettings().then((settings) => setRetentionDays(settings.retentionDays));
  }, []);

  const purge = async () => {
    const days = (await getSettings()).retentionDays;
    const result = await purgeExpired(getDatabase(), Date.now(), days);
    setStatus(t('maintenance.purged', { count: result.events, posts: result.posts }));
  };

  const subjectExport = async () => {
    const hash = await hashAuthor(subject);
    const data = await exportSubjectData(getDatabase(), hash);
    downloadBlob(
      [`${JSON.stringify(data, null, 2)}\n`],
      'application/json',
      `outreach-subject-request-${fileStamp()}.json`,
    );
    setStatus(t('maintenance.subjectExported', { count: data.events.length + data.posts.length }));
  };

  const subjectDelete = async () => {
    const removed = await deleteSubjectData(getDatabase(), await hashAuthor(subject));
    setStatus(t('maintenance.subjectDeleted', { count: removed }));
  };

  const deleteAll = async () => {
    await deleteAllLogData(getDatabase());
    setConfirmDelete(false);
    setStatus(t('maintenance.deletedAll'));
  };

  return (
    <>
      <h3>{t('maintenance.heading')}</h3>
      <p className="help">{t('maintenance.retention', { count: retentionDays ?? 90 })}</p>
      <div className="actions">
        <button type="button" onClick={() => void purge()} data-testid="purge-now">
          {t('maintenance.purgeNow')}
        </button>
      </div>

      <h4>{t('maintenance.subjectHeading')}</h4>
      <div className="field">
        <label htmlFor={nameId}>{t('maintenance.subjectLabel')}</label>
        <input
          id={nameId}
          type="text"
          autoComplete="off"
          value={subject}
          onChange={(event) => setSubject(event.target.value)}
          aria-describedby={`${nameId}-help`}
          data-testid="subject-name"
        />
        <p id={`${nameId}-help`} className="help">
          {t('maintenance.subjectHelp')}
        </p>
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={subject.trim() === ''}
          onClick={() => void subjectExport()}
          data-testid="subject-export"
        >
          {t('maintenance.subjectExport')}
        </button>
        <button
          type="button"
          className="danger"
          disabled={subject.trim() === ''}
          onClick={() => void subjectDelete()}
          data-testid="subject-delete"
        >
          {t('maintenance.subjectDelete')}
        </button>
      </div>

      <h4>{t('maintenance.deleteHeading')}</h4>
      <div className="actions">
        {confirmDelete ? (
          <>
            <span>{t('maintenance.deleteConfirm')}</span>
            <button
              type="button"
              className="danger"
              onClick={() => void deleteAll()}
              data-testid="delete-all-confirm"
            >
              {t('maintenance.deleteYes')}
            </button>
            <button type="button" onClick={() => setConfirmDelete(false)}>
              {t('maintenance.deleteNo')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="danger"
            onClick={() => setConfirmDelete(true)}
            data-testid="delete-all"
          >
            {t('maintenance.deleteAll')}
          </button>
        )}
      </div>
      <p role="status" className="saved" data-testid="maintenance-status">
        {status}
      </p>
    </>
  );
}
