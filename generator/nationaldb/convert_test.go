package nationaldb

import (
	"bytes"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"congkhai/generator/content"
	"congkhai/generator/vocab"
)

func TestRead(t *testing.T) {
	in := `{"ma_thu_tuc": "1.000001", "ten_thu_tuc": "Một"}

{"ma_thu_tuc": "1.000002", "ten_thu_tuc": "Hai",}
[1, 2]
{"ma_thu_tuc": 3}
{"ma_thu_tuc": "1.000004", "ten_thu_tuc": "Bốn", "thêm": "trường lạ"}
{"ma_thu_tuc": "1.000005", "ten_thu_tuc": "Năm"`
	recs, probs := Read(strings.NewReader(in))
	if len(recs) != 2 || recs[0].Line != 1 || recs[0].MaThuTuc != "1.000001" || recs[1].Line != 6 {
		t.Fatalf("records %+v", recs)
	}
	want := []struct{ line, col int }{{3, 49}, {4, 1}, {5, 16}, {7, 48}}
	if len(probs) != len(want) {
		t.Fatalf("problems %+v", probs)
	}
	for i, w := range want {
		p := probs[i]
		if p.Line != w.line || p.Col != w.col || !p.Fatal || p.Msg == "" {
			t.Errorf("problem %d: %+v, want line %d col %d", i, p, w.line, w.col)
		}
	}
	if probs[2].Field != "ma_thu_tuc" {
		t.Errorf("type error without its field: %+v", probs[2])
	}
}

func TestConvertRejects(t *testing.T) {
	ok := Record{Line: 7, MaThuTuc: "1.001226", TenThuTuc: "Cấp giấy phép"}
	tests := []struct {
		name  string
		edit  func(*Record)
		field string
	}{
		{"no code", func(r *Record) { r.MaThuTuc = " " }, "ma_thu_tuc"},
		{"short code", func(r *Record) { r.MaThuTuc = "1.00122" }, "ma_thu_tuc"},
		{"local code", func(r *Record) { r.MaThuTuc = "1.003901.H42" }, "ma_thu_tuc"},
		{"no name", func(r *Record) { r.TenThuTuc = "Không có thông tin" }, "ten_thu_tuc"},
		{"page of another procedure", func(r *Record) {
			r.RawText = "Hỗ trợ phát triển sản xuất cộng đồng.Tên thủ tụcHỗ trợ phát triển sản xuất cộng đồng.Mã thủ tục1.014023Số quyết định"
		}, "raw_text"},
	}
	for _, tt := range tests {
		rec := ok
		tt.edit(&rec)
		p, probs := Convert(rec, nil)
		if p != nil || len(probs) == 0 || !probs[0].Fatal || probs[0].Field != tt.field || probs[0].Line != 7 {
			t.Errorf("%s: got %v, %+v", tt.name, p, probs)
		}
	}
	p, probs := Convert(ok, nil)
	if p == nil || len(probs) != 0 || p.Code != "1.001226" {
		t.Errorf("minimal record: %+v %+v", p, probs)
	}
}

func TestConvertResolves(t *testing.T) {
	rec := Record{MaThuTuc: "1.000001", TenThuTuc: "Thủ tục",
		CoQuanCoThamQuyen: "Bộ Công an, Bộ Quốc phòng", CoQuanThucHien: "Không có thông tin", CoQuanPhoiHop: "Sở Tư pháp"}
	p, _ := Convert(rec, func(name string) string {
		if name == "Sở Tư pháp" {
			return "an-giang/so-tu-phap"
		}
		return ""
	})
	want := []content.ProcedureAgency{
		{Role: vocab.RoleDeciding, Name: "Bộ Công an"},
		{Role: vocab.RoleDeciding, Name: "Bộ Quốc phòng"},
		{Role: vocab.RoleCooperating, Name: "Sở Tư pháp", ID: "an-giang/so-tu-phap"},
	}
	if len(p.Agencies) != len(want) {
		t.Fatalf("agencies %+v", p.Agencies)
	}
	for i := range want {
		if p.Agencies[i] != want[i] {
			t.Errorf("agency %d = %+v, want %+v", i, p.Agencies[i], want[i])
		}
	}
}

