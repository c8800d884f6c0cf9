package generator_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"congkhai/generator/history"
)

// feedCheck reads every feed named on stdin with feedparser, the Python library most feed
// readers' behaviour is measured against, and prints what it found of each, as JSON.
const feedCheck = `
import feedparser, json, sys
out = {}
for path in sys.stdin.read().split():
    d = feedparser.parse(path)
    out[path] = {
        "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
        "id": d.feed.get("id", ""), "title": d.feed.get("title", ""), "updated": bool(d.feed.get("updated_parsed")),
        "entries": [{"id": e.get("id", ""), "title": e.get("title", ""), "updated": bool(e.get("updated_parsed")),
                     "link": e.get("link", "")} for e in d.entries],
    }
print(json.dumps(out))
`

// Every feed of the example is Atom as a real parser reads it: well formed, every entry with
// an ID, a title, a date and a link to a page that exists; an entry keeps its ID from feed to
// feed; and the site's changes hold every kind of change.
func TestFeedsAreAtom(t *testing.T) {
	python := feedPython()
	if python == "" {
		if os.Getenv("CONGKHAI_REQUIRE_FEEDPARSER") != "" {
			t.Fatal("python3-feedparser is required (CONGKHAI_REQUIRE_FEEDPARSER is set) but not found")
		}
		t.Skip("python3 with feedparser not found (apt-get install python3-feedparser)")
	}
	out := builtExample(t)
	files := builtFiles(t)
	var feeds []string
	for p := range files {
		if strings.HasSuffix(p, "atom.xml") {
			feeds = append(feeds, filepath.Join(out, p))
		}
	}
	slices.Sort(feeds)
	if len(feeds) < 10 {
		t.Fatalf("%d feeds", len(feeds))
	}
	cmd := exec.Command(python, "-c", feedCheck)
	cmd.Stdin = strings.NewReader(strings.Join(feeds, "\n"))
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("feedparser: %v", err)
	}
	var got map[string]struct {
		Bozo      bool
		Error     string
		Version   string
		ID, Title string
		Updated   bool
		Entries   []struct {
			ID, Title, Link string
			Updated         bool
		}
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, path := range feeds {
		f := got[path]
		rel, _ := filepath.Rel(out, path)
		if f.Bozo || f.Version != "atom10" || f.ID == "" || f.Title == "" || !f.Updated {
			t.Errorf("%s: version %q, ill-formed %v %s, id %q, title %q", rel, f.Version, f.Bozo, f.Error, f.ID, f.Title)
		}
		seen := map[string]bool{}
		for _, e := range f.Entries {
			if e.ID == "" || e.Title == "" || !e.Updated || e.Link == "" || seen[e.ID] {
				t.Errorf("%s: entry %+v", rel, e)
			}
			seen[e.ID] = true
			if prev, ok := titles[e.ID]; ok && prev != e.Title {
				t.Errorf("%s: entry %s is titled %q here and %q elsewhere", rel, e.ID, e.Title, prev)
			}
			titles[e.ID] = e.Title
			target := filepath.Join(filepath.Dir(path), strings.SplitN(e.Link, "#", 2)[0])
			if _, err := os.Stat(target); err != nil {
				t.Errorf("%s: entry %s links to %s, which is not there", rel, e.ID, e.Link)
			}
		}
	}
	kinds := map[history.Kind]bool{}
	for _, e := range history.Events(exampleModel(t)) {
		kinds[e.Kind] = true
	}
	for _, k := range []history.Kind{history.PlanIssued, history.Report, history.Overdue, history.PeriodMissing, history.Answer, history.Scores} {
		if !kinds[k] {
			t.Errorf("no change of kind %s in the example", k)
		}
	}
	t.Logf("%d feeds read", len(feeds))
}

// feedPython finds a Python with feedparser: Debian's, where apt installs it, or the first
// python3 on the path.
func feedPython() string {
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import feedparser").Run() == nil {
			return p
		}
	}
	return ""
}
