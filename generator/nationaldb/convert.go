package nationaldb

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"congkhai/generator/content"
	"congkhai/generator/vocab"
)

// reCode is a national procedure code: "1.001226", "2.000815".
var reCode = regexp.MustCompile(`^\d\.\d{6}$`)

// Convert turns a record into a procedure file. resolve maps an agency's printed name to
// its registry ID ("" when the name does not resolve); nil resolves nothing. A record with
// a Fatal problem (no code, a malformed code, no name, or a page that belongs to another
// procedure) is not converted: the result is nil. Other problems are warnings.
func Convert(rec Record, resolve func(name string) string) (*content.ProcedureFile, []Problem) {
	rec = cleanRecord(rec)
	c := converter{rec: rec, code: oneLine(rec.MaThuTuc)}
	return c.convert(resolve), c.probs
}

// cleanRecord cleans every text field of rec (see clean).
func cleanRecord(rec Record) Record {
	for _, f := range []*string{&rec.BoNganh, &rec.CachThucThucHien, &rec.CanCuPhapLy, &rec.CapThucHien,
		&rec.CoQuanCoThamQuyen, &rec.CoQuanDuocUyQuyen, &rec.CoQuanPhoiHop, &rec.CoQuanThucHien,
		&rec.DetailURL, &rec.DiaChiTiepNhan, &rec.DoiTuongThucHien, &rec.FormalityID, &rec.KetQuaXuLy,
		&rec.LinhVuc, &rec.LoaiThuTuc, &rec.MaThuTuc, &rec.RawText, &rec.SoQuyetDinh, &rec.TenThuTuc,
		&rec.ThanhPhanHoSo, &rec.ThuTucLienQuan, &rec.TrinhTuThucHien, &rec.YeuCauDieuKien} {
		*f = clean(*f)
	}
	return rec
}

type converter struct {
	rec   Record
	code  string
	probs []Problem
}

// warn adds a warning, once per field and message.
func (c *converter) warn(field, msg, detail string) {
	if slices.ContainsFunc(c.probs, func(p Problem) bool { return p.Field == field && p.Msg == msg }) {
		return
	}
	c.probs = append(c.probs, Problem{Line: c.rec.Line, Code: c.code, Field: field, Msg: msg, Detail: detail})
}

func (c *converter) fatal(field, msg, detail string) {
	c.probs = append(c.probs, Problem{Line: c.rec.Line, Code: c.code, Field: field, Msg: msg, Detail: detail, Fatal: true})
}

// labels are texts of the page's labels; a field holding one has swallowed part of the page.
var labels = []string{"Tên thủ tục", "Mã thủ tục", "Số quyết định", "Cấp thực hiện", "Loại thủ tục",
	"Đối tượng thực hiện", "Địa chỉ tiếp nhận HS", "Trình Tự Thực Hiện", "Cách Thức Thực Hiện",
	methodsHeader, dossierHeader, legalHeader, pageTrailer}

func hasLabel(s string) bool {
	for _, l := range labels {
		if strings.Contains(s, l) {
			return true
		}
	}
	return false
}

// validShort accepts a short header value (a name, a list of agencies).
func validShort(s string) bool {
	return !hasLabel(s) && utf8.RuneCountInString(s) <= 600
}

