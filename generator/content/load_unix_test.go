//go:build unix

package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// On a real file system too: a FIFO is refused without being opened (opening it would
// block for ever), and neither a link to a file nor a link to a folder is followed.
func TestLoadRefusesLinksAndFIFOsOnDisk(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	write := func(name, text string) {
		t.Helper()
		name = filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.toml", `title = "T"`)
	write("plans/p/plan.toml", "authority = \"a\"\nyear = 2024\n")
	if err := os.WriteFile(filepath.Join(outside, "secret.md"), []byte("bí mật"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(dir, "plans/p/narrative.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "thu-tuc")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "plans/p/decision.md"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	set, got := loadErrors(t, os.DirFS(dir))
	for _, want := range []string{"plans/p/decision.md: không phải tệp thường", "plans/p/narrative.md: là liên kết tượng trưng", "thu-tuc: là liên kết tượng trưng"} {
		if !strings.Contains(got, want) {
			t.Errorf("no error %q in:\n%s", want, got)
		}
	}
	if p := set.Plans; len(p) != 1 || p[0].Narrative != nil {
		t.Errorf("the linked file was read: %+v", p)
	}
}
