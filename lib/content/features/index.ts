/**
 * The registry of content features, started in this order for each page
 * session. Add a feature by creating `lib/content/features/<id>.ts` that
 * exports a `ContentFeature` and listing it here. Features on the page only
 * observe: whatever the advisor does is logged by the workspace.
 */
import { logPostsSeen } from './log-posts-seen';
import type { ContentFeature } from './types';

export const CONTENT_FEATURES: readonly ContentFeature[] = [logPostsSeen];

export type { ContentFeature, ContentFeatureContext, PostSnapshot } from './types';
export type { PostEventMap, PostEventName, PostEvents } from './events';
