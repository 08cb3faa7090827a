/** The `pack …` commands, in the order `--help` lists them. */
import type { CliCommand } from '../types';
import { packValidateCommand } from './pack-validate';

export const PACK_COMMANDS: readonly CliCommand[] = [packValidateCommand];
