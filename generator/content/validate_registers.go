package content

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"congkhai/generator/diag"
	"congkhai/generator/fold"
	"congkhai/generator/vocab"
)

var (
	// ReservedPetitionIDs are the list pages under pakn/.
	ReservedPetitionIDs = []string{"trang-thai", "han", "nam", "co-quan", "thu-tuc"}
	procedureCode       = regexp.MustCompile(`^[0-9]\.[0-9]{6}$`)
	periodKey           = regexp.MustCompile(`^(20[0-9]{2})(-(0[1-9]|1[0-2]|q[1-4]))?$`)
	localCodePattern    = regexp.MustCompile(`^[0-9]\.[0-9]{6}\.[A-Z0-9]+$`)
)

// UnitProblem is a problem with a unit's scores: the key of the value and a message.
type UnitProblem struct{ Key, Msg string }

// Problems checks a unit's scores: each group within 0..its maximum, the total equal to
// the sum of the groups to 0.01, the rank within 0..MaxRank (0 is unranked).
func (u *UnitRec) Problems() []UnitProblem {
	var out []UnitProblem
	sum := 0.0
	for g, score := range u.Scores() {
		grp := vocab.ScoreGroup(g)
		if !(score >= 0 && score <= grp.Max()) { // false for NaN too
			out = append(out, UnitProblem{grp.Key(), fmt.Sprintf("%s: %.2f nằm ngoài 0..%g (điểm tối đa nhóm %s)", grp.Key(), score, grp.Max(), grp.Label())})
		}
		sum += score
	}
	if !(math.Abs(sum-u.Total) <= 0.01+1e-9) {
		out = append(out, UnitProblem{"total", fmt.Sprintf("total: %.2f khác tổng điểm sáu nhóm %.2f", u.Total, sum)})
	}
	if u.Rank < 0 || u.Rank > MaxRank {
		out = append(out, UnitProblem{"rank", fmt.Sprintf("rank: thứ hạng %d nằm ngoài 1..%d (0: không xếp hạng)", u.Rank, MaxRank)})
	}
	return out
}

// Scores returns a unit's group scores, indexed by vocab.ScoreGroup.
func (u *UnitRec) Scores() []float64 {
	s := make([]float64, vocab.NumScoreGroups)
	s[vocab.GroupCKMB], s[vocab.GroupTDGQ], s[vocab.GroupCLGQ] = u.CKMB, u.TDGQ, u.CLGQ
	s[vocab.GroupTTTT], s[vocab.GroupMDHL], s[vocab.GroupMDSH] = u.TTTT, u.MDHL, u.MDSH
	return s
}

func (v *validator) registers(set *Set) {
	procedures := map[string]bool{}
	fields := map[string]*ProcedureFile{} // by slug: the first procedure of each field
	for _, p := range set.Procedures {
		v.procedure(p)
		v.field(p, fields)
		procedures[p.Code] = true
	}
	for _, p := range set.Petitions {
		v.petition(p, procedures)
	}
	for _, r := range set.Results {
		v.results(r)
	}
	if h := set.Holidays; h != nil {
		for i, d := range h.Holidays {
			v.dayRange(&h.source, "holiday."+strconv.Itoa(i), d)
		}
		for i, d := range h.Workdays {
			v.dayRange(&h.source, "workday."+strconv.Itoa(i), d)
		}
	}
}

func (v *validator) procedure(p *ProcedureFile) {
	src := &p.source
	file := strings.TrimSuffix(strings.TrimPrefix(p.File, "thu-tuc/"), ".toml")
	switch {
	case src.isDropped("code"):
	case !procedureCode.MatchString(p.Code):
		v.errs.Add(p.Pos("code"), "code: mã thủ tục %q không đúng dạng mã quốc gia (ví dụ 1.001226)", p.Code)
	case p.Code != file:
		v.errs.Add(p.Pos("code"), "code: mã %q khác tên tệp %q (tệp phải tên thu-tuc/%s.toml)", p.Code, file, p.Code)
	}
	v.required(src, "name", p.Name)
	v.required(src, "field", p.Field)
	if len(p.Levels) == 0 && !src.isDropped("levels") {
		v.errs.Add(p.Pos("levels"), "levels: cần ít nhất một cấp thực hiện (%s)", vocab.Join(vocab.Keys(vocab.ProcedureLevels())))
	}
	for i, a := range p.Agencies {
		key := "agency." + strconv.Itoa(i)
		v.given(src, key+".role", a.Role)
		v.required(src, key+".name", a.Name)
		if a.ID != "" {
			v.qualifiedRef(src, key+".id", a.ID)
		}
	}
	for i, m := range p.Methods {
		v.given(src, "method."+strconv.Itoa(i)+".channel", m.Channel)
	}
	if p.LocalCode != "" && (!localCodePattern.MatchString(p.LocalCode) || !strings.HasPrefix(p.LocalCode, p.Code+".")) {
		v.errs.Add(p.Pos("local_code"), "local_code: %q phải là mã thủ tục kèm hậu tố của tỉnh (ví dụ %s.H01)", p.LocalCode, p.Code)
	}
	v.url(src, "source_url", p.SourceURL)
}

