/**
 * The funder report (issue 17, docs/MONITORING.md): per period, how many
 * public spaces the team was active in, how many members those spaces have,
 * how many questions were seen and answered, referrals by target type, myths
 * corrected by claim and escalations by kind, broken down by language,
 * topic, sector and group — with small counts hidden so that no cell, total
 * or combination of them points to an individual (lib/log/suppression.ts).
 *
 * Counting rules (the same post rules as lib/log/stats.ts):
 * - A post takes the latest non-empty language, topic, group and question
 *   flag any of its events gave it. It belongs to the period in which it was
 *   first seen; a question counts as answered if a reply (inserted or copied)
 *   to it was logged by the end of the period.
 * - Referrals and escalations are posts whose latest documentation up to the
 *   end of the period says so, counted in the period of that documentation.
 *   A referral's target type comes from the referral directory
 *   (`referralKinds`: target id → kind); a target the directory does not
 *   know (typed by hand) counts as `other`, none as `unspecified`.
 * - A myth corrected is a comment answered with a claim's correction,
 *   counted once per comment and claim, in the period of its first correction.
 * - Spaces: groups with at least one event in the period, each counted once
 *   across advisors (see `identifySpaces`). Members reached: the sum over
 *   those spaces of the latest member count read at or before the period's
 *   end, each space once; spaces without such a count are listed by name.
 *
 * Rows come in a fixed order (the taxonomy's, or by name), never by size: a
 * hidden cell's place in a sorted list would tell roughly how big it is.
 *
 * Pure; one pass over the events, so the dashboard, the CLI and the benchmark
 * share it (100,000 events and 200 groups take a few tens of milliseconds).
 */
import { POST_LANGUAGES } from '../domain/languages';
import { TOPICS } from '../domain/topics';
import type { GroupRegisterEntry, GroupSector } from '../groups/register';
import { GROUP_SECTORS } from '../groups/register';
import { REFERRAL_KINDS } from '../packs/schema';
import type { EscalationKind, LogEvent } from './events';
import { upgradeLegacyEvent } from './events';
import { normaliseGroupName } from '../groups/register';
import type { PostFacts } from './post-facts';
import { foldPostFacts } from './post-facts';
import { ESCALATION_COUNT_KEYS } from './stats';
import type { AdditiveRelation } from './suppression';
import { suppressSmallCounts } from './suppression';

/** Counts from 1 to this minus one are hidden unless a report is asked with another threshold. */
export const DEFAULT_MIN_COUNT = 5;

/** A published count, or `null` where it is hidden (and listed in `suppressed`). */
export type FunderCell = number | null;

/** The measures of every breakdown row. */
export const FUNDER_MEASURES = ['questions', 'answered', 'referrals', 'escalations'] as const;
export type FunderMeasure = (typeof FUNDER_MEASURES)[number];

/** Referral target types: the directory's kinds, a typed-in target, none recorded. */
export const REFERRAL_TYPE_KEYS = [...REFERRAL_KINDS, 'other', 'unspecified'] as const;

/** Sector rows: the register's sectors, groups without one, posts outside any group. */
export const SECTOR_ROW_KEYS = [...GROUP_SECTORS, 'unassigned', 'no-group'] as const;
export type SectorRowKey = (typeof SECTOR_ROW_KEYS)[number];

/** The byGroup row of posts whose group is not known. */
export const NO_GROUP_ROW = 'Posts outside a known group';

export interface ReportPeriod {
  /** First instant in the period (ms, UTC), or null for "from the beginning". */
  from: number | null;
  /** Last instant in the period (ms, UTC, inclusive), or null for "up to now". */
  to: number | null;
  label: string;
}

export interface FunderBreakdownRow {
  key: string;
  label: string;
  questions: FunderCell;
  answered: FunderCell;
  referrals: FunderCell;
  escalations: FunderCell;
}

export interface FunderGroupRow extends FunderBreakdownRow {
  /** The key and the label are the group's public name: never an id. */
  sector: GroupSector | null;
  /** Latest member count read by the end of the period; null if none was. */
  memberCount: number | null;
}

export interface FunderCountRow {
  key: string;
  label: string;
  count: FunderCell;
}

export interface SuppressedCell {
  table: FunderTable;
  /** The row's key (a language code, topic id, sector, group name, claim id …). */
  row: string;
  column: string;
}

export type FunderTable =
  | 'totals'
  | 'referrals'
  | 'mythsCorrected'
  | 'escalations'
  | 'byLanguage'
  | 'byTopic'
  | 'bySector'
  | 'byGroup';

