package nationaldb

import (
	"strings"
)

// The crawl kept the page's whole text (raw_text): the procedure's name, then labelled
// sections in a fixed order. Its field extraction, though, sometimes cut a section at a
// label that also occurs inside the text ("... tại mục 5.3 (Thành phần hồ sơ); nộp ..."),
// shifting the rest of that section into the next field. rawSections finds the sections by
// labels chosen so that they cannot occur inside the text (the label and what the portal
// always prints after it), in order; Convert compares each field with its section.

// rawLabels are the page's labels in order, with the field each one opens. A label with a
// follower is only recognised when one of its followers comes right after it.
var rawLabels = []struct {
	field     string
	label     string
	followers []string
	optional  bool
}{
	{"so_quyet_dinh", "Số quyết định", nil, false},
	{"cap_thuc_hien", "Cấp thực hiện", nil, false},
	{"loai_thu_tuc", "Loại thủ tục", nil, false},
	{"linh_vuc", "Lĩnh vực", nil, false},
	{"doi_tuong_thuc_hien", "Đối tượng thực hiện", nil, false},
	{"co_quan_co_tham_quyen", "Cơ quan có thẩm quyền", nil, false},
	{"dia_chi_tiep_nhan", "Địa chỉ tiếp nhận HS", nil, false},
	{"co_quan_duoc_uy_quyen", "Cơ quan được ủy quyền", nil, false},
	{"co_quan_phoi_hop", "Cơ quan phối hợp", nil, false},
	{"thu_tuc_lien_quan", "Thủ tục hành chính liên quan", nil, false},
	{"trinh_tu_thuc_hien", "Trình Tự Thực Hiện", nil, false},
	{"cach_thuc_thuc_hien", "Cách Thức Thực Hiện", []string{methodsHeader}, false},
	{"thanh_phan_ho_so", "Thành phần hồ sơ", nil, false},
	{"can_cu_phap_ly", "Căn cứ pháp lý", []string{legalHeader, noInfo}, false},
	{"co_quan_thuc_hien", "Cơ quan thực hiện", nil, false},
	{"yeu_cau_dieu_kien", "Yêu cầu, điều kiện thực hiện", nil, false},
	{"ket_qua_xu_ly", "Kết quả xử lý", nil, true},
}

// rawSections returns the page's sections by field, and the code the page names ("" if it
// names none). Sections it cannot find are missing from the map.
func rawSections(raw string) (map[string]string, string) {
	secs := map[string]string{}
	const codeLabel = "Mã thủ tục"
	at := strings.Index(raw, codeLabel)
	if at < 0 {
		return secs, ""
	}
	at += len(codeLabel)
	i := at
	for i < len(raw) && (raw[i] >= '0' && raw[i] <= '9' || raw[i] == '.') {
		i++
	}
	code := strings.TrimRight(raw[at:i], ".")
	if n := strings.Index(raw, "Tên thủ tục"); n >= 0 && n < at {
		secs["ten_thu_tuc"] = strings.TrimSpace(raw[n+len("Tên thủ tục") : at-len(codeLabel)])
	}
	type found struct {
		field      string
		start, end int // the label is raw[start:end]
	}
	var hits []found
	pos := i
	for _, l := range rawLabels {
		k := findLabel(raw, pos, l.label, l.followers)
		if k < 0 {
			if l.optional {
				continue
			}
			break
		}
		hits = append(hits, found{l.field, k, k + len(l.label)})
		pos = k + len(l.label)
	}
	for n, h := range hits {
		end := len(raw)
		if n+1 < len(hits) {
			end = hits[n+1].start
		}
		secs[h.field] = strings.TrimSpace(raw[h.end:end])
	}
	// The results' keywords ("Từ khóa") close the conditions when the results have no label.
	if c, ok := secs["yeu_cau_dieu_kien"]; ok {
		if _, has := secs["ket_qua_xu_ly"]; !has {
			if k := strings.LastIndex(c, "Từ khóa"); k >= 0 {
				secs["yeu_cau_dieu_kien"] = strings.TrimSpace(c[:k])
			}
		}
	}
	return secs, code
}

// findLabel finds label at or after pos, followed by one of followers if any are given.
func findLabel(raw string, pos int, label string, followers []string) int {
	for pos <= len(raw) {
		k := strings.Index(raw[pos:], label)
		if k < 0 {
			return -1
		}
		k += pos
		if len(followers) == 0 {
			return k
		}
		after := strings.TrimLeft(raw[k+len(label):], " \t\n")
		for _, f := range followers {
			if strings.HasPrefix(after, f) {
				return k
			}
		}
		pos = k + len(label)
	}
	return -1
}

// reconcile chooses between a field and the page's section for it. It takes the section
// when the field is a cut-off start of it, when the field runs on past it into the next
// section, or when valid says the field is malformed and the section is not. why is "" when
// the field is kept.
func reconcile(field, section string, haveSection bool, valid func(string) bool) (value, why string) {
	if !haveSection {
		return field, ""
	}
	// Compare the texts as cleaned, without the page's office picker, and with "no
	// information" as empty. The section is cleaned already.
	trim := func(s string) string {
		if i := strings.Index(s, pageTrailer); i >= 0 {
			s = strings.TrimSpace(s[:i])
		}
		if isNoInfo(s) {
			return ""
		}
		return s
	}
	field = tidy(field)
	f, s := trim(field), trim(section)
	switch {
	case collapsedEqual(f, s):
		return field, ""
	case collapsedPrefix(s, f):
		return section, "trường bị cắt ngắn so với trang nguồn (raw_text); đã lấy đủ từ trang nguồn"
	case collapsedPrefix(f, s):
		return section, "trường lẫn cả phần sau của trang nguồn (raw_text); đã lấy đúng phần từ trang nguồn"
	case valid != nil && !valid(field) && valid(section):
		return section, "trường không khớp với trang nguồn (raw_text); đã lấy phần tương ứng từ trang nguồn"
	}
	return field, ""
}
