import { channelLimitOf, checkChannelLimits, DEFAULT_CHANNEL_LIMITS } from './channel-limits';

describe('channel limits', () => {
  it('defaults to 280 characters on X, 2,000 on Facebook and Zalo, none for the long forms', () => {
    expect(channelLimitOf(DEFAULT_CHANNEL_LIMITS, 'social_post', 'x')).toBe(280);
    expect(channelLimitOf(DEFAULT_CHANNEL_LIMITS, 'social_post', 'zalo')).toBe(2000);
    expect(channelLimitOf(DEFAULT_CHANNEL_LIMITS, 'press_statement', null)).toBeNull();
  });

  it('accepts whole limits (null for no limit on the long forms) and names what it refuses', () => {
    expect(checkChannelLimits({ ...DEFAULT_CHANNEL_LIMITS, talking_points: 900 })).toEqual({ ok: true, limits: { ...DEFAULT_CHANNEL_LIMITS, talking_points: 900 } });
    expect(checkChannelLimits({ ...DEFAULT_CHANNEL_LIMITS, press_statement: 1.5 })).toMatchObject({ ok: false, field: 'press_statement' });
    expect(checkChannelLimits({ ...DEFAULT_CHANNEL_LIMITS, social_post: { x: null, facebook: 2000, zalo: 2000 } })).toMatchObject({ ok: false, field: 'social_post.x' });
    expect(checkChannelLimits({ ...DEFAULT_CHANNEL_LIMITS, social_post: { ...DEFAULT_CHANNEL_LIMITS.social_post, tiktok: 100 } })).toMatchObject({ ok: false, field: 'social_post.tiktok' });
    expect(checkChannelLimits({ ...DEFAULT_CHANNEL_LIMITS, radio: 5 })).toMatchObject({ ok: false, field: 'radio' });
    expect(checkChannelLimits([])).toMatchObject({ ok: false });
  });
});
