package publish

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// noExchange is the real file system on a kernel or file system that cannot exchange.
type noExchange struct {
	fileSystem
	err     error
	renames int
}

func (n *noExchange) exchange(a, b string) error {
	return &os.LinkError{Op: "renameat2", Old: a, New: b, Err: n.err}
}

func (n *noExchange) rename(from, to string) error {
	if !strings.HasSuffix(to, "-manifest") { // the manifest is replaced through a rename too
		n.renames++
	}
	return n.fileSystem.rename(from, to)
}

// Where the kernel (ENOSYS) or the file system (EINVAL) cannot exchange, two renames do.
func TestSwapFallsBackOnRenames(t *testing.T) {
	real := disk
	defer func() { disk = real }()
	for _, errno := range []syscall.Errno{syscall.ENOSYS, syscall.EINVAL, syscall.EOPNOTSUPP} {
		parent := t.TempDir()
		out := filepath.Join(parent, "public")
		publish(t, out, "A")
		fs := &noExchange{fileSystem: real, err: errno}
		disk = fs
		_, err := Write(out, site("B"))
		disk = real
		if err != nil {
			t.Fatalf("%v: %v", errno, err)
		}
		if version(t, out, "B") == "" || fs.renames != 2 {
			t.Errorf("%v: %d renames, out holds %s", errno, fs.renames, describe(t, out))
		}
		if left := leftovers(t, parent, "public"); len(left) > 0 {
			t.Errorf("%v: left %v", errno, left)
		}
	}
}

// requireFaults skips a test of real disk faults that this machine cannot run, unless
// CONGKHAI_REQUIRE_FAULTS is set, as .ci/run does: there it must run.
func requireFaults(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CONGKHAI_REQUIRE_FAULTS") != "" {
		t.Fatalf("the disk fault tests are required (CONGKHAI_REQUIRE_FAULTS is set) but cannot run: %s", why)
	}
	t.Skip(why)
}

// mountTmpfs mounts a tmpfs with the options opts on a temporary folder, for the test.
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, opts); err != nil {
		requireFaults(t, "cannot mount a tmpfs, which needs root or CAP_SYS_ADMIN: "+err.Error())
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			syscall.Unmount(dir, syscall.MNT_DETACH)
		}
	})
	return dir
}

// remount makes the tmpfs at dir read-only or writable again, with the options opts.
func remount(t *testing.T, dir string, readOnly bool, opts string) {
	t.Helper()
	flags := uintptr(syscall.MS_REMOUNT)
	if readOnly {
		flags |= syscall.MS_RDONLY
	}
	if err := syscall.Mount("tmpfs", dir, "tmpfs", flags, opts); err != nil {
		t.Fatalf("remount %s (read-only %v): %v", dir, readOnly, err)
	}
}

// On a disk that fills up, by bytes or by files, the published site stays as it was and
// nothing is left beside it; once there is room, the next build publishes.
func TestWriteOnFullDisk(t *testing.T) {
	big := append(site("B"), File{Path: "du-lieu.csv", Data: bytes.Repeat([]byte("x"), 512<<10)})
	for _, tt := range []struct {
		name, opts string
		files      []File
	}{
		{"bytes", "size=256k", big},
		{"files", "nr_inodes=12", site("B")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			parent := mountTmpfs(t, tt.opts)
			out := filepath.Join(parent, "public")
			publish(t, out, "A")
			_, err := Write(out, tt.files)
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatalf("Write on a full disk: %v; want ENOSPC", err)
			}
			if version(t, out, "A") == "" {
				t.Errorf("out holds %s", describe(t, out))
			}
			if left := leftovers(t, parent, "public"); len(left) > 0 {
				t.Errorf("left: %v", left)
			}
			remount(t, parent, false, "size=2m,nr_inodes=100")
			publish(t, out, "C")
		})
	}
}

// On a read-only disk a build fails and changes nothing. A disk that turns read-only while
// a build writes keeps the published site, or, between the two renames, keeps it aside; once
// writable again, the next build repairs first.
func TestWriteOnReadOnlyDisk(t *testing.T) {
	defer func() { stepHook = nil; forceRenames = false }()
	parent := mountTmpfs(t, "size=1m")
	out := filepath.Join(parent, "public")
	publish(t, out, "A")
	remount(t, parent, true, "")
	if _, err := Write(out, site("B")); !errors.Is(err, syscall.EROFS) {
		t.Fatalf("Write on a read-only disk: %v; want EROFS", err)
	}
	if err := Recover(out, nil); err != nil {
		t.Errorf("Recover on a read-only disk with nothing to repair: %v", err)
	}
	if version(t, out, "A") == "" {
		t.Errorf("out holds %s", describe(t, out))
	}
	if left := leftovers(t, parent, "public"); len(left) > 0 {
		t.Errorf("left: %v", left)
	}
	remount(t, parent, false, "")

	for _, tt := range []struct {
		at      step
		renames bool
	}{{stepMarked, false}, {stepWritten, false}, {stepMovedOld, true}} {
		forceRenames = tt.renames
		stepHook = func(s step) {
			if s == tt.at {
				remount(t, parent, true, "")
			}
		}
		_, err := Write(out, site("B"))
		stepHook = nil
		if !errors.Is(err, syscall.EROFS) {
			t.Fatalf("read-only at %s: %v; want EROFS", tt.at, err)
		}
		v := version(t, out, "A")
		if v == "" && !(tt.at == stepMovedOld && tree(t, out) == nil) {
			t.Errorf("read-only at %s: out holds %s", tt.at, describe(t, out))
		}
		remount(t, parent, false, "")
		var notes []string
		if err := Recover(out, func(s string) { notes = append(notes, s) }); err != nil {
			t.Fatal(err)
		}
		if version(t, out, "A") == "" {
			t.Errorf("read-only at %s, then Recover: out holds %s", tt.at, describe(t, out))
		}
		if v == "" && (len(notes) == 0 || !strings.Contains(notes[0], "đã đưa trang đã xuất bản về")) {
			t.Errorf("read-only at %s: Recover put the site back and says %q", tt.at, notes)
		}
		if left := leftovers(t, parent, "public"); len(left) > 0 {
			t.Errorf("read-only at %s, then Recover: left %v", tt.at, left)
		}
	}
}
