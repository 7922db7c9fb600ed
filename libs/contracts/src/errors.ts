import type { DraftCheck } from './drafts';

/**
 * Every refusal the API gives carries one of these codes. The code is the contract: clients translate it
 * (the console into Vietnamese and English) and never show the English developer message to users.
 * Adding a code means adding its HTTP status below (a compile error otherwise) and its translations.
 */
export const ErrorCode = {
  // Requests as such
  BadRequest: 'bad_request',
  ValidationFailed: 'validation_failed',
  MalformedJson: 'malformed_json',
  PayloadTooLarge: 'payload_too_large',
  BodyTooDeep: 'body_too_deep',
  UnsupportedMediaType: 'unsupported_media_type',
  RouteNotFound: 'route_not_found',
  // Access
  Unauthenticated: 'unauthenticated',
  SessionExpired: 'session_expired',
  Forbidden: 'forbidden',
  CrossSiteRequest: 'cross_site_request',
  WrongCredentials: 'wrong_credentials',
  TooManyLoginAttempts: 'too_many_login_attempts',
  WrongCurrentPassword: 'wrong_current_password',
  PasswordUnchanged: 'password_unchanged',
  PasswordTooCommon: 'password_too_common',
  PasswordChangeRequired: 'password_change_required',
  // Second factor (TOTP)
  SecondFactorChallengeInvalid: 'second_factor_challenge_invalid',
  WrongSecondFactorCode: 'wrong_second_factor_code',
  TwoFactorAlreadyEnabled: 'two_factor_already_enabled',
  TwoFactorNotEnabled: 'two_factor_not_enabled',
  TwoFactorNotEnrolling: 'two_factor_not_enrolling',
  // Users
  UserNotFound: 'user_not_found',
  UsernameTaken: 'username_taken',
  SelfLockout: 'self_lockout',
  // Sources
  SourceNotFound: 'source_not_found',
  SourceExists: 'source_exists',
  OpmlOutlineWithoutUrl: 'opml_outline_without_url',
  SourcePaused: 'source_paused',
  PollBoundsInvalid: 'poll_bounds_invalid',
  UrlNotHttp: 'url_not_http',
  UrlHasCredentials: 'url_has_credentials',
  SourceUnreachable: 'source_unreachable',
  SourceKindUnknown: 'source_kind_unknown',
  AdvertisedFeedInvalid: 'advertised_feed_invalid',
  // OPML
  OpmlMissing: 'opml_missing',
  OpmlTooLarge: 'opml_too_large',
  OpmlDoctypeRefused: 'opml_doctype_refused',
  OpmlUnreadable: 'opml_unreadable',
  OpmlNotOpml: 'opml_not_opml',
  // Items
  ItemNotFound: 'item_not_found',
  SnapshotNotFound: 'snapshot_not_found',
  DateRangeInvalid: 'date_range_invalid',
  SearchCursorInvalid: 'search_cursor_invalid',
  // Our side
  RuleSyntaxInvalid: 'rule_syntax_invalid',
  RuleNotFound: 'rule_not_found',
  StoryNotFound: 'story_not_found',
  FlagNotFound: 'flag_not_found',
  FlagClaimedByOther: 'flag_claimed_by_other',
  FlagNotClaimedByYou: 'flag_not_claimed_by_you',
  FlagClosed: 'flag_closed',
  FlagAttachInvalid: 'flag_attach_invalid',
  WebhookNotFound: 'webhook_not_found',
  WebhookDisabled: 'webhook_disabled',
  // Claim matching
  GlossaryTermNotFound: 'glossary_term_not_found',
  GlossaryTermExists: 'glossary_term_exists',
  ClaimMatchSelf: 'claim_match_self',
  // Cases and teams
  CaseNotFound: 'case_not_found',
  CaseClosed: 'case_closed',
  CaseLinkNotFound: 'case_link_not_found',
  CaseTransitionIllegal: 'case_transition_illegal',
  CaseTransitionNotPermitted: 'case_transition_not_permitted',
  TeamNotFound: 'team_not_found',
  TeamExists: 'team_exists',
  // SLA policy
  SlaStageMinutesInvalid: 'sla_stage_minutes_invalid',
  SlaStageOrderInvalid: 'sla_stage_order_invalid',
  SlaWarnShareInvalid: 'sla_warn_share_invalid',
  SlaReminderInvalid: 'sla_reminder_invalid',
  SlaHolidayInvalid: 'sla_holiday_invalid',
  SlaCalendarInvalid: 'sla_calendar_invalid',
  // Drafting
  DraftNotFound: 'draft_not_found',
  DraftVersionNotFound: 'draft_version_not_found',
  DraftVersionConflict: 'draft_version_conflict',
  DraftActionIllegal: 'draft_action_illegal',
  DraftActionNotPermitted: 'draft_action_not_permitted',
  DraftChecksFailed: 'draft_checks_failed',
  DraftPlatformInvalid: 'draft_platform_invalid',
  DraftCommentNotFound: 'draft_comment_not_found',
  FactNotFound: 'fact_not_found',
  FactDatesInvalid: 'fact_dates_invalid',
  TemplateNotFound: 'template_not_found',
  TemplatePlaceholderUnknown: 'template_placeholder_unknown',
  ChannelLimitInvalid: 'channel_limit_invalid',
  DependencyUnavailable: 'dependency_unavailable',
  Internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_CODES: readonly ErrorCode[] = Object.values(ErrorCode);

/** The one mapping from code to HTTP status: a `Record`, so a code without a status does not compile. */
const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  malformed_json: 400,
  payload_too_large: 413,
  body_too_deep: 400,
  unsupported_media_type: 415,
  route_not_found: 404,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  cross_site_request: 403,
  wrong_credentials: 401,
  too_many_login_attempts: 429,
  wrong_current_password: 401,
  password_unchanged: 400,
  password_too_common: 400,
  password_change_required: 403,
  second_factor_challenge_invalid: 401,
  wrong_second_factor_code: 401,
  two_factor_already_enabled: 409,
  two_factor_not_enabled: 409,
  two_factor_not_enrolling: 409,
  user_not_found: 404,
  username_taken: 409,
  self_lockout: 400,
  source_not_found: 404,
  source_exists: 409,
  opml_outline_without_url: 400,
  source_paused: 409,
  poll_bounds_invalid: 400,
  url_not_http: 400,
  url_has_credentials: 400,
  source_unreachable: 400,
  source_kind_unknown: 400,
  advertised_feed_invalid: 400,
  opml_missing: 400,
  opml_too_large: 413,
  opml_doctype_refused: 400,
  opml_unreadable: 400,
  opml_not_opml: 400,
  item_not_found: 404,
  snapshot_not_found: 404,
  date_range_invalid: 400,
  search_cursor_invalid: 400,
  rule_syntax_invalid: 400,
  rule_not_found: 404,
  story_not_found: 404,
  flag_not_found: 404,
  flag_claimed_by_other: 409,
  flag_not_claimed_by_you: 409,
  flag_closed: 409,
  flag_attach_invalid: 400,
  webhook_not_found: 404,
  webhook_disabled: 409,
  glossary_term_not_found: 404,
  glossary_term_exists: 409,
  claim_match_self: 400,
  case_not_found: 404,
  case_closed: 409,
  case_link_not_found: 404,
  case_transition_illegal: 409,
  case_transition_not_permitted: 403,
  team_not_found: 404,
  team_exists: 409,
  sla_stage_minutes_invalid: 400,
  sla_stage_order_invalid: 400,
  sla_warn_share_invalid: 400,
  sla_reminder_invalid: 400,
  sla_holiday_invalid: 400,
  sla_calendar_invalid: 400,
  draft_not_found: 404,
  draft_version_not_found: 404,
  draft_version_conflict: 409,
  draft_action_illegal: 409,
  draft_action_not_permitted: 403,
  draft_checks_failed: 409,
  draft_platform_invalid: 400,
  draft_comment_not_found: 404,
  fact_not_found: 404,
  fact_dates_invalid: 400,
  template_not_found: 404,
  template_placeholder_unknown: 400,
  channel_limit_invalid: 400,
  dependency_unavailable: 503,
  internal: 500,
};

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS[code];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(HTTP_STATUS, value);
}

