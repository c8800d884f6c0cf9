package planimport

import (
	"slices"
	"strings"
	"testing"

	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/planread"
	"congkhai/generator/vocab"
)

func testRegistry() *content.AgencyFile {
	return &content.AgencyFile{ID: "tinh", Authority: content.Authority{Name: "Tỉnh Thử", Level: vocab.AuthorityLevel{Level: vocab.Province}},
		Agencies: []content.AgencyRec{
			{ID: "vp-ubnd", Name: "Văn phòng Ủy ban nhân dân tỉnh Thử", ShortNames: []string{"Văn phòng UBND tỉnh"}},
			{ID: "trung-tam", Name: "Trung tâm Phục vụ hành chính công tỉnh Thử", ShortNames: []string{"Trung tâm PVHCC tỉnh"}},
			{ID: "so-tu-phap", Name: "Sở Tư pháp tỉnh Thử", ShortNames: []string{"Sở Tư pháp"}},
			{ID: "so-tttt", Name: "Sở Thông tin và Truyền thông tỉnh Thử", ShortNames: []string{"Sở TT&TT"}},
			{ID: "cac-so", Name: "Các sở, ban, ngành tỉnh Thử", ShortNames: []string{"Sở, ban, ngành tỉnh"}},
			{ID: "ubnd-cap-huyen", Name: "Ủy ban nhân dân cấp huyện", ShortNames: []string{"UBND cấp huyện"}},
			{ID: "ubnd-cap-xa", Name: "Ủy ban nhân dân cấp xã", ShortNames: []string{"UBND cấp xã"}},
		}}
}

func TestAgencies(t *testing.T) {
	a := newAgencies(testRegistry())
	tests := []struct {
		text    string
		ids     []string
		unknown []string
	}{
		{"Văn phòng UBND tỉnh", []string{"vp-ubnd"}, nil},
		{"Sở, ban, ngành tỉnh; UBND cấp huyện", []string{"cac-so", "ubnd-cap-huyen"}, nil},
		{"Các sở, ban, ngành tỉnh và UBND cấp huyện, UBND cấp xã", []string{"cac-so", "ubnd-cap-huyen", "ubnd-cap-xa"}, nil},
		{"- Sở Tư pháp;\n- Sở Thông tin và Truyền thông", []string{"so-tu-phap", "so-tttt"}, nil},
		{"Sở TT&TT", []string{"so-tttt"}, nil},
		{"VP UBND tỉnh", []string{"vp-ubnd"}, nil},
		{"Văn phòng UBND tỉnh (Trung tâm PVHCC tỉnh)", []string{"vp-ubnd", "trung-tam"}, nil},
		{"UBND cấp huyện, xã", []string{"ubnd-cap-huyen", "ubnd-cap-xa"}, nil},
		{"UBND cấp huyện, cấp xã", []string{"ubnd-cap-huyen", "ubnd-cap-xa"}, nil},
		{"Cấp tỉnh: Sở Tư pháp; Cấp huyện, cấp xã: UBND cấp huyện", []string{"so-tu-phap", "ubnd-cap-huyen"}, nil},
		{"Sở Tư pháp, Sở Xây dựng", []string{"so-tu-phap"}, []string{"Sở Xây dựng"}},
		{"Đã được phân công theo Quyết định số 403/QĐ-UBND", nil, []string{"Đã được phân công theo Quyết định số 403/QĐ-UBND"}},
		{"", nil, nil},
	}
	for _, tt := range tests {
		ids, unknown := a.resolve(tt.text)
		if !slices.Equal(ids, tt.ids) || !slices.Equal(unknown, tt.unknown) {
			t.Errorf("resolve(%q) = %v, unknown %v; want %v, %v", tt.text, ids, unknown, tt.ids, tt.unknown)
		}
	}
	if got := a.nearest("Sở Tư phap tinh"); got != "so-tu-phap" {
		t.Errorf("nearest = %q", got)
	}
}

