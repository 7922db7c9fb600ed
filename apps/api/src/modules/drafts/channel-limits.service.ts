import { Injectable } from '@nestjs/common';
import { type ChannelLimits, VigilError } from '@vigil/contracts';
import { checkChannelLimits, DEFAULT_CHANNEL_LIMITS } from '@vigil/domain';
import { SettingsRepository, type Transaction } from '@vigil/persistence';

/** The settings key holding the characters allowed per channel (JSON, checked by checkChannelLimits). */
const CHANNEL_LIMITS_SETTING = 'channel-limits';

/** The channels' length limits: the stored setting, the defaults stored on first use; admins replace them. */
@Injectable()
export class ChannelLimitsService {
  constructor(private readonly settings: SettingsRepository) {}

  async current(tx?: Transaction): Promise<ChannelLimits> {
    const stored = checkChannelLimits(JSON.parse(await this.settings.getOrInit(CHANNEL_LIMITS_SETTING, JSON.stringify(DEFAULT_CHANNEL_LIMITS), tx)));
    // A value edited behind the API's back falls back to the defaults rather than failing every draft read.
    return stored.ok ? stored.limits : DEFAULT_CHANNEL_LIMITS;
  }

  async replace(submitted: unknown): Promise<ChannelLimits> {
    const checked = checkChannelLimits(submitted);
    if (!checked.ok) throw new VigilError('channel_limit_invalid', checked.message, { field: checked.field });
    await this.settings.put(CHANNEL_LIMITS_SETTING, JSON.stringify(checked.limits));
    return checked.limits;
  }
}
