package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// loadErrors loads fsys and returns the load errors, one a line.
func loadErrors(t *testing.T, fsys fs.FS) (*Set, string) {
	t.Helper()
	set, err := Load(fsys)
	if err == nil {
		return set, ""
	}
	return set, err.Error()
}

// Only regular files inside the content folder are read: a symbolic link is refused, not
// followed (narrative.md -> /etc/passwd would be published), and so is a FIFO or a device,
// which would block or never end. What is in a refused folder is not reported again.
func TestLoadRefusesWhatIsNotARegularFile(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                  {Data: []byte(`title = "T"`)},
		".secret":                    {Data: []byte("root:x:0:0")},
		"plans/p/plan.toml":          {Data: []byte("authority = \"a\"\nyear = 2024\n")},
		"plans/p/narrative.md":       {Data: []byte(".secret"), Mode: fs.ModeSymlink},
		"plans/p/decision.md":        {Data: []byte("Điều 1."), Mode: fs.ModeNamedPipe},
		"plans/q":                    {Data: []byte("plans/p"), Mode: fs.ModeSymlink},
		"progress/q/t-2024-01-01.md": {Data: []byte("+++\ntask = \"t\"\ndate = 2024-01-01\nagency = \"x\"\nstatus = \"done\"\n+++\n")},
		"thu-tuc/1.000001.toml":      {Data: []byte("code = 1"), Mode: fs.ModeDevice | fs.ModeCharDevice},
	}
	set, got := loadErrors(t, fsys)
	for _, want := range []string{
		"plans/p/decision.md: không phải tệp thường",
		"plans/p/narrative.md: là liên kết tượng trưng",
		"plans/q: là liên kết tượng trưng",
		"thu-tuc/1.000001.toml: không phải tệp thường",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no error %q in:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\n") + 1; n != 4 {
		t.Errorf("%d errors, want 4:\n%s", n, got)
	}
	if len(set.Plans) != 1 || set.Plans[0].Narrative != nil || set.Plans[0].Decision != nil || len(set.Procedures) != 0 {
		t.Errorf("a refused file was read: %+v", set.Plans)
	}
	if err := Validate(set, nil); err != nil && strings.Contains(err.Error(), "progress/q") {
		t.Errorf("a report in the refused plan's folder is reported again: %v", err)
	}

	// The registries alone are read the same way.
	regs := fstest.MapFS{
		"agencies/a.toml": {Data: []byte("[authority]\nname = \"A\"\nlevel = \"tinh\"\n")},
		"agencies/b.toml": {Data: []byte("../.secret"), Mode: fs.ModeSymlink},
		".secret":         {Data: []byte("[authority]\nname = \"S\"\n")},
	}
	files, err := LoadRegistries(regs)
	if len(files) != 1 || err == nil || !strings.Contains(err.Error(), "agencies/b.toml: là liên kết tượng trưng") {
		t.Errorf("registries: %d read, error %v", len(files), err)
	}
}

// A file larger than MaxFileSize is refused unread, with the limit named.
func TestLoadRefusesAHugeFile(t *testing.T) {
	big := make([]byte, 8<<20+1)
	for i := range big {
		big[i] = '#'
	}
	_, got := loadErrors(t, fstest.MapFS{
		"site.toml":        {Data: []byte(`title = "T"`)},
		"pakn/2026-1.toml": {Data: big},
	})
	if want := "pakn/2026-1.toml: tệp lớn hơn giới hạn 8 MiB"; !strings.HasPrefix(got, want) || strings.Contains(got, "\n") {
		t.Errorf("got %q, want one error starting %q", got, want)
	}
}
