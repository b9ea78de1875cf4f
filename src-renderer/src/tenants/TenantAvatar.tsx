import { Avatar } from '@mantine/core';
import { useEffect } from 'react';
import type { Tenant } from '../../../src-shared/model';
import { useFavicons } from '../stores/favicon-store';

const COLORS = ['indigo', 'teal', 'grape', 'orange', 'cyan', 'pink', 'lime', 'violet'];

function colorFor(domain: string): string {
  let hash = 0;
  for (const ch of domain) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length];
}

export function TenantAvatar({ tenant, size = 30 }: { tenant: Tenant; size?: number }) {
  const favicon = useFavicons((s) => s.byDomain[tenant.domain]);
  const ensure = useFavicons((s) => s.ensure);
  useEffect(() => ensure(tenant.domain), [ensure, tenant.domain]);

  const initial = (tenant.name.trim()[0] ?? tenant.domain[0] ?? '?').toUpperCase();
  return (
    <Avatar src={favicon ?? undefined} size={size} radius="sm" color={colorFor(tenant.domain)}
      variant="light" alt="">
      {initial}
    </Avatar>
  );
}
