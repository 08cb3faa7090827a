/**
 * Every CLI command, in the order `--help` lists them. A feature adds its
 * commands here; the entry point and the tests discover them from this list.
 */
import type { CliCommand } from '../types';
import { detectCommand } from './detect';
import { LOGS_COMMANDS } from './logs';
import { PACK_COMMANDS } from './pack';
import { packTestCommand } from './pack-test';
import { referralsCommand } from './referrals';
import { suggestCommand } from './suggest';
import { TEAM_COMMANDS } from './team';

export const COMMANDS: readonly CliCommand[] = [
  detectCommand,
  ...PACK_COMMANDS,
  ...LOGS_COMMANDS,
  suggestCommand,
  packTestCommand,
  referralsCommand,
  ...TEAM_COMMANDS,
];
