/**
 * Fictional news for the clustering specs: provinces, outlets and people are invented. Each event is reported
 * several times in different words, some typed without diacritics as many readers post them.
 */
export interface NewsFixture {
  event: string;
  title: string;
  text: string;
  language: 'vi' | 'en';
}

export const NEWS: readonly NewsFixture[] = [
  {
    event: 'flood',
    title: 'Lũ lớn nhấn chìm nhiều xã ở tỉnh Hoà Sơn',
    text: 'Mưa lớn kéo dài ba ngày khiến nước sông Lam dâng cao, nhấn chìm hàng nghìn ngôi nhà ở các huyện ven sông của tỉnh Hoà Sơn. Ban chỉ huy phòng chống thiên tai tỉnh đã sơ tán hơn hai nghìn hộ dân đến nơi an toàn.',
    language: 'vi',
  },
  {
    event: 'flood',
    title: 'Hoà Sơn: sơ tán hàng nghìn hộ dân vì nước sông Lam dâng cao',
    text: 'Chính quyền tỉnh Hoà Sơn khẩn trương di dời người dân vùng trũng khi mực nước sông Lam vượt báo động ba. Lực lượng cứu hộ dùng xuồng đưa người già và trẻ em ra khỏi vùng ngập lụt.',
    language: 'vi',
  },
  {
    event: 'flood',
    title: 'Ngap lut nghiem trong o Hoa Son, nuoc song Lam vuot bao dong',
    text: 'Nhieu xa ven song Lam cua tinh Hoa Son bi ngap sau sau tran mua lon. Hang nghin ho dan da duoc so tan, luc luong cuu ho tiep tuc tiep can cac thon bi co lap.',
    language: 'vi',
  },
  {
    event: 'water',
    title: 'Tin đồn Hà Đông sắp cắt nước ba ngày là sai sự thật',
    text: 'Trên mạng xã hội lan truyền thông tin quận Hà Đông sẽ cắt nước sạch liên tục ba ngày từ cuối tuần này. Công ty nước sạch cho biết không có kế hoạch cắt nước nào.',
    language: 'vi',
  },
  {
    event: 'water',
    title: 'Công ty nước sạch bác bỏ thông tin cắt nước tại Hà Đông',
    text: 'Đại diện công ty nước sạch khẳng định việc cung cấp nước sạch cho quận Hà Đông vẫn bình thường, thông tin cắt nước ba ngày lan truyền trên mạng là bịa đặt.',
    language: 'vi',
  },
  {
    event: 'water',
    title: 'Ha Dong khong cat nuoc, nguoi dan dung hoang mang',
    text: 'Cong ty nuoc sach bac bo tin don cat nuoc sach ba ngay tai quan Ha Dong dang lan truyen tren mang xa hoi, de nghi nguoi dan chi theo doi thong bao chinh thuc.',
    language: 'vi',
  },
  {
    event: 'fuel',
    title: 'Giá xăng giảm 500 đồng mỗi lít từ chiều nay',
    text: 'Liên bộ Công Thương và Tài chính điều chỉnh giá xăng dầu trong kỳ điều hành chiều nay, xăng RON 95 giảm 500 đồng mỗi lít, dầu diesel giảm 300 đồng.',
    language: 'vi',
  },
  {
    event: 'fuel',
    title: 'Xăng RON 95 rẻ hơn 500 đồng sau kỳ điều hành giá',
    text: 'Từ 15 giờ hôm nay giá bán lẻ xăng RON 95 giảm 500 đồng một lít theo quyết định điều hành giá xăng dầu của liên bộ, giá dầu diesel cũng giảm nhẹ.',
    language: 'vi',
  },
  {
    event: 'fuel',
    title: 'Gia xang dau dong loat giam trong ky dieu hanh chieu nay',
    text: 'Xang RON 95 giam 500 dong moi lit, dau diesel giam 300 dong moi lit theo ky dieu hanh gia xang dau moi nhat cua lien bo Cong Thuong va Tai chinh.',
    language: 'vi',
  },
  {
    event: 'fair',
    title: 'Hội chợ nông sản tỉnh Hoà Sơn khai mạc với hai trăm gian hàng',
    text: 'Hội chợ nông sản thường niên của tỉnh Hoà Sơn khai mạc sáng nay, ban tổ chức dự kiến đón khoảng mười nghìn lượt khách trong ba ngày.',
    language: 'vi',
  },
  {
    event: 'school',
    title: 'Hà Đông khánh thành trường tiểu học mới',
    text: 'Quận Hà Đông đưa vào sử dụng trường tiểu học mới với ba mươi phòng học, đón hơn một nghìn học sinh từ năm học tới.',
    language: 'vi',
  },
  {
    event: 'flood-en',
    title: 'Floods force thousands from their homes in Hoa Son province',
    text: 'Heavy rain pushed the Lam river above its highest alarm level, and rescue teams in Hoa Son province evacuated more than two thousand households by boat.',
    language: 'en',
  },
  {
    event: 'flood-en',
    title: 'Hoa Son evacuates riverside villages as Lam river floods',
    text: 'Authorities in Hoa Son province moved thousands of households away from the flooded Lam river banks after three days of heavy rain.',
    language: 'en',
  },
];
