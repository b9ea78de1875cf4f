// WCAG 2 contrast between two colours, and the nearest colour that reaches a given ratio.
// Portable and dependency-free: the branding editor warns with it as a person types, and the
// storefront's theme decides with the same numbers when it renders.

// AA asks 4.5:1 for body text, 3:1 for large text (24px, or 18.7px bold) and UI parts.
export const AA_BODY = 4.5;
export const AA_LARGE = 3;

const HEX6 = /^#[0-9a-fA-F]{6}$/;

export function isHexColor(value: string): boolean {
  return HEX6.test(value);
}

function channels(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: number[]): string =>
  '#' + rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');

// Relative luminance as WCAG defines it, from 0 (black) to 1 (white).
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

// From 1 (same luminance) to 21 (black on white); the order of the two does not matter.
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// The ratio as people read it in WCAG tools: truncated, not rounded, to two decimals, so a
// pair shown as 4.50 really passes.
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

type Hsl = { h: number; s: number; l: number };

function toHsl(hex: string): Hsl {
  const [r, g, b] = channels(hex).map((v) => v / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return { h: 0, s: 0, l };

  const s = d / (1 - Math.abs(2 * l - 1));
  let h: number;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return { h: (h * 60 + 360) % 360, s, l };
}

function fromHsl({ h, s, l }: Hsl): string {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] =
    h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] :
    h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return toHex([r, g, b].map((v) => Math.min(255, Math.max(0, (v + m) * 255))));
}

// The lightness nearest to `from`, moving one way only, at which `color` at that lightness
// reaches `min` against `against`. Luminance grows with HSL lightness for a fixed hue and
// saturation, so a bisection finds it; null when even black or white falls short.
function searchLightness(hsl: Hsl, against: string, min: number, up: boolean): string | null {
  const end = up ? 1 : 0;
  const passes = (l: number) => contrastRatio(fromHsl({ ...hsl, l }), against) >= min;
  if (!passes(end)) return null;

  let near = hsl.l;
  let far = end;
  for (let i = 0; i < 24; i++) {
    const mid = (near + far) / 2;
    if (passes(mid)) far = mid;
    else near = mid;
  }
  // Rounding to whole channel values can land a hair short of the ratio; step on until the
  // hex itself passes.
  let l = far;
  let hex = fromHsl({ ...hsl, l });
  while (contrastRatio(hex, against) < min && l !== end) {
    l = up ? Math.min(1, l + 1 / 510) : Math.max(0, l - 1 / 510);
    hex = fromHsl({ ...hsl, l });
  }
  return contrastRatio(hex, against) >= min ? hex : null;
}

// The colour of the same hue and saturation as `color` with the smallest change of lightness
// that reaches `min` against `against`; `color` itself when it already does. Null only when
// no lightness of that hue can (impossible for 4.5:1 and below, which black or white meet).
export function nearestPassing(color: string, against: string, min = AA_BODY): string | null {
  if (contrastRatio(color, against) >= min) return color.toLowerCase();

  const hsl = toHsl(color);
  const candidates = [
    searchLightness(hsl, against, min, true),
    searchLightness(hsl, against, min, false),
  ];
  return closest(color, candidates);
}

function closest(color: string, candidates: (string | null)[]): string | null {
  const from = toHsl(color).l;
  const distance = (hex: string) => Math.abs(toHsl(hex).l - from);
  const found = candidates.filter((c): c is string => c !== null);
  return found.sort((a, b) => distance(a) - distance(b))[0] ?? null;
}

export type ContrastField = 'primaryColor' | 'backgroundColor' | 'textColor';

export type ContrastIssue = {
  // Stable per check, for keys and tests.
  check: 'text' | 'on-primary' | 'link';
  message: string;
  ratio: number;
  required: number;
  // The one-click fix: set this field to this colour.
  fix: { field: ContrastField; value: string } | null;
};

export type ContrastInput = {
  primaryColor: string;
  backgroundColor: string;
  textColor: string;
};

// The text the storefront puts on its primary colour (hero, buttons): white or near-black,
// whichever reads better. theme.ts uses the same rule.
export const ON_PRIMARY_LIGHT = '#ffffff';
export const ON_PRIMARY_DARK = '#111418';

export function onPrimaryText(primary: string): string {
  return contrastRatio(ON_PRIMARY_LIGHT, primary) >= contrastRatio(ON_PRIMARY_DARK, primary)
    ? ON_PRIMARY_LIGHT
    : ON_PRIMARY_DARK;
}

// The pairs of a branding's colours that the storefront draws text with, checked against AA
// for body text. Invalid colours are left to the form's own validation.
export function brandingContrastIssues(b: ContrastInput): ContrastIssue[] {
  const { primaryColor: primary, backgroundColor: bg, textColor: text } = b;
  if (![primary, bg, text].every(isHexColor)) return [];
  const issues: ContrastIssue[] = [];

  const textRatio = contrastRatio(text, bg);
  if (textRatio < AA_BODY) {
    const value = nearestPassing(text, bg);
    issues.push({
      check: 'text',
      message: `Text on the background is ${formatRatio(textRatio)}; AA needs 4.5:1 ` +
        'for body text. The storefront will use its default text colour instead.',
      ratio: textRatio,
      required: AA_BODY,
      fix: value ? { field: 'textColor', value } : null,
    });
  }

  // The hero text and the buttons sit on the primary colour.
  const on = onPrimaryText(primary);
  const onRatio = contrastRatio(on, primary);
  if (onRatio < AA_BODY) {
    // Either text colour may win after the change; take the smaller change.
    const value = closest(primary, [
      nearestPassing(primary, ON_PRIMARY_LIGHT),
      nearestPassing(primary, ON_PRIMARY_DARK),
    ]);
    issues.push({
      check: 'on-primary',
      message: `${on === ON_PRIMARY_LIGHT ? 'White' : 'Dark'} text on the primary colour ` +
        `is ${formatRatio(onRatio)}; the hero and buttons need 4.5:1.`,
      ratio: onRatio,
      required: AA_BODY,
      fix: value ? { field: 'primaryColor', value } : null,
    });
  }

  // Links and highlights are drawn in the primary colour on the page background.
  const linkRatio = contrastRatio(primary, bg);
  if (linkRatio < AA_BODY) {
    const value = nearestPassing(primary, bg);
    issues.push({
      check: 'link',
      message: `Links in the primary colour on the background are ${formatRatio(linkRatio)}; ` +
        'the storefront will blend them toward the text colour to stay readable.',
      ratio: linkRatio,
      required: AA_BODY,
      fix: value ? { field: 'primaryColor', value } : null,
    });
  }
  return issues;
}
