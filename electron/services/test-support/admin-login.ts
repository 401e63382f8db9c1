/** The seeded admin's token, logged in straight at the server (not through the proxy the workstation uses: a test may cut it). */
export async function adminToken(serverUrl: string): Promise<string> {
  const login = await fetch(`${serverUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account: 'admin', password: 'admin123' }),
  });
  return ((await login.json()) as { token: string }).token;
}
