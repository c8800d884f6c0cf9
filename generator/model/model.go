// Package model is the typed site that a build renders: authorities and their agencies,
// plans with their sections, tasks and indicators, and progress reports, all linked to each
// other, with every derived fact (a task's status on the as-of day, counts per status,
// agencies' predecessors) computed once here. It is built from validated content and is
// not changed afterwards; nothing in it knows about HTML.
package model

import (
	"time"

	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/schedule"
	"congkhai/generator/vocab"
)

// Site is the whole model.
type Site struct {
	Title, Description, Publisher string
	Footer                        string // Markdown
	BaseURL                       string
	AsOf                          schedule.Date
	// License and ContactEmail are what the data catalogue says of the datasets.
	License, ContactEmail string

	Authorities []*Authority // in Vietnamese order of name
	Agencies    []*Agency    // every agency, in Vietnamese order of name then authority
	Plans       []*Plan      // newest year first, then Vietnamese order of title
	Reports     []*Report    // newest first
	Counts      schedule.Counts
	// IllustrativeKinds names the kinds of record of which some are illustrative data, for
	// the notice every page carries ("các báo cáo tiến độ", ...).
	IllustrativeKinds []string

	Procedures     []*Procedure // Vietnamese order of name
	Fields         []*Field     // Vietnamese order of name
	Petitions      []*Petition  // newest first
	PetitionCounts PetitionCounts
	PetitionRule   PetitionRule
	StatusRules    schedule.Rules
	Calendar       *schedule.Calendar
	ScorePeriods   []*ScorePeriod // newest first
	// Sources are the hashes of the content files the site is made of, by name, and
	// SiteFile and HolidaysFile the names of site.toml and ngay-nghi.toml ("" if absent):
	// what an output is made of is known by the files it shows (see package render).
	Sources                map[string]content.Hash
	SiteFile, HolidaysFile string
	// Warnings are doubts that do not stop a build: what still looks like personal data in
	// a petition after masking, for an editor to look at.
	Warnings diag.List
	// The catalogue's and the petition register's filters, each with its members.
	ProcedureLevels []*ProcedureGroup
	OnlineGroups    []*ProcedureGroup
	PetitionGroups  []*PetitionGroup

	procedures map[string]*Procedure

	documents map[string]*Plan // authority + "|" + document number
}

// Authority is a government (province, district) whose agencies and plans the site holds.
type Authority struct {
	ID, Name      string
	File          string // agencies/<id>.toml
	Level         vocab.AuthorityLevel
	Successor     string
	SuccessorDate schedule.Date
	SuccessorNote string
	Agencies      []*Agency // Vietnamese order
	Plans         []*Plan
}

// Agency is an office or a class of offices ("group") of an authority.
type Agency struct {
	Key           string // "authority/id", unique in the site
	ID            string
	Authority     *Authority
	Name          string
	ShortNames    []string
	Aliases       []string
	Kind          vocab.AgencyKind
	Level         vocab.AgencyLevel
	Parent        *Agency
	Children      []*Agency
	Successor     *Agency
	SuccessorDate schedule.Date
	SuccessorNote string
	// SuccessorUnknown: the body changed, and the registry says its successor is not known.
	SuccessorUnknown bool
	Predecessors     []*Agency
	Description      string // Markdown

	Leads      []*Task      // tasks it leads: the plans in the site's order (newest year first), each in printed order
	Cooperates []*Task      // tasks it cooperates on, in the same order
	Indicators []*Indicator // in the same order
	LeadCounts schedule.Counts
	CoopCounts schedule.Counts

	Code           string // the unit's code in national systems
	Procedures     []*Procedure
	Petitions      []*Petition // newest first
	PetitionCounts PetitionCounts
	Scores         []*UnitScore // oldest period first
}

// Group reports whether the agency is a class of offices ("UBND cấp xã"), not one office.
func (a *Agency) Group() bool { return a.Kind == vocab.AgencyKindGroup }

// ShortName is the name tables use.
func (a *Agency) ShortName() string {
	if len(a.ShortNames) > 0 {
		return a.ShortNames[0]
	}
	return a.Name
}

// Plan is one plan and the document that issued it.
type Plan struct {
	ID          string
	Files       []string // plan.toml, and decision.md and narrative.md if there are
	Authority   *Authority
	Kind        vocab.PlanKind
	Year        int
	Title       string
	ShortTitle  string
	Source      string
	EditorNotes []string
	Document    Document
	Changes     []*PlanChange // oldest first
	Decision    string        // Markdown, may be empty
	Narrative   string        // Markdown, may be empty

	Sections   []*Section // top-level sections in printed order
	Tasks      []*Task    // every task in printed order
	Indicators []*Indicator
	Counts     schedule.Counts
	Reports    []*Report // newest first
}

