package nationaldb

import "testing"

func TestFormName(t *testing.T) {
	tests := []struct {
		file, doc string
		texts     []string // the record's other texts
		want      string
	}{
		// The words the upload dropped, found in the document's name (1.002755, 1.003005).
		{"1.MuCT01banhnhkmtheoThngts53 (3).doc", "Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA)", nil,
			"Mẫu CT01 ban hành kèm theo Thông tư số 53"},
		{"1.nxinnhnconnui.doc", "Đơn xin nhận con nuôi theo mẫu quy định", nil, "Đơn xin nhận con nuôi"},
		{"Mus22.docx", "Đề nghị quyết định chuyển mục đích sử dụng rừng theo Mẫu số 22", nil, "Mẫu số 22"},
		{"Vnbnthamvn.docx", "Văn bản tham vấn ý kiến", nil, "Văn bản tham vấn"},
		// Found elsewhere in the record: the procedure's name (3.000403).
		{"4.ChpthuntchccnhnaxetctaylibnphivothamgiagiaothngtiVitNamkhngphimcchdulch.docx", "Văn bản đề nghị theo mẫu",
			[]string{"Chấp thuận tổ chức, cá nhân đưa xe ô tô có tay lái bên phải vào tham gia giao thông tại Việt Nam không phải mục đích du lịch"},
			"Chấp thuận tổ chức, cá nhân đưa xe ô tô có tay lái bên phải vào tham gia giao thông tại Việt Nam không phải mục đích du lịch"},
		// Part by part, a part without words shown as a gap (3.000400).
		{"12.CpmiCpliGiyphpsdngthitbphttnhiucaxeutin (1).docx", "Văn bản đề nghị cấp mới Giấy phép sử dụng thiết bị phát tín hiệu của xe ưu tiên.", nil,
			"Cấp mới … Giấy phép sử dụng thiết bị phát tín hiệu của xe ưu tiên"},
		// Words the upload always spells so, and codes kept.
		{"Phlcs01Thngt10.docx", "Đơn đề nghị", nil, "Phụ lục số 01 Thông tư 10"},
		{"Phlc8.docx", "Báo cáo", nil, "Phụ lục 8"},
		{"TTHC2-Mu02a-TBhsGTxldliucnhn-Tchc.docx", "Thông báo gửi Hồ sơ đánh giá tác động xử lý dữ liệu cá nhân (dành cho tổ chức)", nil,
			"TTHC2 Mẫu 02a-TB … GT xử lý dữ liệu cá nhân tổ chức"},
		// Too little found: the form the document refers to (3.000228), else a plain word.
		{"TK01-Phiunghcptikhonnhdanhintcnccint.docx", "Phiếu đề nghị cấp tài khoản định danh điện tử (mẫu TK01 ban hành kèm theo Nghị định số 69/2024/NĐ-CP)", nil,
			"Mẫu TK01"},
		{"2.Vnbnxcnhnhoncnhgianhchiukinkinht (1).doc", "Giấy xác nhận", nil, "Có mẫu kèm theo"},
		// Names that read are cleaned only: no extension, no mark of a second upload.
		{"Mẫu số 26.docx", "Bản thuyết minh theo Mẫu số 26", nil, "Mẫu số 26"},
		{"TK de nghi cap GP den cac tinh tp cua VN(N24).doc", "Tờ khai", nil, "TK de nghi cap GP den cac tinh tp cua VN(N24)"},
		{"Mau so 01b_Dang ky BPBD tau bay.docx", "Phiếu yêu cầu", nil, "Mau so 01b Dang ky BPBD tau bay"},
		{"PL 02 Mau Giay dang ky CTDC 14.4_Approved (1).docx.docx", "Giấy đăng ký", nil, "PL 02 Mau Giay dang ky CTDC 14.4 Approved"},
		{"MauBankhaichung (1).docx", "Bản khai chung", nil, "MauBankhaichung"},
		{"22 Form Application for renewal Certificate of Airworthiness Form [0] 2011.pdf", "Đơn", nil,
			"22 Form Application for renewal Certificate of Airworthiness Form [0] 2011"},
		{"http://www.basel.int/forms/vCOP8.doc", "Thông báo", nil, "http://www.basel.int/forms/vCOP8.doc"},
		// A file name found inside another one is not words (6.005678).
		{"nhon_de_nghi_cong_nhan.docx", "Đơn", []string{"Quyết địnhon_de_nghi_cong_nhan.docx"}, "nhon de nghi cong nhan"},
	}
	for _, tt := range tests {
		ft := newFormTexts(append([]string{tt.doc}, tt.texts...)...)
		if got := formName(tt.file, tt.doc, ft); got != tt.want {
			t.Errorf("formName(%q)\n got %q\nwant %q", tt.file, got, tt.want)
		}
	}
}

