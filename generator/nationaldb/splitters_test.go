package nationaldb

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"congkhai/generator/content"
	"congkhai/generator/vocab"
)

// The snippets below are copied from the crawl (testdata/tthc), some shortened.

func TestParseMethods(t *testing.T) {
	type m = content.MethodRec
	tests := []struct {
		name  string
		in    string
		want  []m
		probs []string // prefixes of the expected problems
	}{
		{
			name: "one row with fee detail (1.001226)",
			in:   "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1 Ngày làm việc10 USD(10 USD/người.)",
			want: []m{{Channel: vocab.MethodInPerson, Time: "1 Ngày làm việc", Fee: "10 USD (10 USD/người.)"}},
		},
		{
			name: "no information, description naming a channel (1.000232)",
			in:   "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếpKhông có thông tinKhông có thông tinnộp hồ sơ trực tiếp tại trụ sở Cục Quản lý xuất nhập cảnh.Dịch vụ bưu chínhKhông có thông tinKhông có thông tinGửi hồ sơ và nhận kết quả qua đường bưu điện.Trực tuyếnKhông có thông tinKhông có thông tinTrực tuyến: nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia hoặc Cổng dịch vụ công Bộ Công an.",
			want: []m{
				{Channel: vocab.MethodInPerson, Description: "nộp hồ sơ trực tiếp tại trụ sở Cục Quản lý xuất nhập cảnh."},
				{Channel: vocab.MethodPost, Description: "Gửi hồ sơ và nhận kết quả qua đường bưu điện."},
				{Channel: vocab.MethodOnline, Description: "Trực tuyến: nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia hoặc Cổng dịch vụ công Bộ Công an."},
			},
		},
		{
			name: "a phrase for the time (1.009825)",
			in:   "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếpKhôngKhông có thông tinTại Trung tâm phục vụ hành chính công cấp tỉnh, xãTrực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíBằng phương thức điện tử",
			want: []m{
				{Channel: vocab.MethodInPerson, Time: "Không", Description: "Tại Trung tâm phục vụ hành chính công cấp tỉnh, xã"},
				{Channel: vocab.MethodOnline, Time: "Không phải trả kết quả cho người nộp thuế", Fee: "Miễn phí", Description: "Bằng phương thức điện tử"},
			},
		},
		{
			name: "bare-number times (1.008331)",
			in:   "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1Miễn phíDịch vụ bưu chính1Miễn phíTrực tiếp1Miễn phí",
			want: []m{
				{Channel: vocab.MethodOnline, Time: "1", Fee: "Miễn phí"},
				{Channel: vocab.MethodPost, Time: "1", Fee: "Miễn phí"},
				{Channel: vocab.MethodInPerson, Time: "1", Fee: "Miễn phí"},
			},
		},
		{
			name:  "time glued to the amount, unconfirmed (1.007642)",
			in:    "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120 VNĐTrực tiếp120 VNĐ",
			want:  []m{{Channel: vocab.MethodOnline, Time: "1", Fee: "20 VNĐ"}, {Channel: vocab.MethodInPerson, Time: "1", Fee: "20 VNĐ"}},
			probs: []string{"thời gian và số tiền dính liền"},
		},
		{
			name: "time glued to the amount, confirmed by the detail (2.002009)",
			in:   "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1100 VNĐ(Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần (Thông tư số 47/2019/TT-BTC))",
			want: []m{{Channel: vocab.MethodOnline, Time: "1", Fee: "100 VNĐ (Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần (Thông tư số 47/2019/TT-BTC))"}},
		},
		{
			name:  "thousands glued to the time (1.005103)",
			in:    "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến140,000 Việt Nam Đồng(- Xe ô tô từ 10 chỗ trở lên)- Thời hạn trả kết quả: ngay sau khi kết thúc việc kiểm tra.",
			want:  []m{{Channel: vocab.MethodOnline, Time: "1", Fee: "40,000 Việt Nam Đồng (- Xe ô tô từ 10 chỗ trở lên)", Description: "- Thời hạn trả kết quả: ngay sau khi kết thúc việc kiểm tra."}},
			probs: []string{"thời gian và số tiền dính liền"},
		},
		{
			name: "decimal time (1.013097)",
			in:   "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1.5 Ngày làm việc40,000 Việt Nam Đồng(- Xe ô tô trên 10 chỗ)- Trường hợp Giấy chứng nhận cải tạo bị mất",
			want: []m{{Channel: vocab.MethodOnline, Time: "1.5 Ngày làm việc", Fee: "40,000 Việt Nam Đồng (- Xe ô tô trên 10 chỗ)", Description: "- Trường hợp Giấy chứng nhận cải tạo bị mất"}},
		},
		{
			name:  "unbalanced bracket at the end (3.000337)",
			in:    "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến1 Ngày100 VNĐ(",
			want:  []m{{Channel: vocab.MethodOnline, Time: "1 Ngày", Fee: "100 VNĐ"}},
			probs: []string{"ngoặc trong phần phí không cân"},
		},
		{
			name:  "unbalanced bracket in the detail (1.002903)",
			in:    "Hình thức nộpThời gianPhí, lệ phíMô tảDịch vụ bưu chính30 Ngày làm việc10,000,000 VNĐ(đồng (Miễn phí kể từ ngày 07/4/2026 đến 30/6/2026 theo Thông tư số 40/2026/TT-BTC)30 ngày kể từ ngày nhận được hồ sơ hợp lệ",
			want:  []m{{Channel: vocab.MethodPost, Time: "30 Ngày làm việc", Fee: "10,000,000 VNĐ (đồng (Miễn phí kể từ ngày 07/4/2026 đến 30/6/2026 theo Thông tư số 40/2026/TT-BTC))", Description: "30 ngày kể từ ngày nhận được hồ sơ hợp lệ"}},
			probs: []string{"ngoặc trong phần phí không cân"},
		},
		{
			name: "a numbered description is not a fee detail (1.014237)",
			in:   "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp14 Ngày làm việcKhông có thông tin(1) Trường hợp thay đổi tên tổ chức, cá nhân thăm dò khoáng sản:",
			want: []m{{Channel: vocab.MethodInPerson, Time: "14 Ngày làm việc", Description: "(1) Trường hợp thay đổi tên tổ chức, cá nhân thăm dò khoáng sản:"}},
		},
		{
			name: "hours and the same row twice",
			in:   "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến8 GiờMiễn phíTrực tuyến8 GiờMiễn phí",
			want: []m{{Channel: vocab.MethodOnline, Time: "8 Giờ", Fee: "Miễn phí"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs, ok := parseMethods(clean(tt.in))
			if !ok {
				t.Fatal("not recognised as the table")
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
			checkProbs(t, probs, tt.probs)
		})
	}
	if _, _, ok := parseMethods("Nộp trực tiếp tại Sở"); ok {
		t.Error("text without the header was taken for the table")
	}
	if rows, _, ok := parseMethods("Không có thông tin"); !ok || rows != nil {
		t.Errorf("no information: %v %v", rows, ok)
	}
}

// checkProbs checks that each problem starts with the expected prefix, in order.
func checkProbs(t *testing.T, got, want []string) {
	t.Helper()
	got = slices.Compact(slices.Clone(got))
	if len(got) != len(want) {
		t.Errorf("problems %q, want %q", got, want)
		return
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %q, want %q…", got[i], want[i])
		}
	}
}

func TestParseDossier(t *testing.T) {
	type d = content.DossierRec
	tests := []struct {
		name  string
		in    string
		want  []d
		rest  string
		probs []string
	}{
		{
			name: "a form file after the name (1.001226)",
			in:   "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đề nghị cấp giấy phép đến các tỉnh, thành phố của Việt Nam (mẫu N24 ban hành kèm theo Thông tư số 41/2011/TT-BCA, ngày 29/06/2011 của Bộ Công an)TK de nghi cap GP den cac tinh tp cua VN(N24).doc1 bản chínhGiấy thông hành biên giới của người đề nghị cấp giấy phép1 bản chính",
			want: []d{
				{Name: "Tờ khai đề nghị cấp giấy phép đến các tỉnh, thành phố của Việt Nam (mẫu N24 ban hành kèm theo Thông tư số 41/2011/TT-BCA, ngày 29/06/2011 của Bộ Công an)", Form: "TK de nghi cap GP den cac tinh tp cua VN(N24).doc", Quantity: "1 bản chính"},
				{Name: "Giấy thông hành biên giới của người đề nghị cấp giấy phép", Quantity: "1 bản chính"},
			},
		},
		{
			name: "two cases (1.003425)",
			in:   "Đối với cá nhân (bảo lãnh cho thân nhân): Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn bảo lãnh cho thân nhân là người nước ngoài nhập cảnh Việt Nam (mẫu NA3) ban hành kèm theo Thông tư số 22/2023/TT-BCA ngày 30/6/2023 của Bộ công an.NA3.doc1 bản chínhĐối với cơ quan, tổ chức:Tên giấy tờMẫu đơn, tờ khaiSố lượngCông văn đề nghị xét duyệt, kiểm tra nhân sự người người ngoài nhập cảnh (NA2).4-Mẫu NA2.doc1 bản chính",
			want: []d{
				{Group: "Đối với cá nhân (bảo lãnh cho thân nhân):", Name: "Đơn bảo lãnh cho thân nhân là người nước ngoài nhập cảnh Việt Nam (mẫu NA3) ban hành kèm theo Thông tư số 22/2023/TT-BCA ngày 30/6/2023 của Bộ công an.", Form: "NA3.doc", Quantity: "1 bản chính"},
				{Group: "Đối với cơ quan, tổ chức:", Name: "Công văn đề nghị xét duyệt, kiểm tra nhân sự người người ngoài nhập cảnh (NA2).", Form: "4-Mẫu NA2.doc", Quantity: "1 bản chính"},
			},
		},
		{
			name: "a count inside the name, then the cell (1.000096)",
			in:   "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai hàng hóa xuất khẩu trị giá thấp: 01 bản chính1 bản chínhHóa đơn thương mại (nếu có): 01 bản chụp0 bản chính,1 bản sao",
			want: []d{
				{Name: "Tờ khai hàng hóa xuất khẩu trị giá thấp: 01 bản chính", Quantity: "1 bản chính"},
				{Name: "Hóa đơn thương mại (nếu có): 01 bản chụp", Quantity: "1 bản sao"},
			},
		},
		{
			name: "a count inside a sentence is not a cell (1.007642)",
			in:   "--Tên giấy tờMẫu đơn, tờ khaiSố lượngDoanh nghiệp khai và nộp 02 bản chính tờ khai hải quan theo mẫu HQ/2015/NK.1 bản chính",
			want: []d{{Name: "Doanh nghiệp khai và nộp 02 bản chính tờ khai hải quan theo mẫu HQ/2015/NK.", Quantity: "1 bản chính"}},
		},
		{
			name: "the form number glued to the count (1.003634)",
			in:   "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 181 bản chính,1 bản sao",
			want: []d{{Name: "Đơn đăng ký biến động đất đai, tài sản gắn liền với đất theo Mẫu số 18", Quantity: "1 bản chính, 1 bản sao"}},
		},
		{
			name: "several forms, a bullet and a number to escape",
			in:   "--Tên giấy tờMẫu đơn, tờ khaiSố lượng- Báo cáo việc đóng bảo hiểm xã hội của tổ chức.Phụ lục số 07.docxPhụ lục số 09.docx1 bản chính1. Văn bản đề nghị1 bản chính",
			want: []d{
				{Name: "Báo cáo việc đóng bảo hiểm xã hội của tổ chức.", Form: "Phụ lục số 07.docx; Phụ lục số 09.docx", Quantity: "1 bản chính"},
				{Name: `1\. Văn bản đề nghị`, Quantity: "1 bản chính"},
			},
		},
		{
			name:  "a note after the last document (1.009623)",
			in:    "--Tên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản đề nghị thực hiện dự án đầu tư1 bản chính(Trường hợp khai thác, sử dụng được thông tin thì hồ sơ không bao gồm bản sao của các giấy tờ này)",
			want:  []d{{Name: "Văn bản đề nghị thực hiện dự án đầu tư", Quantity: "1 bản chính"}},
			rest:  "(Trường hợp khai thác, sử dụng được thông tin thì hồ sơ không bao gồm bản sao của các giấy tờ này)",
			probs: []string{"có đoạn văn sau dòng giấy tờ cuối"},
		},
		{
			name:  "no table (2.002338, shifted text)",
			in:    "phải được kê khai và ký chữ ký số trên các biểu mẫu điện tử",
			rest:  "phải được kê khai và ký chữ ký số trên các biểu mẫu điện tử",
			probs: []string{"không thấy bảng giấy tờ"},
		},
		{name: "empty (5.002546)", in: "--"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, rest, probs := parseDossier(clean(tt.in))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
			if rest != tt.rest {
				t.Errorf("rest %q, want %q", rest, tt.rest)
			}
			checkProbs(t, probs, tt.probs)
		})
	}
}

