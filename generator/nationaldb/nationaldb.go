// Package nationaldb converts records of the national administrative-procedure database
// (Cơ sở dữ liệu quốc gia về thủ tục hành chính, Cổng Dịch vụ công quốc gia), as crawled into
// JSON Lines, into congkhai's procedure files (content.ProcedureFile), and encodes those as
// TOML.
//
// The crawl flattened the portal's HTML tables to text with no separators between cells
// ("Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp1 Ngày làm việc10 USD..."), and its field
// extraction sometimes cut a section short or let it run into the next one. Convert splits the
// tables back into rows with rules drawn from the whole data set, checks every long field
// against the page text the crawl also kept (raw_text) and takes the page's section when the
// field is visibly truncated or shifted, and reports what it could not do as Problems: a
// warning keeps the record, an error (Fatal) means the record cannot be used.
//
// What the record holds in a form no reader can use is written as a reader wants it, from
// the record itself: a name without the stray marks before it (". Thủ tục …"), a fee's
// detail in one pair of brackets ("Miễn phí((…))" is "Miễn phí (…)"), a quantity without
// its zero counts ("0 bản chính, 1 bản sao" is "1 bản sao"; a line of explanation the portal
// counted as "0 bản chính" has none), a form's name rather than its file's, with the words
// the upload dropped from the file name found again in the record (forms.go). A time the
// portal prints without its unit ("1") is kept as printed: the record does not say what it
// counts, and the page says so. The record itself is the source: it is not changed, and
// every file names it (source_url).
package nationaldb

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Record is one line of the crawl. Field names are the crawler's.
type Record struct {
	// Line is the 1-based line of the record in the input.
	Line int `json:"-"`

	BoNganh           string `json:"bo_nganh"` // the ministry's folder in the crawl
	CachThucThucHien  string `json:"cach_thuc_thuc_hien"`
	CanCuPhapLy       string `json:"can_cu_phap_ly"`
	CapThucHien       string `json:"cap_thuc_hien"`
	CoQuanCoThamQuyen string `json:"co_quan_co_tham_quyen"`
	CoQuanDuocUyQuyen string `json:"co_quan_duoc_uy_quyen"`
	CoQuanPhoiHop     string `json:"co_quan_phoi_hop"`
	CoQuanThucHien    string `json:"co_quan_thuc_hien"`
	DetailURL         string `json:"detail_url"`
	DiaChiTiepNhan    string `json:"dia_chi_tiep_nhan"`
	DoiTuongThucHien  string `json:"doi_tuong_thuc_hien"`
	FormalityID       string `json:"formality_id"`
	KetQuaXuLy        string `json:"ket_qua_xu_ly"`
	LinhVuc           string `json:"linh_vuc"`
	LoaiThuTuc        string `json:"loai_thu_tuc"`
	MaThuTuc          string `json:"ma_thu_tuc"`
	RawText           string `json:"raw_text"`
	SoQuyetDinh       string `json:"so_quyet_dinh"`
	TenThuTuc         string `json:"ten_thu_tuc"`
	ThanhPhanHoSo     string `json:"thanh_phan_ho_so"`
	ThuTucLienQuan    string `json:"thu_tuc_lien_quan"`
	TrinhTuThucHien   string `json:"trinh_tu_thuc_hien"`
	YeuCauDieuKien    string `json:"yeu_cau_dieu_kien"`
}

// Problem is something Convert or Read could not do cleanly. Msg is one fixed sentence per
// kind of problem, so that problems can be counted by Msg; Detail says what was seen in the
// record. A Fatal problem means the record was not converted.
type Problem struct {
	Line   int    // 1-based line in the input; 0 when unknown
	Col    int    // 1-based column (in characters) of a JSON syntax error; 0 otherwise
	Code   string // the procedure's code (ma_thu_tuc), when known
	Field  string // the input field concerned (e.g. "cach_thuc_thuc_hien"), if any
	Msg    string // in Vietnamese
	Detail string // what was seen, in Vietnamese or quoted from the record
	Fatal  bool
}

func (p Problem) String() string {
	s := ""
	if p.Line > 0 {
		s = fmt.Sprintf("dòng %d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(", cột %d", p.Col)
		}
		s += ": "
	}
	if p.Code != "" {
		s += "thủ tục " + p.Code + ": "
	}
	if p.Field != "" {
		s += p.Field + ": "
	}
	s += p.Msg
	if p.Detail != "" {
		s += " (" + p.Detail + ")"
	}
	if p.Fatal {
		s += " [bỏ qua bản ghi]"
	}
	return s
}

// Read reads JSON Lines. A line that is not a JSON object of the expected shape becomes a
// Fatal Problem with its line (and column, for a syntax error) and reading goes on. Blank
// lines are skipped. An I/O error ends reading with a Problem on the line it happened.
func Read(r io.Reader) ([]Record, []Problem) {
	var recs []Record
	var probs []Problem
	br := bufio.NewReaderSize(r, 1<<16)
	for line := 1; ; line++ {
		text, err := br.ReadBytes('\n')
		if len(text) > 0 {
			if rec, p, ok := decodeLine(text, line); ok {
				recs = append(recs, rec)
			} else if p != nil {
				probs = append(probs, *p)
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				probs = append(probs, Problem{Line: line, Msg: "không đọc được tệp: " + err.Error(), Fatal: true})
			}
			break
		}
	}
	return recs, probs
}

// decodeLine decodes one line; it returns ok=false and a nil problem for a blank line.
func decodeLine(text []byte, line int) (Record, *Problem, bool) {
	blank := true
	for _, c := range text {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			blank = false
			break
		}
	}
	if blank {
		return Record{}, nil, false
	}
	text = bytes.TrimRight(text, "\r\n")
	var rec Record
	err := json.Unmarshal(text, &rec)
	if err == nil {
		rec.Line = line
		return rec, nil, true
	}
	p := &Problem{Line: line, Fatal: true}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		p.Col = column(text, se.Offset)
		if se.Offset >= int64(len(text)) && strings.Contains(se.Error(), "end of JSON input") {
			p.Col = utf8.RuneCount(text) + 1 // the line ends too early
		}
		p.Msg = fmt.Sprintf("dòng không phải JSON hợp lệ (cột %d): %v", p.Col, se)
	case errors.As(err, &te):
		p.Col = column(text, te.Offset)
		if te.Field != "" {
			p.Field = te.Field
			p.Msg = fmt.Sprintf("trường %s có kiểu %s, cần chuỗi", te.Field, te.Value)
		} else {
			p.Msg = fmt.Sprintf("dòng là JSON kiểu %s, cần một đối tượng", te.Value)
		}
	default:
		p.Msg = "dòng không phải JSON hợp lệ: " + err.Error()
	}
	// Keep the code if the line has one, so that the report can name the procedure.
	var probe struct {
		Code string `json:"ma_thu_tuc"`
	}
	if json.Unmarshal(text, &probe) == nil {
		p.Code = probe.Code
	}
	return Record{}, p, false
}

// column turns a byte offset reported by encoding/json (the number of bytes read, so the
// error is at the byte before it) into a 1-based column counted in characters.
func column(text []byte, off int64) int {
	i := int(off)
	if i > 0 {
		i--
	}
	if i > len(text) {
		i = len(text)
	}
	return utf8.RuneCount(text[:i]) + 1
}
