/**
 * The shapes the log keeps in IndexedDB besides the events themselves
 * (declared in `lib/db/database.ts`). Kept here so the database file only
 * lists stores and versions.
 */
import type { DetectedLanguage } from '../domain/languages';
import type { Topic } from '../domain/topics';
import type { CaseOutcome, EscalationKind } from './events';

/** One post the advisor has seen, keyed by the adapter's post key. */
export interface PostRecord {
  postKey: string;
  groupId: string | null;
  groupName: string | null;
  language: DetectedLanguage | null;
  topic: Topic | null;
  isQuestion: boolean | null;
  authorHash: string | null;
  postedAt: number | null;
  firstSeenAt: number;
  lastSeenAt: number;
  /** Only when the advisor enabled storing post text. */
  postText?: string;
}

/** The current case documentation of a post (the latest `note-added`). */
export interface CaseNoteRecord {
  postKey: string;
  outcome: CaseOutcome;
  note: string;
  /** With outcome `referred`; absent in records from before the one documentation flow. */
  referredTo?: string | null;
  /** With outcome `escalated`; absent in records from before safe handover. */
  escalation?: EscalationKind | null;
  updatedAt: number;
  eventId: string;
  authorHash: string | null;
}

/** One advisor's export merged into this installation. */
export interface ImportRecord {
  /** The export's checksum: importing the same file again finds this record. */
  id: string;
  advisor: string;
  fileName: string;
  importedAt: number;
  exportedAt: string;
  from: number | null;
  to: number | null;
  eventCount: number;
  added: number;
  duplicates: number;
  /** How far the file could be believed when merged (absent: merged before signed exports). */
  verification?: 'verified' | 'unknown-signer' | 'unverified';
  /**
   * The merge stopped before the end of this file (the dashboard was closed
   * mid-import). `added` counts what it had stored; importing the file again
   * completes it, Remove takes those events out.
   */
  interrupted?: true;
}
