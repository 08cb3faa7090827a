import type { DragEvent } from 'react';
import { useEffect, useId, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { decodeUtf8Strict } from '../../../lib/packs/json-text';
import type { PackProblem } from '../../../lib/packs/problems';
import {
  fetchPackText,
  originPattern,
  PackFetchError,
  parsePackUrl,
} from '../../../lib/packs/fetch-pack';
import type { Pack } from '../../../lib/packs/schema';
import type {
  ImportPreview,
  InstalledPackSummary,
  PackSource,
  TrustedKeyRecord,
} from '../../../lib/packs/store';
import { PackImportError } from '../../../lib/packs/store';
import { AnswerBrowser } from './answer-browser';
import { ImportPreviewView } from './import-preview';
import { ProblemList } from './problem-list';
import { TrustBadge } from './trust-badge';
import { errorMessage, formatDate, usePackStore } from './use-pack-store';

type Notice = { kind: 'success' | 'error'; text: string; problems?: PackProblem[] } | null;
type Pending = { input: string; source: PackSource; preview: Extract<ImportPreview, { ok: true }> };

/** Asks the browser for access to the pack's host; must run inside a click handler. */
async function requestHostAccess(url: string): Promise<{ granted: boolean; origin: string }> {
  const origin = originPattern(parsePackUrl(url));
  const granted = await browser.permissions.request({ origins: [origin] });
  return { granted, origin };
}

function SourceText({ source }: { source: PackSource }) {
  const { t } = useTranslation('packs');
  switch (source.kind) {
    case 'bundled':
      return <>{t('installed.source.bundled')}</>;
    case 'file':
      return <>{t('installed.source.file', { name: source.name })}</>;
    case 'url':
      return <>{t('installed.source.url', { url: source.url })}</>;
  }
}

function InstalledPack({
  summary,
  updateUrl,
  onToggle,
  onRollback,
  onRemove,
  onBrowse,
  onCheckUpdate,
  updateStatus,
}: {
  summary: InstalledPackSummary;
  updateUrl: string | undefined;
  onToggle: (active: boolean) => void;
  onRollback: () => void;
  onRemove: () => void;
  onBrowse: () => void;
  onCheckUpdate: () => void;
  updateStatus: string | undefined;
}) {
  const { t, i18n } = useTranslation('packs');
  const activeId = useId();
  return (
    <li className="pack-card" data-testid="installed-pack" data-pack-id={summary.id}>
      <div className="pack-head">
        <h4 data-i18n-exempt>{summary.title}</h4>
        <span className="badge" data-testid="pack-version">
          {t('installed.version', { version: summary.version })}
        </span>
        <TrustBadge status={summary.trust} signer={summary.signer} />
      </div>
      {summary.exampleContent && (
        <p className="warning-text" data-testid="example-content">
          {t('installed.exampleContent')}
        </p>
      )}
      <p className="help">
        {t('installed.publisher', { publisher: summary.publisher })} ·{' '}
        {t('installed.answers', { count: summary.answers })} ·{' '}
        {t('installed.languages', { languages: summary.languages.join(', ') })}
      </p>
      <p className="help">
        {t('installed.installedAt', { date: formatDate(summary.installedAt, i18n.language) })} ·{' '}
        <SourceText source={summary.source} />
      </p>
      <div className="actions">
        <label htmlFor={activeId} className="checkbox">
          <input
            id={activeId}
            type="checkbox"
            checked={summary.active}
            onChange={(event) => onToggle(event.target.checked)}
            data-testid="pack-active"
          />
          {t('installed.active')}
        </label>
      </div>
      <div className="actions">
        <button type="button" onClick={onBrowse} data-testid="browse-answers">
          {t('installed.browse')}
        </button>
        {updateUrl && (
          <button
            type="button"
            onClick={onCheckUpdate}
            title={updateUrl}
            data-testid="check-update"
          >
            {t('installed.checkUpdate')}
          </button>
        )}
        {summary.previousVersion && (
          <button type="button" onClick={onRollback} data-testid="rollback">
            {t('installed.rollback', { version: summary.previousVersion })}
          </button>
        )}
        <button type="button" className="danger" onClick={onRemove} data-testid="remove-pack">
          {t('installed.remove')}
        </button>
      </div>
      {updateStatus && (
        <p role="status" className="help">
          {updateStatus}
        </p>
      )}
    </li>
  );
}

function TrustedKeys({
  keys,
  onAdd,
  onRemove,
}: {
  keys: TrustedKeyRecord[];
  onAdd: (file: File) => void;
  onRemove: (keyId: string) => void;
}) {
  const { t, i18n } = useTranslation('packs');
  const inputId = useId();
  return (
    <section aria-labelledby="keys-heading" data-testid="trusted-keys">
      <h3 id="keys-heading">{t('keys.heading')}</h3>
      <p className="help">{t('keys.intro')}</p>
      {keys.length === 0 ? (
        <p>{t('keys.none')}</p>
      ) : (
        <ul className="plain-list">
          {keys.map((key) => (
            <li key={key.keyId} data-testid="trusted-key">
              <strong>{key.signer}</strong>{' '}
              <span className="help">
                {t('keys.fingerprint', { fingerprint: `${key.keyId.slice(0, 16)}…` })} ·{' '}
                {t('keys.addedAt', { date: formatDate(key.addedAt, i18n.language) })}
              </span>{' '}
              <button type="button" onClick={() => onRemove(key.keyId)}>
                {t('keys.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={inputId} className="file-button">
        {t('keys.add')}
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          data-testid="trusted-key-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) onAdd(file);
          }}
        />
      </label>
    </section>
  );
}

export function PacksSection() {
  const { t } = useTranslation('packs');
  const store = usePackStore();
  const fileInputId = useId();
  const urlInputId = useId();
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState('');
  const [dragging, setDragging] = useState(false);
  const [browsing, setBrowsing] = useState<string | null>(null);
  const [updateStatus, setUpdateStatus] = useState<Record<string, string>>({});
  const previewRef = useRef<HTMLDivElement>(null);

  // A live query: installs, removals and key changes, here or by the
  // background (the bundled pack), show up without reloading by hand.
  const installed = useLiveQuery(async () => {
    const [list, keys] = await Promise.all([store.list(), store.listTrustedKeys()]);
    const records = await Promise.all(list.map((summary) => store.get(summary.id)));
    const data: Record<string, Pack> = {};
    for (const record of records) if (record) data[record.id] = record.current.pack;
    return { packs: list, packData: data, keys };
  }, [store]);
  const packs = installed?.packs;
  const packData = installed?.packData ?? {};
  const keys = installed?.keys ?? [];

  useEffect(() => {
    if (pending) previewRef.current?.scrollIntoView({ block: 'nearest' });
  }, [pending]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setNotice({ kind: 'error', text: t('actionFailed', { message: errorMessage(error) }) });
    } finally {
      setBusy(false);
    }
  };

  const preparePreview = async (input: string, source: PackSource) => {
    setNotice(null);
    setPending(null);
    const preview = await store.prepareImport(input);
    if (!preview.ok) {
      setNotice({ kind: 'error', text: t('import.refusedIntro'), problems: preview.problems });
      return;
    }
    setPending({ input, source, preview });
  };

  const importFile = (file: File) =>
    run(async () => {
      let decoded: ReturnType<typeof decodeUtf8Strict>;
      try {
        // Invalid UTF-8 is refused, not replaced (finding 17).
        decoded = decodeUtf8Strict(new Uint8Array(await file.arrayBuffer()));
      } catch (error) {
        setNotice({
          kind: 'error',
          text: t('import.readFailed', { message: errorMessage(error) }),
        });
        return;
      }
      if ('offset' in decoded) {
        setNotice({
          kind: 'error',
          text: t('import.fetchError.not-utf8', { offset: decoded.offset }),
        });
        return;
      }
      await preparePreview(decoded.text, { kind: 'file', name: file.name });
    });

  /** A failed fetch in the user's language (the error's own message is English). */
  const fetchFailure = (error: unknown): string =>
    error instanceof PackFetchError
      ? t(`import.fetchError.${error.reason}`, error.detail)
      : t('import.fetchFailed', { message: errorMessage(error) });

  const importUrl = (address: string) => {
    // The permission prompt needs the click's user gesture, so ask first.
    let access: Promise<{ granted: boolean; origin: string }>;
    try {
      access = requestHostAccess(address);
    } catch (error) {
      setNotice({ kind: 'error', text: fetchFailure(error) });
      return;
    }
    void run(async () => {
      const { granted, origin } = await access;
      if (!granted) {
        setNotice({ kind: 'error', text: t('import.permissionDenied', { origin }) });
        return;
      }
      let text: string;
      try {
        text = await fetchPackText(address);
      } catch (error) {
        setNotice({ kind: 'error', text: fetchFailure(error) });
        return;
      }
      await preparePreview(text, { kind: 'url', url: address.trim() });
    });
  };

  const checkUpdate = (summary: InstalledPackSummary, address: string) => {
    setUpdateStatus((current) => ({ ...current, [summary.id]: t('installed.updateChecking') }));
    let access: Promise<{ granted: boolean; origin: string }>;
    try {
      access = requestHostAccess(address);
    } catch (error) {
      setUpdateStatus((current) => ({ ...current, [summary.id]: fetchFailure(error) }));
      return;
    }
    void run(async () => {
      const { granted, origin } = await access;
      if (!granted) {
        setUpdateStatus((current) => ({
          ...current,
          [summary.id]: t('import.permissionDenied', { origin }),
        }));
        return;
      }
      let text: string;
      try {
        text = await fetchPackText(address);
      } catch (error) {
        setUpdateStatus((current) => ({ ...current, [summary.id]: fetchFailure(error) }));
        return;
      }
      const preview = await store.prepareImport(text);
      if (preview.ok && preview.pack.id === summary.id && preview.versionChange === 'upgrade') {
        setUpdateStatus((current) => ({
          ...current,
          [summary.id]: t('installed.updateAvailable', { version: preview.pack.version }),
        }));
        setPending({ input: text, source: { kind: 'url', url: address }, preview });
      } else if (!preview.ok) {
        setNotice({ kind: 'error', text: t('import.refusedIntro'), problems: preview.problems });
        setUpdateStatus((current) => ({ ...current, [summary.id]: '' }));
      } else {
        setUpdateStatus((current) => ({ ...current, [summary.id]: t('installed.updateNone') }));
      }
    });
  };

  const install = () =>
    run(async () => {
      if (!pending) return;
      try {
        const summary = await store.install(pending.input, pending.source);
        setNotice({
          kind: 'success',
          text: t('preview.installed', { title: summary.title, version: summary.version }),
        });
        setPending(null);
      } catch (error) {
        setNotice({
          kind: 'error',
          text: t('preview.installRefused'),
          problems:
            error instanceof PackImportError
              ? error.problems
              : [{ severity: 'error', path: 'pack', message: errorMessage(error) }],
        });
      }
    });

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  const browsingPack = browsing ? packData[browsing] : undefined;

  return (
    <section aria-labelledby="packs-heading" data-testid="section-packs">
      <h2 id="packs-heading">{t('heading')}</h2>
      <p className="help">{t('intro')}</p>

      <div aria-live="polite">
        {notice && (
          <div
            className={`notice notice-${notice.kind}`}
            role={notice.kind === 'error' ? 'alert' : 'status'}
            data-testid={`notice-${notice.kind}`}
          >
            <p>{notice.text}</p>
            {notice.problems && <ProblemList problems={notice.problems} testId="import-problems" />}
          </div>
        )}
      </div>

      <h3>{t('installed.heading')}</h3>
      {packs === undefined ? null : packs.length === 0 ? (
        <p data-testid="no-packs">{t('installed.none')}</p>
      ) : (
        <ul className="pack-list">
          {packs.map((summary) => (
            <InstalledPack
              key={summary.id}
              summary={summary}
              updateUrl={packData[summary.id]?.updateUrl}
              updateStatus={updateStatus[summary.id]}
              onToggle={(active) =>
                void run(async () => {
                  await store.setActive(summary.id, active);
                })
              }
              onRollback={() =>
                void run(async () => {
                  await store.rollback(summary.id);
                })
              }
              onRemove={() => {
                if (!window.confirm(t('installed.confirmRemove', { title: summary.title }))) return;
                void run(async () => {
                  await store.remove(summary.id);
                  if (browsing === summary.id) setBrowsing(null);
                });
              }}
              onBrowse={() => setBrowsing(summary.id)}
              onCheckUpdate={() => {
                const address = packData[summary.id]?.updateUrl;
                // The pack chose this address, not the user: fetch it only after the user
                // has seen and confirmed it (finding 17). confirm() keeps the click's
                // gesture, which the permission prompt needs.
                if (address && window.confirm(t('installed.confirmUpdateUrl', { url: address })))
                  checkUpdate(summary, address);
              }}
            />
          ))}
        </ul>
      )}

      {browsingPack && <AnswerBrowser pack={browsingPack} onClose={() => setBrowsing(null)} />}

      <section aria-labelledby="import-heading" className="import">
        <h3 id="import-heading">{t('import.heading')}</h3>
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- dropping a file is a shortcut; the file input inside is the keyboard path */}
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}`}
          role="group"
          aria-label={t('import.dropZone')}
          data-testid="drop-zone"
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>{t('import.dropZone')}</p>
          <label htmlFor={fileInputId} className="file-button">
            {t('import.chooseFile')}
            <input
              id={fileInputId}
              type="file"
              accept=".json,application/json"
              className="visually-hidden"
              data-testid="pack-file"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
        </div>
        <form
          className="url-form"
          onSubmit={(event) => {
            event.preventDefault();
            importUrl(url);
          }}
        >
          <label htmlFor={urlInputId}>{t('import.urlLabel')}</label>
          <div className="row">
            <input
              id={urlInputId}
              type="url"
              inputMode="url"
              placeholder={t('import.urlPlaceholder')}
              value={url}
              onChange={(event) => setUrl(event.target.value)}
              data-testid="pack-url"
            />
            <button type="submit" disabled={busy || url.trim() === ''}>
              {busy ? t('import.fetching') : t('import.fetch')}
            </button>
          </div>
        </form>
        <div ref={previewRef}>
          {pending && (
            <ImportPreviewView
              preview={pending.preview}
              busy={busy}
              onInstall={() => void install()}
              onCancel={() => setPending(null)}
            />
          )}
        </div>
      </section>

      <TrustedKeys
        keys={keys}
        onAdd={(file) =>
          void run(async () => {
            try {
              const record = await store.trustKey(JSON.parse(await file.text()));
              setNotice({ kind: 'success', text: t('keys.added', { signer: record.signer }) });
            } catch (error) {
              setNotice({
                kind: 'error',
                text: t('keys.addFailed', { message: errorMessage(error) }),
              });
            }
          })
        }
        onRemove={(keyId) =>
          void run(async () => {
            await store.untrustKey(keyId);
          })
        }
      />
    </section>
  );
}
