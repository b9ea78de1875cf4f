// The live storefront: the core renders the page (with the unsaved draft) into a sandboxed
// frame; links inside the frame ask this window to switch pages.
import {
  Alert, Box, Center, Group, Loader, Paper, SegmentedControl, Select, Text,
} from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { StorefrontPage, type ApiSummary } from '../../../src-shared/model';

export type Device = 'phone' | 'tablet' | 'desktop';
const WIDTHS: Record<Device, string> = { phone: '390px', tablet: '820px', desktop: '100%' };

function pageValue(page: StorefrontPage): string {
  if (page.kind === 'api') return `api:${page.apiId}`;
  return page.kind === 'doc' ? `doc:${page.apiId}:${page.slug}` : page.kind;
}

function pageOf(value: string): StorefrontPage {
  if (value.startsWith('api:')) return { kind: 'api', apiId: value.slice(4) };
  if (value.startsWith('doc:')) {
    const [, apiId, slug] = value.split(':');
    return { kind: 'doc', apiId, slug };
  }
  if (value === 'plans') return { kind: 'plans' };
  return value === 'catalog' ? { kind: 'catalog' } : { kind: 'home' };
}

export function StorefrontPreview({ html, error, busy, page, onPage, apis, toolbar }: {
  html: string | null;
  error: string | null;
  busy: boolean;
  page: StorefrontPage;
  onPage(page: StorefrontPage): void;
  apis: ApiSummary[];
  // Extra controls before the page picker (the "view as" audience).
  toolbar?: ReactNode;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [device, setDevice] = useState<Device>('desktop');

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      // Only the preview frame may steer the preview, and only to a well-formed page.
      if (!frame.current || event.source !== frame.current.contentWindow) return;
      const data = event.data as { type?: unknown; page?: unknown } | null;
      if (data?.type !== 'marquee-storefront-navigate') return;
      const parsed = StorefrontPage.safeParse(data.page);
      if (parsed.success) onPage(parsed.data);
    }
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [onPage]);

  const options = [
    { value: 'home', label: 'Home' },
    { value: 'catalog', label: 'Catalog' },
    { value: 'plans', label: 'Plans' },
    ...apis.map((a) => ({ value: `api:${a.id}`, label: `${a.name} ${a.version}` })),
    // Documents are reached by their links in the page; the one open is named here.
    ...(page.kind === 'doc'
      ? [{ value: pageValue(page), label: `Document: ${page.slug}` }]
      : []),
  ];

  return (
    <Paper withBorder radius="md" h="100%" style={{ display: 'flex', flexDirection: 'column',
      overflow: 'hidden' }} data-testid="storefront-preview">
      <Group justify="space-between" px="sm" py={8} gap="sm" style={{
        borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group gap="xs">
          <Text size="sm" fw={600}>Preview</Text>
          {busy && <Loader size={14} data-testid="preview-busy" />}
        </Group>
        <Group gap="xs">
          {toolbar}
          <Select size="xs" w={240} data={options} value={pageValue(page)} allowDeselect={false}
            searchable aria-label="Preview page" data-testid="preview-page"
            onChange={(v) => v && onPage(pageOf(v))} />
          <SegmentedControl size="xs" value={device} aria-label="Device width"
            data-testid="preview-device" onChange={(v) => setDevice(v as Device)}
            data={[{ value: 'phone', label: 'Phone' }, { value: 'tablet', label: 'Tablet' },
              { value: 'desktop', label: 'Desktop' }]} />
        </Group>
      </Group>
      <Box style={{ flex: 1, minHeight: 0, overflow: 'auto', display: 'flex',
        justifyContent: 'center' }} bg="var(--mantine-color-default-hover)">
        {html !== null ? (
          <Box h="100%" w={WIDTHS[device]} maw="100%" style={{
            boxShadow: device === 'desktop'
              ? undefined
              : '0 0 0 1px var(--mantine-color-default-border)',
            transition: 'width 150ms ease' }}>
            <iframe ref={frame} title="Storefront preview" sandbox="allow-scripts" srcDoc={html}
              className="marquee-preview-frame" data-testid="preview-frame" />
          </Box>
        ) : (
          <Center p="xl" w="100%">
            {error ? (
              <Alert color="orange" variant="light" title="Preview unavailable" maw={460}
                data-testid="preview-error">{error}</Alert>
            ) : (
              <Loader />
            )}
          </Center>
        )}
      </Box>
    </Paper>
  );
}
