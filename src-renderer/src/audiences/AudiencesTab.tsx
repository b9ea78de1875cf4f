// Audiences and tiers of one tenant: roles, members, tiers and who sees what.
import { Center, Loader, SimpleGrid, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useTenancy } from '../stores/tenancy-store';
import { AccessMatrixTable } from './AccessMatrixTable';
import { MembersPanel } from './MembersPanel';
import { RolesPanel } from './RolesPanel';
import { TiersPanel } from './TiersPanel';

export function AudiencesTab({ domain }: { domain: string }) {
  const load = useTenancy((s) => s.load);
  const current = useTenancy((s) => s.tenant);
  const matrix = useTenancy((s) => s.matrix);

  useEffect(() => {
    void load(domain);
  }, [domain, load]);

  if (current !== domain || !matrix) return <Center p="xl"><Loader /></Center>;

  return (
    <Stack gap="md" data-testid="audiences-tab">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <RolesPanel domain={domain} />
        <MembersPanel domain={domain} />
      </SimpleGrid>
      <TiersPanel domain={domain} />
      <AccessMatrixTable />
    </Stack>
  );
}
