package model

import (
	"fmt"
	"slices"
	"strconv"

	"congkhai/generator/content"
	"congkhai/generator/schedule"
)

// Procedure is one administrative procedure of the catalogue.
type Procedure struct {
	Code, Name    string
	Field         *Field
	Levels        []string // "tinh", "xa", ...
	Kind          string
	Subjects      []string
	Agencies      []ProcedureAgency
	Address       string
	Methods       []Method
	Steps         string // Markdown
	Dossier       []Dossier
	DossierText   string // Markdown
	Conditions    string // Markdown
	Results       []Result
	LegalBases    []LegalBasis
	Online        string // "toan-trinh", "mot-phan", "co" or ""
	Postal        bool
	Decision      string
	LocalCode     string
	LocalDecision string
	SourceURL     string
	Illustrative  bool
	Petitions     []*Petition // newest first
}

// The rows of a procedure are the content records: they carry no references.
type (
	Method     = content.MethodRec
	Dossier    = content.DossierRec
	Result     = content.ResultRec
	LegalBasis = content.LegalBasisRec
)

// ProcedureAgency is an agency named by a procedure, linked to the registry where the name
// resolved.
type ProcedureAgency struct {
	Role, Name string
	Agency     *Agency // nil when the name is not in a registry
}

// Field is a lĩnh vực of the catalogue.
type Field struct {
	Name, Slug string
	Procedures []*Procedure
}

// levelNames are the levels of government of agencies, authorities and procedures in words.
var levelNames = map[string]string{"quoc-gia": "Cả nước", "trung-uong": "Trung ương", "bo": "Cấp bộ",
	"tinh": "Cấp tỉnh", "thanh-pho": "Thành phố trực thuộc Trung ương", "huyen": "Cấp huyện", "xa": "Cấp xã",
	"khac": "Cơ quan khác"}

// LevelName is a level in words: "tinh" -> "Cấp tỉnh"; an unknown level is returned as is.
func LevelName(level string) string {
	if name, ok := levelNames[level]; ok {
		return name
	}
	return level
}

// OnlineName is an online level in words.
func OnlineName(online string) string {
	switch online {
	case "toan-trinh":
		return "Trực tuyến toàn trình"
	case "mot-phan":
		return "Trực tuyến một phần"
	case "co":
		return "Có nộp trực tuyến (chưa công bố mức độ)"
	}
	return "Không nộp trực tuyến"
}

// OnlineSlug is the URL segment of an online level.
func OnlineSlug(online string) string {
	if online == "" {
		return "khong"
	}
	return online
}

// OnlineLevels are the online levels in the order lists show them.
var OnlineLevels = []string{"toan-trinh", "mot-phan", "co", ""}

// ChannelName is a submission channel in words.
func ChannelName(channel string) string {
	switch channel {
	case "truc-tiep":
		return "Trực tiếp"
	case "truc-tuyen":
		return "Trực tuyến"
	case "buu-chinh":
		return "Dịch vụ bưu chính"
	}
	return channel
}

// RoleName is the role of an agency in a procedure, in words.
func RoleName(role string) string {
	switch role {
	case "tham-quyen":
		return "Cơ quan có thẩm quyền"
	case "thuc-hien":
		return "Cơ quan thực hiện"
	case "uy-quyen":
		return "Cơ quan được ủy quyền"
	case "phoi-hop":
		return "Cơ quan phối hợp"
	}
	return role
}

// Petition is one phản ánh or kiến nghị and its answer. Question and Answer have had
// personal data masked; nothing about the petitioner is in the model.
type Petition struct {
	ID            string
	Received      schedule.Date
	Channel       string
	Kind          string
	Subject       string
	ProcedureCode string
	Procedure     *Procedure // nil when the code is not in the catalogue
	Agencies      []*Agency
	Status        string
	Answered      schedule.Date
	Due           schedule.Date // the answer deadline
	Timeliness    Timeliness    // on the as-of date
	Days          int           // days (as the rule counts them) from receipt to answer, or to the as-of date
	Question      string        // Markdown, masked
	Answer        string        // Markdown, masked
	Documents     []Evidence    // the answer's documents
	Illustrative  bool
}

// Year is the year the petition was received.
func (p *Petition) Year() int { return p.Received.Year }

// StatusName is the petition's status in words.
func (p *Petition) StatusName() string { return PetitionStatusName(p.Status) }

// KindName is the petition's kind in words.
func (p *Petition) KindName() string {
	if p.Kind == "kien-nghi" {
		return "Kiến nghị"
	}
	return "Phản ánh"
}

// ChannelName is how the petition arrived, in words.
func (p *Petition) ChannelName() string {
	switch p.Channel {
	case "cong-dich-vu-cong":
		return "Cổng Dịch vụ công"
	case "truc-tiep":
		return "Trực tiếp"
	case "buu-chinh":
		return "Bưu chính"
	case "dien-thoai":
		return "Điện thoại"
	case "thu-dien-tu":
		return "Thư điện tử"
	case "hop-thu":
		return "Hộp thư góp ý"
	}
	return p.Channel
}

