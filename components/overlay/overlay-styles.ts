/**
 * The overlay's styles, scoped by its shadow root so neither Facebook's CSS
 * nor ours leaks across. One constructed stylesheet is shared by every
 * overlay on the page.
 */
import { SUGGESTIONS_CSS } from './panels/suggestions-styles';

export const OVERLAY_CSS = `
:host { all: initial; display: block; margin: 4px 16px 8px; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1c1e21; contain: content; }
* { box-sizing: border-box; }
.bar { display: inline-flex; align-items: center; gap: 6px; border: 1px solid #c9ccd1; background: #f7f8fa; color: #1c1e21; border-radius: 999px; padding: 2px 10px 2px 6px; font: inherit; cursor: pointer; max-width: 100%; }
.bar:hover { background: #eef1f5; }
.bar:focus-visible, button:focus-visible, textarea:focus-visible { outline: 2px solid #1b5e9b; outline-offset: 2px; }
.logo { display: inline-grid; place-items: center; width: 18px; height: 18px; border-radius: 50%; background: #1b5e9b; color: #fff; font-size: 10px; font-weight: 700; }
.lang { font-weight: 700; text-transform: uppercase; letter-spacing: .04em; }
.chip { border-radius: 999px; padding: 0 6px; background: #e7f0fa; color: #174e82; font-size: 12px; }
.chip.question { background: #fff1d6; color: #7a4b00; }
.chevron { color: #65676b; }
.panel { margin-top: 6px; border: 1px solid #dadde1; border-radius: 8px; background: #fff; padding: 8px 10px; display: grid; gap: 8px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.facts dt { color: #65676b; }
.facts dd { margin: 0; }
.note { margin: 0; color: #65676b; }
section { border-top: 1px solid #eceef1; padding-top: 8px; }
h2 { font-size: 13px; margin: 0 0 6px; }
label { display: block; color: #65676b; margin-bottom: 2px; }
textarea { width: 100%; min-height: 64px; resize: vertical; font: inherit; padding: 6px; border: 1px solid #c9ccd1; border-radius: 6px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
button.action { font: inherit; border: 1px solid #1b5e9b; border-radius: 6px; padding: 3px 10px; background: #1b5e9b; color: #fff; cursor: pointer; }
button.action.secondary { background: #fff; color: #1b5e9b; }
.status { margin: 4px 0 0; }
.status.warning { color: #8a4b00; }
${SUGGESTIONS_CSS}`;

let shared: CSSStyleSheet | undefined;

/** Styles a shadow root, sharing one stylesheet where the browser allows it. */
export function applyOverlayStyles(shadow: ShadowRoot): void {
  try {
    shared ??= (() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(OVERLAY_CSS);
      return sheet;
    })();
    shadow.adoptedStyleSheets = [shared];
  } catch {
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    shadow.append(style);
  }
}
