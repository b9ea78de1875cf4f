// The fonts a storefront can use without fetching anything: a few open-licensed families
// shipped in resources/fonts/ (inlined into the pages of the tenant that picks one), and
// system stacks that every machine has. Portable: the editor lists them, the core embeds them.

export type BundledFont = {
  // The CSS family name; a branding whose font stack starts with it gets the files inlined.
  family: string;
  stack: string;
  // Files in resources/fonts/, each with the characters it covers (as in its source package).
  files: { file: string; unicodeRange: string }[];
  weights: string;
  // The script it is drawn for, shown in the picker.
  script: 'Latin' | 'Arabic';
};

const LATIN_RANGE =
  'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,' +
  'U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';

const ARABIC_RANGE =
  'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,' +
  'U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC';

export const BUNDLED_FONTS: readonly BundledFont[] = [
  {
    family: 'Inter',
    stack: '"Inter", "Helvetica Neue", Arial, sans-serif',
    files: [{ file: 'inter-latin-wght-normal.woff2', unicodeRange: LATIN_RANGE }],
    weights: '100 900',
    script: 'Latin',
  },
  {
    family: 'IBM Plex Sans',
    stack: '"IBM Plex Sans", "Segoe UI", sans-serif',
    files: [{ file: 'ibm-plex-sans-latin-wght-normal.woff2', unicodeRange: LATIN_RANGE }],
    weights: '100 700',
    script: 'Latin',
  },
  {
    family: 'Space Grotesk',
    stack: '"Space Grotesk", "Segoe UI", system-ui, sans-serif',
    files: [{ file: 'space-grotesk-latin-wght-normal.woff2', unicodeRange: LATIN_RANGE }],
    weights: '300 700',
    script: 'Latin',
  },
  {
    family: 'Noto Sans Arabic',
    stack: '"Noto Sans Arabic", Tahoma, system-ui, sans-serif',
    files: [
      { file: 'noto-sans-arabic-arabic-wght-normal.woff2', unicodeRange: ARABIC_RANGE },
      { file: 'noto-sans-arabic-latin-wght-normal.woff2', unicodeRange: LATIN_RANGE },
    ],
    weights: '100 900',
    script: 'Arabic',
  },
];

export const SYSTEM_STACKS: readonly { label: string; stack: string }[] = [
  { label: 'System UI', stack: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  { label: 'Humanist', stack: '"Segoe UI", "Gill Sans", Candara, "Noto Sans", sans-serif' },
  { label: 'Serif', stack: 'Georgia, "Iowan Old Style", "Times New Roman", serif' },
  { label: 'Monospace', stack: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
];

// The bundled font a font stack asks for first, if any: only the first family decides, so a
// stack that merely falls back to Inter does not carry Inter's files.
export function bundledFontOf(stack: string): BundledFont | null {
  const first = stack.split(',')[0]?.replace(/["']/g, '').trim().toLowerCase() ?? '';
  return BUNDLED_FONTS.find((f) => f.family.toLowerCase() === first) ?? null;
}
