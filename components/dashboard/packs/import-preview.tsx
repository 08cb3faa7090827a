import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../lib/packs/store';
import { ProblemList } from './problem-list';
import { TrustBadge } from './trust-badge';

type OkPreview = Extract<ImportPreview, { ok: true }>;

function DiffList({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <details className="diff-group" data-testid={testId} open={items.length <= 8}>
      <summary>{title}</summary>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </details>
  );
}

/** What installing a pack would change, with the buttons to go ahead or not. */
export function ImportPreviewView({
  preview,
  busy,
  onInstall,
  onCancel,
}: {
  preview: OkPreview;
  busy: boolean;
  onInstall: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('packs');
  const { pack, diff, installed } = preview;
  return (
    <section className="preview" aria-labelledby="preview-heading" data-testid="import-preview">
      <h3 id="preview-heading">
        {t('preview.heading', { title: pack.title, version: pack.version })}
      </h3>
      <p data-testid="version-change">
        {t(`preview.versionChange.${preview.versionChange}`, {
          installed: installed?.version ?? '',
        })}
      </p>
      <TrustBadge
        status={preview.verification.status}
        signer={preview.verification.status === 'unsigned' ? null : preview.verification.signer}
      />
      {pack.exampleContent && <p className="warning-text">{t('installed.exampleContent')}</p>}
      <div className="diff" data-testid="pack-diff">
        <DiffList
          testId="diff-added"
          title={t('preview.added', { count: diff.added.length })}
          items={diff.added.map((answer) => answer.id)}
        />
        <DiffList
          testId="diff-changed"
          title={t('preview.changed', { count: diff.changed.length })}
          items={diff.changed.map((answer) =>
            t('preview.changedItem', { id: answer.id, fields: answer.fields.join(', ') }),
          )}
        />
        <DiffList
          testId="diff-removed"
          title={t('preview.removed', { count: diff.removed.length })}
          items={diff.removed.map((answer) => answer.id)}
        />
        <DiffList
          testId="diff-review"
          title={t('preview.reviewChanges', { count: diff.reviewStatusChanges.length })}
          items={diff.reviewStatusChanges.map((change) =>
            t('preview.reviewItem', { id: change.id, from: change.from, to: change.to }),
          )}
        />
        <DiffList
          testId="diff-stale"
          title={t('preview.stale', { count: diff.staleTranslations.length })}
          items={diff.staleTranslations.map((stale) =>
            t('preview.staleItem', {
              id: stale.id,
              language: stale.language,
              source: stale.sourceVersion,
              canonical: stale.canonicalVersion,
            }),
          )}
        />
        <DiffList
          testId="diff-expired"
          title={t('preview.expired', { count: diff.expired.length })}
          items={diff.expired.map((expired) =>
            t('preview.expiredItem', { id: expired.id, date: expired.validUntil }),
          )}
        />
        <p>{t('preview.unchanged', { count: diff.unchanged })}</p>
      </div>
      {preview.problems.length > 0 && (
        <details>
          <summary>{t('import.warnings')}</summary>
          <ProblemList problems={preview.problems} testId="import-warnings" />
        </details>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={onInstall}
          disabled={busy}
          data-testid="confirm-install"
        >
          {t('preview.install')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('preview.cancel')}
        </button>
      </div>
    </section>
  );
}
