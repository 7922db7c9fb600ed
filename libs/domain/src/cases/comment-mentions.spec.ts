import { parseMentions } from './comment-mentions';

describe('parseMentions', () => {
  it('finds each mentioned username once, lower-cased, in order', () => {
    expect(parseMentions('@Lan.Nguyen xem giúp, @tuan_le và @lan.nguyen nữa.')).toEqual(['lan.nguyen', 'tuan_le']);
  });

  it('does not read an e-mail address or a trailing full stop as a mention', () => {
    expect(parseMentions('Gửi lan@example.vn, cc @minh-anh.')).toEqual(['minh-anh']);
  });

  it('ignores names too short to be usernames and a bare @', () => {
    expect(parseMentions('@ab @ và (@hoa)')).toEqual(['hoa']);
  });

  it('reads a mention right after Vietnamese punctuation or a line break', () => {
    expect(parseMentions('Nhờ anh:\n@duty.officer kiểm tra;@reviewer1')).toEqual(['duty.officer', 'reviewer1']);
  });
});
