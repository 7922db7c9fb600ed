import { Injectable } from '@nestjs/common';
import type { LiveEventPage } from '@vigil/contracts';
import { LiveEventsRepository } from '@vigil/persistence';
import { toLiveEnvelope } from '@vigil/realtime';
import type { AuthUser } from '../auth/auth-user';
import { liveViewer } from './live-viewer';

@Injectable()
export class LiveEventsService {
  constructor(private readonly events: LiveEventsRepository) {}

  /** The same replay a socket gets, one page at a time: the events after `after` that the user may see. */
  async after(user: AuthUser, after: string, limit: number): Promise<LiveEventPage> {
    // One more than asked, to say whether another page follows without a second query.
    const rows = await this.events.after(after, limit + 1, { viewer: liveViewer(user) });
    const page = rows.slice(0, limit);
    return { events: page.map(toLiveEnvelope), nextAfter: page.length ? page[page.length - 1].id : after, hasMore: rows.length > limit };
  }
}
