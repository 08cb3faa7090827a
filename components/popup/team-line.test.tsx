// @vitest-environment happy-dom
/**
 * The popup's team line: nothing unless connected as an advisor; then how
 * many events the team database has not confirmed, as the background
 * answers it (called directly here), refreshed while open, and "all shared".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { getDatabase } from '../../lib/db/database';
import { createI18n } from '../../lib/i18n/i18n';
import { storeEvents } from '../../lib/log/store';
import type { TeamRole } from '../../lib/team/connection';
import { connectTeam } from '../../lib/team/connection';
import type { TeamServer } from '../../lib/team/server';
import { updateStatusRecord } from '../../lib/team/status';
import { createTeamSecret, encodeConnectionCode } from '../../lib/team/team-key';
import { sampleEvent } from '../../tests/fixtures/sample-events';
import type { Mounted } from '../dashboard/shared-ui/test-render';
import { mount, waitForView } from '../dashboard/shared-ui/test-render';
import { loadTeamShareStatus } from '../../lib/background/team';
import { TeamLine } from './team-line';

let view: Mounted;
afterEach(async () => {
  await view.unmount();
  const db = getDatabase();
  await Promise.all(db.tables.map((table) => table.clear()));
});

async function connectAs(roles: TeamRole[]) {
  const unused = () => Promise.reject(new Error('not used'));
  const server: TeamServer = {
    session: () => Promise.resolve({ name: 'anna', roles }),
    databaseInfo: () => Promise.resolve({}),
    existingIds: unused,
    createDocs: unused,
    changes: unused,
    getDocs: unused,
    getAttachmentText: unused,
  };
  await connectTeam(
    getDatabase(),
    {
      code: encodeConnectionCode('https://couch.example.org/team', createTeamSecret()),
      user: 'anna',
      password: 'pw',
    },
    { openServer: () => server },
  );
}

async function render(language: 'en' | 'de' = 'en') {
  view = mount(await createI18n(language));
  // Refreshed every 50 ms here: the popup's 3 s would race the 3 s a view check waits.
  await view.render(<TeamLine load={loadTeamShareStatus} refreshMs={50} />);
}

const line = () => view.container.querySelector('[data-testid="team-line"]')?.textContent;

describe('TeamLine', () => {
  it('says nothing when this browser is not connected to a team', async () => {
    await storeEvents(getDatabase(), [sampleEvent('note-added', { postKey: 'fb:1' })], {
      advisor: 'A',
      storePostText: false,
    });
    await render();
    // Give the live query time to answer: it must answer "nothing".
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(view.container.innerHTML).toBe('');
  });

  it('says nothing for a supervisor only', async () => {
    await connectAs(['supervisor']);
    await render();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(view.container.innerHTML).toBe('');
  });

  it('counts the unshared events of an advisor, live, and says when a try failed', async () => {
    await connectAs(['advisor']);
    await render();
    await waitForView(() => expect(line()).toBe('Team: all shared'));
    await storeEvents(
      getDatabase(),
      [
        sampleEvent('note-added', { postKey: 'fb:1' }),
        sampleEvent('note-added', { postKey: 'fb:2' }),
      ],
      { advisor: 'A', storePostText: false },
    );
    await updateStatusRecord(getDatabase(), { lastPushError: 'unreachable' });
    await waitForView(() =>
      expect(line()).toBe('Team: 2 events not yet shared · the last attempt failed'),
    );
  });

  it('speaks German', async () => {
    await connectAs(['advisor', 'supervisor']);
    await storeEvents(getDatabase(), [sampleEvent('note-added', { postKey: 'fb:1' })], {
      advisor: 'A',
      storePostText: false,
    });
    await render('de');
    await waitForView(() => expect(line()).toBe('Team: 1 Eintrag noch nicht geteilt'));
  });
});