/** Facts a client may need to act on the error (or to word it); all optional. */
export interface ErrorDetails {
  /** Seconds until the refused action may be tried again (also sent as Retry-After). */
  retryAfterSec?: number;
  /** The record that already exists, for conflicts. */
  existingId?: string;
  /** The URL the error is about (a source address, an advertised feed). */
  url?: string;
  /** The part of the system that is down, for `dependency_unavailable`. */
  dependency?: string;
  /** Where in the text a rule query stops making sense (0-based character offset), for `rule_syntax_invalid`. */
  position?: number;
  /** Which syntax problem it is, for `rule_syntax_invalid` (the console words it). */
  reason?: string;
  /** Who holds a claimed flag, for `flag_claimed_by_other`. */
  holder?: { id: string; displayName: string };
  /** The statuses the case may move to from where it is, for `case_transition_illegal` and `case_transition_not_permitted`. */
  allowed?: string[];
  /** For `draft_version_conflict`: the draft's latest version and who saved it. */
  currentVersion?: number;
  updatedBy?: { id: string; displayName: string } | null;
  /** For `draft_checks_failed`: what blocks the approval. */
  checks?: DraftCheck[];
  /** For `template_placeholder_unknown`: the placeholder as written between the braces. */
  placeholder?: string;
}

/**
 * A refusal raised anywhere (libraries and API alike). `message` is for developers and logs, in English;
 * users see the client's translation of `code`. `field` names the offending request property, if one does.
 */
export class VigilError extends Error {
  readonly field?: string;
  readonly details?: ErrorDetails;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { field?: string; details?: ErrorDetails; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VigilError';
    if (options.field !== undefined) this.field = options.field;
    if (options.details !== undefined) this.details = options.details;
  }

  get status(): number {
    return httpStatusOf(this.code);
  }
}
