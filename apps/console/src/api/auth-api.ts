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

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** 401 here means the current password is wrong, not that the session expired, so it must not sign the user out. */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return request<void>('/api/auth/password', { method: 'POST', body, allowUnauthorized: true });
}