// PetitionStatuses are the statuses in the order lists show them.
var PetitionStatuses = []string{"da-tra-loi", "dang-xu-ly", "chuyen", "tu-choi"}

// PetitionStatusName is a status in words.
func PetitionStatusName(status string) string {
	switch status {
	case "dang-xu-ly":
		return "Đang xử lý"
	case "da-tra-loi":
		return "Đã trả lời"
	case "chuyen":
		return "Đã chuyển cơ quan có thẩm quyền"
	case "tu-choi":
		return "Không tiếp nhận"
	}
	return status
}

// Timeliness says whether a petition was handled within its deadline.
type Timeliness uint8

const (
	OnTime  Timeliness = iota // handled by the deadline
	Late                      // handled after the deadline
	Pending                   // not yet handled, deadline not passed
	Overdue                   // not yet handled, deadline passed
)

// Timelinesses lists every value, for counts.
var Timelinesses = []Timeliness{OnTime, Late, Pending, Overdue}

// Name is the timeliness in words.
func (t Timeliness) Name() string {
	return [...]string{"Đúng hạn", "Trễ hạn", "Trong hạn, đang xử lý", "Quá hạn, chưa trả lời"}[t]
}

// Slug names the timeliness in CSS classes.
func (t Timeliness) Slug() string {
	return [...]string{"dung-han", "tre-han", "trong-han", "qua-han"}[t]
}

// PetitionCounts counts petitions by timeliness.
type PetitionCounts [4]int

// Add counts one petition.
func (c *PetitionCounts) Add(t Timeliness) { c[t]++ }

// Of is the count of one timeliness.
func (c PetitionCounts) Of(t Timeliness) int { return c[t] }

// Total is the number of petitions counted.
func (c PetitionCounts) Total() int { return c[0] + c[1] + c[2] + c[3] }

// Handled is the number handled (on time or late).
func (c PetitionCounts) Handled() int { return c[OnTime] + c[Late] }

// OnTimeShare is the share of handled petitions handled on time, in percent, and whether
// there is any handled petition to compute it from.
func (c PetitionCounts) OnTimeShare() (float64, bool) {
	if c.Handled() == 0 {
		return 0, false
	}
	return 100 * float64(c[OnTime]) / float64(c.Handled()), true
}

// PetitionRule is the answer deadline: Days after receipt, in working days unless Calendar.
type PetitionRule struct {
	Days     int
	Calendar bool
}

// Unit is what the rule counts: "ngày làm việc" or "ngày".
func (r PetitionRule) Unit() string {
	if r.Calendar {
		return "ngày"
	}
	return "ngày làm việc"
}

// Describe says the rule in words.
func (r PetitionRule) Describe() string {
	return strconv.Itoa(r.Days) + " " + r.Unit() + " kể từ ngày tiếp nhận"
}

// ScorePeriod is one period of 766 results.
type ScorePeriod struct {
	ID, Period   string
	Kind         string // "thang", "quy", "nam"
	Year         int
	Number       int           // month or quarter; 0 for a year
	Through      schedule.Date // set when the period was counted before it ended
	Title, Scope string
	Source       string
	Illustrative bool
	Units        []*UnitScore // by rank, then name
	Bands        [5]int       // units per band
}

// Label is the period in words: "Tháng 10/2026", "Quý III/2026", "Năm 2026".
func (p *ScorePeriod) Label() string {
	switch p.Kind {
	case "thang":
		return fmt.Sprintf("Tháng %02d/%d", p.Number, p.Year)
	case "quy":
		return schedule.QuarterName(p.Number) + "/" + strconv.Itoa(p.Year)
	}
	return "Năm " + strconv.Itoa(p.Year)
}

// ShortLabel is the period as a chart axis prints it: "T10/2026".
func (p *ScorePeriod) ShortLabel() string {
	switch p.Kind {
	case "thang":
		return "T" + strconv.Itoa(p.Number) + "/" + strconv.Itoa(p.Year)
	case "quy":
		return "Q" + strconv.Itoa(p.Number) + "/" + strconv.Itoa(p.Year)
	}
	return strconv.Itoa(p.Year)
}

// UnitScore is one unit's result in a period.
type UnitScore struct {
	Period *ScorePeriod
	Agency *Agency
	Name   string // as published
	Groups [6]float64
	Total  float64
	Rank   int
	Band   Band
}

// Groups are the six groups of the 766 index.
var Groups = content.Groups

// Group is one group of the 766 index with its maximum.
type Group = content.Group

// Band is the rating a total earns.
type Band uint8

const (
	Excellent Band = iota // Xuất sắc, from 90
	Good                  // Tốt, from 80
	Fair                  // Khá, from 70
	Average               // Trung bình, from 50
	Weak                  // Yếu, below 50
)

