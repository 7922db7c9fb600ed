import { Injectable } from '@nestjs/common';
import { DEFAULT_SLA_POLICY, parseSlaPolicy, type SlaPolicy } from '@vigil/domain';
import { SettingsRepository, type Transaction } from '@vigil/persistence';

/** The settings key holding the office's SLA policy (JSON, checked by SLA_POLICY_SCHEMA). */
export const SLA_POLICY_SETTING = 'sla-policy';

/**
 * The SLA policy in force: the stored setting, the defaults stored on first use. Read afresh by every plan and
 * tick, so an edited policy applies to the next deadline computed, in every process, without a restart.
 */
@Injectable()
export class SlaPolicyStore {
  constructor(private readonly settings: SettingsRepository) {}

  async current(tx?: Transaction): Promise<SlaPolicy> {
    return parseSlaPolicy(JSON.parse(await this.settings.getOrInit(SLA_POLICY_SETTING, JSON.stringify(DEFAULT_SLA_POLICY), tx)));
  }

  /** Replaces the policy; deadlines already planned keep their times, the next plan uses this one. */
  async replace(policy: SlaPolicy): Promise<void> {
    await this.settings.put(SLA_POLICY_SETTING, JSON.stringify(policy));
  }
}
