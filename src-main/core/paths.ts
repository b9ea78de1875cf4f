// Where a workspace lives when nobody says: the same folder Electron uses for the app's
// user data, so the CLI and the app open the same workspace by default.
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(): string {
  const home = os.homedir();
  switch (process.platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Marquee');
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Marquee');
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Marquee');
  }
}

export function resolveWorkspacePath(explicit?: string): string {
  if (explicit) return path.resolve(explicit);
  if (process.env.MARQUEE_WORKSPACE) return path.resolve(process.env.MARQUEE_WORKSPACE);
  return path.join(defaultDataDir(), 'workspace.sqlite');
}
