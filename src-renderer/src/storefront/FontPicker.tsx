// The storefront font: a bundled family (its files travel inside the storefront, so it looks
// the same offline), a system stack, or any stack typed by hand.
import { Select, Stack, TextInput } from '@mantine/core';
import { BUNDLED_FONTS, SYSTEM_STACKS } from '../../../src-shared/fonts';

const CUSTOM = 'custom';

const GROUPS = [
  {
    group: 'Bundled (works offline)',
    items: BUNDLED_FONTS.map((f) => ({
      value: f.stack,
      label: f.script === 'Latin' ? f.family : `${f.family} (${f.script})`,
    })),
  },
  { group: 'System', items: SYSTEM_STACKS.map((s) => ({ value: s.stack, label: s.label })) },
  { group: 'Other', items: [{ value: CUSTOM, label: 'Custom stack…' }] },
];

const KNOWN = new Set([...BUNDLED_FONTS.map((f) => f.stack), ...SYSTEM_STACKS.map((s) => s.stack)]);

export function FontPicker({ value, onChange }: { value: string; onChange(v: string): void }) {
  const known = KNOWN.has(value);
  return (
    <Stack gap={6}>
      <Select label="Font" data={GROUPS} value={known ? value : CUSTOM} allowDeselect={false}
        onChange={(v) => v && v !== CUSTOM && onChange(v)}
        comboboxProps={{ withinPortal: true }} data-testid="branding-font-picker" />
      <TextInput aria-label="Font stack" size="xs" value={value} maxLength={200}
        description={known ? undefined : 'Families the visitor\'s machine may not have fall ' +
          'back to the next one in the list.'}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        onChange={(e) => onChange(e.currentTarget.value)} data-testid="branding-font" />
    </Stack>
  );
}
