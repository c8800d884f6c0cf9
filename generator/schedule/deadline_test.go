package schedule

import (
	"reflect"
	"testing"
	"time"
)

// want is what a row of the table expects of a parsed deadline.
type want struct {
	kind      Kind
	from, due string // ISO dates, "" for zero
	quarters  []int
	every     Frequency
	dom       int
	before    bool
	onDemand  bool
	tentative bool
	event     string
	note      string
	parts     []partWant
}

type partWant struct {
	label string
	want  want
}

func text() want                  { return want{kind: KindText} }
func day(iso string) want         { return want{kind: KindDate, from: iso, due: iso} }
func month(from, due string) want { return want{kind: KindMonth, from: from, due: due} }
func half(from, due string) want  { return want{kind: KindHalf, from: from, due: due} }
func event(e string) want         { return want{kind: KindEvent, event: e} }

func quarters(from, due string, qs ...int) want {
	return want{kind: KindQuarters, from: from, due: due, quarters: qs}
}

// year is a KindYear window of whole years; y2 == 0 means y1 only.
func year(y1, y2 int) want {
	if y2 == 0 {
		y2 = y1
	}
	return want{kind: KindYear, from: D(y1, 1, 1).String(), due: D(y2, 12, 31).String()}
}

// rec is a recurring deadline over plan year y (0: unknown).
func rec(f Frequency, y int) want {
	w := want{kind: KindRecurring, every: f}
	if y > 0 {
		w.from, w.due = D(y, 1, 1).String(), D(y, 12, 31).String()
	}
	return w
}

func parts(from, due string, ps ...partWant) want {
	return want{kind: KindParts, from: from, due: due, parts: ps}
}

func p(label string, w want) partWant { return partWant{label, w} }

func (w want) limit() want            { w.before = true; return w }
func (w want) demand() want           { w.onDemand = true; return w }
func (w want) tent() want             { w.tentative = true; return w }
func (w want) withNote(n string) want { w.note = n; return w }
func (w want) day(n int) want         { w.dom = n; return w }

