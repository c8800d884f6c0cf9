package content

import (
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"congkhai/generator/diag"
	"congkhai/generator/fold"
	"congkhai/generator/vocab"
)

// ReservedTaskIDs are page names under a plan's folder.
var ReservedTaskIDs = []string{"index", "chi-tieu", "tien-do"}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// CheckID returns an error, its message in words, if id cannot be an ID. An ID is lowercase
// ASCII letters and digits in words joined by single dashes: it names a file or folder of
// the content and of the site. The imports check the IDs given on their command line with
// it, so that an ID is valid wherever it comes from.
func CheckID(id string) error {
	if !idPattern.MatchString(id) {
		return fmt.Errorf("mã %q không hợp lệ: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ so-tu-phap)", id)
	}
	return checkNameLen("mã", id)
}

// MaxNameLen is the longest ID or slug, in bytes, that names a file or folder of the site
// or the content: 255 bytes is the longest name the common file systems (ext4, XFS, APFS,
// NTFS) allow. Every value the build makes a path of is held to it, so that check fails
// where the build would. The longest in the example site is a field of 193 bytes.
const MaxNameLen = 255

// MaxTaskIDLen is the longest task ID: a task's page address is quoted in reports and
// letters, and the importer makes IDs of at most this many characters from a task's words.
const MaxTaskIDLen = 40

// checkNameLen returns an error if name, which names a file or folder (what says what it
// is: "mã", "đường dẫn"), is longer than MaxNameLen.
func checkNameLen(what, name string) error {
	if len(name) > MaxNameLen {
		return fmt.Errorf("%s dài %d byte, quá %d byte, độ dài tối đa của tên một tệp hay thư mục: rút gọn", what, len(name), MaxNameLen)
	}
	return nil
}

// PeriodChecker reports whether a progress report's period key is well formed. The schedule
// package provides it; content does not depend on how periods are computed.
type PeriodChecker func(key string) error

// Validate checks a loaded set against the schema and against itself: required fields (a
// value of a closed list that was not given; one given outside its list is reported by
// Load), ID syntax and uniqueness, and every reference between records. It returns all
// problems as a diag.List.
func Validate(set *Set, checkPeriod PeriodChecker) error {
	v := &validator{set: set, agencies: set.agencyIndex()}
	if set.Site != nil && strings.TrimSpace(set.Site.Title) == "" && !set.Site.isDropped("title") {
		v.errs.Add(set.Site.Pos("title"), "title: thiếu tên trang")
	}
	if set.Site != nil && set.Site.BaseURL != "" && !IsSiteURL(set.Site.BaseURL) {
		v.errs.Add(set.Site.Pos("base_url"), "base_url: %q: cần địa chỉ đầy đủ bắt đầu bằng https:// hoặc http://", set.Site.BaseURL)
	}
	for _, a := range set.Authorities {
		v.authority(a)
	}
	plans := map[string]*PlanFile{}
	for _, p := range set.Plans {
		plans[p.ID] = p
		v.plan(p)
		v.duplicateTasks(p)
	}
	for _, r := range set.Reports {
		v.report(r, plans[r.Plan], checkPeriod)
	}
	v.registers(set)
	v.bounds(set)
	return v.errs.Err()
}

type validator struct {
	set      *Set
	agencies map[string]map[string]*AgencyRec // authority -> id -> agency
	errs     diag.List
}

func (v *validator) required(src *source, key, value string) {
	if strings.TrimSpace(value) == "" && !src.isDropped(key) {
		v.errs.Add(src.Pos(key), "%s: bắt buộc, không được để trống", keyName(key))
	}
}

// given checks that a value of a closed list (package vocab) was given. A key not in its list
// is reported when the file is decoded; what is left is a value not given at all, whose zero
// Check reports unless the list has a meaning for it.
func (v *validator) given(src *source, key string, value interface{ Check() error }) {
	if err := value.Check(); err != nil && !src.isDropped(key) {
		v.errs.Add(src.Pos(key), "%s: %v", keyName(key), err)
	}
}

func (v *validator) id(src *source, key, value string) bool {
	if src.isDropped(key) {
		return false
	}
	if err := CheckID(value); err != nil {
		v.errs.Add(src.Pos(key), "%s: %v", keyName(key), err)
		return false
	}
	return true
}

// nameID checks an ID that is the name of the file, or of its folder (what says which).
func (v *validator) nameID(src *source, what, value string) bool {
	if err := CheckID(value); err != nil {
		v.errs.Add(diag.Pos{File: src.File}, "%s: %v", what, err)
		return false
	}
	return true
}

