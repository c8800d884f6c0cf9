package planimport

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"

	"congkhai/generator/content"
	"congkhai/generator/tomltext"
	"congkhai/generator/vocab"
)

// encoder writes a plan as content/plans/<id>/plan.toml, laid out as a person writes one:
// a section's tasks under it, long texts as multi-line strings, empty optional keys left out.
type encoder struct{ b bytes.Buffer }

// Encode writes p as TOML, with comment as its opening lines.
func Encode(w io.Writer, p *content.PlanFile, comment string) error {
	var e encoder
	for line := range strings.SplitSeq(strings.TrimSpace(comment), "\n") {
		fmt.Fprintf(&e.b, "# %s\n", line)
	}
	e.str("authority", p.Authority)
	e.str("kind", p.Kind.Key())
	fmt.Fprintf(&e.b, "year = %d\n", p.Year)
	e.str("title", p.Title)
	e.str("short_title", p.ShortTitle)
	e.str("source", p.Source)
	e.list("editor_notes", p.EditorNotes)

	d := p.Document
	e.b.WriteString("\n[document]\n")
	e.str("type", d.Type.Key())
	if d.Number != "" || d.Type == vocab.DocPlan {
		e.b.WriteString("number = ")
		tomltext.Basic(&e.b, d.Number)
		e.b.WriteByte('\n')
	}
	if !d.Date.IsZero() {
		fmt.Fprintf(&e.b, "date = %s\n", d.Date.Format("2006-01-02"))
	}
	e.str("date_text", d.DateText)
	e.str("place", d.Place)
	e.str("title", d.Title)
	e.str("issuer", d.Issuer)
	e.str("signer", d.Signer)
	e.str("signer_title", d.SignerTitle)
	e.list("legal_bases", d.LegalBases)
	e.str("proposal", d.Proposal)
	e.list("recipients", d.Recipients)

	for _, s := range p.Sections {
		e.b.WriteString("\n[[section]]\n")
		e.str("id", s.ID)
		e.b.WriteString("number = ")
		tomltext.Basic(&e.b, s.Number)
		e.b.WriteByte('\n')
		e.str("title", s.Title)
		e.str("parent", s.Parent)
	}
	for _, t := range p.Tasks {
		e.b.WriteString("\n[[task]]\n")
		e.str("id", t.ID)
		e.ids("aliases", t.Aliases)
		e.str("section", t.Section)
		e.str("stt", t.STT)
		e.str("stt2", t.STT2)
		e.str("content", t.Content)
		e.assignment(t.Assignment)
		e.str("notes", t.Notes)
		e.str("editor_note", t.EditorNote)
		for _, a := range t.Assignments {
			e.b.WriteString("\n[[task.assignment]]\n")
			e.assignment(a)
		}
		for _, r := range t.Revisions {
			e.b.WriteString("\n[[task.revision]]\n")
			e.date("date", r.Date)
			e.str("content", r.Content)
			e.str("note", r.Note)
			if r.Minor {
				e.b.WriteString("minor = true\n")
			}
		}
	}
	for _, c := range p.Changes {
		e.b.WriteString("\n[[change]]\n")
		e.date("date", c.Date)
		e.str("task", c.Task)
		e.str("note", c.Note)
		if c.Minor {
			e.b.WriteString("minor = true\n")
		}
	}
	for _, in := range p.Indicators {
		e.b.WriteString("\n[[indicator]]\n")
		e.str("id", in.ID)
		e.str("section", in.Section)
		e.str("stt", in.STT)
		e.str("name", in.Name)
		e.str("unit", in.Unit)
		e.str("target", in.Target)
		e.responsible(in.Responsible)
		e.ids("evaluating", in.Evaluating)
		e.str("evaluating_text", in.EvaluatingText)
		e.str("notes", in.Notes)
		e.str("editor_note", in.EditorNote)
	}
	_, err := e.b.WriteTo(w)
	return err
}

func (e *encoder) assignment(a content.Assignment) {
	e.responsible(a.Responsible)
	e.list("outputs", a.Outputs)
	e.str("deadline", a.Deadline)
	e.str("deadline_read_as", a.DeadlineReadAs)
}

func (e *encoder) responsible(r content.Responsible) {
	e.ids("lead", r.Lead)
	e.str("lead_text", r.LeadText)
	e.ids("cooperating", r.Cooperating)
	e.str("cooperating_text", r.CooperatingText)
}

func (e *encoder) str(key, v string) { tomltext.String(&e.b, key, v) }
func (e *encoder) date(key string, d time.Time) {
	if !d.IsZero() {
		fmt.Fprintf(&e.b, "%s = %s\n", key, d.Format("2006-01-02"))
	}
}
func (e *encoder) ids(key string, v []string)  { tomltext.List(&e.b, key, v) }
func (e *encoder) list(key string, v []string) { tomltext.Lines(&e.b, key, v) }
