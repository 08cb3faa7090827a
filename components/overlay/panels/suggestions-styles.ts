/** Styles of the suggestion panel, added to the overlay's shared stylesheet. */
export const SUGGESTIONS_CSS = `
.summary { display: inline-flex; gap: 4px; margin-left: 6px; vertical-align: middle; }
.chip.topic { background: #e6f4ea; color: #1e5631; }
.chip.count { background: #eef1f5; color: #1c1e21; }
.chip.warn { background: #fdecea; color: #8a1c12; }
h3.section-title { font-size: 13px; margin: 0 0 6px; }
.suggestion-list { list-style: none; margin: 6px 0 0; padding: 0; display: grid; gap: 6px; }
.suggestion { border: 1px solid #dadde1; border-radius: 6px; padding: 6px 8px; }
.suggestion-head { display: flex; gap: 6px; align-items: flex-start; justify-content: space-between; }
.suggestion-toggle { all: unset; cursor: pointer; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; flex: 1; }
.suggestion-toggle:focus-visible, input:focus-visible, button.link:focus-visible { outline: 2px solid #1b5e9b; outline-offset: 2px; }
.suggestion-title { font-weight: 600; margin-right: 4px; }
.suggestion-body { display: grid; gap: 6px; margin-top: 6px; }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
@container (max-width: 420px) { .side-by-side { grid-template-columns: 1fr; } }
.rendering { white-space: pre-wrap; background: #f7f8fa; border: 1px solid #eceef1; border-radius: 6px; padding: 6px; max-height: 220px; overflow: auto; }
.label { color: #65676b; margin: 0 0 2px; }
.review { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0; font-size: 12px; }
.review dt { color: #65676b; }
.review dd { margin: 0; }
.review dd.ok { color: #1e5631; }
.review dd.warn { color: #8a1c12; }
.placeholders { border: 1px dashed #c9ccd1; border-radius: 6px; padding: 4px 8px; margin: 0; display: flex; flex-wrap: wrap; gap: 6px 12px; }
.placeholder { display: grid; }
input[type="text"] { font: inherit; padding: 3px 6px; border: 1px solid #c9ccd1; border-radius: 6px; }
.warnings { border: 1px solid #e0a800; background: #fff8e1; border-radius: 6px; padding: 6px 8px; }
.warnings p, .warnings ul { margin: 0 0 4px; }
.warnings ul { padding-left: 18px; }
button.action.small { padding: 1px 8px; font-size: 12px; }
button.link { all: unset; cursor: pointer; color: #1b5e9b; text-decoration: underline; font-size: 12px; }
.case-actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 8px; }
label.inline { display: inline; margin: 0; }
`;