// field checks that a procedure's field is written as every other procedure of the same
// field writes it. The field's list page is named by the slug of its name: two spellings
// of one slug ("Hộ tịch", "HỘ TỊCH", "Hộ  tịch") would be two fields sharing one page.
func (v *validator) field(p *ProcedureFile, fields map[string]*ProcedureFile) {
	if strings.TrimSpace(p.Field) == "" {
		return // reported as required
	}
	slug := fold.Slug(p.Field)
	first, seen := fields[slug]
	switch {
	case slug == "":
		v.errs.Add(p.Pos("field"), "field: %q không có chữ cái hay chữ số nào để đặt tên trang của lĩnh vực", p.Field)
	case len(slug) > MaxNameLen:
		v.errs.Add(p.Pos("field"), "field: %v", checkNameLen("tên trang của lĩnh vực (thu-tuc/linh-vuc/…/)", slug))
	case !seen:
		fields[slug] = p
	case first.Field != p.Field:
		v.errs.Add(p.Pos("field"), "field: %q và %q (%s, dòng %d) là cùng một lĩnh vực (cùng trang thu-tuc/linh-vuc/%s/) nhưng viết khác nhau: viết giống hệt nhau",
			p.Field, first.Field, first.File, first.Pos("field").Line, slug)
	}
}

func (v *validator) petition(p *PetitionFile, procedures map[string]bool) {
	src := &p.source
	if v.nameID(src, "tên tệp", p.ID) && (slices.Contains(ReservedPetitionIDs, p.ID) || strings.HasPrefix(p.ID, "trang-")) {
		v.errs.Add(diag.Pos{File: p.File}, "tên tệp %q trùng với một trang danh sách (%s, trang-N): đổi tên tệp", p.ID, strings.Join(ReservedPetitionIDs, ", "))
	}
	if p.Received.IsZero() && !src.isDropped("received") {
		v.errs.Add(p.Pos(""), "received: thiếu ngày tiếp nhận")
	}
	v.given(src, "channel", p.Channel)
	v.given(src, "kind", p.Kind)
	v.given(src, "status", p.Status)
	v.required(src, "subject", p.Subject)
	v.required(src, "question", p.Question)
	if p.Procedure != "" && len(v.set.Procedures) > 0 && !procedures[p.Procedure] && !v.set.unreadable("thu-tuc/"+p.Procedure+".toml") {
		v.errs.Add(p.Pos("procedure"), "procedure: không có thủ tục %q trong thu-tuc/", p.Procedure)
	}
	if len(p.Agencies) == 0 && !src.isDropped("agencies") {
		v.errs.Add(p.Pos(""), "agencies: cần ít nhất một cơ quan xử lý")
	}
	for i, ref := range p.Agencies {
		v.qualifiedRef(src, "agencies."+strconv.Itoa(i), ref)
	}
	switch {
	case p.Status == vocab.PetitionProcessing && !p.Answered.IsZero():
		v.errs.Add(p.Pos("answered"), "answered: phản ánh đang xử lý chưa có ngày trả lời (đổi status nếu đã trả lời)")
	case p.Status != vocab.PetitionProcessing && p.Status.Check() == nil && p.Answered.IsZero() && !src.isDropped("answered"):
		v.errs.Add(p.Pos("status"), "answered: status = %q cần ngày trả lời hoặc xử lý (answered)", p.Status)
	case !p.Answered.IsZero() && p.Answered.Before(p.Received):
		v.errs.Add(p.Pos("answered"), "answered: ngày trả lời trước ngày tiếp nhận")
	}
	if p.Status == vocab.PetitionAnswered && strings.TrimSpace(p.Answer) == "" && !src.isDropped("answer") {
		v.errs.Add(p.Pos("status"), "answer: status = \"da-tra-loi\" cần nội dung trả lời (answer)")
	}
	v.evidence(src, "document", p.Documents)
}