func TestGarbled(t *testing.T) {
	for _, s := range []string{"CpmiCpliGiyphpsdngthitbphttnhiucaxeutin", "MuCT01banhnhkmtheoThngts53", "Vnbnxcnhnhoncnhgianhchiukinkinht", "Phlc8", "TKghivosccvichtchkhc"} {
		if !garbled(s) {
			t.Errorf("garbled(%q) = false", s)
		}
	}
	for _, s := range []string{"Mẫu số 26", "Mau so 01b Dang ky BPBD tau bay", "MauBankhaichung", "Danhmuchosohoanthanhcongtrinh", "TK de nghi cap GP",
		"24 Form Application for Issuance Export CofA CAAV [0] 2011", "Mau01-PhulucII 36.2025.TT-BNNMT 02.7.2025", "NA5", "Có mẫu kèm theo"} {
		if garbled(s) {
			t.Errorf("garbled(%q) = true", s)
		}
	}
}

func TestFeeText(t *testing.T) {
	tests := []struct{ amount, detail, want string }{
		{"Miễn phí", "", "Miễn phí"},
		{"10 USD", "(10 USD/người.)", "10 USD (10 USD/người.)"},
		// Doubled brackets (1.000094, 1.000254).
		{"Miễn phí", "((Mức lệ phí do Hội đồng nhân dân tỉnh quyết định.))", "Miễn phí (Mức lệ phí do Hội đồng nhân dân tỉnh quyết định.)"},
		{"5,000,000 VNĐ", "((Miễn kể từ ngày 07/4/2026 đến 30/6/2026 theo Thông tư 40/2026/TT-BTC))", "5,000,000 VNĐ (Miễn kể từ ngày 07/4/2026 đến 30/6/2026 theo Thông tư 40/2026/TT-BTC)"},
		{"3,000,000 Việt Nam Đồng", "((áp dụng mức phí 1.500.000 đồng/hồ sơ).)", "3,000,000 Việt Nam Đồng (áp dụng mức phí 1.500.000 đồng/hồ sơ.)"},
		// Nested brackets that are the detail's own.
		{"Miễn phí", "(Đồng (Mức lệ phí cụ thể do HĐND tỉnh quyết định))", "Miễn phí (Đồng (Mức lệ phí cụ thể do HĐND tỉnh quyết định))"},
		{"Miễn phí", "((1) Chấp thuận tổ chức lại: Không có.)", "Miễn phí: (1) Chấp thuận tổ chức lại: Không có."},
		// A closing bracket the source lost (1.002903).
		{"10,000,000 VNĐ", "(đồng (Miễn phí kể từ ngày 07/4/2026)", "10,000,000 VNĐ (đồng (Miễn phí kể từ ngày 07/4/2026))"},
		{"Miễn phí", "((2.400.000 Đồng (Cấp lại do mất)", "Miễn phí (2.400.000 Đồng (Cấp lại do mất))"},
	}
	for _, tt := range tests {
		if got := feeText(tt.amount, tt.detail); got != tt.want {
			t.Errorf("feeText(%q, %q)\n got %q\nwant %q", tt.amount, tt.detail, got, tt.want)
		}
	}
}

func TestQuantityText(t *testing.T) {
	for in, want := range map[string]string{
		"1 bản chính":           "1 bản chính",
		"0 bản chính,1 bản sao": "1 bản sao",
		"1 bản chính,1 bản sao": "1 bản chính, 1 bản sao",
		"2 bản chính,0 bản sao": "2 bản chính",
		"0 bản chính":           "",
	} {
		if got := quantityText(in); got != want {
			t.Errorf("quantityText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTrimLeadingMarks(t *testing.T) {
	for in, want := range map[string]string{
		". Thủ tục chấp thuận":        "Thủ tục chấp thuận",
		"+++Tờ khai đăng ký thuế":     "Tờ khai đăng ký thuế",
		"-02 ảnh chụp":                "02 ảnh chụp",
		"...văn bản trả lời..":        "văn bản trả lời..",
		"+) Khi nộp hồ sơ":            "Khi nộp hồ sơ",
		"(Trường hợp khai thác được)": "(Trường hợp khai thác được)",
		"“Bằng khen”":                 "“Bằng khen”",
		"1. Đơn":                      "1. Đơn",
	} {
		if got := trimLeadingMarks(in); got != want {
			t.Errorf("trimLeadingMarks(%q) = %q, want %q", in, got, want)
		}
	}
}
