// Ctrl/Cmd+K: jump to any tenant or API, or run a workspace action.
import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import { useMemo, useState } from 'react';
import type { ApiSummary } from '../../../src-shared/model';
import { invoke } from '../lib/invoke';
import { SearchIcon } from '../lib/icons';
import { notifyError } from '../lib/notify';
import { useNav } from '../stores/nav-store';
import { useWorkspace } from '../stores/workspace-store';

export function CommandPalette() {
  const tenants = useWorkspace((s) => s.tenants);
  const route = useNav((s) => s.route);
  const nav = useNav();
  const [apis, setApis] = useState<ApiSummary[]>([]);

  async function loadApis() {
    try {
      setApis(await invoke('api.list', {}));
    } catch (err) {
      notifyError(err, 'Could not list APIs');
    }
  }

  const actions = useMemo<SpotlightActionGroupData[]>(() => {
    const current = route.kind === 'tenant' ? route.domain : tenants[0]?.domain;
    const commands: SpotlightActionGroupData = {
      group: 'Actions',
      actions: [
        { id: 'new-tenant', label: 'New tenant', description: 'Create a tenant',
          onClick: () => nav.setNewTenantOpen(true) },
        ...(current
          ? [{ id: 'import', label: 'Import definition',
            description: `Import an OpenAPI file into ${current}`,
            onClick: () => nav.requestImport(current) },
          { id: 'new-application', label: 'New application',
            description: `Create an application with an API key in ${current}`,
            onClick: () => nav.requestNewApplication(current) }]
          : []),
        { id: 'gateways', label: 'Gateways', description: 'Manage gateways',
          onClick: () => nav.go({ kind: 'gateways' }) },
        { id: 'publish', label: 'Publish', description: 'Plan and publish to a gateway',
          onClick: () => nav.go({ kind: 'publish' }) },
        { id: 'bundles', label: 'Bundles', description: 'Export or import tenant bundles',
          onClick: () => nav.go({ kind: 'bundles' }) },
        { id: 'activity', label: 'Activity', description: 'Every change to the workspace',
          onClick: () => nav.go({ kind: 'activity' }) },
      ],
    };
    const tenantGroup: SpotlightActionGroupData = {
      group: 'Tenants',
      actions: tenants.map((t) => ({
        id: `tenant:${t.domain}`, label: t.name, description: t.domain, keywords: [t.domain],
        onClick: () => nav.openTenant(t.domain),
      })),
    };
    const apiGroup: SpotlightActionGroupData = {
      group: 'APIs',
      actions: apis.map((a) => ({
        id: `api:${a.id}`, label: `${a.name} ${a.version}`,
        description: `${a.tenant} · ${a.context}`, keywords: [a.tenant, a.context, ...a.tags],
        onClick: () => nav.openApi(a.tenant, a.id),
      })),
    };
    return [commands, tenantGroup, apiGroup];
  }, [apis, nav, route, tenants]);

  return (
    <Spotlight actions={actions} limit={40} nothingFound="Nothing found" highlightQuery
      shortcut={['mod + K']} onSpotlightOpen={loadApis} scrollable maxHeight={440}
      searchProps={{ leftSection: <SearchIcon />, placeholder: 'Jump to a tenant or API, or run…',
        'aria-label': 'Command palette search' } as never} />
  );
}