func TestSplitForms(t *testing.T) {
	tests := []struct{ in, name, form string }{
		// After a semicolon (1.000823).
		{"Đơn đề nghị chuyển đổi Giấy phép theo Mẫu số 08 quy định tại Phụ lục II ban hành kèm theo Nghị định số 121/2021/NĐ-CP ngày 27/12/2021;Mus08.docx",
			"Đơn đề nghị chuyển đổi Giấy phép theo Mẫu số 08 quy định tại Phụ lục II ban hành kèm theo Nghị định số 121/2021/NĐ-CP ngày 27/12/2021;", "Mus08.docx"},
		// After a document code (1.002693).
		{"Đơn đề nghị cấp giấy phép chặt hạ, dịch chuyển cây xanh theo Mẫu số 01 Phụ lục I của Nghị định số 258/2025/NĐ-CPMẫu số 01.docx",
			"Đơn đề nghị cấp giấy phép chặt hạ, dịch chuyển cây xanh theo Mẫu số 01 Phụ lục I của Nghị định số 258/2025/NĐ-CP", "Mẫu số 01.docx"},
		// Two lower-case words written together (2.000769).
		{"Đơn đề nghị cấp lại chứng chỉ bồi dưỡng kiến thức pháp luật về giao thông đường bộvăn bản đề nghị.docx",
			"Đơn đề nghị cấp lại chứng chỉ bồi dưỡng kiến thức pháp luật về giao thông đường bộ", "văn bản đề nghị.docx"},
		// An earlier join inside the name; the one before "Mẫu" wins (1.004915).
		{"b) Bản thuyết minh điều kiện cơ sở sản xuất theo Mẫu số 11.NT ban hành kèm theo Phụ lục I Nghị định số 41/2026/NĐ-CPMẫu số 11.docx",
			"b) Bản thuyết minh điều kiện cơ sở sản xuất theo Mẫu số 11.NT ban hành kèm theo Phụ lục I Nghị định số 41/2026/NĐ-CP", "Mẫu số 11.docx"},
		// "QĐ-TTg" is not a join (1.011608).
		{"Giấy đề nghị theo Mẫu số 04 tại Phụ lục ban hành kèm theo Quyết định số 24/2021/QĐ-TTg.Giấy đề nghị.pdf",
			"Giấy đề nghị theo Mẫu số 04 tại Phụ lục ban hành kèm theo Quyết định số 24/2021/QĐ-TTg.", "Giấy đề nghị.pdf"},
		// A file name starting with a number (1.003144).
		{"Tờ khai đề nghị cấp Giấy miễn thị thực (Mẫu NA9)10-Mẫu NA9 (1).doc",
			"Tờ khai đề nghị cấp Giấy miễn thị thực (Mẫu NA9)", "10-Mẫu NA9 (1).doc"},
		// CamelCase file names (1.014255).
		{"Đề cương đề án điều tra địa chất về khoáng sảnMau02-PhulucI_33.2025.TT-BNNMT_02.7.2025.doc",
			"Đề cương đề án điều tra địa chất về khoáng sản", "Mau02-PhulucI_33.2025.TT-BNNMT_02.7.2025.doc"},
		// No file.
		{"Giấy thông hành biên giới của người đề nghị cấp giấy phép", "Giấy thông hành biên giới của người đề nghị cấp giấy phép", ""},
	}
	for _, tt := range tests {
		name, forms, ok := splitForms(tt.in)
		if !ok || name != tt.name || strings.Join(forms, "; ") != tt.form {
			t.Errorf("splitForms(%q)\n= %q, %q, %v\nwant %q, %q", tt.in, name, forms, ok, tt.name, tt.form)
		}
	}
	// No join to be found: the file stays in the name, and the caller warns.
	if name, forms, ok := splitForms("Tờ khai phí theo mẫu số 01/PH01-PH.doc"); ok || forms != nil || name == "" {
		t.Errorf("unsplittable: %q %q %v", name, forms, ok)
	}
}

