// The window: top bar, the left rail of tenants and places, and the place on screen.
import { AppShell } from '@mantine/core';
import { useEffect } from 'react';
import { ActivityView } from '../activity/ActivityView';
import { BundlesView } from '../bundles/BundlesView';
import { GatewaysView } from '../gateways/GatewaysView';
import { PublishView } from '../publish/PublishView';
import { useScreenGeneration } from '../lib/undo';
import { useNav } from '../stores/nav-store';
import { useWorkspace } from '../stores/workspace-store';
import { NewTenantModal } from '../tenants/NewTenantModal';
import { TenantView } from '../tenants/TenantView';
import { CommandPalette } from './CommandPalette';
import { ConfirmDialog } from './ConfirmDialog';
import { FirstRun } from './FirstRun';
import { KeyboardShortcuts } from './KeyboardShortcuts';
import { Rail } from './Rail';
import { TopBar } from './TopBar';

function Place() {
  const route = useNav((s) => s.route);
  const tenants = useWorkspace((s) => s.tenants);
  const loaded = useWorkspace((s) => s.loaded);

  if (!loaded) return null;
  switch (route.kind) {
    case 'tenant':
      return <TenantView key={route.domain} domain={route.domain} tab={route.tab} />;
    case 'gateways':
      return <GatewaysView />;
    case 'publish':
      return <PublishView />;
    case 'bundles':
      return <BundlesView />;
    case 'activity':
      return <ActivityView />;
    default:
      return tenants.length === 0 ? <FirstRun /> : <HomeRedirect />;
  }
}

// With tenants in the workspace, the home place is the first tenant.
function HomeRedirect() {
  const first = useWorkspace((s) => s.tenants[0]);
  const openTenant = useNav((s) => s.openTenant);
  useEffect(() => {
    if (first) openTenant(first.domain);
  }, [first, openTenant]);
  return null;
}

export function AppFrame() {
  const refresh = useWorkspace((s) => s.refresh);
  // An undo bumps it: the place on screen mounts again and loads what is there now.
  const generation = useScreenGeneration((s) => s.generation);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 272, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <TopBar />
      </AppShell.Header>
      <AppShell.Navbar>
        <Rail />
      </AppShell.Navbar>
      <AppShell.Main>
        <Place key={generation} />
      </AppShell.Main>
      <CommandPalette />
      <KeyboardShortcuts />
      <ConfirmDialog />
      <NewTenantModal />
    </AppShell>
  );
}
