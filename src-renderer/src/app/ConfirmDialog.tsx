import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useConfirm } from '../stores/confirm-store';

export function ConfirmDialog() {
  const request = useConfirm((s) => s.request);
  const answer = useConfirm((s) => s.answer);
  const [typed, setTyped] = useState('');

  useEffect(() => setTyped(''), [request]);

  const needed = request?.typeToConfirm;
  const allowed = !needed || typed.trim() === needed;

  return (
    <Modal opened={request !== null} onClose={() => answer(false)} centered
      title={<Text fw={650}>{request?.title}</Text>} data-testid="confirm-dialog">
      <form onSubmit={(e) => {
        e.preventDefault();
        if (allowed) answer(true);
      }}>
        <Stack gap="md">
          <Text size="sm">{request?.message}</Text>
          {needed && (
            <TextInput data-autofocus label={<>Type <b>{needed}</b> to confirm</>}
              value={typed} onChange={(e) => setTyped(e.currentTarget.value)}
              data-testid="confirm-type" autoComplete="off" />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => answer(false)}>Cancel</Button>
            <Button type="submit" color="red" disabled={!allowed} data-testid="confirm-ok">
              {request?.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
