/**
 * An account the bench creates through the console route must choose its own password at its first
 * login (下次登录须修改密码, server/domain/own-password.ts). The bench keeps the password it chose:
 * it changes it and back, so every later login with it works and this token is ready for work.
 */
import { callRoute } from './rest-client.js';

export async function clearFirstLogin(baseUrl: string, token: string, password: string): Promise<void> {
  const interim = `${password}#first-login`;
  await callRoute(baseUrl, 'changeMyPassword', { token, body: { currentPassword: password, newPassword: interim } });
  await callRoute(baseUrl, 'changeMyPassword', { token, body: { currentPassword: interim, newPassword: password } });
}
