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
	{"forbidden", syscall.EACCES, func(string) bool { return false }},
}

// Whichever call of publishing fails, and however, the published site stays as it was, byte
// for byte, or the new one is published whole; nothing half-written is left beside it, and
// the next build publishes.
func TestWriteSurvivesDiskFaults(t *testing.T) {
	real := disk
	defer func() { disk = real }()
	for _, fault := range faults {
		t.Run(fault.name, func(t *testing.T) {
			for n := 1; ; n++ {
				parent := t.TempDir()
				out := filepath.Join(parent, "public")
				publish(t, out, "A")
				f := &faultFS{fileSystem: real, n: n, err: fault.err, sticky: fault.sticky}
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
					break
				}
				switch {
				case err == nil:
					// Only removing the replaced site failed: the new one is published.
					if version(t, out, "B") == "" {
						t.Errorf("call %d failed, Write succeeded, and out holds %s", n, describe(t, out))
					}
				case !errors.Is(err, fault.err):
					t.Errorf("call %d failed with %v, but Write says %v", n, fault.err, err)
				default:
					if version(t, out, "A") == "" {
						t.Errorf("call %d failed (%v), and out holds %s", n, err, describe(t, out))
					}
					for _, name := range leftovers(t, parent, "public") {
						if strings.HasPrefix(name, ".public-new-") {
							t.Errorf("call %d failed (%v), and %s is left", n, err, name)
						}
					}
				}
				publish(t, out, "C")
				if left := leftovers(t, parent, "public"); len(left) > 0 {
					t.Errorf("call %d failed; the next build left %v", n, left)
				}
				if _, err := os.Stat(filepath.Join(out, "chi-C.txt")); err != nil {
					t.Errorf("call %d failed; the next build did not publish: %v", n, err)
				}
			}
		})
	}
}
