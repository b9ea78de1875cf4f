// While a publish runs: how far it has got, entity by entity, and a way to stop it. Gateways
// that apply in one request (Caddy) show a plain bar; the core says which can be cancelled.
import {
  Badge, Button, Card, Group, Progress, ScrollArea, Stack, Table, Text,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Output } from '../../../src-shared/contract';
import { invoke } from '../lib/invoke';
import { notifyError } from '../lib/notify';

type Progress = Output<'publish.progress'>;

const POLL_MS = 250;

export function ApplyProgress({ gateway }: { gateway: string }) {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancelling, setCancelling] = useState(false);

  useEffect(() => {
    let live = true;
    const tick = async () => {
      try {
        const p = await invoke('publish.progress', { gateway });
        if (live) setProgress(p);
      } catch {
        // A missed poll changes nothing; the next one will tell.
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [gateway]);

  async function cancel() {
    setCancelling(true);
    try {
      await invoke('publish.cancel', { gateway });
    } catch (err) {
      notifyError(err, `Could not cancel the publish to ${gateway}`);
      setCancelling(false);
    }
  }

  const known = progress?.running && progress.total > 0;
  const value = known ? (100 * progress.completed) / progress.total : 100;

  return (
    <Card withBorder data-testid="apply-progress">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            {known
              ? `Publishing to ${gateway}: ${progress.completed} of ${progress.total} entities`
              : `Publishing to ${gateway}…`}
            {progress?.failed ? ` · ${progress.failed} failed` : ''}
          </Text>
          {progress?.cancellable && (
            <Button size="xs" color="red" variant="light" onClick={() => void cancel()}
              loading={cancelling || progress?.cancelling} data-testid="apply-cancel">
              Cancel
            </Button>
          )}
        </Group>
        <Progress value={value} animated striped={!known} size="lg" />
        {known && progress.recent.length > 0 && (
          <ScrollArea h={140}>
            <Table verticalSpacing={2} fz="xs">
              <Table.Tbody>
                {[...progress.recent].reverse().slice(0, 50).map((o, i) => (
                  <Table.Tr key={`${o.key}-${i}`}>
                    <Table.Td w={80}>
                      <Badge size="xs" variant="light"
                        color={o.outcome === 'failed' ? 'red' : 'teal'}>{o.outcome}</Badge>
                    </Table.Td>
                    <Table.Td w={70}>{o.action}</Table.Td>
                    <Table.Td>{o.entity} {o.key}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
    </Card>
  );
}
