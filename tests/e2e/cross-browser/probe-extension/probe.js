/* global document */
// Positive control for "injects nothing" tests: loaded after the extension
// under test with the same run_at, so once this mark is there, a content
// script of the extension that matched this page would have run as well.
document.documentElement.setAttribute('data-oa-probe', 'ran');
