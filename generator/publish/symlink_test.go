package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// --out may be a symbolic link to a web root: the site is published where it points, and
// the link stays.
func TestWriteThroughSymlink(t *testing.T) {
	for _, tt := range []struct {
		name, link string
		before     func(t *testing.T, target string)
	}{
		{"relative link to a published folder", "../www/html", func(t *testing.T, target string) { publish(t, target, "A") }},
		{"absolute link to an empty folder", "", func(t *testing.T, target string) { os.MkdirAll(target, 0o755) }},
		{"link to a folder not made yet", "../www/html", func(t *testing.T, target string) {}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "www", "html")
			out := filepath.Join(dir, "site", "public")
			os.MkdirAll(filepath.Dir(out), 0o755)
			link := tt.link
			if link == "" {
				link = target
			}
			if err := os.Symlink(link, out); err != nil {
				t.Skip("no symbolic links here:", err)
			}
			tt.before(t, target)
			for _, v := range []string{"B", "C"} {
				publish(t, out, v)
				if got, err := os.Readlink(out); err != nil || got != link {
					t.Fatalf("after publishing %s, out links to %q (%v); want %q", v, got, err, link)
				}
				if version(t, target, v) != v {
					t.Fatalf("after publishing %s through the link, the target holds %s", v, describe(t, target))
				}
			}
			if left := leftovers(t, filepath.Dir(out), "public"); len(left) > 0 {
				t.Errorf("beside the link: %v", left)
			}
			for _, name := range leftovers(t, filepath.Dir(target), "html") {
				if strings.HasPrefix(name, ".html-new-") || strings.HasPrefix(name, ".html-old-") {
					t.Errorf("beside the target: %s", name)
				}
			}
		})
	}
}

// A link to a folder congkhai did not make is refused, as the folder itself would be.
func TestWriteThroughSymlinkRefusesForeignFolder(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "html")
	os.MkdirAll(target, 0o755)
	os.WriteFile(filepath.Join(target, "index.nginx-debian.html"), []byte("Welcome to nginx!"), 0o644)
	out := filepath.Join(dir, "public")
	if err := os.Symlink("html", out); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	_, err := Write(out, site("B"))
	if err == nil || !strings.Contains(err.Error(), "không phải do congkhai tạo") {
		t.Errorf("Write into a link to a foreign folder: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(target, "index.nginx-debian.html")); string(b) != "Welcome to nginx!" {
		t.Errorf("the foreign folder was changed")
	}
}

// When no folder can be made beside the target (a web root whose parent only root may
// write), publishing is refused with the reason, and the target is left as it was.
func TestWriteThroughSymlinkNeedsTheTargetsFolder(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "www", "html")
	publish(t, target, "A")
	out := filepath.Join(dir, "public")
	if err := os.Symlink(target, out); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	real := disk
	defer func() { disk = real }()
	disk = &faultFS{fileSystem: real, n: 1, err: syscall.EACCES, sticky: func(op string) bool { return op == "mkdir" }}
	_, err := Write(out, site("B"))
	if err == nil || !errors.Is(err, syscall.EACCES) || !strings.Contains(err.Error(), "cần ghi được vào "+filepath.Dir(target)) {
		t.Errorf("got %v; want the reason and the folder that must be writable", err)
	}
	if version(t, target, "A") == "" {
		t.Errorf("the target holds %s", describe(t, target))
	}
}
