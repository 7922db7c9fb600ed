import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A source's last failure carries a code and its parameters, so clients word it in the reader's language;
 * `last_error` stays as the English developer text. Failing sources get theirs from that text (the messages the
 * fetcher and parsers wrote until now); one the patterns do not know is `fetch_failed`. No CHECK on the code:
 * the set grows with the fetcher, and a client words a code it does not know as `fetch_failed`.
 */
export class SourceFailureCodes1764900000000 implements MigrationInterface {
  name = 'SourceFailureCodes1764900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sources ADD COLUMN last_error_code text, ADD COLUMN last_error_params jsonb`);
    await db.query(`
      UPDATE sources SET last_error_code = CASE
          WHEN last_error LIKE 'Internal error: %' THEN 'internal'
          WHEN last_error LIKE 'Blocked: %' THEN 'address_blocked'
          WHEN last_error LIKE 'Not a valid URL: %' OR last_error LIKE 'Only http and https URLs can be fetched%'
            OR last_error LIKE 'URLs with credentials are not fetched%' OR last_error LIKE '% redirected to an invalid URL: %' THEN 'url_invalid'
          WHEN last_error LIKE 'robots.txt of % does not allow VigilBot%' THEN 'robots_disallowed'
          WHEN last_error ~ ' asked Vigil to slow down; next try in [0-9.]+ (ms|s|min|h)$'
            OR last_error ~ '^HTTP [0-9]+ from .*; Vigil waits [0-9.]+ (ms|s|min|h) before asking again$' THEN 'rate_limited'
          WHEN last_error ~ '^HTTP (404|410) from ' THEN 'not_found'
          WHEN last_error ~ '^HTTP 5[0-9][0-9] from ' THEN 'server_error'
          WHEN last_error ~ '^HTTP [0-9]+ from ' THEN 'http_error'
          WHEN last_error LIKE 'Redirect loop: %' THEN 'redirect_loop'
          WHEN last_error ~ '^More than [0-9]+ redirects from ' THEN 'too_many_redirects'
          WHEN last_error LIKE 'No complete answer from % within %' OR last_error LIKE 'Could not connect to %' THEN 'timeout'
          WHEN last_error LIKE 'Could not fetch %' OR last_error LIKE 'Could not resolve %' OR last_error LIKE '% has no address' THEN 'unreachable'
          WHEN last_error ~ ' (sent more than|over the) [0-9.]+ (MiB|KiB|bytes)' THEN 'too_large'
          WHEN last_error ~ '^Expected (a feed \\(XML or JSON\\)|an HTML page) but .* is [^ ]+$' THEN 'content_type_unsupported'
          WHEN last_error LIKE '% used an unsupported content encoding %' THEN 'content_encoding_unsupported'
          WHEN last_error LIKE 'The compressed body from % is corrupt' THEN 'body_corrupt'
          WHEN last_error IN ('Unreadable feed: got an HTML page, not a feed', 'Unreadable feed: got a sitemap, not a feed',
            'Unreadable feed: the document is not XML or JSON', 'Unreadable feed: JSON document without a https://jsonfeed.org/version/ version') THEN 'not_a_feed'
          WHEN last_error = 'Unreadable feed: the document is empty' THEN 'feed_empty'
          WHEN last_error ~ '^Unreadable [a-z ]+: larger than [0-9]+ MiB$' THEN 'document_too_large'
          WHEN last_error ~ '^Unreadable [a-z ]+: more than [0-9]+ numeric character references$' THEN 'document_too_complex'
          WHEN last_error LIKE 'Unreadable sitemap: the root element is %' THEN 'not_a_sitemap'
          WHEN last_error LIKE 'Unreadable sitemap: %' THEN 'sitemap_malformed'
          WHEN last_error LIKE 'Unreadable feed: %' THEN 'feed_malformed'
          WHEN last_error LIKE 'Invalid listing rule: CSS selector %' THEN 'listing_selector_invalid'
          WHEN last_error LIKE 'Invalid listing rule: link pattern %' THEN 'listing_pattern_invalid'
          ELSE 'fetch_failed'
        END
      WHERE last_error IS NOT NULL`);
    // The wording of these codes names a number; each is read back from the English text matched above.
    await db.query(`
      UPDATE sources SET last_error_params = CASE
          WHEN last_error_code IN ('not_found', 'server_error', 'http_error') THEN
            jsonb_build_object('httpStatus', substring(last_error FROM '^HTTP ([0-9]+)')::integer)
          WHEN last_error_code = 'rate_limited' THEN jsonb_strip_nulls(jsonb_build_object(
            'httpStatus', substring(last_error FROM '^HTTP ([0-9]+)')::integer,
            'retryAfterSec', ceil(substring(last_error FROM '(?:in|waits) ([0-9.]+) (?:ms|s|min|h)')::numeric * CASE substring(last_error FROM '(?:in|waits) [0-9.]+ (ms|s|min|h)')
              WHEN 'ms' THEN 0.001 WHEN 's' THEN 1 WHEN 'min' THEN 60 ELSE 3600 END)::integer))
          WHEN last_error_code = 'too_large' THEN jsonb_build_object('limitMiB', round(
            substring(last_error FROM '(?:sent more than|over the) ([0-9.]+) (?:MiB|KiB|bytes)')::numeric
              / CASE substring(last_error FROM '(?:sent more than|over the) [0-9.]+ (MiB|KiB|bytes)') WHEN 'MiB' THEN 1 WHEN 'KiB' THEN 1024 ELSE 1048576 END, 1))
          WHEN last_error_code = 'document_too_large' THEN
            jsonb_build_object('limitMiB', substring(last_error FROM 'larger than ([0-9]+) MiB')::integer)
          WHEN last_error_code = 'too_many_redirects' THEN
            jsonb_build_object('maxRedirects', substring(last_error FROM '^More than ([0-9]+) redirects')::integer)
          WHEN last_error_code = 'content_type_unsupported' THEN
            jsonb_build_object('contentType', substring(last_error FROM ' is ([^ ]+)$'))
          ELSE '{}'::jsonb
        END
      WHERE last_error_code IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sources DROP COLUMN last_error_code, DROP COLUMN last_error_params`);
  }
}
