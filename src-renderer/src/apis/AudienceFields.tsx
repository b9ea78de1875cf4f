// Who an API is for: its visibility (with the roles a restricted API is shown to) and which
// tenants may subscribe to it.
import { Group, MultiSelect, Select, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { VISIBILITIES, type ApiSummary } from '../../../src-shared/model';
import { invoke } from '../lib/invoke';
import { useWorkspace } from '../stores/workspace-store';

export type AudienceForm = Pick<ApiSummary,
  'visibility' | 'visibleRoles' | 'subscriptionAvailability' | 'availableTenants'>;

type Errors = Partial<Record<keyof AudienceForm, string>>;

const AVAILABILITY = [
  { value: 'current-tenant', label: 'This tenant only' },
  { value: 'all-tenants', label: 'All tenants' },
  { value: 'specific-tenants', label: 'Chosen tenants' },
];

export function AudienceFields({ domain, form, errors, onChange }: {
  domain: string;
  form: AudienceForm;
  errors: Errors;
  onChange<K extends keyof AudienceForm>(key: K, value: AudienceForm[K]): void;
}) {
  const tenants = useWorkspace((s) => s.tenants);
  const [roles, setRoles] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    invoke('role.list', { tenant: domain })
      .then((list) => live && setRoles(list.map((r) => r.name)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [domain]);

  const roleOptions = Array.from(new Set([...roles, ...form.visibleRoles]));
  const others = tenants.filter((t) => t.domain !== domain)
    .map((t) => ({ value: t.domain, label: `${t.name} — ${t.domain}` }));

  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <Select label="Visibility" data={[...VISIBILITIES]} value={form.visibility}
          allowDeselect={false} error={errors.visibility}
          onChange={(v) => v && onChange('visibility', v as AudienceForm['visibility'])}
          data-testid="api-visibility" />
        <Select label="Subscriptions from" data={AVAILABILITY}
          value={form.subscriptionAvailability} allowDeselect={false}
          error={errors.subscriptionAvailability} data-testid="api-availability"
          onChange={(v) => v && onChange('subscriptionAvailability',
            v as AudienceForm['subscriptionAvailability'])} />
      </Group>
      {form.visibility === 'restricted' && (
        <MultiSelect label="Visible to roles" data={roleOptions} value={form.visibleRoles}
          error={errors.visibleRoles} onChange={(v) => onChange('visibleRoles', v)}
          placeholder={form.visibleRoles.length ? undefined
            : roles.length ? 'Pick roles' : 'Add roles under Audiences and tiers'}
          data-testid="api-roles" />
      )}
      {form.subscriptionAvailability === 'specific-tenants' && (
        <MultiSelect label="Tenants that may subscribe" searchable data={others}
          value={form.availableTenants} error={errors.availableTenants}
          onChange={(v) => onChange('availableTenants', v)}
          placeholder={form.availableTenants.length ? undefined : 'Pick tenants'}
          data-testid="api-available-tenants" />
      )}
    </Stack>
  );
}