// Bands lists the bands from best to worst.
var Bands = []Band{Excellent, Good, Fair, Average, Weak}

var bandMins = [...]float64{90, 80, 70, 50, 0}

// BandOf is the band of a total.
func BandOf(total float64) Band {
	for _, b := range Bands {
		if total >= bandMins[b] {
			return b
		}
	}
	return Weak
}

// Name is the band in words.
func (b Band) Name() string {
	return [...]string{"Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"}[b]
}

// Slug names the band in CSS classes.
func (b Band) Slug() string { return [...]string{"xuat-sac", "tot", "kha", "trung-binh", "yeu"}[b] }

// Min is the lowest total of the band.
func (b Band) Min() float64 { return bandMins[b] }

// Range is the band's range in words: "từ 80 đến dưới 90".
func (b Band) Range() string {
	switch b {
	case Excellent:
		return "từ 90 điểm"
	case Weak:
		return "dưới 50 điểm"
	}
	return "từ " + strconv.Itoa(int(b.Min())) + " đến dưới " + strconv.Itoa(int(bandMins[b-1])) + " điểm"
}

// ProcedureGroup is the procedures sharing a level or an online level.
type ProcedureGroup struct {
	Filter     string // "cap" or "truc-tuyen"
	Name, Slug string
	Procedures []*Procedure // Vietnamese order of name
}

// PetitionGroup is the petitions sharing a status ("trang-thai"), a timeliness ("han") or a
// year ("nam").
type PetitionGroup struct {
	Filter, Name, Slug string
	Petitions          []*Petition // newest first
	Counts             PetitionCounts
}

// groupProcedures fills the site's level and online-level groups, in display order, leaving
// out empty groups.
func (s *Site) groupProcedures() {
	for _, level := range []string{"tinh", "xa", "huyen", "bo", "khac"} {
		g := &ProcedureGroup{Filter: "cap", Name: LevelName(level), Slug: level}
		for _, p := range s.Procedures {
			if slices.Contains(p.Levels, level) {
				g.Procedures = append(g.Procedures, p)
			}
		}
		if len(g.Procedures) > 0 {
			s.ProcedureLevels = append(s.ProcedureLevels, g)
		}
	}
	for _, online := range OnlineLevels {
		g := &ProcedureGroup{Filter: "truc-tuyen", Name: OnlineName(online), Slug: OnlineSlug(online)}
		for _, p := range s.Procedures {
			if p.Online == online {
				g.Procedures = append(g.Procedures, p)
			}
		}
		if len(g.Procedures) > 0 {
			s.OnlineGroups = append(s.OnlineGroups, g)
		}
	}
}

// groupPetitions fills the site's petition groups: by status, by timeliness, by year.
func (s *Site) groupPetitions() {
	add := func(filter, name, slug string, keep func(*Petition) bool) {
		g := &PetitionGroup{Filter: filter, Name: name, Slug: slug}
		for _, p := range s.Petitions {
			if keep(p) {
				g.Petitions = append(g.Petitions, p)
				g.Counts.Add(p.Timeliness)
			}
		}
		if len(g.Petitions) > 0 {
			s.PetitionGroups = append(s.PetitionGroups, g)
		}
	}
	for _, st := range PetitionStatuses {
		add("trang-thai", PetitionStatusName(st), st, func(p *Petition) bool { return p.Status == st })
	}
	for _, t := range Timelinesses {
		add("han", t.Name(), t.Slug(), func(p *Petition) bool { return p.Timeliness == t })
	}
	for _, y := range s.PetitionYears() {
		add("nam", "Năm "+strconv.Itoa(y), strconv.Itoa(y), func(p *Petition) bool { return p.Year() == y })
	}
}

// PetitionGroupsOf returns the petition groups of one filter.
func (s *Site) PetitionGroupsOf(filter string) []*PetitionGroup {
	var out []*PetitionGroup
	for _, g := range s.PetitionGroups {
		if g.Filter == filter {
			out = append(out, g)
		}
	}
	return out
}

// OnTimeCount is the number handled on time.
func (c PetitionCounts) OnTimeCount() int { return c[OnTime] }

// Own are the units of a period that belong to an authority whose plans the site publishes,
// when the period also ranks units of other authorities: where the site's own province
// stands among the others.
func (p *ScorePeriod) Own() []*UnitScore {
	var own []*UnitScore
	others := false
	for _, u := range p.Units {
		if len(u.Agency.Authority.Plans) > 0 {
			own = append(own, u)
		} else {
			others = true
		}
	}
	if !others {
		return nil
	}
	return own
}

// LatestScorePeriods is the newest period of each scope, newest first.
func (s *Site) LatestScorePeriods() []*ScorePeriod {
	var out []*ScorePeriod
	seen := map[string]bool{}
	for _, p := range s.ScorePeriods {
		if !seen[p.Scope] {
			seen[p.Scope] = true
			out = append(out, p)
		}
	}
	return out
}
