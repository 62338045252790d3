// JSON with every object's keys sorted, on one line: the bytes `nianbao check --format json`
// prints (serde_json), so results from the CLI, Node and the browser compare byte for byte.

const SAFE = 2 ** 53;

/**
 * A number as serde_json writes the engine's figures: whole numbers below 2^53 as integers
 * (the engine serialises those as i64), anything else as a float in serde_json's notation
 * (shortest round-trip digits; `0.00001` but `1e-6`; `1e+16`; `2.0` style for whole floats).
 */
export function formatNumber(value) {
  if (!Number.isFinite(value)) return 'null';
  if (Number.isInteger(value) && Math.abs(value) < SAFE) return String(value === 0 ? 0 : value);
  const sign = value < 0 ? '-' : '';
  const text = String(Math.abs(value)); // shortest round-trip digits
  let digits;
  let exponent; // value = 0.digits × 10^exponent … written as digits with kk = exponent
  const e = text.indexOf('e');
  if (e >= 0) {
    const mantissa = text.slice(0, e);
    const power = Number(text.slice(e + 1));
    const dot = mantissa.indexOf('.');
    digits = mantissa.replace('.', '');
    exponent = power + (dot >= 0 ? dot : mantissa.length);
  } else {
    const dot = text.indexOf('.');
    const intPart = dot >= 0 ? text.slice(0, dot) : text;
    const frac = dot >= 0 ? text.slice(dot + 1) : '';
    let all = intPart + frac;
    let kk = intPart.length;
    const lead = all.match(/^0*/)[0].length;
    all = all.slice(lead);
    kk -= lead;
    digits = all;
    exponent = kk;
  }
  digits = digits.replace(/0+$/, '') || '0';
  const length = digits.length;
  const kk = exponent; // 10^(kk-1) <= value < 10^kk
  const k = kk - length;
  if (k >= 0 && kk <= 16) return `${sign}${digits}${'0'.repeat(k)}.0`;
  if (kk > 0 && kk <= 16) return `${sign}${digits.slice(0, kk)}.${digits.slice(kk)}`;
  if (kk > -5 && kk <= 0) return `${sign}0.${'0'.repeat(-kk)}${digits}`;
  const exp = kk - 1;
  const mantissa = length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
  return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

function byCodePoint(a, b) {
  // UTF-8 byte order = code point order, which UTF-16 `<` gets wrong past the BMP.
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/** `value` as one line of JSON with sorted keys (the CLI's `--format json`). */
export function toSortedJson(value) {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'number':
      return formatNumber(value);
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : toSortedJson(v))).join(',')}]`;
      const keys = Object.keys(value)
        .filter((key) => value[key] !== undefined && typeof value[key] !== 'function')
        .sort(byCodePoint);
      return `{${keys.map((key) => `${JSON.stringify(key)}:${toSortedJson(value[key])}`).join(',')}}`;
    }
    default:
      return 'null';
  }
}
