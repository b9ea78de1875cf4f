// The branding editor: every edit goes to the draft at once; saving is a separate step.
import {
  Box, Button, ColorInput, FileButton, Group, SegmentedControl, SimpleGrid, Stack, Text,
  TextInput, Textarea, Title,
} from '@mantine/core';
import { Color, type Branding, type BrandingPatch } from '../../../src-shared/model';
import { UploadIcon } from '../lib/icons';
import { ContrastHint } from './ContrastHint';
import { FontPicker } from './FontPicker';
import { FooterLinksField } from './FooterLinksField';

export type Draft = Required<BrandingPatch>;

const COLOR_FIELDS: { key: keyof Draft; label: string }[] = [
  { key: 'primaryColor', label: 'Primary' },
  { key: 'accentColor', label: 'Accent' },
  { key: 'backgroundColor', label: 'Background' },
  { key: 'textColor', label: 'Text' },
];

export function colorError(value: string): string | null {
  const parsed = Color.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]?.message ?? 'invalid colour';
}

// Logos are wide and drawn for the storefront's own background: show them whole, on it.
function ImageSlot({ label, src, ground, onPick, onClear, testId }: {
  label: string; src: string | null; ground: string; onPick(file: File): void;
  onClear(): void; testId: string;
}) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Box w={56} h={36} p={3} style={{ background: ground, borderRadius: 6, flex: 'none',
        border: '1px solid var(--mantine-color-default-border)', display: 'flex',
        alignItems: 'center', justifyContent: 'center' }}>
        {src ? <img src={src} alt="" style={{ maxWidth: '100%', maxHeight: '100%',
          objectFit: 'contain' }} /> : <Text size="sm" c="dimmed">{label[0]}</Text>}
      </Box>
      <div style={{ flex: 1 }}>
        <Text size="sm" fw={500}>{label}</Text>
        <Group gap={6}>
          <FileButton onChange={(f) => f && onPick(f)}
            accept="image/svg+xml,image/png,image/jpeg,image/webp"
            inputProps={{ 'data-testid': `${testId}-input` } as never}>
            {(props) => (
              <Button {...props} size="compact-xs" variant="light"
                leftSection={<UploadIcon size={12} />}>Upload</Button>
            )}
          </FileButton>
          {src && <Button size="compact-xs" variant="subtle" color="gray" onClick={onClear}>
            Remove</Button>}
        </Group>
      </div>
    </Group>
  );
}

export function BrandingForm({ draft, branding, onChange, onImage, onClearImage }: {
  draft: Draft;
  branding: Branding;
  onChange(patch: Partial<Draft>): void;
  onImage(slot: 'logo' | 'favicon', file: File): void;
  onClearImage(slot: 'logo' | 'favicon'): void;
}) {
  return (
    <Stack gap="md" data-testid="branding-form">
      <Title order={5}>Identity</Title>
      <SimpleGrid cols={2}>
        <ImageSlot label="Logo" src={branding.logo} testId="logo" ground={draft.backgroundColor}
          onPick={(f) => onImage('logo', f)} onClear={() => onClearImage('logo')} />
        <ImageSlot label="Favicon" src={branding.favicon} testId="favicon"
          ground={draft.backgroundColor}
          onPick={(f) => onImage('favicon', f)} onClear={() => onClearImage('favicon')} />
      </SimpleGrid>

      <Title order={5}>Colours</Title>
      <SimpleGrid cols={2} spacing="sm">
        {COLOR_FIELDS.map(({ key, label }) => (
          <ColorInput key={key} label={label} value={draft[key] as string} format="hex"
            error={colorError(draft[key] as string)}
            onChange={(v) => onChange({ [key]: v } as Partial<Draft>)}
            data-testid={`branding-${key}`} />
        ))}
      </SimpleGrid>
      <ContrastHint colors={draft} onFix={(field, value) => onChange({ [field]: value })} />
      <Group grow align="flex-end">
        <div>
          <Text size="sm" fw={500} mb={4}>Theme</Text>
          <SegmentedControl fullWidth value={draft.theme}
            data={[{ value: 'light', label: 'Light' }, { value: 'dark', label: 'Dark' }]}
            onChange={(v) => onChange({ theme: v as Draft['theme'] })}
            data-testid="branding-theme" />
        </div>
        <div>
          <Text size="sm" fw={500} mb={4}>Direction</Text>
          <SegmentedControl fullWidth value={draft.direction}
            data={[{ value: 'ltr', label: 'LTR' }, { value: 'rtl', label: 'RTL' }]}
            title="Text direction: left to right, or right to left (Arabic, Hebrew)"
            onChange={(v) => onChange({ direction: v as Draft['direction'] })}
            data-testid="branding-direction" />
        </div>
      </Group>
      <FontPicker value={draft.fontFamily} onChange={(v) => onChange({ fontFamily: v })} />

      <Title order={5}>Texts</Title>
      <TextInput label="Hero title" value={draft.heroTitle} maxLength={200}
        onChange={(e) => onChange({ heroTitle: e.currentTarget.value })}
        data-testid="branding-heroTitle" />
      <Textarea label="Hero text" value={draft.heroText} autosize minRows={2} maxRows={6}
        maxLength={2000} onChange={(e) => onChange({ heroText: e.currentTarget.value })}
        data-testid="branding-heroText" />
      <TextInput label="Footer text" value={draft.footerText} maxLength={500}
        onChange={(e) => onChange({ footerText: e.currentTarget.value })}
        data-testid="branding-footerText" />
      <FooterLinksField value={draft.footerLinks}
        onChange={(footerLinks) => onChange({ footerLinks })} />

      <Title order={5}>Custom CSS</Title>
      <Textarea value={draft.customCss} autosize minRows={4} maxRows={14}
        aria-label="Custom CSS"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        placeholder=".hero { letter-spacing: -0.02em; }"
        onChange={(e) => onChange({ customCss: e.currentTarget.value })}
        data-testid="branding-customCss" />
    </Stack>
  );
}
