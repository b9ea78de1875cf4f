// The one IPC channel between preload and main.
export const INVOKE_CHANNEL = 'marquee:invoke';
