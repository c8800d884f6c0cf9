package publish

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// faultFS is the real file system, except that its n-th call fails with err, and so do the
// later calls sticky says a full or read-only disk would fail too.
type faultFS struct {
	fileSystem
	n      int
	err    error
	sticky func(op string) bool

	mu    sync.Mutex
	calls int
	hit   bool
}

func (f *faultFS) fault(op, name string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.calls == f.n || f.calls > f.n && f.sticky(op) {
		f.hit = true
		return &fs.PathError{Op: op, Path: name, Err: f.err}
	}
	return nil
}

func (f *faultFS) mkdir(name string) error {
	if err := f.fault("mkdir", name); err != nil {
		return err
	}
	return f.fileSystem.mkdir(name)
}

func (f *faultFS) writeFile(name string, data []byte) error {
	if err := f.fault("write", name); err != nil {
		return err
	}
	return f.fileSystem.writeFile(name, data)
}

func (f *faultFS) rename(from, to string) error {
	if err := f.fault("rename", from); err != nil {
		return err
	}
	return f.fileSystem.rename(from, to)
}

func (f *faultFS) exchange(a, b string) error {
	if err := f.fault("exchange", a); err != nil {
		return err
	}
	return f.fileSystem.exchange(a, b)
}

func (f *faultFS) remove(name string) error {
	if err := f.fault("remove", name); err != nil {
		return err
	}
	return f.fileSystem.remove(name)
}

func (f *faultFS) lock(name string) (func(), error) {
	if err := f.fault("lock", name); err != nil {
		return nil, err
	}
	return f.fileSystem.lock(name)
}

// The disk faults: on a full disk what creates fails and what removes succeeds; on a
// read-only one everything fails; a forbidden call fails alone.
var faults = []struct {
	name   string
	err    error
	sticky func(op string) bool
}{
	{"full", syscall.ENOSPC, func(op string) bool { return op == "mkdir" || op == "write" || op == "lock" }},
	{"read-only", syscall.EROFS, func(string) bool { return true }},
	{"forbidden", syscall.EACCES, func(string) bool { return false }},
}

// Whichever call of publishing fails, and however, the published site stays as it was, byte
// for byte, or the new one is published whole; nothing half-written is left beside it
// unless the disk cannot remove it, and the next build repairs and publishes.
func TestWriteSurvivesDiskFaults(t *testing.T) {
	real := disk
	defer func() { disk = real; forceRenames = false }()
	for _, swap := range []string{"exchange", "renames"} {
		forceRenames = swap == "renames"
		for _, fault := range faults {
			for _, sc := range []string{"published", "interrupted"} {
				t.Run(swap+"/"+fault.name+"/"+sc, func(t *testing.T) {
					// Each case starts where the one before ended: C published, nothing else.
					parent := t.TempDir()
					out := filepath.Join(parent, "public")
					publish(t, out, "C")
					for n := 1; ; n++ {
						if !faultCase(t, real, fault.err, fault.sticky, n, out, sc, swap == "renames" && fault.name == "read-only") {
							break
						}
					}
				})
			}
		}
	}
}