// doc builds a document of one paragraph heading and one table; "|" separates cells, and a
// cell "<" is merged with the one above.
func doc(heading string, rows ...string) *planread.Document {
	d := &planread.Document{}
	if heading != "" {
		d.Items = append(d.Items, planread.Item{Text: heading, Pos: diag.Pos{File: "t", Line: 1, Col: 1}})
	}
	tbl := &planread.Table{Pos: diag.Pos{File: "t", Line: 2, Col: 1}}
	for i, r := range rows {
		row := planread.Row{Pos: diag.Pos{File: "t", Line: i + 2, Col: 1}}
		for j, c := range strings.Split(r, "|") {
			cell := planread.Cell{Text: strings.ReplaceAll(c, `\n`, "\n"), Span: 1, Pos: diag.Pos{File: "t", Line: i + 2, Col: j + 1}}
			if c == "<" {
				cell = planread.Cell{Span: 1, Merged: true, Pos: cell.Pos}
			}
			row.Cells = append(row.Cells, cell)
		}
		tbl.Rows = append(tbl.Rows, row)
	}
	d.Items = append(d.Items, planread.Item{Table: tbl, Pos: tbl.Pos})
	return d
}

const header = "STT|Nội dung|Cơ quan chủ trì|Cơ quan phối hợp|Sản phẩm|Thời gian hoàn thành"

func TestAppendixRows(t *testing.T) {
	d := doc("1. Công tác kiểm soát TTHC",
		header,
		"(1)|(2)|(3)|(4)|(5)|(6)",
		"I|Công tác chỉ đạo||||",
		"1|Xây dựng kế hoạch kiểm soát|Văn phòng UBND tỉnh|Sở Tư pháp|- Kế hoạch\n- Báo cáo|Quý I/2025",
		"|thủ tục hành chính năm 2025|||của UBND tỉnh|",
		"||Sở Tư pháp||Báo cáo rà soát|Quý II/2025",
		"2|Kiểm tra việc công khai|Sở Xây dựng|<|<|Theo Kế hoạch",
		header,
		"II|Kiểm soát quy định||||",
		"1|Tham gia ý kiến||||",
		"1.1|Thẩm định quy định|Sở Tư pháp||Báo cáo|Thường xuyên",
		"|Công khai kết quả|UBND cấp huyện, xã||Văn bản|Hàng tháng",
		"X7|Dòng lạ||||",
	)
	res := importDoc(t, d, testRegistry(), 2025, nil)
	p := res.Plan
	var secs []string
	for _, s := range p.Sections {
		secs = append(secs, s.ID+"="+s.Number+" "+s.Title+" <"+s.Parent)
	}
	wantSecs := []string{"1=1. Công tác kiểm soát TTHC <", "1-i=I Công tác chỉ đạo <1", "1-ii=II Kiểm soát quy định <1", "1-ii-1=1 Tham gia ý kiến <1-ii"}
	if !slices.Equal(secs, wantSecs) {
		t.Errorf("sections:\n got %q\nwant %q", secs, wantSecs)
	}
	if len(p.Tasks) != 4 {
		t.Fatalf("%d tasks, want 4: %+v", len(p.Tasks), p.Tasks)
	}
	t1 := p.Tasks[0]
	if t1.Content != "Xây dựng kế hoạch kiểm soát thủ tục hành chính năm 2025" || t1.Section != "1-i" || t1.STT != "1" {
		t.Errorf("task 1 with its continuation row: %+v", t1)
	}
	if len(t1.Assignments) != 2 {
		t.Fatalf("task 1: %d assignments, want 2 (second row with agency, output and deadline)", len(t1.Assignments))
	}
	if a := t1.Assignments[0]; !slices.Equal(a.Lead, []string{"vp-ubnd"}) || !slices.Equal(a.Cooperating, []string{"so-tu-phap"}) ||
		!slices.Equal(a.Outputs, []string{"Kế hoạch", "Báo cáo của UBND tỉnh"}) || a.Deadline != "Quý I/2025" {
		t.Errorf("assignment 1: %+v", a)
	}
	if a := t1.Assignments[1]; !slices.Equal(a.Lead, []string{"so-tu-phap"}) || a.Deadline != "Quý II/2025" {
		t.Errorf("assignment 2: %+v", a)
	}
	t2 := p.Tasks[1]
	if t2.LeadText != "Sở Xây dựng" || len(t2.Lead) != 0 || t2.Deadline != "Theo Kế hoạch" {
		t.Errorf("task 2: %+v", t2)
	}
	if t3 := p.Tasks[2]; t3.Section != "1-ii-1" || t3.STT != "1.1" {
		t.Errorf("task under a numbered sub-section: %+v", t3)
	}
	if t4 := p.Tasks[3]; t4.STT != "" || !slices.Equal(t4.Lead, []string{"ubnd-cap-huyen", "ubnd-cap-xa"}) {
		t.Errorf("unnumbered task: %+v", t4)
	}
	notes := map[int][]string{}
	for _, n := range res.Notes {
		notes[n.Pos.Line] = append(notes[n.Pos.Line], n.Level.String()+": "+n.Msg)
	}
	for line, want := range map[int]string{
		8:  `không có cơ quan "Sở Xây dựng"`,
		13: "không có số thứ tự, nhập thành nhiệm vụ riêng",
		14: `"X7" không đọc được`,
		5:  `đọc: nhiệm vụ 1 → mã "xay-dung-ke-hoach-kiem-soat-thu-tuc-hanh"`,
		6:  "đọc: phần tiếp của dòng 5 (tách qua trang)",
		7:  "đọc: phần giao việc thứ 2 của dòng 5",
		10: `đọc: mục II "Kiểm soát quy định" → mã "1-ii"`,
	} {
		if !slices.ContainsFunc(notes[line], func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("line %d: notes %q, want one saying %q", line, notes[line], want)
		}
	}
	if !slices.ContainsFunc(res.Notes, func(n Note) bool {
		return n.Pos.Line == 8 && n.Pos.Col == 6 && strings.Contains(n.Msg, "Theo Kế hoạch")
	}) {
		t.Errorf("unreadable deadline not noted at its cell: %v", res.Notes)
	}
	if res.Cells == 0 || res.Clean >= res.Cells {
		t.Errorf("cells %d, clean %d: the noted cells should not count as clean", res.Cells, res.Clean)
	}
}

