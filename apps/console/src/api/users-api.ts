import type { PasswordResetAnswer, PasswordResetRequest, Role, UserView } from '@vigil/contracts';
import { request } from './http';

export interface CreateUserRequest {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  /** The user must replace the password at first sign-in. */
  mustChangePassword: boolean;
}

export interface UpdateUserRequest {
  disabled?: boolean;
  roles?: Role[];
}

export function listUsers(signal?: AbortSignal): Promise<UserView[]> {
  return request<UserView[]>('/api/users', { signal });
}

export function createUser(user: CreateUserRequest): Promise<UserView> {
  return request<UserView>('/api/users', { method: 'POST', body: user });
}

export function updateUser(id: string, changes: UpdateUserRequest): Promise<UserView> {
  return request<UserView>(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

/** A temporary password (chosen, or generated and answered once); the user's sessions end and they must change it. */
export function resetPassword(id: string, body: PasswordResetRequest): Promise<PasswordResetAnswer> {
  return request<PasswordResetAnswer>(`/api/users/${encodeURIComponent(id)}/password`, { method: 'POST', body });
}
