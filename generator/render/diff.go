package render

import (
	"html/template"
	"strings"

	"congkhai/generator/history"
)

// wordDiff shows the change from one wording to the next, word by word: removed words in
// <del>, added words in <ins>, the rest as is. Both are plain text (a task's Markdown, as
// a reader reads it).
func wordDiff(before, after string) template.HTML {
	a, b := strings.Fields(plainText(before)), strings.Fields(plainText(after))
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out strings.Builder
	run := func(tag string, words []string) {
		if len(words) == 0 {
			return
		}
		if out.Len() > 0 {
			out.WriteByte(' ')
		}
		text := template.HTMLEscapeString(strings.Join(words, " "))
		if tag == "" {
			out.WriteString(text)
		} else {
			out.WriteString("<" + tag + ">" + text + "</" + tag + ">")
		}
	}
	var same, del, ins []string
	flush := func() { run("del", del); run("ins", ins); del, ins = nil, nil }
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			if len(del)+len(ins) > 0 {
				run("", same)
				same = nil
				flush()
			}
			same = append(same, a[i])
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			if len(same) > 0 {
				run("", same)
				same = nil
			}
			ins = append(ins, b[j])
			j++
		default:
			if len(same) > 0 {
				run("", same)
				same = nil
			}
			del = append(del, a[i])
			i++
		}
	}
	flush()
	run("", same)
	return template.HTML(out.String())
}

// TaskHistory is the task's changes, newest first, corrections included: its reports, its
// rewordings, the day it fell overdue, the periods it left without a report.
func (pg *Page) TaskHistory() []history.Event {
	var out []history.Event
	for _, e := range pg.r.events() {
		if e.Task == pg.Task {
			out = append(out, e)
		}
	}
	return out
}
