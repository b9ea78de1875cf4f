// The storefront's colours and type from a tenant's branding: the stored branding with the
// editor's unsaved draft laid over it, turned into CSS custom properties the stylesheet
// reads. Values are checked again here because a page is the last place they pass.
import type { Branding, BrandingPatch } from '../../../src-shared/model.js';
import {
  contrastRatio as contrast,
  luminance,
  onPrimaryText,
} from '../../../src-shared/contrast.js';
import { SYSTEM_FONT } from '../workspace/branding.js';

const HEX = /^#[0-9a-fA-F]{6}$/;

const PATCHABLE = [
  'primaryColor', 'accentColor', 'backgroundColor', 'textColor', 'heroTitle', 'heroText',
  'footerText', 'footerLinks', 'theme', 'direction', 'fontFamily', 'customCss',
] as const;

export function resolveBranding(stored: Branding, draft?: BrandingPatch): Branding {
  const merged: Branding = { ...stored };
  if (!draft) return merged;
  for (const key of PATCHABLE) {
    const value = draft[key];
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  return merged;
}

const color = (value: string, fallback: string): string => (HEX.test(value) ? value : fallback);

const GENERIC_FONTS = new Set([
  'serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'ui-sans-serif',
  'ui-serif', 'ui-monospace', 'ui-rounded', '-apple-system', 'blinkmacsystemfont',
]);

// A font stack rebuilt from its names alone, so nothing but family names reaches the CSS.
export function fontStack(input: string): string {
  const families = input
    .split(',')
    .map((f) => f.replace(/[^A-Za-z0-9 _-]/g, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .slice(0, 12)
    .map((f) => (GENERIC_FONTS.has(f.toLowerCase()) || !f.includes(' ') ? f : `"${f}"`));
  return families.length > 0 ? `${families.join(', ')}, ${SYSTEM_FONT}` : SYSTEM_FONT;
}

export type Palette = {
  scheme: 'light' | 'dark';
  background: string;
  text: string;
  primary: string;
  onPrimary: string;
  accent: string;
  link: string;
};

// The branding's background and text are used when they suit the chosen theme; a tenant that
// switches to dark without picking dark colours still gets a readable dark storefront.
export function palette(b: Branding): Palette {
  const scheme = b.theme === 'dark' ? 'dark' : 'light';
  const fallbackBg = scheme === 'dark' ? '#0f1319' : '#ffffff';
  const fallbackText = scheme === 'dark' ? '#e7eaf0' : '#1b1f24';

  let background = color(b.backgroundColor, fallbackBg);
  const bgFits = scheme === 'dark' ? luminance(background) < 0.2 : luminance(background) > 0.4;
  if (!bgFits) background = fallbackBg;

  let text = color(b.textColor, fallbackText);
  if (contrast(text, background) < 4.5) text = fallbackText;

  const primary = color(b.primaryColor, '#2f5bd3');
  const onPrimary = onPrimaryText(primary);
  // Text in the brand colour must stay readable: a dark blue on a dark page is lifted
  // toward the text colour until it is.
  const link = contrast(primary, background) >= 4.5
    ? primary
    : `color-mix(in srgb, ${primary} 55%, ${text})`;

  return {
    scheme,
    background,
    text,
    primary,
    onPrimary,
    accent: color(b.accentColor, '#f08c00'),
    link,
  };
}

export function themeCss(b: Branding): string {
  const p = palette(b);
  const mixWith = p.scheme === 'dark' ? '#ffffff' : '#000000';
  return [
    `:root {`,
    `  color-scheme: ${p.scheme};`,
    `  --sf-bg: ${p.background};`,
    `  --sf-text: ${p.text};`,
    `  --sf-primary: ${p.primary};`,
    `  --sf-on-primary: ${p.onPrimary};`,
    `  --sf-accent: ${p.accent};`,
    `  --sf-link: ${p.link};`,
    `  --sf-font: ${fontStack(b.fontFamily)};`,
    `  --sf-surface: color-mix(in srgb, ${p.background} ${p.scheme === 'dark' ? 94 : 97}%,` +
      ` ${mixWith});`,
    `  --sf-border: color-mix(in srgb, ${p.text} ${p.scheme === 'dark' ? 16 : 12}%,` +
      ` ${p.background});`,
    `  --sf-muted: color-mix(in srgb, ${p.text} 68%, ${p.background});`,
    `  --sf-tint: color-mix(in srgb, ${p.primary} ${p.scheme === 'dark' ? 22 : 10}%,` +
      ` ${p.background});`,
    `  --sf-shadow: ${p.scheme === 'dark' ? '0 1px 2px #0008, 0 8px 24px #0006' :
      '0 1px 2px #1b1f2414, 0 8px 24px #1b1f2412'};`,
    `}`,
  ].join('\n');
}