func TestIndicatorTable(t *testing.T) {
	d := doc("9.1. Chỉ tiêu giao tại Nghị quyết số 01/NQ-CP",
		"STT|Chỉ tiêu|Đơn vị|Chỉ tiêu năm 2025|Cơ quan chủ trì thực hiện|Cơ quan phối hợp|Cơ quan chủ trì đánh giá",
		"1|Tỷ lệ hồ sơ trực tuyến|%|80|Sở, ban, ngành tỉnh|Sở TT&TT|Văn phòng UBND tỉnh",
		"2|Tỷ lệ số hóa|%|Tối thiểu 50|||",
		"2.1|Cấp tỉnh|%|60|Sở Tư pháp||",
	)
	p := importDoc(t, d, testRegistry(), 2025, nil).Plan
	if len(p.Tasks) != 0 || len(p.Indicators) != 3 {
		t.Fatalf("%d tasks, %d indicators", len(p.Tasks), len(p.Indicators))
	}
	in := p.Indicators[0]
	if in.Name != "Tỷ lệ hồ sơ trực tuyến" || in.Unit != "%" || in.Target != "80" || !slices.Equal(in.Lead, []string{"cac-so"}) ||
		!slices.Equal(in.Cooperating, []string{"so-tttt"}) || !slices.Equal(in.Evaluating, []string{"vp-ubnd"}) || in.Section != "9-1" {
		t.Errorf("indicator: %+v", in)
	}
	if p.Indicators[2].STT != "2.1" {
		t.Errorf("a sub-numbered indicator row is an indicator: %+v", p.Indicators[2])
	}
}

// A table with no header after an appendix table goes on with its columns (a table broken
// by a page); paragraphs inside the appendix that are not headings are reported skipped.
func TestTableContinuedWithoutHeader(t *testing.T) {
	d := doc("", header, "I|Công tác chỉ đạo||||", "1|Việc một|Sở Tư pháp||Báo cáo|Quý I/2025")
	d.Items = append(d.Items, planread.Item{Text: "12", Pos: diag.Pos{File: "t", Line: 9}})
	more := doc("", "2|Việc hai|Sở Tư pháp||Báo cáo|Quý II/2025")
	d.Items = append(d.Items, more.Items...)
	res := importDoc(t, d, testRegistry(), 2025, nil)
	if len(res.Plan.Tasks) != 2 || res.Plan.Tasks[1].Section != "i" || res.Plan.Tasks[1].Deadline != "Quý II/2025" {
		t.Errorf("tasks: %+v", res.Plan.Tasks)
	}
	if !slices.ContainsFunc(res.Notes, func(n Note) bool { return n.Level == Skipped && n.Pos.Line == 9 }) {
		t.Errorf("the page number between the tables is not reported skipped: %v", res.Notes)
	}
}

