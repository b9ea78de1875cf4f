// HTML built from templates where every interpolated value is escaped unless it is already
// SafeHtml. Storefront pages carry names, descriptions and paths from OpenAPI files that
// anyone may have written, so escaping is the default and trusting is the exception.

export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | boolean | null | undefined | readonly Part[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

// Escapes for element text and quoted attribute values alike.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

function render(part: Part): string {
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  if (part === null || part === undefined || part === false) return '';
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

// Marks text as already safe. Only for markup this module produced itself (sanitised
// Markdown, generated CSS): never for anything read from a definition or a caller.
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
