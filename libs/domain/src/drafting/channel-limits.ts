import { type ChannelLimits, type DraftChannel, SOCIAL_PLATFORMS, type SocialPlatform } from '@vigil/contracts';

/** Until an admin says otherwise: X's 280, Facebook and Zalo posts kept to 2,000; the longer forms unlimited. */
export const DEFAULT_CHANNEL_LIMITS: ChannelLimits = {
  press_statement: null,
  website_article: null,
  talking_points: null,
  social_post: { x: 280, facebook: 2000, zalo: 2000 },
};

/** A limit must be a whole number of characters, 1 to 100,000. */
const MAX_LIMIT = 100_000;

export type ChannelLimitsCheck = { ok: true; limits: ChannelLimits } | { ok: false; field: string; message: string };

/** Checks limits sent by an admin (every channel and every platform named, nothing else). */
export function checkChannelLimits(value: unknown): ChannelLimitsCheck {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, field: 'limits', message: 'the limits must be an object' };
  const sent = value as Record<string, unknown>;
  const unknown = Object.keys(sent).find((key) => !['press_statement', 'website_article', 'talking_points', 'social_post'].includes(key));
  if (unknown) return { ok: false, field: unknown, message: `${unknown} is not a channel` };
  const limits: Partial<ChannelLimits> = {};
  for (const channel of ['press_statement', 'website_article', 'talking_points'] as const) {
    const limit = sent[channel];
    if (limit !== null && !isLimit(limit)) return { ok: false, field: channel, message: `${channel} must be null or a whole number from 1 to ${MAX_LIMIT}` };
    limits[channel] = limit;
  }
  const social = sent.social_post;
  if (typeof social !== 'object' || social === null || Array.isArray(social)) return { ok: false, field: 'social_post', message: 'social_post must give a limit per platform' };
  const platforms = social as Record<string, unknown>;
  const stray = Object.keys(platforms).find((key) => !(SOCIAL_PLATFORMS as readonly string[]).includes(key));
  if (stray) return { ok: false, field: `social_post.${stray}`, message: `${stray} is not a platform` };
  const perPlatform = {} as Record<SocialPlatform, number>;
  for (const platform of SOCIAL_PLATFORMS) {
    const limit = platforms[platform];
    if (!isLimit(limit)) return { ok: false, field: `social_post.${platform}`, message: `social_post.${platform} must be a whole number from 1 to ${MAX_LIMIT}` };
    perPlatform[platform] = limit;
  }
  return { ok: true, limits: { ...(limits as Omit<ChannelLimits, 'social_post'>), social_post: perPlatform } };
}

/** The limit a draft of this channel (and platform) must keep; null when it has none. */
export function channelLimitOf(limits: ChannelLimits, channel: DraftChannel, platform: SocialPlatform | null): number | null {
  if (channel === 'social_post') return platform ? limits.social_post[platform] : null;
  return limits[channel];
}

function isLimit(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_LIMIT;
}
