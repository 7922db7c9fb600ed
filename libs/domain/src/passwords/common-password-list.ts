/**
 * Passwords people pick first, written folded (lower case, no diacritics, no spaces or separators): the form
 * `isCommonPassword` compares against. The English part follows the well-known public top lists (the passwords that
 * head every breach corpus); the Vietnamese part was written for Vigil from what Vietnamese users are known to
 * choose: phrases of affection, the word "password" itself, names, places, team names and keyboard runs. A few
 * hundred entries by design: the point is to refuse the guesses an attacker tries first, not to judge strength.
 */
const ENGLISH = `
123456 123456789 12345678 password qwerty 12345 1234567 111111 1234567890 123123 abc123 1234 password1 iloveyou
1q2w3e4r 000000 qwerty123 zaq12wsx dragon sunshine princess letmein 654321 monkey 27653 1qaz2wsx 123321 qwertyuiop
superman asdfghjkl asdfgh 987654321 123qwe 1q2w3e 112233 666666 888888 121212 555555 7777777 88888888 11111111
00000000 12341234 123456a 123456aa a123456 a12345678 aa123456 aa12345678 abcd1234 abcdefgh abcdef abc12345
password123 password12 password01 passw0rd p@ssw0rd p@ssword pa55word pass1234 passpass passwort motdepasse
welcome welcome1 welcome123 admin admin123 admin1234 administrator root toor changeme changeme123 default guest
master master123 login login123 access access14 secret secret123 trustno1 whatever freedom starwars shadow
football baseball basketball soccer hockey batman michael jordan jordan23 michelle jennifer hunter hunter2
killer charlie robert thomas daniel andrew joshua jessica ashley amanda nicole hannah matthew anthony computer
internet samsung google microsoft apple iphone android facebook instagram youtube twitter linkedin chelsea
liverpool arsenal manchester barcelona realmadrid juventus qazwsx qazwsxedc zxcvbnm zxcvbn asdf1234 asdfasdf
qwer1234 qwerasdf 1qazxsw2 q1w2e3r4 q1w2e3r4t5 1q2w3e4r5t 1q2w3e4r5t6y 147258369 159753 159357 741852963
123654 123789 147852 147258 258456 789456 789456123 456789 987654 0123456789 01234567 131313 123abc 12qwaszx
loveyou lovely loveme iloveu iloveyou1 iloveyou2 love123 lover 11223344 112233445566 123123123 456123
999999 99999999 696969 101010 202020 password2 password3 baby123 babygirl babyboy sweety sweetheart angel
angel123 butterfly flower rainbow summer winter spring autumn october november december january monday sunday
hello hello123 hellokitty helloworld test test123 test1234 testing tester demo demo123 user user123 temp temp123
1234qwer 1111 2222 0000 aaaaaa aaaaaaaa asdasd asd123 qweqwe qwe123 zxc123 zxczxc 1a2b3c 1a2b3c4d a1b2c3 a1b2c3d4
pokemon naruto minecraft fortnite starwars1 matrix mustang ferrari porsche mercedes corvette harley yamaha
killer1 ninja dragon1 monkey1 shadow1 sunshine1 princess1 letmein1 football1 baseball1 superman1 batman1
qwertyu qwerty1 qwerty12 qwerty1234 1qaz2wsx3edc asdfghjkl1 zaq1xsw2 !qaz2wsx 1qaz@wsx p@ssw0rd1 passw0rd1
iloveyou! password! admin@123 admin@1234 abc@123 abc@1234 123456789a 12345678a 1234567a 123456789q
`;

const VIETNAMESE = `
matkhau matkhau1 matkhau123 matkhau1234 matkhau12345 matkhau123456 matkhaumoi matkhaucuatoi matkhaucuaban
khongbiet khongco khongnho quenmatkhau doimatkhau batmi bimat bimat123 toanbimat
anhyeuem anhyeuem1 anhyeuem123 anhyeuemnhieu anhyeuemmaimai anhyeuem520 anhyeuemlam anhthuongem anhnhoem anhiuem
emyeuanh emyeuanh1 emyeuanh123 emyeuanhnhieu emyeuanhmaimai emthuonganh emnhoanh emiuanh yeuem yeuanh yeuemnhieu
yeuanhnhieu yeumaimai maimaiyeuem maimaibenem maiyeuem yeuemmaimai toiyeuem toiyeuanh toiyeuban iuem iuanh iuemlam
yeuthuong thuongem thuonganh nhoem nhoanh tinhyeu tinhyeu123 tinhyeucuatoi tinhyeu520 emoi anhoi vodeptrai
anhdeptrai deptrai deptrai123 anhdeptraiqua xinhgai xinhdep emxinhdep emgaixinh congchua congchua123 hoangtu
hoangtu123 baby123 baybe embe embe123 embeyeu cuncon cuncung bongbong heocon heoconxinh meocon meomeo cunyeu
vietnam vietnam1 vietnam123 vietnam1234 vietnam84 vietnamvodich vietnamoi vietnamquehuongtoi tieuquocgia
hanoi hanoi123 hanoi1234 hanoi84 saigon saigon123 hochiminh hochiminh123 tphcm tphcm123 danang danang123
haiphong cantho hue nhatrang dalat vungtau quangninh nghean thanhhoa
bacho bachokinhyeu hochiminh1890 bacgiap
nguyen nguyen123 nguyenvan nguyenvana nguyenthi tran tran123 le le123 pham pham123 hoang hoang123 huynh phan
vu vo dang bui do ho ngo duong ly minh minh123 linh linh123 huong huong123 trang trang123 hung hung123
tuan tuan123 anh anh123 nam nam123 long long123 thanh thanh123 hieu hieu123 duc duc123 quang quang123
hoa hoa123 mai mai123 lan lan123 ngoc ngoc123 thao thao123 phuong phuong123 dung dung123 thuy thuy123
vanan nguyenvanan tranvanb lethic
giadinh giadinh123 giadinhlatatca bome bome123 yeubome yeume yeuba conyeu concung hanhphuc hanhphuc123
binhan binhan123 maiman thanhcong thanhcong123 chienthang tudo tudohanhphuc docLap doclaptudohanhphuc
xinchao xinchao123 chaoban chaoem camon tambiet hihi hihihi haha hahaha hehe keke kaka huhu
quantri quantri123 quantrivien admin@vn taikhoan taikhoan123 dangnhap dangnhap123 nguoidung thanhvien
asdfghjk qwertyui zxcvbnma 1234abcd abcd12345 a1234567 abc123456 aaa111 qaz123 qwe123456
muoiba baybay tamtam chinchin 68686868 86868686 66668888 88886666 6868 8686 686868 868686 39393939 79797979
123456789vn vn123456 vnpt vnpt123 viettel viettel123 mobifone vinaphone fpt fpt123 zalo zalo123
manchesterunited manutd manu123 mu123 chelsea123 arsenal123 barca123 messi10 ronaldo7 cr7 hagl hagl123
congan congan123 bodoi quandoi hocsinh sinhvien sinhvien123 giaovien bacsi kysu
`;

/** Folded, compacted entries; built once at import. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  `${ENGLISH} ${VIETNAMESE}`
    .split(/\s+/)
    .map((entry) => entry.toLowerCase())
    .filter(Boolean),
);