func TestParseLegal(t *testing.T) {
	type l = content.LegalBasisRec
	tests := []struct {
		name  string
		in    string
		want  []l
		probs []string
	}{
		{
			name: "title in capitals; title ending in its number (1.001226)",
			in:   "Tên văn bản pháp lýMã văn bảnQUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP, QUẢN LÝ VÀ SỬ DỤNG PHÍ, LỆ PHÍ TRONG LĨNH VỰC XUẤT CẢNH, NHẬP CẢNH, QUÁ CẢNH, CƯ TRÚ TẠI VIỆT NAM25/2021/TT-BTCThông tư 41/2011/TT-BCA41/2011/TT-BCA",
			want: []l{
				{Title: "QUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP, QUẢN LÝ VÀ SỬ DỤNG PHÍ, LỆ PHÍ TRONG LĨNH VỰC XUẤT CẢNH, NHẬP CẢNH, QUÁ CẢNH, CƯ TRÚ TẠI VIỆT NAM", Number: "25/2021/TT-BTC"},
				{Title: "Thông tư 41/2011/TT-BCA", Number: "41/2011/TT-BCA"},
			},
		},
		{
			name: "a year glued to the number (1.000178)",
			in:   "Tên văn bản pháp lýMã văn bảnHướng dẫn xử lý khiếu nại, kiến nghị, phản ánh68/2013/TT-BCALuật Khiếu nại  năm 201102/2011/QH13Nghị định 05/2012/NĐ-CP05/2012/NĐ-CP",
			want: []l{
				{Title: "Hướng dẫn xử lý khiếu nại, kiến nghị, phản ánh", Number: "68/2013/TT-BCA"},
				{Title: "Luật Khiếu nại năm 2011", Number: "02/2011/QH13"},
				{Title: "Nghị định 05/2012/NĐ-CP", Number: "05/2012/NĐ-CP"},
			},
		},
		{
			name: "National Assembly codes run into the next number (1.000014)",
			in:   "Tên văn bản pháp lýMã văn bảnNghị định 08/2015/NĐ-CP08/2015/NĐ-CPLuật 54/2014/QH1354/2014/QH13Quy định về thủ tục hải quan.38/2015/TT-BTC",
			want: []l{
				{Title: "Nghị định 08/2015/NĐ-CP", Number: "08/2015/NĐ-CP"},
				{Title: "Luật 54/2014/QH13", Number: "54/2014/QH13"},
				{Title: "Quy định về thủ tục hải quan.", Number: "38/2015/TT-BTC"},
			},
		},
		{
			name: "a title in capitals after a code (1.001521)",
			in:   "Tên văn bản pháp lýMã văn bảnNghị định 166/2016/NĐ-CP-Quy định về giao dịch điện tử166/2016/NĐ-CPLUẬT  Bảo hiểm xã hội58/2014/QH13",
			want: []l{
				{Title: "Nghị định 166/2016/NĐ-CP-Quy định về giao dịch điện tử", Number: "166/2016/NĐ-CP"},
				{Title: "LUẬT Bảo hiểm xã hội", Number: "58/2014/QH13"},
			},
		},
		{
			name: "a title starting in lower case; a number cell naming the kind (1.002409)",
			in:   "Tên văn bản pháp lýMã văn bảnLuật Thú yLuật 79/2015/QH13Nghị định sửa đổi Nghị định số 35/2016/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thú y.80/2022/NĐ-CPquy định chi tiết một số điều của Luật Thú y35/2016/NĐ-CP",
			want: []l{
				{Title: "Luật Thú y", Number: "79/2015/QH13"},
				{Title: "Nghị định sửa đổi Nghị định số 35/2016/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thú y.", Number: "80/2022/NĐ-CP"},
				{Title: "quy định chi tiết một số điều của Luật Thú y", Number: "35/2016/NĐ-CP"},
			},
		},
		{
			name: "a date in the title, a number without code (1.003867)",
			in:   "Tên văn bản pháp lýMã văn bảnThông tư số 08/2026/TT-BNNMT ngày 26/01/202608/2026Luật 08/2017/QH1408/2017/QH14",
			want: []l{
				{Title: "Thông tư số 08/2026/TT-BNNMT ngày 26/01/2026", Number: "08/2026"},
				{Title: "Luật 08/2017/QH14", Number: "08/2017/QH14"},
			},
		},
		{
			name: "a code glued to a lower-case word inside the title (1.002755)",
			in:   "Tên văn bản pháp lýMã văn bảnThông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an sửa đổi Thông tư số 55/2021/TT-BCA53/2025/TT-BCA",
			want: []l{{Title: "Thông tư số 53/2025/TT-BCAngày 01/7/2025 của Bộ Công an sửa đổi Thông tư số 55/2021/TT-BCA", Number: "53/2025/TT-BCA"}},
		},
		{
			name: "dotted resolution numbers, a space before the cell (1.009686)",
			in:   "Tên văn bản pháp lýMã văn bảnNghị quyết 66.7/2025/NQ-CP 66.7/2025/NQ-CP",
			want: []l{{Title: "Nghị quyết 66.7/2025/NQ-CP", Number: "66.7/2025/NQ-CP"}},
		},
		{
			name: "a row printed the other way round (1.011473)",
			in:   "Tên văn bản pháp lýMã văn bản24/2022/TT-BNNPTNTThông tư 24/2022/TT-BNNPTNT",
			want: []l{{Title: "Thông tư", Number: "24/2022/TT-BNNPTNT"}},
		},
		{
			name:  "a title without number at the end (1.000886)",
			in:    "Tên văn bản pháp lýMã văn bản44/2026/NĐ-CP44/2026/NĐ-CPVề cắt giảm, phân quyền, đơn giản hóa thủ tục hành chính",
			want:  []l{{Title: "44/2026/NĐ-CP", Number: "44/2026/NĐ-CP"}, {Title: "Về cắt giảm, phân quyền, đơn giản hóa thủ tục hành chính"}},
			probs: []string{"văn bản không có số hiệu"},
		},
		{name: "none", in: "Không có thông tin"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs, ok := parseLegal(clean(tt.in))
			if !ok {
				t.Fatal("not recognised as the table")
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
			checkProbs(t, probs, tt.probs)
		})
	}
}

