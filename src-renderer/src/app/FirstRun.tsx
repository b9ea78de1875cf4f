// An empty workspace: offer the demo or a first tenant.
import { Button, Card, Center, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../lib/invoke';
import { notifyError, notifySuccess } from '../lib/notify';
import { useNav } from '../stores/nav-store';
import { useWorkspace } from '../stores/workspace-store';

export function FirstRun() {
  const [busy, setBusy] = useState(false);
  const refresh = useWorkspace((s) => s.refresh);
  const setNewTenantOpen = useNav((s) => s.setNewTenantOpen);
  const openTenant = useNav((s) => s.openTenant);

  async function createDemo() {
    setBusy(true);
    try {
      const result = await invoke('demo.create', { force: false });
      notifySuccess(`${result.tenants.length} tenants and ${result.apis} APIs were created.`,
        'Demo workspace ready');
      await refresh();
      if (result.tenants[0]) openTenant(result.tenants[0]);
    } catch (err) {
      notifyError(err, 'Could not create the demo workspace');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center h="calc(100vh - 56px - 2 * var(--mantine-spacing-lg))">
      <Card withBorder radius="lg" p="xl" maw={520} shadow="sm" data-testid="first-run">
        <Stack gap="md">
          <Title order={2}>Welcome to Marquee</Title>
          <Text c="dimmed">
            This workspace is empty. Start from a demo with three branded tenants and real
            APIs, or create your first tenant and import an OpenAPI definition.
          </Text>
          <Group>
            <Button onClick={createDemo} loading={busy} data-testid="create-demo">
              Create demo workspace
            </Button>
            <Button variant="default" onClick={() => setNewTenantOpen(true)}
              data-testid="first-run-new-tenant">
              New tenant
            </Button>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
