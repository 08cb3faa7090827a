// @vitest-environment happy-dom
/**
 * The Team section as a counsellor meets it: not connected (what is and is
 * not shared, the form, errors at the field, the host permission for the
 * database's origin only), connected as an advisor (unshared count, share
 * now, disconnect) and as a supervisor (fetch with progress and cancel, the
 * batch table with every status in words, the invite code). The connection
 * is stored by the real `connectTeam` against a fake server; batches and
 * status are seeded in the database as the core writes them.
 */
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDatabase } from '../../../lib/db/database';
import { createI18n } from '../../../lib/i18n/i18n';
import { storeEvents } from '../../../lib/log/store';
import type { TeamRole } from '../../../lib/team/connection';
import { connectTeam } from '../../../lib/team/connection';
import { TeamSyncError } from '../../../lib/team/couch-client';
import type { TeamBatchRecord } from '../../../lib/team/records';
import type { TeamServer } from '../../../lib/team/server';
import { updateStatusRecord } from '../../../lib/team/status';
import { createTeamSecret, encodeConnectionCode } from '../../../lib/team/team-key';
import { sampleEvent } from '../../../tests/fixtures/sample-events';
import type { Mounted } from '../shared-ui/test-render';
import { mount, waitForView } from '../shared-ui/test-render';
import { TeamSection } from './team-section';
import type { PullResult, TeamServices } from './team-services';
import { teamServices } from './team-services';

const URL = 'https://couch.example.org/outreach-team';
const SECRET = createTeamSecret();
const CODE = encodeConnectionCode(URL, SECRET);

let view: Mounted;
afterEach(async () => {
  await view.unmount();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  const db = getDatabase();
  await Promise.all(db.tables.map((table) => table.clear()));
});

/** A team database that knows one user with `roles`; everything else is not needed here. */
function fakeServer(user: string, roles: string[]): TeamServer {
  const unused = () => Promise.reject(new Error('not used in this test'));
  return {
    session: () => Promise.resolve({ name: user, roles }),
    databaseInfo: () => Promise.resolve({ db_name: 'outreach-team' }),
    existingIds: unused,
    createDocs: unused,
    changes: unused,
    getDocs: unused,
    getAttachmentText: unused,
  };
}

function fakeServices(overrides: Partial<TeamServices> = {}) {
  const services = {
    requestHostAccess: vi.fn<TeamServices['requestHostAccess']>(() => Promise.resolve(true)),
    connect: vi.fn<TeamServices['connect']>((input) =>
      connectTeam(getDatabase(), input, { openServer: () => fakeServer(input.user, ['advisor']) }),
    ),
    disconnect: vi.fn<TeamServices['disconnect']>(() => teamServices.disconnect()),
    shareNow: vi.fn<TeamServices['shareNow']>(() =>
      Promise.resolve({ ok: true, sharedEvents: 0, batches: 0, remaining: 0 }),
    ),
    pull: vi.fn<TeamServices['pull']>(() =>
      Promise.resolve({ batches: [], newlyCounted: 0, added: 0 }),
    ),
  } satisfies TeamServices;
  Object.assign(services, overrides);
  return services;
}

async function connectAs(user: string, roles: TeamRole[]): Promise<void> {
  await connectTeam(
    getDatabase(),
    { code: CODE, user, password: 'secret-pw' },
    { openServer: () => fakeServer(user, roles), now: Date.UTC(2026, 2, 2, 9) },
  );
}

async function render(services: TeamServices, language: 'en' | 'de' = 'en') {
  view = mount(await createI18n(language));
  await view.render(<TeamSection services={services} />);
}

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) =>
  view.container.querySelector<T>(`[data-testid="${id}"]`);
function field(id: string): HTMLInputElement | HTMLTextAreaElement {
  const element = byTestId<HTMLInputElement | HTMLTextAreaElement>(id);
  if (!element) throw new Error(`no field ${id}`);
  return element;
}
const text = (id: string) => byTestId(id)?.textContent ?? null;

async function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    const prototype = Object.getPrototypeOf(element) as object;
    Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: HTMLElement | null) {
  if (!element) throw new Error('nothing to click');
  await act(async () => element.click());
}

