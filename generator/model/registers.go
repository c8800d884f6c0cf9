package model

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"congkhai/generator/content"
	"congkhai/generator/schedule"
	"congkhai/generator/vocab"
)

// Procedure is one administrative procedure of the catalogue.
type Procedure struct {
	File          string // thu-tuc/<code>.toml
	Code, Name    string
	Field         *Field
	Levels        []vocab.ProcedureLevel
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
	Online        vocab.OnlineLevel
	Postal        bool
	Decision      string
	LocalCode     string
	LocalDecision string
	SourceURL     string
	Illustrative  bool
	Petitions     []*Petition // newest first
}

// The results and legal bases of a procedure are the content records: they carry no
// references.
type (
	Result     = content.ResultRec
	LegalBasis = content.LegalBasisRec
)

// Method is one way to submit a procedure's dossier, with its time and fee.
type Method struct {
	Channel vocab.MethodChannel
	Time    string // as the file writes it: "1 Ngày làm việc"
	// TimeNoUnit is set when Time is a number without its unit ("1"): the national database
	// prints the time of many procedures so, and a number alone tells a reader nothing.
	TimeNoUnit  bool
	Fee         string
	Description string // plain text, in lines
}

// DescriptionLines are the lines of the description.
func (m Method) DescriptionLines() []string {
	var lines []string
	for l := range strings.SplitSeq(m.Description, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// reBareNumber is a time that is a number alone.
var reBareNumber = regexp.MustCompile(`^\d+(?:[.,]\d+)?$`)

func newMethod(m content.MethodRec) Method {
	return Method{Channel: m.Channel, Time: m.Time, TimeNoUnit: reBareNumber.MatchString(strings.TrimSpace(m.Time)),
		Fee: m.Fee, Description: m.Description}
}

// Dossier is one document of a procedure's dossier.
type Dossier struct {
	Group    string // the case the document belongs to, when the dossier has several
	Name     string // Markdown
	Form     string // the form's name, when it has one
	Quantity string
	// Note is set for a row with neither form nor quantity: in the national database, a
	// line of explanation put in the table ("Trường hợp …", "Giấy tờ phải xuất trình:"),
	// which the page shows across the table rather than as a document of no copies.
	Note bool
}

func newDossier(d content.DossierRec) Dossier {
	return Dossier{Group: d.Group, Name: d.Name, Form: d.Form, Quantity: d.Quantity,
		Note: strings.TrimSpace(d.Form) == "" && strings.TrimSpace(d.Quantity) == ""}
}

// MethodsDescribed reports whether a method has a description: the methods table has a
// column for descriptions only then.
func (p *Procedure) MethodsDescribed() bool {
	return slices.ContainsFunc(p.Methods, func(m Method) bool { return m.Description != "" })
}

// DossierForms and DossierQuantities report whether a document of the dossier has a form,
// a quantity: the dossier table has a column for each only then.
func (p *Procedure) DossierForms() bool {
	return slices.ContainsFunc(p.Dossier, func(d Dossier) bool { return d.Form != "" })
}

func (p *Procedure) DossierQuantities() bool {
	return slices.ContainsFunc(p.Dossier, func(d Dossier) bool { return d.Quantity != "" })
}

// DossierColumns is how many columns the dossier table has.
func (p *Procedure) DossierColumns() int {
	n := 1
	if p.DossierForms() {
		n++
	}
	if p.DossierQuantities() {
		n++
	}
	return n
}

// ProcedureAgency is an agency named by a procedure, linked to the registry where the name
// resolved.
type ProcedureAgency struct {
	Role   vocab.ProcedureRole
	Name   string
	Agency *Agency // nil when the name is not in a registry
}

// Field is a lĩnh vực of the catalogue.
type Field struct {
	Name, Slug string
	Procedures []*Procedure
}

// Petition is one phản ánh or kiến nghị and its answer. Question and Answer have had
// personal data masked; nothing about the petitioner is in the model.
type Petition struct {
	File          string // pakn/<id>.toml
	ID            string
	Received      schedule.Date
	Channel       vocab.PetitionChannel
	Kind          vocab.PetitionKind
	Subject       string
	ProcedureCode string
	Procedure     *Procedure // nil when the code is not in the catalogue
	Agencies      []*Agency
	Status        vocab.PetitionStatus
	Answered      schedule.Date
	Due           schedule.Date    // the answer deadline
	Timeliness    vocab.Timeliness // on the as-of date
	Days          int              // days (as the rule counts them) from receipt to answer, or to the as-of date
	Question      string           // Markdown, masked
	Answer        string           // Markdown, masked
	Documents     []Evidence       // the answer's documents
	Illustrative  bool
}

// Year is the year the petition was received.
func (p *Petition) Year() int { return p.Received.Year }

// PetitionCounts counts petitions by timeliness.
type PetitionCounts [vocab.NumTimeliness]int

// Add counts one petition.
func (c *PetitionCounts) Add(t vocab.Timeliness) { c[t]++ }

// Of is the count of one timeliness.
func (c PetitionCounts) Of(t vocab.Timeliness) int { return c[t] }

// Total is the number of petitions counted.
func (c PetitionCounts) Total() (n int) {
	for _, v := range c {
		n += v
	}
	return n
}

// Handled is the number handled (on time or late).
func (c PetitionCounts) Handled() int { return c[vocab.OnTime] + c[vocab.Late] }

// OnTimeShare is the share of handled petitions handled on time, in percent, and whether
// there is any handled petition to compute it from.
func (c PetitionCounts) OnTimeShare() (float64, bool) {
	if c.Handled() == 0 {
		return 0, false
	}
	return 100 * float64(c[vocab.OnTime]) / float64(c.Handled()), true
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
	File         string // chi-so-766/<id>.toml
	ID, Period   string
	Kind         string // "thang", "quy", "nam"
	Year         int
	Number       int           // month or quarter; 0 for a year
	Through      schedule.Date // set when the period was counted before it ended
	Title, Scope string
	Source       string
	Illustrative bool
	Units        []*UnitScore        // by rank, then name
	Bands        [vocab.NumBands]int // units per band
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
	Name   string                        // as published
	Groups [vocab.NumScoreGroups]float64 // indexed by vocab.ScoreGroup
	Total  float64
	Rank   int
	Band   vocab.Band
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
	for _, level := range vocab.ProcedureLevels() {
		g := &ProcedureGroup{Filter: "cap", Name: level.Label(), Slug: level.Slug()}
		for _, p := range s.Procedures {
			if slices.Contains(p.Levels, level) {
				g.Procedures = append(g.Procedures, p)
			}
		}
		if len(g.Procedures) > 0 {
			s.ProcedureLevels = append(s.ProcedureLevels, g)
		}
	}
	for _, online := range vocab.OnlineLevels() {
		g := &ProcedureGroup{Filter: "truc-tuyen", Name: online.Label(), Slug: online.Slug()}
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
	for _, st := range vocab.PetitionStatuses() {
		add("trang-thai", st.Label(), st.Slug(), func(p *Petition) bool { return p.Status == st })
	}
	for _, t := range vocab.Timelinesses() {
		add("han", t.Label(), t.Slug(), func(p *Petition) bool { return p.Timeliness == t })
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
func (c PetitionCounts) OnTimeCount() int { return c[vocab.OnTime] }

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

// Change is one step of an agency's succession: the body became To on Date, for the reason
// Note; To is nil when the registry says the successor is not known.
type Change struct {
	To   *Agency
	Date schedule.Date
	Note string
}

// Changes are the steps from an agency to the body that does its work today, oldest first:
// none when it has no successor; one to its successor; more when the successor changed in
// turn (a Thừa Thiên Huế department became Huế's, which merged into another). The last
// step's To is nil when the successor is not known. A change not known carries the date and
// note of its authority's change when it gives none of its own. Validation refuses a chain
// that loops.
func (a *Agency) Changes() []Change {
	var out []Change
	for from := a; from.Successor != nil || from.SuccessorUnknown; from = from.Successor {
		c := Change{To: from.Successor, Date: from.SuccessorDate, Note: from.SuccessorNote}
		if c.To == nil && c.Date.IsZero() && c.Note == "" {
			c.Date, c.Note = from.Authority.SuccessorDate, from.Authority.SuccessorNote
		}
		out = append(out, c)
		if c.To == nil {
			break
		}
	}
	return out
}

// Today is the body that does an agency's work today, the end of its chain of successors:
// nil when it has none or the chain ends in a successor not known.
func (a *Agency) Today() *Agency {
	ch := a.Changes()
	if len(ch) == 0 {
		return nil
	}
	return ch[len(ch)-1].To
}
