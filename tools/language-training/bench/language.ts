/**
 * The language benchmark's part that needs this folder's packages: the
 * held-out snippet sets (from the test half of the training corpus) and the
 * peer detectors. Loaded by bench/peers.ts (loadLanguageTools).
 */
import type { LanguageTools } from '../../../bench/peers';
import { loadComparators } from './comparators';
import { buildSnippetSets } from './sets';

const tools: LanguageTools = { buildSnippetSets, loadComparators };
export default tools;