// Document is the decision or plan that issued a plan.
type Document struct {
	Type        vocab.DocumentType
	Number      string
	Date        schedule.Date
	DateText    string
	Place       string
	Title       string
	Issuer      string
	Signer      string
	SignerTitle string
	LegalBases  []string
	Proposal    string
	Recipients  []string
	URL         string // where the document was published; "" if not known
}

// Section is a numbered group of an appendix; sections may hold sub-sections.
type Section struct {
	ID, Number, Title string
	Plan              *Plan
	Parent            *Section
	Children          []*Section
	Tasks             []*Task         // tasks directly in this section
	Indicators        []*Indicator    // indicators directly in this section
	Counts            schedule.Counts // of its tasks and its sub-sections' tasks
}

// Task is one row of an appendix.
type Task struct {
	ID          string
	Aliases     []string // IDs the task had before, whose addresses send readers on to it
	Plan        *Plan
	Section     *Section
	STT, STT2   string
	Content     string // Markdown
	Assignments []*Assignment
	Notes       string // Markdown
	EditorNote  string
	Revisions   []*Revision // earlier wordings, oldest first
	Reports     []*Report   // oldest first
	// Deciding is the assignment whose deadline decides the status: the single one, or of
	// several the recurring one if any, else the one due last; Deadline is its deadline.
	Deciding   *Assignment
	Deadline   schedule.Deadline
	Assessment schedule.Assessment
}

// Revision is a change of a task's wording: from Before to After on Date.
type Revision struct {
	Date          schedule.Date
	Before, After string // Markdown
	Note          string
	Minor         bool
}

// PlanChange is an editor's public note on a change to a plan, or to one of its tasks.
type PlanChange struct {
	Date  schedule.Date
	Task  *Task // nil for the plan as a whole
	Note  string
	Minor bool
}

// Status is the task's status on the as-of day.
func (t *Task) Status() vocab.TaskStatus { return t.Assessment.Status }

// LatestReport is the latest report on or before the as-of day, or nil.
func (t *Task) LatestReport() *Report { return t.report(t.Assessment.Latest) }

// PeriodReport is, for a recurring task, the report of the current period, or nil.
func (t *Task) PeriodReport() *Report { return t.report(t.Assessment.PeriodReport) }

func (t *Task) report(i int) *Report {
	if i < 0 {
		return nil
	}
	return t.Reports[i]
}

// Responsible are the lead and cooperating agencies of an appendix row, with the printed
// text when it says more than the agencies.
type Responsible struct {
	Lead            []*Agency
	LeadText        string
	Cooperating     []*Agency
	CooperatingText string
}

// Assignment is a lead / cooperating / output / deadline group of a task.
type Assignment struct {
	Responsible
	Outputs []string
	// DeadlinePrinted is the deadline as the document printed it, always what a page shows;
	// DeadlineReadAs is the editor's reading of a misprint ("" if none), shown beside it
	// and marked as the editor's. Deadline is read from the reading when there is one.
	DeadlinePrinted string
	DeadlineReadAs  string
	Deadline        schedule.Deadline
}

// Indicator is a target (chỉ tiêu) a plan sets.
type Indicator struct {
	ID, STT, Name, Unit, Target string
	Plan                        *Plan
	Section                     *Section
	Responsible
	Evaluating        []*Agency
	EvaluatingText    string
	Notes, EditorNote string
}

// Report is a dated progress report on a task.
type Report struct {
	File         string
	Task         *Task
	Date         schedule.Date
	Agency       *Agency
	State        vocab.ReportStatus
	Percent      int // -1 if not given
	Period       string
	Completed    schedule.Date
	Illustrative bool
	Evidence     []Evidence
	Body         string // Markdown
}

// StateLabel is the report's declared state in words, with its period for the report of one
// period of a recurring task: "Báo cáo kỳ Quý I/2024".
func (r *Report) StateLabel() string {
	if r.State == vocab.ReportPeriodic {
		if p, err := schedule.ParsePeriodKey(r.Period); err == nil {
			return r.State.Label() + " " + p.Label()
		}
		return r.State.Label() + " " + r.Period
	}
	return r.State.Label()
}

// Evidence is a document that backs a report.
type Evidence struct {
	Number, Title, URL string
	Date               schedule.Date
}

// DocumentPlan returns the plan issued by the document numbered number of authority, if the
// site holds it.
func (s *Site) DocumentPlan(authority *Authority, number string) *Plan {
	return s.documents[authority.ID+"|"+number]
}

func date(t time.Time) schedule.Date {
	if t.IsZero() {
		return schedule.Date{}
	}
	return schedule.D(t.Year(), t.Month(), t.Day())
}
