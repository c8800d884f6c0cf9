// Package content reads a congkhai content directory into raw records that remember where
// every value came from, and checks them against the schema and against each other.
//
// The layout of a content directory (see README.md for every field):
//
//	site.toml                         site settings
//	agencies/<authority>.toml         an authority and its agencies
//	plans/<plan>/plan.toml            a plan: document, sections, tasks, indicators
//	plans/<plan>/decision.md          the decision's articles (optional)
//	plans/<plan>/narrative.md         the plan's narrative (optional)
//	progress/<plan>/<name>.md         a progress report: TOML front matter between +++ lines
//	thu-tuc/, pakn/, chi-so-766/,
//	ngay-nghi.toml                    the registers (see registers.go)
//
// Load is the "load" stage of a build and Validate the "validate" stage; both report every
// problem they find as positional errors (package diag), never only the first.
package content

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"time"
	"unicode/utf8"

	"congkhai/generator/diag"
	"congkhai/generator/vocab"
)

// Set is everything read from a content directory, in lexical order of file names.
type Set struct {
	Site        *SiteFile
	Authorities []*AgencyFile // by authority ID
	Plans       []*PlanFile   // by plan ID
	Reports     []*ReportFile // by file name
	Procedures  []*ProcedureFile
	Petitions   []*PetitionFile
	Results     []*ResultsFile
	Holidays    *HolidaysFile // nil if the site has no ngay-nghi.toml
	// Hashes are the hashes of the bytes of every file read, by name: what a build made of
	// a file is the same as long as its hash is.
	Hashes map[string]Hash
	// Unreadable holds the files that could not be read or decoded, and the entries refused
	// for not being regular files or folders (their errors are reported); nothing reports
	// again what is in them or what they would have defined.
	Unreadable map[string]bool
}

// Hash is the hash of a content file's bytes: the first 16 bytes of their SHA-256.
type Hash [16]byte

// hash remembers the hash of a file read.
func (set *Set) hash(name string, data []byte) {
	if set.Hashes == nil {
		return
	}
	sum := sha256.Sum256(data)
	set.Hashes[name] = Hash(sum[:16])
}

// source remembers a file and where its keys are, to turn a key path into a position.
type source struct {
	File string
	keys keyPositions
	text []byte // the TOML, for the key positions; scanned on first use (only errors need them)
	// reread reads the TOML again when text is not kept: a record from the cache.
	reread func() []byte
	// line is added to every line number: the front matter of a Markdown file starts
	// after its opening "+++".
	line int
	// dropped holds the paths of the values left out for being of the wrong type: their
	// error is reported, and validation reports no other about them (a date written as a
	// string is not also a missing date).
	dropped map[string]bool
}

// isDropped reports whether the value at path was left out for its wrong type.
func (s *source) isDropped(path string) bool { return s.dropped[path] }

// textNow returns the TOML, read again if the record came from the cache.
func (s *source) textNow() []byte {
	if s.text == nil && s.reread != nil {
		s.text = s.reread()
	}
	return s.text
}

// Pos returns the position of the key at path (elements joined by dots, e.g. "task.3.lead.1").
// It falls back to the nearest enclosing key that has a position (a missing key is reported
// at the table it belongs in), then to the start of the file's TOML.
func (s *source) Pos(path string) diag.Pos {
	if s.keys == nil && s.textNow() != nil {
		s.keys = scanKeys(s.text)
	}
	for {
		if p, ok := s.keys[path]; ok {
			return diag.Pos{File: s.File, Line: p.line + s.line, Col: p.col}
		}
		dot := strings.LastIndexByte(path, '.')
		if dot < 0 {
			return diag.Pos{File: s.File, Line: 1 + s.line, Col: 1}
		}
		path = path[:dot]
	}
}

// PosIn returns the position of the first occurrence of needle in the file at or after the
// key at path (a word inside a multi-line string), or the key's position if it is not there
// as written (escaped, or split over lines).
func (s *source) PosIn(path, needle string) diag.Pos {
	p := s.Pos(path)
	if p.Line == 0 || needle == "" || s.textNow() == nil {
		return p
	}
	line, off := p.Line-s.line, 0
	for l := 1; l < line && off < len(s.text); l++ {
		i := bytes.IndexByte(s.text[off:], '\n')
		if i < 0 {
			return p
		}
		off += i + 1
	}
	i := bytes.Index(s.text[off:], []byte(needle))
	if i < 0 {
		return p
	}
	at := off + i
	start := bytes.LastIndexByte(s.text[:at], '\n') + 1
	return diag.Pos{File: s.File, Line: 1 + bytes.Count(s.text[:at], []byte("\n")) + s.line, Col: utf8.RuneCount(s.text[start:at]) + 1}
}

