/**
 * The overlay panel registry, rendered in this order below each post's
 * summary (the contract is in lib/content/overlay-contract.ts). The content
 * script gets it from entrypoints/facebook.content.ts, so lib/ never
 * imports a component.
 *
 * Add a panel: write `components/overlay/panels/<id>.tsx` and list it here.
 * Its strings go in `locales/<en|de>/overlay-<id>.json` (only `overlay*`
 * namespaces are bundled into the content script, see
 * lib/content/overlay-strings.ts); use them with `useTranslation('overlay-<id>')`
 * from components/overlay/overlay-i18n.tsx (not react-i18next, which the
 * content script does not carry). Reach the rest of the extension only
 * through the `actions` prop.
 */
import type { OverlayPanel } from '../../../lib/content/overlay-contract';
import { CaseNotePanel } from './case-note';
import { SuggestionsPanel, SuggestionsSummary } from './suggestions';

export const OVERLAY_PANELS: readonly OverlayPanel[] = [
  { id: 'suggestions', component: SuggestionsPanel, summary: SuggestionsSummary },
  { id: 'case-note', component: CaseNotePanel },
];
