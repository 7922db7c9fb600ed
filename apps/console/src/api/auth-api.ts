import type { LoginRequest, LoginResponse, UserView } from '@vigil/contracts';
import { ApiError, request } from './http';

export function login(credentials: LoginRequest): Promise<LoginResponse> {
  return request<LoginResponse>('/api/auth/login', { method: 'POST', body: credentials, allowUnauthorized: true });
}

/** The signed-in user, or null when there is no valid session cookie. */
export async function fetchCurrentUser(): Promise<UserView | null> {
  try {
    return await request<UserView>('/api/auth/me', { allowUnauthorized: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function logout(): Promise<void> {
  return request<void>('/api/auth/logout', { method: 'POST', allowUnauthorized: true });
}
