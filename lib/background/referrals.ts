/**
 * `listReferrals` in the background: the referral directories of the active
 * packs (the matcher cache's copy, so they follow pack changes like the
 * suggestions), filtered by the advisor's state and the post's language.
 * A target an older pack let through that the message schema refuses is
 * left out rather than failing the whole list.
 */
import type { PackStore } from '../packs/store';
import { filterReferrals } from '../packs/referrals';
import {
  referralOptionSchema,
  type ListReferralsRequest,
  type ListReferralsResponse,
  type ReferralOption,
} from '../referrals/messages';
import { currentMatcher } from './suggestions';

export async function listReferrals(
  request: ListReferralsRequest,
  options: { store?: PackStore; now?: number; ensurePacks?: () => Promise<unknown> } = {},
): Promise<ListReferralsResponse> {
  const { directories } = await currentMatcher(options.store, options.now, options.ensurePacks);
  const referrals: ReferralOption[] = [];
  for (const { target, packId } of filterReferrals(directories, request)) {
    const option = {
      id: target.id,
      packId,
      name: target.name,
      kind: target.kind,
      url: target.url,
      channels: target.channels,
      states: target.states,
      ...(target.city !== undefined && { city: target.city }),
      languages: target.languages,
      lastChecked: target.lastChecked,
      local: request.state !== undefined && target.states.includes(request.state),
    };
    if (referralOptionSchema.safeParse(option).success) referrals.push(option);
  }
  return { referrals };
}
