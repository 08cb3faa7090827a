/** The `pack …` commands, in the order `--help` lists them. */
import type { CliCommand } from '../types';
import { packKeygenCommand, packSignCommand, packVerifyCommand } from './pack-keys';
import { packValidateCommand } from './pack-validate';

export const PACK_COMMANDS: readonly CliCommand[] = [
  packValidateCommand,
  packKeygenCommand,
  packSignCommand,
  packVerifyCommand,
];