async function fillForm(values: { code: string; user: string; password: string }) {
  await waitForView(() => expect(byTestId('team-connect-form')).not.toBeNull());
  await type(field('team-code'), values.code);
  await type(field('team-user'), values.user);
  await type(field('team-password'), values.password);
}

function batch(overrides: Partial<TeamBatchRecord>): TeamBatchRecord {
  return {
    id: `anna:batch:${'a'.repeat(64)}`,
    user: 'anna',
    advisor: 'Beratung Nord 1',
    eventCount: 12,
    from: '2026-03-01T08:00:00.000Z',
    to: '2026-03-02T17:00:00.000Z',
    pushedAt: '2026-03-02T18:00:00.000Z',
    rev: '1-abc',
    status: 'counted',
    reason: null,
    signer: 'Beratung Nord 1',
    keyId: 'k1',
    checkedAt: Date.UTC(2026, 2, 3),
    ...overrides,
  };
}

describe('TeamSection, not connected', () => {
  it('says what connecting shares and what it does not, then asks for code, user and password', async () => {
    await render(fakeServices());
    await waitForView(() => expect(byTestId('team-explainer')).not.toBeNull());
    const explainer = text('team-explainer') ?? '';
    expect(explainer).toContain(
      'Post text, your private notes and the names of group members are never sent',
    );
    expect(explainer).toContain('cannot tell which post an event is about, or who wrote it');
    // Group names travel as in an export; the explainer must not promise otherwise.
    expect(explainer).toContain('Groups are named by their public name');
    const labels = [...view.container.querySelectorAll('form label')].map((l) => l.textContent);
    expect(labels).toEqual(['Connection code', 'User name', 'Password']);
    expect(byTestId<HTMLInputElement>('team-password')?.type).toBe('password');
    expect(byTestId('section-team')?.textContent).not.toContain('not yet shared');
  });

  it('names each missing or wrong field at the field and asks no permission', async () => {
    const services = fakeServices();
    await render(services);
    await fillForm({ code: '', user: '', password: '' });
    await click(byTestId('team-connect'));
    expect(text('team-code-error')).toBe('Paste the connection code your supervisor gave you.');
    expect(text('team-user-error')).toBe('Enter your user name for the team database.');
    expect(text('team-password-error')).toBe('Enter your password.');
    expect(byTestId('team-code')?.getAttribute('aria-invalid')).toBe('true');
    expect(byTestId('team-code')?.getAttribute('aria-describedby')).toContain(
      byTestId('team-code-error')?.id,
    );
    expect(document.activeElement).toBe(byTestId('team-code'));

    await fillForm({ code: 'https://couch.example.org/db', user: 'anna ben', password: 'x' });
    await click(byTestId('team-connect'));
    expect(text('team-code-error')).toContain('not a team connection code');
    expect(text('team-user-error')).toContain('only letters, digits');
    expect(byTestId('team-password-error')).toBeNull();

    await fillForm({ code: CODE.slice(0, 30), user: 'anna', password: 'x' });
    await click(byTestId('team-connect'));
    expect(text('team-code-error')).toContain('incomplete or damaged');
    expect(services.requestHostAccess).not.toHaveBeenCalled();
    expect(services.connect).not.toHaveBeenCalled();
  });

  it('asks for the database origin only, and says so plainly when the browser refuses', async () => {
    const services = fakeServices({
      requestHostAccess: vi.fn<TeamServices['requestHostAccess']>(() => Promise.resolve(false)),
    });
    await render(services);
    await fillForm({ code: `  ${CODE}\n`, user: ' anna ', password: 'secret-pw' });
    await click(byTestId('team-connect'));
    await waitForView(() => expect(byTestId('team-connect-error')).not.toBeNull());
    expect(services.requestHostAccess).toHaveBeenCalledWith('https://couch.example.org');
    expect(byTestId('team-connect-error')?.getAttribute('role')).toBe('alert');
    expect(text('team-connect-error')).toContain(
      'The browser did not allow access to couch.example.org',
    );
    expect(services.connect).not.toHaveBeenCalled();
  });

  it('shows what the server said when the credentials are wrong, and stores nothing', async () => {
    const services = fakeServices({
      connect: vi.fn<TeamServices['connect']>((input) =>
        connectTeam(getDatabase(), input, { openServer: () => fakeServer('someone-else', []) }),
      ),
    });
    await render(services);
    await fillForm({ code: CODE, user: 'anna', password: 'wrong' });
    await click(byTestId('team-connect'));
    await waitForView(() =>
      expect(text('team-connect-error')).toContain('did not accept this user name and password'),
    );
    expect(await getDatabase().secrets.count()).toBe(0);
    expect(byTestId('team-connect-form')).not.toBeNull();
  });

  it('says in the interface language when the database cannot be reached', async () => {
    const services = fakeServices({
      connect: vi.fn<TeamServices['connect']>(() =>
        Promise.reject(
          new TeamSyncError('unreachable', 'The team database at https://… could not be reached.'),
        ),
      ),
    });
    await render(services, 'de');
    await fillForm({ code: CODE, user: 'anna', password: 'secret-pw' });
    await click(byTestId('team-connect'));
    await waitForView(() =>
      expect(text('team-connect-error')).toBe(
        'Verbindung nicht möglich. Die Team-Datenbank ist nicht erreichbar. Prüfen Sie die Internetverbindung oder fragen Sie Ihre Administration, ob der Server läuft.',
      ),
    );
  });

  it('connects with the trimmed code and user name and then shows who and where', async () => {
    const services = fakeServices();
    await render(services);
    await fillForm({ code: ` ${CODE} `, user: ' anna ', password: 'secret-pw' });
    await click(byTestId('team-connect'));
    await waitForView(() => expect(text('team-connected-user')).toBe('anna'));
    expect(services.connect).toHaveBeenCalledWith({
      code: CODE,
      user: 'anna',
      password: 'secret-pw',
    });
    expect(text('team-connected-roles')).toBe('Advisor');
    expect(text('team-connected-database')).toBe('outreach-team on couch.example.org');
    // Nothing in the page holds the password after connecting.
    expect(view.container.innerHTML).not.toContain('secret-pw');
  });

  it('the default permission request names the host (any port, as Firefox requires) and nothing else', async () => {
    const request = vi
      .spyOn(fakeBrowser.permissions, 'request')
      .mockImplementation(() => Promise.resolve(true));
    view = mount(await createI18n('en'));
    await expect(teamServices.requestHostAccess('http://127.0.0.1:5984')).resolves.toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
  });
});

