// The browser shell hands the access token over once, in the page URL. Keep it for this tab
// only and take it out of the address bar so it is not bookmarked or shared by accident.
const KEY = 'marquee.token';

export function captureAccessToken(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  sessionStorage.setItem(KEY, token);
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
}

export function accessToken(): string | null {
  return sessionStorage.getItem(KEY);
}
