import type {
  LoginAnswer,
  LoginRequest,
  LoginResponse,
  SecondFactorLoginRequest,
  SessionState,
  TwoFactorActivation,
  TwoFactorEnrolment,
  TwoFactorStatus,
} from '@vigil/contracts';
import { request } from './http';

/** Signs in, or answers with a challenge when the user has two-step verification on. */
export function login(credentials: LoginRequest): Promise<LoginAnswer> {
  return request<LoginAnswer>('/api/auth/login', { method: 'POST', body: credentials, allowUnauthorized: true });
}

export function loginSecondFactor(body: SecondFactorLoginRequest): Promise<LoginResponse> {
  return request<LoginResponse>('/api/auth/login/second-factor', { method: 'POST', body, allowUnauthorized: true });
}

export function fetchTwoFactorStatus(): Promise<TwoFactorStatus> {
  return request<TwoFactorStatus>('/api/auth/two-factor');
}

export function enrolTwoFactor(): Promise<TwoFactorEnrolment> {
  return request<TwoFactorEnrolment>('/api/auth/two-factor/enrol', { method: 'POST', body: {} });
}

/** A 401 here is a wrong code, not an expired session (which the API words `session_expired`). */
export function confirmTwoFactor(code: string): Promise<TwoFactorActivation> {
  return request<TwoFactorActivation>('/api/auth/two-factor/confirm', { method: 'POST', body: { code }, allowUnauthorized: true });
}

export function disableTwoFactor(proof: { code?: string; password?: string }): Promise<void> {
  return request<void>('/api/auth/two-factor/disable', { method: 'POST', body: proof, allowUnauthorized: true });
}

/** Who the session cookie signs in, if anyone: answered with 200 either way, so a signed-out start logs no failed request. */
export function fetchSession(): Promise<SessionState> {
  return request<SessionState>('/api/auth/session');
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
