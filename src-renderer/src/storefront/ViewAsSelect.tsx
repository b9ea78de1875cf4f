// "View as": whose storefront the preview shows — an anonymous visitor, a plain member, a
// member holding one role, or a user of another tenant.
import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { invoke } from '../lib/invoke';
import { useWorkspace } from '../stores/workspace-store';

export function ViewAsSelect({ domain, value, onChange }: {
  domain: string;
  value: string;
  onChange(audience: string): void;
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

  const data = [
    { group: 'Visitors', items: [
      { value: 'anonymous', label: 'Anonymous visitor' },
      { value: 'member', label: 'Member (no role)' },
    ] },
    ...(roles.length ? [{ group: 'Roles', items: roles.map((r) => ({
      value: `role:${r}`, label: `role:${r}` })) }] : []),
    ...(tenants.length > 1 ? [{ group: 'Other tenants', items: tenants
      .filter((t) => t.domain !== domain)
      .map((t) => ({ value: `tenant:${t.domain}`, label: `tenant:${t.domain}` })) }] : []),
  ];

  return (
    <Select size="xs" w={210} data={data} value={value} allowDeselect={false} searchable
      aria-label="View as" leftSection={<span style={{ fontSize: 11 }}>as</span>}
      onChange={(v) => v && onChange(v)} data-testid="preview-audience"
      comboboxProps={{ width: 260, position: 'bottom-end' }} />
  );
}
