/**
 * Reading a reply on the sending side: the envelope's `ok`/`error`, then the
 * message's response schema. Shared by the full sender (send.ts) and the
 * content script's (send-content.ts).
 */
import type * as z from 'zod/mini';
import { MessageError, replySchema } from './envelope';

export function readReplyWith(response: z.ZodMiniType, name: string, raw: unknown): unknown {
  const reply = replySchema.safeParse(raw);
  if (!reply.success) {
    throw new MessageError('invalid-response', `No valid reply to "${name}".`);
  }
  if (!reply.data.ok) throw new MessageError(reply.data.error.code, reply.data.error.message);
  const data = response.safeParse(reply.data.data);
  if (!data.success) throw new MessageError('invalid-response', `Malformed reply to "${name}".`);
  return data.data;
}
