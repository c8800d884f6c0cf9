package progressform

import (
	"bytes"
	"fmt"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"congkhai/generator/markdown"
	"congkhai/generator/model"
	"congkhai/generator/vocab"
)

// The sheets of a form.
const (
	sheetGuide = "Hướng dẫn"
	sheetLeads = "Chủ trì"
	sheetCoops = "Phối hợp"
	sheetMeta  = "_congkhai" // very hidden: what the form was made for
	formatID   = "congkhai-phieu-bao-cao/1"
)

// The columns of a data sheet. The first eight are the task as the site has it, locked;
// the others are filled by the agency.
const (
	colID = iota
	colSTT
	colPlan
	colContent
	colDeadline
	colPeriod
	colStatusNow
	colLatest
	colState // first column to fill
	colPercent
	colDate
	colCompleted
	colDone
	colEvNumber
	colEvDate
	colEvTitle
	colEvURL
	numCols
)

var headers = [numCols]string{
	"Mã (không sửa)", "STT", "Kế hoạch", "Nội dung nhiệm vụ", "Thời hạn (nguyên văn)", "Kỳ báo cáo",
	"Trạng thái trên trang", "Báo cáo gần nhất",
	"Tình trạng (chọn)", "Tỷ lệ hoàn thành (%)", "Ngày báo cáo", "Ngày hoàn thành",
	"Kết quả đã thực hiện", "Số văn bản", "Ngày văn bản", "Trích yếu văn bản", "Đường dẫn văn bản",
}

var widths = [numCols]float64{4, 7, 18, 60, 20, 14, 20, 18, 18, 12, 13, 13, 45, 16, 13, 30, 25}

const (
	headerRow = 4 // the row of column headings, repeated on every printed page
	firstRow  = 5
)

// StateChoices are the values of the "Tình trạng" drop-down, in the order shown.
func StateChoices() []string {
	return []string{vocab.ReportInProgress.Label(), vocab.ReportDone.Label(), vocab.ReportNotStarted.Label(), vocab.ReportPeriodic.Label()}
}

func col(c int) string {
	name, _ := excelize.ColumnNumberToName(c + 1)
	return name
}

func cell(c, row int) string { return col(c) + strconv.Itoa(row) }

