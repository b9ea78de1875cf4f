// The part of WSO2's Developer Portal theme (defaultTheme.json, merged by the portal over its
// built-in defaultTheme.js) that has a counterpart in a Marquee branding. Everything else a
// theme may set stays unread, and is reported as not used.
import { z } from 'zod';

const Str = z.string();

// Unknown keys are dropped by zod's default object parsing; unusedSettings() lists them.
export const ThemeJson = z.object({
  direction: z.enum(['ltr', 'rtl']).optional(),
  palette: z
    .object({
      // Material UI 4 calls the scheme `type`, Material UI 5 `mode`.
      type: z.enum(['light', 'dark']).optional(),
      mode: z.enum(['light', 'dark']).optional(),
      primary: z.object({ main: Str.optional() }).optional(),
      secondary: z.object({ main: Str.optional() }).optional(),
      background: z.object({ default: Str.optional(), paper: Str.optional() }).optional(),
      text: z.object({ primary: Str.optional() }).optional(),
    })
    .optional(),
  typography: z.object({ fontFamily: Str.optional() }).optional(),
  custom: z
    .object({
      tenantCustomCss: Str.optional(),
      appBar: z.object({ logo: Str.optional() }).optional(),
      landingPage: z
        .object({
          active: z.boolean().optional(),
          carousel: z
            .object({
              active: z.boolean().optional(),
              slides: z
                .array(z.object({ title: Str.optional(), content: Str.optional() }))
                .optional(),
            })
            .optional(),
        })
        .optional(),
      footer: z.object({ active: z.boolean().optional(), text: Str.optional() }).optional(),
    })
    .optional(),
});
export type ThemeJson = z.infer<typeof ThemeJson>;

// Paths of settings that are read (or that only switch on what is read).
const READ = new Set([
  'direction',
  'palette.type', 'palette.mode', 'palette.primary.main', 'palette.secondary.main',
  'palette.background.default', 'palette.background.paper', 'palette.text.primary',
  'typography.fontFamily',
  'custom.tenantCustomCss', 'custom.appBar.logo',
  'custom.landingPage.active', 'custom.landingPage.carousel.active',
  'custom.landingPage.carousel.slides.title', 'custom.landingPage.carousel.slides.content',
  'custom.footer.active', 'custom.footer.text',
  // The switches an export sets so WSO2's sample content stays hidden.
  'custom.landingPage.listByTag.active', 'custom.landingPage.parallax.active',
  'custom.landingPage.contact.active',
]);

function leaves(value: unknown, prefix: string, out: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) leaves(item, prefix, out);
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      leaves(child, prefix ? `${prefix}.${key}` : key, out);
    }
    return;
  }
  out.push(prefix);
}

// The settings a theme sets that have no counterpart here, grouped two levels deep so a full
// copy of WSO2's defaults gives a short list rather than hundreds of lines.
export function unusedSettings(json: unknown): string[] {
  const all: string[] = [];
  leaves(json, '', all);
  const groups = new Map<string, number>();
  for (const path of all) {
    if (READ.has(path)) continue;
    const group = path.split('.').slice(0, 2).join('.');
    groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  return [...groups].map(([group, n]) => (n === 1 ? group : `${group} (${n} settings)`));
}