func TestParseResults(t *testing.T) {
	type r = content.ResultRec
	tests := []struct {
		name  string
		in    string
		want  []r
		extra string
	}{
		{
			name: "keywords and the office picker are dropped (1.001226)",
			in:   "Giấy phép đến các tỉnh, thành phố của Việt NamMã: KQ.G01.000003Từ khóaCSDL Quốc gia về TTHC»Bộ Công An»Quản lý xuất nhập cảnh\nMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Tỉnh/ Thành phố --",
			want: []r{{Name: "Giấy phép đến các tỉnh, thành phố của Việt Nam", Code: "KQ.G01.000003"}},
		},
		{
			name: "several results (1.001521)",
			in:   "Tiền trợ cấpMã: KQ.G24.000053Bản quá trình đóng BHXH (Mẫu 04-HSB)Mã: KQ.G24.000057Từ khóaKhông có thông tinMô tảKhông có thông tin",
			want: []r{{Name: "Tiền trợ cấp", Code: "KQ.G24.000053"}, {Name: "Bản quá trình đóng BHXH (Mẫu 04-HSB)", Code: "KQ.G24.000057"}},
		},
		{
			name: "a code glued to a lower-case name",
			in:   "Giấy chứng nhậnMã: 000.00.00.G12-KQ.3322văn bản từ chốiMã: KQ.G12.000153Từ khóaKhông có thông tinMô tảKhông có thông tin",
			want: []r{{Name: "Giấy chứng nhận", Code: "000.00.00.G12-KQ.3322"}, {Name: "văn bản từ chối", Code: "KQ.G12.000153"}},
		},
		{
			name: "codes without digits, or none",
			in:   "Quyết định công nhậnMã: adjfsbjTừ khóaKhông có thông tinMô tảKhông có thông tin",
			want: []r{{Name: "Quyết định công nhận", Code: "adjfsbj"}},
		},
		{
			name: "code not decided (1.014952)",
			in:   "Mã số cơ sở chăn nuôi.Mã: Chưa xác địnhTừ khóaKhông có thông tinMô tảKhông có thông tin",
			want: []r{{Name: "Mã số cơ sở chăn nuôi."}},
		},
		{
			name: "a last code at the end (3.000163)",
			in:   "Văn bản tố tụng của Tòa án theo tiến trình giải quyếtMã: VBTT",
			want: []r{{Name: "Văn bản tố tụng của Tòa án theo tiến trình giải quyết", Code: "VBTT"}},
		},
		{
			name:  "a description to report (1.007923)",
			in:    "Quyết định công nhận phân bón lưu hànhMã: KQ.G10.000010Từ khóaKhông có thông tinMô tảThời hạn của Quyết định công nhận phân bón lưu hành là 05 năm",
			want:  []r{{Name: "Quyết định công nhận phân bón lưu hành", Code: "KQ.G10.000010"}},
			extra: "Thời hạn của Quyết định công nhận phân bón lưu hành là 05 năm",
		},
		{name: "empty", in: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, extra := parseResults(clean(tt.in))
			if !reflect.DeepEqual(got, tt.want) || extra != tt.extra {
				t.Errorf("got  %#v %q\nwant %#v %q", got, extra, tt.want, tt.extra)
			}
		})
	}
}

