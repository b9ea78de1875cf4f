// The renderer's Content-Security-Policy, one for both shells: the browser shell sends it as
// a header, the Electron build writes it into index.html. The storefront preview is a srcdoc
// frame, which inherits this policy on top of its own, so the storefront's one script is
// allowed here by its hash and nothing else inline is.
import { PAGE_SCRIPT_HASH } from '../core/storefront/script.js';

const DIRECTIVES = [
  "default-src 'self'",
  `script-src 'self' ${PAGE_SCRIPT_HASH}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' about: data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

export const RENDERER_CSP = DIRECTIVES.join('; ');

// frame-ancestors only works as a header, never in a meta tag.
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;