// deadlineRows covers every deadline text of DOMAIN.md and every distinct deadline text found
// in the five seed plans (plan year as the year argument), then robustness cases.
var deadlineRows = []struct {
	text string
	year int
	want want
}{
	// DOMAIN.md, "Deadline texts seen in the seeds"
	{"Tháng 12/2023", 2024, month("2023-12-01", "2023-12-31")},
	{"Tháng 02 năm 2025", 2025, month("2025-02-01", "2025-02-28")},
	{"Quý I/2024", 2024, quarters("2024-01-01", "2024-03-31", 1)},
	{"Quý III năm 2025", 2025, quarters("2025-07-01", "2025-09-30", 3)},
	{"Quý I, Quý II năm 2025 hoặc đột xuất", 2025, quarters("2025-01-01", "2025-06-30", 1, 2).demand()},
	{"Quý II, Quý IV/2024", 2024, quarters("2024-04-01", "2024-12-31", 2, 4)},
	{"Trước ngày 15/8/2022", 2022, day("2022-08-15").limit()},
	{"Trước 30/3/2025", 2025, day("2025-03-30").limit()},
	{"31/12/2025", 2025, day("2025-12-31")},
	{"Ngày 31/12/2024", 2024, day("2024-12-31")},
	{"Hết năm 2025", 2025, year(2025, 0).limit()},
	{"Năm 2025", 2025, year(2025, 0)},
	{"Trong năm 2024", 2024, year(2024, 0)},
	{"Trong tháng 03 năm 2025", 2025, month("2025-03-01", "2025-03-31")},
	{"Chậm nhất trong Quý II năm 2025", 2025, quarters("2025-04-01", "2025-06-30", 2).limit()},
	{"Thường xuyên", 2024, rec(Continuous, 2024)},
	{"Thường xuyên trong năm 2022", 2022, rec(Continuous, 2022)},
	{"Hàng tháng", 2025, rec(Monthly, 2025)},
	{"Hàng tuần", 2025, rec(Weekly, 2025)},
	{"Hàng quý", 2025, rec(Quarterly, 2025)},
	{"Ngày 05 hàng tháng", 2025, rec(Monthly, 2025).day(5)},
	{"02 lần/năm", 2025, rec(HalfYearly, 2025)},
	{"Định kỳ 06 tháng/ 01 lần", 2025, rec(HalfYearly, 2025)},
	{"6 tháng đầu năm và cuối năm 2022", 2022, rec(HalfYearly, 2022)},
	{"Định kỳ theo báo cáo CCHC", 2024, rec(Quarterly, 2024).withNote("theo báo cáo CCHC")},
	{"Theo yêu cầu", 2025, event("Theo yêu cầu")},
	{"Khi có thay đổi", 2022, event("Khi có thay đổi")},
	{"Sau khi Chính phủ ban hành Nghị quyết", 2025, event("Sau khi Chính phủ ban hành Nghị quyết")},
	{"Ngay sau khi có quyết định công bố ...", 2025, event("Ngay sau khi có quyết định công bố")},
	{"Theo lộ trình tại Quyết định số 2236/QĐ-UBND ...", 2024, event("Theo lộ trình tại Quyết định số 2236/QĐ-UBND")},
	{"Trong thời gian 10 ngày kể từ ngày tiếp nhận", 2025, event("Trong thời gian 10 ngày kể từ ngày tiếp nhận")},
	{"Các sở, ban, ngành tỉnh, UBND cấp huyện: trước ngày 01/3/2024; UBND cấp xã: theo yêu cầu", 2024, parts("2024-03-01", "2024-03-01",
		p("Các sở, ban, ngành tỉnh, UBND cấp huyện", day("2024-03-01").limit()),
		p("UBND cấp xã", event("theo yêu cầu")))},

	// further examples of the brief
	{"6 tháng đầu năm 2024", 2024, half("2024-01-01", "2024-06-30")},
	{"6 tháng cuối năm", 2024, half("2024-07-01", "2024-12-31")},
	{"Quý I hoặc Quý II 2025", 2025, quarters("2025-01-01", "2025-06-30", 1, 2)},
	{"Tháng 01/2022", 2022, month("2022-01-01", "2022-01-31")},
	{"24/02/2025", 2025, day("2025-02-24")},
	{"Thường xuyên và đột xuất khi có yêu cầu", 2024, rec(Continuous, 2024).demand()},
	{"Khi ban hành văn bản QPPL có quy định TTHC", 2024, event("Khi ban hành văn bản QPPL có quy định TTHC")},
	{"Định kỳ hoặc đột xuất theo yêu cầu", 2024, rec(Periodically, 2024).demand()},
	{"Báo cáo kết quả kiểm tra", 2024, text()},
	{"Theo Kế hoạch", 2022, text()},
	{"- Báo cáo Quý I/2022; - Báo cáo Quý II/2022; - Báo cáo Quý III/2022; - Báo cáo Năm 2022.", 2022, parts("2022-01-01", "2022-12-31",
		p("Báo cáo", quarters("2022-01-01", "2022-03-31", 1)),
		p("Báo cáo", quarters("2022-04-01", "2022-06-30", 2)),
		p("Báo cáo", quarters("2022-07-01", "2022-09-30", 3)),
		p("Báo cáo", year(2022, 0)))},

	// vinh-long-2024-kiem-soat-tthc.txt (plan year 2024)
	{"Khi phương án được thực thi; Bộ, ngành Trung ương ban hành quyết định công bố TTHC", 2024,
		event("Khi phương án được thực thi; Bộ, ngành Trung ương ban hành quyết định công bố TTHC")},
	{"Theo lộ trình tại Quyết định số 2236/QĐ-UBND ngày 01/11/2022 của Chủ tịch UBND tỉnh", 2024,
		event("Theo lộ trình tại Quyết định số 2236/QĐ-UBND ngày 01/11/2022 của Chủ tịch UBND tỉnh")},
	{"Thực hiện theo lộ trình quy định", 2024, event("Thực hiện theo lộ trình quy định")},
	{"Trong năm", 2024, year(2024, 0)},
	{"Định kỳ và đột xuất khi có yêu cầu", 2024, rec(Periodically, 2024).demand()},
	{"Quý III/2024", 2024, quarters("2024-07-01", "2024-09-30", 3)},

	// vinh-long-2024-cai-cach-hanh-chinh.txt (plan year 2024)
	{"Quý IV/2023", 2024, quarters("2023-10-01", "2023-12-31", 4)},
	{"Tháng 01/2024", 2024, month("2024-01-01", "2024-01-31")},
	{"Tháng 02/2024", 2024, month("2024-02-01", "2024-02-29")},
	{"Tháng 8/2024", 2024, month("2024-08-01", "2024-08-31")},
	{"Trước ngày 16/01/202 4", 2024, day("2024-01-16").limit()},
	{"Định kỳ trong năm 2024", 2024, rec(Periodically, 2024)},
	{"Định kỳ trong năm", 2024, rec(Periodically, 2024)},
	{"Sau khi có kết quả công bố", 2024, event("Sau khi có kết quả công bố")},
	{"Thường xuyên trong năm 2024", 2024, rec(Continuous, 2024)},
	{"Theo quy định của cơ quan có\nthẩm quyền", 2024, event("Theo quy định của cơ quan có thẩm quyền")},
	{"Các sở, ban, ngành tỉnh, UBND\ncấp huyện: trước ngày 01/3/2024; UBND cấp xã: theo yêu cầu của UBND cấp huyện", 2024, parts("2024-03-01", "2024-03-01",
		p("Các sở, ban, ngành tỉnh, UBND cấp huyện", day("2024-03-01").limit()),
		p("UBND cấp xã", event("theo yêu cầu của UBND cấp huyện")))},
	{"Năm 2024", 2024, year(2024, 0)},
	{"Quý II/2024", 2024, quarters("2024-04-01", "2024-06-30", 2)},
	{"Quý IV/ 2024", 2024, quarters("2024-10-01", "2024-12-31", 4)},
	{"Quý IV/2024", 2024, quarters("2024-10-01", "2024-12-31", 4)},
	{"Quý IV/2023 và theo định kỳ", 2024, parts("2023-10-01", "2024-12-31",
		p("", quarters("2023-10-01", "2023-12-31", 4)),
		p("", rec(Periodically, 2024)))},

	// thua-thien-hue-2022-kiem-soat-tthc.txt (plan year 2022), with its page-split cells
	{"Quý I/2022", 2022, quarters("2022-01-01", "2022-03-31", 1)},
	{"Thường", 2022, text()},
	{"xuyên trong năm 2022", 2022, text()},
	{"Thường\n\nxuyên trong năm 2022", 2022, rec(Continuous, 2022)},
	{"Tháng 12/2021", 2022, month("2021-12-01", "2021-12-31")},
	{"Trước 31/12/2021", 2022, day("2021-12-31").limit()},
	{"Trước ngày 15/9/2022", 2022, day("2022-09-15").limit()},
	{"Thường xuân trong năm 2022", 2022, rec(Continuous, 2022)},
	{"xuân trong năm 2022", 2022, text()},
	{"Khi có yêu cầu của Sở Thông tin và Truyền thông", 2022, event("Khi có yêu cầu của Sở Thông tin và Truyền thông")},
	{"Năm 2022", 2022, year(2022, 0)},
	{"Theo Kế hoạch của đơn vị", 2022, text()},
	{"Quý II, III", 2022, quarters("2022-04-01", "2022-09-30", 2, 3)},
	{"Quý IV", 2022, quarters("2022-10-01", "2022-12-31", 4)},
	{"Khi có thay đổi, thực hiện theo Quý", 2022, event("Khi có thay đổi, thực hiện theo Quý")},
	{"Theo yêu cầu và Kế hoạch của Văn phòng Chính phủ", 2022, event("Theo yêu cầu và Kế hoạch của Văn phòng Chính phủ")},
	{"Trong năm 2022", 2022, year(2022, 0)},

	// vinh-linh-2024-kiem-soat-tthc.txt (plan year 2024)
	{"Trước ngày 01/7/2024", 2024, day("2024-07-01").limit()},
	{"Quý I, II/2024", 2024, quarters("2024-01-01", "2024-06-30", 1, 2)},
	{"Quý I, Quý II, Quý III và 1 năm", 2024, parts("2024-01-01", "2024-12-31",
		p("", quarters("2024-01-01", "2024-09-30", 1, 2, 3)),
		p("", year(2024, 0)))},
	{"Quý IV/2022 hoặc đột xuất", 2024, quarters("2022-10-01", "2022-12-31", 4).demand()},

	// an-giang-2025-kiem-soat-tthc.txt (plan year 2025)
	{"Tham dự Hội nghị, Hội thảo, tọa đàm, …", 2025, text()},
	{"Theo Kế hoạch của Cơ quan Trung ương", 2025, text()},
	{"Dự kiến trong tháng 2 hoặc đầu tháng 3 năm 2025", 2025, month("2025-02-01", "2025-03-31").tent()},
	{"Trước ngày 05/9/2025", 2025, day("2025-09-05").limit()},
	{"Trước ngày 15/9/2025", 2025, day("2025-09-15").limit()},
	{"Tháng 03 năm 2025", 2025, month("2025-03-01", "2025-03-31")},
	{"Tháng 03 năm 2025 (ban hành danh mục)", 2025, month("2025-03-01", "2025-03-31").withNote("(ban hành danh mục)")},
	{"Tháng 2 năm 2025", 2025, month("2025-02-01", "2025-02-28")},
	{"Ngay sau khi có quyết định công bố của Thủ tướng chính phủ", 2025, event("Ngay sau khi có quyết định công bố của Thủ tướng chính phủ")},
	{"Ngay sau khi có quyết định công bố danh mục TTHC của Chủ tịch UBND tỉnh", 2025, event("Ngay sau khi có quyết định công bố danh mục TTHC của Chủ tịch UBND tỉnh")},
	{"Thường xuyên (Trước 01 ngày của hồ sơ đến hạn trả kết quả).", 2025, rec(Continuous, 2025).withNote("(Trước 01 ngày của hồ sơ đến hạn trả kết quả)")},
	{"Quý II năm 2025", 2025, quarters("2025-04-01", "2025-06-30", 2)},
	{"Quý I năm 2025", 2025, quarters("2025-01-01", "2025-03-31", 1)},
	{"Định kỳ/đột xuất", 2025, rec(Periodically, 2025).demand()},
	{"Trước ngày 30 tháng 4 năm 2025", 2025, day("2025-04-30").limit()},
	{"Ngay sau khi có kết quả xử lý phản ánh, kiến nghị", 2025, event("Ngay sau khi có kết quả xử lý phản ánh, kiến nghị")},
	{"Hàng quý (Theo Kế hoạch số 712/KH- UBND ngày 18/11/2020 của UBND tỉnh)", 2025,
		rec(Quarterly, 2025).withNote("(Theo Kế hoạch số 712/KH- UBND ngày 18/11/2020 của UBND tỉnh)")},
	{"Đã được phân công theo Quyết định số 2660/QĐ-UBND", 2025, text()},
	{"Trong tháng 4, hoàn thành việc rà soát các TTHC nội bộ; Trong tháng 6, hoàn thành tái cấu trúc quy trình các TTHC nội bộ", 2025, parts("2025-04-01", "2025-06-30",
		p("hoàn thành việc rà soát các TTHC nội bộ", month("2025-04-01", "2025-04-30")),
		p("hoàn thành tái cấu trúc quy trình các TTHC nội bộ", month("2025-06-01", "2025-06-30")))},
	{"Sau khi có văn bản đề nghị của Văn phòng Chính phủ và Bộ Công an", 2025, event("Sau khi có văn bản đề nghị của Văn phòng Chính phủ và Bộ Công an")},
	{"Trong Quý II năm 2025 theo lộ trình của Thủ tướng Chính phủ", 2025,
		quarters("2025-04-01", "2025-06-30", 2).withNote("theo lộ trình của Thủ tướng Chính phủ")},
	{"Theo kế hoạch hoặc đột xuất theo chỉ đạo", 2025, event("Theo kế hoạch hoặc đột xuất theo chỉ đạo").demand()},
	// an Giang's "Ghi chú" column, which carries finer deadline rules
	{"Chậm nhất sau 01 ngày, kể từ khi Sở Thông tin và Truyền thông hoàn thành thực hiện đồng bộ TTHC.", 2025,
		event("Chậm nhất sau 01 ngày, kể từ khi Sở Thông tin và Truyền thông hoàn thành thực hiện đồng bộ TTHC")},
	{"Chậm nhất sau 05 ngày sau khi có Quyết định phê duyệt quy trình nội bộ của Chủ tịch UBND tỉnh", 2025,
		event("Chậm nhất sau 05 ngày sau khi có Quyết định phê duyệt quy trình nội bộ của Chủ tịch UBND tỉnh")},
	{"Trong thời gian 01 ngày sau khi Chủ tịch UBND tỉnh ký quyết định ban hành.", 2025,
		event("Trong thời gian 01 ngày sau khi Chủ tịch UBND tỉnh ký quyết định ban hành")},
	{"Ngay sau khi biết có Quyết định Công bố TTHC của Bộ, ngành chủ quản (chậm nhất sau 01 ngày).", 2025,
		event("Ngay sau khi biết có Quyết định Công bố TTHC của Bộ, ngành chủ quản (chậm nhất sau 01 ngày)")},
	{"Dự kiến: học tập kinh nghiệm: Tỉnh Bình Dương; Bình phước; Lâm Đồng.", 2025, text()},

	// robustness: case, spaces, NBSP, NFD, punctuation, prefixes, unknown year, invalid dates
	{"THƯỜNG XUYÊN", 2024, rec(Continuous, 2024)},
	{"QUÝ II/2024", 2024, quarters("2024-04-01", "2024-06-30", 2)},
	{"quý iii năm 2025", 2025, quarters("2025-07-01", "2025-09-30", 3)},
	{"Quý\u00a0I/2024", 2024, quarters("2024-01-01", "2024-03-31", 1)},
	{"Tháng\u00a012\u00a0/\u00a02023", 2024, month("2023-12-01", "2023-12-31")},
	{"  Năm \t 2025 . ", 2025, year(2025, 0)},
	{"Thu\u031b\u0300o\u031bng xuye\u0302n trong na\u0306m 2022", 2022, rec(Continuous, 2022)},
	{"Qu\u0079\u0301 II, Qu\u0079\u0301 IV/2024", 2024, quarters("2024-04-01", "2024-12-31", 2, 4)},
	{"Tha\u0301ng 02 na\u0306m 2025", 2025, month("2025-02-01", "2025-02-28")},
	{"Tháng 12 năm 2024.", 2024, month("2024-12-01", "2024-12-31")},
	{"Hết tháng 3/2025", 2025, month("2025-03-01", "2025-03-31").limit()},
	{"Dự kiến Quý III/2025", 2025, quarters("2025-07-01", "2025-09-30", 3).tent()},
	{"Quý 1/2024", 2024, quarters("2024-01-01", "2024-03-31", 1)},
	{"Quý 2 và Quý 3 năm 2024", 2024, quarters("2024-04-01", "2024-09-30", 2, 3)},
	{"Trước ngày 15/8", 2022, day("2022-08-15").limit()},
	{"Ngày 15 tháng 8 năm 2022", 2022, day("2022-08-15")},
	{"31.12.2025", 2025, day("2025-12-31")},
	{"2025-12-31", 2025, day("2025-12-31")},
	{"Giai đoạn 2022 - 2025", 2024, year(2022, 2025)},
	{"2022 - 2025", 2024, year(2022, 2025)},
	{"Năm 2022–2025", 2024, year(2022, 2025)},
	{"Hàng năm", 2024, rec(Yearly, 2024)},
	{"Hằng tháng trong năm 2025", 2024, rec(Monthly, 2025)},
	{"Định kỳ 3 tháng/lần", 2024, rec(Quarterly, 2024)},
	{"01 lần/năm", 2024, rec(Yearly, 2024)},
	{"Trước ngày 22 hàng tháng", 2025, rec(Monthly, 2025).day(22).limit()},
	{"Thường xuyên giai đoạn 2022 - 2025", 2024, want{kind: KindRecurring, every: Continuous, from: "2022-01-01", due: "2025-12-31"}},
	{"6 tháng đầu năm, 6 tháng cuối năm", 2024, rec(HalfYearly, 2024)},
	{"Đột xuất", 2024, event("Đột xuất").demand()},
	{"UBND cấp xã: theo yêu cầu", 2024, parts("", "", p("UBND cấp xã", event("theo yêu cầu")))},
	{"- Quý I/2024\n- Quý III/2024", 2024, parts("2024-01-01", "2024-09-30",
		p("", quarters("2024-01-01", "2024-03-31", 1)),
		p("", quarters("2024-07-01", "2024-09-30", 3)))},
	{"Thường xuyên", 0, rec(Continuous, 0)},
	{"Quý II, III", 0, quarters("", "", 2, 3)},
	{"Trong năm", 0, want{kind: KindYear}},
	{"Trước ngày 15/8", 0, text()},
	{"", 2024, text()},
	{"   ", 2024, text()},
	{"31/02/2024", 2024, text()},
	{"Trước ngày 30/02/2025", 2025, text()},
	{"Tháng 13/2024", 2024, text()},
	{"Quý V/2024", 2024, text()},
	{"Năm 1800", 2024, text()},
	{"Tháng 3 hoặc tháng 2 năm 2025", 2025, text()},
	{"Quyết định 31/2021/QĐ-TTg", 2025, text()},
}

