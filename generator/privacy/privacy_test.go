package privacy

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	pPhone  = "[số điện thoại đã ẩn]"
	pEmail  = "[thư điện tử đã ẩn]"
	pID     = "[số định danh đã ẩn]"
	pAcct   = "[số tài khoản đã ẩn]"
	pPlate  = "[biển số xe đã ẩn]"
	pAddr   = "[địa chỉ đã ẩn]"
	pParcel = "[thửa đất đã ẩn]"
	pName   = "[họ tên đã ẩn]"
)

type maskCase struct {
	name, in, want string
}

// positive cases: personal data is masked.
var positive = []maskCase{
	// Phone numbers.
	{"mobile spaces", "Số điện thoại liên hệ: 0912 345 678.", "Số điện thoại liên hệ: " + pPhone + "."},
	{"mobile dots", "Gọi 0912.345.678 để được hỗ trợ", "Gọi " + pPhone + " để được hỗ trợ"},
	{"mobile dashes", "SĐT 0912-345-678", "SĐT " + pPhone},
	{"mobile plain", "liên hệ 0912345678 vào giờ hành chính", "liên hệ " + pPhone + " vào giờ hành chính"},
	{"plus84 plain", "điện thoại +84 912345678", "điện thoại " + pPhone},
	{"plus84 groups", "Phone: +84 912 345 678", "Phone: " + pPhone},
	{"84 no plus", "số 84912345678 của tôi", "số " + pPhone + " của tôi"},
	{"paren plus84", "(+84) 91 234 5678 là số của ông", pPhone + " là số của ông"},
	{"landline An Giang", "Điện thoại bàn: 0296 3852 123", "Điện thoại bàn: " + pPhone},
	{"landline paren dots", "ĐT: (0296) 3.852.123, fax 0296 3852 124", "ĐT: " + pPhone + ", fax " + pPhone},
	{"landline HCMC", "gọi 028 3829 1234 hoặc 0987654321", "gọi " + pPhone + " hoặc " + pPhone},
	{"no diacritics sdt", "sdt 0912345678", "sdt " + pPhone},
	{"two phones dash", "0912345678-0987654321", pPhone + "-" + pPhone},
	{"year then phone", "Năm 2025 0912345678 gọi mãi không được", "Năm 2025 " + pPhone + " gọi mãi không được"},
	{"phone keyword 9 digits", "Zalo: 912 345 678", "Zalo: " + pPhone},
	{"phone in bold", "**0912 345 678**", "**" + pPhone + "**"},
	{"glued to keyword", "SĐT0912345678 (Zalo)", pPhone + " (Zalo)"},
	{"old 11 digit mobile", "di động 01689 123 456", "di động " + pPhone},

	// E-mail addresses.
	{"email plain", "Email: nguyen.van.an@gmail.com.", "Email: " + pEmail + "."},
	{"email vietnamese local", "thư gửi tới trần.thị.bé@yahoo.com.vn nhé", "thư gửi tới " + pEmail + " nhé"},
	{"email obfuscated at", "liên hệ abc [at] gmail [dot] com", "liên hệ " + pEmail},
	{"email obfuscated a", "hộp thư abc(a)gmail.com", "hộp thư " + pEmail},
	{"email autolink", "Gửi về <an.nguyen@gmail.com>.", "Gửi về " + pEmail + "."},
	{"email mailto link", "[viết thư](mailto:an.nguyen@gmail.com) cho tôi", pEmail + " cho tôi"},

	// Identity numbers.
	{"cccd", "CCCD số 087123456789 cấp ngày 12/3/2021", "CCCD số " + pID + " cấp ngày 12/3/2021"},
	{"can cuoc groups", "căn cước công dân 087 123 456 789", "căn cước công dân " + pID},
	{"dinh danh", "số định danh cá nhân 087123456789", "số định danh cá nhân " + pID},
	{"bare cccd", "giấy tờ 079201001234 đã nộp", "giấy tờ " + pID + " đã nộp"},
	{"cmnd 9 digits", "CMND số 361234567", "CMND số " + pID},
	{"chung minh nhan dan", "chứng minh nhân dân số: 361 234 567", "chứng minh nhân dân số: " + pID},
	{"passport", "hộ chiếu số C1234567 do Cục Quản lý xuất nhập cảnh cấp", "hộ chiếu số " + pID + " do Cục Quản lý xuất nhập cảnh cấp"},
	{"tax code 13", "mã số thuế 8012345678-001", "mã số thuế " + pID},
	{"tax code 10", "MST: 8012345678", "MST: " + pID},
	{"bhxh", "mã số BHXH 8712345678", "mã số BHXH " + pID},
	{"bhyt card", "thẻ BHYT số GD4878712345678 hết hạn", "thẻ BHYT số " + pID + " hết hạn"},
	{"no diacritics cccd", "so can cuoc cong dan 087123456789", "so can cuoc cong dan " + pID},

	// Bank accounts and plates.
	{"bank account", "số tài khoản 0123456789012 tại Vietcombank", "số tài khoản " + pAcct + " tại Vietcombank"},
	{"bank account bank between", "tài khoản Vietcombank số 0071 0001 23456", "tài khoản Vietcombank số " + pAcct},
	{"stk", "STK: 1903 5678 9012", "STK: " + pAcct},
	{"plate", "xe biển số 67A-123.45 bị tạm giữ", "xe biển số " + pPlate + " bị tạm giữ"},
	{"plate bare motorbike", "xe máy 67B1-234.56 của tôi", "xe máy " + pPlate + " của tôi"},
	{"plate keyword relaxed", "BKS 51f12345", "BKS " + pPlate},

	// Addresses.
	{"so nha duong", "Tôi ở số nhà 12 đường Trần Hưng Đạo, phường Mỹ Bình, tỉnh An Giang.", "Tôi ở " + pAddr + ", phường Mỹ Bình, tỉnh An Giang."},
	{"so street caps", "nhà tôi ở số 12 Trần Hưng Đạo, phường Long Xuyên", "nhà tôi ở " + pAddr + ", phường Long Xuyên"},
	{"hem duong", "12/3 hẻm 45 đường Lê Lợi, phường Châu Đốc", pAddr + ", phường Châu Đốc"},
	{"to ap", "Gia đình tôi sống tại tổ 5, ấp Mỹ Hòa, xã Mỹ Hòa Hưng.", "Gia đình tôi sống tại " + pAddr + ", xã Mỹ Hòa Hưng."},
	{"ngo pho", "nhà ở ngõ 15 phố Huế, Hà Nội", "nhà ở " + pAddr + ", Hà Nội"},
	{"tru tai ap", "ông Lê Văn Tám, trú tại ấp Hòa Long 2, xã Long Điền", "ông " + pName + ", trú tại " + pAddr + ", xã Long Điền"},
	{"dia chi house number", "Địa chỉ: 45/2 Nguyễn Trung Trực, phường Rạch Giá", "Địa chỉ: " + pAddr + ", phường Rạch Giá"},
	{"no diacritics address", "so nha 12 duong Tran Hung Dao, phuong My Binh", pAddr + ", phuong My Binh"},
	{"number street", "căn nhà 123 đường 3 Tháng 2 bị nứt", "căn nhà " + pAddr + " bị nứt"},
	{"khom after house", "Thường trú: số 8, khóm Bình Khánh 3, phường Bình Đức", "Thường trú: " + pAddr + ", phường Bình Đức"},

	// Land parcels.
	{"parcel", "thửa đất số 123, tờ bản đồ số 45 tại xã Vĩnh Thạnh Trung", pParcel + " tại xã Vĩnh Thạnh Trung"},
	{"parcel short", "thửa 123 tờ 45 của gia đình tôi", pParcel + " của gia đình tôi"},
	{"map sheet only", "tờ bản đồ địa chính số 12", pParcel},

	// Names.
	{"ong", "ông Nguyễn Văn An phản ánh", "ông " + pName + " phản ánh"},
	{"ba capital", "Bà Trần Thị Bé đề nghị", "Bà " + pName + " đề nghị"},
	{"anh two words", "anh Lê Minh cho biết", "anh " + pName + " cho biết"},
	{"chi", "chị Phạm Thị Hoa, sinh năm 1985", "chị " + pName + ", sinh năm 1985"},
	{"em", "Em Nguyễn Thị Lan xin hỏi", "Em " + pName + " xin hỏi"},
	{"cu", "cụ Huỳnh Văn Sáu năm nay 90 tuổi", "cụ " + pName + " năm nay 90 tuổi"},
	{"toi ten la", "Tôi tên là Nguyễn Văn An, ngụ tại ấp Phú Hữu", "Tôi tên là " + pName + ", ngụ tại " + pAddr},
	{"toi la", "tôi là Lê Thị Mai, giáo viên", "tôi là " + pName + ", giáo viên"},
	{"ho va ten caps", "Họ và tên: NGUYỄN VĂN AN", "Họ và tên: " + pName},
	{"lien he colon", "Liên hệ: Lâm Quốc Bảo, +84 912345678.", "Liên hệ: " + pName + ", " + pPhone + "."},
	{"lien he unaccented", "Lien he: Lam Quoc Bao", "Lien he: " + pName},
	{"nguoi phan anh", "Người phản ánh: Võ Thị Kim Ngân", "Người phản ánh: " + pName},
	{"cong dan", "công dân Nguyễn Văn A hỏi về thủ tục", "công dân " + pName + " hỏi về thủ tục"},
	{"ho ong", "hộ ông Trần Văn B bị thu hồi đất", "hộ ông " + pName + " bị thu hồi đất"},
	{"ong ba paren", "Kính gửi: Ông (Bà) Đặng Văn Cường", "Kính gửi: Ông (Bà) " + pName},
	{"no diacritics name", "ong Nguyen Van An hoi", "ong " + pName + " hoi"},
	{"name bold", "ông **Nguyễn Văn An**", "ông **" + pName + "**"},
	{"name in link text", "[ông Nguyễn Văn An](https://example.gov.vn/a)", "[ông " + pName + "](https://example.gov.vn/a)"},
	{"name before paren", "ông Nguyễn Văn An(sinh năm 1970)", "ông " + pName + " (sinh năm 1970)"},
	{"official after honorific", "ông Lê Văn Hai, Chủ tịch UBND xã", "ông " + pName + ", Chủ tịch UBND xã"},
	{"khmer name", "ông Chau Sóc Khăm ở xã Tri Tôn", "ông " + pName + " ở xã Tri Tôn"},
	{"two honorifics", "bà Nguyễn Thị Bé và ông Trần Văn Tư", "bà " + pName + " và ông " + pName},

	{"plain address", "ong Nguyen Van An o so nha 12 duong Le Loi, phuong My Binh", "ong " + pName + " o " + pAddr + ", phuong My Binh"},
	{"plain intro and phone", "toi ten la Tran Van Binh, sdt 0987.654.321", "toi ten la " + pName + ", sdt " + pPhone},
	{"house slash bare street", "Nhà tôi ở 45/7 Nguyễn Trãi, phường Mỹ Long.", "Nhà tôi ở " + pAddr + ", phường Mỹ Long."},
	{"at house number", "Tôi ở 12 Lê Lợi, phường Mỹ Bình", "Tôi ở " + pAddr + ", phường Mỹ Bình"},
	{"dc abbreviation", "đ/c: 12 Lê Lợi, P. Mỹ Bình", "đ/c: " + pAddr + ", P. Mỹ Bình"},
	{"toi o thon", "Tôi ở thôn 5, xã Ea Kao", "Tôi ở " + pAddr + ", xã Ea Kao"},
	{"alley number street", "Số nhà 5, hẻm 3, đường Trần Hưng Đạo, khóm 4, phường 1, thành phố Sa Đéc", pAddr + ", phường 1, thành phố Sa Đéc"},
	{"land certificate", "Giấy chứng nhận quyền sử dụng đất số CS 01234 cấp ngày 12/5/2019.", "Giấy chứng nhận quyền sử dụng đất số " + pParcel + " cấp ngày 12/5/2019."},
	{"names joined by va", "ông bà Nguyễn Văn A và Trần Thị B", "ông bà " + pName + " và " + pName},
	{"apposition", "Tôi, Nguyễn Văn Tý, xin trình bày", "Tôi, " + pName + ", xin trình bày"},
	{"ten la", "Em tên là Trần Thị Thu Hà, học sinh", "Em tên là " + pName + ", học sinh"},
	{"ascii surname in accented text", "Họ tên: Phan Văn Trị; Địa chỉ: ấp An Thạnh, xã An Hòa", "Họ tên: " + pName + "; Địa chỉ: " + pAddr + ", xã An Hòa"},
	{"name then address", "ông Nguyễn Văn Định số 12 Lê Lợi", "ông " + pName + " " + pAddr},
	{"phone in link", "Liên hệ qua [Zalo](https://zalo.me/0912345678).", "Liên hệ qua [tài khoản mạng xã hội đã ẩn]."},
	{"chau", "Cháu Nguyễn Gia Bảo, 5 tuổi", "Cháu " + pName + ", 5 tuổi"},
	{"business household", "Hộ kinh doanh Nguyễn Văn Tài", "Hộ kinh doanh " + pName},
	{"ede name", "bà H'Hen Niê", "bà " + pName},
	{"foreign phone", "điện thoại ở Mỹ +1 202 555 0143", "điện thoại ở Mỹ " + pPhone},
	{"0084", "gọi 0084 912 345 678", "gọi " + pPhone},
	{"table row", "| Ông Lê Văn Tám | 0912345678 |", "| Ông " + pName + " | " + pPhone + " |"},

	// Everything together.
	{"petition", "Tôi là Trần Văn Bình, CCCD 089085001234, SĐT 0907 123 456, email binh.tran@gmail.com, trú tại số 25 đường Lý Thái Tổ, phường Long Xuyên.",
		"Tôi là " + pName + ", CCCD " + pID + ", SĐT " + pPhone + ", email " + pEmail + ", trú tại " + pAddr + ", phường Long Xuyên."},
	{"line start colon", "0912345678: số của tôi", pPhone + " : số của tôi"},
}

