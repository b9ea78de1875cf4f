// A tenant's custom CSS comes from outside (a designer, a bundle from elsewhere), so it is
// cleaned before it goes into a page: nothing in it may load a resource, run script, or
// reach past the storefront root it is nested under.
//
// The scan below drops comments, escapes outside strings (CSS escapes can spell `url(` in
// ways a pattern would miss) and any `<` (so `</style` cannot end the element), and balances
// braces so the rules stay inside the wrapping `.sf-root { … }` block.

type Quoted = { quote: string; value: string };
type Scanned = { css: string; strings: Quoted[] };

// Strings are lifted out as numbered placeholders so the checks after the scan only ever
// see CSS syntax, never quoted text.
function scan(input: string): Scanned {
  const strings: Quoted[] = [];
  let css = '';
  let depth = 0;
  let i = 0;

  while (i < input.length) {
    const c = input[i];

    if (c === '/' && input[i + 1] === '*') {
      const end = input.indexOf('*/', i + 2);
      i = end === -1 ? input.length : end + 2;
      css += ' ';
      continue;
    }

    if (c === '"' || c === "'") {
      let value = '';
      i++;
      while (i < input.length && input[i] !== c && input[i] !== '\n') {
        if (input[i] === '\\' && i + 1 < input.length) {
          value += input[i] + input[i + 1];
          i += 2;
          continue;
        }
        value += input[i++];
      }
      i++;
      css += `\u0000${strings.length}\u0000`;
      strings.push({ quote: c, value: value.replace(/(^|[^\\])(\\\\)*\\$/, '$1$2') });
      continue;
    }

    if (c === '{') depth++;
    if (c === '}') {
      if (depth === 0) {
        i++;
        continue;
      }
      depth--;
    }
    if (c !== '\\' && c !== '<' && c !== '\u0000') css += c;
    i++;
  }

  return { css: css + '}'.repeat(depth), strings };
}

function isDataUrl(value: string): boolean {
  return /^\s*data:(image|font|application\/font)[/a-z0-9.+-]*[;,]/i.test(value);
}

// A quoted string is kept only if it cannot be a remote address; inside it a `<` is written
// as a CSS escape so the HTML parser never sees a tag.
function restoreString({ quote, value }: Quoted): string {
  if (/^\s*(https?:|\/\/|javascript:|vbscript:|file:|ftp:)/i.test(value)) return '""';
  if (/javascript:|expression\(/i.test(value)) return '""';
  return quote + value.replace(/</g, '\\3c ') + quote;
}

export function sanitizeCustomCss(input: string): string {
  const { css, strings } = scan(input);
  const str = (n: string): Quoted => strings[Number(n)] ?? { quote: '"', value: '' };

  const cleaned = css
    // @import (and its cousins that pull in other sheets) fetch from elsewhere.
    .replace(/@(import|namespace)\b[^;{}]*;?/gi, '')
    // url(…) is kept for data: only, whether its argument is quoted or not.
    .replace(/url\(\s*(?:\u0000(\d+)\u0000|([^)]*))\s*\)/gi, (_m, n?: string, bare?: string) => {
      const value = n !== undefined ? str(n).value : (bare ?? '');
      return isDataUrl(value) ? `url("${value.replace(/["\\\n<]/g, '')}")` : 'none';
    })
    // image-set(), image() and src() take plain strings as addresses.
    .replace(/(-webkit-)?(image-set|image|src|cross-fade)\s*\(/gi, 'none(')
    .replace(/expression\s*\(/gi, 'none(')
    .replace(/(behavior|-moz-binding)\s*:/gi, 'x-removed:')
    .replace(/javascript\s*:/gi, '')
    // Left-over addresses in unknown functions are inert, but leave no trace of them either.
    .replace(/\b(https?|ftp):\/\//gi, '');

  return cleaned.replace(/\u0000(\d+)\u0000/g, (_m, n: string) => restoreString(str(n)));
}