func TestSplitList(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Tổ chức (không bao gồm doanh nghiệp, HTX), Công dân Việt Nam", []string{"Tổ chức (không bao gồm doanh nghiệp, HTX)", "Công dân Việt Nam"}},
		{"Công dân Việt Nam, Cán bộ, công chức, viên chức", []string{"Công dân Việt Nam", "Cán bộ, công chức, viên chức"}},
		{"Cục cảnh sát quản lý hành chính về trật tự, xã hội", []string{"Cục cảnh sát quản lý hành chính về trật tự, xã hội"}},
		{"Bảo hiểm xã hội cấp Tỉnh, Bảo hiểm xã hội cấp huyện", []string{"Bảo hiểm xã hội cấp Tỉnh", "Bảo hiểm xã hội cấp huyện"}},
		{"Ủy ban Nhân dân\u00a0tỉnh\u00a0và\u00a0thành phố trực thuộc trung ương.", []string{"Ủy ban Nhân dân tỉnh và thành phố trực thuộc trung ương"}},
		{"Bộ Công an; Bộ Quốc phòng\nBộ Công an", []string{"Bộ Công an", "Bộ Quốc phòng"}},
		{"Không có thông tin", nil},
		{"", nil},
	}
	for _, tt := range tests {
		if got := splitList(clean(tt.in)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitList(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLevels(t *testing.T) {
	c := &converter{}
	if got := c.levels("Cơ quan khác, Cấp xã, Cấp bộ, Cấp tỉnh, Cấp huyện"); !reflect.DeepEqual(vocab.Keys(got), []string{"bo", "tinh", "huyen", "xa", "khac"}) {
		t.Errorf("levels = %q", got)
	}
	if got := c.levels("Cấp tỉnh, Cấp khu vực"); !reflect.DeepEqual(vocab.Keys(got), []string{"tinh"}) || len(c.probs) != 1 {
		t.Errorf("levels = %q, problems %v", got, c.probs)
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Bước 1: Thụ lý giải quyết khiếu nại\n\nNếu khiếu nại thuộc thẩm quyền",
			"**Bước 1:** Thụ lý giải quyết khiếu nại\n\nNếu khiếu nại thuộc thẩm quyền"},
		{"- Bước 1: Nộp hồ sơ\n-\tBước 2. Nhận kết quả", "**Bước 1:** Nộp hồ sơ\n\n**Bước 2.** Nhận kết quả"},
		// Nested by the order the markers appear in; a paragraph ends the list.
		{"Cán bộ tiếp nhận:\n- Trường hợp đầy đủ:\n+ cấp giấy hẹn;\n+ thu phí.\n- Trường hợp thiếu.\nSau đó:\n+ trả kết quả",
			"Cán bộ tiếp nhận:\n\n- Trường hợp đầy đủ:\n  - cấp giấy hẹn;\n  - thu phí.\n- Trường hợp thiếu.\n\nSau đó:\n\n- trả kết quả"},
		// Numbers that Markdown would renumber, headings, HTML, emphasis, links.
		{"1. Văn bản đề nghị\n2) Bản sao", `1\. Văn bản đề nghị` + "\n\n" + `2\) Bản sao`},
		{"# Lưu ý: <b>không</b> nộp *bản sao* hoặc file_mau [1] ~ 50% &amp; \\ cuối",
			`\# Lưu ý: \<b\>không\</b\> nộp \*bản sao\* hoặc file\_mau \[1\] \~ 50% \&amp; \\ cuối`},
		{"*Lưu ý: nộp trực tiếp", `\*Lưu ý: nộp trực tiếp`},
		{"* Giấy tờ phải nộp\n---\n• Đơn", "- Giấy tờ phải nộp\n\n\\---\n\n- Đơn"},
		{"- 1. Đơn đề nghị", `- 1\. Đơn đề nghị`},
		{"Không có thông tin", ""},
	}
	for _, tt := range tests {
		if got := markdown(clean(tt.in)); got != tt.want {
			t.Errorf("markdown(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestOnline(t *testing.T) {
	online1 := []content.MethodRec{{Channel: vocab.MethodOnline}, {Channel: vocab.MethodInPerson}}
	tests := []struct {
		p    content.ProcedureFile
		want vocab.OnlineLevel
	}{
		{content.ProcedureFile{Methods: []content.MethodRec{{Channel: vocab.MethodInPerson}}, Name: "Đăng ký xe tạm thời thực hiện bằng dịch vụ công trực tuyến toàn trình"}, vocab.OnlineNone},
		{content.ProcedureFile{Methods: online1, Name: "Đăng ký xe tạm thời thực hiện bằng dịch vụ công  trực  tuyến toàn trình"}, vocab.OnlineFull},
		{content.ProcedureFile{Methods: online1, Name: "Đổi chứng nhận đăng ký xe bằng dịch vụ công trực tuyến một phần hoặc trực tiếp"}, vocab.OnlinePartial},
		{content.ProcedureFile{Methods: []content.MethodRec{{Channel: vocab.MethodOnline, Description: "Qua Cổng DVC Quốc gia đối với các TTHC đã toàn trình và được tích hợp"}}}, vocab.OnlineUnrated},
		{content.ProcedureFile{Methods: []content.MethodRec{{Channel: vocab.MethodOnline, Description: "Cổng Dịch vụ công quốc gia (đủ điều kiện thực hiện dịch vụ công trực tuyến toàn trình)."}}}, vocab.OnlineFull},
		{content.ProcedureFile{Methods: online1, Steps: "Trường hợp thực hiện dịch vụ công trực tuyến một phần hoặc dịch vụ công trực tuyến toàn trình"}, vocab.OnlineUnrated},
		{content.ProcedureFile{Methods: online1, Conditions: "Trả lại một phần diện tích khu vực thăm dò"}, vocab.OnlineUnrated},
		{content.ProcedureFile{Methods: online1, Name: "Cấp phép thực hiện bằng Dịch vụ công trực tuyến Toàn Trình"}, vocab.OnlineFull},
	}
	for _, tt := range tests {
		if got := online(&tt.p); got != tt.want {
			t.Errorf("online(%q, %q) = %q, want %q", tt.p.Name, tt.p.Methods, got, tt.want)
		}
	}
}
