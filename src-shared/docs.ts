// Documents attached to an API ("Getting started", "Authentication"): Markdown a tenant
// writes for its developers, shown in the storefront beside the API's reference.
import { z } from 'zod';

// A slug names the document's page in the storefront and its file in a built site, so it
// stays to lower-case words joined by hyphens.
export const DocSlug = z
  .string()
  .trim()
  .min(1, 'slug is required')
  .max(60, 'slug is at most 60 characters')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug must be lower-case letters and digits joined by -');

export const DocTitle = z.string().trim().min(1, 'title is required').max(200);

// Generous for a guide, small enough that a bundle or a page never carries a book.
export const DOC_MAX_CHARS = 200_000;
export const DocMarkdown = z
  .string()
  .max(DOC_MAX_CHARS, `markdown is at most ${DOC_MAX_CHARS.toLocaleString('en-US')} characters`);

export const ApiDoc = z.object({
  apiId: z.string(),
  slug: z.string(),
  title: z.string(),
  markdown: z.string(),
  updatedAt: z.string(),
});
export type ApiDoc = z.infer<typeof ApiDoc>;