func (v *validator) results(r *ResultsFile) {
	src := &r.source
	v.nameID(src, "tên tệp", r.ID)
	switch {
	case src.isDropped("period"):
	case !IsResultsPeriod(r.Period):
		v.errs.Add(r.Pos("period"), "period: %q không hợp lệ (%s)", r.Period, ResultsPeriodForms)
	case !strings.HasPrefix(r.ID, r.Period):
		v.errs.Add(r.Pos("period"), "period: tên tệp phải bắt đầu bằng kỳ %q (ví dụ chi-so-766/%s.toml)", r.Period, r.Period)
	}
	v.required(src, "title", r.Title)
	seen := map[string]int{}
	for i, u := range r.Units {
		key := "unit." + strconv.Itoa(i)
		if u.Agency == "" {
			if !src.isDropped(key + ".agency") {
				v.errs.Add(r.Pos(key), "agency: thiếu mã đơn vị")
			}
		} else {
			v.qualifiedRef(src, key+".agency", u.Agency)
			if j, dup := seen[u.Agency]; dup {
				v.errs.Add(r.Pos(key+".agency"), "agency: đơn vị %q đã có ở dòng %d", u.Agency, r.Pos("unit."+strconv.Itoa(j)+".agency").Line)
			}
			seen[u.Agency] = i
		}
		scoreDropped := slices.ContainsFunc(vocab.ScoreGroups(), func(g vocab.ScoreGroup) bool { return src.isDropped(key + "." + g.Key()) })
		for _, p := range u.Problems() {
			// A score left out for its type counts as 0: the total cannot match.
			if !(p.Key == "total" && scoreDropped) {
				v.errs.Add(r.Pos(key+"."+p.Key), "%s", p.Msg)
			}
		}
	}
}

func (v *validator) dayRange(src *source, key string, d HolidayRec) {
	if d.From.IsZero() && !src.isDropped(key+".from") {
		v.errs.Add(src.Pos(key), "from: thiếu ngày")
	}
	if !d.To.IsZero() && d.To.Before(d.From) {
		v.errs.Add(src.Pos(key+".to"), "to: ngày kết thúc trước ngày bắt đầu")
	}
	if !d.To.IsZero() && d.To.Sub(d.From) > 31*24*time.Hour {
		v.errs.Add(src.Pos(key+".to"), "to: một đợt nghỉ dài quá 31 ngày; kiểm tra lại năm")
	}
}

// qualifiedRef checks a reference made from outside any registry: it must name its registry.
func (v *validator) qualifiedRef(src *source, key, ref string) {
	if !strings.Contains(ref, "/") {
		v.errs.Add(src.Pos(key), "%s: %q cần ghi cả danh mục, dạng an-giang/so-tu-phap", keyName(key), ref)
		return
	}
	v.agencyRef(src, key, "", ref)
}

func (v *validator) url(src *source, key, raw string) {
	if raw == "" {
		return
	}
	if u, err := url.Parse(raw); err != nil || (u.IsAbs() && u.Scheme != "https" && u.Scheme != "http") {
		v.errs.Add(src.Pos(key), "%s: %q không phải đường dẫn http(s) hay đường dẫn tương đối", keyName(key), raw)
	}
}

// ResultsPeriodForms says how a results period is written, for messages.
const ResultsPeriodForms = "dạng 2026-10 cho tháng, 2026-q3 cho quý, 2026 cho năm"

// IsResultsPeriod reports whether key is a 766 results period: "2026-10", "2026-q3", "2026".
func IsResultsPeriod(key string) bool { return periodKey.MatchString(key) }

