import type { SummaryItem } from './claim-summary';

/** Fictional coverage of fictional claims, for the starter's specs and its benchmark. */
export const DYKE_CLAIM = 'Tin đồn đê sông Hồng ở Hà Nội bị vỡ, nước tràn vào quận Long Biên';

export const DYKE_ITEMS: SummaryItem[] = [
  {
    id: 'vi-1',
    title: 'Hà Nội bác tin vỡ đê sông Hồng',
    summary: null,
    text:
      'Sở Nông nghiệp TP. Hà Nội khẳng định đê sông Hồng đoạn qua quận Long Biên không bị vỡ. ' +
      'Thông tin đê vỡ, nước tràn vào quận Long Biên lan truyền trên mạng xã hội từ tối 12/8. ' +
      'Ông Phạm Văn Định, Phó giám đốc Sở, nói: “Đê sông Hồng vẫn an toàn, không có sự cố vỡ đê nào xảy ra.” ' +
      'Mực nước sông Hồng tại trạm Long Biên đạt 9,5 m, dưới mức báo động 1. ' +
      'Lực lượng tuần tra đê túc trực 24/24 giờ.',
    language: 'vi',
    sourceName: 'Báo Thủ Đô Giả Định',
  },
  {
    id: 'vi-2',
    title: 'Sự thật về tin đê sông Hồng bị vỡ',
    summary: 'Tin đê sông Hồng bị vỡ ở Long Biên là sai sự thật, theo Sở Nông nghiệp Hà Nội.',
    text:
      'Tin đê sông Hồng bị vỡ ở Long Biên là sai sự thật, theo Sở Nông nghiệp Hà Nội. ' +
      'Bức ảnh được chia sẻ kèm tin đồn chụp trận lũ năm 2008 tại một tỉnh khác. ' +
      'Bà Nguyễn Thị Lan, người dân phường Ngọc Thụy, cho biết: “Sáng nay tôi đi dọc đê, mọi thứ vẫn bình thường.” ' +
      'Cơ quan chức năng đề nghị người dân không chia sẻ thông tin chưa kiểm chứng.',
    language: 'vi',
    sourceName: 'Tin Nhanh Giả Định',
  },
  {
    // A syndicated copy of the first item, with its own headline.
    id: 'vi-3',
    title: 'Đê sông Hồng qua Long Biên không vỡ',
    summary: null,
    text:
      'Sở Nông nghiệp TP. Hà Nội khẳng định đê sông Hồng đoạn qua quận Long Biên không hề bị vỡ. ' +
      'Thông tin đê vỡ, nước tràn vào quận Long Biên lan truyền trên mạng xã hội từ tối 12/8. ' +
      'Mực nước sông Hồng tại trạm Long Biên đạt 9,5 m, dưới mức báo động 1.',
    language: 'vi',
    sourceName: 'Cổng Tin Tổng Hợp',
  },
  {
    id: 'vi-4',
    title: 'Giá rau tăng sau mưa',
    summary: null,
    text:
      'Giá rau xanh tại các chợ nội thành tăng nhẹ sau đợt mưa kéo dài. ' +
      'Một tiểu thương ở chợ Long Biên nói: “Rau muống hôm nay đắt hơn hôm qua hai nghìn đồng.”',
    language: 'vi',
    sourceName: 'Chợ Quê Giả Định',
  },
];

export const BRIDGE_CLAIM = 'Claim that the Riverside bridge in Da Nang collapsed and killed dozens of people';

export const BRIDGE_ITEMS: SummaryItem[] = [
  {
    id: 'en-1',
    title: 'Da Nang denies Riverside bridge collapse',
    summary: 'City officials in Da Nang said the Riverside bridge is standing and no one was hurt.',
    text:
      'City officials in Da Nang said the Riverside bridge is standing and no one was hurt. ' +
      'A video claiming the bridge collapsed and killed dozens of people spread on social media on Sunday. ' +
      '"The Riverside bridge is open to traffic and was inspected this morning," said Mr. Tran Quoc Binh, director of the transport department. ' +
      'The video shows a 2019 collapse in another country.',
    language: 'en',
    sourceName: 'Coastal Daily (fictional)',
  },
  {
    id: 'en-2',
    title: 'Fact check: viral bridge collapse video is old',
    summary: null,
    text:
      'The viral video of a collapsing bridge was not filmed in Da Nang. ' +
      'Reverse image searches match it to footage published abroad in 2019. ' +
      '“We have seen no damage to any bridge in the city,” a police spokesperson said. ' +
      'Traffic on the Riverside bridge was normal on Monday.',
    language: 'en',
    sourceName: 'Check Desk (fictional)',
  },
];

/**
 * A case with many linked items, each distinct: the coverage above reworded per item (its own ward, hour and figures)
 * and followed by background paragraphs, as long articles are.
 */
export function largeCase(count: number): SummaryItem[] {
  return Array.from({ length: count }, (_, index) => {
    const base = DYKE_ITEMS[index % DYKE_ITEMS.length]!;
    const ward = `phường số ${index + 3}`;
    const background = [
      `Các chuyên gia của viện thủy lợi thứ ${index + 1} cho rằng cần tăng cường kiểm tra hệ thống đê điều trước mùa mưa bão.`,
      `Người dân ${ward} được khuyến cáo theo dõi thông tin chính thức từ cơ quan chức năng.`,
      `Lượng mưa trong tuần qua tại ${ward} cao hơn trung bình nhiều năm khoảng ${index + 10} mm.`,
      `Một số tuyến phố ven sông ở ${ward} bị ngập cục bộ vào lúc ${index % 24} giờ chiều tối.`,
      `Ủy ban nhân dân ${ward} đã họp khẩn để rà soát phương án ứng phó lần thứ ${index + 2}.`,
      `Theo thống kê, ${index * 7 + 100} hộ dân ${ward} sống gần chân đê cần được hướng dẫn sơ tán khi có lệnh.`,
    ].join(' ');
    const text = `${(base.text ?? '').replace(/Long Biên/g, `Long Biên (${ward})`)}\n\n${background}\n\n${background}`;
    return { ...base, id: `bulk-${index}`, title: `${base.title} (${index + 1})`, text };
  });
}
