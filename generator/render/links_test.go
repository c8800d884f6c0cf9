package render

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"congkhai/templates"
)

// Templates name the parts of the site by section, never by address: the addresses are
// written once, in links.go, so that moving a section is one change.
func TestTemplatesNameNoAddress(t *testing.T) {
	address := regexp.MustCompile(`"[^"{}\s]*(\.html|/)"|"#[a-z]`)
	names, err := fs.Glob(templates.FS, "*.html")
	if err != nil || len(names) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	for _, name := range names {
		b, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			for _, loc := range address.FindAllStringIndex(line, -1) {
				m := line[loc[0]:loc[1]]
				if frag, ok := pageFragment(line[loc[0]:]); ok && strings.Contains(string(b), `id="`+frag) {
					continue // a link within the page, to an element the template writes itself
				}
				t.Errorf("%s:%d: an address in a template: %s", name, i+1, m)
			}
		}
	}
	for name := range sections {
		if _, err := section(name); err != nil {
			t.Error(err)
		}
	}
	if _, err := section("khong-co"); err == nil || !strings.Contains(err.Error(), "plans") {
		t.Errorf("an unknown section: %v", err)
	}
}

// pageFragment is, for a text starting with a quoted "#x…", the fragment up to any
// template action: "muc-" for "#muc-{{.ID}}".
func pageFragment(text string) (string, bool) {
	if !strings.HasPrefix(text, `"#`) {
		return "", false
	}
	frag, _, _ := strings.Cut(text[2:], `"`)
	frag, _, _ = strings.Cut(frag, "{{")
	return frag, frag != ""
}