// convert returns the procedure file, or nil when the record has a Fatal problem.
func (c *converter) convert(resolve func(string) string) *content.ProcedureFile {
	rec := c.rec
	switch {
	case c.code == "":
		c.fatal("ma_thu_tuc", "thiếu mã thủ tục", "")
	case !reCode.MatchString(c.code):
		c.fatal("ma_thu_tuc", "mã thủ tục không đúng dạng (cần dạng 1.001226)", rec.MaThuTuc)
	}
	secs, pageCode := rawSections(rec.RawText)
	if pageCode != "" && c.code != "" && pageCode != c.code {
		c.fatal("raw_text", "trang nguồn là của thủ tục khác: nội dung bản ghi không thuộc mã này", "trang nguồn ghi mã "+pageCode)
	}
	// Every field that the page also has is checked against it.
	field := func(name, value string, valid func(string) bool) string {
		sec, ok := secs[name]
		v, why := reconcile(value, sec, ok, valid)
		if why != "" {
			c.warn(name, why, "")
		}
		return v
	}
	// A few names begin with a stray full stop (". Thủ tục chấp thuận …"), which the
	// catalogue would sort before every other name.
	name := trimLeadingMarks(oneLine(field("ten_thu_tuc", rec.TenThuTuc, validShort)))
	if name == "" {
		c.fatal("ten_thu_tuc", "thiếu tên thủ tục", "")
	}
	if slices.ContainsFunc(c.probs, func(p Problem) bool { return p.Fatal }) {
		return nil
	}

	p := &content.ProcedureFile{
		Code:      c.code,
		Name:      name,
		Field:     oneLine(field("linh_vuc", rec.LinhVuc, validShort)),
		Kind:      oneLine(field("loai_thu_tuc", rec.LoaiThuTuc, validShort)),
		Decision:  oneLine(field("so_quyet_dinh", rec.SoQuyetDinh, validShort)),
		SourceURL: oneLine(rec.DetailURL),
	}
	p.Levels = c.levels(field("cap_thuc_hien", rec.CapThucHien, validShort))
	p.Subjects = splitList(field("doi_tuong_thuc_hien", rec.DoiTuongThucHien, validShort))
	for _, a := range []struct {
		field string
		role  vocab.ProcedureRole
		value string
	}{
		{"co_quan_co_tham_quyen", vocab.RoleDeciding, rec.CoQuanCoThamQuyen},
		{"co_quan_thuc_hien", vocab.RoleImplementing, rec.CoQuanThucHien},
		{"co_quan_duoc_uy_quyen", vocab.RoleDelegated, rec.CoQuanDuocUyQuyen},
		{"co_quan_phoi_hop", vocab.RoleCooperating, rec.CoQuanPhoiHop},
	} {
		for _, n := range splitList(field(a.field, a.value, validShort)) {
			ag := content.ProcedureAgency{Role: a.role, Name: n}
			if resolve != nil {
				ag.ID = resolve(n)
			}
			p.Agencies = append(p.Agencies, ag)
		}
	}
	p.Address = cleanValue(field("dia_chi_tiep_nhan", rec.DiaChiTiepNhan, func(s string) bool { return !hasLabel(s) }))

	methods := field("cach_thuc_thuc_hien", rec.CachThucThucHien, func(s string) bool {
		return isNoInfo(s) || strings.HasPrefix(tidy(s), methodsHeader)
	})
	rows, probs, ok := parseMethods(methods)
	if !ok {
		c.warn("cach_thuc_thuc_hien", "không tách được bảng cách thức thực hiện; giữ nguyên văn bản trong mô tả", shorten(oneLine(methods), 80))
		rows = []content.MethodRec{{Description: cleanValue(methods)}}
	}
	for _, pr := range probs {
		msg, detail, _ := strings.Cut(pr, ": ")
		c.warn("cach_thuc_thuc_hien", msg, detail)
	}
	p.Methods = rows

	p.Steps = markdown(field("trinh_tu_thuc_hien", rec.TrinhTuThucHien, func(s string) bool { return !hasLabel(s) }))

	dossier := field("thanh_phan_ho_so", rec.ThanhPhanHoSo, func(s string) bool {
		return isNoInfo(s) || strings.Contains(s, dossierHeader)
	})
	drows, files, rest, dprobs := parseDossier(dossier)
	nameForms(drows, files, name, rec.RawText)
	p.Dossier = drows
	p.DossierText = markdown(rest)
	for _, pr := range dprobs {
		msg, detail, _ := strings.Cut(pr, ": ")
		c.warn("thanh_phan_ho_so", msg, detail)
	}

	p.Conditions = markdown(field("yeu_cau_dieu_kien", rec.YeuCauDieuKien, func(s string) bool { return !hasLabel(s) }))

	results := field("ket_qua_xu_ly", rec.KetQuaXuLy, func(s string) bool {
		return !hasLabel(strings.Split(s, pageTrailer)[0])
	})
	res, extra := parseResults(results)
	p.Results = res
	if extra != "" {
		c.warn("ket_qua_xu_ly", "phần mô tả kết quả không có chỗ trong tệp thủ tục; đã bỏ", shorten(oneLine(extra), 80))
	}

	legal := field("can_cu_phap_ly", rec.CanCuPhapLy, func(s string) bool {
		s = tidy(s)
		return isNoInfo(s) || strings.HasPrefix(s, legalHeader) && !strings.Contains(s, "Cơ quan thực hiện")
	})
	lrows, lprobs, ok := parseLegal(legal)
	if !ok {
		c.warn("can_cu_phap_ly", "không tách được bảng căn cứ pháp lý; giữ cả đoạn làm tên văn bản", shorten(oneLine(legal), 80))
		lrows = []content.LegalBasisRec{{Title: oneLine(legal)}}
	}
	for _, pr := range lprobs {
		msg, detail, _ := strings.Cut(pr, ": ")
		c.warn("can_cu_phap_ly", msg, detail)
	}
	p.LegalBases = lrows

	p.Online = online(p)
	for _, m := range p.Methods {
		if m.Channel == vocab.MethodPost {
			p.Postal = true
		}
	}
	return p
}

