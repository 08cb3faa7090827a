/**
 * The sending side: wraps a request in the envelope, sends it to the
 * background and validates the reply against the protocol before the caller
 * sees it. Errors from the receiver arrive as `MessageError`.
 */
import { browser } from 'wxt/browser';
import type { MessageName, RequestOf, ResponseOf } from './protocol';
import { MessageError, protocol, replySchema } from './protocol';

export function buildEnvelope<Name extends MessageName>(name: Name, payload: RequestOf<Name>) {
  return { oa: 1 as const, name, payload };
}

export function readReply<Name extends MessageName>(name: Name, raw: unknown): ResponseOf<Name> {
  const reply = replySchema.safeParse(raw);
  if (!reply.success) {
    throw new MessageError('invalid-response', `No valid reply to "${name}".`);
  }
  if (!reply.data.ok) throw new MessageError(reply.data.error.code, reply.data.error.message);
  const data = protocol[name].response.safeParse(reply.data.data);
  if (!data.success) throw new MessageError('invalid-response', `Malformed reply to "${name}".`);
  return data.data as ResponseOf<Name>;
}

export async function sendMessage<Name extends MessageName>(
  name: Name,
  payload: RequestOf<Name>,
): Promise<ResponseOf<Name>> {
  const raw: unknown = await browser.runtime.sendMessage(buildEnvelope(name, payload));
  return readReply(name, raw);
}
