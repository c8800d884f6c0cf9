package render

import (
	"html/template"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"congkhai/generator/chart"
	"congkhai/generator/model"
	"congkhai/generator/schedule"
	"congkhai/generator/vocab"
)

var funcs = template.FuncMap{
	"section":         section,
	"taskName":        taskName,
	"taskNumber":      TaskNumber,
	"trimDot":         func(s string) string { return strings.TrimSuffix(s, ".") },
	"shorten":         func(s string, max int) string { return shortName(s, max) },
	"namedParts":      model.NamedParts,
	"wordDiff":        wordDiff,
	"vnDate":          func(d schedule.Date) string { return d.VN() },
	"percent":         percent,
	"number":          number,
	"add":             func(a, b int) int { return a + b },
	"join":            strings.Join,
	"lower":           strings.ToLower,
	"list":            func(v ...any) []any { return v },
	"limit":           head[*model.Task],
	"limitReports":    head[*model.Report],
	"limitProcedures": head[*model.Procedure],
	"limitPetitions":  head[*model.Petition],
	"levels":          levelNames,
	"summary":         summary,
	"long":            long,
	"decimal":         decimal,
	"upperFirst": func(s string) string {
		r, n := utf8.DecodeRuneInString(s)
		return string(unicode.ToUpper(r)) + s[n:]
	},
	"upper":        strings.ToUpper,
	"statusBar":    statusBar,
	"trendChart":   trendChart,
	"bandChart":    bandChart,
	"groupChart":   groupChart,
	"groups":       vocab.ScoreGroups,
	"bands":        vocab.Bands,
	"timelinesses": vocab.Timelinesses,
	"onTimeShare": func(c model.PetitionCounts) string {
		if share, ok := c.OnTimeShare(); ok {
			return chart.Number(share, 1) + "%"
		}
		return ""
	},
	"newestFirst": func(rs []*model.Report) []*model.Report {
		out := slices.Clone(rs)
		slices.Reverse(out)
		return out
	},
}

// percent is part of total as a whole percentage, "0" when total is 0.
func percent(part, total int) int {
	if total == 0 {
		return 0
	}
	return (part*100 + total/2) / total
}

// number writes an integer the Vietnamese way: 1.234.
func number(n int) string { return chart.Number(float64(n), 0) }

// decimal is a score with two decimals, Vietnamese style: 58,72.
func decimal(v float64) string { return chart.Number(v, 2) }

// head is the first n elements of list, or all of them.
func head[T any](n int, list []T) []T {
	if len(list) > n {
		return list[:n]
	}
	return list
}

// summary is the items of a list (a slice) that a page summing up a record shows: the
// first summaryRows.
func summary(list any) any {
	v := reflect.ValueOf(list)
	if v.Kind() == reflect.Slice && v.Len() > summaryRows {
		return v.Slice(0, summaryRows).Interface()
	}
	return list
}

// levelNames names the levels a procedure is carried out at: "Cấp tỉnh, Cấp xã".
func levelNames(levels []vocab.ProcedureLevel) string {
	names := make([]string, len(levels))
	for i, l := range levels {
		names[i] = l.Label()
	}
	return strings.Join(names, ", ")
}

// barPart is one status's part of a progress bar, in tasks: the bar's SVG is as wide as the
// number of tasks, so that every part starts and ends on a whole number.
type barPart struct {
	Slug, Fill string
	X, Width   int
}

// barFills are the colours of the statuses in a progress bar, those of the default theme's
// style sheet, given to the SVG so that the bar shows without it (a theme's style sheet may
// set the fill of .b-<status> to others).
var barFills = map[vocab.TaskStatus]string{
	vocab.TaskDone:            "#1d6b32",
	vocab.TaskDoneLate:        "#c49a1a",
	vocab.TaskInProgress:      "#0b57a4",
	vocab.TaskStale:           "#e0c27a",
	vocab.TaskNotDue:          "#aab3bd",
	vocab.TaskOverdue:         "#a4161a",
	vocab.TaskNoReport:        "#d7d7d7",
	vocab.TaskPeriodsReported: "#5b3a8c",
	vocab.TaskPeriodsMissing:  "#e8a0a0",
}

// statusBar is the parts of a progress bar of counts, one for each status some task has,
// in the order of vocab.TaskStatuses.
func statusBar(c schedule.Counts) []barPart {
	var parts []barPart
	x := 0
	for _, s := range vocab.TaskStatuses() {
		if n := c.Of(s); n > 0 {
			parts = append(parts, barPart{Slug: s.Slug(), Fill: barFills[s], X: x, Width: n})
			x += n
		}
	}
	return parts
}