// SiteFile is site.toml.
type SiteFile struct {
	source      `toml:"-"`
	Title       string `toml:"title"`
	Description string `toml:"description"`
	Publisher   string `toml:"publisher"`
	Footer      string `toml:"footer"` // Markdown
	BaseURL     string `toml:"base_url"`
	// Petitions sets the answer deadline of petitions.
	Petitions PetitionRules `toml:"pakn"`
	// Status sets how tasks are judged.
	Status StatusRules `toml:"status"`
	// Kiosk sets the kiosk variant of the site (congkhai build --kiosk); see kiosk.go.
	Kiosk KioskSettings `toml:"kiosk"`
	// OpenData says under what licence the datasets are published, and whom to ask.
	OpenData OpenData `toml:"open_data"`
}

// OpenData is the [open_data] table of site.toml.
type OpenData struct {
	License      string `toml:"license"`       // the licence's address
	ContactEmail string `toml:"contact_email"` // an address for questions about the data
}

// StatusRules is the [status] table of site.toml; nil fields take schedule.DefaultRules.
type StatusRules struct {
	// StaleMonths: a report of work under way older than this many months no longer
	// supports "Đang thực hiện".
	StaleMonths *int `toml:"stale_after_months"`
	// GraceDays: days after a reporting period's last day for its report to come in.
	GraceDays *int `toml:"report_grace_days"`
}

// PetitionRules is the [pakn] table of site.toml: a petition must be answered within
// AnswerDays of receipt, counted in working days unless CalendarDays is set.
type PetitionRules struct {
	AnswerDays   *int `toml:"answer_days"` // nil: the default
	CalendarDays bool `toml:"calendar_days"`
	// PublicNames are names that petitions may show: officials named in their office, and
	// places or institutions named after a person that the masker would take for one.
	PublicNames []string `toml:"public_names"`
}

// AgencyFile is agencies/<authority>.toml.
type AgencyFile struct {
	source    `toml:"-"`
	ID        string      `toml:"-"` // from the file name
	Authority Authority   `toml:"authority"`
	Agencies  []AgencyRec `toml:"agency"`
}

// Authority is the government whose agencies a file lists.
type Authority struct {
	Name          string               `toml:"name"`
	Level         vocab.AuthorityLevel `toml:"level"`
	Successor     string               `toml:"successor"`
	SuccessorDate time.Time            `toml:"successor_date"`
	SuccessorNote string               `toml:"successor_note"`
	// Continues says the registry is also the government's after the change (An Giang
	// after its merger): its agencies carry on unless each names a successor.
	Continues bool `toml:"continues"`
}

// AgencyRec is one [[agency]].
type AgencyRec struct {
	ID            string            `toml:"id"`
	Name          string            `toml:"name"`
	Code          string            `toml:"code"` // the unit's code in national systems ("H01")
	ShortNames    []string          `toml:"short_names"`
	Aliases       []string          `toml:"aliases"`
	Kind          vocab.AgencyKind  `toml:"kind"`
	Level         vocab.AgencyLevel `toml:"level"`
	Parent        string            `toml:"parent"`
	Successor     string            `toml:"successor"`
	SuccessorDate time.Time         `toml:"successor_date"`
	SuccessorNote string            `toml:"successor_note"`
	// SuccessorUnknown says the body changed but its successor is not known ("chưa xác
	// định"): the editor's statement, where Successor would name it.
	SuccessorUnknown bool   `toml:"successor_unknown"`
	Description      string `toml:"description"`
}

// PlanFile is plans/<plan>/plan.toml with its two Markdown companions.
type PlanFile struct {
	source      `toml:"-"`
	ID          string         `toml:"-"` // from the folder name
	Authority   string         `toml:"authority"`
	Kind        vocab.PlanKind `toml:"kind"`
	Year        int            `toml:"year"`
	Title       string         `toml:"title"`
	ShortTitle  string         `toml:"short_title"`
	Source      string         `toml:"source"`
	EditorNotes []string       `toml:"editor_notes"`
	Document    Document       `toml:"document"`
	Sections    []SectionRec   `toml:"section"`
	Tasks       []TaskRec      `toml:"task"`
	Changes     []Change       `toml:"change"`
	Indicators  []IndicatorRec `toml:"indicator"`

	Decision  *Markdown `toml:"-"` // decision.md, nil if absent
	Narrative *Markdown `toml:"-"` // narrative.md, nil if absent
}

