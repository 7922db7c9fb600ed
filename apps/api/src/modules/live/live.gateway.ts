import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import {
  LIVE_NAMESPACE,
  LIVE_READY_EVENT,
  LIVE_SOCKET_EVENT,
  liveRooms,
  VigilError,
  type LiveReady,
  type Role,
} from '@vigil/contracts';
import { CLOCK, type Clock } from '@vigil/domain';
import { VigilMetrics } from '@vigil/metrics';
import { isDatabaseUnavailable, LiveEventsRepository, type LiveEventEntity } from '@vigil/persistence';
import { SessionEvents, toLiveEnvelope, type EndedSessions } from '@vigil/realtime';
import type { Server as HttpServer } from 'node:http';
import { type Namespace, Server, type Socket } from 'socket.io';
import type { AuthUser } from '../auth/auth-user';
import { AuthService } from '../auth/auth.service';
import { LiveDelivery } from './live-delivery';
import { liveViewer } from './live-viewer';
import { readHandshake } from './live-handshake';

const REPLAY_PAGE = 500;

interface LiveSocketData {
  user: AuthUser;
  lastEventId?: string;
}
type LiveSocket = Socket<Record<string, never>, Record<string, (payload: unknown) => void>, Record<string, never>, LiveSocketData>;

/**
 * The `/live` socket.io namespace on the API's HTTP server. A handshake is signed in like any request
 * (AuthService.authenticate); a socket first replays what it missed, from the event store, then joins the rooms of
 * its roles and hears the live stream. This is the only place that touches sockets.
 */
@Injectable()
export class LiveGateway implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('LiveGateway');
  private io: Server | null = null;
  private namespace: Namespace | null = null;
  private stopSessionEvents: (() => void) | null = null;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: AuthService,
    private readonly events: LiveEventsRepository,
    private readonly delivery: LiveDelivery,
    private readonly sessionEvents: SessionEvents,
    private readonly metrics: VigilMetrics,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const httpServer = this.adapterHost.httpAdapter.getHttpServer() as HttpServer;
    // No connection-state recovery: replay comes from the event store, which survives restarts and spans processes.
    this.io = new Server(httpServer, { serveClient: false, cors: { origin: false } });
    this.io.of('/').use((_socket, next) => next(connectError(new VigilError('route_not_found', `Connect to the ${LIVE_NAMESPACE} namespace`))));
    const namespace = this.io.of(LIVE_NAMESPACE);
    this.namespace = namespace;
    namespace.use((socket, next) => {
      this.signIn(socket as LiveSocket).then(
        () => next(),
        (error: unknown) => next(connectError(error)),
      );
    });
    namespace.on('connection', (socket: LiveSocket) => this.onConnection(socket));
    this.stopSessionEvents = this.sessionEvents.onEnded((ended) => this.disconnectSessions(ended));
    await this.delivery.start((rows) => this.broadcast(rows));
  }

  beforeApplicationShutdown(): void {
    this.delivery.stop();
    this.stopSessionEvents?.();
    // Closing the transports (not the sockets) lets clients reconnect on their own to whichever process is up,
    // replaying from their last event id.
    this.io?.engine.close();
  }

  private async signIn(socket: LiveSocket): Promise<void> {
    const handshake = readHandshake(socket.handshake);
    socket.data.user = await this.auth.authenticate(handshake.token);
    socket.data.lastEventId = handshake.lastEventId;
  }

  private onConnection(socket: LiveSocket): void {
    const { user, lastEventId } = socket.data;
    // No cursor: live from now, no replay.
    this.replayThenJoin(socket, user, lastEventId ?? this.delivery.deliveredId).catch((error: unknown) => {
      this.logger.warn(`Replay for ${user.username} failed; the client will reconnect: ${String(error)}`);
      socket.conn.close();
    });
  }

  /**
   * Sends the stored events after `cursor` that the user may see, then joins the live rooms. Live events published
   * meanwhile are not lost or doubled: the socket joins its rooms in the same synchronous step that finds its cursor
   * equal to this process's delivery cursor, so everything up to it came by replay and everything after comes live.
   */
  private async replayThenJoin(socket: LiveSocket, user: AuthUser, cursor: string): Promise<void> {
    const viewer = liveViewer(user);
    for (;;) {
      if (socket.disconnected) return;
      const target = this.delivery.deliveredId;
      const order = compareIds(cursor, target);
      if (order < 0) {
        const rows = await this.events.after(cursor, REPLAY_PAGE, { upTo: target, viewer });
        if (socket.disconnected) return;
        for (const row of rows) socket.emit(LIVE_SOCKET_EVENT, toLiveEnvelope(row));
        cursor = rows.length === REPLAY_PAGE ? rows[rows.length - 1].id : target;
      } else if (order === 0) {
        // Synchronous with the in-memory adapter (each process emits only to its own sockets; no Redis adapter).
        void socket.join(roomsOf(user));
        socket.emit(LIVE_READY_EVENT, { lastEventId: cursor } satisfies LiveReady);
        return;
      } else {
        // The client saw events (from another API process) that this one has not read yet: read them first.
        await this.delivery.catchUp();
        // Still ahead: the cursor names no stored event (another database, say); carry on from the newest one.
        if (compareIds(cursor, this.delivery.deliveredId) > 0) cursor = this.delivery.deliveredId;
      }
    }
  }

  /** Called by LiveDelivery with each batch of newly stored events, in id order. */
  private broadcast(rows: readonly LiveEventEntity[]): void {
    const namespace = this.namespace;
    if (!namespace) return;
    const now = this.clock.now().getTime();
    for (const row of rows) {
      const rooms = audienceRooms(row);
      namespace.to(rooms).emit(LIVE_SOCKET_EVENT, toLiveEnvelope(row));
      this.metrics.liveEventLatency.observe({ type: row.type }, Math.max(0, now - row.at.getTime()) / 1000);
    }
  }

  private disconnectSessions(ended: EndedSessions): void {
    for (const socket of this.namespace?.sockets.values() ?? []) {
      const user = (socket as LiveSocket).data.user as AuthUser | undefined;
      const matches = 'sessionId' in ended ? user?.sessionId === ended.sessionId : user?.id === ended.userId && user.sessionId !== ended.exceptSessionId;
      if (!matches) continue;
      // Closed by the server: the client does not reconnect on its own (it has to sign in again).
      socket.disconnect(true);
    }
  }
}

function roomsOf(user: AuthUser): string[] {
  return [liveRooms.everyone, liveRooms.user(user.id), ...user.roles.map((role: Role) => liveRooms.role(role))];
}

function audienceRooms(row: LiveEventEntity): string[] {
  if (!row.roles?.length && !row.team && !row.userIds?.length) return [liveRooms.everyone];
  return [
    ...(row.roles ?? []).map((role) => liveRooms.role(role)),
    ...(row.team ? [liveRooms.team(row.team)] : []),
    ...(row.userIds ?? []).map((userId) => liveRooms.user(userId)),
  ];
}

function compareIds(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** A refused handshake: the client's connect_error carries the code as `message` and in `data`. */
function connectError(error: unknown): Error & { data: { code: string; message: string } } {
  const code = error instanceof VigilError ? error.code : isDatabaseUnavailable(error) ? 'dependency_unavailable' : 'internal';
  const message = error instanceof VigilError ? error.message : 'The sign-in check failed';
  return Object.assign(new Error(code), { data: { code, message } });
}