describe('TeamSection, connected as an advisor', () => {
  async function seedUnshared(count: number) {
    await storeEvents(
      getDatabase(),
      Array.from({ length: count }, (_, index) =>
        sampleEvent('note-added', { postKey: `fb:${index + 1}`, at: Date.UTC(2026, 2, 2, 10) }),
      ),
      { advisor: 'Beratung Nord 1', storePostText: false },
    );
  }

  it('counts the events not yet shared, live, and shares them on request', async () => {
    await connectAs('anna', ['advisor']);
    await seedUnshared(3);
    await updateStatusRecord(getDatabase(), {
      lastPushError: 'The team database could not be reached.',
    });
    const services = fakeServices({
      shareNow: vi.fn<TeamServices['shareNow']>(() =>
        Promise.resolve({ ok: true, sharedEvents: 3, batches: 1, remaining: 0 }),
      ),
    });
    await render(services);
    await waitForView(() => expect(text('team-unshared')).toBe('3 events not yet shared'));
    expect(text('team-last-push')).toBe('Nothing has been shared from this computer yet.');
    expect(text('team-last-push-error')).toContain('could not be reached. Nothing is lost');
    // An advisor gets no supervisor tools.
    expect(byTestId('team-fetch')).toBeNull();
    expect(byTestId('team-invite')).toBeNull();

    await click(byTestId('team-share-now'));
    await waitForView(() => expect(text('team-share-success')).toBe('Shared 3 events in 1 batch.'));
    expect(services.shareNow).toHaveBeenCalledTimes(1);

    // The background marks them shared: the count follows without a reload.
    const ids = await getDatabase().events.toCollection().primaryKeys();
    await getDatabase().teamShared.bulkPut(
      ids.map((eventId) => ({ eventId: String(eventId), batchId: 'b', sharedAt: Date.now() })),
    );
    await waitForView(() => expect(text('team-unshared')).toBe('0 events not yet shared'));
  });

  it('reports a failed share in an alert and keeps the count', async () => {
    await connectAs('anna', ['advisor']);
    await seedUnshared(2);
    const services = fakeServices({
      shareNow: vi.fn<TeamServices['shareNow']>(() =>
        Promise.resolve({
          ok: false,
          message:
            'The team database at http://127.0.0.1:9/t cannot be reached while adding a document.',
          code: 'unreachable',
        }),
      ),
    });
    await render(services);
    await waitForView(() => expect(text('team-unshared')).toBe('2 events not yet shared'));
    await click(byTestId('team-share-now'));
    await waitForView(() => expect(byTestId('team-share-error')).not.toBeNull());
    expect(byTestId('team-share-error')?.getAttribute('role')).toBe('alert');
    expect(text('team-share-error')).toBe(
      // Said by its code in the interface language, not in the background's English.
      'Could not share: The team database could not be reached. Check the internet connection, or ask your administrator whether the server is running. Nothing is lost; try again later.',
    );
    expect(text('team-unshared')).toBe('2 events not yet shared');
  });

  it('disconnects only after confirmation, and then offers the form again', async () => {
    await connectAs('anna', ['advisor']);
    const services = fakeServices();
    await render(services);
    await waitForView(() => expect(byTestId('team-disconnect')).not.toBeNull());
    // happy-dom has no dialogs: the answer is the test's.
    const confirm = vi.fn<(message?: string) => boolean>().mockReturnValueOnce(false);
    vi.stubGlobal('confirm', confirm);
    await click(byTestId('team-disconnect'));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0]?.[0]).toContain('Your log stays on this computer');
    expect(services.disconnect).not.toHaveBeenCalled();

    confirm.mockReturnValueOnce(true);
    await click(byTestId('team-disconnect'));
    await waitForView(() => expect(byTestId('team-connect-form')).not.toBeNull());
    expect(services.disconnect).toHaveBeenCalledTimes(1);
  });
});

