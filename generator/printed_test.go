package generator_test

import (
	"html"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"congkhai/generator/content"
)

// What the document printed is what the site shows: every deadline, lead, cooperating and
// evaluating cell of the example's plans appears word for word on the pages that show it
// (the task's page, and the plan's appendix table for deadlines, leads and indicators), and
// an editor's reading of a misprinted deadline appears beside the printed text, marked as
// the editor's, never instead of it.
func TestPrintedWordsAreShown(t *testing.T) {
	set, err := content.Load(os.DirFS("../content"))
	if err != nil {
		t.Fatal(err)
	}
	files := builtFiles(t)
	page := func(p string) string {
		b, ok := files[p]
		if !ok {
			t.Fatalf("no page %s", p)
		}
		return readText(string(b))
	}
	shown := func(where, text, what string) {
		t.Helper()
		if want := strings.Join(strings.Fields(text), " "); want != "" && !strings.Contains(where, want) {
			t.Errorf("%s: %q is not shown as printed", what, text)
		}
	}
	var cells, readings int
	for _, f := range set.Plans {
		plan := page(path.Join("ke-hoach", f.ID, "index.html"))
		for _, r := range f.Tasks {
			task := page(path.Join("ke-hoach", f.ID, r.ID, "index.html"))
			as := r.Assignments
			if len(as) == 0 {
				as = []content.Assignment{r.Assignment}
			}
			for _, a := range as {
				what := f.ID + "/" + r.ID
				shown(task, a.Deadline, what+" task page, deadline")
				shown(plan, a.Deadline, what+" plan table, deadline")
				shown(task, a.LeadText, what+" task page, lead")
				shown(plan, a.LeadText, what+" plan table, lead")
				shown(task, a.CooperatingText, what+" task page, cooperating")
				cells += 5
				if a.DeadlineReadAs != "" {
					readings++
					for _, where := range []string{task, plan} {
						shown(where, a.Deadline+" (biên tập viên đọc là: "+a.DeadlineReadAs+")", what+" reading beside the printed deadline")
					}
				}
			}
		}
		for _, r := range f.Indicators {
			what := f.ID + " indicator " + r.STT
			shown(plan, r.LeadText, what+" lead")
			shown(plan, r.CooperatingText, what+" cooperating")
			shown(plan, r.EvaluatingText, what+" evaluating")
			cells += 3
		}
	}
	if readings < 6 {
		t.Errorf("%d editor's readings of misprinted deadlines; the example has 6", readings)
	}
	t.Logf("%d printed cells and %d readings checked", cells, readings)
}

// The plan's "Nguồn" names the public document (type, number, date, issuer), never a file.
func TestPlanSourceNamesTheDocument(t *testing.T) {
	files := builtFiles(t)
	for _, p := range exampleModel(t).Plans {
		text := readText(string(files[path.Join("ke-hoach", p.ID, "index.html")]))
		_, source, ok := strings.Cut(text, "Nguồn ")
		if !ok {
			t.Errorf("%s: no Nguồn line", p.ID)
			continue
		}
		source, _, _ = strings.Cut(source, ". ")
		want := p.Document.Type.Label()
		if p.Document.Number != "" {
			want += " số " + p.Document.Number
		}
		if !strings.HasPrefix(source, want) || !strings.Contains(source, p.Document.Issuer) {
			t.Errorf("%s: Nguồn %q does not name %q of %s", p.ID, source, want, p.Document.Issuer)
		}
		for _, bad := range []string{".txt", "seeds/", "shared/", ".toml"} {
			if strings.Contains(source, bad) {
				t.Errorf("%s: Nguồn %q names a file", p.ID, source)
			}
		}
	}
}

var inlineTagRe = regexp.MustCompile(`</?(a|span|strong|em|b|i|abbr|code|time)\b[^>]*>`)

// readText is the text of a page as a reader reads it: inline tags (links, emphasis) run
// into the words around them, other tags break them, and runs of spaces are one space.
func readText(page string) string {
	text := tagRe.ReplaceAllString(inlineTagRe.ReplaceAllString(page, ""), " ")
	return strings.Join(strings.Fields(html.UnescapeString(text)), " ")
}
