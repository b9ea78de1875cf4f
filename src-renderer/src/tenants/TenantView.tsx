// One tenant: a header and its tabs.
import { Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { plural } from '../lib/plural';
import { ApisTab } from '../apis/ApisTab';
import { ApplicationsTab } from '../applications/ApplicationsTab';
import { AudiencesTab } from '../audiences/AudiencesTab';
import { useNav, type TenantTab } from '../stores/nav-store';
import { useWorkspace } from '../stores/workspace-store';
import { StorefrontTab } from '../storefront/StorefrontTab';
import { TenantAvatar } from './TenantAvatar';
import { TenantOverview } from './TenantOverview';

export function TenantView({ domain, tab }: { domain: string; tab: TenantTab }) {
  const tenant = useWorkspace((s) => s.tenants.find((t) => t.domain === domain));
  const openTenant = useNav((s) => s.openTenant);

  if (!tenant) {
    return <Text c="dimmed">The tenant {domain} is not in this workspace.</Text>;
  }

  return (
    <Stack gap="md" data-testid="tenant-view">
      <Group gap="md" wrap="nowrap">
        <TenantAvatar tenant={tenant} size={44} />
        <div>
          <Title order={2} lh={1.2} data-testid="tenant-title">{tenant.name}</Title>
          <Group gap="xs">
            <Text c="dimmed" size="sm" ff="monospace">{tenant.domain}</Text>
            <Badge variant="light" size="sm">{plural(tenant.apiCount, 'API')}</Badge>
          </Group>
        </div>
      </Group>
      <Tabs value={tab} keepMounted={false}
        onChange={(v) => v && openTenant(domain, v as TenantTab)}>
        <Tabs.List>
          <Tabs.Tab value="overview" data-testid="tab-overview">Overview</Tabs.Tab>
          <Tabs.Tab value="apis" data-testid="tab-apis">APIs</Tabs.Tab>
          <Tabs.Tab value="storefront" data-testid="tab-storefront">Storefront</Tabs.Tab>
          <Tabs.Tab value="audiences" data-testid="tab-audiences">Audiences and tiers</Tabs.Tab>
          <Tabs.Tab value="applications" data-testid="tab-applications">
            Applications
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md"><TenantOverview tenant={tenant} /></Tabs.Panel>
        <Tabs.Panel value="apis" pt="md"><ApisTab domain={domain} /></Tabs.Panel>
        <Tabs.Panel value="storefront" pt="md"><StorefrontTab domain={domain} /></Tabs.Panel>
        <Tabs.Panel value="audiences" pt="md"><AudiencesTab domain={domain} /></Tabs.Panel>
        <Tabs.Panel value="applications" pt="md">
          <ApplicationsTab domain={domain} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
