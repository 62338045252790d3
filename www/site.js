// The demo page: the widget with a sample report, checked on load. Page styles are a
// constructable stylesheet too, so the page needs no inline style under its CSP.

import './widget.js';
import { SAMPLE, SAMPLE_WITH_ERRORS } from './sample.js';

const PAGE_CSS = `
html { background: #eef1f5; }
body {
  margin: 0; color: #1f2329;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, sans-serif;
  font-size: 15px; line-height: 1.6;
}
.masthead { background: #1d4e89; color: #fff; border-bottom: 4px solid #b8232f; }
.masthead .inner, main, footer .inner { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
.masthead .inner { padding-top: 18px; padding-bottom: 16px; }
.masthead h1 { margin: 0; font-size: 24px; font-weight: 600; letter-spacing: .04em; }
.masthead p { margin: 4px 0 0; color: #d6e2f1; font-size: 14px; }
main { padding-top: 18px; padding-bottom: 28px; }
.intro { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 16px; margin: 0 0 14px; }
.intro p { margin: 0; flex: 1 1 420px; color: #3d4550; font-size: 14px; }
.samples { display: flex; gap: 8px; flex-wrap: wrap; }
.samples button, .samples a {
  font: inherit; font-size: 14px; padding: 5px 12px; border: 1px solid #b7c2d0; border-radius: 3px;
  background: #fff; color: #1d4e89; cursor: pointer; text-decoration: none;
}
.samples button:hover, .samples a:hover { border-color: #1d4e89; }
.samples :focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
.card { background: #fff; border: 1px solid #d5dbe3; border-radius: 4px; padding: 20px; }
@media (max-width: 600px) {
  .masthead .inner, main, footer .inner { padding-left: 10px; padding-right: 10px; }
  .masthead h1 { font-size: 20px; }
  .card { padding: 10px; }
}
footer { color: #5b6470; font-size: 13px; padding: 0 0 28px; }
footer p { margin: 4px 0; }
@media print {
  html, body { background: #fff; color: #000; }
  .masthead { background: #fff; color: #000; border-bottom: 2px solid #000; }
  .masthead p { color: #000; }
  .intro, footer { display: none; }
  .card { border: none; padding: 0; }
}
`;

const sheet = new CSSStyleSheet();
sheet.replaceSync(PAGE_CSS);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

const validator = document.querySelector('nianbao-validator');

function load(text) {
  validator.value = text;
  return validator.check(text);
}

document.getElementById('sample-ok').addEventListener('click', () => load(SAMPLE));
document.getElementById('sample-bad').addEventListener('click', () => load(SAMPLE_WITH_ERRORS));

// Checked on load, so a visitor sees a result straight away.
load(SAMPLE).catch(() => {});
