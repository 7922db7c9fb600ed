import type { Role, UserView } from '@vigil/contracts';
import { request } from './http';

export interface CreateUserRequest {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
}

export interface UpdateUserRequest {
  disabled: boolean;
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
