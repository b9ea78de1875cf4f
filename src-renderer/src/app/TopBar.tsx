import {
  ActionIcon, Group, Kbd, Text, Tooltip, UnstyledButton, useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import { MoonIcon, SearchIcon, SunIcon, WorkspaceIcon } from '../lib/icons';
import { useWorkspace } from '../stores/workspace-store';
import { useShortcutsDialog } from './KeyboardShortcuts';
import { UndoButton } from './UndoButton';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

function ColorSchemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={`Switch to ${next} mode`}>
      <ActionIcon variant="default" size="lg" aria-label={`Switch to ${next} mode`}
        data-testid="color-scheme-toggle" onClick={() => setColorScheme(next)}>
        {computed === 'dark' ? <SunIcon /> : <MoonIcon />}
      </ActionIcon>
    </Tooltip>
  );
}

export function TopBar() {
  const info = useWorkspace((s) => s.info);

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Text fw={750} size="lg" style={{ letterSpacing: '-0.02em' }}>Marquee</Text>
        <Group gap={6} wrap="nowrap" miw={0} c="dimmed">
          <WorkspaceIcon size={16} />
          <Text size="sm" c="dimmed" truncate="start" maw={420} title={info?.path}
            data-testid="workspace-path" ff="monospace">
            {/* The marks keep the path's slashes in place while it is cut from the start. */}
            {info ? `\u200e${info.path}\u200e` : '…'}
          </Text>
        </Group>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <UnstyledButton onClick={() => spotlight.open()} aria-label="Open command palette"
          data-testid="palette-button">
          <Group gap="xs" px="sm" py={6} wrap="nowrap" style={{
            border: '1px solid var(--mantine-color-default-border)',
            borderRadius: 'var(--mantine-radius-md)', minWidth: 240,
          }}>
            <SearchIcon size={16} />
            <Text size="sm" c="dimmed" style={{ flex: 1 }}>Jump to…</Text>
            <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd>
            <Kbd size="xs">K</Kbd>
          </Group>
        </UnstyledButton>
        <UndoButton />
        <Tooltip label="Keyboard shortcuts (?)">
          <ActionIcon variant="default" size="lg" aria-label="Keyboard shortcuts"
            data-testid="shortcuts-button"
            onClick={() => useShortcutsDialog.getState().setOpen(true)}>
            <Text fw={700} size="sm">?</Text>
          </ActionIcon>
        </Tooltip>
        <ColorSchemeToggle />
      </Group>
    </Group>
  );
}