export interface FunderReport {
  period: { from: string | null; to: string | null; label: string };
  minCount: number;
  /** Public groups with activity in the period (not suppressed: groups are not people). */
  spaces: number;
  membersReached: number;
  /** Names of active spaces without a member count read by the period's end. */
  spacesWithoutMemberCount: string[];
  questions: FunderCell;
  answered: FunderCell;
  referrals: { total: FunderCell; byType: FunderCountRow[] };
  mythsCorrected: { total: FunderCell; byClaim: FunderCountRow[] };
  escalations: { total: FunderCell; byKind: FunderCountRow[] };
  byLanguage: FunderBreakdownRow[];
  byTopic: FunderBreakdownRow[];
  bySector: FunderBreakdownRow[];
  byGroup: FunderGroupRow[];
  /** Every hidden cell, so a reader knows what is missing and why. */
  suppressed: SuppressedCell[];
}

/** Names for keys; the CLI passes English names (lib/log/funder-report-render.ts). */
export interface FunderReportLabels {
  language(code: string): string;
  topic(id: string): string;
  sector(id: SectorRowKey): string;
  referralType(id: string): string;
  escalation(kind: string): string;
}

const identity = (key: string) => key;
const KEY_LABELS: FunderReportLabels = {
  language: identity,
  topic: identity,
  sector: identity,
  referralType: identity,
  escalation: identity,
};

export interface FunderReportInput {
  /** Merged events (own and imported), any period: the report picks its own. */
  events: readonly LogEvent[];
  /** The group register (own and from merged exports). */
  groups: readonly GroupRegisterEntry[];
  from: number | null;
  to: number | null;
  /** k: counts from 1 to k−1 are hidden (a setting, 5 by default). */
  minCount: number;
  /** The period's name; derived from the dates when absent. */
  label?: string;
  /** Referral target id → kind, from the packs' referral directories. */
  referralKinds?: ReadonlyMap<string, string>;
  /** Claim id → the claim's statement, in the reader's language where available. */
  claimLabels?: ReadonlyMap<string, string>;
  labels?: FunderReportLabels;
}

