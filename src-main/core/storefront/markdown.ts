// API descriptions are Markdown written by whoever wrote the definition. They are rendered
// with marked and then sanitised: the storefront shows them but never lets them act.
// Links are shown as text (with the address beside them) rather than followed: the
// preview must not navigate its frame to a remote site, and the static site stays free of
// references to hosts the tenant did not choose.
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { escapeHtml, trusted, type SafeHtml } from './html.js';

const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]+$/i;

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    link(this: { parser: { parseInline(t: Tokens.Link['tokens']): string } }, token: Tokens.Link) {
      const label = this.parser.parseInline(token.tokens);
      const address = /^https?:\/\//i.test(token.href) ? token.href : '';
      const shown = address && address !== token.text ? ` <span class="sf-md-url">` +
        `${escapeHtml(address.replace(/^https?:\/\//i, ''))}</span>` : '';
      return `<span class="sf-md-link">${label}</span>${shown}`;
    },
    image(token: Tokens.Image) {
      if (DATA_IMAGE.test(token.href)) {
        return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}">`;
      }
      return token.text ? `<span class="sf-md-image">${escapeHtml(token.text)}</span>` : '';
    },
  },
});

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'em',
    'strong', 'del', 's', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
    'span', 'img', 'kbd', 'sup', 'sub', 'dl', 'dt', 'dd', 'input',
  ],
  allowedAttributes: {
    span: ['class'],
    img: ['src', 'alt'],
    th: ['align'],
    td: ['align'],
    ol: ['start'],
    // GFM task list boxes, shown but never editable.
    input: ['type', 'checked', 'disabled'],
  },
  allowedSchemes: [],
  allowedSchemesByTag: { img: ['data'] },
  allowedClasses: { span: ['sf-md-link', 'sf-md-url', 'sf-md-image'] },
  // Raw <a> in the Markdown loses its address the same way Markdown links do.
  transformTags: {
    a: () => ({ tagName: 'span', attribs: { class: 'sf-md-link' } }),
    input: (_tag, attribs) => ({
      tagName: 'input',
      attribs: attribs.type === 'checkbox'
        ? { type: 'checkbox', disabled: '', ...(attribs.checked !== undefined && { checked: '' }) }
        : {},
    }),
  },
  // An image without a data: source would fetch from somewhere: drop it whole.
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !DATA_IMAGE.test(frame.attribs.src ?? '')) ||
    (frame.tag === 'input' && frame.attribs.type !== 'checkbox'),
  disallowedTagsMode: 'discard',
};

export function renderMarkdown(markdown: string): SafeHtml {
  const rendered = marked.parse(markdown) as string;
  return trusted(sanitizeHtml(rendered, SANITIZE));
}

const ENTITY = /&(amp|lt|gt|quot|#39|#x?[0-9a-f]+);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string) => {
    const key = name.toLowerCase();
    if (key in NAMED) return NAMED[key];
    const code = key.startsWith('#x') ? parseInt(key.slice(2), 16) : parseInt(key.slice(1), 10);
    const valid = Number.isFinite(code) && code > 0 && code < 0x110000;
    return valid ? String.fromCodePoint(code) : whole;
  });
}

// Plain text of the start of a Markdown description, for cards. The result is text, not
// markup: templates escape it like any other value.
export function markdownExcerpt(markdown: string, maxLength = 180): string {
  // The first block or two is all a card shows; parsing a whole long document is waste.
  const head = markdown.slice(0, maxLength * 6);
  const rendered = marked.parse(head) as string;
  const text = decodeEntities(
    sanitizeHtml(rendered.replace(/<\/(p|h\d|li|pre|blockquote|tr)>/gi, ' $&'), {
      allowedTags: [],
      allowedAttributes: {},
    }),
  )
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, '') +
    '…';
}
