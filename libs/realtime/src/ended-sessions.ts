/** One session (a logout), or every session of a user but, optionally, one (a password change keeps its own). */
export type EndedSessions = { sessionId: string } | { userId: string; exceptSessionId?: string };
