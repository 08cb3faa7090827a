/**
 * `referrals`: the referral directory of a pack, filtered like the
 * workspace's picker (docs/PRODUCT.md#cli). One JSON line per target:
 * {"id","name","url","states","languages"}, local services first.
 */
import { POST_LANGUAGES, type PostLanguage } from '../../domain/languages';
import { GERMAN_STATES, isGermanState } from '../../domain/states';
import { filterReferrals } from '../../packs/referrals';
import { writeJsonLine } from '../io';
import type { CliCommand } from '../types';
import { CliUsageError } from '../types';
import { parseFlags } from './pack-common';
import { loadPackForMatching } from './suggest';

export const referralsCommand: CliCommand = {
  path: ['referrals'],
  summary: "List a pack's referral directory, filtered by federal state and language",
  usage: `Usage: npm run --silent cli -- referrals [--state DE-NW] [--language ro] [--pack FILE]

Writes one JSON line per referral target that serves the state (in it, or
nationwide) and counsels in the language, local services first:
  {"id": "...", "name": "...", "url": "https://...", "states": ["DE-NW"], "languages": ["de", "ro"]}

Options:
  --state CODE      federal state as ISO 3166-2 code: ${GERMAN_STATES.join(', ')}
  --language CODE   post language: ${POST_LANGUAGES.join(', ')}
  --pack FILE       answer pack (default: the bundled default pack)

Exit codes: 0 success (also when nothing matches), 1 the pack is invalid,
2 the command was called wrongly.`,
  async run(args, io) {
    const { values } = parseFlags({
      args,
      options: {
        state: { type: 'string' },
        language: { type: 'string' },
        pack: { type: 'string' },
      },
    });
    const state = values.state?.toUpperCase();
    if (state !== undefined && !isGermanState(state))
      throw new CliUsageError(
        `--state expects a federal state code such as DE-NW, got ${JSON.stringify(values.state)}`,
      );
    const language = values.language?.toLowerCase();
    if (language !== undefined && !(POST_LANGUAGES as readonly string[]).includes(language))
      throw new CliUsageError(
        `--language expects one of ${POST_LANGUAGES.join(', ')}, got ${JSON.stringify(values.language)}`,
      );
    const pack = await loadPackForMatching(io, values.pack);
    for (const { target } of filterReferrals([pack], {
      ...(state !== undefined && { state }),
      ...(language !== undefined && { language: language as PostLanguage }),
    })) {
      writeJsonLine(io.stdout, {
        id: target.id,
        name: target.name,
        url: target.url,
        states: target.states,
        languages: target.languages,
      });
    }
    return 0;
  },
};