// Workbook writes the form as an .xlsx file. The same form gives the same bytes.
func (f *Form) Workbook() ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	w := &writer{x: x}
	w.guide(f)
	w.sheet(sheetLeads, f, f.Leads, "chủ trì")
	w.sheet(sheetCoops, f, f.Coops, "phối hợp")
	w.meta(f)
	if w.err == nil {
		w.err = x.DeleteSheet("Sheet1")
	}
	if w.err == nil {
		idx, _ := x.GetSheetIndex(sheetGuide)
		x.SetActiveSheet(idx)
		stamp := time.Date(f.AsOf.Year, f.AsOf.Month, f.AsOf.Day, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
		w.err = x.SetDocProps(&excelize.DocProperties{Creator: "congkhai", Title: "Phiếu báo cáo tiến độ – " + f.Agency.Name,
			Created: stamp, Modified: stamp, Language: "vi-VN"})
	}
	if w.err != nil {
		return nil, w.err
	}
	var b bytes.Buffer
	if err := x.Write(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writer keeps the first error of a run of excelize calls.
type writer struct {
	x   *excelize.File
	err error
}

func (w *writer) do(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *writer) style(s *excelize.Style) int {
	id, err := w.x.NewStyle(s)
	w.do(err)
	return id
}

func (w *writer) guide(f *Form) {
	x := w.x
	_, err := x.NewSheet(sheetGuide)
	w.do(err)
	title := w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	wrap := w.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	lines := []string{
		"PHIẾU BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH",
		"Cơ quan: " + f.Agency.Name,
		"Kỳ báo cáo: " + f.Period.Label() + " (" + f.Period.Start.VN() + " – " + f.Period.End.VN() + ")",
		"Số liệu trên phiếu đến ngày: " + f.AsOf.VN(),
		"",
		"Cách điền:",
		"1. Trang “" + sheetLeads + "” liệt kê các nhiệm vụ cơ quan chủ trì, trang “" + sheetCoops + "” các nhiệm vụ cơ quan phối hợp, còn phải báo cáo trong kỳ: nhiệm vụ chưa hoàn thành đã đến hạn (hoặc không ghi hạn), và mỗi kỳ chưa có báo cáo của nhiệm vụ định kỳ.",
		"2. Chỉ điền các cột có nền vàng, từ cột “Tình trạng” trở đi. Các cột khác bị khóa; không sửa, không xóa, không đổi thứ tự cột. Có thể để trống dòng không có gì mới.",
		"3. Tình trạng: chọn trong danh sách (" + joinVN(StateChoices()) + "). “" + vocab.ReportPeriodic.Label() + "” dùng cho dòng có “Kỳ báo cáo” của nhiệm vụ định kỳ.",
		"4. Tỷ lệ hoàn thành: số từ 0 đến 100 (có thể ghi 50%). Ngày: dd/mm/yyyy, ví dụ 15/03/2025; không sau ngày báo cáo gửi đi.",
		"5. Đã hoàn thành thì ghi Ngày hoàn thành. Văn bản, minh chứng (nếu có): số, ngày, trích yếu, đường dẫn.",
		"6. Gửi lại tệp này cho Văn phòng. Phiếu được đọc theo mã ở cột ẩn; phiếu của cơ quan khác hoặc của bản kế hoạch cũ sẽ bị từ chối.",
	}
	for i, l := range lines {
		c := cell(0, i+1)
		w.do(x.SetCellValue(sheetGuide, c, l))
		if i == 0 {
			w.do(x.SetCellStyle(sheetGuide, c, c, title))
		} else {
			w.do(x.SetCellStyle(sheetGuide, c, c, wrap))
		}
	}
	w.do(x.SetColWidth(sheetGuide, "A", "A", 120))
	w.do(x.ProtectSheet(sheetGuide, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true}))
}

func joinVN(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += "“" + s + "”"
	}
	return out
}

func (w *writer) sheet(name string, f *Form, rows []Row, role string) {
	x := w.x
	_, err := x.NewSheet(name)
	w.do(err)
	locked := w.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Border: borders()})
	fill := w.style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF4C2"}}, Border: borders(),
		Protection: &excelize.Protection{Locked: false}})
	dateFmt := "dd/mm/yyyy"
	fillDate := w.style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &dateFmt,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF4C2"}}, Border: borders(),
		Protection: &excelize.Protection{Locked: false}})
	head := w.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}}, Border: borders()})
	bold := w.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})

	w.do(x.SetCellValue(name, "B1", fmt.Sprintf("Nhiệm vụ %s – %s – %s", role, f.Agency.Name, f.Period.Label())))
	w.do(x.SetCellStyle(name, "B1", "B1", bold))
	w.do(x.SetCellValue(name, "B2", "Số liệu đến ngày "+f.AsOf.VN()+". Điền các cột nền vàng; xem trang “"+sheetGuide+"”."))
	for c := 0; c < numCols; c++ {
		w.do(x.SetCellValue(name, cell(c, headerRow), headers[c]))
		w.do(x.SetColWidth(name, col(c), col(c), widths[c]))
	}
	w.do(x.SetCellStyle(name, cell(0, headerRow), cell(numCols-1, headerRow), head))
	w.do(x.SetColVisible(name, col(colID), false))
	last := firstRow + max(len(rows), 1) - 1
	for i, r := range rows {
		row := firstRow + i
		for c, v := range lockedValues(r) {
			w.do(x.SetCellValue(name, cell(c, row), v))
		}
		w.do(x.SetCellStyle(name, cell(0, row), cell(colState-1, row), locked))
		w.do(x.SetCellStyle(name, cell(colState, row), cell(numCols-1, row), fill))
		for _, c := range []int{colDate, colCompleted, colEvDate} {
			w.do(x.SetCellStyle(name, cell(c, row), cell(c, row), fillDate))
		}
	}
	if len(rows) == 0 {
		w.do(x.SetCellValue(name, cell(colContent, firstRow), "Không có nhiệm vụ "+role+" phải báo cáo trong kỳ."))
	} else {
		w.validations(name, last)
	}
	w.do(x.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cell(0, firstRow), ActivePane: "bottomLeft"}))
	landscape, a4, one := "landscape", 9, 1
	zero := 0
	w.do(x.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &one, FitToHeight: &zero}))
	fit := true // Excel honours the fit only when the sheet says so
	w.do(x.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	w.do(x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name,
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", name, headerRow, headerRow)}))
	w.do(x.ProtectSheet(name, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true,
		FormatColumns: true, FormatRows: true}))
}

func borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "A6A6A6", Style: 1})
	}
	return b
}

func (w *writer) validations(name string, last int) {
	rng := func(c int) string { return cell(c, firstRow) + ":" + cell(c, last) }
	state := excelize.NewDataValidation(true)
	state.Sqref = rng(colState)
	w.do(state.SetDropList(StateChoices()))
	state.SetError(excelize.DataValidationErrorStyleStop, "Tình trạng", "Chọn một giá trị trong danh sách.")
	w.do(w.x.AddDataValidation(name, state))
	pct := excelize.NewDataValidation(true)
	pct.Sqref = rng(colPercent)
	w.do(pct.SetRange(0, 100, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
	pct.SetError(excelize.DataValidationErrorStyleStop, "Tỷ lệ hoàn thành", "Ghi số nguyên từ 0 đến 100.")
	w.do(w.x.AddDataValidation(name, pct))
	for _, c := range []int{colDate, colCompleted, colEvDate} {
		d := excelize.NewDataValidation(true)
		d.Sqref = rng(c)
		w.do(d.SetRange("DATE(2000,1,1)", "DATE(2100,12,31)", excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween))
		d.SetError(excelize.DataValidationErrorStyleWarning, "Ngày", "Ghi ngày dạng dd/mm/yyyy.")
		w.do(w.x.AddDataValidation(name, d))
	}
}

// lockedValues are the values of a row's locked cells, as written and as checked on import.
func lockedValues(r Row) [colState]string {
	t := r.Task
	var v [colState]string
	v[colID] = r.ID()
	v[colSTT] = t.STT
	if t.STT2 != "" {
		v[colSTT] += " (" + t.STT2 + ")"
	}
	v[colPlan] = t.Plan.ShortTitle
	v[colContent] = markdown.Text(t.Content)
	v[colDeadline] = deadlineText(t)
	if r.Period.Key != "" {
		v[colPeriod] = r.Period.Label()
	}
	v[colStatusNow] = t.Status().Label()
	if n := t.StatusNote(); n != "" {
		v[colStatusNow] += " (" + n + ")"
	}
	if rep := t.LatestReport(); rep != nil {
		v[colLatest] = rep.Date.VN() + ": " + rep.StateLabel()
		if rep.Percent >= 0 {
			v[colLatest] += fmt.Sprintf(" (%d%%)", rep.Percent)
		}
	}
	return v
}

func deadlineText(t *model.Task) string {
	s := ""
	for i, a := range t.Assignments {
		if i > 0 {
			s += "\n"
		}
		s += a.DeadlinePrinted
	}
	return s
}

func (w *writer) meta(f *Form) {
	x := w.x
	_, err := x.NewSheet(sheetMeta)
	w.do(err)
	for i, kv := range [][2]string{{"format", formatID}, {"agency", f.Agency.Key}, {"period", f.Period.Key}, {"as_of", f.AsOf.String()}} {
		w.do(x.SetCellValue(sheetMeta, cell(0, i+1), kv[0]))
		w.do(x.SetCellValue(sheetMeta, cell(1, i+1), kv[1]))
	}
	w.do(x.SetSheetVisible(sheetMeta, false, true))
	w.do(x.ProtectSheet(sheetMeta, &excelize.SheetProtectionOptions{}))
}
