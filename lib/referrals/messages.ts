/**
 * The `listReferrals` message's shapes (lib/messaging/protocol.ts): what the
 * workspace asks for (the advisor's state, the post's language) and the
 * referral targets it gets back, with the same limits as the pack format
 * (lib/packs/schema.ts) so nothing the pack accepted is refused here.
 * `zod/mini`, like every message schema.
 */
import * as z from 'zod/mini';
import { POST_LANGUAGES } from '../domain/languages';
import { LIMITS } from '../domain/limits';
import { GERMAN_STATES, NATIONWIDE } from '../domain/states';

const text = (max: number) => z.string().check(z.maxLength(max));

export const listReferralsRequestSchema = z.object({
  state: z.optional(z.enum(GERMAN_STATES)),
  language: z.optional(z.enum(POST_LANGUAGES)),
});
export type ListReferralsRequest = z.infer<typeof listReferralsRequestSchema>;

export const referralOptionSchema = z.object({
  id: text(LIMITS.answerId),
  packId: text(LIMITS.packId),
  name: text(LIMITS.referralName),
  kind: text(30),
  url: z.string().check(z.maxLength(LIMITS.linkUrl), z.regex(/^https:\/\/\S+$/)),
  channels: z
    .array(z.object({ type: text(20), value: text(LIMITS.referralChannel) }))
    .check(z.maxLength(LIMITS.channelsPerReferral)),
  states: z.array(z.enum([NATIONWIDE, ...GERMAN_STATES])).check(z.maxLength(17)),
  city: z.optional(text(LIMITS.referralName)),
  languages: z.array(z.enum(POST_LANGUAGES)),
  lastChecked: text(10),
  /** Works in the requested state itself (not only nationwide). */
  local: z.boolean(),
});
export type ReferralOption = z.infer<typeof referralOptionSchema>;

export const listReferralsResponseSchema = z.object({
  referrals: z.array(referralOptionSchema).check(z.maxLength(LIMITS.referralsPerPack)),
});
export type ListReferralsResponse = z.infer<typeof listReferralsResponseSchema>;

/** The text a chosen target puts into a reply's `{referral}`: name, how to reach it, link. */
export function referralText(option: Pick<ReferralOption, 'name' | 'channels' | 'url' | 'city'>) {
  const reach = option.channels
    .filter((channel) => channel.type === 'phone' || channel.type === 'email')
    .map((channel) => channel.value);
  const name =
    option.city && !option.name.includes(option.city)
      ? `${option.name} (${option.city})`
      : option.name;
  return [name, ...reach, option.url].join(' – ');
}
