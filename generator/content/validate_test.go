package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A file that cannot be read is reported once, at its syntax error; what refers to it is
// not reported again as a missing plan or registry.
func TestNoFollowOnErrorsFromUnreadableFiles(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte(`title = "T"`)},
		"agencies/a.toml":            {Data: []byte("[authority\nname = \"A\"\n")},
		"plans/p/plan.toml":          {Data: []byte("authority = \"a\"\nyear = 2024 2025\n")},
		"plans/q/plan.toml":          {Data: []byte("authority = \"a\"\nkind = \"other\"\nyear = 2024\ntitle = \"Q\"\n[document]\ntype = \"Kế hoạch\"\ntitle = \"Q\"\nissuer = \"I\"\ndate_text = \"năm 2024\"\n[[section]]\nid = \"s\"\ntitle = \"S\"\n[[task]]\nid = \"t\"\nsection = \"s\"\ncontent = \"c\"\nlead = [\"x\"]\n")},
		"progress/p/t-2024-01-01.md": {Data: []byte("+++\ntask = \"t\"\ndate = 2024-01-01\nagency = \"x\"\nstatus = \"done\"\n+++\n")},
	}
	set, err := Load(fsys)
	var all []string
	if err != nil {
		all = append(all, strings.Split(err.Error(), "\n")...)
	}
	if err := Validate(set, nil); err != nil {
		all = append(all, strings.Split(err.Error(), "\n")...)
	}
	if len(all) != 2 || !strings.HasPrefix(all[0], "agencies/a.toml:") || !strings.HasPrefix(all[1], "plans/p/plan.toml:2:") {
		t.Errorf("want exactly the two syntax errors, got:\n%s", strings.Join(all, "\n"))
	}
}