// IsListPage reports whether a name is that of a further page of a list ("trang-2"),
// which the site puts in the folder of the list's first page, beside the pages of the
// records listed (ke-hoach/trang-2/ beside ke-hoach/<plan>/): no ID of such a record may
// be one.
func IsListPage(name string) bool {
	n, ok := strings.CutPrefix(name, "trang-")
	return ok && n != "" && strings.Trim(n, "0123456789") == ""
}

// listPageID reports an ID that is the name of a list's further page.
func (v *validator) listPageID(pos diag.Pos, what, id string) {
	if IsListPage(id) {
		v.errs.Add(pos, "%s %q trùng với tên một trang tiếp theo của danh sách (trang-N): đổi tên khác", what, id)
	}
}

func (v *validator) authority(a *AgencyFile) {
	if v.nameID(&a.source, "tên tệp", a.ID) {
		v.listPageID(diag.Pos{File: a.File}, "tên tệp", a.ID) // co-quan/trang-2/
	}
	v.required(&a.source, "authority.name", a.Authority.Name)
	v.given(&a.source, "authority.level", a.Authority.Level)
	seen := map[string]int{}
	for i, ag := range a.Agencies {
		key := "agency." + strconv.Itoa(i)
		if v.id(&a.source, key+".id", ag.ID) {
			if j, dup := seen[ag.ID]; dup {
				v.errs.Add(a.Pos(key+".id"), "id: mã %q trùng với cơ quan thứ %d trong tệp (dòng %d)", ag.ID, j+1, a.Pos("agency."+strconv.Itoa(j)+".id").Line)
			}
			seen[ag.ID] = i
			v.listPageID(a.Pos(key+".id"), "id: mã", ag.ID) // co-quan/<authority>/trang-2/
		}
		v.required(&a.source, key+".name", ag.Name)
		v.given(&a.source, key+".kind", ag.Kind)
		v.given(&a.source, key+".level", ag.Level)
		if ag.Parent != "" {
			v.agencyRef(&a.source, key+".parent", a.ID, ag.Parent)
		}
		if ag.Successor != "" {
			v.agencyRef(&a.source, key+".successor", a.ID, ag.Successor)
			if ag.SuccessorDate.IsZero() {
				v.errs.Add(a.Pos(key+".successor"), "successor_date: cần ngày cơ quan kế nhiệm bắt đầu (ví dụ 2025-07-01)")
			}
		}
	}
	// A chain of parents must end, before the agency itself.
	for i := range a.Agencies {
		auth, next := a.ID, &a.Agencies[i]
		visited := map[string]bool{auth + "/" + next.ID: true}
		for next != nil && next.Parent != "" {
			var id string
			var ok bool
			if auth, id, ok = splitRef(auth, next.Parent); !ok {
				break
			}
			if visited[auth+"/"+id] {
				msg := fmt.Sprintf("chuỗi cơ quan cha quay vòng (%s/%s)", auth, id)
				if next == &a.Agencies[i] {
					msg = "một cơ quan không thể trực thuộc chính nó"
				}
				v.errs.Add(a.Pos("agency."+strconv.Itoa(i)+".parent"), "parent: %s", msg)
				break
			}
			visited[auth+"/"+id] = true
			next = v.agencies[auth][id]
		}
	}
	// A chain of successors must end.
	for i := range a.Agencies {
		auth, next := a.ID, &a.Agencies[i]
		visited := map[string]bool{auth + "/" + next.ID: true}
		for next != nil && next.Successor != "" {
			var id string
			var ok bool
			if auth, id, ok = splitRef(auth, next.Successor); !ok {
				break
			}
			if visited[auth+"/"+id] {
				v.errs.Add(a.Pos("agency."+strconv.Itoa(i)+".successor"), "successor: chuỗi cơ quan kế nhiệm quay vòng (%s/%s)", auth, id)
				break
			}
			visited[auth+"/"+id] = true
			next = v.agencies[auth][id]
		}
	}
	v.reorganisation(a)
}

// splitRef splits an agency reference "id" or "authority/id" made from within authority.
func splitRef(authority, ref string) (auth, id string, ok bool) {
	auth, id, qualified := strings.Cut(ref, "/")
	if !qualified {
		return authority, ref, idPattern.MatchString(ref)
	}
	// The form only: an ID too long is reported where it is defined, not where it is used.
	return auth, id, idPattern.MatchString(auth) && idPattern.MatchString(id)
}

