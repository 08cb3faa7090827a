/** The `pack …` commands, in the order `--help` lists them. */
import type { CliCommand } from '../types';
import { packKeygenCommand, packSignCommand, packVerifyCommand } from './pack-keys';
import { packBuildCommand, packToSheetCommand } from './pack-sheet';
import { packValidateCommand } from './pack-validate';

export const PACK_COMMANDS: readonly CliCommand[] = [
  packValidateCommand,
  packKeygenCommand,
  packSignCommand,
  packVerifyCommand,
  packBuildCommand,
  packToSheetCommand,
];