// The page's sections replace fields the crawl cut short or shifted (1.001521: the steps
// were cut at "(Thành phần hồ sơ)" and the rest of them became the dossier).
func TestConvertRecoversFromPage(t *testing.T) {
	raw := "Giải quyết hưởng chế độTên thủ tụcGiải quyết hưởng chế độMã thủ tục1.001521Số quyết định1474/QĐ-BTCCấp thực hiệnCấp tỉnhLoại thủ tụcTTHC được giao luật quy định chi tiếtLĩnh vựcThực hiện chính sách BHXHĐối tượng thực hiệnCông dân Việt NamCơ quan có thẩm quyềnBảo hiểm xã hội cấp TỉnhĐịa chỉ tiếp nhận HSCơ quan được ủy quyềnCơ quan phối hợpThủ tục hành chính liên quanKhông có thông tinTrình Tự Thực HiệnBước 1. Lập hồ sơ theo quy định tại mục 5.3 (Thành phần hồ sơ); nộp hồ sơ cho cơ quan BHXH.\nBước 2. Cơ quan BHXH tiếp nhận hồ sơ.\nCách Thức Thực HiệnHình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến6 Ngày làm việcMiễn phíThành phần hồ sơ--Tên giấy tờMẫu đơn, tờ khaiSố lượng1. Bản chính Sổ BHXH1 bản chínhCăn cứ pháp lýTên văn bản pháp lýMã văn bảnLuật 84/2015/QH1384/2015/QH13Cơ quan thực hiệnBảo hiểm xã hội cấp TỉnhYêu cầu, điều kiện thực hiệnKhông có thông tinKết quả xử lýTiền trợ cấpMã: KQ.G24.000053Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện"
	rec := Record{
		MaThuTuc: "1.001521", TenThuTuc: "Giải quyết hưởng chế độ", CapThucHien: "Cấp tỉnh", SoQuyetDinh: "1474/QĐ-BTC",
		LoaiThuTuc: "TTHC được giao luật quy định chi tiết", LinhVuc: "Thực hiện chính sách BHXH", DoiTuongThucHien: "Công dân Việt Nam",
		CoQuanCoThamQuyen: "Bảo hiểm xã hội cấp Tỉnh", CoQuanThucHien: "Bảo hiểm xã hội cấp Tỉnh", ThuTucLienQuan: "Không có thông tin",
		TrinhTuThucHien:  "Bước 1. Lập hồ sơ theo quy định tại mục 5.3 (",
		CachThucThucHien: "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến6 Ngày làm việcMiễn phí",
		ThanhPhanHoSo:    "); nộp hồ sơ cho cơ quan BHXH.\nBước 2. Cơ quan BHXH tiếp nhận hồ sơ.",
		CanCuPhapLy:      "Tên văn bản pháp lýMã văn bảnLuật 84/2015/QH1384/2015/QH13",
		YeuCauDieuKien:   "Không có thông tin",
		KetQuaXuLy:       "Tiền trợ cấpMã: KQ.G24.000053Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện",
		RawText:          raw,
	}
	p, probs := Convert(rec, nil)
	if p == nil {
		t.Fatal(probs)
	}
	if !strings.Contains(p.Steps, "**Bước 2.** Cơ quan BHXH tiếp nhận hồ sơ.") {
		t.Errorf("steps not recovered: %q", p.Steps)
	}
	if len(p.Dossier) != 1 || p.Dossier[0].Name != `1\. Bản chính Sổ BHXH` {
		t.Errorf("dossier not recovered: %+v", p.Dossier)
	}
	fields := map[string]bool{}
	for _, pr := range probs {
		fields[pr.Field] = true
	}
	if len(probs) != 2 || !fields["trinh_tu_thuc_hien"] || !fields["thanh_phan_ho_so"] {
		t.Errorf("problems %+v", probs)
	}
}

