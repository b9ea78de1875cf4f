// The left rail: the workspace's tenants, then the workspace-wide places.
import {
  Box, Button, Divider, Group, NavLink, ScrollArea, Stack, Text, Tooltip,
} from '@mantine/core';
import type { ReactNode } from 'react';
import {
  ActivityIcon, BundleIcon, GatewayIcon, PlusIcon, PublishIcon, SettingsIcon,
} from '../lib/icons';
import { useNav, type Place } from '../stores/nav-store';
import { useWorkspace } from '../stores/workspace-store';
import { TenantAvatar } from '../tenants/TenantAvatar';

const PLACES: { place: Place; label: string; icon: ReactNode }[] = [
  { place: 'gateways', label: 'Gateways', icon: <GatewayIcon /> },
  { place: 'publish', label: 'Publish', icon: <PublishIcon /> },
  { place: 'bundles', label: 'Bundles', icon: <BundleIcon /> },
  { place: 'activity', label: 'Activity', icon: <ActivityIcon /> },
];

const COMING: { label: string; icon: ReactNode }[] = [
  { label: 'Settings', icon: <SettingsIcon /> },
];

export function Rail() {
  const tenants = useWorkspace((s) => s.tenants);
  const route = useNav((s) => s.route);
  const openTenant = useNav((s) => s.openTenant);
  const go = useNav((s) => s.go);
  const setNewTenantOpen = useNav((s) => s.setNewTenantOpen);

  return (
    <Stack h="100%" gap={0} component="nav" aria-label="Workspace">
      <Group justify="space-between" px="md" pt="md" pb={6}>
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.06em' }}>
          Tenants · {tenants.length}
        </Text>
        <Button size="compact-xs" variant="light" leftSection={<PlusIcon size={14} />}
          onClick={() => setNewTenantOpen(true)} data-testid="new-tenant-button">
          Tenant
        </Button>
      </Group>
      <ScrollArea style={{ flex: 1 }} px="xs" type="auto">
        <Box data-testid="tenant-list">
          {tenants.map((t) => (
            <NavLink key={t.domain} className="marquee-rail-link"
              active={route.kind === 'tenant' && route.domain === t.domain}
              onClick={() => openTenant(t.domain)} data-testid={`tenant-link-${t.domain}`}
              leftSection={<TenantAvatar tenant={t} />}
              label={<Text size="sm" fw={500} truncate>{t.name}</Text>}
              description={<Text size="xs" c="dimmed" truncate>{t.domain}</Text>}
              rightSection={<Text size="xs" c="dimmed">{t.apiCount}</Text>}
              style={{ borderRadius: 'var(--mantine-radius-md)' }} />
          ))}
          {tenants.length === 0 && (
            <Text size="sm" c="dimmed" px="sm" py="xs">No tenants yet.</Text>
          )}
        </Box>
      </ScrollArea>
      <Divider />
      <Box p="xs">
        {PLACES.map((p) => (
          <NavLink key={p.place} label={p.label} leftSection={p.icon}
            active={route.kind === p.place} onClick={() => go({ kind: p.place })}
            data-testid={`place-${p.place}`} className="marquee-rail-link"
            style={{ borderRadius: 'var(--mantine-radius-md)' }} />
        ))}
        {COMING.map((p) => (
          <Tooltip key={p.label} label="coming" position="right">
            <div>
              <NavLink label={p.label} leftSection={p.icon} disabled
                style={{ borderRadius: 'var(--mantine-radius-md)' }} />
            </div>
          </Tooltip>
        ))}
      </Box>
    </Stack>
  );
}
