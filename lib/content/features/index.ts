/**
 * The registry of content features, started in this order for each page
 * session. Add a feature by creating `lib/content/features/<id>.ts` that
 * exports a `ContentFeature` and listing it here.
 */
import { logOverlayActions } from './log-overlay-actions';
import { logPostsSeen } from './log-posts-seen';
import type { ContentFeature } from './types';

export const CONTENT_FEATURES: readonly ContentFeature[] = [logPostsSeen, logOverlayActions];

export type { ContentFeature, ContentFeatureContext, PostSnapshot } from './types';
export type { OverlayAction, PostEventMap, PostEventName, PostEvents } from './events';
