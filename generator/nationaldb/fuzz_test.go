package nationaldb

import (
	"testing"
	"unicode/utf8"
)

// FuzzConvert feeds arbitrary text to every splitter through Convert: it must not panic,
// a converted record must encode and decode back to itself, and every problem must say
// something.
func FuzzConvert(f *testing.F) {
	seeds := [][7]string{
		{
			"Cấp giấy phép",
			"Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1 Ngày làm việc10 USD(10 USD/người.)",
			"--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai (mẫu N24)TK de nghi(N24).doc1 bản chínhGiấy thông hành biên giới1 bản chính",
			"Tên văn bản pháp lýMã văn bảnQUY ĐỊNH MỨC THU25/2021/TT-BTCThông tư 41/2011/TT-BCA41/2011/TT-BCA",
			"Giấy phépMã: KQ.G01.000003Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện",
			"Bước 1: Nộp hồ sơ\n- Trực tiếp\n+ Qua bưu chính\n1. Văn bản <b>*đề nghị*</b>",
			"",
		},
		{
			"Đăng ký xe tạm thời thực hiện bằng dịch vụ công trực tuyến toàn trình",
			"Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120 VNĐTrực tiếp140,000 Việt Nam Đồng(- Xe ô tô(Dịch vụ bưu chínhKhôngMiễn phí(1) a",
			"* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn: 01 bản chính1 bản chínhMẫu số 181 bản chính,1 bản sao* Lưu ý:Tên giấy tờMẫu đơn, tờ khaiSố lượngGhi chú",
			"Tên văn bản pháp lýMã văn bảnLuật Khiếu nại  năm 201102/2011/QH13Luật 54/2014/QH1354/2014/QH13Nghị quyết 66.7/2025/NQ-CP 66.7/2025/NQ-CP24/2022/TT-BNNPTNTThông tư 24/2022/TT-BNNPTNTVề cắt giảm",
			"Mã: Chưa xác địnhVăn bảnMã: VBTT",
			"\"\"\"\\\r\n\t# ~~x~~ | a | b |\n---\n&amp;",
			"Giải quyếtTên thủ tụcGiải quyếtMã thủ tục1.000001Số quyết định1Cấp thực hiệnCấp tỉnhTrình Tự Thực HiệnBước 1. xCách Thức Thực HiệnHình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến6 NgàyMiễn phíThành phần hồ sơ--Căn cứ pháp lýKhông có thông tinCơ quan thực hiệnYêu cầu, điều kiện thực hiệnKhông có thông tinKết quả xử lýxMã: 1",
		},
		{"\xff\xfe", "Hình thức nộpThời gianPhí, lệ phíMô tả", "Tên giấy tờMẫu đơn, tờ khaiSố lượng", "Tên văn bản pháp lýMã văn bản", "Mã:", "- ", "Mã thủ tục"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2], s[3], s[4], s[5], s[6])
	}
	f.Fuzz(func(t *testing.T, name, methods, dossier, legal, results, steps, raw string) {
		rec := Record{
			Line: 1, MaThuTuc: "1.000001", TenThuTuc: name, CachThucThucHien: methods, ThanhPhanHoSo: dossier,
			CanCuPhapLy: legal, KetQuaXuLy: results, TrinhTuThucHien: steps, YeuCauDieuKien: steps + results,
			CoQuanCoThamQuyen: name + ", " + legal, CoQuanThucHien: dossier, DoiTuongThucHien: results,
			CapThucHien: name, DiaChiTiepNhan: steps, SoQuyetDinh: raw, DetailURL: raw, RawText: raw,
		}
		p, probs := Convert(rec, func(n string) string {
			if !utf8.ValidString(n) {
				t.Errorf("resolver got invalid UTF-8 %q", n)
			}
			return ""
		})
		for _, pr := range probs {
			if pr.Msg == "" || pr.Line != 1 {
				t.Errorf("problem %+v", pr)
			}
		}
		if p == nil {
			return
		}
		if out, err := roundTrip(p); err != nil {
			t.Errorf("%v\n%s", err, out)
		}
		// The splitters on their own, with text that Convert did not clean.
		parseMethods(tidy(methods))
		parseDossier(tidy(dossier))
		parseLegal(tidy(legal))
		parseResults(tidy(results))
		splitForms(dossier)
		formName(dossier, name, newFormTexts(name, raw))
		feeText(methods, legal)
		quantityText(dossier)
		markdown(steps)
	})
}
