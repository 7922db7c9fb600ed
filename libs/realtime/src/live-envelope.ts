import type { AnyLiveEventEnvelope } from '@vigil/contracts';
import type { LiveEventEntity } from '@vigil/persistence';

/** A stored event as clients receive it (the shape is documented on LiveEventEnvelope). */
export function toLiveEnvelope(row: LiveEventEntity): AnyLiveEventEnvelope {
  // The row was stored by LiveEventPublisher.publish, whose signature ties `data` to `type`.
  return { id: row.id, type: row.type, at: row.at.toISOString(), data: row.data } as AnyLiveEventEnvelope;
}
