// Package planimport turns a plan read by package planread (from .docx, .xlsx or pasted
// text) into congkhai content: the plan's sections, tasks with their columns, and
// indicators, with agencies matched to the registry and deadlines read by the generator's
// parser. This file recognises the columns of an appendix table from its header, whatever
// its wording.
package planimport

import (
	"regexp"
	"strings"

	"congkhai/generator/fold"
	"congkhai/generator/planread"
)

// Role is what a column of an appendix table holds.
type Role uint8

const (
	None        Role = iota
	Number           // STT, TT, Số TT
	Number2          // a second numbering column (An Giang's "Stt2")
	Content          // Nội dung, Nhiệm vụ, Nội dung công việc
	Lead             // Cơ quan chủ trì, Đơn vị chủ trì
	Cooperating      // Cơ quan phối hợp, Đơn vị thực hiện hoặc phối hợp
	Output           // Sản phẩm, Kết quả thực hiện, Sản phẩm dự kiến hoàn thành
	Deadline         // Thời gian hoàn thành, Thời gian thực hiện
	Notes            // Ghi chú
	Evaluating       // Cơ quan chủ trì đánh giá (indicator tables)
	Assignment       // Phân công thực hiện: a header over lead and cooperating columns
	Unit             // Đơn vị, Đơn vị tính (indicator tables)
	Target           // Chỉ tiêu năm 2025, Mục tiêu (indicator tables)
)

var roleNames = [...]string{"", "stt", "stt2", "nội dung", "chủ trì", "phối hợp", "sản phẩm", "thời gian", "ghi chú", "đánh giá", "phân công", "đơn vị tính", "chỉ tiêu"}

func (r Role) String() string { return roleNames[r] }

// roleWords are the words that name each role in a header, folded, tried in this order:
// "Cơ quan chủ trì đánh giá" is Evaluating before it is Lead, "Đơn vị thực hiện hoặc phối
// hợp" is Cooperating, and "Kết quả thực hiện" is Output before "thực hiện" means anything.
var roleWords = []struct {
	role  Role
	words []string
}{
	{Evaluating, []string{"danh gia"}},
	{Assignment, []string{"phan cong"}},
	{Cooperating, []string{"phoi hop"}},
	{Lead, []string{"chu tri"}},
	{Output, []string{"san pham", "ket qua"}},
	{Deadline, []string{"thoi gian", "thoi han", "tien do"}},
	{Notes, []string{"ghi chu"}},
	{Content, []string{"noi dung", "nhiem vu", "cong viec", "ten", "chi tieu"}},
}

var (
	numberHeader = regexp.MustCompile(`^(stt|tt|so tt|so thu tu)(2)?$`)
	unitHeader   = regexp.MustCompile(`^(don vi|don vi tinh|dvt)$`)
	targetHeader = regexp.MustCompile(`^(chi tieu|muc tieu) (nam )?(\d{4}|giao|dat)`)
)

// RoleOf recognises a header cell's wording; None if it names no column.
func RoleOf(header string) Role {
	h := strings.Join(strings.Fields(strings.NewReplacer(".", " ", ":", " ").Replace(fold.String(header))), " ")
	if m := numberHeader.FindStringSubmatch(h); m != nil {
		if m[2] != "" {
			return Number2
		}
		return Number
	}
	switch {
	case unitHeader.MatchString(h):
		return Unit
	case targetHeader.MatchString(h):
		return Target
	}
	if len(h) > 60 { // a sentence, not a header
		return None
	}
	for _, rw := range roleWords {
		for _, w := range rw.words {
			if strings.Contains(" "+h+" ", " "+w+" ") {
				return rw.role
			}
		}
	}
	return None
}

// Columns maps the grid columns of a table to roles.
type Columns []Role

// Index is the grid column of role, or -1.
func (c Columns) Index(role Role) int {
	for i, r := range c {
		if r == role {
			return i
		}
	}
	return -1
}

// IsHeader reports whether row names columns: at least three of its cells have a role,
// one of them the content or a responsible agency, or it is the second row of a two-row
// header (every cell with text names a lead or cooperating column).
func IsHeader(row planread.Row) bool {
	named, key := 0, false
	sub := true
	for _, c := range row.Cells {
		r := RoleOf(c.Text)
		if r == None {
			sub = sub && strings.TrimSpace(c.Text) == ""
			continue
		}
		named++
		key = key || r == Content || r == Lead || r == Cooperating
		sub = sub && (r == Lead || r == Cooperating)
	}
	return named >= 3 && key || named >= 1 && sub
}

// HeaderColumns reads the columns of a table from its header rows (one or two: a
// "Phân công thực hiện" cell spanning two columns names them in the row below). Cells
// spanning several grid columns give their role to the first.
func HeaderColumns(rows []planread.Row) Columns {
	var cols Columns
	for _, row := range rows {
		at := 0
		for _, c := range row.Cells {
			for at >= len(cols) {
				cols = append(cols, None)
			}
			if r := RoleOf(c.Text); r != None && (cols[at] == None || cols[at] == Assignment) {
				cols[at] = r
			}
			for range c.Span - 1 {
				at++
				if at >= len(cols) {
					cols = append(cols, None)
				}
			}
			at++
		}
	}
	for i, r := range cols {
		if r == Assignment {
			cols[i] = None
		}
	}
	return cols
}
