/**
 * The browser shell's token arrives once as ?token= in the page URL. It is kept in sessionStorage
 * (this tab only, survives reloads) and removed from the visible URL so it is not copied,
 * bookmarked or shown in screenshots.
 */
const STORAGE_KEY = 'kefu.shellToken';

export function takeShellToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      // storage disabled: the token still works for this page's lifetime
    }
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
