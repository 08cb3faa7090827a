// @vitest-environment happy-dom
/** Settings says whether this browser shares with a team, and links to the Team section. */
import { afterEach, describe, expect, it } from 'vitest';
import { getDatabase, TEAM_CONNECTION_ID } from '../../../lib/db/database';
import { createI18n } from '../../../lib/i18n/i18n';
import { createTeamSecret } from '../../../lib/team/team-key';
import type { Mounted } from '../shared-ui/test-render';
import { mount, waitForView } from '../shared-ui/test-render';
import { TeamSettingsLink } from './team-settings-link';

let view: Mounted;
afterEach(async () => {
  await view.unmount();
  await getDatabase().secrets.clear();
});

const line = () => view.container.querySelector('[data-testid="settings-team"]');

describe('TeamSettingsLink', () => {
  it('says records stay here when not connected, and where to connect', async () => {
    view = mount(await createI18n('en'));
    await view.render(<TeamSettingsLink />);
    await waitForView(() =>
      expect(line()?.textContent).toBe(
        'Not connected: your records stay on this computer. Connect, share or disconnect under Team',
      ),
    );
    expect(line()?.querySelector('a')?.getAttribute('href')).toBe('#team');
  });

  it('names the database, its host and the user, never the password', async () => {
    await getDatabase().secrets.put({
      id: TEAM_CONNECTION_ID,
      value: {
        url: 'https://couch.example.org/outreach-team',
        user: 'anna',
        password: 'do-not-show',
        roles: ['advisor'],
        secret: createTeamSecret(),
        connectedAt: 1,
      },
    });
    view = mount(await createI18n('de'));
    await view.render(<TeamSettingsLink />);
    await waitForView(() =>
      expect(line()?.textContent).toContain(
        'Teilt mit outreach-team auf couch.example.org als anna.',
      ),
    );
    expect(view.container.innerHTML).not.toContain('do-not-show');
  });
});
