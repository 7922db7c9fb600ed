import { Inject, Injectable, Logger } from '@nestjs/common';
import { LiveEventsRepository, type LiveEventEntity } from '@vigil/persistence';
import { LiveNotifier } from '@vigil/realtime';

const PAGE = 500;
/** With Redis, a notification lost in an outage is made up within this long. */
const CATCH_UP_EVERY_MS = 5_000;

export type DeliverRows = (rows: readonly LiveEventEntity[]) => void;

/**
 * This process's cursor over the event store. On every notification (or periodically, with Redis) it reads the
 * events stored after the last one it delivered and hands them to the gateway, in id order, each exactly once.
 * Reads are serialised; `deliveredId` moves in the same synchronous step as the delivery, which the gateway relies
 * on to hand a replaying socket over to the live stream without a gap or a repeat.
 */
@Injectable()
export class LiveDelivery {
  private readonly logger = new Logger('LiveDelivery');
  private delivered = '0';
  private deliver: DeliverRows = () => undefined;
  private running: Promise<void> | null = null;
  private requested = false;
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly events: LiveEventsRepository,
    @Inject(LiveNotifier) private readonly notifier: LiveNotifier,
  ) {}

  /** The id of the last event handed to the gateway. */
  get deliveredId(): string {
    return this.delivered;
  }

  /** Starts after the newest stored event: older ones reach a client only through its replay. */
  async start(deliver: DeliverRows): Promise<void> {
    this.deliver = deliver;
    this.delivered = await this.events.latestId();
    this.unsubscribe = this.notifier.subscribe((notification) => {
      if (notification.kind === 'events-stored') this.catchUpQuietly();
    });
    if (this.notifier.mode === 'redis') {
      this.timer = setInterval(() => this.catchUpQuietly(), CATCH_UP_EVERY_MS);
      this.timer.unref();
    }
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
  }

  /** Resolves once a read that began after this call has delivered everything it found. */
  catchUp(): Promise<void> {
    this.requested = true;
    this.running ??= this.readWhileRequested().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private catchUpQuietly(): void {
    this.catchUp().catch((error: unknown) => this.logger.warn(`Could not read new live events (retried on the next notification): ${String(error)}`));
  }

  private async readWhileRequested(): Promise<void> {
    while (this.requested) {
      this.requested = false;
      for (;;) {
        const rows = await this.events.after(this.delivered, PAGE);
        if (rows.length === 0) break;
        this.deliver(rows);
        this.delivered = rows[rows.length - 1].id;
        if (rows.length < PAGE) break;
      }
    }
  }
}