func TestNoAppendix(t *testing.T) {
	d := &planread.Document{Items: []planread.Item{{Text: "QUYẾT ĐỊNH"}}}
	if _, err := Import(d, Options{Name: "x.docx", Registry: testRegistry()}); err == nil || !strings.Contains(err.Error(), "x.docx") {
		t.Errorf("err = %v, want one naming the file", err)
	}
}

// A task whose number and content cells are merged over several rows (Thừa Thiên Huế 3.1,
// 3.2) is one task with an assignment per row that names an agency, a row without one
// going on with the row above; a copy that repeats the merged cells' text on each row
// reads the same. The same number and content further down is noted: check refuses it.
func TestTwoPartRows(t *testing.T) {
	d := doc("",
		header,
		"I|Rà soát||||",
		"3.1|Xây dựng Kế hoạch rà soát|Sở, ban, ngành tỉnh|Văn phòng UBND tỉnh|Văn bản đăng ký|Tháng 12/2021",
		"<|<|Văn phòng UBND tỉnh|Sở Tư pháp|Tổng hợp, trình UBND tỉnh|Trước 31/12/2021",
		"3.2|Tổ chức thực hiện Kế hoạch|Sở, ban, ngành tỉnh|Văn phòng UBND tỉnh|Báo cáo|Trước ngày 15/8/2022",
		"<|<|Văn phòng UBND tỉnh||Rà soát độc lập các TTHC trên địa|<",
		"<|<|||bàn tỉnh|<",
		"3.3|Báo cáo kết quả|Văn phòng UBND tỉnh||Báo cáo|Tháng 9/2022",
		"3.3|Báo cáo kết quả|Sở Tư pháp||Báo cáo thẩm định|Tháng 10/2022",
		"3.1|Xây dựng Kế hoạch rà soát|Sở Tư pháp||Văn bản|Tháng 12/2022",
	)
	res := importDoc(t, d, testRegistry(), 2022, nil)
	p := res.Plan
	var got []string
	for _, task := range p.Tasks {
		s := task.STT + " " + task.Content
		for _, a := range assignments(task) {
			s += " | " + a.LeadText + "; " + strings.Join(a.Outputs, "+") + "; " + a.Deadline
		}
		got = append(got, s)
	}
	want := []string{
		"3.1 Xây dựng Kế hoạch rà soát | Sở, ban, ngành tỉnh; Văn bản đăng ký; Tháng 12/2021 | Văn phòng UBND tỉnh; Tổng hợp, trình UBND tỉnh; Trước 31/12/2021",
		"3.2 Tổ chức thực hiện Kế hoạch | Sở, ban, ngành tỉnh; Báo cáo; Trước ngày 15/8/2022 | Văn phòng UBND tỉnh; Rà soát độc lập các TTHC trên địa bàn tỉnh; Trước ngày 15/8/2022",
		"3.3 Báo cáo kết quả | Văn phòng UBND tỉnh; Báo cáo; Tháng 9/2022 | Sở Tư pháp; Báo cáo thẩm định; Tháng 10/2022",
		"3.1 Xây dựng Kế hoạch rà soát | Sở Tư pháp; Văn bản; Tháng 12/2022",
	}
	if !slices.Equal(got, want) {
		t.Errorf("tasks:\n got %q\nwant %q", got, want)
	}
	dups := 0
	for _, n := range res.Notes {
		if strings.Contains(n.Msg, "cùng số và nội dung") {
			dups++
			if n.Level != Unsure || n.Pos.Line != 11 || !strings.Contains(n.Msg, "dòng 4") {
				t.Errorf("note %v", n)
			}
		}
	}
	if dups != 1 {
		t.Errorf("%d notes of duplicates, want 1", dups)
	}
}