// agencyRef checks that ref names an agency, suggesting the nearest ID when it does not.
func (v *validator) agencyRef(src *source, key, authority, ref string) {
	auth, id, ok := splitRef(authority, ref)
	if !ok {
		v.errs.Add(src.Pos(key), "%s: %q không phải mã cơ quan (dạng so-tu-phap hoặc an-giang/so-tu-phap)", keyName(key), ref)
		return
	}
	agencies, ok := v.agencies[auth]
	if !ok && v.set.unreadable("agencies/"+auth+".toml") {
		return // the registry's own syntax error is reported
	}
	if !ok {
		v.errs.Add(src.Pos(key), "%s: không có danh mục cơ quan %q (cần tệp agencies/%s.toml)", keyName(key), auth, auth)
		return
	}
	if _, ok := agencies[id]; ok {
		return
	}
	msg := fmt.Sprintf("%s: không có cơ quan %q trong agencies/%s.toml", keyName(key), id, auth)
	if near := nearest(id, agencies); near != "" {
		msg += fmt.Sprintf("; có phải %q?", near)
	}
	v.errs.Add(src.Pos(key), "%s", msg)
}

func (v *validator) agencyList(src *source, key, authority string, refs []string, text string) {
	for i, ref := range refs {
		v.agencyRef(src, key+"."+strconv.Itoa(i), authority, ref)
	}
	if len(refs) == 0 && strings.TrimSpace(text) != "" && !src.isDropped(key) {
		v.errs.Add(src.Pos(key+"_text"), "%s_text có nội dung nhưng %s trống: ghi mã các cơ quan được nêu", keyName(key), keyName(key))
	}
}

func key0(i int) string { return "task." + strconv.Itoa(i) }

