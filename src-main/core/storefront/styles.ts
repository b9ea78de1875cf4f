// The storefront's own stylesheet. Everything tenant-specific comes in through the custom
// properties of theme.ts, so this text is the same for every tenant and every page.
export const BASE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--sf-bg); color: var(--sf-text); font-family: var(--sf-font);
  font-size: 16px; line-height: 1.6; -webkit-font-smoothing: antialiased;
  display: flex; flex-direction: column; min-height: 100vh;
}
main { flex: 1; }
img { max-width: 100%; }
a { color: var(--sf-link); text-decoration: none; }
a:hover { text-decoration: underline; }
:focus-visible { outline: 2px solid var(--sf-primary); outline-offset: 2px; border-radius: 4px; }
h1, h2, h3, h4 { line-height: 1.25; letter-spacing: -0.01em; margin: 0; }
code, pre, .sf-mono {
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
/* Inline padding only: sections set their own block padding on the same element. */
.sf-container { max-width: 1180px; margin: 0 auto; padding-inline: 24px; }
.sf-skip {
  position: absolute; inset-inline-start: -999px; top: 8px; background: var(--sf-bg);
  padding: 8px 12px;
  z-index: 10;
}
.sf-skip:focus { inset-inline-start: 8px; }

/* Header */
.sf-header {
  position: sticky; top: 0; z-index: 5; background: color-mix(in srgb, var(--sf-bg) 92%,
  transparent); backdrop-filter: saturate(1.4) blur(10px); border-bottom: 1px solid
  var(--sf-border);
}
.sf-header .sf-container { display: flex; align-items: center; gap: 24px; height: 64px; }
.sf-brand {
  display: flex; align-items: center; gap: 10px; color: var(--sf-text); font-weight: 650;
  font-size: 1.05rem; min-width: 0;
}
.sf-brand:hover { text-decoration: none; }
.sf-brand img { height: 32px; width: auto; max-width: 160px; object-fit: contain; }
.sf-brand span { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.sf-brand small {
  font-weight: 500; color: var(--sf-muted); font-size: 0.8rem;
  padding-inline-start: 10px; border-inline-start: 1px solid var(--sf-border);
}
.sf-nav { display: flex; gap: 4px; margin-inline-start: auto; }
.sf-nav a {
  color: var(--sf-muted); font-weight: 550; font-size: 0.95rem; padding: 8px 12px;
  border-radius: 8px;
}
.sf-nav a:hover { color: var(--sf-text); background: var(--sf-surface); text-decoration: none; }
.sf-nav a[aria-current="page"] { color: var(--sf-link); background: var(--sf-tint); }

/* Hero */
.sf-hero {
  position: relative; overflow: hidden; color: var(--sf-on-primary);
  background:
    radial-gradient(circle at 85% 20%, color-mix(in srgb, var(--sf-accent) 55%, transparent),
      transparent 45%),
    radial-gradient(circle at 10% 110%, color-mix(in srgb, var(--sf-on-primary) 18%,
      transparent), transparent 40%),
    linear-gradient(135deg, var(--sf-primary), color-mix(in srgb, var(--sf-primary) 70%,
      #000));
}
.sf-hero .sf-container { position: relative; padding-top: 88px; padding-bottom: 96px; }
.sf-hero-logo {
  display: inline-flex; align-items: center; justify-content: center; height: 64px;
  padding: 10px 14px; border-radius: 14px; background: #ffffffee; margin-bottom: 28px;
  box-shadow: 0 6px 20px #0002;
}
.sf-hero-logo img { height: 44px; width: auto; max-width: 220px; object-fit: contain; }
/* A dark storefront's logo is drawn for a dark ground: give it one. */
:root[data-scheme="dark"] .sf-hero-logo { background: var(--sf-bg); }
.sf-hero h1 {
  font-size: clamp(2rem, 4.2vw, 3.25rem); font-weight: 750; max-width: 820px;
  letter-spacing: -0.02em;
}
.sf-hero p {
  font-size: clamp(1.05rem, 1.6vw, 1.25rem); max-width: 680px; margin: 18px 0 0; opacity: 0.9;
  white-space: pre-line;
}
.sf-hero-actions { display: flex; flex-wrap: wrap; gap: 12px; margin-top: 32px; }
.sf-hero-stats {
  display: flex; flex-wrap: wrap; gap: 32px; margin-top: 48px; font-size: 0.9rem;
  opacity: 0.85;
}
.sf-hero-stats strong { display: block; font-size: 1.6rem; line-height: 1.2; opacity: 1; }

/* Buttons */
.sf-button {
  display: inline-flex; align-items: center; gap: 8px; padding: 11px 20px; border-radius: 10px;
  font-weight: 600; font-size: 0.98rem; border: 1px solid transparent; cursor: pointer;
}
.sf-button:hover { text-decoration: none; filter: brightness(1.05); }
.sf-button-light { background: var(--sf-on-primary); color: var(--sf-primary); }
.sf-button-ghost {
  color: var(--sf-on-primary); border-color: color-mix(in srgb, var(--sf-on-primary) 45%,
  transparent);
}

/* Sections */
.sf-section { padding: 64px 0; }
.sf-section-alt { background: var(--sf-surface); border-block: 1px solid var(--sf-border); }
.sf-section-head {
  display: flex; align-items: end; justify-content: space-between; gap: 16px;
  margin-bottom: 28px; flex-wrap: wrap;
}
.sf-eyebrow {
  color: var(--sf-link); font-weight: 650; font-size: 0.8rem; text-transform: uppercase;
  letter-spacing: 0.08em; margin-bottom: 6px;
}
.sf-section-head h2 { font-size: clamp(1.5rem, 2.4vw, 1.9rem); }
.sf-lead { color: var(--sf-muted); margin: 8px 0 0; max-width: 640px; }
.sf-steps { display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; }
.sf-step { padding: 4px 0; }
.sf-step b {
  display: inline-flex; width: 32px; height: 32px; border-radius: 50%; align-items: center;
  justify-content: center; background: var(--sf-tint); color: var(--sf-link);
  margin-bottom: 12px;
}
.sf-step h3 { font-size: 1.05rem; margin-bottom: 6px; }
.sf-step p { margin: 0; color: var(--sf-muted); font-size: 0.95rem; }

/* Cards */
.sf-grid {
  display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 20px;
}
.sf-card {
  display: flex; flex-direction: column; gap: 12px; padding: 22px; border-radius: 14px;
  background: var(--sf-bg); border: 1px solid var(--sf-border); color: var(--sf-text);
  transition: border-color .15s, box-shadow .15s, transform .15s;
}
.sf-card:hover {
  text-decoration: none; border-color: color-mix(in srgb, var(--sf-primary) 55%,
  var(--sf-border)); box-shadow: var(--sf-shadow); transform: translateY(-2px);
}
.sf-card[hidden] { display: none; }
.sf-card-head { display: flex; gap: 14px; align-items: flex-start; }
.sf-avatar {
  flex: none; width: 44px; height: 44px; border-radius: 11px; display: flex;
  align-items: center; justify-content: center; font-weight: 700; font-size: 1.05rem;
  background: var(--sf-tint); color: var(--sf-link);
}
.sf-card h3 { font-size: 1.08rem; font-weight: 650; overflow-wrap: anywhere; }
.sf-card-meta {
  display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 4px;
  font-size: 0.8rem; color: var(--sf-muted);
}
.sf-card p {
  margin: 0; color: var(--sf-muted); font-size: 0.94rem; display: -webkit-box;
  overflow-wrap: anywhere;
  -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden;
}
.sf-card-foot {
  margin-top: auto; display: flex; justify-content: space-between; gap: 12px;
  padding-top: 12px; border-top: 1px solid var(--sf-border); font-size: 0.82rem;
  color: var(--sf-muted);
}
.sf-card-foot code { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }

/* Badges and tags */
.sf-badge {
  display: inline-flex; align-items: center; padding: 1px 8px; border-radius: 999px;
  font-size: 0.72rem; font-weight: 650; letter-spacing: 0.02em; border: 1px solid
  transparent; white-space: nowrap;
}
.sf-badge-version { background: var(--sf-surface); border-color: var(--sf-border); }
.sf-badge-deprecated { background: #f59f0020; color: #b35c00; border-color: #f59f0055; }
.sf-badge-prototyped { background: #7950f220; color: #6741d9; border-color: #7950f255; }
:root[data-scheme="dark"] .sf-badge-deprecated { color: #ffc078; }
:root[data-scheme="dark"] .sf-badge-prototyped { color: #b197fc; }
.sf-tags { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 0; padding: 0; }
.sf-tag {
  font-size: 0.76rem; padding: 2px 9px; border-radius: 6px; background: var(--sf-surface);
  border: 1px solid var(--sf-border); color: var(--sf-muted);
}
button.sf-tag { font: inherit; font-size: 0.8rem; cursor: pointer; padding: 4px 12px; }
button.sf-tag:hover, button.sf-tag[aria-pressed="true"] {
  color: var(--sf-link); border-color: var(--sf-primary); background: var(--sf-tint);
}

/* Catalog */
.sf-page-head { padding: 48px 0 8px; }
.sf-page-head h1 { font-size: clamp(1.75rem, 3vw, 2.4rem); }
.sf-toolbar { display: flex; flex-direction: column; gap: 14px; margin: 24px 0 28px; }
.sf-search { position: relative; max-width: 560px; }
.sf-search svg {
  position: absolute; inset-inline-start: 14px; top: 50%; transform: translateY(-50%);
  color: var(--sf-muted);
}
.sf-search input {
  width: 100%; font: inherit; padding-block: 12px; padding-inline: 42px 14px; border-radius: 10px;
  border: 1px solid var(--sf-border); background: var(--sf-bg); color: var(--sf-text);
}
.sf-search input:focus {
  outline: none; border-color: var(--sf-primary); box-shadow: 0 0 0 3px var(--sf-tint);
}
.sf-catalog { padding-bottom: 64px; }
.sf-count { color: var(--sf-muted); font-size: 0.9rem; }
.sf-empty {
  padding: 48px 24px; text-align: center; color: var(--sf-muted); border: 1px dashed
  var(--sf-border); border-radius: 14px;
}
.sf-empty[hidden] { display: none; }

/* API page */
.sf-api-head { background: var(--sf-surface); border-bottom: 1px solid var(--sf-border); }
.sf-api-head .sf-container { padding-top: 28px; padding-bottom: 36px; }
.sf-crumbs { font-size: 0.88rem; color: var(--sf-muted); margin-bottom: 18px; }
.sf-crumbs a { color: var(--sf-muted); }
.sf-api-title { display: flex; gap: 18px; align-items: center; }
.sf-api-title .sf-avatar { width: 56px; height: 56px; font-size: 1.4rem; border-radius: 14px; }
.sf-api-title h1 { font-size: clamp(1.6rem, 3vw, 2.2rem); overflow-wrap: anywhere; }
.sf-basepath {
  display: inline-flex; align-items: center; gap: 10px; margin-top: 20px; padding: 8px 14px;
  border-radius: 10px; background: var(--sf-bg); border: 1px solid var(--sf-border);
  font-size: 0.9rem; max-width: 100%;
}
.sf-basepath span { color: var(--sf-muted); white-space: nowrap; }
.sf-basepath code { overflow-wrap: anywhere; }
.sf-endpoint { margin-top: 8px; }
.sf-api-body {
  display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 48px; padding-top: 40px;
  padding-bottom: 64px;
}
.sf-api-body > aside { display: flex; flex-direction: column; gap: 20px; }
.sf-panel {
  border: 1px solid var(--sf-border); border-radius: 14px; padding: 18px 20px;
  background: var(--sf-bg);
}
.sf-panel h2 {
  font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--sf-muted);
  margin-bottom: 12px;
}
.sf-tiers { list-style: none; margin: 0; padding: 0; }
.sf-tiers li {
  display: flex; justify-content: space-between; gap: 12px; padding: 8px 0;
  border-top: 1px solid var(--sf-border); font-size: 0.92rem;
}
.sf-tiers li:first-child { border-top: 0; padding-top: 0; }
.sf-tiers span { color: var(--sf-muted); text-align: end; }
.sf-toc { list-style: none; margin: 0; padding: 0; font-size: 0.92rem; }
.sf-toc a {
  display: flex; justify-content: space-between; align-items: baseline; gap: 12px;
  padding: 4px 0; color: var(--sf-text);
}
.sf-toc small { color: var(--sf-muted); }
.sf-sticky { position: sticky; top: 84px; }
.sf-doc { overflow-wrap: anywhere; }
.sf-doc > :first-child { margin-top: 0; }
.sf-doc h1, .sf-doc h2, .sf-doc h3 { margin: 1.4em 0 0.5em; font-size: 1.2rem; }
.sf-doc pre {
  background: var(--sf-surface); border: 1px solid var(--sf-border); padding: 14px;
  border-radius: 10px; overflow: auto; font-size: 0.88rem;
}
.sf-doc code { font-size: 0.9em; }
.sf-doc :not(pre) > code {
  background: var(--sf-surface); padding: 1px 5px; border-radius: 5px;
}
.sf-doc table { border-collapse: collapse; width: 100%; display: block; overflow: auto; }
.sf-doc th, .sf-doc td { border: 1px solid var(--sf-border); padding: 6px 10px; }
.sf-doc blockquote {
  margin: 0; padding-inline-start: 14px; border-inline-start: 3px solid var(--sf-border);
  color: var(--sf-muted);
}
.sf-md-link { color: var(--sf-link); font-weight: 550; }
.sf-md-url { color: var(--sf-muted); font-size: 0.85em; }
.sf-md-url::before { content: "("; }
.sf-md-url::after { content: ")"; }
.sf-md-image { color: var(--sf-muted); font-style: italic; }
.sf-ops-head {
  display: flex; justify-content: space-between; align-items: baseline; margin: 48px 0 8px;
}
.sf-ops-head h2 { font-size: 1.5rem; }
.sf-group { margin-top: 28px; scroll-margin-top: 84px; }
.sf-group h3 {
  font-size: 1.05rem; display: flex; align-items: center; gap: 10px; padding-bottom: 10px;
}
.sf-group h3 small { color: var(--sf-muted); font-weight: 500; font-size: 0.85rem; }
.sf-ops {
  list-style: none; margin: 0; padding: 0; border: 1px solid var(--sf-border);
  border-radius: 12px; overflow: hidden;
}
.sf-op {
  display: grid; grid-template-columns: 76px minmax(0, 1fr); gap: 4px 14px; padding: 12px 16px;
  border-top: 1px solid var(--sf-border); align-items: baseline;
}
.sf-op:first-child { border-top: 0; }
.sf-op:nth-child(even) { background: color-mix(in srgb, var(--sf-surface) 60%, transparent); }
.sf-op-path { font-size: 0.92rem; font-weight: 600; overflow-wrap: anywhere; }
.sf-op-path i { font-style: normal; color: var(--sf-link); }
.sf-op-summary { grid-column: 2; color: var(--sf-muted); font-size: 0.9rem; }
.sf-op-deprecated .sf-op-path { text-decoration: line-through; opacity: 0.7; }
.sf-op-deprecated .sf-badge { margin-inline-start: 8px; vertical-align: 1px; }
.sf-method {
  display: inline-block; text-align: center; padding: 2px 0; border-radius: 6px;
  font-size: 0.72rem; font-weight: 750; letter-spacing: 0.04em; color: #fff;
  background: #6b7280; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
.sf-method-get { background: #2f9e44; }
.sf-method-post { background: #1c7ed6; }
.sf-method-put { background: #e8590c; }
.sf-method-patch { background: #0c8599; }
.sf-method-delete { background: #e03131; }

/* Footer */
.sf-footer {
  border-top: 1px solid var(--sf-border); background: var(--sf-surface); color: var(--sf-muted);
  font-size: 0.9rem;
}
.sf-footer .sf-container {
  display: flex; justify-content: space-between; align-items: center; gap: 16px;
  padding-top: 28px; padding-bottom: 28px; flex-wrap: wrap;
}
.sf-footer p { margin: 0; white-space: pre-line; }
.sf-footer nav { display: flex; gap: 18px; }
.sf-footer a { color: var(--sf-muted); }

/* Right to left: the layout above uses logical properties and mirrors by itself; arrows
   that point "onward" are glyphs and need turning. Paths and code stay left to right. */
.sf-arrow { display: inline-block; }
[dir="rtl"] .sf-arrow { transform: scaleX(-1); }
[dir="rtl"] code, [dir="rtl"] pre { direction: ltr; unicode-bidi: isolate; }
/* Texts from definitions and the tenant may be in either script: each paragraph takes the
   direction of its own first letter, so English punctuation stays where English puts it. */
[dir="rtl"] :is(.sf-card p, .sf-card-foot span, .sf-doc, .sf-op-summary, .sf-footer p,
  .sf-step p) {
  unicode-bidi: plaintext;
}

/* Plans and documents */
.sf-panel-link { display: inline-block; margin-top: 12px; font-size: 0.9rem; font-weight: 600; }
.sf-doc-list { list-style: none; margin: 0; padding: 0; font-size: 0.95rem; }
.sf-doc-list a { display: block; padding: 5px 0 5px 10px; border-inline-start: 2px solid
  transparent; }
.sf-doc-list a[aria-current="page"] {
  font-weight: 650; color: var(--sf-text); border-inline-start-color: var(--sf-primary);
}
.sf-doc-title { font-size: clamp(1.4rem, 2.4vw, 1.8rem); margin-bottom: 20px; }
.sf-plans-body { padding-top: 24px; padding-bottom: 64px; }
.sf-plans {
  display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 20px;
}
.sf-plan {
  display: flex; flex-direction: column; gap: 10px; padding: 24px; border-radius: 14px;
  background: var(--sf-bg); border: 1px solid var(--sf-border); border-top: 4px solid
  var(--sf-primary);
}
.sf-plan h2 { font-size: 1.3rem; }
.sf-plan h3 {
  font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.08em;
  color: var(--sf-muted); margin-top: 6px;
}
.sf-plan-text, .sf-plan-none { margin: 0; color: var(--sf-muted); font-size: 0.94rem; }
.sf-plan-limits { margin: 0; display: grid; gap: 8px; }
.sf-plan-limits div { padding: 8px 12px; border-radius: 10px; background: var(--sf-surface); }
.sf-plan-limits dt { color: var(--sf-muted); font-size: 0.8rem; }
.sf-plan-limits dd { margin: 0; font-weight: 650; font-size: 1.05rem; }
.sf-plan-apis { list-style: none; margin: 0; padding: 0; font-size: 0.94rem; }
.sf-plan-apis li { padding: 3px 0; }
.sf-plan-apis small { color: var(--sf-muted); }

@media (max-width: 900px) {
  .sf-api-body { grid-template-columns: minmax(0, 1fr); gap: 32px; }
  .sf-api-body > aside { order: -1; }
  .sf-sticky { position: static; }
  .sf-steps { grid-template-columns: 1fr; }
}
@media (max-width: 600px) {
  .sf-container { padding-inline: 16px; }
  /* A logo already names the tenant; on a phone the name beside it only gets cut off. */
  .sf-brand img + span {
    position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
    white-space: nowrap;
  }
  .sf-header .sf-container { gap: 12px; height: 56px; }
  .sf-brand small { display: none; }
  .sf-nav a { padding: 6px 8px; }
  .sf-hero .sf-container { padding-top: 48px; padding-bottom: 56px; }
  .sf-hero-stats { gap: 20px; margin-top: 32px; }
  .sf-section { padding: 44px 0; }
  .sf-grid { grid-template-columns: minmax(0, 1fr); }
  .sf-op { grid-template-columns: minmax(0, 1fr); }
  .sf-op-summary { grid-column: 1; }
  .sf-method { width: 64px; }
  .sf-basepath { flex-direction: column; align-items: flex-start; gap: 2px; }
}
@media (prefers-reduced-motion: reduce) {
  .sf-card { transition: none; }
  .sf-card:hover { transform: none; }
}
`;
