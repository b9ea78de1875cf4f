// The storefront footer's own links (terms, status, support), each checked as it is typed
// with the same rule the core applies.
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { FooterLink } from '../../../src-shared/model';

type Link = { label: string; url: string };

const MAX_LINKS = 8;

function urlError(link: Link): string | null {
  if (link.url.trim() === '') return null;
  const parsed = FooterLink.shape.url.safeParse(link.url);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'invalid address');
}

export function FooterLinksField({ value, onChange }: {
  value: Link[];
  onChange(links: Link[]): void;
}) {
  const set = (i: number, patch: Partial<Link>) =>
    onChange(value.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  return (
    <Stack gap={6} data-testid="branding-footerLinks">
      <Text size="sm" fw={500}>Footer links</Text>
      {value.map((link, i) => (
        <Group key={i} gap={6} wrap="nowrap" align="flex-start">
          <TextInput placeholder="Label" value={link.label} maxLength={60} w={130}
            aria-label={`Footer link ${i + 1} label`}
            onChange={(e) => set(i, { label: e.currentTarget.value })} />
          <TextInput placeholder="https://… or mailto:…" value={link.url} style={{ flex: 1 }}
            aria-label={`Footer link ${i + 1} address`} error={urlError(link)}
            onChange={(e) => set(i, { url: e.currentTarget.value })} />
          <ActionIcon variant="subtle" color="gray" mt={6} aria-label="Remove link"
            onClick={() => onChange(value.filter((_, j) => j !== i))}>×</ActionIcon>
        </Group>
      ))}
      {value.length < MAX_LINKS && (
        <Button size="compact-xs" variant="light" w="fit-content"
          onClick={() => onChange([...value, { label: '', url: '' }])}
          data-testid="branding-add-footer-link">Add link</Button>
      )}
    </Stack>
  );
}