func (v *validator) plan(p *PlanFile) {
	src := &p.source
	if v.nameID(src, "tên thư mục", p.ID) {
		v.listPageID(diag.Pos{File: p.File}, "tên thư mục", p.ID) // ke-hoach/trang-2/
	}
	if _, ok := v.agencies[p.Authority]; !ok && !v.set.unreadable("agencies/"+p.Authority+".toml") {
		v.errs.Add(p.Pos("authority"), "authority: không có danh mục cơ quan %q (cần tệp agencies/%s.toml)", p.Authority, p.Authority)
	}
	v.given(src, "kind", p.Kind)
	if !InYears(p.Year) && !src.isDropped("year") {
		v.errs.Add(p.Pos("year"), "year: năm %d nằm ngoài %d–%d", p.Year, MinYear, MaxYear)
	}
	v.required(src, "title", p.Title)
	v.given(src, "document.type", p.Document.Type)
	v.required(src, "document.title", p.Document.Title)
	v.required(src, "document.issuer", p.Document.Issuer)
	if u, err := url.Parse(p.Document.URL); p.Document.URL != "" && (err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "") {
		v.errs.Add(p.Pos("document.url"), "document.url: %q không phải địa chỉ http(s) đầy đủ của nơi công bố văn bản", p.Document.URL)
	}
	if p.Document.Date.IsZero() && p.Document.DateText == "" && !src.isDropped("document.date") && !src.isDropped("document.date_text") {
		v.errs.Add(p.Pos("document"), "document: cần date, hoặc date_text khi văn bản để trống ngày")
	}

	sections := map[string]int{}
	for i, s := range p.Sections {
		key := "section." + strconv.Itoa(i)
		if v.id(src, key+".id", s.ID) {
			if _, dup := sections[s.ID]; dup {
				v.errs.Add(p.Pos(key+".id"), "id: mục %q đã có", s.ID)
			}
			sections[s.ID] = i
		}
		v.required(src, key+".title", s.Title)
	}
	for i, s := range p.Sections {
		if s.Parent == "" {
			continue
		}
		key := "section." + strconv.Itoa(i) + ".parent"
		j, ok := sections[s.Parent]
		switch {
		case !ok:
			v.errs.Add(p.Pos(key), "parent: không có mục %q trong kế hoạch", s.Parent)
		case j >= i:
			v.errs.Add(p.Pos(key), "parent: mục cha %q phải đứng trước mục con", s.Parent)
		}
	}

	for i, c := range p.Changes {
		key := "change." + strconv.Itoa(i)
		if c.Date.IsZero() && !src.isDropped(key+".date") {
			v.errs.Add(p.Pos(key), "change: thiếu date")
		}
		v.required(src, key+".note", c.Note)
		if c.Task != "" && !slices.ContainsFunc(p.Tasks, func(t TaskRec) bool { return t.ID == c.Task }) {
			v.errs.Add(p.Pos(key+".task"), "task: kế hoạch không có nhiệm vụ %q", c.Task)
		}
	}
	ids := map[string]string{}
	var aliasOf []func()
	defer func() {
		for _, check := range aliasOf {
			check()
		}
	}()
	for i, t := range p.Tasks {
		for j, alias := range t.Aliases {
			akey := key0(i) + ".aliases." + strconv.Itoa(j)
			if !v.id(src, akey, alias) {
				continue
			}
			aliasOf = append(aliasOf, func() {
				if prev, taken := ids[alias]; taken {
					v.errs.Add(p.Pos(akey), "aliases: %q trùng mã ở dòng %d: mỗi địa chỉ chỉ dẫn tới một nhiệm vụ", alias, p.Pos(prev).Line)
				}
				if slices.Contains(ReservedTaskIDs, alias) {
					v.errs.Add(p.Pos(akey), "aliases: %q là tên dành riêng (%s)", alias, strings.Join(ReservedTaskIDs, ", "))
				}
				ids[alias] = akey
			})
		}
		key := "task." + strconv.Itoa(i)
		if v.id(src, key+".id", t.ID) {
			if prev, dup := ids[t.ID]; dup {
				v.errs.Add(p.Pos(key+".id"), "id: mã nhiệm vụ %q trùng với nhiệm vụ ở dòng %d", t.ID, p.Pos(prev).Line)
			}
			if slices.Contains(ReservedTaskIDs, t.ID) {
				v.errs.Add(p.Pos(key+".id"), "id: %q là tên dành riêng (%s)", t.ID, strings.Join(ReservedTaskIDs, ", "))
			}
			if len(t.ID) > MaxTaskIDLen {
				v.errs.Add(p.Pos(key+".id"), "id: mã nhiệm vụ dài %d ký tự, quá %d ký tự: rút gọn", len(t.ID), MaxTaskIDLen)
			}
			ids[t.ID] = key + ".id"
		}
		if _, ok := sections[t.Section]; !ok && !src.isDropped(key+".section") {
			v.errs.Add(p.Pos(key+".section"), "section: không có mục %q trong kế hoạch", t.Section)
		}
		v.required(src, key+".content", t.Content)
		for j, r := range t.Revisions {
			rkey := key + ".revision." + strconv.Itoa(j)
			if r.Date.IsZero() && !src.isDropped(rkey+".date") {
				v.errs.Add(p.Pos(rkey), "revision: thiếu date (ngày nội dung mới có hiệu lực)")
			}
			v.required(src, rkey+".content", r.Content)
			if j > 0 && !r.Date.IsZero() && r.Date.Before(t.Revisions[j-1].Date) {
				v.errs.Add(p.Pos(rkey+".date"), "revision: các lần sửa ghi theo thứ tự ngày, cũ trước")
			}
		}
		if len(t.Assignments) > 0 {
			if !t.Assignment.isZero() {
				v.errs.Add(p.Pos(key), "nhiệm vụ có [[task.assignment]] thì không ghi lead, cooperating, outputs, deadline ở ngoài")
			}
			for j, a := range t.Assignments {
				v.assignment(p, key+".assignment."+strconv.Itoa(j), a)
			}
		} else {
			v.assignment(p, key, t.Assignment)
		}
	}
	for i, ind := range p.Indicators {
		key := "indicator." + strconv.Itoa(i)
		if v.id(src, key+".id", ind.ID) {
			if prev, dup := ids[ind.ID]; dup {
				v.errs.Add(p.Pos(key+".id"), "id: mã %q đã dùng ở dòng %d", ind.ID, p.Pos(prev).Line)
			}
			ids[ind.ID] = key + ".id"
		}
		if _, ok := sections[ind.Section]; ind.Section != "" && !ok {
			v.errs.Add(p.Pos(key+".section"), "section: không có mục %q trong kế hoạch", ind.Section)
		}
		v.required(src, key+".name", ind.Name)
		v.responsible(src, key, p.Authority, ind.Responsible)
		v.agencyList(src, key+".evaluating", p.Authority, ind.Evaluating, ind.EvaluatingText)
	}
}

