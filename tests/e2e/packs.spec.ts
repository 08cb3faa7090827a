import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeys, signPack } from '../../lib/packs/signing';
import type { Pack } from '../../lib/packs/schema';
import { expect, REPO_ROOT, test } from './fixtures';
import { PacksPage } from './pages/packs-page';

const DEFAULT_PACK_ID = 'eu.outreach-advisor.default';

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`test data lacks ${what}`);
  return value;
}

function defaultPack(): Pack {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'packs', 'default-pack.json'), 'utf8')) as Pack;
}

/** A small pack of our own: three answers taken from the default pack. */
function smallPack(version: string): Pack {
  const base = defaultPack();
  return {
    ...base,
    id: 'org.example.test-pack',
    title: 'Test pack',
    version,
    answers: base.answers.slice(0, 3),
  };
}

test('the default pack is installed on first run and can be browsed', async ({
  context,
  extensionId,
}) => {
  const packs = new PacksPage(await context.newPage(), extensionId);
  await packs.openPacks();
  // Installation runs in the background right after install; reload until it shows.
  await expect(async () => {
    await packs.page.reload();
    await expect(packs.installedPack(DEFAULT_PACK_ID)).toBeVisible({ timeout: 1000 });
  }).toPass();
  const card = packs.installedPack(DEFAULT_PACK_ID);
  await expect(card.getByTestId('example-content')).toBeVisible();
  await expect(card.getByTestId('trust-badge')).toHaveAttribute('data-trust', 'unsigned');

  await card.getByTestId('browse-answers').click();
  await packs.page.getByTestId('browser-topic').selectOption('dismissal');
  await packs.page.getByTestId('browser-language').selectOption('pl');
  const cards = packs.answerCards();
  expect(await cards.count()).toBeGreaterThan(0);
  for (const answer of await cards.all()) {
    await expect(answer.locator('h4')).toHaveAttribute('lang', 'pl');
    await expect(answer.getByTestId('review-status')).toBeVisible();
  }
});

test('importing a pack shows the diff, installs it, and keeps the previous version', async ({
  context,
  extensionId,
}) => {
  const packs = new PacksPage(await context.newPage(), extensionId);
  await packs.openPacks();

  const first = smallPack('1.0.0');
  await packs.importFile('test-pack.json', JSON.stringify(first));
  await expect(packs.diff('added')).toContainText('(3)');
  await packs.confirmInstall().click();
  await expect(packs.successNotice()).toContainText('Test pack');
  await expect(packs.installedPack(first.id).getByTestId('pack-version')).toHaveText(
    'Version 1.0.0',
  );

  // Version 1.1.0: one answer changed, one removed, one added.
  const base = defaultPack();
  const a = must(first.answers[0], 'a first answer');
  const b = must(first.answers[1], 'a second answer');
  const removed = must(first.answers[2], 'a third answer');
  const added = must(base.answers[5], 'a sixth answer');
  const polish = must(a.texts.pl, 'a Polish text');
  const changed = {
    ...a,
    texts: { ...a.texts, pl: { ...polish, title: `${polish.title} (2026)` } },
  };
  const second: Pack = { ...first, version: '1.1.0', answers: [changed, b, added] };
  await packs.importFile('test-pack-1.1.json', JSON.stringify(second));
  await expect(packs.page.getByTestId('version-change')).toContainText('1.0.0');
  await expect(packs.diff('added')).toContainText(added.id);
  await expect(packs.diff('changed')).toContainText(`${a.id} (texts.pl)`);
  await expect(packs.diff('removed')).toContainText(removed.id);
  await packs.confirmInstall().click();
  const card = packs.installedPack(first.id);
  await expect(card.getByTestId('pack-version')).toHaveText('Version 1.1.0');

  await card.getByTestId('rollback').click();
  await expect(card.getByTestId('pack-version')).toHaveText('Version 1.0.0');
});

test('a pack whose signature does not match its content is refused and nothing changes', async ({
  context,
  extensionId,
}) => {
  const packs = new PacksPage(await context.newPage(), extensionId);
  await packs.openPacks();
  const keys = await generateSigningKeys('Legal review team');
  await packs.addTrustedKey('reviewer.public.json', JSON.stringify(keys.publicKey));
  await expect(packs.page.getByTestId('trusted-key')).toContainText('Legal review team');

  const signed = await signPack(smallPack('2.0.0'), keys.privateKey);
  await packs.importFile('signed.json', JSON.stringify(signed));
  await expect(packs.preview().getByTestId('trust-badge')).toHaveAttribute('data-trust', 'trusted');
  await packs.confirmInstall().click();
  const card = packs.installedPack(signed.id);
  await expect(card.getByTestId('pack-version')).toHaveText('Version 2.0.0');

  // One changed character in a reply, signature left as it was.
  const tampered = structuredClone(signed);
  const text = must(must(tampered.answers[0], 'an answer').texts.de, 'a German text');
  text.body = text.body.replace(/\d/, (digit) => String((Number(digit) + 1) % 10));
  tampered.version = '2.0.1';
  await packs.importFile('tampered.json', JSON.stringify(tampered));
  await expect(packs.errorNotice()).toBeVisible();
  await expect(packs.problems().first()).toContainText('signature');
  await expect(packs.preview()).toHaveCount(0);
  await packs.page.reload();
  await expect(packs.installedPack(signed.id).getByTestId('pack-version')).toHaveText(
    'Version 2.0.0',
  );
});
