import type { MigrationInterface, QueryRunner } from 'typeorm';

const SEEDED_AT = '2026-11-01T00:00:00Z';
const CHANNELS = `'press_statement', 'website_article', 'social_post', 'talking_points'`;

/** One starting template per channel and language; admins edit them (or add others) from the console. */
const DEFAULT_TEMPLATES: { name: string; channel: string; language: 'vi' | 'en'; body: string }[] = [
  {
    name: 'Thông cáo báo chí',
    channel: 'press_statement',
    language: 'vi',
    body: [
      '# THÔNG CÁO BÁO CHÍ',
      '{{office_name}}, {{date}}',
      '',
      '# Về thông tin "{{case_title}}"',
      'Thời gian gần đây, trên mạng xã hội và một số trang tin xuất hiện thông tin sau:',
      '',
      '{{quotes}}',
      '',
      '{{summary}}',
      '',
      '{{office_name}} khẳng định đây là thông tin không chính xác. Thông tin chính thức như sau:',
      '',
      '{{facts}}',
      '',
      'Đề nghị các cơ quan báo chí và người dân chỉ sử dụng thông tin từ các nguồn chính thức. (Hồ sơ {{case_reference}})',
      '',
      '# Nguồn',
      '{{citations}}',
    ].join('\n'),
  },
  {
    name: 'Press statement',
    channel: 'press_statement',
    language: 'en',
    body: [
      '# PRESS STATEMENT',
      '{{office_name}}, {{date}}',
      '',
      '# On "{{case_title}}"',
      'The following claim has recently circulated on social media and some websites:',
      '',
      '{{quotes}}',
      '',
      '{{summary}}',
      '',
      '{{office_name}} states that this claim is inaccurate. The official facts are:',
      '',
      '{{facts}}',
      '',
      'We ask the press and the public to rely on official sources only. (Case {{case_reference}})',
      '',
      '# Sources',
      '{{citations}}',
    ].join('\n'),
  },
  {
    name: 'Bài viết trên cổng thông tin',
    channel: 'website_article',
    language: 'vi',
    body: [
      '# Sự thật về thông tin "{{case_title}}"',
      '{{date}}',
      '',
      '# Thông tin đang lan truyền',
      '{{summary}}',
      '',
      '{{quotes}}',
      '',
      '# Thông tin chính thức',
      '{{facts}}',
      '',
      '# Khuyến cáo',
      'Người dân cần tỉnh táo trước các thông tin chưa được kiểm chứng và theo dõi thông tin từ {{office_name}}.',
      '',
      '# Nguồn',
      '{{citations}}',
    ].join('\n'),
  },
  {
    name: 'Website article',
    channel: 'website_article',
    language: 'en',
    body: [
      '# The facts about "{{case_title}}"',
      '{{date}}',
      '',
      '# What is being shared',
      '{{summary}}',
      '',
      '{{quotes}}',
      '',
      '# The official facts',
      '{{facts}}',
      '',
      '# Our advice',
      'Please treat unverified information with care and follow the updates from {{office_name}}.',
      '',
      '# Sources',
      '{{citations}}',
    ].join('\n'),
  },
  {
    name: 'Bài đăng mạng xã hội',
    channel: 'social_post',
    language: 'vi',
    body: ['THÔNG TIN SAI SỰ THẬT: {{case_title}}', '', '{{facts}}', '', 'Nguồn: {{office_name}}, {{date}}'].join('\n'),
  },
  {
    name: 'Social media post',
    channel: 'social_post',
    language: 'en',
    body: ['FALSE CLAIM: {{case_title}}', '', '{{facts}}', '', 'Source: {{office_name}}, {{date}}'].join('\n'),
  },
  {
    name: 'Điểm trả lời phỏng vấn',
    channel: 'talking_points',
    language: 'vi',
    body: [
      '# Điểm trả lời: {{case_title}} ({{case_reference}})',
      '{{date}}',
      '',
      '# Thông tin đang lan truyền',
      '{{summary}}',
      '',
      '# Những điểm cần nêu',
      '- Thông tin trên là không chính xác.',
      '{{facts}}',
      '- Đề nghị người dân theo dõi thông tin chính thức từ {{office_name}}.',
      '',
      '# Nguồn',
      '{{citations}}',
    ].join('\n'),
  },
  {
    name: 'Talking points',
    channel: 'talking_points',
    language: 'en',
    body: [
      '# Talking points: {{case_title}} ({{case_reference}})',
      '{{date}}',
      '',
      '# What is being shared',
      '{{summary}}',
      '',
      '# Key points',
      '- The claim is inaccurate.',
      '{{facts}}',
      '- Follow the official updates from {{office_name}}.',
      '',
      '# Sources',
      '{{citations}}',
    ].join('\n'),
  },
];

/**
 * The fact library (verified facts and official statements, kept verbatim, cited across cases) and the drafting
 * templates. A fact's search_text is its folded words (statement, source, tags), written by the repository with the
 * same folding items use, so "hoa" finds "hoà" and "hòa" on PGlite and PostgreSQL alike; tag_keys are its folded
 * tags, which the tag filter compares. Validity is a date window, inclusive, checked against the office's day.
 */
export class FactsAndTemplates1766340000000 implements MigrationInterface {
  name = 'FactsAndTemplates1766340000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE facts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        statement text NOT NULL,
        source_name text NOT NULL,
        source_url text,
        stated_on date NOT NULL,
        valid_from date NOT NULL,
        valid_until date,
        tags text[] NOT NULL DEFAULT '{}',
        tag_keys text[] NOT NULL DEFAULT '{}',
        language text NOT NULL CHECK (language IN ('vi', 'en')),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        search_text text NOT NULL,
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED,
        CHECK (valid_until IS NULL OR valid_until >= valid_from)
      )`);
    await db.query(`CREATE INDEX facts_search_vector_idx ON facts USING gin (search_vector)`);
    await db.query(`CREATE INDEX facts_tag_keys_idx ON facts USING gin (tag_keys)`);
    await db.query(`CREATE INDEX facts_newest_idx ON facts (stated_on DESC, created_at DESC, id)`);
    await db.query(`
      CREATE TABLE draft_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        channel text NOT NULL CHECK (channel IN (${CHANNELS})),
        language text NOT NULL CHECK (language IN ('vi', 'en')),
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX draft_templates_channel_idx ON draft_templates (channel, language, updated_at DESC)`);
    // Dated as of this release rather than now(), so a template an admin saves afterwards counts as newer (forChannel).
    for (const template of DEFAULT_TEMPLATES) {
      await db.query(`INSERT INTO draft_templates (name, channel, language, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)`, [
        template.name,
        template.channel,
        template.language,
        template.body,
        SEEDED_AT,
      ]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE draft_templates`);
    await db.query(`DROP TABLE facts`);
  }
}