// levelIDs maps the levels the national database prints to the schema's.
var levelIDs = map[string]vocab.Level{
	"cấp bộ":         vocab.Ministry,
	"cấp trung ương": vocab.Ministry,
	"cấp tỉnh":       vocab.Province,
	"cấp huyện":      vocab.District,
	"cấp xã":         vocab.Commune,
	"cơ quan khác":   vocab.OtherLevel,
}

// levels reads the printed levels, from the top of government down (bo, tinh, huyen, xa).
func (c *converter) levels(s string) []vocab.ProcedureLevel {
	var out []vocab.ProcedureLevel
	for _, part := range strings.FieldsFunc(cleanValue(s), func(r rune) bool { return r == ',' || r == ';' || r == '\n' }) {
		part = strings.ToLower(collapse(part))
		if part == "" {
			continue
		}
		level, ok := levelIDs[part]
		if !ok {
			c.warn("cap_thuc_hien", "cấp thực hiện không rõ; đã bỏ", part)
			continue
		}
		if l := (vocab.ProcedureLevel{Level: level}); !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	slices.SortFunc(out, func(a, b vocab.ProcedureLevel) int { return cmp.Compare(a.Level, b.Level) })
	return out
}

// splitList splits a list of names ("Bộ Công an, Bộ Quốc phòng"; "Tổ chức (không bao gồm
// doanh nghiệp, HTX), Công dân Việt Nam"). Items are separated by newlines, semicolons, and
// commas outside brackets that are followed by a capital letter: a comma followed by a
// lower-case word goes on with the same name ("Cán bộ, công chức, viên chức", "Cục Cảnh sát
// quản lý hành chính về trật tự, xã hội").
func splitList(s string) []string {
	s = cleanValue(s)
	if s == "" {
		return nil
	}
	var items []string
	add := func(t string) {
		t = strings.TrimSpace(stripBullet(collapse(t)))
		t = strings.TrimRight(t, ".;, ")
		if t != "" && !isNoInfo(t) && !slices.Contains(items, t) {
			items = append(items, t)
		}
	}
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case '\n', ';':
			add(s[start:i])
			start, depth = i+1, 0
		case ',':
			if depth > 0 {
				continue
			}
			next, _ := utf8.DecodeRuneInString(strings.TrimLeft(s[i+1:], " "))
			if unicode.IsUpper(next) || unicode.IsDigit(next) {
				add(s[start:i])
				start = i + 1
			}
		}
	}
	add(s[start:])
	return items
}

// reOnlineLevel finds the level of online service stated about the procedure itself:
// "dịch vụ công trực tuyến toàn trình", "trực tuyến một phần". A bare "đã toàn trình" (as in
// "đối với các thủ tục đã toàn trình") is about procedures in general and does not count.
var reOnlineLevel = regexp.MustCompile(`(?i)(?:dịch vụ công|trực tuyến)\s+(?:trực\s+tuyến\s+)?(toàn trình|một phần)`)

// online is OnlineUnrated ("co") when the procedure can be submitted online, OnlineFull or
// OnlinePartial when the record says which, OnlineNone when it cannot.
func online(p *content.ProcedureFile) vocab.OnlineLevel {
	var descs []string
	has := false
	for _, m := range p.Methods {
		if m.Channel == vocab.MethodOnline {
			has = true
			descs = append(descs, m.Description)
		}
	}
	if !has {
		return vocab.OnlineNone
	}
	// The name is the surest statement; then the online channel's description; then the
	// conditions and the steps. The first source that names exactly one level decides.
	for _, src := range []string{p.Name, strings.Join(descs, "\n"), p.Conditions, p.Steps} {
		if low := strings.ToLower(src); !strings.Contains(low, "toàn trình") && !strings.Contains(low, "một phần") {
			continue // the regular expression is slow on long texts
		}
		found := map[string]bool{}
		for _, m := range reOnlineLevel.FindAllStringSubmatch(collapse(src), -1) {
			found[strings.ToLower(m[1])] = true
		}
		switch {
		case len(found) == 1 && found["toàn trình"]:
			return vocab.OnlineFull
		case len(found) == 1 && found["một phần"]:
			return vocab.OnlinePartial
		case len(found) > 1:
			return vocab.OnlineUnrated
		}
	}
	return vocab.OnlineUnrated
}
