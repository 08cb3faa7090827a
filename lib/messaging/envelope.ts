/**
 * What every message shares (docs/ARCHITECTURE.md#message-protocol): the
 * envelope, the reply, the error a sender sees, and how a message is defined.
 * Kept apart from the message tables so the content script's bundle holds
 * only the schemas of the messages it sends (lib/messaging/content-protocol.ts).
 */
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema';

/** Who may send a message: a content script in a tab, or an extension page. */
export type SenderKind = 'content-script' | 'extension-page';

export interface MessageDefinition<Request extends z.ZodMiniType, Response extends z.ZodMiniType> {
  request: Request;
  response: Response;
  senders: readonly SenderKind[];
}

export function defineMessage<Request extends z.ZodMiniType, Response extends z.ZodMiniType>(
  definition: MessageDefinition<Request, Response>,
): MessageDefinition<Request, Response> {
  return definition;
}

/** A request as it travels: the protocol marker, the message's name and its payload. */
export function buildEnvelope(name: string, payload: unknown) {
  return { oa: 1 as const, name, payload };
}

/** The envelope every message travels in. */
export const envelopeSchema = lazySchema(() =>
  z.object({
    oa: z.literal(1),
    name: z.string().check(z.maxLength(100)),
    payload: z.unknown(),
  }),
);
export type Envelope = z.infer<typeof envelopeSchema>;

export function isEnvelope(value: unknown): value is Envelope {
  return envelopeSchema.safeParse(value).success;
}

export const ERROR_CODES = [
  'unknown-message',
  'invalid-payload',
  'forbidden-sender',
  'handler-failed',
  'invalid-response',
] as const;
export type MessageErrorCode = (typeof ERROR_CODES)[number];

export const replySchema = lazySchema(() =>
  z.union([
    z.object({ ok: z.literal(true), data: z.unknown() }),
    z.object({
      ok: z.literal(false),
      error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
    }),
  ]),
);
export type Reply = z.infer<typeof replySchema>;

/** A failed message, thrown on the sending side with the receiver's reason. */
export class MessageError extends Error {
  constructor(
    readonly code: MessageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Formats the first schema problem as `path: message` for error replies. */
export function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  return `${path}: ${issue.message}`;
}