// faultCase makes the n-th call of a publish of B over C fail, in scenario sc, checks what is
// left, and publishes C again. It reports whether the fault was hit. mayMiss: the put-back
// after the failed swap of a published site may fail too.
func faultCase(t *testing.T, real fileSystem, ferr error, sticky func(string) bool, n int, out, sc string, mayMiss bool) bool {
	t.Helper()
	parent := filepath.Dir(out)
	if sc == "interrupted" {
		// A build killed between the two renames of a swap.
		if err := os.Rename(out, filepath.Join(parent, ".public-old-0a1b2c3d4e5f")); err != nil {
			t.Fatal(err)
		}
		mayMiss = true
	}
	f := &faultFS{fileSystem: real, n: n, err: ferr, sticky: sticky}
	disk = f
	_, err := Write(out, site("B"))
	disk = real
	if !f.hit {
		if err != nil {
			t.Fatalf("no fault, yet: %v", err)
		}
		if version(t, out, "B") == "" {
			t.Fatalf("no fault, yet out holds %s", describe(t, out))
		}
		return false
	}
	switch {
	case err == nil:
		// Only removing what was replaced failed: the new site is published.
		if version(t, out, "B") == "" {
			t.Errorf("call %d failed, Write succeeded, and out holds %s", n, describe(t, out))
		}
	case !errors.Is(err, ferr):
		t.Errorf("call %d failed with %v, but Write says %v", n, ferr, err)
	default:
		if version(t, out, "C") == "" && !(mayMiss && tree(t, out) == nil) {
			t.Errorf("call %d failed (%v), and out holds %s", n, err, describe(t, out))
		}
		// The message says where the published site is.
		if want := "trang đã xuất bản ở " + out + " vẫn giữ nguyên"; tree(t, out) != nil && !strings.Contains(err.Error(), want) {
			t.Errorf("call %d failed: %q lacks %q", n, err, want)
		}
		if want := "trang đã xuất bản đang nằm ở " + filepath.Join(parent, ".public-old-"); tree(t, out) == nil && !strings.Contains(err.Error(), want) && !strings.Contains(err.Error(), "không đưa được trang đã xuất bản về") {
			t.Errorf("call %d failed: %q says not where the published site is", n, err)
		}
		for _, name := range leftovers(t, parent, "public") {
			if strings.HasPrefix(name, ".public-new-") && !sticky("remove") {
				t.Errorf("call %d failed (%v), and %s is left", n, err, name)
			}
		}
	}
	if err := Recover(out, nil); err != nil {
		t.Fatalf("call %d failed; then Recover: %v", n, err)
	}
	if v := version(t, out, "B", "C"); v == "" || v == "B" && err != nil {
		t.Errorf("call %d failed (%v); after Recover out holds %s", n, err, describe(t, out))
	}
	publish(t, out, "C")
	if left := leftovers(t, parent, "public"); len(left) > 0 {
		t.Fatalf("call %d failed; the next build left %v", n, left)
	}
	if version(t, out, "C") == "" {
		t.Fatalf("call %d failed; the next build published %s", n, describe(t, out))
	}
	return true
}

// Whichever call of an incremental publish fails, and however, the published site stays as
// it was, byte for byte, or, once the build has begun to move its files into place, the
// journal it leaves is completed by the next build, which then holds the new site whole.
func TestIncrementalSurvivesDiskFaults(t *testing.T) {
	real := disk
	defer func() { disk = real }()
	for _, fault := range faults {
		t.Run(fault.name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			publishIncremental(t, out, "C")
			for n := 1; ; n++ {
				f := &faultFS{fileSystem: real, n: n, err: fault.err, sticky: fault.sticky}
				disk = f
				_, err := putAll(out, Options{}, site("B"))
				disk = real
				if !f.hit {
					if err != nil || version(t, out, "B") == "" {
						t.Fatalf("no fault, yet: %v, out holds %s", err, describe(t, out))
					}
					break
				}
				_, journaled := os.Lstat(journalName(out))
				switch v := version(t, out, "B", "C"); {
				case err != nil && !errors.Is(err, fault.err):
					t.Errorf("call %d failed with %v, but the build says %v", n, fault.err, err)
				case err == nil && v != "B":
					t.Errorf("call %d failed, the build succeeded, and out holds %s", n, describe(t, out))
				case err != nil && v != "C" && journaled != nil:
					t.Errorf("call %d failed (%v) before any journal, and out holds %s", n, err, describe(t, out))
				}
				if err := Recover(out, nil); err != nil && journaled == nil && fault.name == "forbidden" {
					t.Fatalf("call %d failed; then Recover: %v", n, err)
				}
				if journaled == nil {
					if v := version(t, out, "B"); v == "" {
						t.Errorf("call %d failed after the journal; after Recover out holds %s", n, describe(t, out))
					}
				}
				publishIncremental(t, out, "C")
				if version(t, out, "C") == "" {
					t.Fatalf("call %d failed; the next build published %s", n, describe(t, out))
				}
				for _, name := range leftovers(t, parent, "public") {
					if strings.Contains(name, "-new-") || strings.Contains(name, "-journal") {
						t.Fatalf("call %d failed; the next build left %s", n, name)
					}
				}
			}
		})
	}
}