// negative cases: text that must pass unchanged.
var negative = []maskCase{
	{"lien he agency", "Liên hệ: Phòng Hành chính tư pháp, Sở Tư pháp.", "Liên hệ: Phòng Hành chính tư pháp, Sở Tư pháp."},
	{"document number", "Căn cứ Quyết định số 2890/QĐ-UBND ngày 12/3/2026 của UBND tỉnh An Giang", ""},
	{"decree", "Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ về bảo vệ dữ liệu cá nhân", ""},
	{"procedure codes", "Thủ tục 1.001226, 1.003901.H01 và 2.000815 được thực hiện trực tuyến", ""},
	{"dates", "Hồ sơ nộp ngày 12/3/2026, hạn trả kết quả 2026-03-26.", ""},
	{"money", "Lệ phí 50.000 đồng/hồ sơ; phí thẩm định 1.500.000đ; tổng 1.250.000.000 đồng", ""},
	{"working days", "trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ", ""},
	{"percent and years", "Tỷ lệ đạt 98,5% năm 2025, tăng 12% so với năm 2024", ""},
	{"articles", "theo khoản 2 Điều 12 Luật Đất đai năm 2024 và điểm a khoản 1 Điều 5", ""},
	{"official titles", "Ông Chủ tịch UBND tỉnh đã chỉ đạo Bà Giám đốc Sở Tư pháp kiểm tra", ""},
	{"agencies", "Trung tâm Phục vụ hành chính công tỉnh An Giang, Sở Tư pháp, UBND tỉnh An Giang", ""},
	{"places", "tỉnh Bà Rịa - Vũng Tàu, Miếu Bà Chúa Xứ núi Sam, đường Bà Triệu", ""},
	{"street alone", "Tuyến đường Trần Hưng Đạo thường xuyên bị ngập khi mưa lớn", ""},
	{"hamlet alone", "Dự án đường giao thông nông thôn ấp Mỹ Hòa đã được phê duyệt", ""},
	{"hotline", "Đường dây nóng 1900 1234 hoặc tổng đài 1022", ""},
	{"to chuc", "Tổ công tác liên ngành đã làm việc với tổ chức, cá nhân liên quan", ""},
	{"co cong van", "Sở đã có Công văn số 123/STP-HCTP hướng dẫn", ""},
	{"document so caps", "Thông báo số 15 Ngày 3 tháng 4 và Kế hoạch số 20 Sở Nội vụ", ""},
	{"citizen country", "quyền của công dân Việt Nam", ""},
	{"dossier code", "Mã hồ sơ 000.00.12.H01-260312-0001", ""},
	{"url", "Tra cứu tại https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001226", ""},
	{"markdown list", "- Bước 1: nộp hồ sơ\n- Bước 2: nhận kết quả\n1. Thành phần hồ sơ\n2. Số lượng: 01 bộ", ""},
	{"address of web", "theo địa chỉ https://angiang.gov.vn hoặc tại bộ phận một cửa", ""},
	{"tieng anh", "bản dịch tiếng Anh Quốc tế", ""},
	{"area and count", "diện tích 150 m2, 15 hộ dân bị ảnh hưởng", ""},
	{"km road", "Km 12 quốc lộ 91 đoạn qua xã Bình Mỹ", ""},
	{"bac ho", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh như lời Bác Hồ dạy", ""},
	{"to trinh", "Tờ trình số 12/TTr-SNV và tờ khai mẫu số 01", ""},
	{"ba chuc", "thị trấn Ba Chúc, huyện Tri Tôn", ""},
	{"ascii co", "Toi co Don gui UBND", ""},
	{"public account words", "tài khoản định danh điện tử mức độ 2", ""},
	{"honorific in phrase", "Bà mẹ Việt Nam anh hùng; Ông bà, cha mẹ", ""},
	{"provincial road", "Tuyến ĐT.943 (Km 12+500 – Km 15+200), đường tỉnh 943", ""},
	{"allowance", "3.000.000 đồng/người/tháng từ ngày 01/7/2025 theo Nghị định 178/2024/NĐ-CP", ""},
	{"agency replies", "Ủy ban nhân dân xã Mỹ Hòa Hưng trả lời ông như sau", ""},
	{"annex and form", "Phụ lục I, Mẫu số 02, mã bưu chính 880000, ngày 12 tháng 3 năm 2026", ""},
	{"certificate in general", "Hồ sơ đề nghị cấp Giấy chứng nhận quyền sử dụng đất lần đầu gồm 01 bộ.", ""},
	{"city of residence", "Tôi sống ở Long Xuyên đã 20 năm", ""},
	{"social housing", "Chính sách nhà ở xã hội cho người thu nhập thấp", ""},
	{"hotline digits", "Hotline 1900 561 563", ""},
	{"document number colon", "Số: 123/UBND-KT", ""},
	{"pronouns", "Em chào anh chị. Em là sinh viên.", ""},
	{"plain title", "ong Chu tich UBND tinh da chi dao", ""},
	{"vice chair", "Theo ông Phó Chủ tịch UBND huyện và anh Công an xã", ""},
	{"times", "sáng từ 7 giờ 00 đến 11 giờ 00, từ thứ Hai đến thứ Sáu", ""},
	{"percentages", "1.234 hồ sơ, trong đó 1.200 hồ sơ đúng hạn (đạt 97,24%).", ""},
	{"dossier code 2", "Mã số: H01.36-260312-0001", ""},
}

// officials are named in their role: an agency's answer keeps them; in a citizen's text
// the rules cannot tell an official from anyone with a title, and mask them.
var officials = []maskCase{
	{"signing official", "Giám đốc Nguyễn Văn X ký ban hành", "Giám đốc " + pName + " ký ban hành"},
	{"comrade", "đ/c Nguyễn Văn Hùng, Chủ tịch UBND xã", "đ/c " + pName + ", Chủ tịch UBND xã"},
	{"chair with body", "Chủ tịch UBND xã Mỹ Hòa Nguyễn Văn Tư đã chỉ đạo kiểm tra", "Chủ tịch UBND xã Mỹ Hòa " + pName + " đã chỉ đạo kiểm tra"},
	{"title after", "ông Lê Văn Hai, Phó Chủ tịch UBND phường, đã tiếp công dân", "ông " + pName + ", Phó Chủ tịch UBND phường, đã tiếp công dân"},
	{"signature block", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Thị Mai", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n" + pName},
}

func TestOfficials(t *testing.T) {
	for _, c := range officials {
		if got := Mask(c.in); got != c.want {
			t.Errorf("%s, citizen:\n in   %q\n got  %q\n want %q", c.name, c.in, got, c.want)
		}
		if got := defaultMasker.Mask(c.in, Agency); got != c.in {
			t.Errorf("%s, agency:\n in   %q\n got  %q", c.name, c.in, got)
		}
	}
	// A person named in an answer is masked all the same.
	in := "UBND phường đã liên hệ, trả kết quả cho ông Nguyễn Văn Hùng ngày 09/01/2026."
	if got := defaultMasker.Mask(in, Agency); got != "UBND phường đã liên hệ, trả kết quả cho ông "+pName+" ngày 09/01/2026." {
		t.Errorf("agency: %q", got)
	}
}

func TestMaskPositive(t *testing.T) {
	for _, c := range positive {
		if got := Mask(c.in); got != c.want {
			t.Errorf("%s:\n in   %q\n got  %q\n want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestMaskNegative(t *testing.T) {
	for _, c := range negative {
		if ms := Find(c.in); len(ms) > 0 {
			var parts []string
			for _, m := range ms {
				parts = append(parts, m.Kind.Label()+" "+c.in[m.Start:m.End])
			}
			t.Errorf("%s: %q: found %q", c.name, c.in, parts)
		}
	}
}

// TestNFD checks that decomposed text is masked like composed text.
func TestNFD(t *testing.T) {
	for _, c := range append(append([]maskCase{}, positive...), negative...) {
		want := c.want
		if want == "" {
			want = c.in
		}
		nfd := norm.NFD.String(c.in)
		if got := norm.NFC.String(Mask(nfd)); got != norm.NFC.String(want) {
			t.Errorf("%s (NFD):\n got  %q\n want %q", c.name, got, want)
		}
	}
}

// TestIdempotent checks that one pass of masking leaves nothing to find, and that Mask is
// idempotent.
func TestIdempotent(t *testing.T) {
	for _, c := range append(append([]maskCase{}, positive...), negative...) {
		once := replace(c.in, Find(c.in))
		if ms := Find(once); len(ms) > 0 {
			t.Errorf("%s: one pass left %v in %q", c.name, ms, once)
		}
		m := Mask(c.in)
		if Mask(m) != m {
			t.Errorf("%s: Mask not idempotent: %q", c.name, m)
		}
		if Contains(m) {
			t.Errorf("%s: Contains(Mask(x)) for %q", c.name, m)
		}
	}
	for _, c := range positive {
		if !Contains(c.in) {
			t.Errorf("%s: Contains is false for %q", c.name, c.in)
		}
	}
}

func TestFindOffsets(t *testing.T) {
	in := "SĐT 0912345678, ông Nguyễn Văn An."
	want := []Match{
		{strings.Index(in, "0912"), strings.Index(in, ","), Phone},
		{strings.Index(in, "Nguyễn"), strings.Index(in, "."), Name},
	}
	if got := Find(in); len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Find(%q) = %v, want %v", in, got, want)
	}
	// Offsets are those of the input as given, here decomposed.
	nfd := norm.NFD.String(in)
	got := Find(nfd)
	if len(got) != 2 || nfd[got[1].Start:got[1].End] != norm.NFD.String("Nguyễn Văn An") {
		t.Errorf("Find(NFD) = %v", got)
	}
	if Find("") != nil || Contains("Sở Tư pháp") {
		t.Error("empty or clean text has findings")
	}
}

func TestMarkdownSafety(t *testing.T) {
	for _, c := range []maskCase{
		{"link after", "ông Nguyễn Văn An(1970)", "ông " + pName + " (1970)"},
		{"reference after", "ông Nguyễn Văn An[1]", "ông " + pName + " [1]"},
		{"definition", "0912345678: nhà riêng", pPhone + " : nhà riêng"},
		{"definition in list", "- 0912345678: nhà riêng", "- " + pPhone + " : nhà riêng"},
		{"colon mid-line", "ông Nguyễn Văn An: đề nghị", "ông " + pName + ": đề nghị"},
		{"image link", "![ảnh](https://example.com/0912345678.jpg)", pPhone},
		{"glued", "xyz0912345678", pPhone},
	} {
		if got := Mask(c.in); got != c.want {
			t.Errorf("%s: Mask(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// TestLongText checks that a text longer than maxText is searched in pieces.
func TestLongText(t *testing.T) {
	defer func(n int) { maxText = n }(maxText)
	maxText = 200
	var b strings.Builder
	for b.Len() < 1000 {
		b.WriteString("Sở Tư pháp trả lời ông Nguyễn Văn An, SĐT 0912 345 678.\n")
	}
	in := b.String()
	m := Mask(in)
	if Contains(m) || strings.Contains(m, "0912") || strings.Contains(m, "Nguyễn") {
		t.Errorf("long text not masked: %q", m[:200])
	}
	checkFind(t, in)
}

func TestKindLabels(t *testing.T) {
	seen := map[string]bool{}
	for k := Phone; k <= lastKind; k++ {
		l := k.Label()
		if l == "" || seen[l] {
			t.Errorf("kind %d: label %q", k, l)
		}
		seen[l] = true
		if p := k.Placeholder(); !strings.HasPrefix(p, "[") || !strings.HasSuffix(p, " đã ẩn]") {
			t.Errorf("kind %d: placeholder %q", k, p)
		}
	}
}

// answer is typical answer text: agencies, documents, dates, fees, procedure codes, lists
// and links. It must pass through unchanged.
const answer = `## Trả lời

Sở Tư pháp tỉnh An Giang trả lời như sau:

Căn cứ Luật Hộ tịch năm 2014; Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ và
Thông tư số 04/2020/TT-BTP ngày 28/5/2020 của Bộ Tư pháp; Quyết định số 2890/QĐ-UBND ngày
12/3/2026 của Chủ tịch UBND tỉnh về việc công bố danh mục thủ tục hành chính.

1. Thủ tục **đăng ký khai sinh** (mã 1.001193) được thực hiện tại UBND cấp xã hoặc trực tuyến
   trên [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193).
2. Thủ tục cấp bản sao trích lục hộ tịch (mã 2.000635, 1.003901.H01): lệ phí 8.000 đồng/bản;
   thời hạn giải quyết 03 ngày làm việc, trường hợp cần xác minh không quá 05 ngày làm việc.
3. Phí thẩm định hồ sơ: 1.500.000đ; tỷ lệ hồ sơ đúng hạn năm 2025 đạt 99,8%.

| Bước | Nội dung | Thời gian |
|---|---|---|
| 1 | Tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh | 01 ngày |
| 2 | Thẩm định, trình ký | 02 ngày |

Theo khoản 2 Điều 16 Luật Hộ tịch, Ông Chủ tịch UBND cấp xã ký Giấy khai sinh; Bà Giám đốc Sở
Tư pháp chỉ đạo Phòng Hành chính tư pháp hướng dẫn. Mọi vướng mắc xin liên hệ đường dây nóng
1900 1234 hoặc xem tại <https://angiang.gov.vn/thu-tuc>.

> Ghi chú: kết quả được trả qua dịch vụ bưu chính công ích trong 10 ngày, kể từ ngày 2026-03-12.

Giám đốc Nguyễn Văn X (đã ký).
`

func TestAnswerUnchanged(t *testing.T) {
	if ms := defaultMasker.Find(answer, Agency); len(ms) > 0 {
		for _, m := range ms {
			t.Errorf("found %s %q", m.Kind.Label(), answer[m.Start:m.End])
		}
	}
	if got := defaultMasker.Mask(answer, Agency); got != answer {
		t.Errorf("answer changed")
	}
}

// checkFind checks the invariants of Find on s.
func checkFind(t *testing.T, s string) {
	ms := Find(s)
	last := -1
	for _, m := range ms {
		if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
			t.Fatalf("match %v out of bounds for %q", m, s)
		}
		if m.Start <= last {
			t.Fatalf("matches overlap or unsorted: %v in %q", ms, s)
		}
		if m.Kind < Phone || m.Kind > lastKind {
			t.Fatalf("bad kind %v", m)
		}
		if utf8.ValidString(s) && (!utf8.RuneStart(s[m.Start]) || (m.End < len(s) && !utf8.RuneStart(s[m.End]))) {
			t.Fatalf("match %v splits a rune in %q", m, s)
		}
		last = m.End
	}
	m := Mask(s)
	if m2 := Mask(m); m2 != m {
		t.Fatalf("Mask not idempotent on %q:\n %q\n %q", s, m, m2)
	}
	if Contains(m) {
		t.Fatalf("Contains(Mask(%q)) = true: %v", s, Find(m))
	}
}

func FuzzFind(f *testing.F) {
	for _, c := range positive {
		f.Add(c.in)
	}
	for _, c := range negative {
		f.Add(c.in)
	}
	f.Add(answer)
	f.Fuzz(checkFind)
}

func TestInvariants(t *testing.T) {
	for _, c := range positive {
		checkFind(t, c.in)
		checkFind(t, norm.NFD.String(c.in))
	}
	checkFind(t, answer)
	checkFind(t, benchText)
}

// benchText is about 5 KB of petition and answer text with personal data.
var benchText = func() string {
	var b strings.Builder
	for b.Len() < 5000 {
		b.WriteString("Tôi tên là Nguyễn Văn An, CCCD số 087123456789, trú tại số nhà 12 đường Trần Hưng Đạo, ")
		b.WriteString("phường Mỹ Bình, tỉnh An Giang, điện thoại 0912 345 678, email an.nguyen@gmail.com. ")
		b.WriteString("Căn cứ Quyết định số 2890/QĐ-UBND ngày 12/3/2026, thủ tục 1.001226 có lệ phí 50.000 đồng ")
		b.WriteString("và thời hạn 10 ngày làm việc; Ông Chủ tịch UBND tỉnh giao Sở Tư pháp trả lời ông An.\n\n")
	}
	return b.String()
}()

func BenchmarkFind(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Find(benchText)
	}
}

func BenchmarkMask(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Mask(benchText)
	}
}

func BenchmarkFindAnswer(b *testing.B) {
	b.SetBytes(int64(len(answer)))
	for b.Loop() {
		Find(answer)
	}
}

// BenchmarkMaskNationalAllowList masks with the allow-list of a national site: 4,000
// agencies' names, most beginning "Ủy ban nhân dân" or "Sở". Its cost per byte must stay
// near BenchmarkMask's: with phrases found by their first word only, every "Ủy" was tried
// against every name (petitions took 70 s of a 100,000-page build).
func BenchmarkMaskNationalAllowList(b *testing.B) {
	var names []string
	for i := range 2000 {
		names = append(names, fmt.Sprintf("Ủy ban nhân dân xã Số %d", i), fmt.Sprintf("Sở Nội vụ tỉnh Mẫu %d", i))
	}
	m := NewMasker(names)
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		m.Find(benchText, Citizen)
	}
}
