import { randomUUID } from 'node:crypto';
import type { NewUser } from '@vigil/persistence';
import { TEST_EPOCH } from '@vigil/testing';
import { after, DAY, HOUR, MINUTE, openRepositories, type RepositoryDatabase } from './support/repository-database';

const NOW = TEST_EPOCH;

/** A user with a name no other test uses. */
function newUser(overrides: Partial<NewUser> = {}): NewUser {
  const n = randomUUID().slice(0, 8);
  return { username: `truc-ban-${n}`, displayName: `Trực ban ${n}`, passwordHash: `hash-${n}`, roles: ['duty_officer'], ...overrides };
}

describe('Users and sessions on a real database', () => {
  let database: RepositoryDatabase;

  beforeAll(async () => {
    database = await openRepositories();
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  describe('users', () => {
    it('finds a user by username whatever its case', async () => {
      const user = await database.users.create(newUser({ username: `NguyenVanA-${randomUUID().slice(0, 8)}` }));
      await expect(database.users.findByUsername(user.username.toLowerCase())).resolves.toMatchObject({ id: user.id });
      await expect(database.users.findByUsername(user.username.toUpperCase())).resolves.toMatchObject({ id: user.id });
      await expect(database.users.findByUsername(`${user.username}-khac`)).resolves.toBeNull();
    });

    it('refuses a second user whose name differs only in case', async () => {
      const user = await database.users.create(newUser());
      await expect(database.users.create(newUser({ username: user.username.toUpperCase() }))).rejects.toThrow(/users_username_key|duplicate key/);
    });

    it('changes roles and disables a user, keeping the rest', async () => {
      const user = await database.users.create(newUser());
      const changed = await database.users.update(user.id, { roles: ['duty_officer', 'reviewer'], disabled: true });
      expect(changed).toMatchObject({ id: user.id, username: user.username, passwordHash: user.passwordHash, roles: ['duty_officer', 'reviewer'], disabled: true });
    });
  });

  describe('sessions', () => {
    it('is active until it expires', async () => {
      const user = await database.users.create(newUser());
      const session = await database.sessions.create(user.id, after(NOW, HOUR), NOW);
      await expect(database.sessions.findActive(session.id, NOW)).resolves.toMatchObject({ id: session.id, userId: user.id });
      await expect(database.sessions.findActive(session.id, after(NOW, HOUR - MINUTE))).resolves.not.toBeNull();
      await expect(database.sessions.findActive(session.id, after(NOW, HOUR))).resolves.toBeNull();
    });

    it('ends at once when revoked, and a second revocation keeps the first instant', async () => {
      const user = await database.users.create(newUser());
      const session = await database.sessions.create(user.id, after(NOW, DAY), NOW);
      await database.sessions.revoke(session.id, NOW);
      await database.sessions.revoke(session.id, after(NOW, HOUR));
      await expect(database.sessions.findActive(session.id, NOW)).resolves.toBeNull();
      const [{ revoked_at }]: { revoked_at: Date }[] = await database.db.query('SELECT revoked_at FROM sessions WHERE id = $1', [session.id]);
      expect(revoked_at).toEqual(NOW);
    });

    it('revokes every other session of a user on a password change, and only that user’s', async () => {
      const [user, other] = [await database.users.create(newUser()), await database.users.create(newUser())];
      const [kept, ended] = [await database.sessions.create(user.id, after(NOW, DAY), NOW), await database.sessions.create(user.id, after(NOW, DAY), NOW)];
      const othersSession = await database.sessions.create(other.id, after(NOW, DAY), NOW);
      await database.sessions.revokeAllForUserExcept(user.id, kept.id, NOW);
      await expect(database.sessions.findActive(kept.id, NOW)).resolves.not.toBeNull();
      await expect(database.sessions.findActive(ended.id, NOW)).resolves.toBeNull();
      await expect(database.sessions.findActive(othersSession.id, NOW)).resolves.not.toBeNull();
      await database.sessions.revokeAllForUser(user.id, NOW);
      await expect(database.sessions.findActive(kept.id, NOW)).resolves.toBeNull();
      await expect(database.sessions.findActive(othersSession.id, NOW)).resolves.not.toBeNull();
    });

    it('records a use at most once per gap, so a busy console does not write its session on every request', async () => {
      const user = await database.users.create(newUser());
      const session = await database.sessions.create(user.id, after(NOW, DAY), NOW);
      const lastUse = async () => (await database.sessions.findUnrevokedWithUser(session.id))?.session.lastUsedAt;
      await database.sessions.touch(session.id, after(NOW, 30_000), MINUTE);
      await expect(lastUse()).resolves.toEqual(NOW);
      await database.sessions.touch(session.id, after(NOW, 2 * MINUTE), MINUTE);
      await expect(lastUse()).resolves.toEqual(after(NOW, 2 * MINUTE));
      await database.sessions.revoke(session.id, after(NOW, 3 * MINUTE));
      await expect(database.sessions.findUnrevokedWithUser(session.id)).resolves.toBeNull();
    });

    it('reads a session with its user as it is now, in one statement (every authenticated request does)', async () => {
      const user = await database.users.create(newUser({ mustChangePassword: true }));
      const session = await database.sessions.create(user.id, after(NOW, DAY), NOW);
      await database.users.update(user.id, { disabled: true });
      const statements: string[] = [];
      const counter = { beforeQuery: (event: { query: string }) => void statements.push(event.query) };
      database.db.subscribers.push(counter);
      try {
        const found = await database.sessions.findUnrevokedWithUser(session.id);
        expect(found).toMatchObject({
          session: { id: session.id, userId: user.id, expiresAt: after(NOW, DAY), lastUsedAt: NOW },
          user: { id: user.id, username: user.username, roles: ['duty_officer'], disabled: true, mustChangePassword: true },
        });
        expect(found?.session.expiresAt).toBeInstanceOf(Date);
        expect(found?.user).not.toHaveProperty('passwordHash');
        expect(statements).toHaveLength(1);
      } finally {
        database.db.subscribers.splice(database.db.subscribers.indexOf(counter), 1);
      }
      await expect(database.sessions.findUnrevokedWithUser(randomUUID())).resolves.toBeNull();
    });
  });

  describe('second factors', () => {
    it('confirms only the pending secret it handed out, and refuses a new enrolment while one is active', async () => {
      const user = await database.users.create(newUser());
      await expect(database.secondFactors.startEnrolment(user.id, 'cipher-1')).resolves.toBe(true);
      await expect(database.secondFactors.startEnrolment(user.id, 'cipher-2')).resolves.toBe(true);
      await expect(database.secondFactors.confirmEnrolment(user.id, 'cipher-1', 10, ['h1'], NOW)).resolves.toBe(false);
      await expect(database.secondFactors.confirmEnrolment(user.id, 'cipher-2', 10, ['h1', 'h2'], NOW)).resolves.toBe(true);
      await expect(database.secondFactors.find(user.id)).resolves.toMatchObject({ secret: 'cipher-2', pendingSecret: null, enabledAt: NOW, lastTimeStep: '10' });
      await expect(database.secondFactors.startEnrolment(user.id, 'cipher-3')).resolves.toBe(false);
      await expect(database.secondFactors.find(user.id)).resolves.toMatchObject({ secret: 'cipher-2', pendingSecret: null });
    });

    it('accepts each time step once and each recovery code once', async () => {
      const user = await database.users.create(newUser());
      await database.secondFactors.startEnrolment(user.id, 'cipher');
      await database.secondFactors.confirmEnrolment(user.id, 'cipher', 10, ['h1', 'h2'], NOW);
      await expect(database.secondFactors.acceptTimeStep(user.id, 10)).resolves.toBe(false);
      await expect(database.secondFactors.acceptTimeStep(user.id, 11)).resolves.toBe(true);
      await expect(database.secondFactors.acceptTimeStep(user.id, 11)).resolves.toBe(false);
      await expect(database.secondFactors.spendRecoveryCode(user.id, 'h2')).resolves.toBe(true);
      await expect(database.secondFactors.spendRecoveryCode(user.id, 'h2')).resolves.toBe(false);
      await expect(database.secondFactors.find(user.id)).resolves.toMatchObject({ recoveryCodeHashes: ['h1'] });
      await database.secondFactors.remove(user.id);
      await expect(database.secondFactors.find(user.id)).resolves.toBeNull();
    });
  });
});