func TestParse(t *testing.T) {
	seen := map[string]int{}
	for _, r := range deadlineRows {
		key := r.text + "\x00" + string(rune(r.year))
		seen[key]++
		if seen[key] > 1 {
			t.Errorf("row %q (year %d) appears twice", r.text, r.year)
		}
		d := Parse(r.text, r.year)
		if d.Text != r.text {
			t.Errorf("Parse(%q).Text = %q", r.text, d.Text)
		}
		checkDeadline(t, r.text, d, r.want)
	}
}

func checkDeadline(t *testing.T, where string, d Deadline, w want) {
	t.Helper()
	got := want{
		kind: d.Kind, from: d.From.String(), due: d.Due.String(), quarters: d.Quarters,
		every: d.Every, dom: d.DayOfMonth, before: d.Before, onDemand: d.OrOnDemand,
		tentative: d.Tentative, event: d.Event, note: d.Note,
	}
	w2 := w
	w2.parts = nil
	if !reflect.DeepEqual(got, w2) {
		t.Errorf("%q:\n got %+v\nwant %+v", where, got, w2)
	}
	if len(d.Parts) != len(w.parts) {
		t.Errorf("%q: %d parts, want %d: %+v", where, len(d.Parts), len(w.parts), d.Parts)
		return
	}
	for i, pw := range w.parts {
		if d.Parts[i].Label != pw.label {
			t.Errorf("%q part %d: label %q, want %q", where, i, d.Parts[i].Label, pw.label)
		}
		checkDeadline(t, where+" / part "+d.Parts[i].Deadline.Text, d.Parts[i].Deadline, pw.want)
	}
}

