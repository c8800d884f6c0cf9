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
			for _, m := range address.FindAllString(line, -1) {
				if m == `"#n` && strings.Contains(line, `"#noi-dung"`) || m == `"#m` && strings.Contains(line, `"#mang-theo"`) {
					continue // the skip link to the page's main content; the kiosk's link to the page's own QR code
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
