package progressform

import (
	"bytes"
	"fmt"
	"strings"

	"congkhai/generator/tomltext"
)

// Record is the progress record of an entry: its path in the content folder,
// progress/<plan>/<task>-<date>.md (with the period's key before the date for a recurring
// task's period: <task>-2025-q1-<date>.md), and its text. The agency is the form's.
func (e Entry) Record() (rel string, data []byte) {
	name := e.Task.ID
	if e.Period.Key != "" {
		name += "-" + strings.ToLower(e.Period.Key)
	}
	rel = "progress/" + e.Task.Plan.ID + "/" + name + "-" + e.Date.String() + ".md"
	var b bytes.Buffer
	b.WriteString("+++\n")
	tomltext.String(&b, "task", e.Task.ID)
	fmt.Fprintf(&b, "date = %s\n", e.Date)
	agency := e.Agency.Key
	if e.Agency.Authority == e.Task.Plan.Authority {
		agency = e.Agency.ID
	}
	tomltext.String(&b, "agency", agency)
	tomltext.String(&b, "status", e.State.Key())
	if e.Percent != nil {
		fmt.Fprintf(&b, "percent = %d\n", *e.Percent)
	}
	tomltext.String(&b, "period", e.Period.Key)
	if !e.Completed.IsZero() {
		fmt.Fprintf(&b, "completed = %s\n", e.Completed)
	}
	if ev := e.Evidence; ev != nil {
		b.WriteString("[[evidence]]\n")
		tomltext.String(&b, "number", ev.Number)
		if !ev.Date.IsZero() {
			fmt.Fprintf(&b, "date = %s\n", ev.Date)
		}
		tomltext.String(&b, "title", ev.Title)
		tomltext.String(&b, "url", ev.URL)
	}
	b.WriteString("+++\n")
	if e.Body != "" {
		b.WriteString(e.Body + "\n")
	}
	return rel, b.Bytes()
}
