import { Injectable } from '@nestjs/common';
import { type SlaPolicyView, VigilError } from '@vigil/contracts';
import { SlaPolicyStore } from '@vigil/deadlines';
import { checkSlaPolicy, type SlaPolicy } from '@vigil/domain';

@Injectable()
export class SlaPolicyService {
  constructor(private readonly store: SlaPolicyStore) {}

  async current(): Promise<SlaPolicyView> {
    return toView(await this.store.current());
  }

  /** Stores a checked policy; deadlines already planned keep their times (only later plans read it). */
  async replace(submitted: unknown): Promise<SlaPolicyView> {
    const checked = checkSlaPolicy(submitted);
    if (!checked.ok) throw new VigilError(checked.problem.code, checked.problem.message, { field: checked.problem.field });
    await this.store.replace(checked.policy);
    return toView(checked.policy);
  }
}

function toView(policy: SlaPolicy): SlaPolicyView {
  return { ...policy, calendar: { ...policy.calendar, weekdays: [...policy.calendar.weekdays], holidays: [...policy.calendar.holidays] } };
}