func (v *validator) responsible(src *source, key, authority string, r Responsible) {
	v.agencyList(src, key+".lead", authority, r.Lead, r.LeadText)
	v.agencyList(src, key+".cooperating", authority, r.Cooperating, r.CooperatingText)
}

func (a Assignment) isZero() bool {
	return len(a.Lead) == 0 && a.LeadText == "" && len(a.Cooperating) == 0 && a.CooperatingText == "" &&
		len(a.Outputs) == 0 && a.Deadline == "" && a.DeadlineReadAs == ""
}

func (v *validator) assignment(p *PlanFile, key string, a Assignment) {
	v.responsible(&p.source, key, p.Authority, a.Responsible)
	if a.DeadlineReadAs != "" && a.Deadline == "" {
		v.errs.Add(p.Pos(key+".deadline_read_as"), "deadline_read_as chỉ dùng khi deadline có nội dung in sai")
	}
}

func (v *validator) report(r *ReportFile, p *PlanFile, checkPeriod PeriodChecker) {
	src := &r.source
	if p == nil && v.set.unreadable("plans/"+r.Plan+"/plan.toml") {
		return // the plan's own syntax error is reported
	}
	if p == nil {
		v.errs.Add(diag.Pos{File: r.File}, "thư mục progress/%s/ không ứng với kế hoạch nào (cần plans/%s/plan.toml)", r.Plan, r.Plan)
		return
	}
	if !slices.ContainsFunc(p.Tasks, func(t TaskRec) bool { return t.ID == r.Task }) && !src.isDropped("task") {
		v.errs.Add(r.Pos("task"), "task: kế hoạch %s không có nhiệm vụ %q", p.ID, r.Task)
	}
	if r.Date.IsZero() && !src.isDropped("date") {
		v.errs.Add(r.Pos(""), "date: thiếu ngày báo cáo")
	}
	if r.Agency != "" {
		v.agencyRef(src, "agency", p.Authority, r.Agency)
	} else if !src.isDropped("agency") {
		v.errs.Add(r.Pos(""), "agency: thiếu cơ quan báo cáo")
	}
	v.given(src, "status", r.Status)
	if r.Percent != nil && (*r.Percent < 0 || *r.Percent > 100) {
		v.errs.Add(r.Pos("percent"), "percent: %d nằm ngoài 0..100", *r.Percent)
	}
	if r.Status == vocab.ReportPeriodic && r.Period == "" && !src.isDropped("period") {
		v.errs.Add(r.Pos("status"), "status = \"periodic\" cần period (ví dụ 2024-Q1)")
	}
	if r.Period != "" && checkPeriod != nil {
		if err := checkPeriod(r.Period); err != nil {
			v.errs.Add(r.Pos("period"), "period: %q không hợp lệ (dạng 2024, 2024-H1, 2024-Q1, 2024-03, 2024-W07)", r.Period)
		}
	}
	if !r.Completed.IsZero() && r.Status != vocab.ReportDone {
		v.errs.Add(r.Pos("completed"), "completed chỉ dùng khi status = \"done\"")
	}
	if !r.Completed.IsZero() && r.Completed.After(r.Date) {
		v.errs.Add(r.Pos("completed"), "completed: ngày hoàn thành sau ngày báo cáo")
	}
	v.evidence(src, "evidence", r.Evidence)
}

// evidence checks a list of documents: each names itself, and its URL is usable.
func (v *validator) evidence(src *source, key string, list []Evidence) {
	for i, e := range list {
		k := key + "." + strconv.Itoa(i)
		if e.Number == "" && e.Title == "" {
			v.errs.Add(src.Pos(k), "%s: cần number hoặc title", key)
		}
		v.url(src, k+".url", e.URL)
	}
}

// agencyIndex maps authority ID -> agency ID -> record.
func (s *Set) agencyIndex() map[string]map[string]*AgencyRec {
	idx := map[string]map[string]*AgencyRec{}
	for _, a := range s.Authorities {
		m := map[string]*AgencyRec{}
		for i := range a.Agencies {
			m[a.Agencies[i].ID] = &a.Agencies[i]
		}
		idx[a.ID] = m
	}
	return idx
}

// nearest returns the ID closest to id by edit distance, if it is close enough to be a typo.
func nearest(id string, agencies map[string]*AgencyRec) string {
	best, bestD := "", len(id)/2+2
	for _, k := range slices.Sorted(maps.Keys(agencies)) {
		if d := fold.Distance(id, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// IsSiteURL reports whether s can be a site's base URL: absolute, http or https, with a host.
func IsSiteURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}