describe('TeamSection, connected as a supervisor', () => {
  async function seedBatches() {
    await getDatabase().teamBatches.bulkPut([
      batch({ id: `anna:batch:${'a'.repeat(64)}` }),
      batch({
        id: `ben:batch:${'b'.repeat(64)}`,
        user: 'ben',
        advisor: 'Beratung Süd',
        status: 'unknown-signer',
        signer: 'Ben',
        pushedAt: '2026-03-02T17:00:00.000Z',
      }),
      batch({
        id: `cem:batch:${'c'.repeat(64)}`,
        user: 'cem',
        advisor: 'cem',
        status: 'refused',
        reason: 'The export in the batch is not the one it was shared with.',
        pushedAt: '2026-03-02T16:00:00.000Z',
      }),
      batch({
        id: `dora:batch:${'d'.repeat(64)}`,
        user: 'dora',
        advisor: 'dora',
        status: 'changed-on-server',
        reason: 'The batch was changed on the server after it was shared (revision 2).',
        from: null,
        to: null,
        eventCount: 0,
        pushedAt: '2026-03-02T15:00:00.000Z',
      }),
    ]);
  }

  const row = (user: string) =>
    view.container.querySelector<HTMLElement>(`[data-testid="team-batch"][data-user="${user}"]`);

  it('lists every batch with its status in words, and says where keys are trusted', async () => {
    await connectAs('sam', ['supervisor']);
    await seedBatches();
    await render(fakeServices());
    await waitForView(() =>
      expect(view.container.querySelectorAll('[data-testid="team-batch"]')).toHaveLength(4),
    );
    expect(text('team-batch-summary')).toBe('4 batches, 1 counted.');
    expect(row('anna')?.textContent).toContain('Beratung Nord 1');
    expect(row('anna')?.textContent).toContain('Counted');
    expect(row('anna')?.textContent).toMatch(/Mar 1, 2026 – Mar 2, 2026/);
    expect(row('ben')?.textContent).toContain('Not counted: unknown signer');
    expect(row('ben')?.textContent).toContain('(user ben)');
    const keys = row('ben')?.querySelector('a');
    expect(keys?.getAttribute('href')).toBe('#stats');
    expect(keys?.textContent).toBe('Statistics → Advisor keys');
    expect(row('cem')?.textContent).toContain('Not counted: refused, changed or damaged');
    expect(row('cem')?.textContent).toContain('not the one it was shared with');
    expect(row('dora')?.textContent).toContain('Not counted: changed on the server');
    expect(row('dora')?.textContent).toContain('revision 2');
    expect(row('dora')?.textContent).toContain('no events');
    // The batches feed the reports, and the section says which.
    expect(text('team-feeds')).toContain('Statistics, Groups, Trends and the Funder report');
    // A supervisor only: nothing to share.
    expect(byTestId('team-share')).toBeNull();
  });

  it('fetches with progress and a cancel button, then reports what was counted', async () => {
    await connectAs('sam', ['supervisor']);
    let finish: (result: PullResult) => void = () => undefined;
    let signal: AbortSignal | undefined;
    const services = fakeServices({
      pull: vi.fn<TeamServices['pull']>((options) => {
        signal = options.signal;
        options.onProgress(1, 4);
        return new Promise((resolve) => {
          finish = resolve;
        });
      }),
    });
    await render(services);
    await waitForView(() => expect(byTestId('team-fetch-now')).not.toBeNull());
    expect(text('team-batches-none')).toBe('No batches fetched yet.');
    await click(byTestId('team-fetch-now'));
    await waitForView(() =>
      expect(text('team-fetch-progress')).toContain('Checked 1 of 4 batches'),
    );
    expect(byTestId<HTMLButtonElement>('team-fetch-now')?.disabled).toBe(true);

    await seedBatches();
    await act(async () =>
      finish({ batches: await getDatabase().teamBatches.toArray(), newlyCounted: 1, added: 12 }),
    );
    await waitForView(() => expect(byTestId('team-fetch-progress')).toBeNull());
    expect(signal?.aborted).toBe(false);
    expect(text('team-fetch-warning')).toBe(
      '1 new batch counted, 12 events added. 3 batches are not counted – see the table below.',
    );
    // The table follows the database (a live query), which may answer a moment later.
    await waitForView(() =>
      expect(view.container.querySelectorAll('[data-testid="team-batch"]')).toHaveLength(4),
    );
  });

  it('cancels a running fetch', async () => {
    await connectAs('sam', ['supervisor']);
    const services = fakeServices({
      pull: vi.fn<TeamServices['pull']>(
        (options) =>
          new Promise((_, reject) => {
            options.onProgress(0, 10);
            options.signal.addEventListener('abort', () => reject(new Error('cancelled')));
          }),
      ),
    });
    await render(services);
    await waitForView(() => expect(byTestId('team-fetch-now')).not.toBeNull());
    await click(byTestId('team-fetch-now'));
    await waitForView(() => expect(byTestId('team-fetch-cancel')).not.toBeNull());
    await click(byTestId('team-fetch-cancel'));
    await waitForView(() =>
      expect(text('team-fetch-success')).toBe(
        'Fetch cancelled. Batches already checked stay as they are.',
      ),
    );
  });

  it('shows the invite code only on request, with the warning, and it decodes to this team', async () => {
    await connectAs('sam', ['supervisor', 'advisor']);
    await render(fakeServices());
    await waitForView(() => expect(byTestId('team-invite')).not.toBeNull());
    const details = byTestId('team-invite')?.querySelector('details');
    expect(details?.open).toBe(false);
    expect(byTestId<HTMLTextAreaElement>('team-invite-code')?.value).toBe(CODE);
    expect(byTestId('team-invite')?.textContent).toContain('contains the team secret');
    // Both roles: both sets of tools (each waits for its own live query).
    await waitForView(() => {
      expect(byTestId('team-share')).not.toBeNull();
      expect(byTestId('team-fetch')).not.toBeNull();
    });
    expect(text('team-connected-roles')).toBe('Advisor, Supervisor');
  });

  it('speaks German when the interface does', async () => {
    await connectAs('sam', ['supervisor']);
    await seedBatches();
    await render(fakeServices(), 'de');
    await waitForView(() => expect(row('ben')).not.toBeNull());
    expect(row('ben')?.textContent).toContain('Nicht gezählt: unbekannte Signatur');
    expect(text('team-connected-roles')).toBe('Leitung');
    expect(text('team-batch-summary')).toBe('4 Pakete, 1 gezählt.');
  });
});
