// DOM building without HTML strings: every piece of report text goes in as a text node, so
// markup in a report is shown as text, never parsed.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(node, attrs, children) {
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'text') node.textContent = String(value);
      else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

/** Appends children: nodes, strings (as text), arrays; skips null/undefined/false. */
export function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (typeof child === 'string' || typeof child === 'number') node.appendChild(document.createTextNode(String(child)));
    else node.appendChild(child);
  }
  return node;
}

/** An HTML element: `h('td', { class: 'v', 'data-cell': id }, '12')`. */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** Text only a screen reader reads. */
export function srOnly(text) {
  return h('span', { class: 'sr-only' }, text);
}

/** A figure as the report writes it: `8`, `81123.958785`; `—` for null. */
export function figure(value) {
  if (value === null || value === undefined) return '—';
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(6)));
}

export function percent(rate) {
  if (rate === null || rate === undefined) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}