func TestEncode(t *testing.T) {
	p := &content.ProcedureFile{
		Code:     "1.000001",
		Name:     `Tên có "ngoặc kép" và \ gạch chéo`,
		Levels:   []vocab.ProcedureLevel{{Level: vocab.Province}, {Level: vocab.Commune}},
		Subjects: []string{"Công dân Việt Nam", `Tổ chức "A"`},
		Postal:   true,
		Steps:    "**Bước 1:** a \"\"\" b \\\n\n- c\t\"\"\n\"",
		Agencies: []content.ProcedureAgency{{Role: vocab.RoleDeciding, Name: "Bộ Công an"}},
		Methods:  []content.MethodRec{{Channel: vocab.MethodInPerson, Description: "dòng 1\r\ndòng 2 \x01 \x7f"}},
		Dossier:  []content.DossierRec{{}, {Name: "Đơn"}},
		Results:  []content.ResultRec{{Name: "Giấy phép", Code: "KQ.G01.000003"}},
		LegalBases: []content.LegalBasisRec{
			{Title: "Luật", Number: "02/2011/QH13"},
		},
		SourceURL: "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x\ny",
	}
	out, err := roundTrip(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "# Nhập từ Cơ sở dữ liệu quốc gia về thủ tục hành chính (Cổng Dịch vụ công quốc gia): https://dichvucong.gov.vn/thu-tuc-hanh-chinh/xy\ncode = ") {
		t.Errorf("header:\n%s", out)
	}
	for _, want := range []string{"steps = \"\"\"\n**Bước 1:**", "\n[[agency]]\n", "\n[[dossier]]\n\n[[dossier]]\nname = \"Đơn\"", "postal = true\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "kind =") || strings.Contains(out, "illustrative") {
		t.Errorf("empty values written:\n%s", out)
	}
	// Deterministic.
	var a, b bytes.Buffer
	if Encode(&a, p) != nil || Encode(&b, p) != nil || a.String() != b.String() {
		t.Error("two encodings differ")
	}
	// Keys come in the schema's order: simple keys, texts, then tables.
	order := []string{"code =", "name =", "levels =", "subjects =", "postal =", "source_url =", "steps =", "[[agency]]", "[[method]]", "[[dossier]]", "[[result]]", "[[legal_basis]]"}
	last := -1
	for _, k := range order {
		i := strings.Index(out, k)
		if i < last {
			t.Errorf("%q out of order", k)
		}
		last = i
	}
	if err := Encode(&a, &content.ProcedureFile{Name: "\xff"}); err == nil {
		t.Error("invalid UTF-8 encoded")
	}
}

// Every string the encoder may meet decodes back to itself, whether written as a basic or
// as a multi-line string.
func TestEncodeStrings(t *testing.T) {
	for _, s := range []string{`"`, `""`, `"""`, `""""`, "a\"\"\"\"\"b", "\"\n\"", "x\n\"\"", "\\", "\\\n", "a\\\n  b", "\n", "\n\n", "\r\n", "\t", "\x00\x1f", "'''", "#", "\u2028", "é\u0301"} {
		p := &content.ProcedureFile{Name: s, Steps: s + "\n" + s}
		if out, err := roundTrip(p); err != nil {
			t.Errorf("%q: %v\n%s", s, err, out)
		}
	}
}

// Decoding with the content package's own shape check finds no unknown keys.
func TestEncodeKnownKeys(t *testing.T) {
	recs, _, _ := loadData(t)
	for _, rec := range recs[:200] {
		p, _ := Convert(rec, nil)
		if p == nil {
			continue
		}
		var buf bytes.Buffer
		if err := Encode(&buf, p); err != nil {
			t.Fatal(err)
		}
		var back content.ProcedureFile
		md, err := toml.Decode(buf.String(), &back)
		if err != nil || len(md.Undecoded()) > 0 {
			t.Fatalf("%s: %v %v", p.Code, err, md.Undecoded())
		}
	}
}