// The 2025 reorganisation. From 1/7/2025 (Nghị quyết 202/2025/QH15) local government has two
// levels, the province and the xã, phường, đặc khu: districts are gone and provinces merged.
// Thừa Thiên Huế became Thành phố Huế on 1/1/2025, and Nghị định 45/2025/NĐ-CP merged
// provincial departments. Old plans keep the names they were issued with, so an agency whose
// body changed names its successor (successor) or says that it is not known
// (successor_unknown = true). The check knows an agency changed by one of three signs, and
// reports one that says neither at the key showing the sign:
//
//   - its level is huyen (at level): the district level ended;
//   - its name is that of a department Nghị định 45/2025 merged into another (at name);
//   - it is an office (kind "agency") below the central level of an authority that has a
//     successor (at [[agency]]): the government it belongs to changed. A registry that goes
//     on as the government's after the change (continues = true) lists its bodies as they
//     are after it; of those, only the ones that ended, by the two signs above, must say so.
//
// A group ("Các cơ quan, đơn vị có liên quan") of a government that changed is a way of
// naming offices, not a body: only a group of the district level, which ended, must say.

// mergedDepartments are the departments Nghị định 45/2025/NĐ-CP merged into others: the
// name after "Sở " and the department they joined.
var mergedDepartments = []struct{ name, into string }{
	{"Kế hoạch và Đầu tư", "Sở Tài chính"},
	{"Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"},
	{"Lao động - Thương binh và Xã hội", "Sở Nội vụ"},
	{"Giao thông vận tải", "Sở Xây dựng"},
	{"Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường"},
	{"Tài nguyên và Môi trường", "Sở Nông nghiệp và Môi trường"},
}

// mergedDepartment reports whether name is that of a department Nghị định 45/2025 merged
// into another: its name as the decree has it (from) and the one it joined (into), or "".
// The name matches when, folded, it is "Sở " and a merged department's name, alone or
// followed by the place ("Sở Thông tin và Truyền thông tỉnh Vĩnh Long"); an abbreviation
// ("Sở TT&TT") does not.
func mergedDepartment(name string) (from, into string) {
	slug := fold.Slug(name)
	for _, d := range mergedDepartments {
		rest, ok := strings.CutPrefix(slug, fold.Slug("Sở "+d.name))
		if ok && (rest == "" || rest[0] == '-') {
			return "Sở " + d.name, d.into
		}
	}
	return "", ""
}

// reorganisation checks that every agency of a registry whose body changed in 2025 names its
// successor or says that it is not known, and that an agency does not do both.
func (v *validator) reorganisation(a *AgencyFile) {
	src := &a.source
	if a.Authority.Continues && a.Authority.Successor == "" && !src.isDropped("authority.successor") {
		v.errs.Add(a.Pos("authority.continues"), "continues: chỉ ghi khi chính quyền đã thay đổi (successor của [authority])")
	}
	for i, ag := range a.Agencies {
		key := "agency." + strconv.Itoa(i)
		if ag.Successor != "" && ag.SuccessorUnknown {
			v.errs.Add(a.Pos(key+".successor_unknown"), "successor_unknown: đã ghi cơ quan kế nhiệm (successor = %q): bỏ một trong hai", ag.Successor)
		}
		if ag.Successor != "" || ag.SuccessorUnknown || src.isDropped(key+".successor") || src.isDropped(key+".successor_unknown") {
			continue
		}
		if at, why := reorganised(a, ag); why != "" {
			if at != "" {
				key += "." + at
			}
			v.errs.Add(a.Pos(key), "successor: %s: ghi cơ quan kế nhiệm, hoặc successor_unknown = true nếu chưa xác định", why)
		}
	}
}

// reorganised says why an agency's body changed in 2025, by the first of the three signs
// that applies, and the key of the agency that shows it ("level", "name", or "" for its
// [[agency]] table); why is "" when none applies.
func reorganised(a *AgencyFile, ag AgencyRec) (key, why string) {
	if ag.Level.Level == vocab.District {
		return "level", "cấp huyện kết thúc hoạt động từ ngày 01/7/2025 (Nghị quyết 202/2025/QH15)"
	}
	if from, into := mergedDepartment(ag.Name); into != "" {
		return "name", fmt.Sprintf("%s được hợp nhất vào %s (Nghị định 45/2025/NĐ-CP)", from, into)
	}
	if a.Authority.Successor != "" && !a.Authority.Continues && ag.Kind == vocab.AgencyKindOffice && ag.Level.Check() == nil && ag.Level.Level != vocab.Central {
		return "", fmt.Sprintf("%s đã thay đổi (successor ở dòng %d; continues = true ở [authority] nếu danh mục cũng là của chính quyền sau thay đổi)",
			a.Authority.Name, a.Pos("authority.successor").Line)
	}
	return "", ""
}