// --- Periods ---------------------------------------------------------------

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `YYYY-MM-DD` as the first instant of that UTC day, or null if it is not a date. */
export function parseDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00.000Z`);
  return Number.isNaN(ms) || isoDay(ms) !== text ? null : ms;
}

/**
 * A named period in UTC: `2026-Q3` (a quarter), `2026-09` (a month) or
 * `2026` (a year). Throws on anything else.
 */
export function periodFor(name: string): ReportPeriod {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(name);
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(name);
  const year = /^(\d{4})$/.exec(name);
  let start: [number, number];
  let months: number;
  if (quarter) {
    start = [Number(quarter[1]), (Number(quarter[2]) - 1) * 3];
    months = 3;
  } else if (month) {
    start = [Number(month[1]), Number(month[2]) - 1];
    months = 1;
  } else if (year) {
    start = [Number(year[1]), 0];
    months = 12;
  } else {
    throw new RangeError(
      `"${name}" is not a period: use a quarter (2026-Q3), a month (2026-09) or a year (2026).`,
    );
  }
  const from = Date.UTC(start[0], start[1], 1);
  const to = Date.UTC(start[0], start[1] + months, 1) - 1;
  return { from, to, label: name };
}

/** A custom period of whole UTC days, both ends included (`YYYY-MM-DD`, or null for open). */
export function customPeriod(from: string | null, to: string | null): ReportPeriod {
  const start = from === null ? null : parseDay(from);
  const end = to === null ? null : parseDay(to);
  if (start === null && from !== null)
    throw new RangeError(`"${from}" is not a date (YYYY-MM-DD).`);
  if (end === null && to !== null) throw new RangeError(`"${to}" is not a date (YYYY-MM-DD).`);
  if (start !== null && end !== null && end < start) {
    throw new RangeError(`The period ends (${to}) before it starts (${from}).`);
  }
  return {
    from: start,
    to: end === null ? null : end + DAY_MS - 1,
    label: `${from ?? '…'} – ${to ?? '…'}`,
  };
}

// --- Spaces ----------------------------------------------------------------

const isPseudonym = (groupId: string) => groupId.startsWith('h:');

/**
 * Which observations are the same space. Raw group ids are the same space
 * wherever they appear; a pseudonym (`h:…`) is stable within one
 * installation's exports only, so across advisors a space is recognised by
 * its platform and public name (normalised). Everything linked by an id or
 * a name is one space (union–find), so an advisor exporting raw ids and one
 * exporting pseudonyms still count a shared group once, and a group renamed
 * within one export stays one space. Two different groups with exactly the
 * same public name on the same platform count as one: the report says so.
 */
class SpaceIndex {
  private readonly parent = new Map<string, string>();
  /** platform → group id → name → node: most events repeat a pair already seen. */
  private readonly memo = new Map<string, Map<string | null, Map<string | null, string | null>>>();

  private find(node: string): string {
    let root = node;
    for (
      let up = this.parent.get(root);
      up !== undefined && up !== root;
      up = this.parent.get(root)
    ) {
      root = up;
    }
    // Path compression.
    let at = node;
    while (at !== root) {
      const next = this.parent.get(at) ?? root;
      this.parent.set(at, root);
      at = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }

  /** Records an observation; returns its node (resolve with `spaceOf` once all are added). */
  observe(platform: string, groupId: string | null, name: string | null): string | null {
    let byId = this.memo.get(platform);
    if (!byId) this.memo.set(platform, (byId = new Map()));
    let byName = byId.get(groupId);
    if (!byName) byId.set(groupId, (byName = new Map()));
    const known = byName.get(name);
    if (known !== undefined) return known;
    const normalised = name === null ? '' : normaliseGroupName(name);
    const idNode =
      groupId === null ? null : `${isPseudonym(groupId) ? 'p' : 'id'}:${platform}:${groupId}`;
    const nameNode = normalised === '' ? null : `name:${platform}:${normalised}`;
    const node = idNode ?? nameNode;
    byName.set(name, node);
    if (node === null) return null;
    if (!this.parent.has(node)) this.parent.set(node, node);
    if (idNode !== null && nameNode !== null) {
      if (!this.parent.has(nameNode)) this.parent.set(nameNode, nameNode);
      this.union(idNode, nameNode);
    }
    return node;
  }

  spaceOf(node: string): string {
    return this.find(node);
  }
}

// --- The report --------------------------------------------------------------

interface PostState extends PostFacts {
  groupNode: string | null;
  replied: boolean;
  outcome: string | null;
  outcomeAt: number;
  referredTo: string | null;
  escalation: EscalationKind | null;
}

interface SpaceState {
  name: string | null;
  nameAt: number;
  sector: GroupSector | null;
  sectorAt: number;
  memberCount: number | null;
  memberCountAt: number;
  active: boolean;
}

type Counts = Record<FunderMeasure, number>;
const zeroCounts = (): Counts => ({ questions: 0, answered: 0, referrals: 0, escalations: 0 });

export function buildFunderReport(input: FunderReportInput): FunderReport {
  const from = input.from ?? Number.NEGATIVE_INFINITY;
  const to = input.to ?? Number.POSITIVE_INFINITY;
  const labels = input.labels ?? KEY_LABELS;
  const inPeriod = (ms: number) => ms >= from && ms <= to;
  const spaces = new SpaceIndex();
  const posts = new Map<string, PostState>();
  const activeNodes = new Set<string>();
  /** Per observed node, the latest group name the events gave. */
  const eventNames = new Map<string, { name: string; at: number }>();
  /** claim id → comments first corrected in the period. */
  const corrections = new Map<string, number>();
  const firstCorrection = new Map<string, number>();

  for (const stored of input.events) {
    if (stored.at > to) continue; // the state at the period's end
    const event =
      stored.type === 'handled' || stored.type === 'referred' ? upgradeLegacyEvent(stored) : stored;
    const node = spaces.observe('facebook', event.groupId, event.groupName);
    if (node !== null && inPeriod(event.at)) activeNodes.add(node);
    if (node !== null && event.groupName) {
      const known = eventNames.get(node);
      if (!known || event.at >= known.at)
        eventNames.set(node, { name: event.groupName, at: event.at });
    }
    let post = posts.get(event.postKey);
    if (!post) {
      // Written out rather than spread from newPostFacts: a spread object takes V8's slow
      // path here (measured 5× slower over 100,000 events).
      post = {
        firstAt: event.at,
        lastInfoAt: -1,
        language: null,
        topic: null,
        groupId: null,
        groupName: null,
        isQuestion: null,
        groupNode: null,
        replied: false,
        outcome: null,
        outcomeAt: -1,
        referredTo: null,
        escalation: null,
      };
      posts.set(event.postKey, post);
    }
    // The shared rules (lib/log/post-facts.ts); the space follows the group the same way.
    const newer = foldPostFacts(post, event);
    if (node !== null && (newer || post.groupNode === null)) post.groupNode = node;
    switch (event.type) {
      case 'reply-inserted':
      case 'reply-copied':
        post.replied = true;
        break;
      case 'note-added':
        if (event.at >= post.outcomeAt) {
          post.outcome = event.outcome;
          post.outcomeAt = event.at;
          post.referredTo = event.outcome === 'referred' ? (event.referredTo ?? null) : null;
          post.escalation = event.outcome === 'escalated' ? (event.escalation ?? null) : null;
        }
        break;
      case 'claim-corrected': {
        const comment = `${event.claimId}\u0000${event.postKey}\u0000${event.commentKey}`;
        const earlier = firstCorrection.get(comment);
        if (earlier === undefined || event.at < earlier) firstCorrection.set(comment, event.at);
        break;
      }
      default:
        break;
    }
  }
  for (const [comment, at] of firstCorrection) {
    if (!inPeriod(at)) continue;
    const claimId = comment.slice(0, comment.indexOf('\u0000'));
    corrections.set(claimId, (corrections.get(claimId) ?? 0) + 1);
  }

  // Spaces: the register's entries join the index (names, counts, sectors).
  const spaceStates = new Map<string, SpaceState>();
  const spaceState = (root: string): SpaceState => {
    let state = spaceStates.get(root);
    if (!state) {
      state = {
        name: null,
        nameAt: -1,
        sector: null,
        sectorAt: -1,
        memberCount: null,
        memberCountAt: -1,
        active: false,
      };
      spaceStates.set(root, state);
    }
    return state;
  };
  const entryNodes = input.groups.map((entry) =>
    spaces.observe(entry.platform, entry.groupId, entry.name),
  );
  input.groups.forEach((entry, index) => {
    const node = entryNodes[index];
    if (node === undefined || node === null) return;
    const state = spaceState(spaces.spaceOf(node));
    if (entry.name && entry.lastSeenAt > state.nameAt) {
      state.name = entry.name;
      state.nameAt = entry.lastSeenAt;
    }
    if (entry.sector !== null && entry.lastSeenAt > state.sectorAt) {
      state.sector = entry.sector;
      state.sectorAt = entry.lastSeenAt;
    }
    const countAt = entry.memberCountAt;
    if (
      entry.memberCount !== null &&
      countAt !== null &&
      countAt <= to &&
      countAt > state.memberCountAt
    ) {
      state.memberCount = entry.memberCount;
      state.memberCountAt = countAt;
    }
  });
  // The register's name wins; the latest name the events gave names a space it does not know.
  const eventName = new Map<string, { name: string; at: number }>();
  for (const [node, { name, at }] of eventNames) {
    const root = spaces.spaceOf(node);
    const known = eventName.get(root);
    if (!known || at >= known.at) eventName.set(root, { name, at });
  }
  for (const [root, { name }] of eventName) {
    const state = spaceState(root);
    if (state.name === null) state.name = name;
  }
  for (const node of activeNodes) spaceState(spaces.spaceOf(node)).active = true;

  // Active spaces in name order; unnamed ones numbered after them.
  const active = [...spaceStates].filter(([, state]) => state.active);
  const named = active
    .filter(([, state]) => state.name !== null)
    .sort(([, a], [, b]) => (a.name ?? '').localeCompare(b.name ?? '', 'en'));
  const unnamed = active.filter(([, state]) => state.name === null);
  const rowNames = new Map<string, string>();
  const usedNames = new Set<string>();
  for (const [root, state] of named) {
    let name = state.name ?? '';
    for (let n = 2; usedNames.has(name); n += 1) name = `${state.name ?? ''} (${n})`;
    usedNames.add(name);
    rowNames.set(root, name);
  }
  unnamed.forEach(([root], index) => rowNames.set(root, `Unnamed group ${index + 1}`));

  let membersReached = 0;
  const withoutCount: string[] = [];
  for (const [root, state] of [...named, ...unnamed]) {
    if (state.memberCount === null) withoutCount.push(rowNames.get(root) ?? '');
    else membersReached += state.memberCount;
  }

  // Counting posts into the tables.
  const totals = zeroCounts();
  const byLanguage = new Map<string, Counts>();
  const byTopic = new Map<string, Counts>();
  const bySector = new Map<SectorRowKey, Counts>();
  const byGroup = new Map<string, Counts>();
  const referralTypes = new Map<string, number>();
  const escalationKinds = new Map<string, number>();
  const add = <K>(table: Map<K, Counts>, key: K, measure: FunderMeasure) => {
    let row = table.get(key);
    if (!row) table.set(key, (row = zeroCounts()));
    row[measure] += 1;
  };
  for (const post of posts.values()) {
    const measures: FunderMeasure[] = [];
    if (post.isQuestion === true && inPeriod(post.firstAt)) {
      measures.push('questions');
      if (post.replied) measures.push('answered');
    }
    if (post.outcome !== null && inPeriod(post.outcomeAt)) {
      if (post.outcome === 'referred') {
        measures.push('referrals');
        const target = post.referredTo?.trim() ?? '';
        const type = target === '' ? 'unspecified' : (input.referralKinds?.get(target) ?? 'other');
        referralTypes.set(type, (referralTypes.get(type) ?? 0) + 1);
      } else if (post.outcome === 'escalated') {
        measures.push('escalations');
        const kind = post.escalation ?? 'unspecified';
        escalationKinds.set(kind, (escalationKinds.get(kind) ?? 0) + 1);
      }
    }
    if (measures.length === 0) continue;
    const root = post.groupNode === null ? null : spaces.spaceOf(post.groupNode);
    const groupRow = root === null ? NO_GROUP_ROW : (rowNames.get(root) ?? NO_GROUP_ROW);
    const sector: SectorRowKey =
      root === null || !rowNames.has(root)
        ? 'no-group'
        : (spaceStates.get(root)?.sector ?? 'unassigned');
    for (const measure of measures) {
      totals[measure] += 1;
      add(byLanguage, post.language ?? 'und', measure);
      add(byTopic, post.topic ?? 'unknown', measure);
      add(bySector, sector, measure);
      add(byGroup, groupRow, measure);
    }
  }
  const mythsTotal = [...corrections.values()].reduce((sum, n) => sum + n, 0);

  // Rows in a fixed order, then the suppression problem over all published counts.
  const ordered = <K extends string>(table: Map<K, Counts>, order: readonly string[]) =>
    [...table.keys()].sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b));
  const languageKeys = ordered(byLanguage, [...POST_LANGUAGES, 'und']);
  const topicKeys = ordered(byTopic, [...TOPICS, 'unknown']);
  const sectorKeys = ordered(bySector, SECTOR_ROW_KEYS);
  const groupKeys = [...rowNames.values(), NO_GROUP_ROW].filter((name) => byGroup.has(name));
  const referralKeys = ordered(
    new Map([...referralTypes.keys()].map((key) => [key, zeroCounts()])),
    REFERRAL_TYPE_KEYS,
  );
  const escalationKeys = ESCALATION_COUNT_KEYS.filter((key) => escalationKinds.has(key));
  const claimLabel = (claimId: string) => input.claimLabels?.get(claimId) ?? claimId;
  const claimKeys = [...corrections.keys()].sort(
    (a, b) => claimLabel(a).localeCompare(claimLabel(b), 'en') || a.localeCompare(b),
  );

  const cells = new Map<string, number>();
  const relations: AdditiveRelation[] = [];
  const links: [string, string][] = [];
  const cellId = (table: FunderTable, row: string, column: string) =>
    `${table}\u0000${row}\u0000${column}`;
  for (const measure of FUNDER_MEASURES)
    cells.set(cellId('totals', 'all', measure), totals[measure]);
  cells.set(cellId('totals', 'all', 'mythsCorrected'), mythsTotal);
  links.push([cellId('totals', 'all', 'questions'), cellId('totals', 'all', 'answered')]);
  const breakdowns: [FunderTable, Map<string, Counts>, readonly string[]][] = [
    ['byLanguage', byLanguage, languageKeys],
    ['byTopic', byTopic, topicKeys],
    ['bySector', bySector as Map<string, Counts>, sectorKeys],
    ['byGroup', byGroup, groupKeys],
  ];
  for (const [table, counts, keys] of breakdowns) {
    for (const key of keys) {
      const row = counts.get(key) ?? zeroCounts();
      for (const measure of FUNDER_MEASURES) cells.set(cellId(table, key, measure), row[measure]);
      links.push([cellId(table, key, 'questions'), cellId(table, key, 'answered')]);
    }
    for (const measure of FUNDER_MEASURES) {
      relations.push({
        total: cellId('totals', 'all', measure),
        parts: keys.map((key) => cellId(table, key, measure)),
      });
    }
  }
  // Groups add up to their sector.
  const groupsOfSector = new Map<string, string[]>();
  for (const [root, name] of rowNames) {
    if (!byGroup.has(name)) continue;
    const sector = spaceStates.get(root)?.sector ?? 'unassigned';
    groupsOfSector.set(sector, [...(groupsOfSector.get(sector) ?? []), name]);
  }
  if (byGroup.has(NO_GROUP_ROW)) groupsOfSector.set('no-group', [NO_GROUP_ROW]);
  for (const [sector, names] of groupsOfSector) {
    for (const measure of FUNDER_MEASURES) {
      relations.push({
        total: cellId('bySector', sector, measure),
        parts: names.map((name) => cellId('byGroup', name, measure)),
      });
    }
  }
  const countTables: [FunderTable, string, ReadonlyMap<string, number>, readonly string[]][] = [
    ['referrals', 'referrals', referralTypes, referralKeys],
    ['escalations', 'escalations', escalationKinds, escalationKeys],
    ['mythsCorrected', 'mythsCorrected', corrections, claimKeys],
  ];
  for (const [table, measure, counts, keys] of countTables) {
    for (const key of keys) cells.set(cellId(table, key, 'count'), counts.get(key) ?? 0);
    relations.push({
      total: cellId('totals', 'all', measure),
      parts: keys.map((key) => cellId(table, key, 'count')),
    });
  }

  const minCount = input.minCount;
  const { hidden } = suppressSmallCounts({ cells, relations, links, minCount });
  const publish = (table: FunderTable, row: string, column: string): FunderCell => {
    const id = cellId(table, row, column);
    return hidden.has(id) ? null : (cells.get(id) ?? 0);
  };
  const breakdownRows = (
    table: FunderTable,
    keys: readonly string[],
    label: (key: string) => string,
  ): FunderBreakdownRow[] =>
    keys.map((key) => ({
      key,
      label: label(key),
      questions: publish(table, key, 'questions'),
      answered: publish(table, key, 'answered'),
      referrals: publish(table, key, 'referrals'),
      escalations: publish(table, key, 'escalations'),
    }));
  const rootOfName = new Map([...rowNames].map(([root, name]) => [name, root]));
  const suppressed: SuppressedCell[] = [...hidden]
    .map((id) => {
      const [table = '', row = '', column = ''] = id.split('\u0000');
      return { table: table as FunderTable, row, column };
    })
    .sort((a, b) => TABLE_ORDER.indexOf(a.table) - TABLE_ORDER.indexOf(b.table));

  return {
    period: {
      from: input.from === null ? null : isoDay(input.from),
      to: input.to === null ? null : isoDay(input.to),
      label:
        input.label ??
        `${input.from === null ? '…' : isoDay(input.from)} – ${input.to === null ? '…' : isoDay(input.to)}`,
    },
    minCount,
    spaces: named.length + unnamed.length,
    membersReached,
    spacesWithoutMemberCount: withoutCount,
    questions: publish('totals', 'all', 'questions'),
    answered: publish('totals', 'all', 'answered'),
    referrals: {
      total: publish('totals', 'all', 'referrals'),
      byType: referralKeys.map((key) => ({
        key,
        label: labels.referralType(key),
        count: publish('referrals', key, 'count'),
      })),
    },
    mythsCorrected: {
      total: publish('totals', 'all', 'mythsCorrected'),
      byClaim: claimKeys.map((key) => ({
        key,
        label: claimLabel(key),
        count: publish('mythsCorrected', key, 'count'),
      })),
    },
    escalations: {
      total: publish('totals', 'all', 'escalations'),
      byKind: escalationKeys.map((key) => ({
        key,
        label: labels.escalation(key),
        count: publish('escalations', key, 'count'),
      })),
    },
    byLanguage: breakdownRows('byLanguage', languageKeys, labels.language),
    byTopic: breakdownRows('byTopic', topicKeys, labels.topic),
    bySector: breakdownRows('bySector', sectorKeys, (key) => labels.sector(key as SectorRowKey)),
    byGroup: breakdownRows('byGroup', groupKeys, identity).map((row) => {
      const root = rootOfName.get(row.key);
      const state = root === undefined ? undefined : spaceStates.get(root);
      return { ...row, sector: state?.sector ?? null, memberCount: state?.memberCount ?? null };
    }),
    suppressed,
  };
}

const TABLE_ORDER: readonly FunderTable[] = [
  'totals',
  'referrals',
  'mythsCorrected',
  'escalations',
  'byLanguage',
  'byTopic',
  'bySector',
  'byGroup',
];

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}