func iso(t *testing.T, s string) Date {
	t.Helper()
	if s == "" {
		return Date{}
	}
	d, err := ParseISO(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestPeriod(t *testing.T) {
	window := func(f Frequency, from, due string) Deadline {
		return Deadline{Kind: KindRecurring, Every: f, From: iso(t, from), Due: iso(t, due)}
	}
	y2024, y2025 := "2024-01-01", "2024-12-31"
	rows := []struct {
		name            string
		d               Deadline
		at              string
		ok              bool
		start, end, key string
	}{
		{"weekly mid-year", window(Weekly, y2024, y2025), "2024-02-14", true, "2024-02-12", "2024-02-18", "2024-W07"},
		{"weekly first day is a Monday", window(Weekly, y2024, y2025), "2024-01-01", true, "2024-01-01", "2024-01-07", "2024-W01"},
		{"weekly: ISO week 1 of next year, clipped", window(Weekly, y2024, y2025), "2024-12-31", true, "2024-12-30", "2024-12-31", "2025-W01"},
		{"weekly: ISO week 53 of last year, clipped", window(Weekly, "2021-01-01", "2021-12-31"), "2021-01-02", true, "2021-01-01", "2021-01-03", "2020-W53"},
		{"weekly: after the window gives the last week", window(Weekly, "2021-01-01", "2021-12-31"), "2022-03-01", true, "2021-12-27", "2021-12-31", "2021-W52"},
		{"monthly, leap February", window(Monthly, y2024, y2025), "2024-02-10", true, "2024-02-01", "2024-02-29", "2024-02"},
		{"monthly after the window", window(Monthly, "2025-01-01", "2025-12-31"), "2026-03-01", true, "2025-12-01", "2025-12-31", "2025-12"},
		{"monthly clipped at the start", window(Monthly, "2024-03-15", "2024-06-10"), "2024-03-20", true, "2024-03-15", "2024-03-31", "2024-03"},
		{"monthly clipped at the end", window(Monthly, "2024-03-15", "2024-06-10"), "2024-06-30", true, "2024-06-01", "2024-06-10", "2024-06"},
		{"quarterly", window(Quarterly, "2025-01-01", "2025-12-31"), "2025-05-05", true, "2025-04-01", "2025-06-30", "2025-Q2"},
		{"quarterly clipped", window(Quarterly, "2024-03-15", "2024-06-10"), "2024-03-20", true, "2024-03-15", "2024-03-31", "2024-Q1"},
		{"half-yearly H1", window(HalfYearly, "2022-01-01", "2022-12-31"), "2022-06-30", true, "2022-01-01", "2022-06-30", "2022-H1"},
		{"half-yearly H2", window(HalfYearly, "2022-01-01", "2022-12-31"), "2022-07-01", true, "2022-07-01", "2022-12-31", "2022-H2"},
		{"yearly, one-year window", window(Yearly, y2024, y2025), "2024-08-08", true, y2024, y2025, "2024"},
		{"yearly, several years", window(Yearly, "2022-01-01", "2025-12-31"), "2023-06-01", true, "2023-01-01", "2023-12-31", "2023"},
		{"continuous", window(Continuous, "2022-01-01", "2022-12-31"), "2022-03-03", true, "2022-01-01", "2022-12-31", "2022"},
		{"continuous, several years", window(Continuous, "2022-01-01", "2025-12-31"), "2023-03-03", true, "2022-01-01", "2025-12-31", "2022-2025"},
		{"continuous, odd window", window(Continuous, "2024-03-15", "2024-06-10"), "2024-04-01", true, "2024-03-15", "2024-06-10", "2024-03-15..2024-06-10"},
		{"periodically", window(Periodically, y2024, y2025), "2024-04-01", true, y2024, y2025, "2024"},
		{"first day of the window", window(Monthly, y2024, y2025), "2024-01-01", true, "2024-01-01", "2024-01-31", "2024-01"},
		{"before the window", window(Monthly, y2024, y2025), "2023-12-31", false, "", "", ""},
		{"not recurring", Parse("Quý I/2024", 2024), "2024-02-01", false, "", "", ""},
		{"no window (unknown year)", Parse("Hàng tháng", 0), "2024-02-01", false, "", "", ""},
		{"parsed Ngày 05 hàng tháng", Parse("Ngày 05 hàng tháng", 2025), "2025-07-20", true, "2025-07-01", "2025-07-31", "2025-07"},
		{"parsed Hàng tuần", Parse("Hàng tuần", 2025), "2025-12-31", true, "2025-12-29", "2025-12-31", "2026-W01"},
		{"parsed 6 tháng đầu năm và cuối năm 2022", Parse("6 tháng đầu năm và cuối năm 2022", 2030), "2022-10-10", true, "2022-07-01", "2022-12-31", "2022-H2"},
	}
	for _, r := range rows {
		p, ok := r.d.Period(iso(t, r.at))
		want := Period{iso(t, r.start), iso(t, r.end), r.key}
		if ok != r.ok || p != want {
			t.Errorf("%s: Period(%s) = %+v, %v; want %+v, %v", r.name, r.at, p, ok, want, r.ok)
		}
	}
}

func TestParsePeriodKey(t *testing.T) {
	good := []struct{ key, start, end string }{
		{"2024", "2024-01-01", "2024-12-31"},
		{"2022-2025", "2022-01-01", "2025-12-31"},
		{"2024-H1", "2024-01-01", "2024-06-30"},
		{"2024-H2", "2024-07-01", "2024-12-31"},
		{"2024-Q1", "2024-01-01", "2024-03-31"},
		{"2024-Q4", "2024-10-01", "2024-12-31"},
		{"2024-02", "2024-02-01", "2024-02-29"},
		{"2023-02", "2023-02-01", "2023-02-28"},
		{"2024-12", "2024-12-01", "2024-12-31"},
		{"2024-W01", "2024-01-01", "2024-01-07"},
		{"2025-W01", "2024-12-30", "2025-01-05"},
		{"2020-W53", "2020-12-28", "2021-01-03"},
		{"2026-W53", "2026-12-28", "2027-01-03"},
		{"2024-W52", "2024-12-23", "2024-12-29"},
		{"2024-03-15..2024-06-10", "2024-03-15", "2024-06-10"},
	}
	for _, g := range good {
		p, err := ParsePeriodKey(g.key)
		want := Period{iso(t, g.start), iso(t, g.end), g.key}
		if err != nil || p != want {
			t.Errorf("ParsePeriodKey(%q) = %+v, %v; want %+v", g.key, p, err, want)
		}
	}
	for _, bad := range []string{"", "202", "abcd", "2024-", "2024-H3", "2024-H0", "2024-Q0", "2024-Q5", "2024-13", "2024-00",
		"2024-3", "2024-W00", "2024-W53", "2024-W7", "2025-2022", "2024-2024", "+024", "2024-01-01..2023-01-01",
		"2024-01-01..2024-12-31", "2024-02-30..2024-03-01", "2024_Q1", "2024-q1"} {
		if p, err := ParsePeriodKey(bad); err == nil {
			t.Errorf("ParsePeriodKey(%q) = %+v, want an error", bad, p)
		}
	}
	// Round trip: every calendar period of eight years reads back from its key.
	for d := D(2019, 1, 1); d.Year < 2027; d = d.AddDays(1) {
		for _, f := range []Frequency{Weekly, Monthly, Quarterly, HalfYearly, Yearly} {
			p, ok := CalendarPeriod(f, d)
			if !ok || !p.Contains(d) {
				t.Fatalf("CalendarPeriod(%v, %s) = %+v, %v", f, d, p, ok)
			}
			if q, err := ParsePeriodKey(p.Key); err != nil || q != p {
				t.Fatalf("ParsePeriodKey(%q) = %+v, %v; want %+v", p.Key, q, err, p)
			}
		}
	}
	if _, ok := CalendarPeriod(Continuous, D(2024, 1, 1)); ok {
		t.Error("CalendarPeriod(Continuous) is ok")
	}
}

func TestDescribe(t *testing.T) {
	rows := []struct {
		d    Deadline
		want string
	}{
		{Parse("31/12/2023", 2023), "Hạn chót 31/12/2023"},
		{Parse("Trước ngày 15/8/2022", 2022), "Trước ngày 15/08/2022"},
		{Parse("Tháng 12/2023", 2024), "Trong tháng 12/2023 (01/12/2023 – 31/12/2023)"},
		{Parse("Dự kiến trong tháng 2 hoặc đầu tháng 3 năm 2025", 2025), "Từ tháng 02/2025 đến tháng 03/2025 (01/02/2025 – 31/03/2025) (dự kiến)"},
		{Parse("Quý I, Quý II năm 2025 hoặc đột xuất", 2025), "Quý I và Quý II năm 2025, hoặc đột xuất"},
		{Parse("Quý I, Quý II, Quý III/2024", 2024), "Quý I, Quý II và Quý III năm 2024"},
		{Parse("Chậm nhất trong Quý II năm 2025", 2025), "Chậm nhất trong Quý II năm 2025"},
		{Parse("Quý II, III", 0), "Quý II và Quý III"},
		{Parse("6 tháng đầu năm 2024", 2024), "6 tháng đầu năm 2024 (01/01/2024 – 30/06/2024)"},
		{Parse("Năm 2025", 2025), "Trong năm 2025"},
		{Parse("Hết năm 2025", 2025), "Hết năm 2025 (hạn chót 31/12/2025)"},
		{Parse("Giai đoạn 2022 - 2025", 2024), "Trong giai đoạn 2022 – 2025"},
		{Parse("Hàng quý", 2024), "Định kỳ hằng quý trong năm 2024"},
		{Parse("Ngày 05 hàng tháng", 2024), "Ngày 05 hằng tháng trong năm 2024"},
		{Parse("Thường xuyên", 2024), "Thường xuyên trong năm 2024"},
		{Parse("Thường xuyên", 0), "Thường xuyên"},
		{Parse("Thường xuyên và đột xuất khi có yêu cầu", 2024), "Thường xuyên trong năm 2024, hoặc đột xuất"},
		{Parse("02 lần/năm", 2025), "Định kỳ 6 tháng một lần trong năm 2025"},
		{Parse("Tháng 03 năm 2025 (ban hành danh mục)", 2025), "Trong tháng 03/2025 (01/03/2025 – 31/03/2025) (ban hành danh mục)"},
		{Parse("Khi có thay đổi", 2022), "Khi có sự kiện: Khi có thay đổi"},
		{Parse("Các sở, ban, ngành tỉnh, UBND cấp huyện: trước ngày 01/3/2024; UBND cấp xã: theo yêu cầu", 2024),
			"Nhiều mốc: Các sở, ban, ngành tỉnh, UBND cấp huyện: Trước ngày 01/03/2024; UBND cấp xã: theo yêu cầu"},
		{Parse("Báo cáo kết quả kiểm tra", 2024), "Không xác định được mốc thời gian"},
		{Deadline{}, "Không xác định được mốc thời gian"},
		{Deadline{Kind: numKinds + 3}, "Không xác định được mốc thời gian"},
		{Deadline{Kind: KindEvent, Text: " Khi có thay đổi "}, "Khi có sự kiện: Khi có thay đổi"},
		{Deadline{Kind: KindMonth}, "Trong một tháng chưa xác định năm"},
	}
	for _, r := range rows {
		if got := r.d.Describe(); got != r.want {
			t.Errorf("Describe(%q) = %q, want %q", r.d.Text, got, r.want)
		}
	}
}

func TestKindAndFrequencyStrings(t *testing.T) {
	kinds := map[Kind]string{KindText: "Văn bản", KindDate: "Ngày", KindMonth: "Tháng", KindQuarters: "Quý", KindHalf: "Nửa năm",
		KindYear: "Năm", KindRecurring: "Định kỳ", KindEvent: "Theo sự kiện", KindParts: "Nhiều mốc", Kind(42): "Kind(42)"}
	for k, want := range kinds {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
	if Kind(42).Valid() || !KindParts.Valid() {
		t.Error("Kind.Valid is wrong")
	}
	if Quarterly.String() != "hằng quý" || Frequency(99).String() != "Frequency(99)" {
		t.Error("Frequency.String is wrong")
	}
}

func TestDate(t *testing.T) {
	ict := time.FixedZone("ICT", 7*3600)
	if got := FromTime(time.Date(2024, 3, 5, 1, 0, 0, 0, ict)); got != D(2024, 3, 5) {
		t.Errorf("FromTime in ICT = %v, want 2024-03-05 (the UTC day is the 4th)", got)
	}
	if !(Date{}).IsZero() || D(2024, 1, 1).IsZero() {
		t.Error("IsZero is wrong")
	}
	a, b := D(2024, 3, 5), D(2024, 3, 6)
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Before(a) || a.After(a) || !D(2023, 12, 31).Before(a) || !D(2024, 2, 29).Before(a) {
		t.Error("Before/After are wrong")
	}
	adds := []struct {
		d    Date
		n    int
		want Date
	}{
		{D(2024, 2, 28), 1, D(2024, 2, 29)},
		{D(2023, 2, 28), 1, D(2023, 3, 1)},
		{D(2024, 12, 31), 1, D(2025, 1, 1)},
		{D(2025, 1, 1), -1, D(2024, 12, 31)},
		{D(2024, 3, 5), 0, D(2024, 3, 5)},
		{D(2024, 1, 1), 366, D(2025, 1, 1)},
	}
	for _, r := range adds {
		if got := r.d.AddDays(r.n); got != r.want {
			t.Errorf("%v.AddDays(%d) = %v, want %v", r.d, r.n, got, r.want)
		}
	}
	if s := a.String(); s != "2024-03-05" {
		t.Errorf("String = %q", s)
	}
	if s := a.VN(); s != "05/03/2024" {
		t.Errorf("VN = %q", s)
	}
	if (Date{}).String() != "" || (Date{}).VN() != "" {
		t.Error("the zero Date does not print empty")
	}
	if d, err := ParseISO("2024-02-29"); err != nil || d != D(2024, 2, 29) {
		t.Errorf("ParseISO(2024-02-29) = %v, %v", d, err)
	}
	for _, bad := range []string{"", "2023-02-29", "2024-3-05", "20240305", " 2024-03-05", "2024-03-05x", "2024-13-01", "2024-00-10", "+024-03-05", "2024-03-00"} {
		if d, err := ParseISO(bad); err == nil {
			t.Errorf("ParseISO(%q) = %v, want an error", bad, d)
		}
	}
	if !D(2024, 2, 29).Valid() || D(2023, 2, 29).Valid() || D(2024, 4, 31).Valid() || (Date{}).Valid() {
		t.Error("Valid is wrong")
	}
	if D(2024, 3, 5).Weekday() != time.Tuesday {
		t.Error("Weekday is wrong")
	}
	if DaysIn(2024, time.February) != 29 || DaysIn(2100, time.February) != 28 || DaysIn(2000, time.February) != 29 {
		t.Error("DaysIn is wrong")
	}
}
