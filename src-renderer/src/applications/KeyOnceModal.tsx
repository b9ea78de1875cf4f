// The one time an API key is shown in clear. Closing the dialog drops it: the workspace keeps
// it sealed and nothing in the app can show it again.
import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';

export type ShownKey = { application: string; apiKey: string; rotated: boolean };

export function KeyOnceModal({ shown, onClose }: { shown: ShownKey | null; onClose(): void }) {
  return (
    <Modal opened={shown !== null} onClose={onClose} centered size="lg"
      closeOnClickOutside={false}
      title={<Text fw={650}>
        {shown?.rotated ? 'New API key for ' : 'API key for '}{shown?.application}
      </Text>}>
      <Stack gap="md" data-testid="key-once">
        <Alert color="orange" variant="light" title="Copy it now — you won't see it again">
          Marquee keeps the key sealed in the workspace and never shows it again.
          {shown?.rotated ? ' The previous key no longer works.' : ''}
        </Alert>
        <Code block data-testid="key-value" style={{ wordBreak: 'break-all',
          whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}>
          {shown?.apiKey}
        </Code>
        <Group justify="space-between">
          <CopyButton value={shown?.apiKey ?? ''} timeout={2000}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'light' : 'filled'} color={copied ? 'teal' : undefined}
                onClick={copy} data-testid="key-copy">
                {copied ? 'Copied' : 'Copy key'}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={onClose} data-testid="key-done">
            I have stored it
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