// Markdown is the body of a Markdown file and where it is.
type Markdown struct {
	File string
	Body string
}

// Document is the decision (or plan) that issued a plan.
type Document struct {
	Type        vocab.DocumentType `toml:"type"`
	Number      string             `toml:"number"`
	Date        time.Time          `toml:"date"`
	DateText    string             `toml:"date_text"`
	Place       string             `toml:"place"`
	Title       string             `toml:"title"`
	Issuer      string             `toml:"issuer"`
	Signer      string             `toml:"signer"`
	SignerTitle string             `toml:"signer_title"`
	LegalBases  []string           `toml:"legal_bases"`
	Proposal    string             `toml:"proposal"`
	Recipients  []string           `toml:"recipients"`
	// URL is the address where the document was published (an official portal or
	// gazette), shown as the plan's source.
	URL string `toml:"url"`
}

// SectionRec is one [[section]] of a plan's appendix.
type SectionRec struct {
	ID     string `toml:"id"`
	Number string `toml:"number"`
	Title  string `toml:"title"`
	Parent string `toml:"parent"`
}

// Responsible are the agency cells of an appendix row: the lead (chủ trì) and cooperating
// (phối hợp) agencies as registry IDs, with the printed text when it says more than the IDs.
type Responsible struct {
	Lead            []string `toml:"lead"`
	LeadText        string   `toml:"lead_text"`
	Cooperating     []string `toml:"cooperating"`
	CooperatingText string   `toml:"cooperating_text"`
}

// Assignment is a lead/output/deadline group of a task. A task holds one, written in the
// task itself, or several as [[task.assignment]].
type Assignment struct {
	Responsible
	Outputs        []string `toml:"outputs"`
	Deadline       string   `toml:"deadline"`
	DeadlineReadAs string   `toml:"deadline_read_as"`
}

// TaskRec is one [[task]].
type TaskRec struct {
	ID      string   `toml:"id"`
	Aliases []string `toml:"aliases"` // IDs the task had before: their addresses keep working
	Section string   `toml:"section"`
	STT     string   `toml:"stt"`
	STT2    string   `toml:"stt2"`
	Content string   `toml:"content"`
	Assignment
	Assignments []Assignment `toml:"assignment"`
	Notes       string       `toml:"notes"`
	EditorNote  string       `toml:"editor_note"`
	// Revisions are the task's earlier wordings, oldest first: a revised plan reworded it.
	Revisions []Revision `toml:"revision"`
}

// Revision is an earlier wording of a task and the change that replaced it.
type Revision struct {
	Date    time.Time `toml:"date"`    // the day the new wording took effect
	Content string    `toml:"content"` // the wording before that day, Markdown
	Note    string    `toml:"note"`    // the public change note: why, which document
	Minor   bool      `toml:"minor"`   // a correction (a typo): on the task's history, not in the feeds
}

// Change is an editor's public note on a change to a plan's page (change.task names the
// task, if one).
type Change struct {
	Date  time.Time `toml:"date"`
	Task  string    `toml:"task"`
	Note  string    `toml:"note"`
	Minor bool      `toml:"minor"`
}

// IndicatorRec is one [[indicator]] (chỉ tiêu).
type IndicatorRec struct {
	ID      string `toml:"id"`
	Section string `toml:"section"`
	STT     string `toml:"stt"`
	Name    string `toml:"name"`
	Unit    string `toml:"unit"`
	Target  string `toml:"target"`
	Responsible
	Evaluating     []string `toml:"evaluating"`
	EvaluatingText string   `toml:"evaluating_text"`
	Notes          string   `toml:"notes"`
	EditorNote     string   `toml:"editor_note"`
}

// ReportFile is progress/<plan>/<name>.md: a dated progress report on one task.
type ReportFile struct {
	source       `toml:"-"`
	Plan         string             `toml:"-"` // from the folder name
	Task         string             `toml:"task"`
	Date         time.Time          `toml:"date"`
	Agency       string             `toml:"agency"`
	Status       vocab.ReportStatus `toml:"status"`
	Percent      *int               `toml:"percent"`
	Period       string             `toml:"period"`
	Completed    time.Time          `toml:"completed"`
	Illustrative bool               `toml:"illustrative"`
	Evidence     []Evidence         `toml:"evidence"`
	Body         string             `toml:"-"` // the Markdown note
}

// Evidence is a document that backs a report.
type Evidence struct {
	Number string    `toml:"number"`
	Date   time.Time `toml:"date"`
	Title  string    `toml:"title"`
	URL    string    `toml:"url"`
}
