//go:build unix

package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A web server runs as another user: whatever the umask of the build, it must be able to
// read every published file and enter every folder, including the folders made for --out.
func TestPublishedFilesAreWorldReadable(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	out := filepath.Join(t.TempDir(), "www", "public")
	if _, err := Write(out, []File{
		{Path: "index.html", Data: []byte("a")},
		{Path: "ke-hoach/a/index.html", Data: []byte("b")},
	}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{filepath.Dir(out), out} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o755 {
			t.Errorf("%s: %v, %v; want a folder with mode 0755", p, st.Mode(), err)
		}
	}
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		want := fs.FileMode(0o644)
		if d.IsDir() {
			want = fs.ModeDir | 0o755
		}
		if st.Mode() != want {
			t.Errorf("%s: mode %v, want %v", p, st.Mode(), want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
